#pragma once

#include "flows/flowcube.h"
#include "flows/tripbuilder.h"

#include <vector>

namespace stroom {

class LocalTime;

/** \brief Journey times between two consecutive cameras of trips (DESIGN §5.7). */
struct PairTimes {
    std::uint32_t from, to;
    std::int64_t n = 0;       ///< observations kept
    std::int64_t dropped = 0; ///< outliers beyond median ± 3 × MAD
    double median = 0, p15 = 0, p85 = 0;
};

/**
 * \brief For every consecutive camera pair inside the trips that pass \a filter: n, median, 15th and
 * 85th percentile (linear interpolation between order statistics, as numpy/pandas do), after dropping
 * observations further than 3 × MAD from the median (MAD = median absolute deviation, unscaled; with a
 * MAD of 0 nothing is dropped). Sorted by from, to.
 */
std::vector<PairTimes> journeyTimes(const TripSet& set, const FlowFilter& filter, LocalTime& zone);

/** The statistics of one sample (sorted in place). */
PairTimes pairStatistics(std::vector<double>& seconds);
/** Percentile (0..1) of sorted values, linear between order statistics. */
double percentile(const std::vector<double>& sorted, double p);

} // namespace stroom
