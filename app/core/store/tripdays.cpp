#include "store/tripdays.h"

#include "common/error.h"
#include "common/sqlite.h"
#include "common/timeparse.h"
#include "common/varint.h"
#include "store/blockframe.h"
#include "store/readblocks.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <tuple>

namespace stroom {

void TripSet::append(const Trip& t, const TripSet& from) {
    Trip copy = t;
    copy.pathOffset = static_cast<std::uint32_t>(path.size());
    path.insert(path.end(), from.path.begin() + t.pathOffset, from.path.begin() + t.pathOffset + t.reads);
    pathTimes.insert(pathTimes.end(), from.pathTimes.begin() + t.pathOffset,
                     from.pathTimes.begin() + t.pathOffset + t.reads);
    if (t.reads == 1)
        ++singleReadTrips;
    trips.push_back(copy);
}

namespace {

constexpr char kMagic = 'T';

[[noreturn]] void damaged() {
    throw Error::store(
        QStringLiteral("a day of stored trips is damaged; rebuild the trips (stroom-cli trips --rebuild)"));
}

std::uint64_t need(const unsigned char*& p, const unsigned char* end) {
    std::uint64_t v = 0;
    if (!varint::get(p, end, &v))
        damaged();
    return v;
}

} // namespace

QByteArray TripDays::encode(const TripSet& set, const std::vector<std::uint32_t>& order) {
    // Columns: starts (delta), vehicles, reads, class and kind, path cameras, path seconds (from the second
    // read on: the first is always 0). Origin, destination and end are the path's.
    std::string starts, vehicles, reads, classKind, cams, secs;
    std::int64_t prev = order.empty() ? 0 : set.trips[order.front()].start;
    const std::int64_t base = prev;
    for (std::uint32_t i : order) {
        const Trip& t = set.trips[i];
        varint::put(starts, varint::zigzag(t.start - prev));
        prev = t.start;
        varint::put(vehicles, t.vehicle);
        varint::put(reads, t.reads);
        classKind.push_back(static_cast<char>(t.cls));
        classKind.push_back(static_cast<char>(t.kind));
        for (std::uint32_t k = 0; k < t.reads; ++k) {
            varint::put(cams, set.path[t.pathOffset + k]);
            if (k > 0)
                varint::put(secs, set.pathTimes[t.pathOffset + k]);
        }
    }
    std::string raw;
    varint::put(raw, order.size());
    varint::put(raw, varint::zigzag(base));
    for (const std::string* col : {&starts, &vehicles, &reads, &classKind, &cams})
        varint::put(raw, col->size());
    for (const std::string* col : {&starts, &vehicles, &reads, &classKind, &cams, &secs})
        raw += *col;
    return blockframe::pack(kMagic, raw);
}

void TripDays::decode(const QByteArray& data, TripSet& out) {
    std::string raw;
    if (!blockframe::unpack(data, kMagic, &raw))
        damaged();
    const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
    const auto* end = p + raw.size();
    const std::uint64_t n = need(p, end);
    std::int64_t start = varint::unzigzag(need(p, end));
    std::uint64_t len[5];
    std::uint64_t total = 0;
    for (auto& l : len) {
        l = need(p, end);
        if (l > static_cast<std::uint64_t>(end - p) || total + l > static_cast<std::uint64_t>(end - p))
            damaged();
        total += l;
    }
    if (len[3] != 2 * n) // a class and a kind per trip: n is bounded by the bytes too
        damaged();
    const unsigned char* ps = p;
    const unsigned char* pv = ps + len[0];
    const unsigned char* pr = pv + len[1];
    const unsigned char* pk = pr + len[2];
    const unsigned char* pc = pk + len[3];
    const unsigned char* pt = pc + len[4];
    const unsigned char *endS = pv, *endV = pr, *endR = pk, *endC = pt;
    out.trips.reserve(out.trips.size() + n);
    for (std::uint64_t i = 0; i < n; ++i) {
        Trip t;
        start = static_cast<std::int64_t>(static_cast<std::uint64_t>(start) +
                                          static_cast<std::uint64_t>(varint::unzigzag(need(ps, endS))));
        t.start = start;
        t.vehicle = static_cast<std::uint32_t>(need(pv, endV));
        const std::uint64_t r = need(pr, endR);
        if (r == 0 || r > (1u << 24))
            damaged();
        t.reads = static_cast<std::uint32_t>(r);
        t.cls = pk[0];
        t.kind = static_cast<TripKind>(pk[1]);
        pk += 2;
        t.pathOffset = static_cast<std::uint32_t>(out.path.size());
        for (std::uint32_t k = 0; k < t.reads; ++k) {
            out.path.push_back(static_cast<std::uint32_t>(need(pc, endC)));
            out.pathTimes.push_back(k == 0 ? 0 : static_cast<std::uint32_t>(need(pt, end)));
        }
        t.origin = out.path[t.pathOffset];
        t.destination = out.path.back();
        t.end = t.start + out.pathTimes.back();
        if (t.reads == 1)
            ++out.singleReadTrips;
        out.trips.push_back(t);
    }
    if (pt != end)
        damaged();
}

TripDays::TripDays(sql::Database& db, const QString& schema)
    : m_db(db)
    , m_schema(schema) {}

QString TripDays::table() const {
    return m_schema + QStringLiteral(".trip_days");
}

TripDays::Encoded TripDays::prepare(const TripSet& set) {
    Encoded e;
    if (set.trips.empty())
        return e;
    std::vector<std::uint32_t> order(set.trips.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Trip &x = set.trips[a], &y = set.trips[b];
        return std::tie(x.start, x.vehicle, x.end) < std::tie(y.start, y.vehicle, y.end);
    });
    e.lastEnd = INT64_MIN;
    for (const Trip& t : set.trips) {
        e.lastEnd = std::max(e.lastEnd, t.end);
        e.multi += t.reads > 1 ? 1 : 0;
    }
    e.trips = static_cast<std::int64_t>(set.trips.size());
    e.firstStart = set.trips[order.front()].start;
    e.data = encode(set, order);
    return e;
}

