#include "common/error.h"
#include "common/random.h"
#include "common/timeparse.h"
#include "flows/cameraindex.h"
#include "flows/flowengine.h"
#include "flows/tripbuilder.h"
#include "flows/tripstitcher.h"
#include "governance/purge.h"
#include "import/importer.h"
#include "store/readblocks.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace stroom;

/**
 * The per-day pipeline (issue 15) against the definition built over every read at once: trips that run
 * across local midnight (and across the night the clocks go forward), duplicates whose look-back crosses
 * midnight, a vehicle driving for three days without a long enough gap, and random traffic.
 */
class TestTripStitcher : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    struct Read {
        qint64 t;
        QString camera, pseudonym;
    };

    static QString pseudonym(int v) { return QStringLiteral("%1").arg(v, 32, 16, QLatin1Char('a')); }

    QString csv(const QVector<Read>& reads) {
        const QString path = m_dir.filePath(QStringLiteral("reads%1.csv").arg(++m_n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        QTextStream out(&f);
        out << "timestamp,camera_id,plate_hash,vehicle_class,country\n";
        for (const Read& r : reads)
            out << QDateTime::fromSecsSinceEpoch(r.t, Qt::UTC).toString(Qt::ISODate) << ',' << r.camera << ','
                << r.pseudonym << ",car,BE\n";
        return path;
    }

    Store project(const QVector<Read>& reads) {
        Store s = Store::create(m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n)));
        ImportOptions o;
        o.force = true;
        Importer(s).importFile(csv(reads), o);
        return s;
    }

    /** Every read of the store built at once: the definition, no days. */
    static TripSet wholeBuild(Store& s, const TripParameters& p) {
        const CameraIndex cams = CameraIndex::load(s);
        std::vector<StoredRead> stored;
        ReadBlocks(s.database()).forEach([&](const StoredRead& r) { stored.push_back(r); });
        std::int64_t base = INT64_MAX;
        for (const StoredRead& r : stored)
            base = std::min(base, r.t);
        std::vector<TripRead> reads;
        for (const StoredRead& r : stored) {
            TripRead t;
            t.t = static_cast<std::uint32_t>(r.t - base);
            t.vehicle = r.vehicle;
            t.camera = r.camera;
            t.cls = r.cls;
            reads.push_back(t);
        }
        return TripBuilder::build(reads, base, p, FlowEngine(s).throughRule(p, cams), cams.order);
    }

    static QStringList rows(const TripSet& set) {
        QStringList out;
        for (const Trip& t : set.trips) {
            QStringList path;
            for (std::uint32_t i = 0; i < t.reads; ++i)
                path << QStringLiteral("%1@%2")
                            .arg(set.path[t.pathOffset + i])
                            .arg(set.pathTimes[t.pathOffset + i]);
            out << QStringLiteral("v%1 %2-%3 %4>%5 n%6 c%7 k%8 [%9]")
                       .arg(t.vehicle)
                       .arg(t.start)
                       .arg(t.end)
                       .arg(t.origin)
                       .arg(t.destination)
                       .arg(t.reads)
                       .arg(t.cls)
                       .arg(static_cast<int>(t.kind))
                       .arg(path.join(QLatin1Char(' ')));
        }
        out.sort();
        return out;
    }

    static qint64 utc(const char* iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
    }

    /** The three ways agree: in memory per day, stored per day (a rebuild), and all reads at once. */
    static void compareAll(Store& s, const TripParameters& p) {
        FlowEngine e(s);
        const QStringList whole = rows(wholeBuild(s, p));
        QVERIFY(!whole.isEmpty());
        QCOMPARE(rows(e.buildInMemory(p, nullptr)), whole);
        e.rebuild(p);
        QCOMPARE(rows(e.loadTrips()), whole);
    }

