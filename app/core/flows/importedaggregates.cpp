#include "flows/importedaggregates.h"

#include "common/sqlite.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"
#include "privacy/recordkeys.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace stroom {

namespace {
/** Adds an imported cell to a figure: values add up, k is tested on the largest part. */
void addPart(RawFigure& f, std::int64_t vehicles, std::uint32_t key) {
    f.value += vehicles;
    f.vehicles = std::max(f.vehicles, vehicles);
    f.key += key;
}
} // namespace

ImportedAggregates::ImportedAggregates(sql::Database& db, const CameraIndex& cameras, LocalTime& zone,
                                       const RecordKeys& keys)
    : m_db(db)
    , m_cams(cameras)
    , m_zone(zone)
    , m_keys(keys) {
    for (std::size_t i = 0; i < cameras.id.size(); ++i)
        m_keyOf.insert(cameras.id[i], static_cast<std::uint32_t>(i));
}

std::uint32_t ImportedAggregates::keyOf(const QString& cameraId) const {
    return m_keyOf.value(cameraId, UINT32_MAX);
}

bool ImportedAggregates::place(const FlowFilter& f, bool known, std::int64_t start, CountPeriod per,
                               std::int64_t* period) const {
    const bool narrowed = f.from.isValid() || f.to.isValid() || f.days != FlowFilter::Days::All ||
                          f.hourFrom != 0 || f.hourTo != 24;
    if (f.throughOnly)
        return false;
    if (!known) {
        *period = 0;
        return per == CountPeriod::All && !narrowed;
    }
    std::int64_t day;
    int hour;
    FlowCube::localDayHour(start, m_zone, &day, &hour);
    if (!f.acceptsDay(day) || hour < f.hourFrom || hour >= f.hourTo)
        return false;
    *period = per == CountPeriod::Hour        ? day * 24 + hour
              : per == CountPeriod::Day       ? day
              : per == CountPeriod::HourOfDay ? hour
                                              : 0;
    return true;
}

RawCounts ImportedAggregates::counts(const FlowFilter& f, CountPeriod per, bool perClass) const {
    std::map<std::tuple<std::uint32_t, std::int64_t, int>, RawCounts::Cell> cells;
    auto st = m_db.prepare("SELECT fid, camera_id, CAST(strftime('%s', period_start) AS INTEGER), "
                           "period_start IS NOT NULL, vehicle_class, vehicles, coalesce(passages, vehicles) "
                           "FROM cube.agg_counts");
    while (st.step()) {
        const std::uint32_t camera = keyOf(st.text(1));
        const QByteArray label = st.text(4).toUtf8();
        const int cls = vehicleclass::fromLabel(
            std::string_view(label.constData(), static_cast<std::size_t>(label.size())));
        std::int64_t period = 0;
        if (camera == UINT32_MAX || !f.acceptsClass(std::max(cls, 0)) ||
            !place(f, st.int64(3) != 0, st.int64(2), per, &period))
            continue;
        const int c = perClass ? std::max(cls, 0) : -1;
        auto [it, added] = cells.try_emplace(std::make_tuple(camera, period, c));
        RawCounts::Cell& cell = it->second;
        if (added) {
            cell.camera = camera;
            cell.period = period;
            cell.cls = c;
            cell.source = CountSource::Aggregate;
        }
        const std::uint32_t key = m_keys.aggregate(st.int64(0), false);
        addPart(cell.passages, st.int64(6), key);
        addPart(cell.vehicles, st.int64(5), key);
    }
    RawCounts out;
    for (auto& kv : cells)
        out.cells.push_back(kv.second);
    return out;
}

RawOd ImportedAggregates::pairFlows(const FlowFilter& f, const std::vector<int>& group) const {
    std::map<std::pair<std::uint32_t, std::uint32_t>, RawFigure> cells;
    auto st =
        m_db.prepare("SELECT fid, from_camera, to_camera, CAST(strftime('%s', period_start) AS INTEGER), "
                     "period_start IS NOT NULL, vehicles FROM cube.agg_pairflows");
    auto groupOf = [&](const QString& id) -> std::int64_t {
        const std::uint32_t k = keyOf(id);
        if (k == UINT32_MAX)
            return -1;
        if (group.empty())
            return k;
        return k < group.size() ? group[k] : -1;
    };
    const bool classes = f.classMask != 0; // pair flows have no class: a class filter leaves them out
    while (st.step()) {
        std::int64_t period = 0;
        const std::int64_t o = groupOf(st.text(1)), d = groupOf(st.text(2));
        if (classes || o < 0 || d < 0 || !place(f, st.int64(4) != 0, st.int64(3), CountPeriod::All, &period))
            continue;
        if (st.int64(4) == 0 && (f.from.isValid() || f.to.isValid()))
            continue;
        addPart(cells[{static_cast<std::uint32_t>(o), static_cast<std::uint32_t>(d)}], st.int64(5),
                m_keys.aggregate(st.int64(0), true));
    }
    RawOd out;
    for (const auto& [pair, fig] : cells)
        out.cells.push_back(RawOd::Cell{pair.first, pair.second, fig});
    return out;
}

} // namespace stroom