void TripDays::save(std::int64_t day, const TripSet& set) {
    save(day, prepare(set));
}

void TripDays::save(std::int64_t day, const Encoded& e) {
    auto del = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE day = ?").arg(table()));
    del.bind(1, day);
    del.run();
    if (e.trips == 0)
        return;
    auto ins = m_db.prepare(
        QStringLiteral("INSERT INTO %1 (day, trips, multi, first_start, last_end, data) VALUES (?,?,?,?,?,?)")
            .arg(table()));
    ins.bind(1, day).bind(2, e.trips).bind(3, e.multi).bind(4, e.firstStart).bind(5, e.lastEnd);
    ins.bindBlob(6, e.data);
    ins.run();
}

void TripDays::loadDay(std::int64_t day, TripSet& out) {
    auto st = m_db.prepare(QStringLiteral("SELECT data FROM %1 WHERE day = ?").arg(table()));
    st.bind(1, day);
    if (st.step())
        decode(st.blob(0), out);
}

TripSet TripDays::load(std::int64_t fromUtc, std::int64_t toUtc) {
    TripSet all;
    auto st = m_db.prepare(
        QStringLiteral(
            "SELECT data, first_start FROM %1 WHERE first_start < ?2 AND last_end >= ?1 ORDER BY day")
            .arg(table()));
    st.bind(1, fromUtc).bind(2, toUtc);
    TripSet day;
    while (st.step()) {
        day = TripSet();
        decode(st.blob(0), day);
        for (const Trip& t : day.trips)
            if (t.start >= fromUtc && t.start < toUtc)
                all.append(t, day);
    }
    return all;
}

void TripDays::forEachDay(const std::function<void(std::int64_t, TripSet&)>& f) {
    TripSet set;
    forEachEncodedDay([&](std::int64_t day, const QByteArray& data) {
        set = TripSet();
        decode(data, set);
        f(day, set);
    });
}

