#include "common/geometry.h"
#include "common/vectorsource.h"
#include "simulate/simulator.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace stroom;

namespace {

QByteArray sha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QList<QByteArray> lines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> l = f.readAll().split('\n');
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameBytesWhateverTheThreads() {
        QTemporaryDir a, b, c;
        SimulationOptions o;
        o.vehicles = 1500;
        o.days = 2;
        o.seed = 42;
        o.formats = Simulator::formats();
        o.outDir = a.path();
        o.threads = 1;
        const SimulationSummary sa = Simulator(o).run();
        o.outDir = b.path();
        o.threads = 2;
        const SimulationSummary sb = Simulator(o).run();
        QCOMPARE(sa.files, sb.files);
        QCOMPARE(sa.files.size(), 9); // cameras, zones, 3 exports, truth, counts, pairflows, simulation.json
        for (const QString& f : sa.files) {
            QVERIFY2(QFileInfo(a.filePath(f)).size() > 0, qPrintable(f));
            QCOMPARE(sha256(a.filePath(f)), sha256(b.filePath(f)));
        }
        o.outDir = c.path();
        o.seed = 43;
        Simulator(o).run();
        QVERIFY(sha256(a.filePath(QStringLiteral("anpr-standard.csv"))) !=
                sha256(c.filePath(QStringLiteral("anpr-standard.csv"))));
    }

    void cameraNetworkIsACityNotNoise() {
        QTemporaryDir d;
        SimulationOptions o;
        o.vehicles = 10;
        o.days = 1;
        o.outDir = d.path();
        Simulator(o).run();
        const QVector<VectorFeature> rows = readVectorFile(d.filePath(QStringLiteral("cameras.csv")));
        QCOMPARE(rows.size(), 120);
        int cordon = 0;
        QSet<QString> owners, ids;
        for (const VectorFeature& f : rows) {
            if (f.attributes.value(QStringLiteral("role")).startsWith(QLatin1String("cordon")))
                ++cordon;
            owners.insert(f.attributes.value(QStringLiteral("owner")));
            ids.insert(f.attributes.value(QStringLiteral("camera_id")));
            double lon = 0, lat = 0;
            QVERIFY(geo::readPointWkb(f.wkb, &lon, &lat));
            QVERIFY(lon > 3.55 && lon < 3.90 && lat > 50.97 && lat < 51.20); // around Ghent
        }
        QCOMPARE(ids.size(), 120);
        QVERIFY2(cordon >= 44 && cordon <= 52, qPrintable(QString::number(cordon))); // about 40 %
        QVERIFY(!owners.contains(QString()));
        QVERIFY(owners.size() >= 4);
    }

    void formatsDescribeTheSameReads() {
        QTemporaryDir d;
        SimulationOptions o;
        o.vehicles = 800;
        o.days = 1;
        o.start = QDate(2026, 3, 28); // the night of 28-29 March 2026 is the switch to summer time
        o.days = 2;
        o.formats =
            QStringList{QStringLiteral("standard"), QStringLiteral("nl"), QStringLiteral("anpr-metrics")};
        o.outDir = d.path();
        Simulator(o).run();
        const auto std = lines(d.filePath(QStringLiteral("anpr-standard.csv")));
        const auto nl = lines(d.filePath(QStringLiteral("anpr-nl.csv")));
        const auto am = lines(d.filePath(QStringLiteral("anpr-metrics.csv")));
        QCOMPARE(std.first(), QByteArray("timestamp,camera_id,plate_hash,vehicle_class,country"));
        QCOMPARE(nl.first(), QByteArray("tijdstip;camera;kenteken_hash;voertuigcategorie;land"));
        QCOMPARE(am.first(), QByteArray("Plate,Latitude,Longitude,TimeStamp,DeviceId,Name"));
        QCOMPARE(std.size(), nl.size());
        QCOMPARE(std.size(), am.size());
        QVERIFY(std.size() > 1000);
        const QTimeZone brussels(QByteArrayLiteral("Europe/Brussels"));
        const QHash<QByteArray, QByteArray> nlClass = {
            {"car", "personenwagen"}, {"van", "bestelwagen"}, {"truck", "vrachtwagen"}, {"bus", "bus"}};
        int summer = 0, winter = 0;
        for (int i = 1; i < std.size(); ++i) {
            const QList<QByteArray> s = std[i].split(',');
            const QList<QByteArray> n = nl[i].split(';');
            QCOMPARE(s.size(), 5);
            QCOMPARE(n.size(), 5);
            const QDateTime utc = QDateTime::fromString(QString::fromLatin1(s[0]), Qt::ISODate);
            QVERIFY(utc.isValid());
            const QDateTime local =
                QDateTime::fromString(QString::fromLatin1(n[0]), QStringLiteral("dd/MM/yyyy HH:mm:ss"));
            const int offset = brussels.offsetFromUtc(utc);
            (offset == 7200 ? summer : winter) += 1;
            QCOMPARE(local.toString(Qt::ISODate), utc.addSecs(offset).toString(Qt::ISODate).left(19));
            QCOMPARE(n[1], s[1]);
            QCOMPARE(n[2], s[2]);
            QCOMPARE(s[2].size(), 64); // HMAC-SHA256 hex
            QCOMPARE(n[3], nlClass.value(s[3]));
            QVERIFY(am[i].startsWith(s[2] + ','));
        }
        QVERIFY(summer > 0 && winter > 0);
    }

