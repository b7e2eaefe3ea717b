#include "flows/tripstitcher.h"

#include <algorithm>

namespace stroom {

TripStitcher::TripStitcher(const TripParameters& p, const ThroughRule& through, const QByteArray& zoneId)
    : m_p(p)
    , m_through(through)
    , m_zone(zoneId) {}

bool TripStitcher::mayGoOn(std::int64_t day, std::int64_t end) {
    // The next day's trips start at its local midnight or later (its reads are its own); an hour less, for
    // a zone whose clocks change at midnight.
    if (day + 1 != m_nextDay) {
        LocalTime::Kind kind;
        m_nextDay = day + 1;
        m_nextStart = m_zone.toUtc(m_nextDay * 86400, &kind) - 3600;
    }
    return end + m_p.gapSeconds >= m_nextStart;
}

TripStitcher::Open TripStitcher::open(std::int64_t day, const Trip& t, const TripSet& from) {
    Open o{day, t, {}, {}};
    o.path.assign(from.path.begin() + t.pathOffset, from.path.begin() + t.pathOffset + t.reads);
    o.times.assign(from.pathTimes.begin() + t.pathOffset, from.pathTimes.begin() + t.pathOffset + t.reads);
    return o;
}

void TripStitcher::close(Open& o) {
    TripSet one;
    one.path = std::move(o.path);
    one.pathTimes = std::move(o.times);
    o.trip.pathOffset = 0;
    m_closed[o.day].append(o.trip, one);
}

void TripStitcher::add(std::int64_t day, TripSet&& built) {
    m_lastDay = std::max(m_lastDay, day);
    std::unordered_map<std::uint32_t, Open> next;
    std::vector<Trip>& trips = built.trips;
    std::size_t kept = 0; // the day's trips, compacted in place
    for (std::size_t i = 0; i < trips.size();) {
        std::size_t j = i;
        const std::uint32_t v = trips[i].vehicle;
        while (j < trips.size() && trips[j].vehicle == v)
            ++j;
        std::size_t k = i;
        const auto it = m_open.find(v);
        if (it != m_open.end()) {
            Open& o = it->second;
            const Trip& first = trips[i];
            if (first.start - o.trip.end <= m_p.gapSeconds) {
                // One trip across midnight: the first part's start, origin and class; the second's end.
                const auto shift = static_cast<std::uint32_t>(first.start - o.trip.start);
                for (std::uint32_t q = 0; q < first.reads; ++q) {
                    o.path.push_back(built.path[first.pathOffset + q]);
                    o.times.push_back(built.pathTimes[first.pathOffset + q] + shift);
                }
                o.trip.end = first.end;
                o.trip.destination = first.destination;
                o.trip.reads += first.reads;
                o.trip.kind =
                    m_through.classify(o.trip.origin, o.trip.destination, o.trip.end - o.trip.start);
                k = i + 1;
                if (k == j && mayGoOn(day, o.trip.end)) { // the next day may extend it again
                    next.emplace(v, std::move(o));
                    m_open.erase(it);
                    i = j;
                    continue;
                }
            }
            close(o);
            m_open.erase(it);
        }
        for (std::size_t m = k; m < j; ++m) {
            if (m + 1 == j && mayGoOn(day, trips[m].end))
                next.emplace(v, open(day, trips[m], built));
            else
                trips[kept++] = trips[m];
        }
        i = j;
    }
    trips.resize(kept);
    // Vehicles not seen today: their trips ended (a gap is shorter than a day).
    for (auto& kv : m_open)
        close(kv.second);
    m_open = std::move(next);
    // The day's set is the built one (the paths of trips taken out stay unused in it).
    TripSet& closed = m_closed[day];
    std::swap(closed, built);
    closed.duplicates = 0;
    closed.readsIn = 0;
    closed.singleReadTrips = 0;
    for (const Trip& t : closed.trips)
        closed.singleReadTrips += t.reads == 1 ? 1 : 0;
    for (const Trip& t : built.trips) // closed into this day before (none, as days come in order)
        closed.append(t, built);
}

void TripStitcher::finish() {
    for (auto& kv : m_open)
        close(kv.second);
    m_open.clear();
    m_finished = true;
}

bool TripStitcher::takeComplete(std::int64_t* day, TripSet* trips) {
    if (m_closed.empty())
        return false;
    std::int64_t openFrom = INT64_MAX;
    for (const auto& kv : m_open)
        openFrom = std::min(openFrom, kv.second.day);
    const auto first = m_closed.begin();
    if (first->first >= openFrom || (!m_finished && first->first > m_lastDay))
        return false;
    *day = first->first;
    *trips = std::move(first->second);
    m_closed.erase(first);
    return true;
}

} // namespace stroom
