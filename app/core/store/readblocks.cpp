#include "store/readblocks.h"

#include "common/error.h"
#include "common/radixsort.h"
#include "common/sqlite.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "common/varint.h"
#include "store/blockframe.h"

#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

namespace stroom {

namespace {

constexpr char kMagic = 'R';

[[noreturn]] void damaged() {
    throw Error::store(QStringLiteral("a block of stored reads is damaged (the reads file may be corrupt)"));
}

/** Sorted unique values and each value's index (cameras' and countries' numbers are small: a table). */
struct Dictionary {
    std::vector<std::uint32_t> values;
    std::vector<std::uint32_t> dense; ///< value → index, when the values are small
    std::unordered_map<std::uint32_t, std::uint32_t> sparse;
    template <typename Get> Dictionary(const std::vector<StoredRead>& reads, Get get) {
        std::uint32_t hi = 0;
        for (const StoredRead& r : reads)
            hi = std::max(hi, get(r));
        if (static_cast<std::uint64_t>(hi) < 4 * reads.size() + 4096) {
            dense.assign(static_cast<std::size_t>(hi) + 1, UINT32_MAX);
            for (const StoredRead& r : reads)
                dense[get(r)] = 0;
            for (std::uint32_t v = 0; v <= hi; ++v)
                if (dense[v] != UINT32_MAX) {
                    dense[v] = static_cast<std::uint32_t>(values.size());
                    values.push_back(v);
                }
            return;
        }
        for (const StoredRead& r : reads)
            sparse.emplace(get(r), 0);
        values.reserve(sparse.size());
        for (const auto& kv : sparse)
            values.push_back(kv.first);
        std::sort(values.begin(), values.end());
        for (std::size_t i = 0; i < values.size(); ++i)
            sparse[values[i]] = static_cast<std::uint32_t>(i);
    }
    std::uint32_t indexOf(std::uint32_t v) const { return dense.empty() ? sparse.at(v) : dense[v]; }
    void write(std::string& out) const {
        std::uint32_t prev = 0;
        for (std::uint32_t v : values) {
            varint::put(out, v - prev);
            prev = v;
        }
    }
};

std::uint32_t cameraOf(const StoredRead& r) {
    return r.camera;
}

/** The cameras of a block's reads, for the row ("12,40,41"): which cameras saw anything, without decoding. */
QString cameraList(const std::vector<StoredRead>& reads) {
    QString out;
    for (std::uint32_t c : Dictionary(reads, cameraOf).values) {
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QString::number(c);
    }
    return out;
}

/** A column of small indices: one byte each when the dictionary has at most 256 entries. */
void putIndex(std::string& out, std::uint32_t i, bool bytes) {
    if (bytes)
        out.push_back(static_cast<char>(i));
    else
        varint::put(out, i);
}

std::uint64_t need(const unsigned char*& p, const unsigned char* end) {
    std::uint64_t v = 0;
    if (!varint::get(p, end, &v))
        damaged();
    return v;
}

/** A block's counts and column lengths, read from its decompressed bytes (which \a p then points past). */
struct BlockHeader {
    std::uint64_t n, nVehicles, nCams, nCountries;
    std::int64_t tBase;
    std::uint64_t lenVehicles, lenTimes, lenCams, lenCountries;
};
/** The next vehicle of a block's vehicle column (delta-coded after \a *vehicle) and its number of reads, of
 * the \a n the block holds (\a *done of them before). */
std::uint64_t nextVehicle(const unsigned char*& p, const unsigned char* end, std::uint32_t* vehicle,
                          std::uint64_t n, std::uint64_t* done) {
    *vehicle += static_cast<std::uint32_t>(need(p, end));
    const std::uint64_t count = need(p, end);
    if (count > n - *done)
        damaged();
    *done += count;
    return count;
}
BlockHeader readHeader(const unsigned char*& p, const unsigned char* end) {
    BlockHeader h{};
    h.n = need(p, end);
    h.nVehicles = need(p, end);
    h.nCams = need(p, end);
    h.nCountries = need(p, end);
    h.tBase = varint::unzigzag(need(p, end));
    h.lenVehicles = need(p, end);
    h.lenTimes = need(p, end);
    h.lenCams = need(p, end);
    h.lenCountries = need(p, end);
    return h;
}
/** A reads block decompressed into \a raw, its header read; \a p points past it, \a end past the bytes. */
BlockHeader openBlock(const QByteArray& data, std::string& raw, const unsigned char*& p,
                      const unsigned char*& end) {
    if (!blockframe::unpack(data, kMagic, &raw))
        damaged();
    p = reinterpret_cast<const unsigned char*>(raw.data());
    end = p + raw.size();
    return readHeader(p, end);
}

} // namespace

namespace {
/**
 * Sorts by vehicle, time and camera: a counting sort by vehicle (numbers are dense), then each vehicle's few
 * reads, which an export gives mostly in time order already.
 */
void sortForBlock(std::vector<StoredRead>& reads) {
    if (reads.size() < 2)
        return;
    std::uint32_t lo = UINT32_MAX, hi = 0;
    for (const StoredRead& r : reads) {
        lo = std::min(lo, r.vehicle);
        hi = std::max(hi, r.vehicle);
    }
    const auto less = [](const StoredRead& a, const StoredRead& b) {
        return std::tie(a.vehicle, a.t, a.camera, a.country, a.cls) <
               std::tie(b.vehicle, b.t, b.camera, b.country, b.cls);
    };
    if (static_cast<std::uint64_t>(hi - lo) > 4 * reads.size() + 1024) { // sparse numbers: a plain sort
        std::sort(reads.begin(), reads.end(), less);
        return;
    }
    std::vector<std::uint32_t> start(static_cast<std::size_t>(hi - lo) + 2, 0);
    for (const StoredRead& r : reads)
        ++start[r.vehicle - lo + 1];
    for (std::size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    std::vector<StoredRead> sorted(reads.size());
    {
        std::vector<std::uint32_t> pos(start.begin(), start.end() - 1);
        for (const StoredRead& r : reads)
            sorted[pos[r.vehicle - lo]++] = r;
    }
    for (std::size_t v = 0; v + 1 < start.size(); ++v) {
        auto b = sorted.begin() + start[v], e = sorted.begin() + start[v + 1];
        if (e - b > 1 && !std::is_sorted(b, e, less))
            std::sort(b, e, less);
    }
    reads.swap(sorted);
}
} // namespace

QByteArray ReadBlocks::encode(std::vector<StoredRead>& reads) {
    sortForBlock(reads);
    const Dictionary cams(reads, cameraOf);
    const Dictionary countries(reads,
                               [](const StoredRead& r) { return static_cast<std::uint32_t>(r.country); });
    const bool camBytes = cams.values.size() <= 256, countryBytes = countries.values.size() <= 256;
    std::int64_t tBase = reads.empty() ? 0 : reads.front().t;
    for (const StoredRead& r : reads)
        tBase = std::min(tBase, r.t);

    // Columns: vehicles (delta, reads), times, cameras, classes, countries.
    std::string vehicles, times, camCol, classes, countryCol;
    times.reserve(reads.size() * 2);
    camCol.reserve(reads.size());
    classes.reserve(reads.size());
    countryCol.reserve(reads.size());
    std::uint32_t prevVehicle = 0;
    std::size_t nVehicles = 0;
    for (std::size_t i = 0; i < reads.size();) {
        std::size_t j = i;
        while (j < reads.size() && reads[j].vehicle == reads[i].vehicle)
            ++j;
        varint::put(vehicles, reads[i].vehicle - prevVehicle);
        varint::put(vehicles, j - i);
        prevVehicle = reads[i].vehicle;
        ++nVehicles;
        std::int64_t prev = tBase;
        for (std::size_t k = i; k < j; ++k) {
            varint::put(times, static_cast<std::uint64_t>(reads[k].t - prev));
            prev = reads[k].t;
            putIndex(camCol, cams.indexOf(reads[k].camera), camBytes);
            classes.push_back(static_cast<char>(reads[k].cls));
            putIndex(countryCol, countries.indexOf(reads[k].country), countryBytes);
        }
        i = j;
    }
    std::string raw;
    raw.reserve(64 + vehicles.size() + times.size() + camCol.size() + classes.size() + countryCol.size());
    varint::put(raw, reads.size());
    varint::put(raw, nVehicles);
    varint::put(raw, cams.values.size());
    varint::put(raw, countries.values.size());
    varint::put(raw, varint::zigzag(tBase));
    for (const std::string* col : {&vehicles, &times, &camCol, &countryCol})
        varint::put(raw, col->size());
    cams.write(raw);
    countries.write(raw);
    raw += vehicles;
    raw += times;
    raw += camCol;
    raw += classes;
    raw += countryCol;

    return blockframe::pack(kMagic, raw);
}

void ReadBlocks::decode(const QByteArray& data, std::vector<StoredRead>& out) {
    decode(data, [&](const StoredRead* reads, std::size_t n) { out.insert(out.end(), reads, reads + n); });
}

void ReadBlocks::decode(const QByteArray& data,
                        const std::function<void(const StoredRead* reads, std::size_t n)>& chunk) {
    std::string raw;
    const unsigned char *p = nullptr, *end = nullptr;
    const BlockHeader h = openBlock(data, raw, p, end);
    const std::uint64_t n = h.n, nVehicles = h.nVehicles, nCams = h.nCams, nCountries = h.nCountries;
    const std::int64_t tBase = h.tBase;
    const std::uint64_t lenVehicles = h.lenVehicles, lenTimes = h.lenTimes, lenCams = h.lenCams,
                        lenCountries = h.lenCountries;
    // Every count and length within the bytes there are (classes take one byte per read), before any
    // allocation or pointer is made from them.
    const auto left = [&] { return static_cast<std::uint64_t>(end - p); };
    if (n > left() || nVehicles > n || nCams > left() || nCountries > left())
        damaged();
    auto dictionary = [&](std::uint64_t count) {
        std::vector<std::uint32_t> v(count);
        std::uint32_t prev = 0;
        for (auto& x : v) {
            prev += static_cast<std::uint32_t>(need(p, end));
            x = prev;
        }
        return v;
    };
    const std::vector<std::uint32_t> cams = dictionary(nCams), countries = dictionary(nCountries);
    if (lenVehicles > left() || lenTimes > left() - lenVehicles ||
        lenCams > left() - lenVehicles - lenTimes || n > left() - lenVehicles - lenTimes - lenCams ||
        lenCountries != left() - lenVehicles - lenTimes - lenCams - n)
        damaged();
    const unsigned char* pv = p;
    const unsigned char* pt = pv + lenVehicles;
    const unsigned char* pc = pt + lenTimes;
    const unsigned char* pk = pc + lenCams;
    const unsigned char* pn = pk + n;
    const unsigned char *endV = pt, *endT = pc, *endC = pk, *endN = end;
    const bool camBytes = nCams <= 256, countryBytes = nCountries <= 256;
    // A few thousand reads at a time, handed on while they are in the cache (not a day's vector filled).
    constexpr std::size_t kChunk = 4096;
    std::vector<StoredRead> buffer(static_cast<std::size_t>(std::min<std::uint64_t>(n, kChunk)));
    std::size_t held = 0;
    std::uint32_t vehicle = 0;
    std::uint64_t done = 0;
    for (std::uint64_t v = 0; v < nVehicles; ++v) {
        const std::uint64_t count = nextVehicle(pv, endV, &vehicle, n, &done);
        std::int64_t t = tBase;
        for (std::uint64_t i = 0; i < count; ++i) {
            t = static_cast<std::int64_t>(static_cast<std::uint64_t>(t) + need(pt, endT)); // wraps, never UB
            const std::uint64_t c = camBytes ? (pc < endC ? *pc++ : (damaged(), 0)) : need(pc, endC);
            const std::uint64_t k = countryBytes ? (pn < endN ? *pn++ : (damaged(), 0)) : need(pn, endN);
            if (c >= nCams || k >= nCountries)
                damaged();
            StoredRead& r = buffer[held];
            r.t = t;
            r.vehicle = vehicle;
            r.camera = cams[c];
            r.country = static_cast<std::uint16_t>(countries[k]);
            r.cls = *pk++;
            if (++held == kChunk) {
                chunk(buffer.data(), held);
                held = 0;
            }
        }
    }
    if (done != n)
        damaged();
    if (held > 0)
        chunk(buffer.data(), held);
}

void ReadBlocks::vehicleCounts(const QByteArray& data,
                               std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
    std::string raw;
    const unsigned char *p = nullptr, *end = nullptr;
    const BlockHeader h = openBlock(data, raw, p, end);
    const std::uint64_t n = h.n, nVehicles = h.nVehicles, nCams = h.nCams, nCountries = h.nCountries,
                        lenVehicles = h.lenVehicles;
    if (nVehicles > n || nCams > static_cast<std::uint64_t>(end - p) ||
        nCountries > static_cast<std::uint64_t>(end - p))
        damaged();
    for (std::uint64_t i = 0; i < nCams + nCountries; ++i)
        need(p, end); // the dictionaries
    if (lenVehicles > static_cast<std::uint64_t>(end - p))
        damaged();
    const unsigned char* endV = p + lenVehicles;
    std::uint32_t vehicle = 0;
    std::uint64_t done = 0;
    for (std::uint64_t v = 0; v < nVehicles; ++v) {
        const std::uint64_t count = nextVehicle(p, endV, &vehicle, n, &done);
        out.emplace_back(vehicle, static_cast<std::uint32_t>(count));
    }
    if (done != n)
        damaged();
}

std::int64_t ReadBlocks::localDay(std::int64_t utc, LocalTime& zone) {
    return timefmt::epochDay(utc + zone.offsetAt(utc));
}

ReadBlocks::ReadBlocks(sql::Database& db, const QString& schema)
    : m_db(db)
    , m_schema(schema) {}

QString ReadBlocks::table() const {
    return m_schema + QStringLiteral(".read_blocks");
}

ReadBlocks::Prepared ReadBlocks::prepare(std::int64_t day, std::int64_t importId, std::int64_t firstRow,
                                         std::vector<StoredRead>&& reads) {
    Prepared out;
    out.day = day;
    out.importId = importId;
    const auto block = [&](std::vector<StoredRead>& part, std::size_t at) {
        std::int64_t lo = part.front().t, hi = lo;
        for (const StoredRead& r : part) {
            lo = std::min(lo, r.t);
            hi = std::max(hi, r.t);
        }
        QByteArray data = encode(part);
        out.blocks.push_back(Prepared::Block{firstRow + static_cast<std::int64_t>(at),
                                             static_cast<std::int64_t>(part.size()), lo, hi, std::move(data),
                                             cameraList(part)});
    };
    if (reads.size() <= kBlockRows) { // one block: encoded where the reads are
        if (!reads.empty())
            block(reads, 0);
    } else {
        std::vector<StoredRead> part;
        for (std::size_t at = 0; at < reads.size(); at += kBlockRows) {
            const std::size_t n = std::min(kBlockRows, reads.size() - at);
            part.assign(reads.begin() + static_cast<std::ptrdiff_t>(at),
                        reads.begin() + static_cast<std::ptrdiff_t>(at + n));
            block(part, at);
        }
    }
    reads.clear();
    out.spare = std::move(reads);
    return out;
}

void ReadBlocks::insert(const Prepared& prepared) {
    auto ins = m_db.prepare(
        QStringLiteral("INSERT INTO %1 (day, import_id, first_row, rows, t_min, t_max, data, cameras) VALUES "
                       "(?,?,?,?,?,?,?,?)")
            .arg(table()));
    for (const Prepared::Block& b : prepared.blocks) {
        ins.bind(1, prepared.day).bind(2, prepared.importId).bind(3, b.firstRow);
        ins.bind(4, b.rows).bind(5, b.tMin).bind(6, b.tMax).bindBlob(7, b.data);
        ins.bind(8, b.cameras);
        ins.run();
    }
}

void ReadBlocks::insert(std::int64_t day, std::int64_t importId, std::int64_t firstRow,
                        std::vector<StoredRead>& reads) {
    std::vector<StoredRead> copy = reads;
    insert(prepare(day, importId, firstRow, std::move(copy)));
}

std::vector<std::int64_t> ReadBlocks::days() {
    std::vector<std::int64_t> list;
    auto st = m_db.prepare(QStringLiteral("SELECT DISTINCT day FROM %1 ORDER BY day").arg(table()));
    while (st.step())
        list.push_back(st.int64(0));
    return list;
}

void ReadBlocks::readDay(std::int64_t day, std::vector<StoredRead>& out, std::int64_t fromUtc) {
    auto st = m_db.prepare(
        QStringLiteral("SELECT data, t_min FROM %1 WHERE day = ? AND t_max >= ? ORDER BY id").arg(table()));
    st.bind(1, day).bind(2, fromUtc);
    while (st.step()) {
        const std::size_t first = out.size();
        decode(st.blob(0), out);
        if (st.int64(1) < fromUtc)
            out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                     [&](const StoredRead& r) { return r.t < fromUtc; }),
                      out.end());
    }
}

