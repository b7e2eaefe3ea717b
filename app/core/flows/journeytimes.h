#pragma once

#include "flows/flowcube.h"
#include "flows/tripbuilder.h"

#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stroom {

class LocalTime;
class RecordKeys;

/** \brief Journey times between two consecutive cameras of trips (DESIGN §5.7). */
struct PairTimes {
    std::uint32_t from, to;
    std::int64_t n = 0;       ///< observations kept (released: perturbed)
    std::int64_t dropped = 0; ///< outliers beyond median ± 3 × MAD (released: perturbed, or kSuppressed)
    double median = 0, p15 = 0, p85 = 0;
    // Before the privacy policy: vehicles (the most distinct ones on any one local day, as k is tested) and
    // cell keys of the kept and of the dropped observations.
    std::int64_t vehicles = 0, droppedVehicles = 0;
    std::uint32_t key = 0, droppedKey = 0;
};

/** \brief One journey-time observation: seconds, the vehicle behind it and its record key. */
struct Hop {
    double seconds;
    std::uint32_t vehicle;
    std::uint32_t key;
    std::int64_t day = 0; ///< local day of the trip's start (k is tested on the largest day)
};

/** \brief Journey times as released: pairs with at least k vehicles, and how many were not. */
struct PublishedTimes {
    std::vector<PairTimes> rows;
    std::int64_t suppressed = 0;
};
/** The pairs of \a raw as \a policy releases them (n perturbed; the percentiles of released pairs to the
 * nearest 10 s; the outliers as a figure of their own, kSuppressed when none or under k), exact if asked. */
PublishedTimes publishTimes(const std::vector<PairTimes>& raw, const DisclosurePolicy& policy);

/**
 * \brief For every consecutive camera pair inside the trips that pass \a filter: n, median, 15th and
 * 85th percentile (linear interpolation between order statistics, as numpy/pandas do), after dropping
 * observations further than 3 × MAD from the median (MAD = median absolute deviation, unscaled; with a
 * MAD of 0 nothing is dropped). Sorted by from, to.
 */
std::vector<PairTimes> journeyTimes(const TripSet& set, const FlowFilter& filter, LocalTime& zone,
                                    const RecordKeys& keys);

/**
 * \brief The statistics of journeyTimes() over trips read in pieces, in bounded memory: two passes over the
 * same trips. The first counts each pair's hops per second (journey times are whole seconds, at most the
 * gap), which gives the median, the MAD, the outliers, the percentiles and the keys exactly; the second
 * finds the distinct vehicles of the kept and of the dropped hops per local day. Memory: a pair's distinct
 * seconds, not its hops (a year of a city's trips fits).
 */
class JourneySamples {
public:
    explicit JourneySamples(const FlowFilter& filter = FlowFilter());
    /** First pass: the hops of \a set's trips that pass the filter (pieces in any order, on any thread),
     * counted \a batch hops at a time (the memory it takes: 32 bytes a hop). */
    void add(const TripSet& set, LocalTime& zone, const RecordKeys& keys, std::size_t batch = kHopBatch);
    static constexpr std::size_t kHopBatch = std::size_t{1} << 20;
    /** Takes \a other's first-pass counts. */
    void absorb(JourneySamples&& other);
    /** After the first pass: each pair's median, MAD, kept range, percentiles, n and keys. */
    void settle();
    /** Second pass (after settle()): the same trips again, each call holding whole local days of trip start
     * (all of a day's trips in one call). */
    void countVehicles(const TripSet& set, LocalTime& zone);
    /** Per pair (in the order of statistics()), the most distinct vehicles on one day of the kept and of the
     * dropped hops. */
    using DayVehicles = std::vector<std::pair<std::int64_t, std::int64_t>>;
    /** countVehicles() in two steps: the first reads only (any thread), the second adds its result. */
    DayVehicles vehiclesOf(const TripSet& set, LocalTime& zone) const;
    void addVehicles(const DayVehicles& vehicles);
    /** Per camera pair, sorted by from, to (after both passes). */
    std::vector<PairTimes> statistics() const;
    const FlowFilter& filter() const { return m_filter; }

private:
    struct Bin {
        std::int32_t seconds;
        std::int64_t count;
        std::uint32_t key; ///< sum of the hops' record keys
    };
    struct Pair {
        std::vector<Bin> bins; ///< sorted by seconds
        double median = 0, mad = 0;
        PairTimes result;
        bool keeps(double seconds) const { return !(mad > 0) || std::fabs(seconds - median) <= 3 * mad; }
    };
    FlowFilter m_filter;
    std::map<std::pair<std::uint32_t, std::uint32_t>, Pair> m_pairs;
    std::unordered_map<std::uint64_t, std::uint32_t> m_index; ///< (from << 32 | to) → position, by settle()
    std::vector<Pair*> m_byIndex;
};

/** The statistics of one sample (sorted in place), with its distinct vehicles and cell keys. */
PairTimes pairStatistics(std::vector<Hop>& hops);
/** The statistics of plain seconds (no vehicles: for tests of the rule). */
PairTimes pairStatistics(std::vector<double>& seconds);
/** Percentile (0..1) of sorted values, linear between order statistics. */
double percentile(const std::vector<double>& sorted, double p);
/** The median absolute deviation of \a sorted from its median \a median (unscaled): the one MAD of journey
 * times' outliers (DESIGN §5.7) and through traffic's windows per gate pair. */
double medianAbsoluteDeviation(const std::vector<double>& sorted, double median);
/** The most distinct vehicles on any one day among (day, vehicle) pairs (reordered): pseudonyms may change
 * daily, so k counts vehicles within a day. Journey times and through windows count them so. */
std::int64_t mostVehiclesOnADay(std::vector<std::uint64_t>& dayVehicles);
/** A (day, vehicle) pair as one number for mostVehiclesOnADay (days within ±2^31 of 1970). */
std::uint64_t dayVehicle(std::int64_t day, std::uint32_t vehicle);

} // namespace stroom
