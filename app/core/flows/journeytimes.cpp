#include "flows/journeytimes.h"

#include "common/timeparse.h"
#include "privacy/recordkeys.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <map>
#include <thread>
#include <unordered_map>

namespace stroom {

double percentile(const std::vector<double>& v, double p) {
    if (v.empty())
        return 0;
    const double h = (static_cast<double>(v.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double medianAbsoluteDeviation(const std::vector<double>& sorted, double median) {
    if (sorted.empty())
        return 0;
    std::vector<double> dev(sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i)
        dev[i] = std::fabs(sorted[i] - median);
    // percentile(dev, 0.5) of the sorted deviations, from its two order statistics (no full sort).
    const double h = (static_cast<double>(dev.size()) - 1) * 0.5;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    std::nth_element(dev.begin(), dev.begin() + static_cast<std::ptrdiff_t>(lo), dev.end());
    const double low = dev[lo];
    const double high = lo + 1 < dev.size()
                            ? *std::min_element(dev.begin() + static_cast<std::ptrdiff_t>(lo) + 1, dev.end())
                            : low;
    return low + (h - static_cast<double>(lo)) * (high - low);
}

namespace {
void distinctVehicles(std::vector<Hop>::const_iterator from, std::vector<Hop>::const_iterator to,
                      std::int64_t* vehicles, std::uint32_t* key) {
    // The most distinct vehicles on any one local day (pseudonyms may rotate daily).
    std::vector<std::uint64_t> v;
    v.reserve(static_cast<std::size_t>(to - from));
    *key = 0;
    for (auto it = from; it != to; ++it) {
        v.push_back(dayVehicle(it->day, it->vehicle));
        *key += it->key;
    }
    *vehicles = mostVehiclesOnADay(v);
}
} // namespace

std::uint64_t dayVehicle(std::int64_t day, std::uint32_t vehicle) {
    return static_cast<std::uint64_t>(day + (std::int64_t(1) << 31)) << 32 | vehicle;
}

std::int64_t mostVehiclesOnADay(std::vector<std::uint64_t>& dayVehicles) {
    std::sort(dayVehicles.begin(), dayVehicles.end());
    dayVehicles.erase(std::unique(dayVehicles.begin(), dayVehicles.end()), dayVehicles.end());
    std::int64_t best = 0, run = 0;
    for (std::size_t i = 0; i < dayVehicles.size(); ++i) {
        run = i > 0 && dayVehicles[i - 1] >> 32 == dayVehicles[i] >> 32 ? run + 1 : 1;
        best = std::max(best, run);
    }
    return best;
}

PairTimes pairStatistics(std::vector<Hop>& x) {
    PairTimes r{0, 0};
    if (x.empty())
        return r;
    std::sort(x.begin(), x.end(), [](const Hop& a, const Hop& b) { return a.seconds < b.seconds; });
    std::vector<double> sorted(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        sorted[i] = x[i].seconds;
    const double med = percentile(sorted, 0.5);
    const double mad = medianAbsoluteDeviation(sorted, med);
    auto keep = x.end();
    if (mad > 0)
        keep = std::stable_partition(x.begin(), x.end(),
                                     [&](const Hop& h) { return std::fabs(h.seconds - med) <= 3 * mad; });
    r.dropped = static_cast<std::int64_t>(x.end() - keep);
    distinctVehicles(keep, x.end(), &r.droppedVehicles, &r.droppedKey);
    distinctVehicles(x.begin(), keep, &r.vehicles, &r.key);
    x.erase(keep, x.end());
    sorted.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        sorted[i] = x[i].seconds;
    r.n = static_cast<std::int64_t>(x.size());
    r.median = percentile(sorted, 0.5);
    r.p15 = percentile(sorted, 0.15);
    r.p85 = percentile(sorted, 0.85);
    return r;
}

PairTimes pairStatistics(std::vector<double>& seconds) {
    std::vector<Hop> hops;
    hops.reserve(seconds.size());
    for (std::size_t i = 0; i < seconds.size(); ++i)
        hops.push_back(Hop{seconds[i], static_cast<std::uint32_t>(i), 0});
    return pairStatistics(hops);
}

void JourneySamples::add(const TripSet& set, const FlowFilter& f, LocalTime& zone, const RecordKeys& keys) {
    // Each pair's piece looked up in the ordered map once per call.
    std::unordered_map<std::uint64_t, std::vector<Hop>*> piece;
    for (const Trip& t : set.trips) {
        if (t.reads < 2 || !f.acceptsClass(t.cls) || (f.throughOnly && t.kind != TripKind::Through))
            continue;
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(t.start, zone, &day, &hour);
        if (!f.acceptsDay(day) || hour < f.hourFrom || hour >= f.hourTo)
            continue;
        for (std::uint32_t i = 1; i < t.reads; ++i) {
            const std::uint32_t a = set.path[t.pathOffset + i - 1], b = set.path[t.pathOffset + i];
            const std::uint32_t at = set.pathTimes[t.pathOffset + i - 1];
            std::vector<Hop>*& hops = piece[static_cast<std::uint64_t>(a) << 32 | b];
            if (!hops) {
                std::vector<std::vector<Hop>>& pieces = m_samples[{a, b}];
                pieces.emplace_back();
                hops = &pieces.back();
            }
            hops->push_back(
                Hop{static_cast<double>(set.pathTimes[t.pathOffset + i]) - static_cast<double>(at), t.vehicle,
                    keys.hop(t.vehicle, t.start + at, a), day});
        }
    }
}

void JourneySamples::absorb(JourneySamples&& other) {
    for (auto& [pair, pieces] : other.m_samples) {
        std::vector<std::vector<Hop>>& into = m_samples[pair];
        for (std::vector<Hop>& piece : pieces)
            into.push_back(std::move(piece));
    }
    other.m_samples.clear();
}

std::vector<PairTimes> JourneySamples::statistics() {
    // The pairs shared out over the cores (each pair's statistics are its own).
    std::vector<std::pair<const std::pair<std::uint32_t, std::uint32_t>, std::vector<std::vector<Hop>>>*>
        pairs;
    for (auto& entry : m_samples)
        pairs.push_back(&entry);
    std::vector<PairTimes> out(pairs.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < pairs.size(); i = next++)
            out[i] = statisticsOf(pairs[i]->first, pairs[i]->second);
    };
    std::vector<std::future<void>> helpers;
    for (unsigned h = 1; h < std::max(1u, std::thread::hardware_concurrency()); ++h)
        helpers.push_back(std::async(std::launch::async, work));
    work();
    for (std::future<void>& h : helpers)
        h.get();
    m_samples.clear();
    return out;
}

PairTimes JourneySamples::statisticsOf(const std::pair<std::uint32_t, std::uint32_t>& pair,
                                       std::vector<std::vector<Hop>>& pieces) {
    {
        std::vector<Hop> x;
        if (pieces.size() == 1) {
            x = std::move(pieces.front());
        } else {
            std::size_t n = 0;
            for (const std::vector<Hop>& piece : pieces)
                n += piece.size();
            x.reserve(n);
            for (std::vector<Hop>& piece : pieces) {
                x.insert(x.end(), piece.begin(), piece.end());
                std::vector<Hop>().swap(piece);
            }
        }
        PairTimes r = pairStatistics(x);
        r.from = pair.first;
        r.to = pair.second;
        return r;
    }
}

std::vector<PairTimes> journeyTimes(const TripSet& set, const FlowFilter& f, LocalTime& zone,
                                    const RecordKeys& keys) {
    JourneySamples samples;
    samples.add(set, f, zone, keys);
    return samples.statistics();
}

PublishedTimes publishTimes(const std::vector<PairTimes>& raw, const DisclosurePolicy& policy) {
    PublishedTimes out;
    for (const PairTimes& t : raw) {
        const std::int64_t n = policy.publish(RawFigure{t.n, t.vehicles, t.key});
        if (n == DisclosurePolicy::kSuppressed) {
            ++out.suppressed;
            continue;
        }
        PairTimes r = t;
        r.n = n;
        // Outliers are a figure of their own; none and fewer than k read the same (blank) unless exact.
        r.dropped = policy.exact() && t.dropped == 0
                        ? 0
                        : policy.publish(RawFigure{t.dropped, t.droppedVehicles, t.droppedKey});
        if (!policy.exact()) {
            // Percentiles are single journeys (or between two): to the nearest 10 s, so they neither show a
            // vehicle's own time nor narrow the perturbed n down.
            for (double* v : {&r.median, &r.p15, &r.p85})
                *v = 10.0 * std::round(*v / 10.0);
        }
        out.rows.push_back(r);
    }
    return out;
}

} // namespace stroom
