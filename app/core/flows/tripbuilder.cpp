#include "flows/tripbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>
#include <thread>
#include <tuple>

namespace stroom {

namespace {

/** Builds the trips of the vehicles in [first, last) of the vehicle-sorted reads. */
void buildRange(std::vector<TripRead>& reads, const std::vector<std::size_t>& vehicleStart,
                std::size_t firstVehicle, std::size_t lastVehicle, const TripParameters& p,
                const ThroughRule& through, TripSet& set) {
    std::vector<const TripRead*> kept;
    std::vector<std::uint32_t> cameras;
    for (std::size_t v = firstVehicle; v < lastVehicle; ++v) {
        const std::size_t b = vehicleStart[v], e = vehicleStart[v + 1];
        if (b == e)
            continue;
        std::sort(reads.begin() + static_cast<std::ptrdiff_t>(b),
                  reads.begin() + static_cast<std::ptrdiff_t>(e), [](const TripRead& x, const TripRead& y) {
                      // Every field: the order never depends on how the reads came in.
                      return std::tie(x.t, x.order, x.camera, x.cls, x.context) <
                             std::tie(y.t, y.order, y.camera, y.cls, y.context);
                  });
        kept.clear();
        for (std::size_t i = b; i < e; ++i) {
            const TripRead& r = reads[i];
            // §5.1: any earlier read (kept or not) at the same camera within the window makes this a
            // duplicate.
            bool duplicate = false;
            for (std::size_t j = i; j-- > b;) {
                if (r.t - reads[j].t > p.dedupeSeconds)
                    break;
                if (reads[j].camera == r.camera) {
                    duplicate = true;
                    break;
                }
            }
            if (r.context)
                continue; // only there for the look-back of the reads after it
            if (duplicate)
                ++set.duplicates;
            else
                kept.push_back(&r);
        }
        // §5.2: split kept reads on gaps.
        std::size_t k = 0;
        while (k < kept.size()) {
            std::size_t m = k + 1;
            while (m < kept.size() && kept[m]->t - kept[m - 1]->t <= p.gapSeconds)
                ++m;
            Trip trip;
            trip.start = kept[k]->t;
            trip.end = kept[m - 1]->t;
            trip.origin = kept[k]->camera;
            trip.destination = kept[m - 1]->camera;
            trip.reads = static_cast<std::uint32_t>(m - k);
            trip.cls = kept[k]->cls;
            trip.vehicle = kept[k]->vehicle;
            trip.kind = through.classify(trip.origin, trip.destination, trip.end - trip.start);
            trip.pathOffset = static_cast<std::uint32_t>(set.path.size());
            for (std::size_t q = k; q < m; ++q) {
                set.path.push_back(kept[q]->camera);
                set.pathTimes.push_back(static_cast<std::uint32_t>(kept[q]->t - trip.start));
            }
            if (trip.reads == 1)
                ++set.singleReadTrips;
            set.trips.push_back(trip);
            k = m;
        }
        // Role-free: the vehicle's reads of this day (its kept ones) span less than an hour, no camera twice.
        if (through.roleFree() && !kept.empty()) {
            cameras.clear();
            for (const TripRead* r : kept)
                cameras.push_back(r->camera);
            if (ThroughRule::roleFreeDay(kept.front()->t, kept.back()->t, cameras))
                for (std::size_t i = set.trips.size();
                     i-- > 0 && set.trips[i].vehicle == kept.front()->vehicle;)
                    if (set.trips[i].reads > 1)
                        set.trips[i].kind = TripKind::Through;
        }
    }
}

} // namespace

TripSet TripBuilder::build(std::vector<TripRead>& reads, const TripParameters& p, const ThroughRule& through,
                           int threads) {
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
    return buildVehicles(reads, start, p, through, threads);
}

TripSet TripBuilder::buildGrouped(std::vector<TripRead>& reads, const TripParameters& p,
                                  const ThroughRule& through, int threads) {
    std::vector<std::size_t> start = {0};
    for (std::size_t i = 1; i <= reads.size(); ++i)
        if (i == reads.size() || reads[i].vehicle != reads[i - 1].vehicle)
            start.push_back(i);
    return buildVehicles(reads, start, p, through, threads);
}

TripSet TripBuilder::buildVehicles(std::vector<TripRead>& reads, const std::vector<std::size_t>& start,
                                   const TripParameters& p, const ThroughRule& through, int threads) {
    TripSet result;
    result.readsIn = static_cast<std::int64_t>(reads.size());
    if (reads.empty())
        return result;
    const std::size_t vehicles = start.size() - 1;
    threads = std::max(1, std::min(threads, 16));
    if (threads == 1 || reads.size() < 100000) {
        // The paths hold at most every read: room for them at once (no copies as they grow), and the trips'
        // vector no larger than it needs to be (a day's sets wait in the pipeline).
        result.path.reserve(reads.size());
        result.pathTimes.reserve(reads.size());
        buildRange(reads, start, 0, vehicles, p, through, result);
        if (result.trips.capacity() > result.trips.size() + result.trips.size() / 4)
            result.trips.shrink_to_fit();
        return result;
    }
    // Split vehicles into chunks of about equal reads; merge in vehicle order, so the result does not
    // depend on the number of threads.
    std::vector<std::size_t> bounds = {0};
    for (int t = 1; t < threads; ++t) {
        const std::size_t target =
            reads.size() * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
        const auto it = std::lower_bound(start.begin(), start.end(), target);
        bounds.push_back(std::max(bounds.back(), static_cast<std::size_t>(it - start.begin())));
    }
    bounds.push_back(vehicles);
    std::vector<TripSet> parts(static_cast<std::size_t>(threads));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            buildRange(reads, start, bounds[static_cast<std::size_t>(t)],
                       bounds[static_cast<std::size_t>(t) + 1], p, through,
                       parts[static_cast<std::size_t>(t)]);
        });
    for (auto& th : pool)
        th.join();
    for (TripSet& part : parts) {
        const auto offset = static_cast<std::uint32_t>(result.path.size());
        for (Trip& t : part.trips) {
            t.pathOffset += offset;
            result.trips.push_back(t);
        }
        result.path.insert(result.path.end(), part.path.begin(), part.path.end());
        result.pathTimes.insert(result.pathTimes.end(), part.pathTimes.begin(), part.pathTimes.end());
        result.duplicates += part.duplicates;
        result.singleReadTrips += part.singleReadTrips;
    }
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
