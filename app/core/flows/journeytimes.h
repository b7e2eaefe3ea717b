#pragma once

#include "flows/flowcube.h"
#include "flows/tripbuilder.h"

#include <map>
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
 * \brief The journey-time observations of trips gathered piece by piece (a day at a time, on any thread),
 * then the statistics of journeyTimes() over all of them: the same figures whatever the pieces.
 */
class JourneySamples {
public:
    /** The hops of the trips of \a set that pass \a filter. */
    void add(const TripSet& set, const FlowFilter& filter, LocalTime& zone, const RecordKeys& keys);
    /** Takes \a other's hops. */
    void absorb(JourneySamples&& other);
    /** Per camera pair, sorted by from, to (the samples are used up; the pairs on every core). */
    std::vector<PairTimes> statistics();

private:
    static PairTimes statisticsOf(const std::pair<std::uint32_t, std::uint32_t>& pair,
                                  std::vector<std::vector<Hop>>& pieces);
    /// per camera pair, the pieces as they came (joined once, for the statistics)
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::vector<Hop>>> m_samples;
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