private slots:
    /** 23:50 → 00:10 → 00:20 local is one trip that starts the day before; a read 40 s after midnight at the
     * camera of 23:59:50 is a duplicate; three days of reads every 20 minutes are one trip. */
    void tripsAcrossMidnight() {
        // Brussels is UTC+1 in January: local midnight is 23:00 UTC.
        QVector<Read> reads = {
            {utc("2026-01-14T22:50:00Z"), QStringLiteral("A"), pseudonym(1)},
            {utc("2026-01-14T23:10:00Z"), QStringLiteral("B"), pseudonym(1)},
            {utc("2026-01-14T23:20:00Z"), QStringLiteral("C"), pseudonym(1)},
            {utc("2026-01-14T22:59:50Z"), QStringLiteral("A"), pseudonym(2)},
            {utc("2026-01-14T23:00:30Z"), QStringLiteral("A"), pseudonym(2)}, // duplicate across midnight
            {utc("2026-01-14T23:05:00Z"), QStringLiteral("D"), pseudonym(2)},
        };
        for (qint64 t = utc("2026-01-13T08:00:00Z"); t < utc("2026-01-16T08:00:00Z"); t += 1200)
            reads.append({t, (t / 1200) % 2 ? QStringLiteral("E") : QStringLiteral("F"), pseudonym(3)});
        Store s = project(reads);
        const TripParameters p;
        compareAll(s, p);
        const TripSet trips = FlowEngine(s).loadTrips();
        QCOMPARE(trips.trips.size(), std::size_t(3));
        std::int64_t longest = 0;
        for (const Trip& t : trips.trips)
            longest = std::max(longest, t.end - t.start);
        QCOMPARE(longest, utc("2026-01-16T07:40:00Z") - utc("2026-01-13T08:00:00Z"));
        QVERIFY(FlowEngine(s).rebuild(p).duplicates == 1);
    }

    /** Random traffic over the night the clocks go forward (a 23-hour day) and the nights around it. */
    void randomTrafficOverDst() {
        Random rng(7);
        QVector<Read> reads;
        const qint64 start = utc("2026-03-27T12:00:00Z"), end = utc("2026-03-31T12:00:00Z");
        for (int v = 0; v < 400; ++v) {
            qint64 t = start + rng.integer(0, static_cast<int>(end - start));
            const int n = rng.integer(1, 40);
            for (int i = 0; i < n && t < end; ++i) {
                reads.append({t, QStringLiteral("K%1").arg(rng.integer(1, 9)), pseudonym(100 + v)});
                // Mostly inside the gap and the duplicate window, sometimes beyond either.
                t += rng.chance(0.2)   ? rng.integer(1, 60)
                     : rng.chance(0.8) ? rng.integer(60, 1800)
                                       : rng.integer(1801, 20000);
            }
        }
        Store s = project(reads);
        compareAll(s, TripParameters());
        TripParameters other;
        other.gapSeconds = 7200;
        other.dedupeSeconds = 600;
        compareAll(s, other);
    }

    /** An import that adds the next night's reads updates across midnight exactly as a rebuild would. */
    void incrementalAcrossMidnight() {
        QVector<Read> first, second;
        Random rng(11);
        for (int v = 0; v < 200; ++v) {
            qint64 t = utc("2026-01-20T20:00:00Z") + rng.integer(0, 10800);
            for (int i = 0; i < 12; ++i) {
                (t < utc("2026-01-20T23:15:00Z") ? first : second)
                    .append({t, QStringLiteral("M%1").arg(rng.integer(1, 6)), pseudonym(500 + v)});
                t += rng.integer(30, 2400);
            }
        }
        Store s = project(first);
        FlowEngine e(s);
        e.update(TripParameters());
        ImportOptions o;
        o.force = true;
        Importer(s).importFile(csv(second), o);
        e.update(TripParameters());
        const QStringList incremental = rows(e.loadTrips());
        e.rebuild(TripParameters());
        QCOMPARE(incremental, rows(e.loadTrips()));
        QCOMPARE(incremental, rows(wholeBuild(s, TripParameters())));
    }

    /** After the project's time zone changes, the blocks are cut into the new zone's days and the trips stay
     * exact (New York's midnight falls at 06:00 in Brussels). */
    void timeZoneChangeCutsTheBlocksAgain() {
        QVector<Read> reads;
        Random rng(13);
        for (int v = 0; v < 150; ++v) {
            qint64 t = utc("2026-01-20T02:00:00Z") + rng.integer(0, 86400);
            for (int i = 0; i < 10; ++i) {
                reads.append({t, QStringLiteral("N%1").arg(rng.integer(1, 5)), pseudonym(900 + v)});
                t += rng.integer(30, 2400);
            }
        }
        Store s = project(reads);
        FlowEngine(s).update(TripParameters());
        s.setSetting(QStringLiteral("timezone"), QStringLiteral("America/New_York"));
        compareAll(s, TripParameters());
        ReadBlocks blocks(s.database());
        QCOMPARE(blocks.zone(), QStringLiteral("America/New_York"));
        LocalTime ny("America/New_York");
        std::vector<std::int64_t> days;
        blocks.forEach([&](const StoredRead& r) { days.push_back(ReadBlocks::localDay(r.t, ny)); });
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        QCOMPARE(blocks.days(), days);
        QCOMPARE(blocks.totals().reads, static_cast<std::int64_t>(reads.size()));
    }

    /** A purge keeps the trips before its boundary; a later change of time zone neither loses nor doubles
     * them (the trip days are filed again under the new zone's days). */
    void timeZoneChangeAfterAPurgeKeepsTheTrips() {
        QVector<Read> reads;
        Random rng(17);
        for (int v = 0; v < 300; ++v) {
            qint64 t = utc("2026-01-20T00:00:00Z") + rng.integer(0, 3 * 86400);
            for (int i = 0; i < 8; ++i) {
                reads.append({t, QStringLiteral("P%1").arg(rng.integer(1, 6)), pseudonym(2000 + v)});
                t += rng.integer(30, 2400);
            }
        }
        Store s = project(reads);
        FlowEngine e(s);
        e.update(TripParameters());
        Purge::Range r;
        r.kind = Purge::Range::Kind::Before;
        r.beforeUtc = utc("2026-01-21T19:00:00Z"); // 20:00 in Brussels, mid-afternoon in Tokyo
        r.text = QStringLiteral("test");
        Purge::run(s, r, QStringLiteral("test"));
        const std::int64_t boundary =
            s.meta(Store::Sidecar::Cube, QStringLiteral("purged_before")).toLongLong();
        // A rebuild after a purge starts at its boundary (the reads before it are gone): the reference.
        e.rebuild(TripParameters());
        const QStringList before = rows(e.loadTrips(INT64_MIN, boundary));
        QVERIFY(!before.isEmpty());
        const QStringList after = rows(e.loadTrips(boundary));
        for (const char* zone : {"Asia/Tokyo", "America/New_York"}) {
            s.setSetting(QStringLiteral("timezone"), QString::fromLatin1(zone));
            e.update(TripParameters());
            QCOMPARE(rows(e.loadTrips(INT64_MIN, boundary)), before);
            QCOMPARE(rows(e.loadTrips(boundary)), after);
        }
    }

    /** The pipeline's bounds are said, not silently broken. */
    void parametersOutOfRange() {
        Store s = project({{utc("2026-01-14T08:00:00Z"), QStringLiteral("A"), pseudonym(1)}});
        TripParameters p;
        p.gapSeconds = 86400;
        QVERIFY_EXCEPTION_THROWN(FlowEngine(s).rebuild(p), Error);
    }
};

QTEST_GUILESS_MAIN(TestTripStitcher)
#include "testtripstitcher.moc"
