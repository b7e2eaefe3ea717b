#include "flows/journeytimes.h"

#include "common/radixsort.h"
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
    radixSort(dayVehicles);
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

namespace {
/** The value at rank \a rank (0-based) of the multiset \a bins (sorted by seconds, each with its count)
 * restricted to [from, to). */
template <typename Bin>
double valueAt(const std::vector<Bin>& bins, std::size_t from, std::size_t to, std::int64_t rank) {
    for (std::size_t i = from; i < to; ++i) {
        if (rank < bins[i].count)
            return bins[i].seconds;
        rank -= bins[i].count;
    }
    return bins[to - 1].seconds;
}
/** percentile() of the values of bins [from, to) (n of them), from two order statistics. */
template <typename Bin>
double binPercentile(const std::vector<Bin>& bins, std::size_t from, std::size_t to, std::int64_t n,
                     double p) {
    if (n <= 0)
        return 0;
    const double h = (static_cast<double>(n) - 1) * p;
    const auto lo = static_cast<std::int64_t>(std::floor(h));
    const std::int64_t hi = std::min(lo + 1, n - 1);
    const double a = valueAt(bins, from, to, lo), b = valueAt(bins, from, to, hi);
    return a + (h - static_cast<double>(lo)) * (b - a);
}
/** Calls \a f(pair, seconds, hop's trip) for each hop of the trips of \a set that pass \a f. */
template <typename F> void forEachHop(const TripSet& set, const FlowFilter& filter, LocalTime& zone, F f) {
    for (const Trip& t : set.trips) {
        if (t.reads < 2 || !filter.acceptsClass(t.cls) || (filter.throughOnly && t.kind != TripKind::Through))
            continue;
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(t.start, zone, &day, &hour);
        if (!filter.acceptsDay(day) || hour < filter.hourFrom || hour >= filter.hourTo)
            continue;
        for (std::uint32_t i = 1; i < t.reads; ++i) {
            const std::uint32_t a = set.path[t.pathOffset + i - 1], b = set.path[t.pathOffset + i];
            const std::uint32_t at = set.pathTimes[t.pathOffset + i - 1];
            f(std::make_pair(a, b), static_cast<std::int32_t>(set.pathTimes[t.pathOffset + i] - at), t, at,
              day);
        }
    }
}
} // namespace

JourneySamples::JourneySamples(const FlowFilter& filter)
    : m_filter(filter) {}

void JourneySamples::add(const TripSet& set, LocalTime& zone, const RecordKeys& keys, std::size_t batch) {
    // The hops as (the pair's number here, seconds) with their keys, a batch at a time: each batch sorted,
    // counted into its pairs' bins and merged into the pairs' (a bin's count and key are sums, so the batches
    // give the same bins as one sort). A day's hops at once (16 bytes each, and the sort's buffer beside
    // them) were 250 MB of a 100M-read build's finishing step.
    struct PieceHop {
        std::uint64_t order; ///< pair number << 32 | seconds (sign bit flipped: ordered as numbers)
        std::uint32_t key;
    };
    batch = std::max<std::size_t>(batch, 1);
    std::unordered_map<std::uint64_t, std::uint32_t> number;
    std::vector<std::uint64_t> pairs;
    std::vector<PieceHop> hops;
    hops.reserve(std::min(batch, set.path.size()));
    const auto count = [&] {
        radixSort(hops, [](const PieceHop& h) { return h.order; });
        JourneySamples counted(m_filter);
        for (std::size_t i = 0; i < hops.size();) {
            const auto n = static_cast<std::size_t>(hops[i].order >> 32);
            std::vector<Bin>& bins = counted
                                         .m_pairs[{static_cast<std::uint32_t>(pairs[n] >> 32),
                                                   static_cast<std::uint32_t>(pairs[n])}]
                                         .bins;
            for (; i < hops.size() && static_cast<std::size_t>(hops[i].order >> 32) == n; ++i) {
                const auto seconds =
                    static_cast<std::int32_t>(static_cast<std::uint32_t>(hops[i].order) ^ 0x80000000u);
                if (bins.empty() || bins.back().seconds != seconds)
                    bins.push_back(Bin{seconds, 0, 0});
                ++bins.back().count;
                bins.back().key += hops[i].key;
            }
        }
        absorb(std::move(counted));
        hops.clear();
    };
    forEachHop(set, m_filter, zone,
               [&](std::pair<std::uint32_t, std::uint32_t> pair, std::int32_t seconds, const Trip& t,
                   std::uint32_t at, std::int64_t) {
                   const std::uint64_t ab = static_cast<std::uint64_t>(pair.first) << 32 | pair.second;
                   const auto [it, added] = number.try_emplace(ab, static_cast<std::uint32_t>(pairs.size()));
                   if (added)
                       pairs.push_back(ab);
                   hops.push_back(PieceHop{static_cast<std::uint64_t>(it->second) << 32 |
                                               (static_cast<std::uint32_t>(seconds) ^ 0x80000000u),
                                           keys.hop(t.vehicle, t.start + at, pair.first)});
                   if (hops.size() == batch)
                       count();
               });
    if (!hops.empty())
        count();
}

