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
#include "privacy/recordkeys.h"
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
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    if (!parse(p, QStringLiteral("journey-times"), args,
               QStringLiteral(
                   "Writes journey times per consecutive camera pair inside trips: n, median, 15th and 85th "
                   "percentile in seconds, after dropping outliers beyond median ± 3 × MAD. Privacy: pairs "
                   "with fewer than k distinct vehicles are left out and counted; n and the outliers are "
                   "perturbed by the cell key method (the outliers left empty when they came from fewer than "
                   "k vehicles); --exact gives exact figures, audited as L1.")))
        return 0;
    ResultQuery q = ResultQuery::open(p, QStringLiteral("journey-times"));
    requireCordon(q.filter, q.session->flows(), q.session->flows().storedParameters(),
                  QStringLiteral("journey-times"));
    q.store().requireReads(QStringLiteral("journey-times"), true);
    // The project's trips are read a day at a time from the store; other parameters' are built in memory.
    TripSet trips;
    queryCube(q.store(), p, q.policy, &q.params, &trips);
    LocalTime zone(q.store().timeZone().toUtf8());
    const PublishedTimes times =
        publishTimes(q.params == q.session->flows().storedParameters()
                         ? q.session->flows().journeyTimes(q.filter)
                         : journeyTimes(trips, q.filter, zone, RecordKeys::load(q.store().database())),
                     q.policy);
    const ExportResult r =
        ResultExport(q.store(), q.session->flows().cameras(), q.policy, q.overwrite)
            .journeyTimes(times, p.value(QStringLiteral("out")),
                          describeQuery(q.filter, q.params, QStringLiteral("journey times")),
                          p.value(QStringLiteral("purpose")));
    ResultQuery::written(QStringLiteral("journey-times"), QStringLiteral("camera pairs"), r, QString(),
                         QStringLiteral("pairs"));
    return 0;
}

} // namespace stroom::cli
