#include "flows/flowengine.h"

#include "privacy/recordkeys.h"

#include "flows/resultlayers.h"
#include "flows/throughrule.h"
#include "flows/tripstitcher.h"
#include "store/readblocks.h"
#include "store/tripdays.h"

#include "common/error.h"
#include "common/progress.h"
#include "common/sqlite.h"
#include "common/timeparse.h"
#include "store/store.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <optional>
#include <thread>
#include <utility>

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

QString referenceOdSql(const QString& source) {
    return QStringLiteral("WITH r AS (%1),").arg(source) + QStringLiteral(R"sql(
d AS (SELECT v, t, cid, t - LAG(t) OVER (PARTITION BY v, cid ORDER BY t) AS dt FROM r),
k AS (SELECT v, t, cid FROM d WHERE dt IS NULL OR dt > 60),
g AS (SELECT v, t, cid, CASE WHEN t - LAG(t) OVER (PARTITION BY v ORDER BY t, cid) <= 1800 THEN 0 ELSE 1 END AS nt FROM k),
n AS (SELECT v, t, cid, SUM(nt) OVER (PARTITION BY v ORDER BY t, cid ROWS UNBOUNDED PRECEDING) AS trip FROM g),
w AS (SELECT v, trip,
        FIRST_VALUE(cid) OVER (PARTITION BY v, trip ORDER BY t, cid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS o,
        LAST_VALUE(cid) OVER (PARTITION BY v, trip ORDER BY t, cid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS d,
        COUNT(*) OVER (PARTITION BY v, trip) AS n FROM n)
SELECT o, d, count(*) FROM (SELECT DISTINCT v, trip, o, d, n FROM w) WHERE n > 1 GROUP BY o, d ORDER BY o, d
)sql");
}

QString referenceReadsSql() {
    return QStringLiteral(
        "SELECT r.vehicle AS v, r.t AS t, c.camera_id AS cid FROM stroom_reads r JOIN cameras c ON "
        "c.fid = r.camera");
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

/** The vehicles of \a cells. */
std::vector<std::uint32_t> vehiclesOf(const std::vector<FlowCube::CountCell>& cells) {
    std::vector<std::uint32_t> out;
    out.reserve(cells.size());
    for (const FlowCube::CountCell& c : cells)
        out.push_back(c.vehicle);
    return out;
}

/** The pipeline's bounds: a duplicate look-back within the day before, a gap shorter than a day. */
void checkParameters(const TripParameters& p) {
    if (p.dedupeSeconds < 0 || p.dedupeSeconds > 3600 || p.gapSeconds < 1 || p.gapSeconds > 43200 ||
        p.throughMinSeconds < 0 || p.throughMaxSeconds < p.throughMinSeconds)
        throw Error::usage(
            QStringLiteral("trip parameters out of range (gap from 1 s to 12 h, duplicate window "
                           "from 0 s to 1 h, through traffic min ≤ max)"));
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

void FlowEngine::buildDays(const std::vector<std::int64_t>& days, std::int64_t fromUtc,
                           const TripParameters& p, const CameraIndex& cams, const ThroughRule& through,
                           const DayWork& work, const Progress& progress, BuildReport* br) {
    // The main thread reads the blocks (the connection is its own) and joins the days; workers decode and
    // build. A day's reads are its own blocks; the duplicate rule looks back into the day before.
    struct Input {
        std::int64_t day;
        std::vector<QByteArray> blocks, before;
        std::int64_t tMin = INT64_MAX; ///< of blocks
    };
    struct Built {
        std::int64_t day;
        TripSet trips;
        std::int64_t reads = 0;
    };
    const std::vector<std::uint32_t>& order = cams.order;
    const auto build = [&p, &order, &through, fromUtc](const Input& in) {
        Built out;
        out.day = in.day;
        // The day's reads from fromUtc on are built; earlier ones (an update's first day) and the day
        // before's are only looked back at, within the duplicate window of the first read built. Times count
        // from the duplicate window before the day's first read: none is earlier.
        std::int64_t first = INT64_MAX;
        const std::int64_t base = in.tMin - p.dedupeSeconds;
        const auto toTrip = [&](const StoredRead& r, bool context) {
            if (r.t < base || r.t - base > INT32_MAX)
                throw Error::store(QStringLiteral("the reads of day %1 do not lie within their day (block "
                                                  "index damaged)")
                                       .arg(in.day));
            TripRead t;
            t.t = static_cast<std::uint32_t>(r.t - base);
            t.vehicle = r.vehicle;
            t.camera = r.camera;
            t.cls = r.cls;
            t.context = context ? 1 : 0;
            return t;
        };
        const auto take = [&](const StoredRead& r) {
            const bool built = r.t >= fromUtc;
            if (built) {
                ++out.reads;
                first = std::min(first, r.t);
            }
            return toTrip(r, !built);
        };
        // The day before's reads from the duplicate window before the earliest read that can be built on
        // (the window of the first read built, a little later, is applied below).
        const std::int64_t bound = std::max(in.tMin, fromUtc) - p.dedupeSeconds;
        std::vector<TripRead> before;
        for (const QByteArray& b : in.before)
            ReadBlocks::decode(b, [&](const StoredRead* rs, std::size_t n) {
                for (const StoredRead* r = rs; r != rs + n; ++r)
                    if (r->t >= bound)
                        before.push_back(toTrip(*r, true));
            });
        // Each vehicle's place, from the blocks' vehicle columns: the reads are decoded straight into it,
        // grouped by vehicle, with no second copy of a day's reads to sort.
        std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
        for (const QByteArray& b : in.blocks)
            ReadBlocks::vehicleCounts(b, counts);
        std::uint32_t lo = UINT32_MAX, hi = 0;
        std::size_t n = before.size();
        for (const auto& [vehicle, count] : counts) {
            lo = std::min(lo, vehicle);
            hi = std::max(hi, vehicle);
            n += count;
        }
        for (const TripRead& t : before) {
            lo = std::min(lo, t.vehicle);
            hi = std::max(hi, t.vehicle);
        }
        std::vector<TripRead> reads;
        const bool placed = n > 0 && TripBuilder::denseVehicles(lo, hi, n);
        if (placed) {
            std::vector<std::size_t> next(static_cast<std::size_t>(hi - lo) + 1, 0);
            for (const auto& [vehicle, count] : counts)
                next[vehicle - lo] += count;
            for (const TripRead& t : before)
                ++next[t.vehicle - lo];
            std::size_t sum = 0;
            for (std::size_t& x : next)
                sum += std::exchange(x, sum);
            reads.resize(n);
            for (const QByteArray& b : in.blocks)
                ReadBlocks::decode(b, [&](const StoredRead* rs, std::size_t m) {
                    for (const StoredRead* r = rs; r != rs + m; ++r)
                        reads[next[r->vehicle - lo]++] = take(*r);
                });
            for (const TripRead& t : before)
                reads[next[t.vehicle - lo]++] = t;
        } else { // numbers too sparse for a place each: sorted by the builder
            reads.reserve(n);
            for (const QByteArray& b : in.blocks)
                ReadBlocks::decode(b, [&](const StoredRead* rs, std::size_t m) {
                    for (const StoredRead* r = rs; r != rs + m; ++r)
                        reads.push_back(take(*r));
                });
            reads.insert(reads.end(), before.begin(), before.end());
        }
        std::vector<TripRead>().swap(before);
        const std::int64_t lookBack = first == INT64_MAX ? INT64_MAX : first - p.dedupeSeconds;
        reads.erase(std::remove_if(reads.begin(), reads.end(),
                                   [&](const TripRead& t) { return t.context && base + t.t < lookBack; }),
                    reads.end());
        out.trips = placed ? TripBuilder::buildGrouped(reads, base, p, through, order, 1)
                           : TripBuilder::build(reads, base, p, through, order, 1);
        return out;
    };

    ReadBlocks blocks(m_store.database());
    auto blocksOf =
        m_store.database().prepare("SELECT data, t_min FROM l0.read_blocks WHERE day = ? ORDER BY id");
    const auto fetch = [&](std::int64_t day, std::int64_t* tMin = nullptr) {
        std::vector<QByteArray> list;
        blocksOf.bind(1, day);
        while (blocksOf.step()) {
            list.push_back(blocksOf.blob(0));
            if (tMin)
                *tMin = std::min(*tMin, blocksOf.int64(1));
        }
        blocksOf.reset();
        return list;
    };
    const QString cut = blocks.zone(); // the days' zone (before a build cuts them in a new one, the old)
    TripStitcher stitcher(p, through, (cut.isEmpty() ? m_store.timeZone() : cut).toUtf8());
    // Up to two builds and two finishing steps in flight: the cores stay busy while this thread reads blocks,
    // joins days and writes. (Futures are declared last: leaving early waits for them before the rest goes.)
    std::vector<QByteArray> previous;
    std::int64_t previousDay = INT64_MIN;
    std::size_t next = 0, finished = 0;
    std::deque<std::future<Built>> building;
    std::deque<std::future<std::function<void()>>> finishing;
    const auto submit = [&] {
        Input in;
        in.day = days[next++];
        in.blocks = fetch(in.day, &in.tMin);
        in.before = previousDay == in.day - 1 ? previous : fetch(in.day - 1);
        previous = in.blocks;
        previousDay = in.day;
        building.push_back(std::async(std::launch::async, build, std::move(in)));
    };
    const auto finishComplete = [&] {
        std::int64_t day;
        TripSet trips;
        while (stitcher.takeComplete(&day, &trips))
            finishing.push_back(std::async(std::launch::async, [&work, day, t = std::move(trips)]() mutable {
                std::function<void()> step = work(day, t);
                t = TripSet(); // not held until the step has run
                return step;
            }));
    };
    const auto step = [&] {
        finishing.front().get()();
        finishing.pop_front();
    };
    // At most four days in memory (being built, waiting to be joined, or being finished): a day's finishing
    // step takes two to three times its build, and builds run ahead with nothing to bound them held their
    // trips while they waited (at 100 million reads, a day's trips are 130 MB).
    const auto room = [&] {
        const std::size_t held = building.size() + stitcher.daysHeld() + finishing.size();
        return next < days.size() && building.size() < 2 && held < 4;
    };
    while (next < days.size() || !building.empty()) {
        while (room())
            submit();
        if (building.empty()) { // every place taken: a day finished first (or built, with nothing to finish)
            if (finishing.empty())
                submit();
            else
                step();
            continue;
        }
        Built b = building.front().get();
        building.pop_front();
        br->reads += b.reads;
        br->duplicates += b.trips.duplicates;
        stitcher.add(b.day, std::move(b.trips));
        b = Built();
        finishComplete();
        while (finishing.size() > 1)
            step();
        progress(static_cast<double>(++finished) / static_cast<double>(days.size()));
        progress.checkCancel(QStringLiteral("trip building cancelled; the trips are as they were"));
    }
    stitcher.finish();
    finishComplete();
    while (!finishing.empty())
        step();
}

std::int64_t FlowEngine::rebuildStart(std::int64_t s, const TripParameters& p) {
    // Back to a local hour boundary, then to the start of every trip that runs across it, until no trip
    // does: from there on, the trips can be rebuilt from the reads alone. With a daily pseudonym key no
    // trip crosses midnight UTC, so this stops within a day.
    Q_UNUSED(p);
    LocalTime zone(m_store.timeZone().toUtf8());
    TripDays trips(m_store.database());
    for (int i = 0; i < 100000; ++i) {
        const std::int64_t local = s + zone.offsetAt(s);
        const std::int64_t aligned = s - (((local % 3600) + 3600) % 3600);
        const std::int64_t earliest = std::min(aligned, trips.earliestRunningAt(aligned));
        if (earliest >= aligned)
            return aligned;
        s = earliest;
    }
    return INT64_MIN;
}

BuildReport FlowEngine::update(const TripParameters& p, const std::function<void(double)>& progress,
                               const std::atomic_bool* cancel) {
    sql::Database& db = m_store.database();
    bool fresh = meta(db, "trip_parameters").isEmpty() || storedParameters() != p ||
                 meta(db, "roles_signature") != cameras().rolesSignature() ||
                 meta(db, "timezone") != m_store.timeZone();
    // The windows per gate pair follow the data as it grows: once the days of reads are half as many again as
    // those the windows came from, a full build estimates them again (so each import does not re-kind
    // every trip, and the windows settle as the data grow).
    if (!fresh && p.throughWindow == ThroughWindow::PerPair && p.throughMethod == ThroughMethod::Cordon &&
        m_store.meta(Store::Sidecar::Cube, QStringLiteral("purged_before")).isEmpty()) {
        const std::int64_t from = meta(db, "through_windows_days").toLongLong();
        const auto now = static_cast<std::int64_t>(ReadBlocks(db).days().size());
        fresh = cameras().hasCordon() && 2 * now >= 3 * std::max<std::int64_t>(from, 1);
    }
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
    checkParameters(p);
    QElapsedTimer timer;
    timer.start();
    const Progress report(progress, cancel);
    sql::Database& db = m_store.database();
    const CameraIndex cams = cameras();
    const QByteArray zoneId = m_store.timeZone().toUtf8();
    LocalTime zone(zoneId);
    if (!zone.isValid())
        throw Error::store(QStringLiteral("the project's time zone '%1' is unknown").arg(m_store.timeZone()));
    const std::int64_t lastImport = scalar(db, "SELECT max(id) FROM imports WHERE first_rowid IS NOT NULL");
    const RecordKeys keys = RecordKeys::load(db);
    const ThroughRule through = throughRule(p, cams);

    sql::Transaction tx(db);
    ReadBlocks blocks(db);
    // Days are the blocks' days: after a change of the project's time zone they are cut again.
    if (const QString cut = blocks.zone(); !cut.isEmpty() && cut != m_store.timeZone()) {
        blocks.repartition(zoneId);
        TripDays(db).rekey(zoneId); // kept trips (before a purge boundary) are found by the new zone's days
        full = true;
    }
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
    report(0.02);

    // The first rebuilt day keeps what starts before `from`: its trips, and its cube's earlier hours.
    std::int64_t firstDay = INT64_MIN;
    TripDays tripDays(db);
    TripSet kept;
    FlowCube fresh;
    if (from != INT64_MIN) {
        int hour = 0;
        FlowCube::localDayHour(from, zone, &firstDay, &hour);
        TripSet stored;
        tripDays.loadDay(firstDay, stored);
        for (const Trip& t : stored.trips)
            if (t.start < from)
                kept.append(t, stored);
        FlowCube storedCube;
        auto od = db.prepare("SELECT cells FROM cube.cube_od WHERE day = ?");
        od.bind(1, firstDay);
        if (od.step())
            storedCube.unpackOd(firstDay, od.blob(0));
        auto cnt = db.prepare("SELECT cells FROM cube.cube_counts WHERE day = ?");
        cnt.bind(1, firstDay);
        if (cnt.step())
            storedCube.unpackCounts(firstDay, cnt.blob(0));
        fresh.mergeHoursBefore(storedCube, firstDay, hour);
    }
    tripDays.removeFromDay(firstDay);
    for (const char* sql :
         {"DELETE FROM cube.cube_od WHERE day >= ?", "DELETE FROM cube.cube_counts WHERE day >= ?"}) {
        auto del = db.prepare(sql);
        del.bind(1, firstDay);
        del.run();
    }
    std::vector<std::int64_t> days;
    for (std::int64_t d : blocks.days())
        if (d >= firstDay)
            days.push_back(d);

    // Each day as it is complete: on a worker its cube cells and its trips encoded; here, in day order, both
    // stored. Passages of trips across midnight count on the next day, so a count day is complete once the
    // days before it are.
    std::int64_t firstStart = INT64_MAX;
    ThroughWindows gates; // the gate-to-gate trips of the days built: windows and read rate from them
    bool keptSaved = kept.trips.empty();
    // Journey times' first pass over every trip: the rebuilt days' (the first with its kept trips) here, the
    // earlier days' below.
    JourneySamples samples;
    // A day once stored leaves memory: its counts go to the layers' tally now, its OD cells (whose kinds a
    // full build may change below) from the store at the end.
    ResultLayers::Tally layers(cams);
    // The counts over the whole period keep to the end only the vehicles seen on more than one local day
    // (CountTally::expectLinked): those the reads' blocks know, then those of the stored days before the
    // update and of its first day's kept hours, whose reads may be gone; those days are tallied first.
    std::optional<std::vector<std::uint32_t>> linked = blocks.linked();
    if (!linked) {
        blocks.relink();
        linked = blocks.linked();
    }
    layers.counts.expectLinked(*linked);
    linked.reset();
    for (std::int64_t d : fresh.days())
        layers.counts.expectLinked(vehiclesOf(fresh.countCells(d)));
    tallyStoredCounts(layers, firstDay);
    std::int64_t storedUpTo = INT64_MIN;
    const auto storeUpTo = [&](std::int64_t day) {
        for (std::int64_t d : fresh.days()) {
            if (d > day)
                break;
            if (d <= storedUpTo)
                continue;
            storeCubeDay(fresh, d);
            br.cubeCells += static_cast<std::int64_t>(fresh.odCells(d).size() + fresh.countCells(d).size());
            layers.addCounts(d, fresh.countCells(d));
            fresh.eraseDay(d);
            storedUpTo = d;
        }
    };
    // A full build classifies the trips again once the windows per gate pair are known (below): the OD cells,
    // which hold the kinds, are made then.
    const bool kindsAgain = from == INT64_MIN && p.throughMethod == ThroughMethod::Cordon &&
                            p.throughWindow == ThroughWindow::PerPair;
    const DayWork work = [&](std::int64_t day, TripSet& trips) -> std::function<void()> {
        LocalTime z(zoneId);
        std::int64_t first = INT64_MAX;
        for (const Trip& t : trips.trips)
            first = std::min(first, t.start);
        const auto n = static_cast<std::int64_t>(trips.trips.size());
        const std::int64_t single = trips.singleReadTrips;
        const bool withKept = day == firstDay && !kept.trips.empty();
        // The cube's cells are of this build's trips; journey times, the stored day and the gates' windows of
        // the day's whole set (an update's kept trips too). The cells are made last where they can be: they
        // are the largest thing a day holds until its step runs, and the journey times' sort would otherwise
        // need its room beside them.
        auto part = std::make_shared<FlowCube>();
        const auto cells = [&] {
            if (!kindsAgain)
                part->addTrips(trips, z, keys);
            part->addCounts(trips, z, keys);
        };
        if (withKept) {
            cells();
            TripSet all = kept;
            for (const Trip& t : trips.trips)
                all.append(t, trips);
            trips = std::move(all);
        }
        auto hops = std::make_shared<JourneySamples>();
        hops->add(trips, z, keys);
        auto encoded = std::make_shared<TripDays::Encoded>(TripDays::prepare(trips));
        auto gate = std::make_shared<ThroughWindows>();
        gate->add(trips, cams.cordonIn, cams.cordonOut);
        if (!withKept)
            cells();
        return [&, day, part, hops, encoded, gate, first, n, single, withKept] {
            samples.absorb(std::move(*hops));
            gates.absorb(std::move(*gate));
            br.trips += n;
            br.singleReadTrips += single;
            firstStart = std::min(firstStart, first);
            keptSaved = keptSaved || withKept;
            fresh.absorb(std::move(*part));
            tripDays.save(day, *encoded);
            storeUpTo(day);
        };
    };
    buildDays(days, from, p, cams, through, work, report.part(0.02, 0.8), &br);
    if (!keptSaved) { // the first day had no new trips: its kept ones as they were
        tripDays.save(firstDay, kept);
        samples.add(kept, zone, keys);
    }
    storeUpTo(INT64_MAX);
    // A full build (nothing purged) estimates the windows per gate pair again from all its trips; the trips
    // whose kind they change are classified again below. (Purged days keep the kinds they were built with.)
    std::optional<ThroughRule> again;
    if (from == INT64_MIN && p.throughMethod == ThroughMethod::Cordon) {
        std::vector<PairWindow> windows;
        if (kindsAgain) {
            windows = gates.windows(cams, m_store.threshold());
            again.emplace(p, cams, windows);
            br.throughPairs = static_cast<std::int64_t>(windows.size());
        }
        std::int64_t chances = 0;
        const double rate = gates.readRate(&chances);
        setMeta(db, "through_windows", ThroughWindows::toText(windows));
        setMeta(db, "through_windows_days", QString::number(days.size()));
        setMeta(db, "through_read_rate", rate < 0 ? QString() : QString::number(rate, 'f', 4));
        setMeta(db, "through_read_chances", QString::number(chances));
    }
    // Journey times' first pass over the days before the update; then one pass over every stored day, on
    // workers: the kinds again (a full build), journey times' second pass, and here the layers' OD.
    addStoredHops(samples, firstDay);
    samples.settle();
    report(0.84);
    auto storedOd = db.prepare("SELECT cells FROM cube.cube_od WHERE day = ?");
    const auto tallyStoredOd = [&](std::int64_t day) {
        FlowCube stored;
        storedOd.bind(1, day);
        if (storedOd.step())
            stored.unpackOd(day, storedOd.blob(0));
        storedOd.reset();
        layers.addOd(day, stored.odCells(day));
    };
    std::vector<std::int64_t> tallied;
    forEachStoredDay(INT64_MAX, [&](std::int64_t day, TripSet& set) -> std::function<void()> {
        LocalTime z(zoneId);
        std::shared_ptr<FlowCube> od;
        std::shared_ptr<TripDays::Encoded> encoded;
        if (again && std::binary_search(days.begin(), days.end(), day)) {
            if (again->reclassify(set))
                encoded = std::make_shared<TripDays::Encoded>(TripDays::prepare(set));
            od = std::make_shared<FlowCube>();
            od->addTrips(set, z, keys);
        }
        auto vehicles = std::make_shared<JourneySamples::DayVehicles>(samples.vehiclesOf(set, z));
        return [&, day, od, encoded, vehicles] {
            samples.addVehicles(*vehicles);
            tallied.push_back(day);
            if (encoded)
                tripDays.save(day, *encoded);
            if (!od)
                return tallyStoredOd(day);
            storeCubeDay(*od, day, CubePart::Od); // the counts know no kinds
            br.cubeCells += static_cast<std::int64_t>(od->odCells(day).size());
            layers.addOd(day, od->odCells(day));
        };
    });
    // Days whose trips are gone (purged) keep their cells; and the counts of the days before the update.
    for (std::int64_t day : odDays())
        if (!std::binary_search(tallied.begin(), tallied.end(), day))
            tallyStoredOd(day);
    br.from = br.full ? (firstStart == INT64_MAX ? 0 : firstStart) : from;
    setMeta(db, "trip_parameters", parametersText(p));
    setMeta(db, "roles_signature", cams.rolesSignature());
    setMeta(db, "timezone", m_store.timeZone());
    setMeta(db, "trips_import", QString::number(lastImport));
    setMeta(db, "built", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    report(0.96);
    // L2 layers for the default view (all days, k applied), for QGIS.
    ResultLayers layersOut(db, m_store.disclosurePolicy());
    layersOut.writeFlows(layers, cams, p);
    layersOut.writeJourneyTimes(samples.statistics(), cams, p);
    report.checkCancel(QStringLiteral("trip building cancelled; the trips are as they were"));
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

void FlowEngine::storeCubeDay(const FlowCube& fresh, std::int64_t day, CubePart part) {
    sql::Database& db = m_store.database();
    // The cells written into a row made to their size: bound whole, SQLite would copy them once more.
    const auto store = [&](const char* table, const QByteArray& cells) {
        auto d = db.prepare(QStringLiteral("DELETE FROM cube.%1 WHERE day = ?").arg(QLatin1String(table)));
        d.bind(1, day);
        d.run();
        if (cells.isEmpty())
            return;
        auto i = db.prepare(QStringLiteral("INSERT INTO cube.%1 (day, cells) VALUES (?, zeroblob(?))")
                                .arg(QLatin1String(table)));
        i.bind(1, day).bind(2, static_cast<std::int64_t>(cells.size()));
        i.run();
        db.writeBlob("cube", table, "cells", db.lastInsertRowId(), cells);
    };
    if (static_cast<int>(part) & static_cast<int>(CubePart::Od))
        store("cube_od", fresh.odBytes(day));
    if (static_cast<int>(part) & static_cast<int>(CubePart::Counts))
        store("cube_counts", fresh.countBytes(day));
}

void FlowEngine::tallyStoredCounts(ResultLayers::Tally& tally, std::int64_t beforeDay) {
    auto counts =
        m_store.database().prepare("SELECT day, cells FROM cube.cube_counts WHERE day < ? ORDER BY day");
    counts.bind(1, beforeDay);
    while (counts.step()) {
        FlowCube day;
        day.unpackCounts(counts.int64(0), counts.blob(1));
        const std::vector<FlowCube::CountCell>& cells = day.countCells(counts.int64(0));
        tally.counts.expectLinked(vehiclesOf(cells)); // their reads may be gone
        tally.addCounts(counts.int64(0), cells);
    }
}

std::vector<std::int64_t> FlowEngine::odDays() {
    auto st = m_store.database().prepare("SELECT day FROM cube.cube_od ORDER BY day");
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

FlowCube FlowEngine::loadCube(std::int64_t beforeDay, CubePart part) {
    FlowCube cube;
    sql::Database& db = m_store.database();
    if (static_cast<int>(part) & static_cast<int>(CubePart::Od)) {
        auto od = db.prepare("SELECT day, cells FROM cube.cube_od WHERE day < ?");
        od.bind(1, beforeDay);
        while (od.step())
            cube.unpackOd(od.int64(0), od.blob(1));
    }
    if (static_cast<int>(part) & static_cast<int>(CubePart::Counts)) {
        auto counts = db.prepare("SELECT day, cells FROM cube.cube_counts WHERE day < ?");
        counts.bind(1, beforeDay);
        while (counts.step())
            cube.unpackCounts(counts.int64(0), counts.blob(1));
    }
    return cube;
}

void FlowEngine::forEachStoredDay(std::int64_t beforeDay, const DayWork& work) {
    // This thread reads the bytes and runs the steps in day order; workers decode and work, two days at a
    // time. (Futures are declared last: leaving early waits for them before the rest goes.)
    std::deque<std::future<std::function<void()>>> running;
    const auto step = [&] {
        running.front().get()();
        running.pop_front();
    };
    TripDays(m_store.database()).forEachEncodedDay([&](std::int64_t day, const QByteArray& data) {
        if (day >= beforeDay)
            return;
        if (running.size() >= 2)
            step();
        running.push_back(std::async(std::launch::async, [&work, day, data] {
            TripSet set;
            TripDays::decode(data, set);
            return work(day, set);
        }));
    });
    while (!running.empty())
        step();
}

void FlowEngine::addStoredHops(JourneySamples& samples, std::int64_t beforeDay) {
    const QByteArray zoneId = m_store.timeZone().toUtf8();
    const RecordKeys keys = RecordKeys::load(m_store.database());
    forEachStoredDay(beforeDay, [&](std::int64_t, TripSet& set) -> std::function<void()> {
        LocalTime zone(zoneId);
        auto piece = std::make_shared<JourneySamples>(samples.filter());
        piece->add(set, zone, keys);
        return [&samples, piece] { samples.absorb(std::move(*piece)); };
    });
}

std::vector<PairTimes> FlowEngine::finishJourneyTimes(JourneySamples& samples) {
    const QByteArray zoneId = m_store.timeZone().toUtf8();
    samples.settle();
    forEachStoredDay(INT64_MAX, [&](std::int64_t, TripSet& set) -> std::function<void()> {
        LocalTime zone(zoneId);
        auto vehicles = std::make_shared<JourneySamples::DayVehicles>(samples.vehiclesOf(set, zone));
        return [&samples, vehicles] { samples.addVehicles(*vehicles); };
    });
    return samples.statistics();
}

std::vector<PairTimes> FlowEngine::journeyTimes(const FlowFilter& filter) {
    // Two passes over the stored days (JourneySamples): memory is a few days' trips and each pair's seconds.
    JourneySamples samples(filter);
    addStoredHops(samples, INT64_MAX);
    return finishJourneyTimes(samples);
}

TripSet FlowEngine::loadTrips(std::int64_t fromUtc, std::int64_t toUtc) {
    return TripDays(m_store.database()).load(fromUtc, toUtc);
}

PairTimes FlowEngine::tripDurations(const std::vector<std::uint32_t>& origins,
                                    const std::vector<std::uint32_t>& destinations, const FlowFilter& f) {
    PairTimes none{0, 0};
    if (origins.empty() || destinations.empty())
        return none;
    const auto has = [](const std::vector<std::uint32_t>& keys, std::uint32_t k) {
        return std::find(keys.begin(), keys.end(), k) != keys.end();
    };
    LocalTime zone(m_store.timeZone().toUtf8());
    const RecordKeys keys = RecordKeys::load(m_store.database());
    std::vector<Hop> seconds;
    TripDays(m_store.database()).forEach([&](const Trip& t, const TripSet&) {
        if (t.reads < 2 || !has(origins, t.origin) || !has(destinations, t.destination))
            return;
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(t.start, zone, &day, &hour);
        if (!f.acceptsDay(day) || hour < f.hourFrom || hour >= f.hourTo || !f.acceptsClass(t.cls) ||
            (f.throughOnly && t.kind != TripKind::Through))
            return;
        seconds.push_back(Hop{static_cast<double>(t.end - t.start), t.vehicle,
                              keys.trip(t.vehicle, t.start, t.origin), day});
    });
    return pairStatistics(seconds);
}

ThroughRule FlowEngine::throughRule(const TripParameters& p, const CameraIndex& cams) {
    return ThroughRule(p, cams, ThroughWindows::fromText(meta(m_store.database(), "through_windows")));
}

ThroughEstimate FlowEngine::throughEstimate() {
    sql::Database& db = m_store.database();
    ThroughEstimate e;
    e.windows = ThroughWindows::fromText(meta(db, "through_windows"));
    e.days = meta(db, "through_windows_days").toLongLong();
    const QString rate = meta(db, "through_read_rate");
    e.readRate = rate.isEmpty() ? -1.0 : rate.toDouble();
    e.chances = meta(db, "through_read_chances").toLongLong();
    return e;
}

double ThroughEstimate::correctedShare(std::int64_t trips, std::int64_t through) const {
    if (readRate <= 0 || trips <= 0)
        return -1;
    const double corrected = static_cast<double>(through) / (readRate * readRate);
    return corrected / (static_cast<double>(trips - through) + corrected);
}

TripSet FlowEngine::buildInMemory(const TripParameters& p, FlowCube* cube) {
    checkParameters(p);
    const CameraIndex cams = cameras();
    const RecordKeys keys = RecordKeys::load(m_store.database());
    const ThroughRule through = throughRule(p, cams);
    if (cube)
        cube->clear();
    TripSet set;
    BuildReport br;
    const QByteArray zoneId = m_store.timeZone().toUtf8();
    const DayWork work = [&](std::int64_t, TripSet& day) -> std::function<void()> {
        auto part = std::make_shared<FlowCube>();
        if (cube) {
            LocalTime z(zoneId);
            part->addTrips(day, z, keys);
            part->addCounts(day, z, keys);
        }
        auto trips = std::make_shared<TripSet>(std::move(day));
        return [&, part, trips] {
            if (cube)
                cube->absorb(std::move(*part));
            for (const Trip& t : trips->trips)
                set.append(t, *trips);
        };
    };
    buildDays(ReadBlocks(m_store.database()).days(), INT64_MIN, p, cams, through, work, Progress({}, nullptr),
              &br);
    set.duplicates = br.duplicates;
    set.readsIn = br.reads;
    // The windows per gate pair from these trips, as a full build would set them.
    if (p.throughWindow == ThroughWindow::PerPair && p.throughMethod == ThroughMethod::Cordon) {
        ThroughWindows gates;
        gates.add(set, cams.cordonIn, cams.cordonOut);
        const bool changed = ThroughRule(p, cams, gates.windows(cams, m_store.threshold())).reclassify(set);
        if (cube && changed) { // the OD cells again; the counts know no kinds
            LocalTime z(zoneId);
            FlowCube od;
            od.addTrips(set, z, keys);
            cube->replaceOd(std::move(od));
        }
    }
    return set;
}

} // namespace stroom