void JourneySamples::absorb(JourneySamples&& other) {
    for (auto& [pair, theirs] : other.m_pairs) {
        Pair& mine = m_pairs[pair];
        if (mine.bins.empty()) {
            mine.bins = std::move(theirs.bins);
            continue;
        }
        std::vector<Bin> merged;
        merged.reserve(mine.bins.size() + theirs.bins.size());
        std::merge(mine.bins.begin(), mine.bins.end(), theirs.bins.begin(), theirs.bins.end(),
                   std::back_inserter(merged),
                   [](const Bin& a, const Bin& b) { return a.seconds < b.seconds; });
        std::size_t w = 0;
        for (std::size_t r = 0; r < merged.size(); ++r) {
            if (w > 0 && merged[w - 1].seconds == merged[r].seconds) {
                merged[w - 1].count += merged[r].count;
                merged[w - 1].key += merged[r].key;
            } else {
                merged[w++] = merged[r];
            }
        }
        merged.resize(w);
        mine.bins = std::move(merged);
    }
    other.m_pairs.clear();
}

void JourneySamples::settle() {
    // pairStatistics() over the counted seconds: the same order statistics, so the same figures.
    m_index.clear();
    m_byIndex.clear();
    for (auto& [pair, p] : m_pairs) {
        m_index.emplace(static_cast<std::uint64_t>(pair.first) << 32 | pair.second,
                        static_cast<std::uint32_t>(m_byIndex.size()));
        m_byIndex.push_back(&p);
        PairTimes& r = p.result;
        r = PairTimes{pair.first, pair.second};
        std::int64_t n = 0;
        for (const Bin& b : p.bins)
            n += b.count;
        if (n == 0)
            continue;
        p.median = binPercentile(p.bins, 0, p.bins.size(), n, 0.5);
        // The median deviation from the median, from the deviations' counts as the percentiles are.
        struct Deviation {
            double seconds;
            std::int64_t count;
        };
        std::vector<Deviation> deviations;
        deviations.reserve(p.bins.size());
        for (const Bin& b : p.bins)
            deviations.push_back(Deviation{std::fabs(b.seconds - p.median), b.count});
        std::sort(deviations.begin(), deviations.end(),
                  [](const Deviation& x, const Deviation& y) { return x.seconds < y.seconds; });
        p.mad = binPercentile(deviations, 0, deviations.size(), n, 0.5);
        // The kept hops are one run of seconds around the median.
        std::size_t from = 0, to = p.bins.size();
        while (from < to && !p.keeps(p.bins[from].seconds))
            ++from;
        while (to > from && !p.keeps(p.bins[to - 1].seconds))
            --to;
        for (std::size_t i = 0; i < p.bins.size(); ++i) {
            if (i >= from && i < to) {
                r.n += p.bins[i].count;
                r.key += p.bins[i].key;
            } else {
                r.dropped += p.bins[i].count;
                r.droppedKey += p.bins[i].key;
            }
        }
        r.median = binPercentile(p.bins, from, to, r.n, 0.5);
        r.p15 = binPercentile(p.bins, from, to, r.n, 0.15);
        r.p85 = binPercentile(p.bins, from, to, r.n, 0.85);
    }
}

void JourneySamples::countVehicles(const TripSet& set, LocalTime& zone) {
    addVehicles(vehiclesOf(set, zone));
}

JourneySamples::DayVehicles JourneySamples::vehiclesOf(const TripSet& set, LocalTime& zone) const {
    // This piece's (day, vehicle) per pair, kept and dropped apart.
    std::vector<std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>>> seen(m_byIndex.size());
    forEachHop(set, m_filter, zone,
               [&](std::pair<std::uint32_t, std::uint32_t> pair, std::int32_t seconds, const Trip& t,
                   std::uint32_t, std::int64_t day) {
                   const auto it = m_index.find(static_cast<std::uint64_t>(pair.first) << 32 | pair.second);
                   if (it == m_index.end())
                       return; // not in the first pass: not the same trips
                   auto& lists = seen[it->second];
                   (m_byIndex[it->second]->keeps(seconds) ? lists.first : lists.second)
                       .push_back(dayVehicle(day, t.vehicle));
               });
    DayVehicles out(seen.size(), {0, 0});
    for (std::size_t i = 0; i < seen.size(); ++i)
        out[i] = {mostVehiclesOnADay(seen[i].first), mostVehiclesOnADay(seen[i].second)};
    return out;
}

void JourneySamples::addVehicles(const DayVehicles& vehicles) {
    for (std::size_t i = 0; i < vehicles.size() && i < m_byIndex.size(); ++i) {
        PairTimes& r = m_byIndex[i]->result;
        r.vehicles = std::max(r.vehicles, vehicles[i].first);
        r.droppedVehicles = std::max(r.droppedVehicles, vehicles[i].second);
    }
}

std::vector<PairTimes> JourneySamples::statistics() const {
    std::vector<PairTimes> out;
    out.reserve(m_pairs.size());
    for (const auto& [pair, p] : m_pairs)
        out.push_back(p.result);
    return out;
}

std::vector<PairTimes> journeyTimes(const TripSet& set, const FlowFilter& f, LocalTime& zone,
                                    const RecordKeys& keys) {
    JourneySamples samples(f);
    samples.add(set, zone, keys);
    samples.settle();
    samples.countVehicles(set, zone);
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
