#include "publish/reportdata.h"

#include "common/sqlite.h"
#include "common/timeparse.h"
#include "flows/journeytimes.h"
#include "privacy/privacyguard.h"
#include "store/store.h"

#include <QFileInfo>
#include <QHash>
#include <QMap>

#include <algorithm>

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
               int topRows) {
    using OdRow = ReportData::OdRow;
    // OD at camera level.
    const OdMatrix m = cube.od(filter);
    const OriginShares shares(m);
    std::vector<OdFlow> kept;
    for (const OdFlow& f : m.flows) {
        if (f.trips < r.k)
            ++r.odSuppressed;
        else
            kept.push_back(f);
    }
    std::sort(kept.begin(), kept.end(), [](const OdFlow& a, const OdFlow& b) { return a.trips > b.trips; });
    r.odTrips = m.trips;
    r.odCells = static_cast<std::int64_t>(kept.size());
    r.singleReadTrips = m.singleReadTrips;
    for (int i = 0; i < 4; ++i)
        r.byKind[i] = m.byKind[i];
    for (std::size_t i = 0; i < kept.size() && static_cast<int>(i) < topRows; ++i) {
        const OdFlow& f = kept[i];
        r.topOd.append(OdRow{cams.id[f.origin], cams.id[f.destination], f.trips, shares.of(f)});
    }
}

void collectCounts(ReportData& r, Store& store, const FlowCube& cube, const FlowFilter& filter,
                   const CameraIndex& cams, int topRows) {
    using CountRow = ReportData::CountRow;
    // Counts per camera (per day summed) and the hourly profile.
    QMap<std::uint32_t, std::array<std::int64_t, 6>> perCamera;
    std::int64_t classTotals[6] = {};
    for (const CameraCount& c : cube.counts(filter, true, true)) {
        auto& a = perCamera[c.camera];
        a[static_cast<std::size_t>(std::clamp(c.cls, 0, 5))] += c.passages;
        classTotals[std::clamp(c.cls, 0, 5)] += c.passages;
        r.hourlyByClass[std::clamp(c.cls, 0, 5)][((c.period % 24) + 24) % 24] +=
            static_cast<double>(c.passages);
    }
    for (int cls = 0; cls < 6; ++cls)
        if (classTotals[cls] < r.k)
            std::fill(std::begin(r.hourlyByClass[cls]), std::end(r.hourlyByClass[cls]), 0.0);
    std::vector<std::pair<std::int64_t, std::uint32_t>> order;
    for (auto it = perCamera.cbegin(); it != perCamera.cend(); ++it) {
        std::int64_t total = 0;
        for (std::int64_t v : it.value())
            total += v;
        if (total < r.k)
            ++r.countsSuppressed;
        else
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
        for (int cls = 0; cls < 6; ++cls) {
            row.byClass[cls] = a[static_cast<std::size_t>(cls)];
            if (row.byClass[cls] > 0 && row.byClass[cls] < r.k) {
                row.byClass[cls] = -1; // shown as suppressed
                ++r.countsSuppressed;
            }
        }
        r.topCounts.append(row);
    }
}

void collectJourneys(ReportData& r, Store& store, FlowEngine& engine, const FlowFilter& filter,
                     const CameraIndex& cams, int topRows) {
    using JourneyRow = ReportData::JourneyRow;
    // Journey times of the main pairs.
    LocalTime zone(store.timeZone().toUtf8());
    std::vector<PairTimes> times = journeyTimes(engine.loadTrips(), filter, zone);
    std::sort(times.begin(), times.end(), [](const PairTimes& a, const PairTimes& b) { return a.n > b.n; });
    for (const PairTimes& t : times) {
        if (t.n < r.k) {
            ++r.journeysSuppressed;
            continue;
        }
        if (r.journeys.size() < topRows)
            r.journeys.append(JourneyRow{cams.id[t.from], cams.id[t.to], t.n, t.median, t.p15, t.p85});
    }
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
    // Retention: what L0 holds now.
    {
        auto st = store.database().prepare("SELECT count(*), min(t), max(t) FROM l0.reads");
        if (st.step()) {
            r.readsStored = st.int64(0);
            if (r.readsStored > 0) {
                r.readsFrom = QDateTime::fromSecsSinceEpoch(st.int64(1), Qt::UTC).date();
                r.readsTo = QDateTime::fromSecsSinceEpoch(st.int64(2), Qt::UTC).date();
            }
        }
    }
}

} // namespace

ReportData ReportData::collect(Store& store, const FlowFilter& filter, const QString& language,
                               const QString& purpose, int topRows, int k) {
    ReportData r;
    r.language = language;
    r.purpose = purpose;
    r.filter = filter;
    r.generated = QDateTime::currentDateTime();
    r.k = k >= 1 ? k : store.threshold();
    r.projectTitle = store.setting(QStringLiteral("title"), QFileInfo(store.path()).completeBaseName());
    FlowEngine engine(store);
    r.parameters = engine.storedParameters();
    r.filterText = filter.describe();
    const CameraIndex cams = engine.cameras();
    const FlowCube cube = engine.loadCube();

    collectPeriod(r, cube, filter);
    collectOd(r, cube, filter, cams, topRows);
    collectCounts(r, store, cube, filter, cams, topRows);
    collectJourneys(r, store, engine, filter, cams, topRows);
    collectInventory(r, store);
    collectRetention(r, store);
    return r;
}

} // namespace stroom
