#include "common/timeparse.h"
#include "flows/flowcube.h"
#include "flows/journeytimes.h"
#include "flows/tripbuilder.h"
#include "privacy/recordkeys.h"

#include <QTest>

using namespace stroom;

namespace {
// Cameras: key = rank by id (no order given: keys rank as themselves); 1 = "A", 2 = "B", 3 = "C".
const std::int64_t kBase = 1700000000; // the reads' times count from here
TripRead rd(std::int64_t t, std::uint32_t vehicle, std::uint32_t camera, std::uint8_t cls = 1) {
    TripRead r;
    r.t = static_cast<std::uint32_t>(t - kBase);
    r.vehicle = vehicle;
    r.camera = camera;
    r.cls = cls;
    return r;
}
TripSet build(std::vector<TripRead> reads, TripParameters p = TripParameters(), std::vector<bool> in = {},
              std::vector<bool> out = {}, int threads = 1) {
    return TripBuilder::build(reads, kBase, p, ThroughRule(p, in, out), {}, threads);
}
const std::int64_t T = 1772438400; // 2026-03-02 08:00 UTC
} // namespace

/** DESIGN §5.1–5.3 and §5.6, one rule at a time on hand-made reads. */
/** Exact figures at k = 1: what the engine computed, before any release rule. */
const stroom::DisclosurePolicy kExact(1, true);
const stroom::RecordKeys kKeys(QByteArray(16, 'k'));

class TestTripBuilder : public QObject {
    Q_OBJECT

private slots:
    void duplicateWindowIsInclusive() {
        TripSet s = build({rd(T, 1, 1), rd(T + 60, 1, 1), rd(T + 200, 1, 2)});
        QCOMPARE(s.duplicates, 1); // 60 s: dropped
        QCOMPARE(s.trips.size(), std::size_t(1));
        QCOMPARE(s.trips[0].reads, 2u);
        s = build({rd(T, 1, 1), rd(T + 61, 1, 1)});
        QCOMPARE(s.duplicates, 0); // 61 s: a new passage
        QCOMPARE(s.trips[0].reads, 2u);
        QCOMPARE(s.trips[0].origin, 1u);
        QCOMPARE(s.trips[0].destination, 1u);
    }

    void duplicateChainsAreAbsorbed() {
        // Each read is within 60 s of the one before at that camera (dropped or not): only the first counts.
        TripSet s =
            build({rd(T, 1, 1), rd(T + 50, 1, 1), rd(T + 100, 1, 1), rd(T + 150, 1, 1), rd(T + 400, 1, 2)});
        QCOMPARE(s.duplicates, 3);
        QCOMPARE(s.trips[0].reads, 2u);
        QCOMPARE(s.trips[0].end, T + 400);
        // Another camera in between does not break the chain.
        s = build({rd(T, 1, 1), rd(T + 30, 1, 2), rd(T + 50, 1, 1)});
        QCOMPARE(s.duplicates, 1);
    }

    void gapOf1800SecondsDoesNotSplit1801Does() {
        TripSet s = build({rd(T, 1, 1), rd(T + 1800, 1, 2)});
        QCOMPARE(s.trips.size(), std::size_t(1));
        s = build({rd(T, 1, 1), rd(T + 1801, 1, 2)});
        QCOMPARE(s.trips.size(), std::size_t(2));
        QCOMPARE(s.singleReadTrips, 2);
        // The gap counts between kept reads: a dropped duplicate does not bridge it.
        s = build({rd(T, 1, 1), rd(T + 50, 1, 1), rd(T + 1820, 1, 2)});
        QCOMPARE(s.trips.size(), std::size_t(2));
    }

    void tiesInTheSameSecondGoByCameraId() {
        // Same second at C and A: A first, so the trip runs A → … → C regardless of input order.
        TripSet s = build({rd(T + 100, 1, 2), rd(T, 1, 3), rd(T, 1, 1)});
        QCOMPARE(s.trips[0].origin, 1u);
        QCOMPARE(s.trips[0].destination, 2u);
        QCOMPARE(s.path[0], 1u);
        QCOMPARE(s.path[1], 3u);
        QCOMPARE(s.path[2], 2u);
    }

    void tiesGoByTheRankGiven() {
        // Keys 1 and 3 ranked the other way round (3 is "A", 1 is "C"): the same reads run 3 → 1 → 2.
        std::vector<TripRead> reads = {rd(T + 100, 1, 2), rd(T, 1, 3), rd(T, 1, 1)};
        const TripParameters p;
        const TripSet s = TripBuilder::build(
            reads, kBase, p, ThroughRule(p, std::vector<bool>(), std::vector<bool>()), {0, 2, 1, 0});
        QCOMPARE(s.path, (std::vector<std::uint32_t>{3, 1, 2}));
        QCOMPARE(s.trips[0].origin, 3u);
    }

