#include "common/timeformat.h"

namespace stroom::timefmt {

void civilFromDays(std::int64_t z, int* year, int* month, int* day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    *year = static_cast<int>(y + (m <= 2));
    *month = static_cast<int>(m);
    *day = static_cast<int>(d);
}

std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {
inline void two(std::string& out, int v) {
    out.push_back(static_cast<char>('0' + v / 10));
    out.push_back(static_cast<char>('0' + v % 10));
}
inline void four(std::string& out, int v) {
    two(out, v / 100);
    two(out, v % 100);
}
} // namespace

namespace {
/** Appends hh:mm:ss of the seconds into a day. */
void appendClock(std::string& out, int secs) {
    two(out, secs / 3600);
    out.push_back(':');
    two(out, secs / 60 % 60);
    out.push_back(':');
    two(out, secs % 60);
}
} // namespace

void appendIsoUtc(std::string& out, std::int64_t t, bool millis) {
    const std::int64_t days = epochDay(t);
    int y, m, d;
    civilFromDays(days, &y, &m, &d);
    four(out, y);
    out.push_back('-');
    two(out, m);
    out.push_back('-');
    two(out, d);
    out.push_back('T');
    appendClock(out, static_cast<int>(t - days * 86400));
    if (millis)
        out.append(".000");
    out.push_back('Z');
}

void appendDutchLocal(std::string& out, std::int64_t t) {
    const std::int64_t days = epochDay(t);
    int y, m, d;
    civilFromDays(days, &y, &m, &d);
    two(out, d);
    out.push_back('/');
    two(out, m);
    out.push_back('/');
    four(out, y);
    out.push_back(' ');
    appendClock(out, static_cast<int>(t - days * 86400));
}

void appendInt(std::string& out, std::int64_t v) {
    char buf[24];
    int n = 0;
    if (v < 0) {
        out.push_back('-');
        v = -v;
    }
    do {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        out.push_back(buf[--n]);
}

} // namespace stroom::timefmt
