#include "common/sqlite.h"
#include "common/timeparse.h"
#include "common/vectorsource.h"
#include "common/vehicleclass.h"
#include "flows/cameraindex.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventoryimport.h"
#include "simulate/simulator.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QDateTime>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace stroom;

namespace {

QMap<QString, qint64> odById(const OdMatrix& m, const CameraIndex& c, bool zones = false) {
    QMap<QString, qint64> out;
    for (const OdFlow& f : m.flows)
        out[(zones ? c.zoneIds.value(int(f.origin)) : c.id[f.origin]) + QLatin1Char('>') +
            (zones ? c.zoneIds.value(int(f.destination)) : c.id[f.destination])] += f.trips;
    return out;
}

} // namespace

/** Exact figures at k = 1: what the engine computed, before any release rule. */
const stroom::DisclosurePolicy kExact(1, true);

class TestFlowEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sim;
    QStringList m_parts; ///< the standard export cut into three files at noon UTC
    int m_n = 0;

    Store project() {
        Store s = Store::create(m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n)));
        const QString cams = m_sim + QStringLiteral("/cameras.csv");
        s.upsertCameras(camerasFromFeatures(readVectorFile(cams), cams, nullptr));
        s.upsertZones(zonesFromFeatures(readVectorFile(m_sim + QStringLiteral("/zones.geojson")),
                                        QStringLiteral("zones"), QStringLiteral("wijknr"),
                                        QStringLiteral("wijk")));
        return s;
    }
    static QStringList tripRows(Store& s) {
        QStringList rows;
        const TripSet set = TripDays(s.database()).load();
        for (const Trip& t : set.trips) {
            QStringList path;
            for (std::uint32_t i = 0; i < t.reads; ++i)
                path << QStringLiteral("%1@%2")
                            .arg(set.path[t.pathOffset + i])
                            .arg(set.pathTimes[t.pathOffset + i]);
            rows << QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8")
                        .arg(t.start)
                        .arg(t.end)
                        .arg(t.origin)
                        .arg(t.destination)
                        .arg(t.reads)
                        .arg(t.cls)
                        .arg(static_cast<int>(t.kind))
                        .arg(path.join(QLatin1Char(' ')));
        }
        rows.sort();
        return rows;
    }

