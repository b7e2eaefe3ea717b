#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "flows/flowengine.h"
#include "flows/periodcomparison.h"
#include "publish/resultexport.h"
#include "session/session.h"
#include "store/store.h"

#include <QCommandLineParser>

namespace stroom::cli {

int compare(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    helptext::addOptions(
        p,
        {{QStringLiteral("before"), QStringLiteral("The first period, FROM/TO (local dates, inclusive)."),
          QStringLiteral("FROM/TO")},
         {QStringLiteral("after"), QStringLiteral("The second period, FROM/TO (local dates, inclusive)."),
          QStringLiteral("FROM/TO")},
         {QStringLiteral("by"), QStringLiteral("camera (default) or zone."), QStringLiteral("camera|zone")},
         {QStringLiteral("names"),
          QStringLiteral("Add origin_name and destination_name after the usual columns.")}});
    if (!parse(
            p, QStringLiteral("compare"), args,
            QStringLiteral(
                "Compares the OD matrix of two periods (before and after a measure): "
                "origin,destination,before,after,change,change_pct,significant, where before and after are "
                "trips per day (each period's released figure divided by its days with data), change = after "
                "- "
                "before, change_pct against before. The other filters (days, hours, class, through) apply to "
                "both periods; the periods may not overlap and need at least 4 days with data each. Privacy: "
                "each period is released as a flows query for that period alone would be (k distinct "
                "vehicles, "
                "cell key noise unless --exact); a cell under k in a period has an empty figure there and no "
                "change; cells under k in both are left out and counted. Significant: a two-sided "
                "permutation "
                "test of the difference in daily trips at the 5% level, over every split of the days of both "
                "periods that exchanges weekdays with weekdays and weekend days with weekend days (or 4,999 "
                "random splits when there are more than 20,000), one test per cell with no correction for "
                "the "
                "number of cells (about 1 unchanged cell in 20 is flagged). .gpkg/.geojson write the same "
                "fields on the "
                "flow lines.")))
        return 0;
    if (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to")))
        throw Error::usage(
            QStringLiteral("compare: the periods are --before FROM/TO and --after FROM/TO, not "
                           "--from/--to"));
    if (!p.isSet(QStringLiteral("before")) || !p.isSet(QStringLiteral("after")))
        throw Error::usage(QStringLiteral("compare: give --before FROM/TO and --after FROM/TO"));
    const bool zones = byZone(p, QStringLiteral("compare"));
    FlowFilter before, after;
    setPeriod(p, QStringLiteral("before"), before, QStringLiteral("compare"));
    setPeriod(p, QStringLiteral("after"), after, QStringLiteral("compare"));
    ResultQuery q = ResultQuery::open(p, QStringLiteral("compare"));
    const FlowCube cube = queryCube(q.store(), p, q.policy, &q.params, nullptr, FlowEngine::CubePart::Od);
    const CameraIndex cams = q.session->flows().cameras();
    requireCordon(q.filter, q.session->flows(), q.params, QStringLiteral("compare"));
    FlowFilter b = q.filter, a = q.filter;
    b.from = before.from;
    b.to = before.to;
    a.from = after.from;
    a.to = after.to;
    const PeriodComparison::Result result =
        PeriodComparison::compare(cube, b, a, zones ? cams.zoneOf : std::vector<int>(), q.policy);
    const ExportResult r =
        ResultExport(q.store(), cams, q.policy, q.overwrite)
            .withNames(p.isSet(QStringLiteral("names")))
            .comparison(
                result, zones, p.value(QStringLiteral("out")),
                describeQuery(q.filter, q.params,
                              QStringLiteral("%1, before %2 (%3 days), after %4 (%5 days)")
                                  .arg(zones ? QStringLiteral("by zone") : QStringLiteral("by camera"),
                                       PeriodComparison::periodText(b))
                                  .arg(result.beforeDays)
                                  .arg(PeriodComparison::periodText(a))
                                  .arg(result.afterDays)),
                p.value(QStringLiteral("purpose")));
    int significant = 0;
    for (const PeriodComparison::Row& row : result.rows)
        significant += row.significant ? 1 : 0;
    ResultQuery::written(QStringLiteral("compare"), QStringLiteral("OD pairs"), r,
                         QStringLiteral("; %1 changed significantly (5%)").arg(significant));
    return 0;
}

} // namespace stroom::cli
