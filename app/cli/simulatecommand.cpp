#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "common/vectorsource.h"
#include "common/vehicleclass.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventory.h"
#include "inventory/inventoryimport.h"
#include "publish/resultexport.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace stroom::cli {

int simulate(const QStringList& args) {
    QCommandLineParser p;
    helptext::addOptions(
        p,
        {
            {QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR")},
            {QStringLiteral("cameras"), QStringLiteral("Number of cameras (default 120)."),
             QStringLiteral("N")},
            {QStringLiteral("vehicles"), QStringLiteral("Vehicles in the fleet (default 20000)."),
             QStringLiteral("V")},
            {QStringLiteral("days"), QStringLiteral("Days to simulate (default 7)."), QStringLiteral("D")},
            {QStringLiteral("start"), QStringLiteral("First day, yyyy-mm-dd (default 2026-03-02)."),
             QStringLiteral("DATE")},
            {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S")},
            {QStringLiteral("format"),
             QStringLiteral(
                 "Export format(s), comma-separated: standard, nl, anpr-metrics, counts, pairflows, or all "
                 "(default standard); plates writes the camera's side for stroom-edge (anpr-plates.csv: "
                 "synthetic clear plates, never part of all)."),
             QStringLiteral("F")},
            {QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
             QStringLiteral("T")},
        });
    if (!parse(p, QStringLiteral("simulate"), args,
               QStringLiteral(
                   "Generates the demo city around Ghent: cameras.csv, zones.geojson, ANPR exports, the "
                   "true trips (truth-trips.csv) and simulation.json. Deterministic for a seed.")))
        return 0;
    if (!p.positionalArguments().isEmpty())
        throw Error::usage(
            QStringLiteral("simulate: unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("simulate: --out DIR is required"));
    SimulationOptions o;
    o.outDir = p.value(QStringLiteral("out"));
    o.cameras = integerOption(p, QStringLiteral("cameras"), o.cameras, 12, 2000);
    o.vehicles = integerOption(p, QStringLiteral("vehicles"), o.vehicles, 1, 20000000);
    o.days = integerOption(p, QStringLiteral("days"), o.days, 1, 3660);
    o.threads = integerOption(p, QStringLiteral("threads"), 0, 0, 256);
    if (p.isSet(QStringLiteral("start"))) {
        o.start = QDate::fromString(p.value(QStringLiteral("start")), Qt::ISODate);
        if (!o.start.isValid())
            throw Error::usage(QStringLiteral("simulate: --start must be a date yyyy-mm-dd (got '%1')")
                                   .arg(p.value(QStringLiteral("start"))));
    }
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            throw Error::usage(QStringLiteral("simulate: --seed must be a non-negative whole number"));
    }
    if (p.isSet(QStringLiteral("format"))) {
        const QString f = p.value(QStringLiteral("format"));
        o.formats =
            f == QLatin1String("all") ? Simulator::formats() : f.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    QElapsedTimer timer;
    timer.start();
    const SimulationSummary s = Simulator(o).run(progressPrinter(QStringLiteral("simulate")));
    const double secs = timer.elapsed() / 1000.0;
    err() << QStringLiteral("simulate: %1 vehicles, %2 trips (%3 through), %4 reads (%5 duplicates) in %6 s "
                            "(%7 reads/s) -> %8\n")
                 .arg(s.vehicles)
                 .arg(s.trips)
                 .arg(s.tripsByType.value(QStringLiteral("through")))
                 .arg(s.reads)
                 .arg(s.duplicates)
                 .arg(secs, 0, 'f', 2)
                 .arg(secs > 0 ? static_cast<qint64>(s.reads / secs) : 0)
                 .arg(o.outDir);
    return 0;
}

} // namespace stroom::cli