void ReadBlocks::forEach(const std::function<void(const StoredRead&)>& f) {
    auto st = m_db.prepare(QStringLiteral("SELECT data FROM %1 ORDER BY id").arg(table()));
    std::vector<StoredRead> block;
    while (st.step()) {
        block.clear();
        decode(st.blob(0), block);
        for (const StoredRead& r : block)
            f(r);
    }
}

ReadBlocks::Totals ReadBlocks::totals(std::int64_t importId) {
    auto st = m_db.prepare(
        QStringLiteral(
            "SELECT coalesce(sum(rows), 0), min(t_min), max(t_max) FROM %1 WHERE ?1 = 0 OR import_id = ?1")
            .arg(table()));
    st.bind(1, importId);
    Totals t;
    if (st.step() && st.int64(0) > 0) {
        t.reads = st.int64(0);
        t.tMin = st.int64(1);
        t.tMax = st.int64(2);
    }
    return t;
}

namespace {
void uniqueVehicles(std::vector<std::uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}
} // namespace

ReadBlocks::Removed ReadBlocks::removeWhere(const QString& where, std::int64_t a, std::int64_t beforeUtc,
                                            bool dryRun) {
    Removed removed;
    std::vector<Block> blocks;
    {
        auto st = m_db.prepare(
            QStringLiteral(
                "SELECT id, day, import_id, first_row, rows, t_min, t_max FROM %1 WHERE %2 ORDER BY id")
                .arg(table(), where));
        if (where.contains(QLatin1String("?1")))
            st.bind(1, a);
        while (st.step())
            blocks.push_back(Block{st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4),
                                   st.int64(5), st.int64(6)});
    }
    auto data = m_db.prepare(QStringLiteral("SELECT data FROM %1 WHERE id = ?").arg(table()));
    auto del = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table()));
    auto update = m_db.prepare(
        QStringLiteral("UPDATE %1 SET rows = ?, t_min = ?, t_max = ?, data = ?, cameras = ? WHERE id = ?")
            .arg(table()));
    std::vector<StoredRead> reads, kept;
    for (const Block& b : blocks) {
        reads.clear();
        data.bind(1, b.id);
        if (data.step())
            decode(data.blob(0), reads);
        data.reset();
        kept.clear();
        for (const StoredRead& r : reads) {
            if (r.t < beforeUtc) {
                ++removed.reads;
                removed.vehicles.push_back(r.vehicle);
            } else {
                kept.push_back(r);
            }
        }
        if (dryRun || kept.size() == reads.size())
            continue;
        if (kept.empty()) {
            del.bind(1, b.id);
            del.run();
            del.reset();
            continue;
        }
        std::int64_t lo = kept.front().t, hi = lo;
        for (const StoredRead& r : kept) {
            lo = std::min(lo, r.t);
            hi = std::max(hi, r.t);
        }
        const std::int64_t n = static_cast<std::int64_t>(kept.size());
        update.bind(1, n)
            .bind(2, lo)
            .bind(3, hi)
            .bindBlob(4, encode(kept))
            .bind(5, cameraList(kept))
            .bind(6, b.id);
        update.run();
        update.reset();
    }
    uniqueVehicles(removed.vehicles);
    if (removed.reads == 0)
        return removed;
    // The linked vehicles go with the reads (retention): the next trip build makes the list again from
    // what is kept.
    if (!dryRun)
        m_db.exec(QStringLiteral("DELETE FROM %1.linked_vehicles").arg(m_schema));
    // The orphans: removed vehicles that no read outside the removal has.
    std::vector<char> stays(removed.vehicles.size(), 0);
    const auto mark = [&](const StoredRead& r) {
        const auto it = std::lower_bound(removed.vehicles.begin(), removed.vehicles.end(), r.vehicle);
        if (it != removed.vehicles.end() && *it == r.vehicle)
            stays[static_cast<std::size_t>(it - removed.vehicles.begin())] = 1;
    };
    {
        // Blocks the removal did not select, whole; the selected ones, their reads at or after the boundary.
        auto st = m_db.prepare(QStringLiteral("SELECT data, (%2) FROM %1").arg(table(), where));
        if (where.contains(QLatin1String("?1")))
            st.bind(1, a);
        while (st.step()) {
            reads.clear();
            decode(st.blob(0), reads);
            const bool selected = st.int64(1) != 0;
            for (const StoredRead& r : reads)
                if (!selected || r.t >= beforeUtc)
                    mark(r);
        }
    }
    for (std::size_t i = 0; i < removed.vehicles.size(); ++i)
        if (!stays[i])
            removed.orphans.push_back(removed.vehicles[i]);
    return removed;
}