void TripDays::forEachEncodedDay(const std::function<void(std::int64_t, const QByteArray&)>& f) {
    auto st = m_db.prepare(QStringLiteral("SELECT day, data FROM %1 ORDER BY day").arg(table()));
    while (st.step())
        f(st.int64(0), st.blob(1));
}

void TripDays::forEach(const std::function<void(const Trip&, const TripSet&)>& f) {
    forEachDay([&](std::int64_t, TripSet& day) {
        for (const Trip& t : day.trips)
            f(t, day);
    });
}

std::vector<std::int64_t> TripDays::days() {
    std::vector<std::int64_t> list;
    auto st = m_db.prepare(QStringLiteral("SELECT day FROM %1 ORDER BY day").arg(table()));
    while (st.step())
        list.push_back(st.int64(0));
    return list;
}

std::int64_t TripDays::earliestRunningAt(std::int64_t utc) {
    auto st = m_db.prepare(
        QStringLiteral("SELECT data FROM %1 WHERE first_start < ?1 AND last_end >= ?1 ORDER BY day")
            .arg(table()));
    st.bind(1, utc);
    std::int64_t earliest = INT64_MAX;
    while (st.step()) {
        TripSet day;
        decode(st.blob(0), day);
        for (const Trip& t : day.trips)
            if (t.start < utc && t.end >= utc)
                earliest = std::min(earliest, t.start);
        if (earliest != INT64_MAX)
            break; // days ascend: an earlier day's trip starts earlier than any later day's
    }
    return earliest;
}

std::int64_t TripDays::count(bool multiReadOnly) {
    auto st =
        m_db.prepare(QStringLiteral("SELECT coalesce(sum(%1), 0) FROM %2")
                         .arg(multiReadOnly ? QStringLiteral("multi") : QStringLiteral("trips"), table()));
    return st.step() ? st.int64(0) : 0;
}

std::int64_t TripDays::countBefore(std::int64_t utc) {
    std::int64_t n = 0;
    auto whole = m_db.prepare(
        QStringLiteral("SELECT coalesce(sum(trips), 0) FROM %1 WHERE last_end < ?").arg(table()));
    whole.bind(1, utc);
    if (whole.step())
        n += whole.int64(0);
    auto part = m_db.prepare(
        QStringLiteral("SELECT data FROM %1 WHERE first_start < ?1 AND last_end >= ?1").arg(table()));
    part.bind(1, utc);
    while (part.step()) {
        TripSet day;
        decode(part.blob(0), day);
        n += std::count_if(day.trips.begin(), day.trips.end(), [&](const Trip& t) { return t.start < utc; });
    }
    return n;
}

void TripDays::removeFromDay(std::int64_t day) {
    auto del = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE day >= ?").arg(table()));
    del.bind(1, day);
    del.run();
}

std::int64_t TripDays::removeBefore(std::int64_t utc) {
    const std::int64_t n = countBefore(utc);
    std::vector<std::pair<std::int64_t, QByteArray>> partial;
    {
        auto part =
            m_db.prepare(QStringLiteral("SELECT day, data FROM %1 WHERE first_start < ?1 AND last_end >= ?1")
                             .arg(table()));
        part.bind(1, utc);
        while (part.step())
            partial.emplace_back(part.int64(0), part.blob(1));
    }
    auto whole = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE last_end < ?").arg(table()));
    whole.bind(1, utc);
    whole.run();
    for (const auto& [day, data] : partial) {
        TripSet all, kept;
        decode(data, all);
        for (const Trip& t : all.trips)
            if (t.start >= utc)
                kept.append(t, all);
        save(day, kept);
    }
    return n;
}

void TripDays::rekey(const QByteArray& zoneId) {
    LocalTime zone(zoneId);
    std::map<std::int64_t, TripSet> byDay;
    forEach([&](const Trip& t, const TripSet& day) {
        byDay[ReadBlocks::localDay(t.start, zone)].append(t, day);
    });
    removeAll();
    for (const auto& [day, set] : byDay)
        save(day, set);
}

void TripDays::removeAll() {
    m_db.exec(QStringLiteral("DELETE FROM %1").arg(table()));
}

} // namespace stroom
