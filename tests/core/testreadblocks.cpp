#include "common/error.h"
#include "common/random.h"
#include "common/sqlite.h"
#include "common/timeparse.h"
#include "flows/cameraindex.h"
#include "flows/flowengine.h"
#include "store/pseudonymdictionary.h"
#include "store/readblocks.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace stroom;

/**
 * The columnar reads and trips (issue 15): the block formats read back exactly what was written, damaged
 * bytes are an error and never a crash, a purge cuts a block at its boundary, L0 stays queryable as SQL,
 * and a project written by Stroom 0.5.0 (rows) migrates and answers as before.
 */
class TestReadBlocks : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    static std::vector<StoredRead> randomReads(Random& rng, int n, int cameras, int countries) {
        std::vector<StoredRead> v;
        const std::int64_t base = 1772406000; // 2026-03-02 local midnight, Brussels
        for (int i = 0; i < n; ++i) {
            StoredRead r;
            r.t = base + rng.integer(0, 86399);
            r.vehicle = static_cast<std::uint32_t>(rng.chance(0.01) ? 0x80000000u + rng.integer(0, 100)
                                                                    : rng.integer(1, n / 4 + 1));
            r.camera = static_cast<std::uint32_t>(rng.integer(1, cameras));
            r.country = static_cast<std::uint16_t>(rng.integer(0, countries - 1));
            r.cls = static_cast<std::uint8_t>(rng.integer(0, 5));
            v.push_back(r);
        }
        return v;
    }
    static bool same(const StoredRead& a, const StoredRead& b) {
        return std::tie(a.t, a.vehicle, a.camera, a.country, a.cls) ==
               std::tie(b.t, b.vehicle, b.camera, b.country, b.cls);
    }
    static void sortReads(std::vector<StoredRead>& v) {
        std::sort(v.begin(), v.end(), [](const StoredRead& a, const StoredRead& b) {
            return std::tie(a.vehicle, a.t, a.camera, a.country, a.cls) <
                   std::tie(b.vehicle, b.t, b.camera, b.country, b.cls);
        });
    }