ReadBlocks::Removed ReadBlocks::removeBefore(std::int64_t beforeUtc, bool dryRun) {
    return removeWhere(QStringLiteral("t_min < ?1"), beforeUtc, beforeUtc, dryRun);
}

ReadBlocks::Removed ReadBlocks::removeImport(std::int64_t importId, bool dryRun) {
    return removeWhere(QStringLiteral("import_id = ?1"), importId, INT64_MAX, dryRun);
}

ReadBlocks::Removed ReadBlocks::removeAll(bool dryRun) {
    return removeWhere(QStringLiteral("1 = 1"), 0, INT64_MAX, dryRun);
}

std::set<std::int64_t> ReadBlocks::cameras() {
    std::set<std::int64_t> out;
    auto st = m_db.prepare(QStringLiteral("SELECT DISTINCT cameras FROM %1").arg(table()));
    while (st.step())
        for (const QString& c : st.text(0).split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.insert(c.toLongLong());
    return out;
}

std::vector<std::uint32_t> ReadBlocks::vehicles() {
    std::vector<std::uint32_t> v;
    forEach([&](const StoredRead& r) { v.push_back(r.vehicle); });
    uniqueVehicles(v);
    return v;
}

void ReadBlocks::updateImportRanges() {
    m_db.exec(QStringLiteral(R"sql(
UPDATE imports SET
  first_rowid = (SELECT min(first_row) FROM %1 b WHERE b.import_id = imports.id),
  last_rowid = (SELECT max(first_row + rows - 1) FROM %1 b WHERE b.import_id = imports.id)
WHERE first_rowid IS NOT NULL
)sql")
                  .arg(table()));
}

QString ReadBlocks::zone() {
    auto st =
        m_db.prepare(QStringLiteral("SELECT value FROM %1.meta WHERE key = 'blocks_zone'").arg(m_schema));
    return st.step() ? st.text(0) : QString();
}

QString ReadBlocks::linkedStamp() {
    // The blocks' zone, count and highest id: any block added or removed, or days cut anew, changes it.
    auto st = m_db.prepare(QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM %1").arg(table()));
    st.step();
    return QStringLiteral("%1|%2|%3").arg(zone()).arg(st.int64(0)).arg(st.int64(1));
}

bool ReadBlocks::linkedKnown() {
    auto known =
        m_db.prepare(QStringLiteral("SELECT value FROM %1.meta WHERE key = 'linked_stamp'").arg(m_schema));
    return known.step() && known.text(0) == linkedStamp();
}

void ReadBlocks::markLinkedKnown() {
    auto st =
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO %1.meta (key, value) VALUES ('linked_stamp', ?)")
                         .arg(m_schema));
    st.bind(1, linkedStamp());
    st.run();
}

std::optional<std::vector<std::uint32_t>> ReadBlocks::linked() {
    if (!linkedKnown())
        return std::nullopt;
    std::vector<std::uint32_t> list;
    auto st =
        m_db.prepare(QStringLiteral("SELECT vehicle FROM %1.linked_vehicles ORDER BY vehicle").arg(m_schema));
    while (st.step())
        list.push_back(static_cast<std::uint32_t>(st.int64(0)));
    return list;
}

void ReadBlocks::addLinked(const std::vector<std::uint32_t>& vehicles) {
    auto ins = m_db.prepare(
        QStringLiteral("INSERT OR IGNORE INTO %1.linked_vehicles (vehicle) VALUES (?)").arg(m_schema));
    for (const std::uint32_t v : vehicles) {
        ins.bind(1, static_cast<std::int64_t>(v));
        ins.run();
        ins.reset();
    }
}

void ReadBlocks::relink() {
    // Each day's distinct vehicles (the blocks' vehicle columns: nothing else decoded), one after another; a
    // vehicle found twice is on two days.
    std::vector<std::uint64_t> all;
    {
        auto st = m_db.prepare(QStringLiteral("SELECT day, data FROM %1 ORDER BY day").arg(table()));
        std::int64_t day = INT64_MIN;
        std::size_t dayFrom = 0;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
        const auto closeDay = [&] {
            std::sort(all.begin() + static_cast<std::ptrdiff_t>(dayFrom), all.end());
            all.erase(std::unique(all.begin() + static_cast<std::ptrdiff_t>(dayFrom), all.end()), all.end());
            dayFrom = all.size();
        };
        while (st.step()) {
            if (st.int64(0) != day) {
                closeDay();
                day = st.int64(0);
            }
            counts.clear();
            vehicleCounts(st.blob(1), counts);
            for (const auto& vc : counts)
                all.push_back(vc.first);
        }
        closeDay();
    }
    radixSort(all);
    m_db.exec(QStringLiteral("DELETE FROM %1.linked_vehicles").arg(m_schema));
    std::vector<std::uint32_t> linked;
    for (std::size_t i = 1; i < all.size(); ++i)
        if (all[i] == all[i - 1] && (linked.empty() || linked.back() != all[i]))
            linked.push_back(static_cast<std::uint32_t>(all[i]));
    addLinked(linked);
    markLinkedKnown();
}

void ReadBlocks::repartition(const QByteArray& zoneId) {
    LocalTime zone(zoneId);
    if (!zone.isValid())
        throw Error::store(QStringLiteral("the time zone '%1' is unknown").arg(QString::fromUtf8(zoneId)));
    std::vector<std::int64_t> imports;
    {
        auto st = m_db.prepare(QStringLiteral("SELECT DISTINCT import_id FROM %1").arg(table()));
        while (st.step())
            imports.push_back(st.int64(0));
    }
    // One import at a time: memory is bounded by the largest import, not the whole store.
    for (std::int64_t importId : imports) {
        std::vector<StoredRead> reads;
        std::int64_t firstRow = INT64_MAX;
        {
            auto st =
                m_db.prepare(QStringLiteral("SELECT data, first_row FROM %1 WHERE import_id = ? ORDER BY id")
                                 .arg(table()));
            st.bind(1, importId);
            while (st.step()) {
                decode(st.blob(0), reads);
                firstRow = std::min(firstRow, st.int64(1));
            }
        }
        auto del = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE import_id = ?").arg(table()));
        del.bind(1, importId);
        del.run();
        std::map<std::int64_t, std::vector<StoredRead>> byDay;
        for (const StoredRead& r : reads)
            byDay[localDay(r.t, zone)].push_back(r);
        std::vector<StoredRead>().swap(reads);
        for (auto& [day, list] : byDay) {
            insert(day, importId, firstRow, list);
            firstRow += static_cast<std::int64_t>(list.size());
        }
    }
    auto st =
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO %1.meta (key, value) VALUES ('blocks_zone', ?)")
                         .arg(m_schema));
    st.bind(1, QString::fromUtf8(zoneId));
    st.run();
    relink(); // days cut anew: a vehicle's days are others
}

