#include "governance/reidentification.h"

#include "common/sqlite.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "flows/flowcube.h"
#include "store/readblocks.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QString>

#include <algorithm>
#include <map>
#include <random>
#include <unordered_map>

namespace stroom {

std::array<double, 4> ReidentificationRisk::unicityOf(const std::vector<std::vector<std::uint64_t>>& traces,
                                                      int sample, std::uint64_t seed,
                                                      std::array<std::int64_t, 4>* tested) {
    // Who was at each point: sorted vehicle lists.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> at;
    for (std::size_t v = 0; v < traces.size(); ++v)
        for (std::uint64_t pt : traces[v])
            at[pt].push_back(static_cast<std::uint32_t>(v));
    std::vector<std::uint32_t> order(traces.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    if (sample > 0 && order.size() > static_cast<std::size_t>(sample))
        order.resize(static_cast<std::size_t>(sample));
    std::array<double, 4> out{};
    std::array<std::int64_t, 4> n{};
    for (int p = 1; p <= 4; ++p) {
        std::int64_t unique = 0, count = 0;
        for (std::uint32_t v : order) {
            std::vector<std::uint64_t> points = traces[v];
            if (points.empty())
                continue;
            std::shuffle(points.begin(), points.end(), rng);
            points.resize(std::min<std::size_t>(points.size(), static_cast<std::size_t>(p)));
            std::vector<std::uint32_t> who = at[points[0]];
            for (std::size_t i = 1; i < points.size() && who.size() > 1; ++i) {
                const std::vector<std::uint32_t>& next = at[points[i]];
                std::vector<std::uint32_t> both;
                std::set_intersection(who.begin(), who.end(), next.begin(), next.end(),
                                      std::back_inserter(both));
                who.swap(both);
            }
            ++count;
            unique += who.size() == 1 ? 1 : 0;
        }
        out[static_cast<std::size_t>(p - 1)] = count == 0 ? 0.0 : static_cast<double>(unique) / count;
        n[static_cast<std::size_t>(p - 1)] = count;
    }
    if (tested)
        *tested = n;
    return out;
}

ReidentificationRisk ReidentificationRisk::measure(Store& store, int sample, std::uint64_t seed) {
    ReidentificationRisk r;
    r.k = store.threshold();
    LocalTime zone(store.timeZone().toUtf8());
    sql::Database& db = store.database();
    // Traces of (camera, UTC hour) points and the local days of each vehicle, from L0.
    std::unordered_map<std::uint32_t, std::uint32_t> index;
    std::vector<std::vector<std::uint64_t>> traces;
    std::vector<std::pair<std::int64_t, std::int64_t>> days; ///< first and last local day per vehicle
    ReadBlocks(db).forEach([&](const StoredRead& read) {
        ++r.reads;
        const std::uint32_t vehicle = read.vehicle;
        const auto [it, added] = index.emplace(vehicle, static_cast<std::uint32_t>(traces.size()));
        if (added) {
            traces.emplace_back();
            days.emplace_back(INT64_MAX, INT64_MIN);
        }
        const std::int64_t t = read.t;
        traces[it->second].push_back(static_cast<std::uint64_t>(read.camera) << 32 |
                                     static_cast<std::uint64_t>(timefmt::floorDiv(t, 3600)));
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(t, zone, &day, &hour);
        days[it->second].first = std::min(days[it->second].first, day);
        days[it->second].second = std::max(days[it->second].second, day);
    });
    std::int64_t linkable = 0;
    for (std::size_t v = 0; v < traces.size(); ++v) {
        std::sort(traces[v].begin(), traces[v].end());
        traces[v].erase(std::unique(traces[v].begin(), traces[v].end()), traces[v].end());
        linkable += days[v].first != days[v].second ? 1 : 0;
    }
    r.vehicles = static_cast<std::int64_t>(traces.size());
    r.linkableShare = r.vehicles == 0 ? 0.0 : static_cast<double>(linkable) / r.vehicles;
    r.unicity = unicityOf(traces, sample, seed, &r.tested);
    // Trips in groups under k, from L1.
    std::map<std::tuple<std::int64_t, int, std::uint32_t, std::uint32_t, int>,
             std::pair<std::int64_t, std::vector<std::uint32_t>>>
        groups;
    TripDays(db).forEach([&](const Trip& t, const TripSet&) {
        if (t.reads < 2)
            return;
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(t.start, zone, &day, &hour);
        auto& g = groups[{day, hour, t.origin, t.destination, static_cast<int>(t.cls)}];
        ++g.first;
        g.second.push_back(t.vehicle);
    });
    std::int64_t below = 0;
    for (auto& [key, g] : groups) {
        std::sort(g.second.begin(), g.second.end());
        const auto distinct = std::unique(g.second.begin(), g.second.end()) - g.second.begin();
        r.trips += g.first;
        below += distinct < r.k ? g.first : 0;
    }
    r.tripsBelowKShare = r.trips == 0 ? 0.0 : static_cast<double>(below) / r.trips;
    return r;
}

QJsonObject ReidentificationRisk::toJson() const {
    QJsonObject u;
    for (int p = 1; p <= 4; ++p)
        u.insert(QString::number(p), unicity[static_cast<std::size_t>(p - 1)]);
    QJsonObject o;
    o.insert(QStringLiteral("unicity"), u);
    o.insert(QStringLiteral("linkable_share"), linkableShare);
    o.insert(QStringLiteral("trips_below_k_share"), tripsBelowKShare);
    o.insert(QStringLiteral("vehicles"), static_cast<qint64>(vehicles));
    o.insert(QStringLiteral("reads"), static_cast<qint64>(reads));
    o.insert(QStringLiteral("trips"), static_cast<qint64>(trips));
    o.insert(QStringLiteral("k"), k);
    return o;
}

} // namespace stroom