    /** Over a million reads, the figures match the parameters within one percentage point. */
    void statisticsFollowTheParameters() {
        QTemporaryDir d;
        SimulationOptions o;
        o.vehicles = 60000;
        o.days = 3;
        o.outDir = d.path();
        const SimulationSummary s = Simulator(o).run();
        QVERIFY2(s.reads >= 1000000, qPrintable(QString::number(s.reads)));

        // From the files, not from the simulator's own counters.
        QFile truth(d.filePath(QStringLiteral("truth-trips.csv")));
        QVERIFY(truth.open(QIODevice::ReadOnly));
        truth.readLine();
        qint64 passes = 0, trips = 0, through = 0;
        QHash<QByteArray, QByteArray> classOf;
        while (!truth.atEnd()) {
            const QList<QByteArray> f = truth.readLine().trimmed().split(',');
            ++trips;
            if (!f[9].isEmpty())
                passes += f[9].count(';') + 1;
            if (f[4] == "through")
                ++through;
            classOf.insert(f[1], f[2]);
        }
        QFile reads(d.filePath(QStringLiteral("anpr-standard.csv")));
        QVERIFY(reads.open(QIODevice::ReadOnly));
        reads.readLine();
        qint64 rows = 0, duplicates = 0;
        QHash<QByteArray, qint64> lastSeen; // pseudonym+camera -> time
        QHash<QByteArray, qint64> readsPerHour;
        while (!reads.atEnd()) {
            const QList<QByteArray> f = reads.readLine().trimmed().split(',');
            ++rows;
            const qint64 t = QDateTime::fromString(QString::fromLatin1(f[0]), Qt::ISODate).toSecsSinceEpoch();
            const QByteArray key = f[2] + f[1];
            const auto it = lastSeen.constFind(key);
            if (it != lastSeen.cend() && t - *it <= 20)
                ++duplicates;
            lastSeen.insert(key, t);
            readsPerHour[f[0].mid(11, 2)] += 1;
        }
        QCOMPARE(rows, s.reads);
        const double readProbability = double(rows - duplicates) / double(passes);
        const double duplicateRate = double(duplicates) / double(rows - duplicates);
        QVERIFY2(qAbs(readProbability - o.readProbability) <= 0.01,
                 qPrintable(QString::number(readProbability)));
        QVERIFY2(qAbs(duplicateRate - o.duplicateRate) <= 0.01, qPrintable(QString::number(duplicateRate)));

        QHash<QByteArray, int> perClass;
        for (const QByteArray& c : classOf)
            perClass[c] += 1;
        const char* names[] = {"car", "van", "truck", "bus"};
        for (int i = 0; i < 4; ++i) {
            const double share = double(perClass.value(names[i])) / classOf.size();
            QVERIFY2(qAbs(share - o.classMix[static_cast<std::size_t>(i)]) <= 0.01,
                     qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(names[i])).arg(share)));
        }
        // About a quarter of the trips cross the city; the morning peak (07-08 UTC, 08-09 local) is
        // far busier than the night.
        const double throughShare = double(through) / trips;
        QVERIFY2(throughShare > 0.18 && throughShare < 0.32, qPrintable(QString::number(throughShare)));
        QVERIFY(readsPerHour.value("07") > 8 * readsPerHour.value("02"));

        const QJsonObject json = QJsonDocument::fromJson([&] {
                                     QFile f(d.filePath(QStringLiteral("simulation.json")));
                                     f.open(QIODevice::ReadOnly);
                                     return f.readAll();
                                 }())
                                     .object();
        QCOMPARE(json.value(QStringLiteral("result")).toObject().value(QStringLiteral("reads")).toDouble(),
                 double(s.reads));
    }

    void badOptionsAreRefused() {
        SimulationOptions o;
        o.outDir = QDir::tempPath() + QStringLiteral("/stroom-never");
        o.formats = QStringList{QStringLiteral("xml")};
        QVERIFY_EXCEPTION_THROWN(Simulator(o).run(), std::exception);
        o.formats = QStringList{QStringLiteral("standard")};
        o.vehicles = 0;
        QVERIFY_EXCEPTION_THROWN(Simulator(o).run(), std::exception);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "testsimulator.moc"
