#pragma once

#include "flows/flowcube.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <vector>

namespace stroom {

/**
 * \brief Two periods of the same OD matrix side by side (issue 14, before/after): each cell's trips per day
 * in either period as the DisclosurePolicy releases them, the change, and whether the change stands out
 * from the cell's day-to-day variation.
 *
 * - **Figures.** A period's matrix is queried and released as a query for that period alone would be (k in
 *   distinct vehicles over the period, cell key noise unless exact); a cell's per-day mean is its released
 *   figure divided by the period's days with data (days the store holds any trip or passage of, within the
 *   period and the filter). A cell under k in a period has no figure there (empty), and no change.
 * - **Significance.** A two-sided permutation test of the difference in daily trips, at level kLevel
 *   (5 %), one test per cell and no correction for the number of cells (so about one unchanged cell in
 *   twenty is flagged): the cell's exact trips on each day of both periods are pooled and every way of
 *   splitting the days between the periods is counted, weekdays exchanged with weekdays and weekends with
 *   weekends (so a week's rhythm is no change; up to kExactSplits splits; beyond, kResamples random splits,
 *   seeded by the cell, so the same query gives the same answer). It is computed for the cells released in
 *   at least one period; the flag is the only thing it releases. With fewer than 4 days in a period
 *   nothing can reach 5 % (periods need kMinDays days with data).
 * - The periods may not overlap (their difference would be a third, unreleased period).
 */
class PeriodComparison {
public:
    static constexpr double kLevel = 0.05;
    static constexpr int kMinDays = 4;
    static constexpr std::uint64_t kExactSplits = 20000;
    static constexpr int kResamples = 4999;

    /** \brief One OD relation in both periods; a mean is negative when the period did not release it. */
    struct Row {
        std::uint32_t origin, destination;
        double before = -1, after = -1; ///< released trips per day, or -1 (under k in that period)
        double pValue = 1;
        bool significant = false;
        bool released(double mean) const { return mean >= 0; }
        bool hasChange() const { return before >= 0 && after >= 0; }
        double change() const { return after - before; }
    };
    struct Result {
        std::vector<Row> rows; ///< cells released in at least one period, sorted by origin, destination
        int beforeDays = 0, afterDays = 0;
        std::int64_t suppressed = 0; ///< cells with traffic in some period that neither released
        int k = DisclosurePolicy::kDefaultK;
        bool exact = false;
    };

    /**
     * Compares \a before and \a after (filters that differ only in their dates) at camera level, or per
     * group of \a group (zones). Throws Error::usage when the periods overlap or either has fewer than
     * kMinDays days with data.
     */
    static Result compare(const FlowCube& cube, const FlowFilter& before, const FlowFilter& after,
                          const std::vector<int>& group, const DisclosurePolicy& policy);

    /**
     * The two-sided permutation p-value of a difference between \a a and \a b: values are exchanged only
     * within their stratum (\a aStrata, \a bStrata: one number per value; empty: one stratum), and the
     * statistic is how far A's sum lies from what its strata lead to expect (with one stratum, the difference
     * in means). Exact up to kExactSplits splits, else kResamples random ones from \a seed.
     */
    static double permutationP(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                               std::uint64_t seed, const std::vector<int>& aStrata = {},
                               const std::vector<int>& bStrata = {});

    /** "2026-03-02..2026-03-08" */
    static QString periodText(const FlowFilter& f);
};

} // namespace stroom
