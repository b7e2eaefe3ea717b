#include "publish/reportdata.h"

#include "common/sqlite.h"
#include "common/timeparse.h"
#include "flows/journeytimes.h"
#include "flows/periodcomparison.h"
#include "governance/purge.h"
#include "privacy/privacyguard.h"
#include "store/readblocks.h"
#include "store/store.h"

#include <QFileInfo>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace stroom {

namespace {

void collectPeriod(ReportData& r, const FlowCube& cube, const FlowFilter& filter) {
    // Period: the days with data that pass the filter.
    QDate first, last;
    for (std::int64_t d : cube.days()) {
        if (!filter.acceptsDay(d))
            continue;
        const QDate day = QDate(1970, 1, 1).addDays(d);
        if (!first.isValid())
            first = day;
        last = day;
    }
    r.periodText = first.isValid() ? QStringLiteral("%1 – %2").arg(first.toString(Qt::ISODate),
                                                                   last.toString(Qt::ISODate))
                                   : QString();
}

void collectOd(ReportData& r, const FlowCube& cube, const FlowFilter& filter, const CameraIndex& cams,
               const DisclosurePolicy& policy, int topRows) {
    using OdRow = ReportData::OdRow;
    // OD at camera level, as released; shares of the released cells only.
    const OdMatrix m = cube.od(filter).publish(policy);
    const OriginShares shares(m);
    std::vector<OdFlow> kept = m.flows;
    std::sort(kept.begin(), kept.end(), [](const OdFlow& a, const OdFlow& b) { return a.trips > b.trips; });
    r.odTrips = m.trips;
    r.odCells = static_cast<std::int64_t>(kept.size());
    r.odSuppressed = m.suppressed;
    r.singleReadTrips = m.singleReadTrips;
    for (int i = 0; i < 4; ++i)
        r.byKind[i] = m.byKind[i];
    for (std::size_t i = 0; i < kept.size() && static_cast<int>(i) < topRows; ++i) {
        const OdFlow& f = kept[i];
        r.topOd.append(
            OdRow{cams.label(f.origin, false), cams.label(f.destination, false), f.trips, shares.of(f)});
    }
}

void collectComparison(ReportData& r, const FlowCube& cube, const FlowFilter& before, const FlowFilter& after,
                       const CameraIndex& cams, const DisclosurePolicy& policy) {
    const PeriodComparison::Result c = PeriodComparison::compare(cube, before, after, {}, policy);
    r.compared = true;
    r.beforeText = PeriodComparison::periodText(before);
    r.afterText = PeriodComparison::periodText(after);
    r.beforeDays = c.beforeDays;
    r.afterDays = c.afterDays;
    r.changesCompared = static_cast<int>(c.rows.size());
    r.changesSuppressed = c.suppressed;
    std::vector<PeriodComparison::Row> significant;
    for (const PeriodComparison::Row& row : c.rows)
        if (row.significant) {
            significant.push_back(row);
            ++r.changesSignificant;
        }
    // The largest changes first; a cell with no figure in a period changed by the other period's figure.
    auto size = [](const PeriodComparison::Row& row) {
        return std::fabs(std::max(row.after, 0.0) - std::max(row.before, 0.0));
    };
    std::sort(
        significant.begin(), significant.end(),
        [&](const PeriodComparison::Row& a, const PeriodComparison::Row& b) { return size(a) > size(b); });
    for (std::size_t i = 0; i < significant.size() && i < 12; ++i) {
        const PeriodComparison::Row& row = significant[i];
        r.changes.append(ReportData::ChangeRow{
            cams.label(row.origin, false), cams.label(row.destination, false), row.before, row.after, true});
    }
}

void collectCounts(ReportData& r, Store& store, const FlowCube& cube, const FlowFilter& filter,
                   const CameraIndex& cams, const DisclosurePolicy& policy, int topRows) {
    const DailyVehicles unique =
        DailyVehicles::of(cube.counts(filter, CountPeriod::Day, false, false).publish(policy));
    r.uniqueDays = unique.days;
    r.uniquePerDayMin = unique.lowest;
    r.uniquePerDayMax = unique.highest;
    r.uniquePerDayMedian = unique.median;
    using CountRow = ReportData::CountRow;
    // The hourly profile: passages per hour of the day and class over all cameras, each bar a released cell.
    const PublishedCounts hourly = cube.counts(filter, CountPeriod::HourOfDay, true, false).publish(policy);
    for (const CameraCount& c : hourly.rows)
        r.hourlyByClass[std::clamp(c.cls, 0, 5)][std::clamp<std::int64_t>(c.period, 0, 23)] =
            static_cast<double>(c.passages);
    r.countsSuppressed += hourly.suppressed;
    // Per camera and class over the whole filter; a camera's total is the sum of its released classes.
    const PublishedCounts perClass = cube.counts(filter, CountPeriod::All, true).publish(policy);
    r.countsSuppressed += perClass.suppressed;
    QMap<std::uint32_t, std::array<std::int64_t, 6>> perCamera;
    for (const CameraCount& c : perClass.rows)
        perCamera[c.camera][static_cast<std::size_t>(std::clamp(c.cls, 0, 5))] = c.passages;
    for (const CameraCount& c : perClass.suppressedCells)
        perCamera[c.camera][static_cast<std::size_t>(std::clamp(c.cls, 0, 5))] =
            DisclosurePolicy::kSuppressed;
    std::vector<std::pair<std::int64_t, std::uint32_t>> order;
    for (auto it = perCamera.cbegin(); it != perCamera.cend(); ++it) {
        std::int64_t total = 0;
        for (std::int64_t v : it.value())
            total += std::max<std::int64_t>(v, 0);
        if (total > 0)
            order.emplace_back(total, it.key());
    }
    std::sort(order.begin(), order.end(), std::greater<>());
    QHash<QString, QString> names;
    for (const Camera& c : store.cameras())
        names.insert(c.id, c.name);
    for (std::size_t i = 0; i < order.size() && static_cast<int>(i) < topRows; ++i) {
        CountRow row;
        row.camera = cams.id[order[i].second];
        row.name = names.value(row.camera);
        row.passages = order[i].first;
        const auto& a = perCamera[order[i].second];
        for (int cls = 0; cls < 6; ++cls)
            row.byClass[cls] = a[static_cast<std::size_t>(cls)];
        r.topCounts.append(row);
    }
}

void collectJourneys(ReportData& r, FlowEngine& engine, const FlowFilter& filter, const CameraIndex& cams,
                     const DisclosurePolicy& policy, int topRows) {
    using JourneyRow = ReportData::JourneyRow;
    // Journey times of the main pairs, as released.
    PublishedTimes times = publishTimes(engine.journeyTimes(filter), policy);
    r.journeysSuppressed = times.suppressed;
    std::sort(times.rows.begin(), times.rows.end(),
              [](const PairTimes& a, const PairTimes& b) { return a.n > b.n; });
    for (const PairTimes& t : times.rows)
        if (r.journeys.size() < topRows)
            r.journeys.append(
                JourneyRow{cams.label(t.from, false), cams.label(t.to, false), t.n, t.median, t.p15, t.p85});
}

void collectInventory(ReportData& r, Store& store) {
    using InventoryRow = ReportData::InventoryRow;
    // The inventory by owner and purpose (the register is public information: no k).
    QMap<QString, InventoryRow> inv;
    for (const Camera& c : store.cameras()) {
        const QString owner = c.owner.isEmpty() ? QString() : c.owner;
        InventoryRow& row = inv[owner];
        row.owner = owner;
        ++row.total;
        const int p = Camera::purposes().indexOf(c.purpose);
        row.byPurpose[p >= 0 ? p : 5] += 1;
        row.unregistered += c.registered ? 0 : 1;
        row.noLegalBasis += c.legalBasis.trimmed().isEmpty() ? 1 : 0;
        ++r.camerasTotal;
    }
    for (const InventoryRow& row : inv)
        r.inventory.append(row);
    std::sort(r.inventory.begin(), r.inventory.end(),
              [](const InventoryRow& a, const InventoryRow& b) { return a.total > b.total; });
}

void collectRetention(ReportData& r, Store& store) {
    r.retentionDays = Purge::retentionDays(store);
    // The risk of what L0 holds (a sample of 2,000 vehicles keeps a report quick on large projects).
    r.risk = ReidentificationRisk::measure(store, 2000);
    // Retention: what L0 holds now.
    const ReadBlocks::Totals held = ReadBlocks(store.database()).totals();
    r.readsStored = held.reads;
    if (held.reads > 0) {
        r.readsFrom = QDateTime::fromSecsSinceEpoch(held.tMin, Qt::UTC).date();
        r.readsTo = QDateTime::fromSecsSinceEpoch(held.tMax, Qt::UTC).date();
    }
}

} // namespace

ReportData ReportData::collect(Store& store, const FlowFilter& filter, const QString& language,
                               const QString& purpose, const DisclosurePolicy& policy, int topRows,
                               const std::optional<FlowFilter>& after) {
    ReportData r;
    r.language = language;
    r.purpose = purpose;
    r.filter = filter;
    r.generated = QDateTime::currentDateTime();
    r.k = policy.k();
    r.exact = policy.exact();
    r.method = policy.method();
    r.projectTitle = store.setting(QStringLiteral("title"), QFileInfo(store.path()).completeBaseName());
    FlowEngine engine(store);
    r.parameters = engine.storedParameters();
    r.through = engine.throughEstimate();
    r.filterText = filter.describe();
    const CameraIndex cams = engine.cameras();
    const FlowCube cube = engine.loadCube();

    collectPeriod(r, cube, filter);
    collectOd(r, cube, filter, cams, policy, topRows);
    collectCounts(r, store, cube, filter, cams, policy, topRows);
    collectJourneys(r, engine, filter, cams, policy, topRows);
    collectInventory(r, store);
    collectRetention(r, store);
    if (after)
        collectComparison(r, cube, filter, *after, cams, policy);
    return r;
}

} // namespace stroom
