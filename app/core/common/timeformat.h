#pragma once

#include <cstdint>
#include <string>

namespace stroom::timefmt {

/** Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
void civilFromDays(std::int64_t days, int* year, int* month, int* day);
/** a / b rounded towards minus infinity (b > 0). */
inline std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
/** The day (since 1970-01-01) that \a seconds since the epoch fall in; negative before 1970. */
inline std::int64_t epochDay(std::int64_t seconds) {
    return floorDiv(seconds, 86400);
}
/** Days since 1970-01-01 of a civil date. */
std::int64_t daysFromCivil(int year, int month, int day);

/** Appends "2026-03-02T07:45:12Z" (or with ".000Z" when millis is set). */
void appendIsoUtc(std::string& out, std::int64_t epochSeconds, bool millis = false);
/** Appends "02/03/2026 08:45:12" for the given local seconds (UTC seconds + offset). */
void appendDutchLocal(std::string& out, std::int64_t localSeconds);
/** Appends a non-negative integer. */
void appendInt(std::string& out, std::int64_t value);

} // namespace stroom::timefmt
