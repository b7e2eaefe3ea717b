#pragma once
// Two weeks of the demo city's traffic as a project, optionally with a planted change: one camera's reads
// gone from the second week on (as if it were removed, or traffic were banned there). Shared by the engine's
// comparison test and the map's compare mode.

#include "common/error.h"
#include "common/vectorsource.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventoryimport.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include <QDir>
#include <QFile>

namespace stroomtest {

/** The first day of the second week, when the planted change begins. */
inline const char* plantedChangeFrom() {
    return "2026-03-09";
}

/**
 * Simulates 14 days (60 cameras, 10,000 vehicles; once per \a simDir) and makes \a project of them; with
 * \a dropCamera, that camera's reads from plantedChangeFrom() on are left out. Trips built.
 */
inline void createPlantedChangeProject(const QString& simDir, const QString& project,
                                       const QByteArray& dropCamera) {
    using namespace stroom;
    if (!QFile::exists(simDir + QStringLiteral("/anpr-standard.csv"))) {
        SimulationOptions o;
        o.cameras = 60;
        o.vehicles = 10000;
        o.days = 14;
        o.outDir = simDir;
        Simulator(o).run();
    }
    Store s = Store::create(project);
    const QString cams = simDir + QStringLiteral("/cameras.csv");
    s.upsertCameras(camerasFromFeatures(readVectorFile(cams), cams, nullptr));
    s.upsertZones(zonesFromFeatures(readVectorFile(simDir + QStringLiteral("/zones.geojson")),
                                    QStringLiteral("zones"), QStringLiteral("wijknr"),
                                    QStringLiteral("wijk")));
    QString csv = simDir + QStringLiteral("/anpr-standard.csv");
    if (!dropCamera.isEmpty()) {
        QFile in(csv);
        if (!in.open(QIODevice::ReadOnly))
            throw Error::input(csv);
        csv = project + QStringLiteral(".planted.csv");
        QFile out(csv);
        if (!out.open(QIODevice::WriteOnly))
            throw Error::input(csv);
        while (!in.atEnd()) {
            const QByteArray line = in.readLine();
            const QList<QByteArray> f = line.split(',');
            if (f.size() > 1 && f[1] == dropCamera && f[0] >= plantedChangeFrom())
                continue;
            out.write(line);
        }
    }
    Importer(s).importFile(csv, ImportOptions());
    FlowEngine(s).rebuild(TripParameters());
}

} // namespace stroomtest