// ---- stroom_reads: the blocks as a table-valued function -------------------------------------------------

namespace {

struct ReadsVtab {
    sqlite3_vtab base;
    sqlite3* db;
};

struct ReadsCursor {
    sqlite3_vtab_cursor base;
    sqlite3_stmt* blocks = nullptr;
    std::vector<StoredRead> reads;
    std::size_t at = 0;
    std::int64_t day = 0, importId = 0, rowid = 0;
    bool eof = true;
};

enum Column { ColCamera, ColT, ColVehicle, ColClass, ColCountry, ColDay, ColImport, ColSchema };

int vtabConnect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
    const int rc =
        sqlite3_declare_vtab(db, "CREATE TABLE x(camera INTEGER, t INTEGER, vehicle INTEGER, class "
                                 "INTEGER, country INTEGER, day INTEGER, import_id INTEGER, schema HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    auto* v = new ReadsVtab{};
    v->db = db;
    *out = &v->base;
    return SQLITE_OK;
}

int vtabDisconnect(sqlite3_vtab* v) {
    delete reinterpret_cast<ReadsVtab*>(v);
    return SQLITE_OK;
}

int vtabBestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
    info->idxNum = 0;
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& c = info->aConstraint[i];
        if (c.iColumn == ColSchema) {
            if (!c.usable)
                return SQLITE_CONSTRAINT;
            if (c.op == SQLITE_INDEX_CONSTRAINT_EQ) {
                info->aConstraintUsage[i].argvIndex = 1;
                info->aConstraintUsage[i].omit = 1;
                info->idxNum = 1;
            }
        }
    }
    info->estimatedCost = 1e6;
    return SQLITE_OK;
}

