#include "flows/flowengine.h"

#include "privacy/recordkeys.h"

#include "flows/resultlayers.h"

#include "common/error.h"
#include "common/progress.h"
#include "common/sqlite.h"
#include "common/timeparse.h"
#include "store/store.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <thread>

namespace stroom {

QString BuildReport::summary() const {
    return QStringLiteral("%1: %2 reads, %3 duplicates dropped, %4 trips (%5 single-read, left out of OD), "
                          "%6 cube cells "
                          "in %7 s")
        .arg(full ? QStringLiteral("full build")
                  : QStringLiteral("update from %1")
                        .arg(QDateTime::fromSecsSinceEpoch(from, Qt::UTC).toString(Qt::ISODate)))
        .arg(reads)
        .arg(duplicates)
        .arg(trips)
        .arg(singleReadTrips)
        .arg(cubeCells)
        .arg(seconds, 0, 'f', 2);
}

const char* referenceOdSql() {
    return R"sql(
WITH r AS (SELECT r.vehicle AS v, r.t AS t, c.camera_id AS cid FROM l0.reads r JOIN cameras c ON c.fid = r.camera),
d AS (SELECT v, t, cid, t - LAG(t) OVER (PARTITION BY v, cid ORDER BY t) AS dt FROM r),
k AS (SELECT v, t, cid FROM d WHERE dt IS NULL OR dt > 60),
g AS (SELECT v, t, cid, CASE WHEN t - LAG(t) OVER (PARTITION BY v ORDER BY t, cid) <= 1800 THEN 0 ELSE 1 END AS nt FROM k),
n AS (SELECT v, t, cid, SUM(nt) OVER (PARTITION BY v ORDER BY t, cid ROWS UNBOUNDED PRECEDING) AS trip FROM g),
w AS (SELECT v, trip,
        FIRST_VALUE(cid) OVER (PARTITION BY v, trip ORDER BY t, cid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS o,
        LAST_VALUE(cid) OVER (PARTITION BY v, trip ORDER BY t, cid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS d,
        COUNT(*) OVER (PARTITION BY v, trip) AS n FROM n)
SELECT o, d, count(*) FROM (SELECT DISTINCT v, trip, o, d, n FROM w) WHERE n > 1 GROUP BY o, d ORDER BY o, d
)sql";
}

namespace {

QString meta(sql::Database& db, const char* key) {
    auto st = db.prepare("SELECT value FROM l0.meta WHERE key = ?");
    st.bind(1, QString::fromLatin1(key));
    return st.step() ? st.text(0) : QString();
}

void setMeta(sql::Database& db, const char* key, const QString& value) {
    auto st = db.prepare("INSERT INTO l0.meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                         "value = excluded.value");
    st.bind(1, QString::fromLatin1(key)).bind(2, value);
    st.run();
}

std::int64_t scalar(sql::Database& db, const char* sql) {
    auto st = db.prepare(sql);
    return st.step() && !st.isNull(0) ? st.int64(0) : 0;
}

// Paths are stored as LEB128 pairs (camera key, seconds since the trip's start).
void putVarint(QByteArray& out, std::uint32_t v) {
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}
bool getVarint(const unsigned char*& p, const unsigned char* end, std::uint32_t* v) {
    std::uint32_t r = 0;
    int shift = 0;
    while (p < end && shift < 35) {
        const unsigned char b = *p++;
        r |= static_cast<std::uint32_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = r;
            return true;
        }
        shift += 7;
    }
    return false;
}

} // namespace

FlowEngine::FlowEngine(Store& store)
    : m_store(store) {}

CameraIndex FlowEngine::cameras() {
    return CameraIndex::load(m_store);
}

TripParameters FlowEngine::storedParameters() {
    return parametersFromText(meta(m_store.database(), "trip_parameters"));
}

bool FlowEngine::isStale(const TripParameters& p) {
    sql::Database& db = m_store.database();
    if (meta(db, "trip_parameters").isEmpty())
        return scalar(db, "SELECT count(*) FROM imports WHERE first_rowid IS NOT NULL") > 0;
    if (storedParameters() != p || meta(db, "roles_signature") != cameras().rolesSignature() ||
        meta(db, "timezone") != m_store.timeZone())
        return true;
    const std::int64_t built = meta(db, "trips_import").toLongLong();
    return scalar(db, "SELECT max(id) FROM imports WHERE first_rowid IS NOT NULL") > built;
}

std::vector<TripRead> FlowEngine::loadReads(std::int64_t fromUtc, std::int64_t contextFrom,
                                            const CameraIndex& cams) {
    // Reads are found through the imports that hold them (rowid ranges and time spans): no index on time.
    struct Range {
        std::int64_t first, last;
    };
    std::vector<Range> ranges;
    {
        auto st = m_store.database().prepare(
            "SELECT first_rowid, last_rowid FROM imports WHERE first_rowid IS NOT NULL "
            "AND last_rowid >= first_rowid AND t_max >= ? ORDER BY first_rowid");
        st.bind(1, contextFrom);
        while (st.step())
            ranges.push_back(Range{st.int64(0), st.int64(1)});
    }
    std::int64_t total = 0;
    for (const Range& r : ranges)
        total += r.last - r.first + 1;
    // Two connections read halves of the rows at once.
    const int threads = total > 2000000 ? 2 : 1;
    std::vector<std::vector<TripRead>> parts(static_cast<std::size_t>(threads));
    const QString readsFile = Store::readsPath(m_store.path());
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    auto work = [&](int t) {
        try {
            sql::Database db;
            db.open(readsFile, sql::Database::Mode::ReadOnly);
            auto st = db.prepare(
                "SELECT camera, t, vehicle, class FROM reads WHERE rowid BETWEEN ? AND ? AND t >= ?");
            std::vector<TripRead>& out = parts[static_cast<std::size_t>(t)];
            for (const Range& range : ranges) {
                const std::int64_t a = range.first, b = range.last;
                // Each thread takes its share of every range.
                const std::int64_t n = b - a + 1;
                const std::int64_t lo = a + n * t / threads, hi = a + n * (t + 1) / threads - 1;
                if (hi < lo)
                    continue;
                st.bind(1, lo).bind(2, hi).bind(3, contextFrom);
                while (st.step()) {
                    const auto cam = static_cast<std::uint32_t>(st.int64(0));
                    TripRead r;
                    r.camera = cam;
                    r.t = st.int64(1);
                    r.vehicle = static_cast<std::uint32_t>(st.int64(2));
                    r.cls = static_cast<std::uint8_t>(st.int64(3));
                    r.order = cam < cams.order.size() ? cams.order[cam] : cam;
                    r.context = r.t < fromUtc ? 1 : 0;
                    out.push_back(r);
                }
                st.reset();
            }
        } catch (...) {
            errors[static_cast<std::size_t>(t)] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool)
        th.join();
    for (auto& e : errors)
        if (e)
            std::rethrow_exception(e);
    std::vector<TripRead> all;
    all.reserve(static_cast<std::size_t>(total));
    for (auto& p : parts) {
        all.insert(all.end(), p.begin(), p.end());
        std::vector<TripRead>().swap(p);
    }
    return all;
}

std::int64_t FlowEngine::rebuildStart(std::int64_t s, const TripParameters& p) {
    // Back to a local hour boundary, then to the start of every trip that runs across it, until no trip
    // does: from there on, the trips can be rebuilt from the reads alone. With a daily pseudonym key no
    // trip crosses midnight UTC, so this stops within a day.
    Q_UNUSED(p);
    LocalTime zone(m_store.timeZone().toUtf8());
    sql::Database& db = m_store.database();
    auto straddling = db.prepare("SELECT min(start) FROM l0.trips WHERE start < ? AND end >= ?");
    for (int i = 0; i < 100000; ++i) {
        const std::int64_t local = s + zone.offsetAt(s);
        const std::int64_t aligned = s - (((local % 3600) + 3600) % 3600);
        straddling.bind(1, aligned).bind(2, aligned);
        std::int64_t earliest = aligned;
        if (straddling.step() && !straddling.isNull(0))
            earliest = std::min(earliest, straddling.int64(0));
        straddling.reset();
        if (earliest >= aligned)
            return aligned;
        s = earliest;
    }
    return INT64_MIN;
}

BuildReport FlowEngine::update(const TripParameters& p, const std::function<void(double)>& progress,
                               const std::atomic_bool* cancel) {
    sql::Database& db = m_store.database();
    const bool fresh = meta(db, "trip_parameters").isEmpty() || storedParameters() != p ||
                       meta(db, "roles_signature") != cameras().rolesSignature() ||
                       meta(db, "timezone") != m_store.timeZone();
    return run(p, fresh, progress, cancel);
}

BuildReport FlowEngine::rebuild(const TripParameters& p, const std::function<void(double)>& progress,
                                const std::atomic_bool* cancel) {
    return run(p, true, progress, cancel);
}

BuildReport FlowEngine::run(const TripParameters& p, bool full, const std::function<void(double)>& progress,
                            const std::atomic_bool* cancel) {
    if (m_store.isReadOnly())
        throw Error::store(QStringLiteral("%1: opened read-only; trips cannot be built").arg(m_store.path()));
    if (p.dedupeSeconds < 0 || p.gapSeconds < 1 || p.throughMinSeconds < 0 ||
        p.throughMaxSeconds < p.throughMinSeconds)
        throw Error::usage(
            QStringLiteral("trip parameters out of range (gap at least 1 s, duplicate window at least 0 s)"));
    QElapsedTimer timer;
    timer.start();
    const Progress report(progress, cancel);
    auto checkCancel = [&] {
        report.checkCancel(QStringLiteral("trip building cancelled; the trips are as they were"));
    };
    sql::Database& db = m_store.database();
    const CameraIndex cams = cameras();
    const QByteArray zoneId = m_store.timeZone().toUtf8(); // read here: the store is this thread's
    LocalTime zone(zoneId);
    if (!zone.isValid())
        throw Error::store(QStringLiteral("the project's time zone '%1' is unknown").arg(m_store.timeZone()));
    const std::int64_t lastImport = scalar(db, "SELECT max(id) FROM imports WHERE first_rowid IS NOT NULL");
    const RecordKeys keys = RecordKeys::load(db);

    BuildReport br;
    std::int64_t from = full ? INT64_MIN : updateStart(p);
    // Nothing before a purge boundary is rebuilt: its reads are gone, its trips and cube cells stay.
    if (const QString purged = m_store.meta(Store::Sidecar::Cube, QStringLiteral("purged_before"));
        !purged.isEmpty() && from != INT64_MAX)
        from = std::max<std::int64_t>(from, purged.toLongLong());
    if (from == INT64_MAX) { // nothing new
        br.full = false;
        br.from = INT64_MAX;
        br.seconds = timer.elapsed() / 1000.0;
        return br;
    }
    br.full = from == INT64_MIN;
    report(0.05);
    std::vector<TripRead> reads =
        loadReads(from, from == INT64_MIN ? INT64_MIN : from - p.dedupeSeconds, cams);
    checkCancel();
    report(0.35);
    br.reads = static_cast<std::int64_t>(
        std::count_if(reads.begin(), reads.end(), [](const TripRead& r) { return !r.context; }));
    TripSet set = TripBuilder::build(reads, p, cams.cordonIn, cams.cordonOut, 2);
    std::vector<TripRead>().swap(reads);
    br.from = br.full ? firstStart(set) : from;
    br.duplicates = set.duplicates;
    br.trips = static_cast<std::int64_t>(set.trips.size());
    br.singleReadTrips = set.singleReadTrips;
    checkCancel();
    report(0.55);

    // The cube of the rebuilt days (and, for a full build, the journey times), computed while the trips
    // are written.
    FlowCube fresh;
    std::vector<PairTimes> times;
    std::thread cubeThread([&] {
        LocalTime z(zoneId);
        fresh.addTrips(set, z, keys);
        fresh.addCounts(set, z, keys);
        if (br.full)
            times = journeyTimes(set, FlowFilter(), z, keys);
    });
    struct Joiner {
        std::thread& t;
        ~Joiner() {
            if (t.joinable())
                t.join();
        }
    } joiner{cubeThread};

    sql::Transaction tx(db);
    writeTrips(set, from, report.part(0.55, 0.85));
    cubeThread.join();
    br.cubeCells = static_cast<std::int64_t>(fresh.cellCount());
    storeCube(fresh, from, zone);
    setMeta(db, "trip_parameters", parametersText(p));
    setMeta(db, "roles_signature", cams.rolesSignature());
    setMeta(db, "timezone", m_store.timeZone());
    setMeta(db, "trips_import", QString::number(lastImport));
    setMeta(db, "built", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    report(0.9);
    // L2 layers for the default view (all days, k applied), for QGIS.
    writeResultLayers(loadCube(), cams, p);
    if (!br.full) {
        set = TripSet();
        times = journeyTimes(loadTrips(), FlowFilter(), zone, keys);
    }
    writeJourneyTimes(times, cams, p);
    checkCancel();
    tx.commit();
    br.seconds = timer.elapsed() / 1000.0;
    report(1.0);
    return br;
}

std::int64_t FlowEngine::updateStart(const TripParameters& p) {
    auto st =
        m_store.database().prepare("SELECT min(t_min) FROM imports WHERE first_rowid IS NOT NULL AND id > ?");
    st.bind(1, meta(m_store.database(), "trips_import").toLongLong());
    if (!st.step() || st.isNull(0))
        return INT64_MAX;
    return rebuildStart(st.int64(0) - p.gapSeconds - p.dedupeSeconds, p);
}

std::int64_t FlowEngine::firstStart(const TripSet& set) {
    if (set.trips.empty())
        return 0;
    return std::min_element(set.trips.begin(), set.trips.end(),
                            [](const Trip& a, const Trip& b) { return a.start < b.start; })
        ->start;
}

void FlowEngine::writeTrips(const TripSet& set, std::int64_t from, const Progress& progress) {
    sql::Database& db = m_store.database();
    if (from == INT64_MIN) {
        db.exec("DELETE FROM l0.trips; DELETE FROM cube.cube_od; DELETE FROM cube.cube_counts;");
    } else {
        auto del = db.prepare("DELETE FROM l0.trips WHERE start >= ?");
        del.bind(1, from);
        del.run();
    }
    auto ins = db.prepare("INSERT INTO l0.trips (start, end, origin, destination, reads, class, kind, path, "
                          "vehicle) VALUES (?,?,?,?,?,?,?,?,?)");
    QByteArray path;
    std::size_t done = 0;
    for (const Trip& t : set.trips) {
        path.clear();
        for (std::uint32_t i = 0; i < t.reads; ++i) {
            putVarint(path, set.path[t.pathOffset + i]);
            putVarint(path, set.pathTimes[t.pathOffset + i]);
        }
        ins.bind(1, t.start).bind(2, t.end).bind(3, t.origin).bind(4, t.destination).bind(5, t.reads);
        ins.bind(6, static_cast<int>(t.cls)).bind(7, static_cast<int>(t.kind)).bindBlob(8, path);
        ins.bind(9, static_cast<std::int64_t>(t.vehicle));
        ins.run();
        if (++done % 200000 == 0) {
            progress.checkCancel(QStringLiteral("trip building cancelled; the trips are as they were"));
            progress(static_cast<double>(done) / static_cast<double>(set.trips.size()));
        }
    }
}

void FlowEngine::storeCube(FlowCube& fresh, std::int64_t from, LocalTime& zone) {
    sql::Database& db = m_store.database();
    if (from != INT64_MIN) {
        std::int64_t d;
        int h;
        FlowCube::localDayHour(from, zone, &d, &h);
        // The first day is rebuilt from its hour h on: keep its stored cells of the hours before.
        FlowCube stored;
        auto od = db.prepare("SELECT cells FROM cube.cube_od WHERE day = ?");
        od.bind(1, d);
        if (od.step())
            stored.unpackOd(d, od.blob(0));
        auto cnt = db.prepare("SELECT cells FROM cube.cube_counts WHERE day = ?");
        cnt.bind(1, d);
        if (cnt.step())
            stored.unpackCounts(d, cnt.blob(0));
        fresh.mergeHoursBefore(stored, d, h);
        for (const char* sql :
             {"DELETE FROM cube.cube_od WHERE day >= ?", "DELETE FROM cube.cube_counts WHERE day >= ?"}) {
            auto del = db.prepare(sql);
            del.bind(1, d);
            del.run();
        }
    }
    auto insOd = db.prepare("INSERT INTO cube.cube_od (day, cells) VALUES (?, ?)");
    auto insCounts = db.prepare("INSERT INTO cube.cube_counts (day, cells) VALUES (?, ?)");
    for (std::int64_t day : fresh.days()) {
        const QByteArray od = fresh.packOd(day), counts = fresh.packCounts(day);
        if (!od.isEmpty()) {
            insOd.bind(1, day).bindBlob(2, od);
            insOd.run();
        }
        if (!counts.isEmpty()) {
            insCounts.bind(1, day).bindBlob(2, counts);
            insCounts.run();
        }
    }
}

FlowCube FlowEngine::loadCube() {
    FlowCube cube;
    sql::Database& db = m_store.database();
    auto od = db.prepare("SELECT day, cells FROM cube.cube_od");
    while (od.step())
        cube.unpackOd(od.int64(0), od.blob(1));
    auto counts = db.prepare("SELECT day, cells FROM cube.cube_counts");
    while (counts.step())
        cube.unpackCounts(counts.int64(0), counts.blob(1));
    return cube;
}

TripSet FlowEngine::loadTrips(std::int64_t fromUtc, std::int64_t toUtc) {
    TripSet set;
    auto st = m_store.database().prepare(
        "SELECT start, end, origin, destination, reads, class, kind, path, vehicle FROM l0.trips "
        "WHERE start >= ? AND start < ? ORDER BY start, id");
    st.bind(1, fromUtc).bind(2, toUtc);
    while (st.step()) {
        Trip t;
        t.start = st.int64(0);
        t.end = st.int64(1);
        t.origin = static_cast<std::uint32_t>(st.int64(2));
        t.destination = static_cast<std::uint32_t>(st.int64(3));
        t.reads = static_cast<std::uint32_t>(st.int64(4));
        t.cls = static_cast<std::uint8_t>(st.int64(5));
        t.kind = static_cast<TripKind>(st.int64(6));
        t.vehicle = static_cast<std::uint32_t>(st.int64(8));
        t.pathOffset = static_cast<std::uint32_t>(set.path.size());
        const QByteArray blob = st.blob(7);
        const auto* p = reinterpret_cast<const unsigned char*>(blob.constData());
        const auto* end = p + blob.size();
        for (std::uint32_t i = 0; i < t.reads; ++i) {
            std::uint32_t cam = 0, dt = 0;
            if (!getVarint(p, end, &cam) || !getVarint(p, end, &dt))
                throw Error::store(QStringLiteral("%1: a stored trip path is damaged; rebuild the trips")
                                       .arg(m_store.path()));
            set.path.push_back(cam);
            set.pathTimes.push_back(dt);
        }
        if (t.reads == 1)
            ++set.singleReadTrips;
        set.trips.push_back(t);
    }
    return set;
}

PairTimes FlowEngine::tripDurations(const std::vector<std::uint32_t>& origins,
                                    const std::vector<std::uint32_t>& destinations, const FlowFilter& f) {
    PairTimes none{0, 0};
    if (origins.empty() || destinations.empty())
        return none;
    auto list = [](const std::vector<std::uint32_t>& keys) {
        QStringList parts;
        for (std::uint32_t k : keys)
            parts << QString::number(k);
        return parts.join(QLatin1Char(','));
    };
    LocalTime zone(m_store.timeZone().toUtf8());
    auto st = m_store.database().prepare(
        QStringLiteral("SELECT start, end, class, kind, vehicle, origin FROM l0.trips WHERE reads > 1 AND "
                       "origin IN (%1) AND destination IN (%2)")
            .arg(list(origins), list(destinations)));
    const RecordKeys keys = RecordKeys::load(m_store.database());
    std::vector<Hop> seconds;
    while (st.step()) {
        const std::int64_t start = st.int64(0);
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(start, zone, &day, &hour);
        if (!f.acceptsDay(day) || hour < f.hourFrom || hour >= f.hourTo ||
            !f.acceptsClass(static_cast<int>(st.int64(2))) ||
            (f.throughOnly && st.int64(3) != static_cast<int>(TripKind::Through)))
            continue;
        const auto vehicle = static_cast<std::uint32_t>(st.int64(4));
        seconds.push_back(Hop{static_cast<double>(st.int64(1) - start), vehicle,
                              keys.trip(vehicle, start, static_cast<std::uint32_t>(st.int64(5))), day});
    }
    return pairStatistics(seconds);
}

TripSet FlowEngine::buildInMemory(const TripParameters& p, FlowCube* cube) {
    const CameraIndex cams = cameras();
    std::vector<TripRead> reads = loadReads(INT64_MIN, INT64_MIN, cams);
    TripSet set = TripBuilder::build(reads, p, cams.cordonIn, cams.cordonOut, 2);
    if (cube) {
        LocalTime zone(m_store.timeZone().toUtf8());
        const RecordKeys keys = RecordKeys::load(m_store.database());
        cube->clear();
        cube->addTrips(set, zone, keys);
        cube->addCounts(set, zone, keys);
    }
    return set;
}

void FlowEngine::writeResultLayers(const FlowCube& cube, const CameraIndex& cams, const TripParameters& p) {
    ResultLayers(m_store.database(), m_store.disclosurePolicy()).writeFlows(cube, cams, p);
}

void FlowEngine::writeJourneyTimes(const std::vector<PairTimes>& times, const CameraIndex& cams,
                                   const TripParameters& p) {
    ResultLayers(m_store.database(), m_store.disclosurePolicy()).writeJourneyTimes(times, cams, p);
}

} // namespace stroom