    void timesCountFromTheBase() {
        // The same reads counted from another base give the same trips, moved by the difference.
        const TripParameters p;
        const auto at = [&](std::int64_t base) {
            std::vector<TripRead> reads;
            for (const TripRead& r : {rd(T, 1, 1), rd(T + 30, 1, 1), rd(T + 300, 1, 2), rd(T + 4000, 1, 3)}) {
                TripRead moved = r;
                moved.t = static_cast<std::uint32_t>(kBase + r.t - base);
                reads.push_back(moved);
            }
            return TripBuilder::build(reads, base, p,
                                      ThroughRule(p, std::vector<bool>(), std::vector<bool>()));
        };
        const TripSet a = at(kBase), b = at(T - 5);
        QCOMPARE(a.trips.size(), std::size_t(2));
        QCOMPARE(b.trips.size(), std::size_t(2));
        QCOMPARE(a.duplicates, 1);
        QCOMPARE(b.duplicates, 1);
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(b.trips[i].start, a.trips[i].start);
            QCOMPARE(b.trips[i].end, a.trips[i].end);
        }
        QCOMPARE(a.trips[0].start, T);
        QCOMPARE(a.trips[0].end, T + 300);
        QVERIFY(a.pathTimes == b.pathTimes);
    }

    void newPseudonymStartsANewTrip() {
        // At midnight the exporter's key changes: the same car is a new pseudonym, so a new trip.
        const std::int64_t midnight = 1772496000; // 2026-03-03 00:00 UTC
        TripSet s = build({rd(midnight - 300, 1, 1), rd(midnight - 100, 1, 2), rd(midnight + 100, 2, 3),
                           rd(midnight + 300, 2, 1)});
        QCOMPARE(s.trips.size(), std::size_t(2));
        QCOMPARE(s.trips[0].destination, 2u);
        QCOMPARE(s.trips[1].origin, 3u);
    }

    void loopsAreTripsFromAToA() {
        TripSet s = build({rd(T, 1, 1), rd(T + 300, 1, 2), rd(T + 600, 1, 1)});
        QCOMPARE(s.trips.size(), std::size_t(1));
        QCOMPARE(s.trips[0].origin, 1u);
        QCOMPARE(s.trips[0].destination, 1u);
        FlowCube cube;
        LocalTime utc("UTC");
        cube.addTrips(s, utc, kKeys);
        const OdMatrix m = cube.od(FlowFilter()).publish(kExact);
        QCOMPARE(m.flows.size(), std::size_t(1));
        QCOMPARE(m.flows[0].origin, 1u);
        QCOMPARE(m.flows[0].destination, 1u);
    }

    void singleReadTripsAreCountedApart() {
        TripSet s = build({rd(T, 1, 1), rd(T, 2, 1), rd(T + 100, 2, 2), rd(T + 5000, 3, 3)});
        QCOMPARE(s.trips.size(), std::size_t(3));
        QCOMPARE(s.singleReadTrips, 2);
        FlowCube cube;
        LocalTime utc("UTC");
        cube.addTrips(s, utc, kKeys);
        const OdMatrix m = cube.od(FlowFilter()).publish(kExact);
        QCOMPARE(m.trips, 1);
        QCOMPARE(m.singleReadTrips, 2);
        QCOMPARE(m.flows.size(), std::size_t(1));
    }

    void throughTrafficFollowsTheCordon() {
        // 1: cordon-in, 2: internal, 3: cordon-out
        const std::vector<bool> in = {false, true, false, false}, out = {false, false, false, true};
        TripParameters p;
        TripSet s = build({rd(T, 1, 1), rd(T + 300, 1, 2), rd(T + 600, 1, 3)}, p, in, out);
        QCOMPARE(s.trips[0].kind, TripKind::Through);
        s = build({rd(T, 1, 1), rd(T + 1300, 1, 3)}, p, in, out); // 21:40 min: too long
        QCOMPARE(s.trips[0].kind, TripKind::Destination);
        s = build({rd(T, 1, 1), rd(T + 59, 1, 3)}, p, in, out); // under a minute
        QCOMPARE(s.trips[0].kind, TripKind::Destination);
        s = build({rd(T, 1, 1), rd(T + 60, 1, 3)}, p, in, out); // exactly 1 min
        QCOMPARE(s.trips[0].kind, TripKind::Through);
        s = build({rd(T, 1, 2), rd(T + 300, 1, 3)}, p, in, out);
        QCOMPARE(s.trips[0].kind, TripKind::Origin);
        s = build({rd(T, 1, 2), rd(T + 300, 1, 2 + 0), rd(T + 900, 1, 1)}, p, in, out);
        QCOMPARE(s.trips[0].kind, TripKind::Internal);
    }

    void threadsDoNotChangeTheResult() {
        std::vector<TripRead> reads;
        for (std::uint32_t v = 0; v < 60000; ++v)
            for (int i = 0; i < 4; ++i)
                reads.push_back(rd(T + (v % 97) * 600 + i * (i == 2 ? 2000 : 200), v, 1 + (v + i) % 3));
        for (std::uint32_t v = 0; v < 60000; v += 5) // a duplicate of the first read (30 s, same camera)
            reads.push_back(rd(T + (v % 97) * 600 + 30, v, 1 + v % 3));
        const TripSet one = build(reads, TripParameters(), {}, {}, 1);
        const TripSet two = build(reads, TripParameters(), {}, {}, 2);
        QCOMPARE(one.trips.size(), two.trips.size());
        QCOMPARE(one.duplicates, two.duplicates);
        QVERIFY(one.duplicates > 0);
        QCOMPARE(one.singleReadTrips, two.singleReadTrips);
        QVERIFY(one.singleReadTrips > 0);
        QVERIFY(one.path == two.path);
        QVERIFY(one.pathTimes == two.pathTimes);
        for (std::size_t i = 0; i < one.trips.size(); ++i) {
            const Trip &a = one.trips[i], &b = two.trips[i];
            QCOMPARE(std::tie(a.start, a.end, a.origin, a.destination, a.reads, a.cls, a.kind, a.pathOffset,
                              a.vehicle),
                     std::tie(b.start, b.end, b.origin, b.destination, b.reads, b.cls, b.kind, b.pathOffset,
                              b.vehicle));
        }
    }

    void journeyTimeStatistics() {
        // Median 100, MAD 2: 130 lies beyond 3 × MAD and is dropped.
        std::vector<double> x = {96, 98, 99, 100, 100, 101, 102, 104, 130};
        const PairTimes t = pairStatistics(x);
        QCOMPARE(t.dropped, 1);
        QCOMPARE(t.n, 8);
        QCOMPARE(t.median, 100.0);
        // R-7 (numpy's default) on 96 98 99 100 100 101 102 104: p15 at h = 1.05 → 98.05; p85 at h = 5.95 →
        // 101.95
        QVERIFY(qAbs(t.p15 - 98.05) < 1e-9);
        QVERIFY(qAbs(t.p85 - 101.95) < 1e-9);
        std::vector<double> same = {50, 50, 50, 80};
        const PairTimes s = pairStatistics(same); // MAD 0: nothing dropped
        QCOMPARE(s.dropped, 0);
        QCOMPARE(s.n, 4);
    }

    void filtersOnTheCube() {
        // Monday 2 March 2026 08:xx and Saturday 7 March 10:xx local (UTC+1), a car and a truck.
        TripSet s = build({rd(T, 1, 1, 1), rd(T + 100, 1, 2, 1), rd(T + 5 * 86400 + 7200, 2, 2, 3),
                           rd(T + 5 * 86400 + 7300, 2, 3, 3)});
        FlowCube cube;
        LocalTime tz("Europe/Brussels");
        cube.addTrips(s, tz, kKeys);
        FlowFilter f;
        QCOMPARE(cube.od(f).publish(kExact).trips, 2);
        f.days = FlowFilter::Days::Weekend;
        QCOMPARE(cube.od(f).publish(kExact).trips, 1);
        f = FlowFilter();
        f.hourFrom = 9;
        f.hourTo = 10; // 09:00–09:59 local = the Monday trip (08:00 UTC)
        QCOMPARE(cube.od(f).publish(kExact).trips, 1);
        QCOMPARE(cube.od(f).publish(kExact).flows[0].origin, 1u);
        f = FlowFilter();
        f.classMask = 1u << 3; // trucks
        QCOMPARE(cube.od(f).publish(kExact).flows[0].origin, 2u);
        f = FlowFilter();
        f.from = QDate(2026, 3, 3);
        QCOMPARE(cube.od(f).publish(kExact).trips, 1);
    }
};

QTEST_GUILESS_MAIN(TestTripBuilder)
#include "testtripbuilder.moc"
