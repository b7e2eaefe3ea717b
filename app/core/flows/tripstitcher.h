#pragma once

#include "common/timeparse.h"
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
 * duplicate rule's look-back), then added here in day order. Only trips that end within the gap of the next
 * day's start are held open for it (a few per cent of a day's vehicles); the rest are the day's at once. A
 * vehicle's first trip of a day continues its last trip of the day before when the gap between their kept
 * reads is at most the gap parameter: the two become one trip (origin of the first, destination of the
 * second, class of the first read, kind classified again, paths joined), which belongs to the day it started.
 * The result equals building every read at once (DESIGN §5.2), trip by trip; `testtripstitcher` holds it to
 * that.
 */
class TripStitcher {
public:
    /** Days are local days of the IANA zone \a zoneId. */
    TripStitcher(const TripParameters& p, const ThroughRule& through, const QByteArray& zoneId);

    /**
     * Adds the trips built from local day \a day's reads alone (grouped by vehicle, as TripBuilder gives
     * them), taken over: they become the day's trips, but for the last trips that end too near midnight
     * for the next day not to extend them, which wait for it.
     */
    void add(std::int64_t day, TripSet&& built);
    /** Ends the input: every open trip is closed. */
    void finish();
    /**
     * The earliest day whose trips are all closed (no later day can extend them), taken out; false when
     * there is none yet.
     */
    bool takeComplete(std::int64_t* day, TripSet* trips);
    /** The days whose trips are held here (added, not yet taken). */
    std::size_t daysHeld() const { return m_closed.size(); }

private:
    struct Open {
        std::int64_t day;
        Trip trip;
        std::vector<std::uint32_t> path, times;
    };
    void close(Open& o);
    Open open(std::int64_t day, const Trip& t, const TripSet& from);
    /** Whether a trip of \a day that ends at \a end may go on into the next day's first trip. */
    bool mayGoOn(std::int64_t day, std::int64_t end);

    TripParameters m_p;
    const ThroughRule& m_through;
    LocalTime m_zone;
    std::int64_t m_nextDay = INT64_MIN, m_nextStart = INT64_MIN; ///< a day + 1 and its first second (UTC)
    std::unordered_map<std::uint32_t, Open>
        m_open;                               ///< each vehicle's last trip, which the next day may extend
    std::map<std::int64_t, TripSet> m_closed; ///< closed trips by the day they start
    std::int64_t m_lastDay = INT64_MIN;
    bool m_finished = false;
};

} // namespace stroom
