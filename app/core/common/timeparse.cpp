#include "common/timeparse.h"

#include "common/csvreader.h"

#include "common/timeformat.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cstring>

namespace stroom {

LocalTime::LocalTime(const QByteArray& ianaId)
    : m_id(ianaId) {
    if (ianaId == "UTC" || ianaId == "Etc/UTC" || ianaId == "Z") {
        m_valid = true;
        return;
    }
    const QTimeZone tz(ianaId);
    m_valid = tz.isValid();
    if (m_valid)
        m_standardOffset = tz.standardTimeOffset(QDateTime::currentDateTimeUtc());
}

void LocalTime::ensureYear(int year) {
    if (std::find(m_years.begin(), m_years.end(), year) != m_years.end() || m_id == "UTC" ||
        m_id == "Etc/UTC" || m_id == "Z")
        return;
    m_years.push_back(year);
    const QTimeZone tz(m_id);
    const QDateTime from(QDate(year, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(year + 1, 1, 1), QTime(0, 0), Qt::UTC);
    const int offsetAtStart = tz.offsetFromUtc(from);
    if (m_transitions.empty() && offsetAtStart != 0)
        m_standardOffset = offsetAtStart;
    int previous = offsetAtStart;
    for (const QTimeZone::OffsetData& t : tz.transitions(from, to)) {
        m_transitions.push_back(Transition{t.atUtc.toSecsSinceEpoch(), previous, t.offsetFromUtc});
        previous = t.offsetFromUtc;
    }
    std::sort(m_transitions.begin(), m_transitions.end(),
              [](const Transition& a, const Transition& b) { return a.utc < b.utc; });
    if (m_transitions.empty())
        m_standardOffset = offsetAtStart;
}

int LocalTime::offsetAt(std::int64_t utc) {
    if (utc >= m_spanFrom && utc < m_spanTo) // reads and trips come close in time: mostly the last answer
        return m_spanOffset;
    const std::int64_t day = timefmt::epochDay(utc);
    int y, m, d;
    timefmt::civilFromDays(day, &y, &m, &d);
    ensureYear(y);
    ensureYear(y - 1);
    auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utc,
                               [](std::int64_t v, const Transition& t) { return v < t.utc; });
    const int offset = it == m_transitions.begin() ? (m_transitions.empty() ? m_standardOffset : it->before)
                                                   : std::prev(it)->after;
    // The same offset holds up to the next transition; kept for the rest of this UTC day, whose year's
    // transitions are loaded.
    m_spanFrom = std::max(day * 86400, it == m_transitions.begin() ? INT64_MIN : std::prev(it)->utc);
    m_spanTo = std::min(day * 86400 + 86400, it == m_transitions.end() ? INT64_MAX : it->utc);
    m_spanOffset = offset;
    return offset;
}

std::int64_t LocalTime::toUtc(std::int64_t local, Kind* kind) {
    *kind = Kind::Unique;
    if (m_transitions.empty() && (m_id == "UTC" || m_id == "Etc/UTC" || m_id == "Z"))
        return local;
    // Try both offsets around the instant; a local time maps to 0, 1 or 2 UTC instants.
    const int o1 = offsetAt(local - 14 * 3600);
    const int o2 = offsetAt(local + 14 * 3600);
    const std::int64_t u1 = local - o1, u2 = local - o2;
    const bool ok1 = offsetAt(u1) == o1, ok2 = offsetAt(u2) == o2;
    if (ok1 && ok2 && u1 != u2) {
        *kind = Kind::Ambiguous;
        // The earlier instant (summer time) first; once the file steps back in this hour, the later one.
        if (m_overlapLastLocal != INT64_MIN && local < m_overlapLastLocal - 600 &&
            local > m_overlapLastLocal - 3600)
            m_overlapSecondPass = true;
        if (m_overlapLastLocal == INT64_MIN || local > m_overlapLastLocal + 3600 ||
            local < m_overlapLastLocal - 3600)
            m_overlapSecondPass = false; // a different overlap hour
        m_overlapLastLocal = local;
        return m_overlapSecondPass ? std::max(u1, u2) : std::min(u1, u2);
    }
    if (ok1)
        return u1;
    if (ok2)
        return u2;
    *kind = Kind::Nonexistent;
    return local - o1;
}

namespace timeparse {

namespace {

inline bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

inline int daysInMonth(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

inline bool validDateTime(int y, int mo, int d, int h, int mi, int s) {
    return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 &&
           h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

Result fromLocal(std::int64_t local, LocalTime& zone, std::int64_t* out) {
    LocalTime::Kind kind;
    *out = zone.toUtc(local, &kind);
    return kind == LocalTime::Kind::Nonexistent ? Result::Nonexistent : Result::Ok;
}

} // namespace

Result parseIso(std::string_view s, LocalTime& zone, std::int64_t* out) {
    s = CsvReader::trimmed(s);
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, &mo) || s[7] != '-' ||
        !digits(s, 8, 2, &d))
        return Result::Bad;
    std::size_t p = 10;
    if (p < s.size()) {
        if (s[p] != 'T' && s[p] != ' ' && s[p] != 't')
            return Result::Bad;
        if (!digits(s, p + 1, 2, &h) || p + 3 >= s.size() || s[p + 3] != ':' || !digits(s, p + 4, 2, &mi))
            return Result::Bad;
        p += 6;
        if (p < s.size() && s[p] == ':') {
            if (!digits(s, p + 1, 2, &sec))
                return Result::Bad;
            p += 3;
        }
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            const std::size_t f = p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9')
                ++p;
            if (p == f)
                return Result::Bad;
        }
    }
    if (!validDateTime(y, mo, d, h, mi, sec))
        return Result::Bad;
    const std::int64_t wall =
        timefmt::daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + std::min(sec, 59);
    if (p == s.size())
        return fromLocal(wall, zone, out);
    if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) {
        *out = wall;
        return Result::Ok;
    }
    if (s[p] == '+' || s[p] == '-') {
        const int sign = s[p] == '+' ? 1 : -1;
        int oh, om = 0;
        if (!digits(s, p + 1, 2, &oh))
            return Result::Bad;
        std::size_t q = p + 3;
        if (q < s.size() && s[q] == ':')
            ++q;
        if (q < s.size()) {
            if (!digits(s, q, 2, &om))
                return Result::Bad;
            q += 2;
        }
        if (q != s.size() || oh > 14 || om > 59)
            return Result::Bad;
        *out = wall - sign * (oh * 3600 + om * 60);
        return Result::Ok;
    }
    return Result::Bad;
}

