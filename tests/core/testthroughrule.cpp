#include "common/vectorsource.h"
#include "flows/cameraindex.h"
#include "flows/flowengine.h"
#include "flows/throughrule.h"
#include "flows/tripbuilder.h"
#include "import/importer.h"
#include "inventory/inventoryimport.h"
#include "simulate/simulator.h"
#include "store/readblocks.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace stroom;

namespace {

TripRead read(std::int64_t t, std::uint32_t vehicle, std::uint32_t camera) {
    TripRead r;
    r.t = static_cast<std::uint32_t>(t); // counted from 0 (build()'s base)
    r.vehicle = vehicle;
    r.camera = camera;
    r.cls = 0;
    return r;
}

/** A trip of \a cameras, one a minute from \a start. */
void addTrip(TripSet& set, std::uint32_t vehicle, std::int64_t start, std::int64_t seconds,
             const std::vector<std::uint32_t>& cameras) {
    Trip t;
    t.start = start;
    t.end = start + seconds;
    t.origin = cameras.front();
    t.destination = cameras.back();
    t.reads = static_cast<std::uint32_t>(cameras.size());
    t.vehicle = vehicle;
    t.pathOffset = static_cast<std::uint32_t>(set.path.size());
    for (std::size_t i = 0; i < cameras.size(); ++i) {
        set.path.push_back(cameras[i]);
        set.pathTimes.push_back(static_cast<std::uint32_t>(60 * i));
    }
    set.trips.push_back(t);
}

const std::int64_t T = 1772438400; // 2026-03-02 08:00 UTC

} // namespace

/** Through traffic's rule: windows per gate pair from the data, the read rate, role-free, against the
 * simulator's truth. */
class TestThroughRule : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    /** The simulator's demo city (60 cameras) in folder \a name: its output folder. */
    QString simulate(const QString& name, int vehicles, int days) {
        const QString sim = m_dir.filePath(name);
        SimulationOptions o;
        o.cameras = 60;
        o.vehicles = vehicles;
        o.days = days;
        o.outDir = sim;
        Simulator(o).run();
        return sim;
    }
    /** A new project \a name with the cameras (and their roles) of the simulation in \a sim. */
    Store project(const QString& name, const QString& sim) {
        Store s = Store::create(m_dir.filePath(name));
        const QString cams = sim + QStringLiteral("/cameras.csv");
        s.upsertCameras(camerasFromFeatures(readVectorFile(cams), cams, nullptr));
        return s;
    }