int vtabOpen(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
    auto* c = new ReadsCursor{};
    *out = &c->base;
    return SQLITE_OK;
}

int vtabClose(sqlite3_vtab_cursor* cur) {
    auto* c = reinterpret_cast<ReadsCursor*>(cur);
    sqlite3_finalize(c->blocks);
    delete c;
    return SQLITE_OK;
}

/** Moves to the next block with reads; false at the end. */
int loadNextBlock(ReadsCursor* c) {
    for (;;) {
        const int rc = sqlite3_step(c->blocks);
        if (rc == SQLITE_DONE) {
            c->eof = true;
            return SQLITE_OK;
        }
        if (rc != SQLITE_ROW)
            return rc;
        c->reads.clear();
        c->at = 0;
        c->day = sqlite3_column_int64(c->blocks, 0);
        c->importId = sqlite3_column_int64(c->blocks, 1);
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(c->blocks, 2));
        try {
            ReadBlocks::decode(QByteArray(bytes, sqlite3_column_bytes(c->blocks, 2)), c->reads);
        } catch (...) { // nothing may unwind through SQLite's C code
            return SQLITE_CORRUPT;
        }
        if (!c->reads.empty()) {
            c->eof = false;
            return SQLITE_OK;
        }
    }
}

int vtabFilter(sqlite3_vtab_cursor* cur, int idxNum, const char*, int argc, sqlite3_value** argv) {
    auto* c = reinterpret_cast<ReadsCursor*>(cur);
    auto* vtab = reinterpret_cast<ReadsVtab*>(cur->pVtab);
    sqlite3_finalize(c->blocks);
    c->blocks = nullptr;
    std::string schema = "l0";
    if (idxNum == 1 && argc > 0 && sqlite3_value_text(argv[0]))
        schema = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    char* sql =
        sqlite3_mprintf("SELECT day, import_id, data FROM \"%w\".read_blocks ORDER BY id", schema.c_str());
    const int rc = sqlite3_prepare_v2(vtab->db, sql, -1, &c->blocks, nullptr);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        sqlite3_free(vtab->base.zErrMsg);
        vtab->base.zErrMsg = sqlite3_mprintf("%s", sqlite3_errmsg(vtab->db));
        return rc;
    }
    c->rowid = 0;
    return loadNextBlock(c);
}

