#include "flows/journeytimes.h"

#include "common/timeparse.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace stroom {

double percentile(const std::vector<double>& v, double p) {
    if (v.empty())
        return 0;
    const double h = (static_cast<double>(v.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

PairTimes pairStatistics(std::vector<double>& x) {
    PairTimes r{0, 0};
    if (x.empty())
        return r;
    std::sort(x.begin(), x.end());
    const double med = percentile(x, 0.5);
    std::vector<double> dev(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        dev[i] = std::fabs(x[i] - med);
    std::sort(dev.begin(), dev.end());
    const double mad = percentile(dev, 0.5);
    if (mad > 0) {
        const auto keep =
            std::remove_if(x.begin(), x.end(), [&](double v) { return std::fabs(v - med) > 3 * mad; });
        r.dropped = static_cast<std::int64_t>(x.end() - keep);
        x.erase(keep, x.end());
    }
    r.n = static_cast<std::int64_t>(x.size());
    r.median = percentile(x, 0.5);
    r.p15 = percentile(x, 0.15);
    r.p85 = percentile(x, 0.85);
    return r;
}

std::vector<PairTimes> journeyTimes(const TripSet& set, const FlowFilter& f, LocalTime& zone) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<double>> samples;
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
            samples[{a, b}].push_back(static_cast<double>(set.pathTimes[t.pathOffset + i]) -
                                      static_cast<double>(set.pathTimes[t.pathOffset + i - 1]));
        }
    }
    std::vector<PairTimes> out;
    out.reserve(samples.size());
    for (auto& [pair, x] : samples) {
        PairTimes r = pairStatistics(x);
        r.from = pair.first;
        r.to = pair.second;
        out.push_back(r);
    }
    return out;
}

} // namespace stroom