private slots:
    /** The window: median + 3 × 1.4826 × MAD of the pair's gate-to-gate trips, at least 5 min, from 30 trips.
     */
    void windowPerGatePair() {
        CameraIndex cams;
        cams.id = {QStringLiteral("IN"), QStringLiteral("X"), QStringLiteral("OUT"), QStringLiteral("OUT2")};
        cams.cordonIn = {true, false, false, false};
        cams.cordonOut = {false, false, true, true};
        TripSet set;
        // IN → OUT: 40 trips of 20..29 minutes (median 24.5, MAD 2.5 min).
        for (int i = 0; i < 40; ++i)
            addTrip(set, static_cast<std::uint32_t>(i), T + 100 * i, 60 * (20 + i % 10), {0, 1, 2});
        // IN → OUT2: 29 trips only, too few for a window of their own.
        for (int i = 0; i < 29; ++i)
            addTrip(set, static_cast<std::uint32_t>(100 + i), T + 100 * i, 60 * 40, {0, 3});
        // IN → X (not a gate pair) is left out whatever its number.
        for (int i = 0; i < 50; ++i)
            addTrip(set, static_cast<std::uint32_t>(200 + i), T + 100 * i, 60 * 3, {0, 1});
        ThroughWindows gates;
        gates.add(set, cams.cordonIn, cams.cordonOut);
        const std::vector<PairWindow> w = gates.windows(cams, 10);
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(w[0].origin, QStringLiteral("IN"));
        QCOMPARE(w[0].destination, QStringLiteral("OUT"));
        QCOMPARE(w[0].trips, std::int64_t(40));
        QCOMPARE(w[0].medianSeconds, 60 * 24.5);
        QCOMPARE(w[0].madSeconds, 60 * 2.5);
        QCOMPARE(w[0].maxSeconds, static_cast<int>(std::ceil(60 * 24.5 + 3 * 1.4826 * 150)));
        // Stored and read back.
        const std::vector<PairWindow> back = ThroughWindows::fromText(ThroughWindows::toText(w));
        QCOMPARE(back.size(), std::size_t(1));
        QCOMPARE(back[0].maxSeconds, w[0].maxSeconds);

        // The rule: the pair's own upper end, the fixed window elsewhere, the fixed minimum everywhere.
        TripParameters p;
        const ThroughRule rule(p, cams, w);
        QCOMPARE(rule.classify(0, 2, 60 * 30), TripKind::Through);     // 30 min: inside IN → OUT's 35.6
        QCOMPARE(rule.classify(0, 2, 60 * 36), TripKind::Destination); // beyond it
        QCOMPARE(rule.classify(0, 3, 60 * 21), TripKind::Destination); // IN → OUT2: the fixed 20 min
        QCOMPARE(rule.classify(0, 2, 30), TripKind::Destination);      // under the fixed minute
        p.throughWindow = ThroughWindow::Fixed;
        QCOMPARE(ThroughRule(p, cams, w).classify(0, 2, 60 * 30), TripKind::Destination);

        // The floor: a short pair's window is at least 5 minutes.
        TripSet quick;
        for (int i = 0; i < 30; ++i)
            addTrip(quick, static_cast<std::uint32_t>(i), T + 100 * i, 90, {0, 2});
        ThroughWindows q;
        q.add(quick, cams.cordonIn, cams.cordonOut);
        QCOMPARE(q.windows(cams, 10).front().maxSeconds, ThroughWindows::kFloorSeconds);

        // A window is a figure of the pair's crossings: it needs k distinct vehicles on one day, as a journey
        // time does. 40 trips of 3 commuters over 14 days make none.
        TripSet few;
        for (int i = 0; i < 40; ++i)
            addTrip(few, static_cast<std::uint32_t>(i % 3), T + 86400 * (i % 14) + i, 60 * 25, {0, 2});
        ThroughWindows f;
        f.add(few, cams.cordonIn, cams.cordonOut);
        QVERIFY(f.windows(cams, 10).empty());
        QCOMPARE(f.windows(cams, 3).size(), std::size_t(1));
        QCOMPARE(f.windows(cams, 3).front().vehicles, std::int64_t(3));
    }

    /** The read rate from the pairs' usual paths: a camera missed between its neighbours. */
    void readRateFromTheUsualPaths() {
        CameraIndex cams;
        cams.id = {QStringLiteral("IN"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                   QStringLiteral("OUT")};
        cams.cordonIn = {true, false, false, false, false};
        cams.cordonOut = {false, false, false, false, true};
        std::mt19937 rng(7);
        std::bernoulli_distribution reads(0.9);
        TripSet set;
        for (int i = 0; i < 4000; ++i) {
            std::vector<std::uint32_t> path = {0};
            for (std::uint32_t c : {1u, 2u, 3u})
                if (reads(rng))
                    path.push_back(c);
            path.push_back(4);
            addTrip(set, static_cast<std::uint32_t>(i), T + i, 600, path);
        }
        ThroughWindows gates;
        gates.add(set, cams.cordonIn, cams.cordonOut);
        std::int64_t chances = 0;
        const double rate = gates.readRate(&chances);
        QVERIFY2(std::fabs(rate - 0.9) < 0.015, qPrintable(QString::number(rate)));
        QVERIFY(chances > 8000);
        ThroughWindows few;
        TripSet one;
        addTrip(one, 1, T, 600, {0, 1, 2, 3, 4});
        few.add(one, cams.cordonIn, cams.cordonOut);
        QVERIFY(few.readRate() < 0); // too few chances: unknown, not 1.0

        // Through traffic corrected for missed gate reads: observed / rate² for the through trips.
        ThroughEstimate e;
        e.readRate = 0.9;
        QCOMPARE(e.correctedShare(1000, 0), 0.0);
        const double corrected = 405.0 / 0.81;
        QCOMPARE(e.correctedShare(1000, 405), corrected / (595 + corrected));
        e.readRate = -1;
        QVERIFY(e.correctedShare(1000, 405) < 0);
    }

    /** Role-free (ANPR Metrics): a vehicle whose reads of a day span under an hour, no camera twice. */
    void roleFreeThroughTraffic() {
        TripParameters p;
        p.throughMethod = ThroughMethod::RoleFree;
        const ThroughRule rule(p, std::vector<bool>(), std::vector<bool>());
        std::vector<TripRead> reads = {
            // 1: 40 minutes, four cameras: through.
            read(T, 1, 1), read(T + 600, 1, 2), read(T + 1800, 1, 3), read(T + 2400, 1, 4),
            // 2: the same, but back at camera 2: not through.
            read(T, 2, 1), read(T + 600, 2, 2), read(T + 1200, 2, 2 + 1), read(T + 1800, 2, 2),
            // 3: morning and evening trips (a commuter): the day spans 9 hours.
            read(T, 3, 1), read(T + 600, 3, 2), read(T + 9 * 3600, 3, 2), read(T + 9 * 3600 + 600, 3, 1),
            // 4: 70 minutes: over the hour.
            read(T, 4, 1), read(T + 1500, 4, 2), read(T + 3000, 4, 3), read(T + 4200, 4, 4),
            // 5: a single read: no trip to call through.
            read(T, 5, 1)};
        const TripSet set = TripBuilder::build(reads, 0, p, rule);
        std::map<std::uint32_t, std::vector<TripKind>> kinds;
        for (const Trip& t : set.trips)
            kinds[t.vehicle].push_back(t.kind);
        QCOMPARE(kinds[1], std::vector<TripKind>{TripKind::Through});
        QCOMPARE(kinds[2], std::vector<TripKind>{TripKind::Internal});
        QCOMPARE(kinds[3], (std::vector<TripKind>{TripKind::Internal, TripKind::Internal}));
        QCOMPARE(kinds[4], std::vector<TripKind>{TripKind::Internal});
        QCOMPARE(kinds[5], std::vector<TripKind>{TripKind::Internal});
        // The cordon method with no roles: nothing is through, and it says it cannot tell.
        CameraIndex none;
        none.id = {QStringLiteral("A")};
        none.cordonIn = none.cordonOut = {false};
        QVERIFY(!ThroughRule::available(TripParameters(), none));
        QVERIFY(ThroughRule::available(p, none));
    }

    /**
     * The simulator's truth (60 cameras, 10,000 vehicles, 14 days; read rate 0.92): the share of through
     * traffic among trips seen by two cameras or more. DESIGN's fixed 1–20 min finds a quarter of it; the
     * windows per gate pair find what the gates read; corrected for missed gate reads it is within 2
     * percentage points of the truth.
     */
    void throughShareAgainstTheTruth() {
        const QString sim = simulate(QStringLiteral("sim"), 10000, 14);
        // The truth: trips that passed two cameras or more, and the through ones among them.
        QFile truth(sim + QStringLiteral("/truth-trips.csv"));
        QVERIFY(truth.open(QIODevice::ReadOnly));
        truth.readLine();
        std::int64_t trueTrips = 0, trueThrough = 0;
        while (!truth.atEnd()) {
            const QList<QByteArray> f = truth.readLine().trimmed().split(',');
            if (f.size() < 10 || f[9].split(';').size() < 2)
                continue;
            ++trueTrips;
            trueThrough += f[4] == "through" ? 1 : 0;
        }
        QVERIFY(trueTrips > 100000);
        const double trueShare = static_cast<double>(trueThrough) / static_cast<double>(trueTrips);

        Store s = project(QStringLiteral("sim.gpkg"), sim);
        Importer(s).importFile(sim + QStringLiteral("/anpr-standard.csv"), ImportOptions());
        FlowEngine engine(s);
        const auto share = [&](const TripParameters& p, ThroughEstimate* e) {
            engine.rebuild(p);
            const RawOd od = engine.loadCube().od(FlowFilter());
            const OdMatrix m = od.publish(DisclosurePolicy(1, true));
            if (e)
                *e = engine.throughEstimate();
            return std::make_pair(m.trips, m.throughTrips);
        };
        TripParameters fixed;
        fixed.throughWindow = ThroughWindow::Fixed;
        const auto [fixedTrips, fixedThrough] = share(fixed, nullptr);
        ThroughEstimate e;
        const auto [trips, through] = share(TripParameters(), &e);
        QCOMPARE(trips, fixedTrips); // the windows change kinds, never trips
        const double observed = static_cast<double>(through) / static_cast<double>(trips);
        const double corrected = e.correctedShare(trips, through);
        qInfo("truth %.1f %%; fixed 1-20 min %.1f %%; per gate pair %.1f %% (%zu pairs), corrected for the "
              "read "
              "rate %.3f: %.1f %%",
              100 * trueShare, 100.0 * static_cast<double>(fixedThrough) / static_cast<double>(fixedTrips),
              100 * observed, e.windows.size(), e.readRate, 100 * corrected);
        QVERIFY(static_cast<double>(fixedThrough) / static_cast<double>(fixedTrips) < trueShare - 0.2);
        QVERIFY(e.windows.size() > 50);
        QVERIFY(std::fabs(e.readRate - 0.92) < 0.01); // the simulator's read probability
        QVERIFY2(std::fabs(corrected - trueShare) < 0.02,
                 qPrintable(QStringLiteral("%1 vs %2").arg(corrected).arg(trueShare)));

        // Every stored trip's kind is the rule's with the stored windows (the re-kinding after the build).
        const ThroughRule rule = engine.throughRule(TripParameters(), engine.cameras());
        std::int64_t checked = 0;
        TripDays(s.database()).forEach([&](const Trip& t, const TripSet&) {
            QCOMPARE(t.kind, rule.classify(t.origin, t.destination, t.end - t.start));
            ++checked;
        });
        QVERIFY(checked > 100000);
    }

    /** Windows follow the data: an update once the days have grown by half builds everything again (new
     * windows); a smaller import only updates, with the windows it has. */
    void windowsFollowTheData() {
        const QString sim = simulate(QStringLiteral("sim6"), 3000, 6);
        QFile all(sim + QStringLiteral("/anpr-standard.csv"));
        QVERIFY(all.open(QIODevice::ReadOnly));
        const QByteArray header = all.readLine();
        QByteArray first = header, second = header, third = header;
        while (!all.atEnd()) {
            const QByteArray line = all.readLine();
            (line < "2026-03-05T12" ? first : line < "2026-03-06T12" ? second : third) += line;
        }
        Store s = project(QStringLiteral("grow.gpkg"), sim);
        FlowEngine engine(s);
        const auto importPart = [&](const QByteArray& text, const QString& name) {
            QFile f(m_dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
            f.close();
            Importer(s).importFile(f.fileName(), ImportOptions());
        };
        importPart(first, QStringLiteral("first.csv")); // 4 local days
        QVERIFY(engine.update(TripParameters()).full);
        const std::int64_t days = engine.throughEstimate().days;
        QCOMPARE(days, std::int64_t(4));
        importPart(second, QStringLiteral("second.csv")); // one day more: not half as many again
        const BuildReport r2 = engine.update(TripParameters());
        QVERIFY(!r2.full);
        QCOMPARE(engine.throughEstimate().days, days);
        importPart(third, QStringLiteral("third.csv")); // 6 or 7 local days: half as many again
        const BuildReport r3 = engine.update(TripParameters());
        QVERIFY(r3.full);
        const auto now = static_cast<std::int64_t>(ReadBlocks(s.database()).days().size());
        QVERIFY(2 * now >= 3 * days);
        QCOMPARE(engine.throughEstimate().days, now);
        QVERIFY(r3.throughPairs > 0);
    }
};

QTEST_GUILESS_MAIN(TestThroughRule)
#include "testthroughrule.moc"