int vtabNext(sqlite3_vtab_cursor* cur) {
    auto* c = reinterpret_cast<ReadsCursor*>(cur);
    ++c->rowid;
    if (++c->at < c->reads.size())
        return SQLITE_OK;
    return loadNextBlock(c);
}

int vtabEof(sqlite3_vtab_cursor* cur) {
    return reinterpret_cast<ReadsCursor*>(cur)->eof ? 1 : 0;
}

int vtabColumn(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int col) {
    auto* c = reinterpret_cast<ReadsCursor*>(cur);
    const StoredRead& r = c->reads[c->at];
    switch (col) {
    case ColCamera:
        sqlite3_result_int64(ctx, r.camera);
        break;
    case ColT:
        sqlite3_result_int64(ctx, r.t);
        break;
    case ColVehicle:
        sqlite3_result_int64(ctx, r.vehicle);
        break;
    case ColClass:
        sqlite3_result_int64(ctx, r.cls);
        break;
    case ColCountry:
        sqlite3_result_int64(ctx, r.country);
        break;
    case ColDay:
        sqlite3_result_int64(ctx, c->day);
        break;
    case ColImport:
        sqlite3_result_int64(ctx, c->importId);
        break;
    default:
        sqlite3_result_null(ctx);
    }
    return SQLITE_OK;
}

int vtabRowid(sqlite3_vtab_cursor* cur, sqlite3_int64* rowid) {
    *rowid = reinterpret_cast<ReadsCursor*>(cur)->rowid;
    return SQLITE_OK;
}

const sqlite3_module& readsModule() {
    static const sqlite3_module m = [] {
        sqlite3_module x{};
        x.iVersion = 0;
        x.xCreate = nullptr; // eponymous only: `stroom_reads` needs no CREATE VIRTUAL TABLE
        x.xConnect = vtabConnect;
        x.xBestIndex = vtabBestIndex;
        x.xDisconnect = vtabDisconnect;
        x.xDestroy = vtabDisconnect;
        x.xOpen = vtabOpen;
        x.xClose = vtabClose;
        x.xFilter = vtabFilter;
        x.xNext = vtabNext;
        x.xEof = vtabEof;
        x.xColumn = vtabColumn;
        x.xRowid = vtabRowid;
        return x;
    }();
    return m;
}

} // namespace

void ReadBlocks::registerSqlTable(sql::Database& db) {
    db.check(sqlite3_create_module(db.handle(), "stroom_reads", &readsModule(), nullptr), "stroom_reads");
}

} // namespace stroom
