#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace stroom {

/**
 * \brief Turns local wall-clock times into UTC for one time zone, fast and DST-correct, with the two
 * awkward hours defined:
 *
 * - **Spring gap** (clocks go forward, e.g. 02:00–02:59 on the last Sunday of March in Brussels): those
 *   local times do not exist; toUtc() reports them as Nonexistent and the row is rejected.
 * - **Autumn overlap** (clocks go back, 02:00–02:59 happens twice): an export lists passages in time
 *   order, so the first pass through the hour is summer time and, once the clock in the file steps back
 *   by more than ten minutes inside that hour, the rest is winter time. resolveAmbiguous() keeps that
 *   state per file; a file that is not in time order gets the earlier (summer-time) reading.
 */
class LocalTime {
public:
    explicit LocalTime(const QByteArray& ianaId);
    bool isValid() const { return m_valid; }
    QString id() const { return QString::fromLatin1(m_id); }

    enum class Kind { Unique, Ambiguous, Nonexistent };
    /** UTC seconds for local seconds (local wall clock counted as if it were UTC). */
    std::int64_t toUtc(std::int64_t localSeconds, Kind* kind);
    /** Offset (seconds east of UTC) in force at a UTC instant. */
    int offsetAt(std::int64_t utcSeconds);

private:
    struct Transition {
        std::int64_t utc;  ///< instant of the change
        int before, after; ///< offsets
    };
    void ensureYear(int year);

    QByteArray m_id;
    bool m_valid = false;
    std::vector<Transition> m_transitions; // sorted
    std::vector<int> m_years;              // loaded years
    int m_standardOffset = 0;
    // The last answer of offsetAt() and the UTC span it holds for (between two transitions, in one UTC day).
    std::int64_t m_spanFrom = 0, m_spanTo = 0;
    int m_spanOffset = 0;
    // Autumn-overlap state for the file being read.
    std::int64_t m_overlapLastLocal = INT64_MIN;
    bool m_overlapSecondPass = false;
};

/** \brief Parses the timestamp forms ANPR exports use. */
namespace timeparse {

enum class Result { Ok, Bad, Nonexistent };

/**
 * ISO-8601: "2026-03-02T07:45:12Z", "+01:00" offsets, fractions, a space instead of T. Without a zone the
 * time is local in \a zone. Returns UTC seconds in \a out.
 */
Result parseIso(std::string_view s, LocalTime& zone, std::int64_t* out);
/** "dd/mm/yyyy hh:mm[:ss]" (also with - or . between the date parts), local time in \a zone. */
Result parseDutch(std::string_view s, LocalTime& zone, std::int64_t* out);
/** Either form, told apart by the first separator. */
Result parseAny(std::string_view s, LocalTime& zone, std::int64_t* out);

} // namespace timeparse

} // namespace stroom
