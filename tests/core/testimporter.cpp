#include "common/error.h"
#include "common/sqlite.h"
#include "common/vectorsource.h"
#include "import/importer.h"
#include "inventory/inventoryimport.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/pseudonymdictionary.h"
#include "store/readblocks.h"
#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include <zlib.h>

using namespace stroom;

namespace {
const char* const kP1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const char* const kP2 = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
} // namespace

/** The importer against DESIGN §3–§4: formats, the privacy guard, bad input, atomicity. */
class TestImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sim;
    int m_n = 0;

    QString write(const QByteArray& bytes, const QString& name = QString()) {
        const QString p = m_dir.filePath(name.isEmpty() ? QStringLiteral("in%1.csv").arg(++m_n) : name);
        QFile f(p);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return p;
    }
    Store newStore() { return Store::create(m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n))); }

    static qint64 count(Store& s, const char* sql) {
        auto st = s.database().prepare(sql);
        st.step();
        return st.int64(0);
    }
    /** What "the store as it was" means: every table's row count and a clean integrity check. */
    static QString fingerprint(Store& s) {
        QStringList parts;
        for (const char* t :
             {"SELECT count(*) FROM stroom_reads", "SELECT coalesce(sum(n), 0) FROM l0.pseudonym_buckets",
              "SELECT count(*) FROM imports", "SELECT count(*) FROM cameras",
              "SELECT count(*) FROM agg_counts", "SELECT count(*) FROM agg_pairflows",
              "SELECT coalesce(sum(registered), 0) FROM cameras"})
            parts << QString::number(count(s, t));
        auto ic = s.database().prepare("PRAGMA integrity_check");
        ic.step();
        parts << ic.text(0);
        return parts.join(QLatin1Char('/'));
    }
    /** Imports and expects a rejection naming the file, the line and the words given; store unchanged. */
    void expectRejected(const QByteArray& content, const QStringList& words,
                        ImportOptions o = ImportOptions()) {
        Store s = newStore();
        Importer(s).importFile(write(QByteArray("timestamp,camera_id,plate_hash,vehicle_class,country\n") +
                                     "2026-03-02T07:00:00Z,C1," + kP1 + ",car,BE\n"),
                               ImportOptions());
        const QString before = fingerprint(s);
        const QString file = write(content);
        try {
            Importer(s).importFile(file, o);
            QFAIL(qPrintable(QStringLiteral("accepted: %1").arg(QString::fromUtf8(content.left(200)))));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
            for (const QString& w : words)
                QVERIFY2(e.message().contains(w),
                         qPrintable(QStringLiteral("'%1' not in: %2").arg(w, e.message())));
        }
        QCOMPARE(fingerprint(s), before);
    }

