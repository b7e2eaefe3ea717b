#include "flows/periodcomparison.h"

#include "common/error.h"
#include "common/random.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace stroom {

namespace {

using Pair = std::uint64_t;

Pair pairOf(std::uint32_t origin, std::uint32_t destination) {
    return static_cast<Pair>(origin) << 32 | destination;
}

/** The days with data that \a f takes, in order. */
std::vector<std::int64_t> daysOf(const FlowCube& cube, const FlowFilter& f) {
    std::vector<std::int64_t> days;
    for (const std::int64_t day : cube.days())
        if (f.acceptsDay(day))
            days.push_back(day);
    return days;
}

/** C(n, r), saturating at \a cap + 1. */
std::uint64_t choose(int n, int r, std::uint64_t cap) {
    r = std::min(r, n - r);
    double c = 1;
    for (int i = 1; i <= r; ++i) {
        c = c * (n - r + i) / i;
        if (c > static_cast<double>(cap))
            return cap + 1;
    }
    return static_cast<std::uint64_t>(std::llround(c));
}

} // namespace

QString PeriodComparison::periodText(const FlowFilter& f) {
    return f.from.toString(Qt::ISODate) + QStringLiteral("..") + f.to.toString(Qt::ISODate);
}

double PeriodComparison::permutationP(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                                      std::uint64_t seed, const std::vector<int>& aStrata,
                                      const std::vector<int>& bStrata) {
    if (a.empty() || b.empty())
        return 1;
    // Per stratum: its pooled values, how many of them period A holds, and A's expected share of its sum.
    struct Stratum {
        std::vector<std::int64_t> values;
        int inA = 0;
        double sumA = 0, centre = 0;
    };
    std::map<int, Stratum> byStratum;
    for (std::size_t i = 0; i < a.size(); ++i) {
        Stratum& s = byStratum[aStrata.empty() ? 0 : aStrata[i]];
        s.values.push_back(a[i]);
        ++s.inA;
        s.sumA += static_cast<double>(a[i]);
    }
    for (std::size_t i = 0; i < b.size(); ++i)
        byStratum[bStrata.empty() ? 0 : bStrata[i]].values.push_back(b[i]);
    // The statistic: how far A's sum lies from what the strata lead to expect, |Σ (A's sum − inA · mean)|.
    // Without strata this is |mean A − mean B| times a constant.
    std::vector<Stratum> strata;
    double observed = 0;
    std::uint64_t splits = 1;
    for (auto& [id, s] : byStratum) {
        const double total = std::accumulate(s.values.begin(), s.values.end(), 0.0);
        s.centre = total * s.inA / static_cast<double>(s.values.size());
        observed += s.sumA - s.centre;
        if (s.inA == 0 || s.inA == static_cast<int>(s.values.size()))
            continue; // no split moves it
        splits = std::min<std::uint64_t>(
            kExactSplits + 1, splits * choose(static_cast<int>(s.values.size()), s.inA, kExactSplits));
        strata.push_back(std::move(s));
    }
    observed = std::fabs(observed);
    const double tolerance = 1e-9 * (1 + observed);
    if (observed <= tolerance)
        return 1;
    if (splits <= kExactSplits) {
        // Every split: per stratum the sums of all its subsets of size inA, then every combination of them.
        std::vector<double> deviations{0};
        for (const Stratum& s : strata) {
            const int n = static_cast<int>(s.values.size()), k = s.inA;
            std::vector<int> idx(static_cast<std::size_t>(k));
            std::iota(idx.begin(), idx.end(), 0);
            std::vector<double> sums;
            while (true) {
                double sum = 0;
                for (const int i : idx)
                    sum += static_cast<double>(s.values[static_cast<std::size_t>(i)]);
                sums.push_back(sum - s.centre);
                int i = k - 1;
                while (i >= 0 && idx[static_cast<std::size_t>(i)] == n - k + i)
                    --i;
                if (i < 0)
                    break;
                ++idx[static_cast<std::size_t>(i)];
                for (int j = i + 1; j < k; ++j)
                    idx[static_cast<std::size_t>(j)] = idx[static_cast<std::size_t>(j - 1)] + 1;
            }
            std::vector<double> next;
            next.reserve(deviations.size() * sums.size());
            for (const double d : deviations)
                for (const double x : sums)
                    next.push_back(d + x);
            deviations.swap(next);
        }
        std::size_t atLeast = 0;
        for (const double d : deviations)
            atLeast += std::fabs(d) >= observed - tolerance ? 1 : 0;
        return static_cast<double>(atLeast) / static_cast<double>(deviations.size());
    }
    Random random(seed);
    std::uint64_t atLeast = 0;
    for (int r = 0; r < kResamples; ++r) {
        double deviation = 0;
        for (Stratum& s : strata) {
            // A random subset of size inA: the first inA of a partial Fisher–Yates shuffle.
            const int n = static_cast<int>(s.values.size());
            double sum = 0;
            for (int i = 0; i < s.inA; ++i) {
                const int j = i + static_cast<int>(random.next() % static_cast<std::uint64_t>(n - i));
                std::swap(s.values[static_cast<std::size_t>(i)], s.values[static_cast<std::size_t>(j)]);
                sum += static_cast<double>(s.values[static_cast<std::size_t>(i)]);
            }
            deviation += sum - s.centre;
        }
        if (std::fabs(deviation) >= observed - tolerance)
            ++atLeast;
    }
    return static_cast<double>(atLeast + 1) / static_cast<double>(kResamples + 1);
}

