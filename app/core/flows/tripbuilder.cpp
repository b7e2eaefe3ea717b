#include "flows/tripbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>
#include <thread>
#include <tuple>

namespace stroom {

namespace {

/** What a range of vehicles gives: the first pass's counts, so the trips and paths get their room at once. */
struct RangeCount {
    std::size_t trips = 0, kept = 0;
    std::int64_t duplicates = 0, single = 0;
};

/** A read dropped by §5.1 (marked by the first pass in TripRead::context). */
constexpr std::uint8_t kDuplicate = 2;

/** First pass over the vehicles in [first, last) of the vehicle-grouped reads: each vehicle's reads sorted,
 * the duplicates marked, and the trips and kept reads counted. */
RangeCount markRange(std::vector<TripRead>& reads, const std::vector<std::size_t>& vehicleStart,
                     std::size_t firstVehicle, std::size_t lastVehicle, const TripParameters& p,
                     const std::vector<std::uint32_t>& order) {
    const auto rank = [&order](std::uint32_t camera) {
        return camera < order.size() ? order[camera] : camera;
    };
    // Differences of times as signed 64-bit numbers: the rules as they read, whatever the parameters.
    const auto since = [](std::uint32_t later, std::uint32_t earlier) {
        return static_cast<std::int64_t>(later) - static_cast<std::int64_t>(earlier);
    };
    RangeCount c;
    for (std::size_t v = firstVehicle; v < lastVehicle; ++v) {
        const std::size_t b = vehicleStart[v], e = vehicleStart[v + 1];
        std::sort(reads.begin() + static_cast<std::ptrdiff_t>(b),
                  reads.begin() + static_cast<std::ptrdiff_t>(e),
                  [&rank](const TripRead& x, const TripRead& y) {
                      // Every field: the order never depends on how the reads came in.
                      const std::uint32_t rx = rank(x.camera), ry = rank(y.camera);
                      return std::tie(x.t, rx, x.camera, x.cls, x.context) <
                             std::tie(y.t, ry, y.camera, y.cls, y.context);
                  });
        std::uint32_t last = 0;
        std::size_t kept = 0, runStart = 0;
        for (std::size_t i = b; i < e; ++i) {
            TripRead& r = reads[i];
            if (r.context)
                continue; // only there for the look-back of the reads after it
            // §5.1: any earlier read (kept or not) at the same camera within the window makes this a
            // duplicate.
            bool duplicate = false;
            for (std::size_t j = i; j-- > b;) {
                if (since(r.t, reads[j].t) > p.dedupeSeconds)
                    break;
                if (reads[j].camera == r.camera) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                r.context = kDuplicate;
                ++c.duplicates;
                continue;
            }
            // §5.2: a gap of more than gapSeconds starts a new trip.
            if (kept == 0 || since(r.t, last) > p.gapSeconds) {
                if (kept > 0 && kept - runStart == 1)
                    ++c.single;
                ++c.trips;
                runStart = kept;
            }
            last = r.t;
            ++kept;
        }
        if (kept > 0 && kept - runStart == 1)
            ++c.single;
        c.kept += kept;
    }
    return c;
}

/** Second pass: the trips of the vehicles in [first, last) of reads marked by markRange(), written from trip
 * \a trip and path entry \a at of \a set (whose room markRange()'s counts gave). */
void emitRange(const std::vector<TripRead>& reads, const std::vector<std::size_t>& vehicleStart,
               std::size_t firstVehicle, std::size_t lastVehicle, std::int64_t base, const TripParameters& p,
               const ThroughRule& through, TripSet& set, std::size_t trip, std::size_t at) {
    std::vector<const TripRead*> kept;
    std::vector<std::uint32_t> cameras;
    for (std::size_t v = firstVehicle; v < lastVehicle; ++v) {
        kept.clear();
        for (std::size_t i = vehicleStart[v]; i < vehicleStart[v + 1]; ++i)
            if (reads[i].context == 0)
                kept.push_back(&reads[i]);
        const std::size_t firstTrip = trip;
        std::size_t k = 0;
        while (k < kept.size()) {
            std::size_t m = k + 1;
            while (m < kept.size() && static_cast<std::int64_t>(kept[m]->t) - kept[m - 1]->t <= p.gapSeconds)
                ++m;
            Trip& t = set.trips[trip++];
            t.start = base + kept[k]->t;
            t.end = base + kept[m - 1]->t;
            t.origin = kept[k]->camera;
            t.destination = kept[m - 1]->camera;
            t.reads = static_cast<std::uint32_t>(m - k);
            t.cls = kept[k]->cls;
            t.vehicle = kept[k]->vehicle;
            t.kind = through.classify(t.origin, t.destination, t.end - t.start);
            t.pathOffset = static_cast<std::uint32_t>(at);
            for (std::size_t q = k; q < m; ++q, ++at) {
                set.path[at] = kept[q]->camera;
                set.pathTimes[at] = kept[q]->t - kept[k]->t;
            }
            k = m;
        }
        // Role-free: the vehicle's reads of this day (its kept ones) span less than an hour, no camera twice.
        if (through.roleFree() && !kept.empty()) {
            cameras.clear();
            for (const TripRead* r : kept)
                cameras.push_back(r->camera);
            if (ThroughRule::roleFreeDay(base + kept.front()->t, base + kept.back()->t, cameras))
                for (std::size_t i = firstTrip; i < trip; ++i)
                    if (set.trips[i].reads > 1)
                        set.trips[i].kind = TripKind::Through;
        }
    }
}

} // namespace

TripSet TripBuilder::build(std::vector<TripRead>& reads, std::int64_t base, const TripParameters& p,
                           const ThroughRule& through, const std::vector<std::uint32_t>& order, int threads) {
    if (reads.empty())
        return TripSet();
    // Grouped by vehicle key: a counting sort over the keys' range (O(n)) when it is dense, a sort when the
    // keys are sparse (numbers grow over the life of a project; a day holds a narrow band of them mostly).
    std::uint32_t lo = UINT32_MAX, hi = 0;
    for (const TripRead& r : reads) {
        lo = std::min(lo, r.vehicle);
        hi = std::max(hi, r.vehicle);
    }
    const bool dense = denseVehicles(lo, hi, reads.size());
    if (!dense)
        std::sort(reads.begin(), reads.end(),
                  [](const TripRead& a, const TripRead& b) { return a.vehicle < b.vehicle; });
    std::vector<std::size_t> start = {0};
    if (!dense) {
        for (std::size_t i = 1; i <= reads.size(); ++i)
            if (i == reads.size() || reads[i].vehicle != reads[i - 1].vehicle)
                start.push_back(i);
    } else {
        start.assign(static_cast<std::size_t>(hi - lo) + 2, 0);
        for (const TripRead& r : reads)
            ++start[r.vehicle - lo + 1];
        for (std::size_t i = 1; i < start.size(); ++i)
            start[i] += start[i - 1];
        std::vector<TripRead> sorted(reads.size());
        std::vector<std::size_t> pos(start.begin(), start.end() - 1);
        for (const TripRead& r : reads)
            sorted[pos[r.vehicle - lo]++] = r;
        reads.swap(sorted);
    }
    return buildVehicles(reads, start, base, p, through, order, threads);
}

TripSet TripBuilder::buildGrouped(std::vector<TripRead>& reads, std::int64_t base, const TripParameters& p,
                                  const ThroughRule& through, const std::vector<std::uint32_t>& order,
                                  int threads) {
    std::vector<std::size_t> start = {0};
    for (std::size_t i = 1; i <= reads.size(); ++i)
        if (i == reads.size() || reads[i].vehicle != reads[i - 1].vehicle)
            start.push_back(i);
    return buildVehicles(reads, start, base, p, through, order, threads);
}

TripSet TripBuilder::buildVehicles(std::vector<TripRead>& reads, const std::vector<std::size_t>& start,
                                   std::int64_t base, const TripParameters& p, const ThroughRule& through,
                                   const std::vector<std::uint32_t>& order, int threads) {
    TripSet result;
    result.readsIn = static_cast<std::int64_t>(reads.size());
    if (reads.empty())
        return result;
    const std::size_t vehicles = start.size() - 1;
    threads = std::max(1, std::min(threads, 16));
    if (reads.size() < 100000)
        threads = 1;
    // Vehicles in ranges of about equal reads, one per thread. Two passes: the first sorts and marks the
    // reads and counts each range's trips and kept reads, so the trips and paths are made once at their size
    // (a day's sets wait in the pipeline; grown by doubling, they held up to three times their size); the
    // second writes each range's trips into its place, in vehicle order, so the result does not depend on
    // the number of threads.
    std::vector<std::size_t> bounds = {0};
    for (int t = 1; t < threads; ++t) {
        const std::size_t target =
            reads.size() * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
        const auto it = std::lower_bound(start.begin(), start.end(), target);
        bounds.push_back(std::max(bounds.back(), static_cast<std::size_t>(it - start.begin())));
    }
    bounds.push_back(vehicles);
    const auto ranges = static_cast<std::size_t>(threads);
    std::vector<RangeCount> counts(ranges);
    const auto inParallel = [&](const auto& f) {
        if (ranges == 1)
            return f(std::size_t{0});
        std::vector<std::thread> pool;
        for (std::size_t r = 0; r < ranges; ++r)
            pool.emplace_back([&f, r] { f(r); });
        for (auto& th : pool)
            th.join();
    };
    inParallel(
        [&](std::size_t r) { counts[r] = markRange(reads, start, bounds[r], bounds[r + 1], p, order); });
    std::vector<std::size_t> tripAt = {0}, pathAt = {0};
    for (const RangeCount& c : counts) {
        tripAt.push_back(tripAt.back() + c.trips);
        pathAt.push_back(pathAt.back() + c.kept);
        result.duplicates += c.duplicates;
        result.singleReadTrips += c.single;
    }
    result.trips.resize(tripAt.back());
    result.path.resize(pathAt.back());
    result.pathTimes.resize(pathAt.back());
    inParallel([&](std::size_t r) {
        emitRange(reads, start, bounds[r], bounds[r + 1], base, p, through, result, tripAt[r], pathAt[r]);
    });
    return result;
}

TripParameters parametersFromText(const QString& text) {
    TripParameters p;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    p.dedupeSeconds = o.value(QStringLiteral("dedupe_seconds")).toInt(p.dedupeSeconds);
    p.gapSeconds = o.value(QStringLiteral("gap_seconds")).toInt(p.gapSeconds);
    p.throughMinSeconds = o.value(QStringLiteral("through_min_seconds")).toInt(p.throughMinSeconds);
    p.throughMaxSeconds = o.value(QStringLiteral("through_max_seconds")).toInt(p.throughMaxSeconds);
    // Stores of before the windows per gate pair said nothing: they get the default.
    if (o.value(QStringLiteral("through_window")).toString() == QLatin1String("fixed"))
        p.throughWindow = ThroughWindow::Fixed;
    if (o.value(QStringLiteral("through_method")).toString() == QLatin1String("role-free"))
        p.throughMethod = ThroughMethod::RoleFree;
    return p;
}

QString parametersText(const TripParameters& p) {
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("dedupe_seconds"), p.dedupeSeconds},
                                  {QStringLiteral("gap_seconds"), p.gapSeconds},
                                  {QStringLiteral("through_min_seconds"), p.throughMinSeconds},
                                  {QStringLiteral("through_max_seconds"), p.throughMaxSeconds},
                                  {QStringLiteral("through_window"), p.throughWindow == ThroughWindow::Fixed
                                                                         ? QStringLiteral("fixed")
                                                                         : QStringLiteral("pair")},
                                  {QStringLiteral("through_method"),
                                   p.throughMethod == ThroughMethod::RoleFree ? QStringLiteral("role-free")
                                                                              : QStringLiteral("cordon")}})
            .toJson(QJsonDocument::Compact));
}

} // namespace stroom