private slots:
    /** Few and many cameras and countries (one byte or more per index), large vehicle and camera numbers, no
     * reads; more reads than decode() hands on at once. */
    void readsRoundTrip_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("cameras");
        QTest::addColumn<int>("countries");
        QTest::newRow("small") << 50 << 3 << 1;
        QTest::newRow("city") << 20000 << 120 << 12;
        QTest::newRow("many cameras and countries") << 20000 << 700 << 400;
        QTest::newRow("sparse camera numbers") << 500 << 50000000 << 3; // a hash map, not a table
        QTest::newRow("none") << 0 << 1 << 1;
    }
    void readsRoundTrip() {
        QFETCH(int, n);
        QFETCH(int, cameras);
        QFETCH(int, countries);
        Random rng(static_cast<std::uint64_t>(n + cameras));
        std::vector<StoredRead> in = randomReads(rng, n, cameras, countries);
        std::vector<StoredRead> expected = in;
        const QByteArray block = ReadBlocks::encode(in);
        std::vector<StoredRead> out;
        ReadBlocks::decode(block, out);
        QCOMPARE(out.size(), expected.size());
        sortReads(expected);
        sortReads(out);
        for (std::size_t i = 0; i < out.size(); ++i)
            QVERIFY2(same(out[i], expected[i]), qPrintable(QStringLiteral("read %1").arg(i)));
        // The vehicle column alone: each vehicle once, ascending, with its reads.
        std::vector<std::pair<std::uint32_t, std::uint32_t>> counts, byHand;
        ReadBlocks::vehicleCounts(block, counts);
        for (const StoredRead& r : out)
            if (byHand.empty() || byHand.back().first != r.vehicle)
                byHand.emplace_back(r.vehicle, 1);
            else
                ++byHand.back().second;
        QCOMPARE(counts, byHand);
        if (n >= 20000) // even random reads (real ones take about 2.2 bytes: `stroom-cli bench import`)
            QVERIFY2(block.size() < 8 * n, qPrintable(QStringLiteral("%1 bytes").arg(block.size())));
    }

    /** Every cut and flipped byte is Error::store (or, rarely, other reads), never a crash. */
    void damagedBlocksAreAnError() {
        Random rng(3);
        std::vector<StoredRead> in = randomReads(rng, 2000, 40, 3);
        const QByteArray block = ReadBlocks::encode(in);
        int errors = 0;
        for (int cut = 0; cut < block.size(); cut += 7) {
            std::vector<StoredRead> out;
            try {
                ReadBlocks::decode(block.left(cut), out);
            } catch (const Error&) {
                ++errors;
            }
        }
        QCOMPARE(errors, (block.size() + 6) / 7);
        for (int cut = 0; cut < block.size(); cut += 7) {
            std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
            QVERIFY_EXCEPTION_THROWN(ReadBlocks::vehicleCounts(block.left(cut), counts), Error);
        }
        for (int i = 0; i < 200; ++i) {
            QByteArray bad = block;
            bad[rng.integer(0, bad.size() - 1)] = static_cast<char>(rng.integer(0, 255));
            std::vector<StoredRead> out;
            std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
            try {
                ReadBlocks::decode(bad, out);
            } catch (const Error&) {
            }
            try {
                ReadBlocks::vehicleCounts(bad, counts);
            } catch (const Error&) {
            }
        }
        TripSet set;
        Trip t;
        t.start = 1772406000;
        t.reads = 2;
        set.path = {4, 5};
        set.pathTimes = {0, 300};
        set.trips.push_back(t);
        const QByteArray trips = TripDays::encode(set, {0});
        for (int cut = 0; cut < trips.size(); ++cut) {
            TripSet out;
            QVERIFY_EXCEPTION_THROWN(TripDays::decode(trips.left(cut), out), Error);
        }
    }

    /** Trips with their paths read back as written: origin, destination and end come from the path. */
    void tripsRoundTrip() {
        Random rng(5);
        TripSet set;
        for (int i = 0; i < 3000; ++i) {
            Trip t;
            t.start = 1772406000 + rng.integer(0, 86399);
            t.reads = static_cast<std::uint32_t>(rng.integer(1, 9));
            t.cls = static_cast<std::uint8_t>(rng.integer(0, 5));
            t.kind = static_cast<TripKind>(rng.integer(0, 3));
            t.vehicle = static_cast<std::uint32_t>(rng.integer(1, 100000));
            t.pathOffset = static_cast<std::uint32_t>(set.path.size());
            std::uint32_t s = 0;
            for (std::uint32_t k = 0; k < t.reads; ++k) {
                set.path.push_back(static_cast<std::uint32_t>(rng.integer(1, 300)));
                set.pathTimes.push_back(s);
                s += static_cast<std::uint32_t>(rng.integer(1, 1800));
            }
            t.origin = set.path[t.pathOffset];
            t.destination = set.path.back();
            t.end = t.start + set.pathTimes.back();
            set.trips.push_back(t);
        }
        const TripDays::Encoded e = TripDays::prepare(set);
        TripSet out;
        TripDays::decode(e.data, out);
        QCOMPARE(out.trips.size(), set.trips.size());
        auto key = [](const TripSet& s, const Trip& t) {
            std::vector<std::uint32_t> p(s.path.begin() + t.pathOffset,
                                         s.path.begin() + t.pathOffset + t.reads);
            std::vector<std::uint32_t> q(s.pathTimes.begin() + t.pathOffset,
                                         s.pathTimes.begin() + t.pathOffset + t.reads);
            return std::make_tuple(t.start, t.vehicle, t.end, t.origin, t.destination, t.reads, t.cls,
                                   static_cast<int>(t.kind), p, q);
        };
        std::vector<decltype(key(set, set.trips[0]))> a, b;
        for (const Trip& t : set.trips)
            a.push_back(key(set, t));
        for (const Trip& t : out.trips)
            b.push_back(key(out, t));
        std::sort(a.begin(), a.end());
        QVERIFY(std::is_sorted(b.begin(), b.end())); // stored sorted by start and vehicle
        QVERIFY(a == b);
    }

    /** A purge before a moment inside a block keeps the rest of that block; the SQL view agrees. */
    void purgeCutsABlock() {
        Store s = Store::create(m_dir.filePath(QStringLiteral("purge.gpkg")));
        Random rng(9);
        std::vector<StoredRead> day = randomReads(rng, 5000, 30, 2);
        {
            sql::Transaction tx(s.database());
            ReadBlocks(s.database()).insert(20514, 1, 1, day);
            tx.commit();
        }
        ReadBlocks blocks(s.database());
        QCOMPARE(blocks.totals().reads, 5000);
        const std::int64_t cut = 1772406000 + 43200;
        const auto before =
            std::count_if(day.begin(), day.end(), [&](const StoredRead& r) { return r.t < cut; });
        const ReadBlocks::Removed would = blocks.removeBefore(cut, true);
        QCOMPARE(would.reads, static_cast<std::int64_t>(before));
        QCOMPARE(blocks.totals().reads, 5000); // a dry run removes nothing
        {
            sql::Transaction tx(s.database());
            QCOMPARE(blocks.removeBefore(cut).reads, static_cast<std::int64_t>(before));
            tx.commit();
        }
        QCOMPARE(blocks.totals().reads, 5000 - before);
        QVERIFY(blocks.totals().tMin >= cut);
        auto st = s.database().prepare("SELECT count(*), min(t) FROM stroom_reads('l0')");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 5000 - before);
        QVERIFY(st.int64(1) >= cut);
        QCOMPARE(blocks.days(), std::vector<std::int64_t>{20514});
    }

    /** A project of Stroom 0.5.0 (reads and trips as rows) opens, converts and answers exactly as before. */
    void migratesAProjectOf050() {
        const QString from = QStringLiteral(STROOM_TEST_DATA_DIR "/store-0.5.0");
        const QString dir = m_dir.filePath(QStringLiteral("old"));
        QDir().mkpath(dir);
        for (const char* f : {"old.gpkg", "old.gpkg.reads", "old.gpkg.cube"})
            QVERIFY(QFile::copy(from + QLatin1Char('/') + QLatin1String(f),
                                dir + QLatin1Char('/') + QLatin1String(f)));
        const QString project = dir + QStringLiteral("/old.gpkg");
        // What the old file holds, read with plain SQL before Stroom touches it.
        qint64 reads = 0, tSum = 0, trips = 0, tripStarts = 0;
        std::map<std::uint32_t, QByteArray> pseudonyms;
        {
            sql::Database old;
            old.open(project + QStringLiteral(".reads"), sql::Database::Mode::ReadOnly);
            auto ps = old.prepare("SELECT id, key FROM pseudonyms");
            while (ps.step())
                pseudonyms[static_cast<std::uint32_t>(ps.int64(0))] = ps.blob(1);
            auto st = old.prepare("SELECT count(*), sum(t) FROM reads");
            QVERIFY(st.step());
            reads = st.int64(0);
            tSum = st.int64(1);
            auto tr = old.prepare("SELECT count(*), sum(start) FROM trips");
            QVERIFY(tr.step());
            trips = tr.int64(0);
            tripStarts = tr.int64(1);
        }
        QVERIFY(reads > 3000);
        QVERIFY(pseudonyms.size() > 100);
        Store s = Store::open(project);
        // The dictionary's rows are now buckets (reads step 10): every pseudonym with its number, and the
        // next number after the highest.
        std::map<std::uint32_t, QByteArray> converted;
        PseudonymDictionary dictionary(s.database());
        dictionary.forEach([&](const PseudonymDictionary::Entry& e) {
            converted[e.id] = QByteArray(reinterpret_cast<const char*>(e.key), e.len);
        });
        QVERIFY(converted == pseudonyms);
        for (const auto& [id, key] : pseudonyms)
            QCOMPARE(dictionary.find(reinterpret_cast<const unsigned char*>(key.constData()),
                                     static_cast<std::size_t>(key.size())),
                     static_cast<std::int64_t>(id));
        QCOMPARE(s.meta(Store::Sidecar::Reads, QStringLiteral("next_vehicle")).toLongLong(),
                 static_cast<qint64>(pseudonyms.rbegin()->first) + 1);
        {
            auto table =
                s.database().prepare("SELECT count(*) FROM l0.sqlite_master WHERE name = 'pseudonyms'");
            QVERIFY(table.step());
            QCOMPARE(table.int64(0), std::int64_t(0));
        }
        ReadBlocks blocks(s.database());
        QCOMPARE(blocks.totals().reads, reads);
        qint64 sum = 0;
        blocks.forEach([&](const StoredRead& r) { sum += r.t; });
        QCOMPARE(sum, tSum);
        // The vehicles seen on more than one local day: made by the migration.
        std::map<std::uint32_t, std::set<std::int64_t>> daysOf;
        LocalTime zone(blocks.zone().toUtf8());
        blocks.forEach(
            [&](const StoredRead& r) { daysOf[r.vehicle].insert(ReadBlocks::localDay(r.t, zone)); });
        std::vector<std::uint32_t> linked;
        for (const auto& [vehicle, days] : daysOf)
            if (days.size() > 1)
                linked.push_back(vehicle);
        QVERIFY(!linked.empty());
        QVERIFY(blocks.linked().has_value());
        QCOMPARE(*blocks.linked(), linked);
        FlowEngine e(s);
        const TripSet convertedTrips = e.loadTrips();
        QCOMPARE(static_cast<qint64>(convertedTrips.trips.size()), trips);
        qint64 starts = 0;
        for (const Trip& t : convertedTrips.trips)
            starts += t.start;
        QCOMPARE(starts, tripStarts);
        QVERIFY(!e.isStale(e.storedParameters())); // converted, nothing to rebuild
        // The flows that version wrote, from the converted project and after a rebuild by this one.
        QFile f(from + QStringLiteral("/flows.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList expected =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
        expected.sort();
        const auto flows = [&] {
            const CameraIndex cams = e.cameras();
            const OdMatrix m = e.loadCube().od(FlowFilter()).publish(DisclosurePolicy(1, true));
            QStringList rows;
            for (const OdFlow& fl : m.flows)
                rows << QStringLiteral("%1,%2,%3")
                            .arg(cams.id[fl.origin], cams.id[fl.destination])
                            .arg(fl.trips);
            rows.sort();
            return rows;
        };
        QCOMPARE(flows(), expected);
        e.rebuild(e.storedParameters());
        QCOMPARE(flows(), expected);
        QCOMPARE(static_cast<qint64>(e.loadTrips().trips.size()), trips);
        // An import after the migration numbers its rows after every row ever given.
        auto next = s.database().prepare("SELECT value FROM l0.meta WHERE key = 'next_row'");
        QVERIFY(next.step());
        QCOMPARE(next.text(0).toLongLong(), reads + 1);
    }
};

QTEST_GUILESS_MAIN(TestReadBlocks)
#include "testreadblocks.moc"