PeriodComparison::Result PeriodComparison::compare(const FlowCube& cube, const FlowFilter& before,
                                                   const FlowFilter& after, const std::vector<int>& group,
                                                   const DisclosurePolicy& policy) {
    if (!before.from.isValid() || !before.to.isValid() || !after.from.isValid() || !after.to.isValid())
        throw Error::usage(QStringLiteral("compare: each period needs its first and last day"));
    if (before.from > before.to || after.from > after.to)
        throw Error::usage(QStringLiteral("compare: a period's first day comes after its last (%1, %2)")
                               .arg(periodText(before), periodText(after)));
    if (before.from <= after.to && after.from <= before.to)
        throw Error::usage(QStringLiteral("compare: the periods %1 and %2 overlap: compare periods apart "
                                          "(their difference would be a period of its own, never released)")
                               .arg(periodText(before), periodText(after)));
    Result result;
    result.k = policy.k();
    result.exact = policy.exact();
    const std::vector<std::int64_t> beforeDays = daysOf(cube, before), afterDays = daysOf(cube, after);
    result.beforeDays = static_cast<int>(beforeDays.size());
    result.afterDays = static_cast<int>(afterDays.size());
    for (const auto& [days, f] : {std::make_pair(&beforeDays, &before), std::make_pair(&afterDays, &after)})
        if (static_cast<int>(days->size()) < kMinDays)
            throw Error::usage(QStringLiteral("compare: the period %1 has %2 days with data; a comparison "
                                              "needs at least %3 in each period (with fewer, no change can "
                                              "stand out from the day-to-day variation)")
                                   .arg(periodText(*f))
                                   .arg(days->size())
                                   .arg(kMinDays));

    // Released per period; the rows are the cells released in at least one.
    std::map<Pair, Row> rows;
    std::map<Pair, bool> withTraffic;
    auto release = [&](const FlowFilter& f, int days, bool isBefore) {
        const RawOd raw = cube.od(f, group);
        for (const RawOd::Cell& c : raw.cells)
            withTraffic[pairOf(c.origin, c.destination)] = true;
        const OdMatrix m = raw.publish(policy);
        for (const OdFlow& flow : m.flows) {
            Row& row = rows[pairOf(flow.origin, flow.destination)];
            row.origin = flow.origin;
            row.destination = flow.destination;
            (isBefore ? row.before : row.after) = static_cast<double>(flow.trips) / days;
        }
    };
    release(before, result.beforeDays, true);
    release(after, result.afterDays, false);
    result.suppressed = static_cast<std::int64_t>(withTraffic.size() - rows.size());

    // Each released cell's exact trips on every day of both periods (0 where it had none).
    const std::size_t nb = beforeDays.size(), n = nb + afterDays.size();
    std::map<Pair, std::vector<std::int64_t>> daily;
    for (const auto& [key, row] : rows)
        daily[key].assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const bool isBefore = i < nb;
        FlowFilter f = isBefore ? before : after;
        f.from = f.to = QDate(1970, 1, 1).addDays(isBefore ? beforeDays[i] : afterDays[i - nb]);
        for (const RawOd::Cell& c : cube.od(f, group).cells) {
            const auto it = daily.find(pairOf(c.origin, c.destination));
            if (it != daily.end())
                it->second[i] = c.trips.value;
        }
    }
    // Weekdays are exchanged with weekdays only, weekends with weekends.
    auto dayTypes = [](const std::vector<std::int64_t>& days) {
        std::vector<int> types;
        for (const std::int64_t day : days)
            types.push_back(QDate(1970, 1, 1).addDays(day).dayOfWeek() >= 6 ? 1 : 0);
        return types;
    };
    const std::vector<int> beforeTypes = dayTypes(beforeDays), afterTypes = dayTypes(afterDays);
    result.rows.reserve(rows.size());
    for (auto& [key, row] : rows) {
        const std::vector<std::int64_t>& d = daily[key];
        row.pValue = permutationP(std::vector<std::int64_t>(d.begin(), d.begin() + static_cast<long>(nb)),
                                  std::vector<std::int64_t>(d.begin() + static_cast<long>(nb), d.end()),
                                  Random::stream(0x636f6d70617265ULL, row.origin, row.destination).next(),
                                  beforeTypes, afterTypes);
        row.significant = row.pValue <= kLevel;
        result.rows.push_back(row);
    }
    return result;
}

} // namespace stroom
