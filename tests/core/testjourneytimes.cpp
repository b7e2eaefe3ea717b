#include "common/timeparse.h"
#include "flows/flowcube.h"
#include "flows/journeytimes.h"
#include "privacy/recordkeys.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <random>

using namespace stroom;

namespace {

const std::int64_t T = 1772438400; // 2026-03-02 08:00 UTC
const RecordKeys kKeys(QByteArray(16, 'k'));

/** Trips of \a days days, each a few hops between six cameras: most near a pair's usual time, some far. */
TripSet randomTrips(int days, int perDay, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto r = [&](std::uint32_t below) { return static_cast<std::uint32_t>(rng() % below); };
    TripSet set;
    for (int d = 0; d < days; ++d) {
        for (int i = 0; i < perDay; ++i) {
            Trip t;
            t.start = T + d * 86400 + r(12 * 3600);
            t.vehicle = static_cast<std::uint32_t>(d * 100000) + r(perDay / 2); // some vehicles twice a day
            t.cls = static_cast<std::uint8_t>(1 + r(3));
            t.reads = 2 + r(4);
            t.pathOffset = static_cast<std::uint32_t>(set.path.size());
            std::uint32_t at = 0, camera = r(6);
            for (std::uint32_t k = 0; k < t.reads; ++k) {
                set.path.push_back(camera);
                set.pathTimes.push_back(at);
                const std::uint32_t next = (camera + 1 + r(2)) % 6;
                at += 60 * (1 + camera + next) + r(40) + (r(50) == 0 ? 1500 + r(3000) : 0);
                camera = next;
            }
            t.origin = set.path[t.pathOffset];
            t.destination = set.path.back();
            t.end = t.start + set.pathTimes.back();
            set.trips.push_back(t);
        }
    }
    return set;
}

/** Every hop at once through pairStatistics(), the rule's first implementation: the oracle. */
std::map<std::pair<std::uint32_t, std::uint32_t>, PairTimes> everyHopAtOnce(const TripSet& set,
                                                                            LocalTime& zone) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<Hop>> hops;
    for (const Trip& t : set.trips) {
        std::int64_t day;
        int hour;
        FlowCube::localDayHour(t.start, zone, &day, &hour);
        for (std::uint32_t i = 1; i < t.reads; ++i) {
            const std::uint32_t a = set.path[t.pathOffset + i - 1], b = set.path[t.pathOffset + i];
            const std::uint32_t at = set.pathTimes[t.pathOffset + i - 1];
            hops[{a, b}].push_back(Hop{static_cast<double>(set.pathTimes[t.pathOffset + i]) - at, t.vehicle,
                                       kKeys.hop(t.vehicle, t.start + at, a), day});
        }
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, PairTimes> out;
    for (auto& [pair, x] : hops)
        out[pair] = pairStatistics(x);
    return out;
}

void compare(const std::vector<PairTimes>& got,
             const std::map<std::pair<std::uint32_t, std::uint32_t>, PairTimes>& expected) {
    QCOMPARE(got.size(), expected.size());
    std::size_t i = 0;
    int withOutliers = 0;
    for (const auto& [pair, e] : expected) {
        const PairTimes& g = got[i++];
        QCOMPARE(std::make_pair(g.from, g.to), pair);
        QCOMPARE(g.n, e.n);
        QCOMPARE(g.dropped, e.dropped);
        QCOMPARE(g.median, e.median); // the same order statistics: equal, not close
        QCOMPARE(g.p15, e.p15);
        QCOMPARE(g.p85, e.p85);
        QCOMPARE(g.key, e.key);
        QCOMPARE(g.droppedKey, e.droppedKey);
        QCOMPARE(g.vehicles, e.vehicles);
        QCOMPARE(g.droppedVehicles, e.droppedVehicles);
        withOutliers += e.dropped > 0 ? 1 : 0;
    }
    QVERIFY(withOutliers > 3); // the outlier rule was exercised
}

} // namespace

/**
 * \brief JourneySamples: journey times from counted seconds in two passes (bounded memory) equal the rule
 * applied to every hop at once (pairStatistics), whatever the pieces.
 */
class TestJourneyTimes : public QObject {
    Q_OBJECT

private slots:
    void twoPassesEqualEveryHopAtOnce() {
        LocalTime zone("Europe/Brussels");
        const TripSet set = randomTrips(5, 4000, 3);
        compare(journeyTimes(set, FlowFilter(), zone, kKeys), everyHopAtOnce(set, zone));
    }

    void dayByDayInAnyOrderEqualsEveryHopAtOnce() {
        // As the engine reads the stored trips: a day at a time, first pass days in any order on pieces
        // that are absorbed, second pass a day per call.
        LocalTime zone("Europe/Brussels");
        const TripSet set = randomTrips(6, 3000, 5);
        std::map<std::int64_t, TripSet> days;
        for (const Trip& t : set.trips) {
            std::int64_t day;
            int hour;
            FlowCube::localDayHour(t.start, zone, &day, &hour);
            days[day].append(t, set);
        }
        JourneySamples samples;
        for (auto it = days.rbegin(); it != days.rend(); ++it) {
            JourneySamples piece;
            piece.add(it->second, zone, kKeys);
            samples.absorb(std::move(piece));
        }
        samples.settle();
        for (const auto& [day, trips] : days)
            samples.countVehicles(trips, zone);
        compare(samples.statistics(), everyHopAtOnce(set, zone));
    }

    void batchesOfHopsEqualEveryHopAtOnce() {
        // The first pass counts a day's hops a batch at a time: batches of 1, 7 and 1000 hops (the last far
        // fewer than the set's) give the same figures as the rule on every hop at once.
        LocalTime zone("Europe/Brussels");
        const TripSet set = randomTrips(5, 4000, 3);
        const auto all = everyHopAtOnce(set, zone);
        for (std::size_t batch : {std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
            JourneySamples samples;
            samples.add(set, zone, kKeys, batch);
            samples.settle();
            samples.countVehicles(set, zone);
            compare(samples.statistics(), all);
        }
    }

    void theRuleOnHandMadeSeconds() {
        // Median 100, MAD 2: 130 lies beyond 3 × MAD and is dropped; R-7 percentiles of the rest.
        TripSet set;
        const std::vector<std::uint32_t> seconds = {96, 98, 99, 100, 100, 101, 102, 104, 130};
        for (std::size_t i = 0; i < seconds.size(); ++i) {
            Trip t;
            t.start = T + static_cast<std::int64_t>(i) * 60;
            t.vehicle = static_cast<std::uint32_t>(i);
            t.reads = 2;
            t.pathOffset = static_cast<std::uint32_t>(set.path.size());
            set.path.insert(set.path.end(), {1, 2});
            set.pathTimes.insert(set.pathTimes.end(), {0, seconds[i]});
            set.trips.push_back(t);
        }
        LocalTime zone("UTC");
        const std::vector<PairTimes> got = journeyTimes(set, FlowFilter(), zone, kKeys);
        QCOMPARE(got.size(), std::size_t(1));
        QCOMPARE(got[0].dropped, 1);
        QCOMPARE(got[0].n, 8);
        QCOMPARE(got[0].median, 100.0);
        QVERIFY(qAbs(got[0].p15 - 98.05) < 1e-9);
        QVERIFY(qAbs(got[0].p85 - 101.95) < 1e-9);
        QCOMPARE(got[0].vehicles, 8);
        QCOMPARE(got[0].droppedVehicles, 1);
    }
};

QTEST_GUILESS_MAIN(TestJourneyTimes)
#include "testjourneytimes.moc"
