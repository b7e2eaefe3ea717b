#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "common/vectorsource.h"
#include "common/vehicleclass.h"
#include "flows/flowengine.h"
#include "flows/importedaggregates.h"
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

int counts(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    helptext::addOption(
        p, {QStringLiteral("per"), QStringLiteral("hour (default) or day."), QStringLiteral("hour|day")});
    addBaseOption(p);
    helptext::addOption(
        p, {QStringLiteral("distinct"),
            QStringLiteral("Distinct vehicles only, all classes together (a vehicle once per cell): "
                           "camera,period,vehicles.")});
    helptext::addOption(
        p, {QStringLiteral("by"),
            QStringLiteral("camera (default) or city: with city, the distinct vehicles seen at any "
                           "camera (each once), as period,vehicles; implies --distinct. Counts "
                           "imported from privacy-proof cameras cannot say which vehicles they "
                           "share and are left out of --distinct."),
            QStringLiteral("camera|city")});
    helptext::addOption(
        p, {QStringLiteral("profile"),
            QStringLiteral("The typical day per camera: camera,day_type,hour,median_passages,days, the "
                           "median over the days (weekdays and weekends apart) of the released "
                           "passages per local hour, classes together.")});
    if (!parse(
            p, QStringLiteral("counts"), args,
            QStringLiteral(
                "Writes passages (kept reads) and distinct vehicles per camera, period (local hour or day) "
                "and class (distinct vehicles exact over the cell's period). Privacy: cells with fewer than "
                "k distinct vehicles are left out and counted; both figures are perturbed by the cell key "
                "method (noise -2..+2, zero mean, variance 1); --exact gives exact figures, audited as L1. "
                "Counts imported from privacy-proof cameras are included as rows of their own (source "
                "'aggregate'; k is tested on their largest imported cell).")))
        return 0;
    const QString per = p.value(QStringLiteral("per"));
    if (!per.isEmpty() && per != QLatin1String("hour") && per != QLatin1String("day"))
        throw Error::usage(QStringLiteral("counts: --per is hour or day"));
    const bool perHour = per != QLatin1String("day");
    const QString by = p.value(QStringLiteral("by"));
    if (!by.isEmpty() && by != QLatin1String("camera") && by != QLatin1String("city"))
        throw Error::usage(QStringLiteral("counts: --by is camera or city"));
    const bool byCity = by == QLatin1String("city");
    const bool distinct = byCity || p.isSet(QStringLiteral("distinct"));
    if (p.isSet(QStringLiteral("through")))
        throw Error::usage(
            QStringLiteral("counts: --through is for flows and journey-times: counts are passages "
                           "and vehicles at cameras, whatever trip they belong to"));
    ResultQuery q = ResultQuery::open(p, QStringLiteral("counts"));
    const FlowCube cube = queryCube(q.store(), p, q.policy, &q.params, nullptr, FlowEngine::CubePart::Counts);
    const CountPeriod period = perHour ? CountPeriod::Hour : CountPeriod::Day;
    // Stroom's own counts and those imported from privacy-proof cameras, each row marked with its source.
    const CameraIndex cams = q.session->flows().cameras();
    LocalTime zone(q.store().timeZone().toUtf8());
    const RecordKeys keys = RecordKeys::load(q.store().database());
    if (p.isSet(QStringLiteral("profile"))) {
        const RawCounts raw = cube.counts(q.filter, CountPeriod::Hour, false);
        const ExportResult r = ResultExport(q.store(), cams, q.policy, q.overwrite)
                                   .profile(raw.publish(q.policy), p.value(QStringLiteral("out")),
                                            describeQuery(q.filter, q.params, QStringLiteral("typical day")),
                                            p.value(QStringLiteral("purpose")));
        ResultQuery::written(QStringLiteral("counts"), QStringLiteral("rows"), r);
        return 0;
    }
    if (distinct) {
        // Distinct pseudonyms per cell, over every class (and, for the city, every camera): the cube's own,
        // released by the policy like any count (k in distinct vehicles, cell key noise).
        const RawCounts raw = cube.counts(q.filter, period, false, !byCity);
        const ExportResult r =
            ResultExport(q.store(), cams, q.policy, q.overwrite)
                .distinctVehicles(
                    raw.publish(q.policy), perHour, byCity, p.value(QStringLiteral("out")),
                    describeQuery(q.filter, q.params,
                                  QStringLiteral("distinct vehicles by %1 per %2")
                                      .arg(byCity ? QStringLiteral("city") : QStringLiteral("camera"),
                                           perHour ? QStringLiteral("hour") : QStringLiteral("day"))),
                    p.value(QStringLiteral("purpose")));
        ResultQuery::written(QStringLiteral("counts"), QStringLiteral("rows"), r);
        return 0;
    }
    RawCounts raw = cube.counts(q.filter, period, true);
    const RawCounts imported =
        ImportedAggregates(q.store().database(), cams, zone, keys).counts(q.filter, period, true);
    raw.cells.insert(raw.cells.end(), imported.cells.begin(), imported.cells.end());
    const ExportResult r =
        ResultExport(q.store(), cams, q.policy, q.overwrite)
            .withLinkedData(p.value(QStringLiteral("base")), QDate(), QDate())
            .counts(raw.publish(q.policy), perHour, p.value(QStringLiteral("out")),
                    describeQuery(q.filter, q.params,
                                  perHour ? QStringLiteral("per hour") : QStringLiteral("per day")),
                    p.value(QStringLiteral("purpose")));
    ResultQuery::written(QStringLiteral("counts"), QStringLiteral("rows"), r);
    return 0;
}

} // namespace stroom::cli