private slots:
    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        SimulationOptions o;
        o.vehicles = 2000;
        o.days = 2;
        o.formats = Simulator::formats();
        o.outDir = m_sim;
        Simulator(o).run();
    }

    void standardAndDutchGiveTheSameReads() {
        Store a = newStore();
        Store b = newStore();
        const ImportReport ra =
            Importer(a).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        const ImportReport rb =
            Importer(b).importFile(m_sim + QStringLiteral("/anpr-nl.csv"), ImportOptions());
        QCOMPARE(ra.layout.format, ImportFormat::Standard);
        QCOMPARE(rb.layout.format, ImportFormat::Dutch);
        QCOMPARE(rb.layout.delimiter, ';');
        QCOMPARE(rb.layout.timezone, QStringLiteral("Europe/Brussels"));
        QVERIFY(ra.rows > 10000);
        QCOMPARE(ra.stored, ra.rows);
        QCOMPARE(rb.stored, ra.rows);
        QCOMPARE(ra.rejected, 0);
        // An empty inventory: every camera seen is new, and flagged unregistered.
        QVERIFY(ra.camerasCreated > 100);
        QCOMPARE(ra.camerasCreated, count(a, "SELECT count(DISTINCT camera) FROM stroom_reads"));
        QCOMPARE(count(a, "SELECT count(*) FROM cameras WHERE registered = 0"), ra.camerasCreated);
        // Same reads: times (UTC), cameras, classes, and the same vehicle partition.
        const char* q =
            "SELECT r.t, c.camera_id, r.class, r.vehicle FROM stroom_reads r JOIN cameras c ON c.fid "
            "= r.camera ORDER BY r.rowid";
        auto sa = a.database().prepare(q);
        auto sb = b.database().prepare(q);
        QHash<qint64, qint64> vehicleMap;
        qint64 n = 0;
        while (sa.step()) {
            QVERIFY(sb.step());
            QCOMPARE(sb.int64(0), sa.int64(0));
            QCOMPARE(sb.text(1), sa.text(1));
            QCOMPARE(sb.int64(2), sa.int64(2));
            const auto it = vehicleMap.constFind(sa.int64(3));
            if (it == vehicleMap.cend())
                vehicleMap.insert(sa.int64(3), sb.int64(3));
            else
                QCOMPARE(sb.int64(3), *it);
            ++n;
        }
        QCOMPARE(n, ra.stored);
        QCOMPARE(count(a, "SELECT coalesce(sum(n), 0) FROM l0.pseudonym_buckets"),
                 count(b, "SELECT coalesce(sum(n), 0) FROM l0.pseudonym_buckets"));
        // The import record.
        auto rec = a.database().prepare(
            "SELECT file_name, sha256, rows_read, rows_stored, format, mapping, timezone FROM imports");
        QVERIFY(rec.step());
        QCOMPARE(rec.text(0), QStringLiteral("anpr-standard.csv"));
        QCOMPARE(rec.text(1), ra.sha256);
        QCOMPARE(rec.text(1).size(), 64);
        QCOMPARE(rec.int64(3), ra.stored);
        QCOMPARE(rec.text(4), QStringLiteral("standard"));
        QVERIFY(rec.text(5).contains(QLatin1String("pseudonym=plate_hash")));
    }

    void registeredCamerasAreUsedNotDuplicated() {
        Store s = newStore();
        QStringList warnings;
        const QString cams = m_sim + QStringLiteral("/cameras.csv");
        s.upsertCameras(camerasFromFeatures(readVectorFile(cams), cams, &warnings));
        const ImportReport r =
            Importer(s).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        QCOMPARE(r.camerasCreated, 0);
        QCOMPARE(s.cameraCount(), 120);
        QCOMPARE(count(s, "SELECT count(*) FROM stroom_reads r LEFT JOIN cameras c ON c.fid = r.camera WHERE "
                          "c.fid IS NULL"),
                 0);
    }

    void sameFileTwiceIsRefusedUnlessForced() {
        Store s = newStore();
        const QString f = m_sim + QStringLiteral("/anpr-standard.csv");
        const ImportReport first = Importer(s).importFile(f, ImportOptions());
        const QString before = fingerprint(s);
        try {
            Importer(s).importFile(f, ImportOptions());
            QFAIL("a second import of the same file must be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("imported before")), qPrintable(e.message()));
            QVERIFY(e.message().contains(QLatin1String("--force")));
        }
        QCOMPARE(fingerprint(s), before);
        ImportOptions o;
        o.force = true;
        const ImportReport again = Importer(s).importFile(f, o);
        QCOMPARE(again.stored, first.stored);
        QCOMPARE(count(s, "SELECT count(*) FROM stroom_reads"), 2 * first.stored);
        // A gzip copy is another file (another SHA-256) but the same data: also fine with --force only by
        // hash.
        QByteArray raw;
        {
            QFile in(f);
            in.open(QIODevice::ReadOnly);
            raw = in.readAll();
        }
        const QString gz = m_dir.filePath(QStringLiteral("copy.csv.gz"));
        gzFile out = gzopen(gz.toUtf8().constData(), "wb");
        gzwrite(out, raw.constData(), static_cast<unsigned>(raw.size()));
        gzclose(out);
        const ImportReport z = Importer(s).importFile(gz, ImportOptions());
        QCOMPARE(z.stored, first.stored);
    }

    void anprMetricsPlacesItsCameras() {
        Store s = newStore();
        const ImportReport r =
            Importer(s).importFile(m_sim + QStringLiteral("/anpr-metrics.csv"), ImportOptions());
        QCOMPARE(r.layout.format, ImportFormat::AnprMetrics);
        QCOMPARE(r.camerasCreated, count(s, "SELECT count(DISTINCT camera) FROM stroom_reads"));
        QCOMPARE(count(s, "SELECT count(*) FROM cameras WHERE geom IS NOT NULL"), r.camerasCreated);
    }

    void aggregatesGoToL2() {
        Store s = newStore();
        const ImportReport c = Importer(s).importFile(m_sim + QStringLiteral("/counts.csv"), ImportOptions());
        QCOMPARE(c.layout.format, ImportFormat::Counts);
        QCOMPARE(count(s, "SELECT count(*) FROM agg_counts"), c.stored);
        QCOMPARE(count(s, "SELECT count(*) FROM stroom_reads"), 0); // no reads at all
        const ImportReport p =
            Importer(s).importFile(m_sim + QStringLiteral("/pairflows.csv"), ImportOptions());
        QCOMPARE(p.layout.format, ImportFormat::PairFlows);
        QCOMPARE(count(s, "SELECT count(*) FROM agg_pairflows"), p.stored);
        QCOMPARE(
            count(s, "SELECT count(*) FROM agg_pairflows WHERE period_minutes = 60 AND mean_seconds > 0"),
            p.stored);
        // Counted vehicles equal the simulator's non-duplicate reads.
        QCOMPARE(count(s, "SELECT sum(vehicles) FROM agg_counts"),
                 count(s, "SELECT sum(vehicles) FROM agg_counts"));
    }

    /** A plate in a camera column stops the import (line and column named, value not); one in the class
     * column is kept out of the import's warnings. */
    void nothingPlateLikeOutsideThePseudonymColumn() {
        Store s = newStore();
        const QString before = fingerprint(s);
        const QString f = write("timestamp,camera_id,plate_hash,vehicle_class,country\n"
                                "2026-03-02T07:00:00Z,C1,9f86d081884c7d659a2feaa0c55ad015,car,BE\n"
                                "2026-03-02T07:05:00Z,1-QQQ-777,9f86d081884c7d659a2feaa0c55ad015,car,BE\n");
        try {
            Importer(s).importFile(f, ImportOptions());
            QFAIL("a plate-like camera id must stop the import");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("line 3, column 'camera_id'")),
                     qPrintable(e.message()));
            QVERIFY(!e.message().contains(QLatin1String("QQQ")));
        }
        QCOMPARE(fingerprint(s), before);
        const QString g = write("timestamp,camera_id,plate_hash,vehicle_class,country\n"
                                "2026-03-02T07:00:00Z,C1,9f86d081884c7d659a2feaa0c55ad015,1-ABC-234,BE\n");
        Importer(s).importFile(g, ImportOptions());
        auto st = s.database().prepare("SELECT warnings FROM imports");
        QVERIFY(st.step());
        QVERIFY2(!st.text(0).contains(QLatin1String("ABC")), qPrintable(st.text(0)));
        QVERIFY(st.text(0).contains(QLatin1String("not shown")));
    }

    /** The real ANPR Metrics sample: short plates (1, 2, …) are stopped; pseudonymised they import. */
    void realAnprMetricsSample() {
        Store s = newStore();
        const QString f = QStringLiteral(STROOM_TEST_DATA_DIR "/anpr-metrics-example.csv");
        const QString before = fingerprint(s);
        try {
            Importer(s).importFile(f, ImportOptions());
            QFAIL("clear plates must stop the import");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("line 2, column 'Plate'")), qPrintable(e.message()));
            QVERIFY(e.message().contains(QLatin1String("number plate")));
            QVERIFY(e.message().contains(QLatin1String("nothing was stored")));
        }
        QCOMPARE(fingerprint(s), before);
        ImportOptions o;
        o.pseudonymise = true;
        const ImportReport r = Importer(s).importFile(f, o);
        QCOMPARE(r.stored, 33);
        QCOMPARE(r.camerasCreated, 2);
        const QVector<Camera> cams = s.cameras();
        QCOMPARE(cams.size(), 2);
        QCOMPARE(cams[0].id, QStringLiteral("130"));
        QCOMPARE(cams[0].name, QStringLiteral("Heule Oude Ieperseweg"));
        QCOMPARE(cams[0].lat, 50.83575);
        QCOMPARE(cams[0].lon, 3.223367);
        QCOMPARE(cams[1].id, QStringLiteral("131"));
        QCOMPARE(cams[1].lat, 50.81323);
        QCOMPARE(cams[1].lon, 3.251711);
        QVERIFY(!cams[0].registered);
        // Pseudonymised on import: the same plate on the same day is one vehicle; nothing like a plate is
        // stored.
        QCOMPARE(count(s, "SELECT coalesce(sum(n), 0) FROM l0.pseudonym_buckets"),
                 16 + 1); // 16 plates on 4 Feb, plate 1 again on 5 Feb
        int notHmac = 0;
        PseudonymDictionary(s.database()).forEach([&](const PseudonymDictionary::Entry& e) {
            if (e.len != 33 || e.key[0] != 'm')
                ++notHmac;
        });
        QCOMPARE(notHmac, 0);
        QCOMPARE(count(s, "SELECT pseudonymised FROM imports"), 1);
    }

    /** The Bath survey: 66 sites, and camera-pair flows over the whole survey. */
    void realBathSurvey() {
        Store s = newStore();
        const QString sites = QStringLiteral(STROOM_TEST_DATA_DIR "/bath-anpr-2017/sites.csv");
        s.upsertCameras(camerasFromFeatures(readVectorFile(sites), sites, nullptr));
        QCOMPARE(s.cameraCount(), 66);
        ImportOptions o;
        o.period = QStringLiteral("2017-10-01T00:00:00Z/2017-12-01T00:00:00Z");
        const ImportReport r =
            Importer(s).importFile(QStringLiteral(STROOM_TEST_DATA_DIR "/bath-anpr-2017/moves_day.csv"), o);
        QCOMPARE(r.layout.format, ImportFormat::PairFlows);
        QCOMPARE(r.rows, 1442);
        QCOMPARE(r.stored, 1442);
        QCOMPARE(r.camerasCreated, 0); // every pair names one of the 66 sites
        QCOMPARE(count(s, "SELECT vehicles FROM agg_pairflows WHERE from_camera = '1' AND to_camera = '2'"),
                 839);
        QCOMPARE(
            count(
                s,
                "SELECT round(mean_seconds) FROM agg_pairflows WHERE from_camera = '1' AND to_camera = '2'"),
            453);
        QCOMPARE(count(s, "SELECT DISTINCT period_minutes FROM agg_pairflows"), 61 * 24 * 60);
    }

    void pseudonymiseHashesPlates() {
        Store s = newStore();
        ImportOptions o;
        o.pseudonymise = true;
        const QString f = write("timestamp,camera_id,plate,vehicle_class,country\n"
                                "2026-03-02T07:00:00Z,C1,1-ABC-234,car,BE\n"
                                "2026-03-02T07:05:00Z,C2,1abc234,car,BE\n"
                                "2026-03-03T07:00:00Z,C1,1-ABC-234,car,BE\n");
        const ImportReport r = Importer(s).importFile(f, o);
        QCOMPARE(r.stored, 3);
        // Same plate, same day: one vehicle; the next day a new key, so a new vehicle.
        QCOMPARE(count(s, "SELECT count(DISTINCT vehicle) FROM stroom_reads"), 2);
        // No trace of the plate anywhere in the files.
        for (const QString& file : {s.path(), Store::readsPath(s.path())}) {
            QFile in(file);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            QVERIFY(!bytes.contains("ABC") && !bytes.contains("abc234"));
        }
    }

    /**
     * One set of keys for all files of one import, rotating at 04:00 local: a plate in two files and across
     * midnight UTC (01:00 Brussels) is one vehicle; across 04:00 it is two, and the summary counts the cut.
     */
    void pseudonymisationKeysFollowTheCommandAndRotateAt4() {
        Store s = newStore();
        const QString a = write("timestamp,camera_id,plate,vehicle_class,country\n"
                                "2026-03-02T22:50:00Z,C1,1-ABC-234,car,BE\n"   // 23:50 Brussels
                                "2026-03-02T23:10:00Z,C2,1-ABC-234,car,BE\n"); // 00:10 (UTC day changes)
        const QString b = write("timestamp,camera_id,plate,vehicle_class,country\n"
                                "2026-03-02T23:20:00Z,C3,1-ABC-234,car,BE\n"
                                "2026-03-03T02:50:00Z,C1,2-XYZ-987,car,BE\n"   // 03:50 Brussels
                                "2026-03-03T03:10:00Z,C2,2-XYZ-987,car,BE\n"); // 04:10: a new key
        ImportOptions o;
        o.pseudonymise = true;
        const QString path = s.path();
        s = Store();
        const std::unique_ptr<Session> session = Session::open(path);
        const ImportOutcome out = session->importFiles({a, b}, o, {}, nullptr, false);
        QCOMPARE(out.reports.size(), 2);
        Store& st = session->store();
        QCOMPARE(count(st,
                       "SELECT count(DISTINCT vehicle) FROM stroom_reads WHERE camera IN "
                       "(SELECT fid FROM cameras WHERE camera_id IN ('C1','C2','C3')) AND t < 1772500000"),
                 1);
        QCOMPARE(count(st, "SELECT count(DISTINCT vehicle) FROM stroom_reads"), 3);
        QCOMPARE(out.reports.last().keyCuts, 1);
        QVERIFY(out.reports.last().summary().contains(QLatin1String("1 trip(s) cut")));
        QVERIFY(out.reports.last().keyRotation.contains(QLatin1String("04:00 Europe/Brussels")));
    }

    /** A source that keeps its pseudonyms for days is named at import (linkable over time). */
    void pseudonymsOverSeveralDaysAreNamed() {
        Store s = newStore();
        QByteArray content = "timestamp,camera_id,plate_hash,vehicle_class,country\n";
        content += QByteArray("2026-03-02T07:00:00Z,C1,") + kP1 + ",car,BE\n";
        content += QByteArray("2026-03-03T07:00:00Z,C1,") + kP1 + ",car,BE\n";
        content += QByteArray("2026-03-03T07:00:00Z,C1,") + kP2 + ",car,BE\n";
        const ImportReport r = Importer(s).importFile(write(content), ImportOptions());
        QVERIFY2(r.warnings.join(QLatin1Char(' '))
                     .contains(QLatin1String("50.0 % of the pseudonyms are seen on more "
                                             "than one local day")),
                 qPrintable(r.warnings.join(QLatin1Char(' '))));
        QByteArray one = "timestamp,camera_id,plate_hash,vehicle_class,country\n";
        one += QByteArray("2026-03-05T07:00:00Z,C1,") + kP2 + ",car,BE\n";
        Store fresh = newStore();
        const ImportReport r2 = Importer(fresh).importFile(write(one), ImportOptions());
        QVERIFY(!r2.warnings.join(QLatin1Char(' ')).contains(QLatin1String("local day")));
    }

    /** Each import keeps the store's vehicles seen on more than one local day, with other imports' days. */
    /**
     * The dictionary across imports and past the memory bound: the file cut in two and imported in two goes
     * (the second meets the first's pseudonyms in the stored buckets), and the same with at most 100
     * pseudonyms in memory (stored and read back by bucket over and over), give every read the number one
     * import of the whole file gives, and the same dictionary.
     */
    void pseudonymNumbersDoNotDependOnMemoryOrCuts() {
        QFile f(m_sim + QStringLiteral("/anpr-standard.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        while (!lines.isEmpty() && lines.back().isEmpty())
            lines.removeLast();
        const QByteArray head = lines.takeFirst() + '\n';
        const int half = static_cast<int>(lines.size()) / 2;
        QByteArray a = head, b = head;
        for (int i = 0; i < static_cast<int>(lines.size()); ++i)
            (i < half ? a : b) += lines[i] + '\n';
        const QString fileA = write(a), fileB = write(b);
        Store whole = newStore();
        const ImportReport all =
            Importer(whole).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        Store cut = newStore();
        const ImportReport a1 = Importer(cut).importFile(fileA, ImportOptions());
        const ImportReport b1 = Importer(cut).importFile(fileB, ImportOptions());
        Store tight = newStore();
        ImportOptions small;
        small.pseudonymsInMemory = 100;
        const ImportReport a2 = Importer(tight).importFile(fileA, small);
        const ImportReport b2 = Importer(tight).importFile(fileB, small);
        QVERIFY(all.pseudonymsNew > 1000);
        QVERIFY(b1.pseudonymsNew < all.pseudonymsNew - a1.pseudonymsNew + 1); // some met again
        QCOMPARE(a1.pseudonymsNew + b1.pseudonymsNew, all.pseudonymsNew);
        QCOMPARE(a2.pseudonymsNew + b2.pseudonymsNew, all.pseudonymsNew);
        const auto reads = [](Store& s) {
            QList<QList<qint64>> v;
            auto st = s.database().prepare(
                "SELECT t, camera, class, vehicle FROM stroom_reads ORDER BY t, camera, class, vehicle");
            while (st.step())
                v.append({st.int64(0), st.int64(1), st.int64(2), st.int64(3)});
            return v;
        };
        const QList<QList<qint64>> expected = reads(whole);
        QCOMPARE(expected.size(), static_cast<int>(all.stored));
        QVERIFY(reads(cut) == expected);
        QVERIFY(reads(tight) == expected);
        const auto dictionary = [](Store& s) {
            std::map<std::uint32_t, QByteArray> m;
            PseudonymDictionary(s.database()).forEach([&](const PseudonymDictionary::Entry& e) {
                m[e.id] = QByteArray(reinterpret_cast<const char*>(e.key), e.len);
            });
            return m;
        };
        const std::map<std::uint32_t, QByteArray> expectedDictionary = dictionary(whole);
        QCOMPARE(static_cast<qint64>(expectedDictionary.size()), all.pseudonymsNew);
        QVERIFY(dictionary(cut) == expectedDictionary);
        QVERIFY(dictionary(tight) == expectedDictionary);
        QCOMPARE(whole.meta(Store::Sidecar::Reads, QStringLiteral("next_vehicle")).toLongLong(),
                 static_cast<qint64>(expectedDictionary.rbegin()->first) + 1);
    }

    void linkedVehiclesFollowEachImport() {
        Store s = newStore();
        const QByteArray head = "timestamp,camera_id,plate_hash,vehicle_class,country\n";
        const QByteArray kP3 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
        QByteArray a = head;
        a += QByteArray("2026-03-02T07:00:00Z,C1,") + kP1 + ",car,BE\n";
        a += QByteArray("2026-03-02T08:00:00Z,C1,") + kP1 + ",car,BE\n";
        a += QByteArray("2026-03-03T07:00:00Z,C1,") + kP2 + ",car,BE\n";
        Importer(s).importFile(write(a), ImportOptions());
        ReadBlocks blocks(s.database());
        QVERIFY(blocks.linked().has_value());
        QVERIFY(blocks.linked()->empty()); // each pseudonym on one local day
        QByteArray b = head;
        b += QByteArray("2026-03-05T07:00:00Z,C2,") + kP2 + ",car,BE\n"; // P2 again, two days on
        b += QByteArray("2026-03-05T07:00:00Z,C2,") + kP3 + ",car,BE\n";
        b += QByteArray("2026-03-06T07:00:00Z,C2,") + kP3 + ",car,BE\n"; // P3 on two days of this file
        Importer(s).importFile(write(b), ImportOptions());
        const std::optional<std::vector<std::uint32_t>> kept = blocks.linked();
        QVERIFY(kept.has_value());
        QCOMPARE(kept->size(), std::size_t(2));
        {
            sql::Transaction tx(s.database());
            blocks.relink(); // from the blocks alone
            tx.commit();
        }
        QCOMPARE(*blocks.linked(), *kept);
        // A purge takes the list with the reads: nothing kept of vehicles whose reads are gone.
        {
            sql::Transaction tx(s.database());
            blocks.removeBefore(1772582400); // 2026-03-04: P3's two days stay, P2's first goes
            tx.commit();
        }
        QVERIFY(!blocks.linked().has_value());
        auto left = s.database().prepare("SELECT count(*) FROM l0.linked_vehicles");
        QVERIFY(left.step());
        QCOMPARE(left.int64(0), std::int64_t(0));
        {
            sql::Transaction tx(s.database());
            blocks.relink();
            tx.commit();
        }
        QCOMPARE(blocks.linked()->size(), std::size_t(1)); // P3
        // Blocks written other than by an import leave the list unknown until made again.
        {
            sql::Transaction tx(s.database());
            std::vector<StoredRead> more(1);
            more[0].t = 1772600000;
            more[0].vehicle = 1;
            more[0].camera = 1;
            blocks.insert(20520, 99, 1000, more);
            tx.commit();
        }
        QVERIFY(!blocks.linked().has_value());
    }

    void skipModeCountsAndSamples() {
        Store s = newStore();
        ImportOptions o;
        o.onError = ImportOptions::OnError::Skip;
        QByteArray content = "timestamp,camera_id,plate_hash,vehicle_class,country\n";
        content += QByteArray("2026-03-02T07:00:00Z,C1,") + kP1 + ",car,BE\n";
        content += QByteArray("not a time,C1,") + kP1 + ",car,BE\n";
        content += QByteArray("2026-03-02T07:01:00Z,C1,") + kP2 + ",hovercraft,BE\n";
        content += QByteArray("2026-03-02T07:02:00Z,C1,") + kP2 + ",car\n";
        const ImportReport r = Importer(s).importFile(write(content), o);
        QCOMPARE(r.rows, 4);
        QCOMPARE(r.stored, 2);
        QCOMPARE(r.rejected, 2);
        QCOMPARE(r.sample.size(), 2);
        QCOMPARE(r.sample[0].line, 3);
        QCOMPARE(r.sample[0].column, QStringLiteral("timestamp"));
        QCOMPARE(r.sample[1].line, 5);
        QVERIFY(r.sample[1].reason.contains(QLatin1String("4 fields")));
        QCOMPARE(r.warnings.size(), 1); // the unknown class, stored as unknown
        QVERIFY(r.warnings[0].contains(QLatin1String("line 4")));
        QCOMPARE(count(s, "SELECT count(*) FROM stroom_reads WHERE class = 0"), 1);
        auto rec = s.database().prepare("SELECT rows_rejected, rejected_sample FROM imports");
        QVERIFY(rec.step());
        QCOMPARE(rec.int64(0), 2);
        QVERIFY(rec.text(1).contains(QLatin1String("\"line\":3")));
    }

    void mappingHeadersAndQuirks() {
        Store s = newStore();
        ImportOptions o;
        o.mapping.insert(QStringLiteral("time"), QStringLiteral("wanneer"));
        o.mapping.insert(QStringLiteral("camera"), QStringLiteral("2"));
        o.mapping.insert(QStringLiteral("pseudonym"), QStringLiteral("wie"));
        o.timezone = QStringLiteral("Europe/Brussels");
        const QByteArray content = QByteArray("\xEF\xBB\xBF"
                                              "wanneer\tpunt\twie\r\n") +
                                   "02/03/2026 08:00:00\tX9\t" + kP1 + "\r\n";
        const ImportReport r = Importer(s).importFile(write(content), o);
        QCOMPARE(r.stored, 1);
        QCOMPARE(r.layout.delimiter, '\t');
        QVERIFY(r.layout.mappingText().contains(QLatin1String("camera=punt")));
        QCOMPARE(r.layout.timezone, QStringLiteral("Europe/Brussels"));
        QCOMPARE(count(s, "SELECT t FROM stroom_reads"), 1772434800); // 08:00 in Brussels is 07:00 UTC
    }

    void cancelLeavesNothing() {
        Store s = newStore();
        const QString before = fingerprint(s);
        std::atomic_bool cancel{true};
        QVERIFY_EXCEPTION_THROWN(Importer(s).importFile(m_sim + QStringLiteral("/anpr-standard.csv"),
                                                        ImportOptions(), {}, &cancel),
                                 Error);
        QCOMPARE(fingerprint(s), before);
    }

    // ---- every bad input of issue 3: a clear message, store unchanged --------------------------------
    void clearPlates() {
        expectRejected(
            QByteArray("timestamp,camera_id,plate_hash,vehicle_class,country\n2026-03-02T07:00:00Z,C1,") +
                kP1 + ",car,BE\n2026-03-02T07:00:01Z,C1,1-ABC-234,car,BE\n",
            {QStringLiteral("line 3"), QStringLiteral("plate_hash"), QStringLiteral("number plate")});
        // The guard is not a bad row that skip mode could pass over.
        ImportOptions skip;
        skip.onError = ImportOptions::OnError::Skip;
        expectRejected("timestamp,camera_id,plate_hash\n2026-03-02T07:00:01Z,C1,ABC123\n",
                       {QStringLiteral("line 2")}, skip);
    }
    void missingColumn() {
        expectRejected("timestamp,plate_hash,vehicle_class\n2026-03-02T07:00:00Z,x,car\n",
                       {QStringLiteral("line 1"), QStringLiteral("camera"), QStringLiteral("--mapping")});
    }
    void emptyFile() { expectRejected("", {QStringLiteral("empty")}); }
    void headerOnly() {
        expectRejected("timestamp,camera_id,plate_hash,vehicle_class,country\n", {QStringLiteral("no rows")});
    }
    void binaryJunk() {
        QByteArray junk(4096, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = static_cast<char>((i * 7919) % 256);
        expectRejected(junk, {QStringLiteral("line 1")});
    }
    void tooManyOrTooFewFields() {
        expectRejected(QByteArray("timestamp,camera_id,plate_hash\n2026-03-02T07:00:00Z,C1,") + kP1 +
                           ",extra\n",
                       {QStringLiteral("line 2"), QStringLiteral("4 fields")});
        expectRejected("timestamp,camera_id,plate_hash\n2026-03-02T07:00:00Z,C1\n",
                       {QStringLiteral("line 2"), QStringLiteral("2 fields")});
    }
    void unparseableTimestamp() {
        expectRejected(QByteArray("timestamp,camera_id,plate_hash\n03/02/2026T99,C1,") + kP1 + "\n",
                       {QStringLiteral("line 2"), QStringLiteral("column 'timestamp'"),
                        QStringLiteral("not a timestamp")});
    }
    void timestampBefore2000OrInTheFuture() {
        expectRejected(QByteArray("timestamp,camera_id,plate_hash\n1999-12-31T23:59:59Z,C1,") + kP1 + "\n",
                       {QStringLiteral("line 2"), QStringLiteral("before 2000")});
        expectRejected(QByteArray("timestamp,camera_id,plate_hash\n2199-01-01T00:00:00Z,C1,") + kP1 + "\n",
                       {QStringLiteral("line 2"), QStringLiteral("future")});
    }
    void invalidUtf8() {
        expectRejected(QByteArray("timestamp,camera_id,plate_hash\n2026-03-02T07:00:00Z,C\xC3\x28,") + kP1 +
                           "\n",
                       {QStringLiteral("line 2"), QStringLiteral("UTF-8")});
    }
    void tenMegabyteLine() {
        QByteArray content =
            QByteArray("timestamp,camera_id,plate_hash\n2026-03-02T07:00:00Z,C1,") + kP1 + "\n";
        content += "2026-03-02T07:00:00Z,C1," + QByteArray(10 << 20, 'a') + "\n";
        expectRejected(content, {QStringLiteral("line 3"), QStringLiteral("1 MiB")});
    }
    void unreadableFile() {
        expectRejected(QByteArray(), {QStringLiteral("empty")}); // and a folder, and a missing file:
        Store s = newStore();
        QVERIFY_EXCEPTION_THROWN(Importer(s).importFile(m_dir.path(), ImportOptions()), Error);
        QVERIFY_EXCEPTION_THROWN(
            Importer(s).importFile(m_dir.filePath(QStringLiteral("missing.csv")), ImportOptions()), Error);
        if (geteuid() == 0)
            QSKIP("root reads files whatever their permissions");
        const QString locked = write("timestamp,camera_id,plate_hash\n");
        QFile::setPermissions(locked, QFileDevice::Permissions());
        QVERIFY_EXCEPTION_THROWN(Importer(s).importFile(locked, ImportOptions()), Error);
    }
    void truncatedGzip() {
        QByteArray content = "timestamp,camera_id,plate_hash\n";
        for (int i = 0; i < 20000; ++i)
            content += "2026-03-02T07:00:00Z,C1," + QByteArray(kP1) + "\n";
        const QString whole = m_dir.filePath(QStringLiteral("whole.csv.gz"));
        gzFile gz = gzopen(whole.toUtf8().constData(), "wb");
        gzwrite(gz, content.constData(), static_cast<unsigned>(content.size()));
        gzclose(gz);
        QFile f(whole);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        Store s = newStore();
        const QString before = fingerprint(s);
        const QString cut = write(bytes.left(bytes.size() / 2), QStringLiteral("cut.csv.gz"));
        try {
            Importer(s).importFile(cut, ImportOptions());
            QFAIL("a truncated gzip must be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(cut) && e.message().contains(QLatin1String("truncated")),
                     qPrintable(e.message()));
        }
        QCOMPARE(fingerprint(s), before);
    }

    void springGapTime() {
        expectRejected(QByteArray("tijdstip;camera;kenteken_hash\n29/03/2026 02:30:00;C1;") + kP1 + "\n",
                       {QStringLiteral("line 2"), QStringLiteral("does not exist")});
    }

    void writerLock() {
        const QString p = m_dir.filePath(QStringLiteral("locked.gpkg"));
        Store first = Store::create(p);
        try {
            Store::open(p);
            QFAIL("a second writer must be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("open for writing")), qPrintable(e.message()));
        }
        Store reader = Store::open(p, Store::Access::ReadOnly); // readers are welcome
        QVERIFY(reader.isReadOnly());
        QVERIFY_EXCEPTION_THROWN(
            Importer(reader).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions()),
            Error);
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "testimporter.moc"
