#include "commands.h"

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

int flows(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    p.addOption(
        {QStringLiteral("by"), QStringLiteral("camera (default) or zone."), QStringLiteral("camera|zone")});
    if (!parse(p, QStringLiteral("flows"), args,
               QStringLiteral(
                   "Writes the origin-destination matrix: origin,destination,trips sorted by origin then "
                   "destination; cells under k are left out and counted on stderr and in the audit trail. "
                   "Single-read trips are counted apart and left out.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("flows: give PROJECT.gpkg and --out FILE"));
    const QString by = p.value(QStringLiteral("by"));
    if (!by.isEmpty() && by != QLatin1String("camera") && by != QLatin1String("zone"))
        throw Error::usage(QStringLiteral("flows: --by is camera or zone"));
    const bool zones = by == QLatin1String("zone");
    const FlowFilter filter = flowFilter(p);
    Store store = Store::open(p.positionalArguments().first());
    const int k = integerOption(p, QStringLiteral("k"), store.threshold(), 1, 1000000);
    TripParameters params;
    const FlowCube cube = queryCube(store, p, &params, nullptr);
    const CameraIndex cams = FlowEngine(store).cameras();
    const OdMatrix m = zones ? cube.od(filter, cams.zoneOf) : cube.od(filter);
    const ExportResult r =
        ResultExport(store, cams)
            .flows(m, zones, p.value(QStringLiteral("out")), k,
                   describeQuery(filter, params,
                                 QStringLiteral("by %1").arg(zones ? QStringLiteral("zone")
                                                                   : QStringLiteral("camera"))),
                   p.value(QStringLiteral("purpose")));
    err() << QStringLiteral(
                 "flows: %1 OD pairs written to %2; %3 cells under k=%4 suppressed; %5 trips in the matrix "
                 "(%6 through), %7 single-read trips left out\n")
                 .arg(r.rows)
                 .arg(r.path)
                 .arg(r.suppressed)
                 .arg(k)
                 .arg(m.trips)
                 .arg(m.throughTrips)
                 .arg(m.singleReadTrips);
    return 0;
}

} // namespace stroom::cli
