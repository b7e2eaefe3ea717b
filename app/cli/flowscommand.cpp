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
#include "store/outputfile.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace stroom::cli {

int flows(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    helptext::addOption(p, {QStringLiteral("by"), QStringLiteral("camera (default) or zone."),
                            QStringLiteral("camera|zone")});
    addBaseOption(p);
    helptext::addOption(
        p, {QStringLiteral("names"),
            QStringLiteral("Add origin_name and destination_name after the usual columns (the register's "
                           "camera names, or the zones').")});
    helptext::addOption(
        p, {QStringLiteral("per"),
            QStringLiteral("hour or day: one long table origin,destination,period,trips (period a local "
                           "hour or date), each period's cells released on their own (CSV only; "
                           "pair flows imported from privacy-proof cameras are left out)."),
            QStringLiteral("hour|day")});
    if (!parse(p, QStringLiteral("flows"), args,
               QStringLiteral(
                   "Writes the origin-destination matrix: origin,destination,trips sorted by origin then "
                   "destination. Privacy: a cell needs at least k distinct vehicles (else it is left out and "
                   "counted on stderr and in the audit trail); every published figure is perturbed by the "
                   "cell key method (noise -2..+2, zero mean, variance 1: the same cell always reads the "
                   "same, so differencing queries recovers nothing exactly); totals are sums of published "
                   "cells. --exact gives exact figures, audited as layer L1. Single-read trips are counted "
                   "apart and left out. Pair flows imported from privacy-proof cameras go to "
                   "NAME.aggregates.csv "
                   "beside --out (origin,destination,vehicles,source), through the same rules.")))
        return 0;
    const bool zones = byZone(p, QStringLiteral("flows"));
    const QString per = p.value(QStringLiteral("per"));
    if (!per.isEmpty() && per != QLatin1String("hour") && per != QLatin1String("day"))
        throw Error::usage(QStringLiteral("flows: --per is hour or day"));
    ResultQuery q = ResultQuery::open(p, QStringLiteral("flows"));
    const FlowCube cube = queryCube(q.store(), p, q.policy, &q.params, nullptr, FlowEngine::CubePart::Od);
    const CameraIndex cams = q.session->flows().cameras();
    requireCordon(q.filter, q.session->flows(), q.params, QStringLiteral("flows"));
    if (!per.isEmpty()) {
        // Each local day (and hour) the filter takes, queried and released as that period alone would be.
        const bool perHour = per == QLatin1String("hour");
        std::vector<ResultExport::PeriodMatrix> periods;
        for (const std::int64_t day : cube.days()) {
            if (!q.filter.acceptsDay(day))
                continue;
            FlowFilter f = q.filter;
            f.from = f.to = QDate(1970, 1, 1).addDays(day);
            for (int h = perHour ? q.filter.hourFrom : 0; h < (perHour ? q.filter.hourTo : 1); ++h) {
                if (perHour) {
                    f.hourFrom = h;
                    f.hourTo = h + 1;
                }
                OdMatrix m = (zones ? cube.od(f, cams.zoneOf) : cube.od(f)).publish(q.policy);
                periods.push_back({perHour ? day * 24 + h : day, std::move(m)});
            }
        }
        const ExportResult r = ResultExport(q.store(), cams, q.policy, q.overwrite)
                                   .withNames(p.isSet(QStringLiteral("names")))
                                   .flowsPerPeriod(periods, zones, perHour, p.value(QStringLiteral("out")),
                                                   describeQuery(q.filter, q.params,
                                                                 QStringLiteral("%1, per %2")
                                                                     .arg(zones ? QStringLiteral("by zone")
                                                                                : QStringLiteral("by camera"),
                                                                          per)),
                                                   p.value(QStringLiteral("purpose")));
        ResultQuery::written(QStringLiteral("flows"), QStringLiteral("rows"), r);
        return 0;
    }
    const OdMatrix m = (zones ? cube.od(q.filter, cams.zoneOf) : cube.od(q.filter)).publish(q.policy);
    // Pair flows imported from privacy-proof cameras go to their own file beside it (vehicles, source); both
    // outputs are checked before either is written.
    LocalTime zone(q.store().timeZone().toUtf8());
    const RecordKeys keys = RecordKeys::load(q.store().database());
    const RawOd imported = ImportedAggregates(q.store().database(), cams, zone, keys)
                               .pairFlows(q.filter, zones ? cams.zoneOf : std::vector<int>());
    const QFileInfo out(p.value(QStringLiteral("out")));
    const QString name = out.completeBaseName() + QStringLiteral(".aggregates.") + out.suffix();
    const QString aggregatesPath =
        p.value(QStringLiteral("out")).contains(QLatin1Char('/')) ? out.dir().filePath(name) : name;
    if (!imported.cells.empty())
        OutputFile::check(q.store().path(), aggregatesPath, q.overwrite);
    // The period the matrix covers, for linked data: the filter's dates, or the days the cube holds.
    QDate first = q.filter.from, last = q.filter.to;
    for (const std::int64_t day : cube.days()) {
        if (!q.filter.acceptsDay(day))
            continue;
        const QDate d = QDate(1970, 1, 1).addDays(day);
        if (!q.filter.from.isValid() && (!first.isValid() || d < first))
            first = d;
        if (!q.filter.to.isValid() && (!last.isValid() || d > last))
            last = d;
    }
    const ExportResult r =
        ResultExport(q.store(), cams, q.policy, q.overwrite)
            .withNames(p.isSet(QStringLiteral("names")))
            .withLinkedData(p.value(QStringLiteral("base")), first, last)
            .flows(m, zones, p.value(QStringLiteral("out")),
                   describeQuery(q.filter, q.params,
                                 zones ? QStringLiteral("by zone") : QStringLiteral("by camera")),
                   p.value(QStringLiteral("purpose")));
    ResultQuery::written(QStringLiteral("flows"), QStringLiteral("OD pairs"), r,
                         summary(m, q.session->flows(), q.params));
    if (!imported.cells.empty()) {
        const ExportResult a =
            ResultExport(q.store(), cams, q.policy, q.overwrite)
                .withNames(p.isSet(QStringLiteral("names")))
                .flows(imported.publish(q.policy), zones, aggregatesPath,
                       describeQuery(q.filter, q.params, QStringLiteral("imported pair flows")),
                       p.value(QStringLiteral("purpose")), true);
        ResultQuery::written(QStringLiteral("flows"), QStringLiteral("imported pair flows"), a);
    }
    return 0;
}

} // namespace stroom::cli