private slots:
    /** Filters as people read them (the register, the report dialog, the report), apart from the audit's. */
    void filtersAreDescribedForPeople() {
        FlowFilter f;
        QCOMPARE(f.describeForPeople(), QString());
        QCOMPARE(f.describe(), QStringLiteral("all"));
        f.days = FlowFilter::Days::Weekday;
        f.hourFrom = 7;
        f.hourTo = 9;
        f.classMask = 1u << vehicleclass::Truck;
        f.throughOnly = true;
        QCOMPARE(f.describeForPeople(), QStringLiteral("weekdays; 7–9 h; trucks; through traffic only"));
        QCOMPARE(f.describe(),
                 QStringLiteral("weekday, 7-9 h, truck, through")); // the audit trail's, unchanged
    }

    /** One rule for the map, the OD table, the report and the register's lists. */
    void labelsSayNameAndIdOnce() {
        QCOMPARE(CameraIndex::label(QStringLiteral("Kouter"), QStringLiteral("C005")),
                 QStringLiteral("Kouter (C005)"));
        QCOMPARE(CameraIndex::label(QString(), QStringLiteral("C005")), QStringLiteral("C005"));
        QCOMPARE(CameraIndex::label(QStringLiteral("  "), QStringLiteral("C005")), QStringLiteral("C005"));
        QCOMPARE(CameraIndex::label(QStringLiteral("C005"), QStringLiteral("C005")), QStringLiteral("C005"));
        QCOMPARE(CameraIndex::label(QStringLiteral("Drongen C071"), QStringLiteral("C071")),
                 QStringLiteral("Drongen C071"));
        QCOMPARE(CameraIndex::label(QStringLiteral("Camera C"), QStringLiteral("C")),
                 QStringLiteral("Camera C (C)"));
        // Only the whole id: "C0710" is another camera's number.
        QCOMPARE(CameraIndex::label(QStringLiteral("Drongen C0710"), QStringLiteral("C071")),
                 QStringLiteral("Drongen C0710 (C071)"));
        CameraIndex c;
        c.id = {QStringLiteral("A1"), QStringLiteral("B2")};
        c.name = {QStringLiteral("Dampoort"), QString()};
        c.zoneIds = QStringList{QStringLiteral("7")};
        c.zoneNames = QStringList{QStringLiteral("Binnenstad")};
        QCOMPARE(c.label(0, false), QStringLiteral("Dampoort (A1)"));
        QCOMPARE(c.label(1, false), QStringLiteral("B2"));
        QCOMPARE(c.label(0, true), QStringLiteral("Binnenstad (7)"));
        QCOMPARE(c.label(9, false), QStringLiteral("9")); // unknown: the key, never an empty label
    }

    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        SimulationOptions o;
        o.vehicles = 4000;
        o.days = 3;
        o.outDir = m_sim;
        Simulator(o).run();
        QFile all(m_sim + QStringLiteral("/anpr-standard.csv"));
        QVERIFY(all.open(QIODevice::ReadOnly));
        const QByteArray header = all.readLine();
        const QByteArray cuts[] = {"2026-03-02T12", "2026-03-03T12"};
        std::vector<QByteArray> parts(3, header);
        while (!all.atEnd()) {
            const QByteArray line = all.readLine();
            const int part = line < cuts[0] ? 0 : line < cuts[1] ? 1 : 2;
            parts[static_cast<std::size_t>(part)] += line;
        }
        for (int i = 0; i < 3; ++i) {
            const QString p = m_dir.filePath(QStringLiteral("part%1.csv").arg(i));
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(parts[static_cast<std::size_t>(i)]);
            m_parts << p;
        }
    }

    /** The engine's OD equals the SQL definition of DESIGN §5, cell by cell. */
    void odEqualsTheSqlDefinition() {
        Store s = project();
        Importer(s).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        FlowEngine engine(s);
        const BuildReport r = engine.rebuild(TripParameters());
        QVERIFY(r.trips > 10000);
        const CameraIndex cams = engine.cameras();
        const QMap<QString, qint64> mine = odById(engine.loadCube().od(FlowFilter()).publish(kExact), cams);
        QMap<QString, qint64> sql;
        auto st =
            s.database().prepare(referenceOdSql()); // the definition as SQL: an oracle independent of the C++
        while (st.step())
            sql[st.text(0) + QLatin1Char('>') + st.text(1)] = st.int64(2);
        QCOMPARE(mine.size(), sql.size());
        QCOMPARE(mine, sql);
        // Kept reads = passages in the counts cube.
        qint64 passages = 0;
        for (const CameraCount& c :
             engine.loadCube().counts(FlowFilter(), CountPeriod::Day, false).publish(kExact).rows)
            passages += c.passages;
        QCOMPARE(passages, r.reads - r.duplicates);
        // The L2 layers exist and QGIS-relevant tables are registered.
        auto layers =
            s.database().prepare("SELECT count(*) FROM gpkg_contents WHERE table_name IN ('od_flows', "
                                 "'od_zone_flows', 'camera_counts', 'journey_times')");
        layers.step();
        QCOMPARE(layers.int64(0), 4);
    }

    /** Importing part by part and updating equals one full build, trip by trip. */
    void incrementalEqualsFullRebuild() {
        // One window for all gate pairs: the windows per pair are estimated again by a full build (which the
        // data's growth brings about), so an update keeps them; testthroughrule holds that part.
        TripParameters p;
        p.throughWindow = ThroughWindow::Fixed;
        Store inc = project();
        FlowEngine ie(inc);
        BuildReport last;
        for (const QString& part : m_parts) {
            Importer(inc).importFile(part, ImportOptions());
            last = ie.update(p);
        }
        QVERIFY(!last.full); // the last update only revisited the tail
        QVERIFY(last.from > QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        Store full = project();
        // The same record secret: the layers' released figures (perturbed by the record keys) then agree.
        auto secret = inc.database().prepare("SELECT value FROM l0.meta WHERE key = 'record_secret'");
        QVERIFY(secret.step());
        auto same = full.database().prepare(
            "INSERT OR REPLACE INTO l0.meta (key, value) VALUES ('record_secret', ?)");
        same.bind(1, secret.text(0));
        same.run();
        for (const QString& part : m_parts)
            Importer(full).importFile(part, ImportOptions());
        FlowEngine(full).rebuild(p);
        const QStringList a = tripRows(inc), b = tripRows(full);
        QVERIFY(a.size() > 10000);
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a, b);
        const CameraIndex cams = ie.cameras();
        QCOMPARE(odById(ie.loadCube().od(FlowFilter()).publish(kExact), cams),
                 odById(FlowEngine(full).loadCube().od(FlowFilter()).publish(kExact), cams));
        const auto ca = ie.loadCube().counts(FlowFilter(), CountPeriod::Hour, true).publish(kExact).rows,
                   cb = FlowEngine(full)
                            .loadCube()
                            .counts(FlowFilter(), CountPeriod::Hour, true)
                            .publish(kExact)
                            .rows;
        QCOMPARE(ca.size(), cb.size());
        for (std::size_t i = 0; i < ca.size(); ++i) {
            QCOMPARE(ca[i].passages, cb[i].passages);
            QCOMPARE(ca[i].vehicles, cb[i].vehicles);
        }
        // Journey times over every day (the update's first pass read the earlier days from the store) and
        // the layers (the update tallied the earlier days from the store): the same cells released.
        const std::vector<PairTimes> ja = ie.journeyTimes(FlowFilter()),
                                     jb = FlowEngine(full).journeyTimes(FlowFilter());
        QCOMPARE(ja.size(), jb.size());
        for (std::size_t i = 0; i < ja.size(); ++i) {
            QCOMPARE(std::make_pair(ja[i].from, ja[i].to), std::make_pair(jb[i].from, jb[i].to));
            QCOMPARE(ja[i].n, jb[i].n);
            QCOMPARE(ja[i].dropped, jb[i].dropped);
            QCOMPARE(ja[i].median, jb[i].median);
            QCOMPARE(ja[i].p85, jb[i].p85);
            QCOMPARE(ja[i].vehicles, jb[i].vehicles);
        }
        for (const char* sql :
             {"SELECT origin || '>' || destination || ' ' || trips FROM od_flows ORDER BY 1",
              "SELECT origin || '>' || destination || ' ' || trips FROM od_zone_flows ORDER BY 1",
              "SELECT camera_id || ' ' || period_from || ' ' || period_to || ' ' || passages || ' ' || "
              "vehicles "
              "FROM camera_counts ORDER BY 1",
              "SELECT from_camera || '>' || to_camera || ' ' || n || ' ' || median_s || ' ' || p85_s || ' ' "
              "|| "
              "outliers_dropped FROM journey_times ORDER BY 1"}) {
            const auto rows = [&](Store& st) {
                QStringList out;
                auto q = st.database().prepare(sql);
                while (q.step())
                    out << q.text(0);
                return out;
            };
            const QStringList la = rows(inc), lb = rows(full);
            QVERIFY2(!la.isEmpty(), sql);
            QCOMPARE(la, lb);
        }
        QVERIFY(!ie.isStale(p));
        QVERIFY(ie.isStale(TripParameters{60, 900, 60, 1200})); // other parameters: stale
    }

    void zoneOdSumsToCameraOd() {
        Store s = project();
        Importer(s).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        FlowEngine e(s);
        e.rebuild(TripParameters());
        const FlowCube cube = e.loadCube();
        const CameraIndex cams = e.cameras();
        const OdMatrix byCamera = cube.od(FlowFilter()).publish(kExact),
                       byZone = cube.od(FlowFilter(), cams.zoneOf).publish(kExact);
        QCOMPARE(byZone.trips, byCamera.trips); // every demo camera lies in a district
        QMap<QString, qint64> folded;
        for (const OdFlow& f : byCamera.flows)
            folded[cams.zone[f.origin] + QLatin1Char('>') + cams.zone[f.destination]] += f.trips;
        QCOMPARE(odById(byZone, cams, true), folded);
    }

    /** How far the rebuilt camera OD is from the simulator's truth, and why (reported, loosely bounded). */
    void distanceToTheTruth() {
        Store s = project();
        Importer(s).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        FlowEngine e(s);
        e.rebuild(TripParameters());
        const QMap<QString, qint64> rebuilt =
            odById(e.loadCube().od(FlowFilter()).publish(kExact), e.cameras());
        QMap<QString, qint64> truth;
        qint64 trueTrips = 0;
        QFile f(m_sim + QStringLiteral("/truth-trips.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        f.readLine();
        while (!f.atEnd()) {
            const QList<QByteArray> row = f.readLine().trimmed().split(',');
            const QList<QByteArray> path = row.value(9).split(';');
            if (path.size() < 2 || path.first().isEmpty())
                continue;
            truth[QString::fromLatin1(path.first() + '>' + path.last())] += 1;
            ++trueTrips;
        }
        qint64 diff = 0;
        QSet<QString> keys;
        for (auto it = truth.cbegin(); it != truth.cend(); ++it)
            keys.insert(it.key());
        for (auto it = rebuilt.cbegin(); it != rebuilt.cend(); ++it)
            keys.insert(it.key());
        for (const QString& k : keys)
            diff += qAbs(rebuilt.value(k) - truth.value(k));
        const double distance = double(diff) / double(trueTrips);
        qInfo("camera OD: sum |rebuilt - true| / true trips = %.3f (%lld true trips with two or more camera "
              "passes)",
              distance, trueTrips);
        QVERIFY2(distance < 0.5, qPrintable(QString::number(distance)));
    }

    void filtersAgreeWithTheTrips() {
        Store s = project();
        Importer(s).importFile(m_sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        FlowEngine e(s);
        e.rebuild(TripParameters());
        const TripSet trips = e.loadTrips();
        LocalTime zone("Europe/Brussels");
        FlowFilter f;
        f.hourFrom = 7;
        f.hourTo = 9;
        f.classMask = 1u << 3; // trucks
        qint64 expected = 0, through = 0;
        for (const Trip& t : trips.trips) {
            std::int64_t day;
            int hour;
            FlowCube::localDayHour(t.start, zone, &day, &hour);
            if (t.reads > 1 && hour >= 7 && hour < 9 && t.cls == 3) {
                ++expected;
                through += t.kind == TripKind::Through;
            }
        }
        const OdMatrix m = e.loadCube().od(f).publish(kExact);
        QCOMPARE(m.trips, expected);
        QCOMPARE(m.throughTrips, through);
        f.throughOnly = true;
        QCOMPARE(e.loadCube().od(f).publish(kExact).trips, through);
        QVERIFY(through > 0);
    }
};

QTEST_GUILESS_MAIN(TestFlowEngine)
#include "testflowengine.moc"
