#pragma once

#include "flows/tripbuilder.h"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace stroom {

/**
 * \brief Joins trips across local midnight (issue 15): the defined merge of the per-day pipeline.
 *
 * Each local day's trips are built from that day's reads alone (with the reads of the hour before as the
 * duplicate rule's look-back), then added here in day order. A vehicle's first trip of a day continues its
 * last trip of the day before when the gap between their kept reads is at most the gap parameter: the two
 * become one trip (origin of the first, destination of the second, class of the first read, kind classified
 * again, paths joined), which belongs to the day it started. The result equals building every read at once
 * (DESIGN §5.2), trip by trip; `testtripstitcher` holds it to that.
 */
class TripStitcher {
public:
    TripStitcher(const TripParameters& p, const ThroughRule& through);

    /** Adds the trips built from local day \a day's reads alone (grouped by vehicle, as TripBuilder gives
     * them). */
    void add(std::int64_t day, const TripSet& built);
    /** Ends the input: every open trip is closed. */
    void finish();
    /**
     * The earliest day whose trips are all closed (no later day can extend them), taken out; false when
     * there is none yet.
     */
    bool takeComplete(std::int64_t* day, TripSet* trips);

private:
    struct Open {
        std::int64_t day;
        Trip trip;
        std::vector<std::uint32_t> path, times;
    };
    void close(Open& o);
    Open open(std::int64_t day, const Trip& t, const TripSet& from);

    TripParameters m_p;
    const ThroughRule& m_through;
    std::unordered_map<std::uint32_t, Open>
        m_open;                               ///< each vehicle's last trip, which the next day may extend
    std::map<std::int64_t, TripSet> m_closed; ///< closed trips by the day they start
    std::int64_t m_lastDay = INT64_MIN;
    bool m_finished = false;
};

} // namespace stroom