Result parseDutch(std::string_view s, LocalTime& zone, std::int64_t* out) {
    s = CsvReader::trimmed(s);
    // d/m/yyyy with one- or two-digit day and month
    int d = 0, mo = 0, y = 0, h = 0, mi = 0, sec = 0;
    std::size_t p = 0;
    auto number = [&](int maxDigits, int* v) {
        const std::size_t start = p;
        int n = 0;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9' && static_cast<int>(p - start) < maxDigits)
            n = n * 10 + (s[p++] - '0');
        *v = n;
        return p > start;
    };
    auto sep = [&](const char* allowed) {
        if (p < s.size() && std::strchr(allowed, s[p])) {
            ++p;
            return true;
        }
        return false;
    };
    if (!number(2, &d) || !sep("/-.") || !number(2, &mo) || !sep("/-.") || !number(4, &y) || y < 1000)
        return Result::Bad;
    if (p < s.size()) {
        if (!sep(" T"))
            return Result::Bad;
        while (p < s.size() && s[p] == ' ')
            ++p;
        if (!number(2, &h) || !sep(":") || !number(2, &mi))
            return Result::Bad;
        if (sep(":") && !number(2, &sec))
            return Result::Bad;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9')
                ++p;
        }
        if (p != s.size())
            return Result::Bad;
    }
    if (!validDateTime(y, mo, d, h, mi, sec))
        return Result::Bad;
    return fromLocal(timefmt::daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + std::min(sec, 59), zone,
                     out);
}

Result parseAny(std::string_view s, LocalTime& zone, std::int64_t* out) {
    const std::string_view t = CsvReader::trimmed(s);
    if (t.size() >= 5 && t[4] == '-')
        return parseIso(t, zone, out);
    return parseDutch(t, zone, out);
}

} // namespace timeparse

} // namespace stroom
