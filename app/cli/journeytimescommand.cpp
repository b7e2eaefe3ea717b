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

int journeyTimesCommand(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    if (!parse(p, QStringLiteral("journey-times"), args,
               QStringLiteral(
                   "Writes journey times per consecutive camera pair inside trips: n, median, 15th and 85th "
                   "percentile in seconds, after dropping outliers beyond median ± 3 × MAD; pairs with fewer "
                   "than k observations are left out.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("journey-times: give PROJECT.gpkg and --out FILE"));
    const FlowFilter filter = flowFilter(p);
    Store store = Store::open(p.positionalArguments().first());
    const int k = integerOption(p, QStringLiteral("k"), store.threshold(), 1, 1000000);
    TripParameters params;
    TripSet trips;
    queryCube(store, p, &params, &trips);
    LocalTime zone(store.timeZone().toUtf8());
    const CameraIndex cams = FlowEngine(store).cameras();
    const ExportResult r =
        ResultExport(store, cams)
            .journeyTimes(journeyTimes(trips, filter, zone), p.value(QStringLiteral("out")), k,
                          describeQuery(filter, params, QStringLiteral("journey times")),
                          p.value(QStringLiteral("purpose")));
    err() << QStringLiteral("journey-times: %1 camera pairs written to %2; %3 pairs under k=%4 suppressed\n")
                 .arg(r.rows)
                 .arg(r.path)
                 .arg(r.suppressed)
                 .arg(k);
    return 0;
}

} // namespace stroom::cli
