#include "common/radixsort.h"
#include "flows/flowcube.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace stroom;

namespace {

/**
 * Count cells of \a days days: \a vehicles vehicles that keep their number from day to day, and as many cells
 * again of vehicles seen on one day only (a band of numbers per day, as where pseudonyms rotate daily, and
 * numbers of unlinked days).
 */
std::map<std::int64_t, std::vector<FlowCube::CountCell>> randomCountDays(int days, std::uint32_t vehicles,
                                                                         int perDay, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::map<std::int64_t, std::vector<FlowCube::CountCell>> out;
    for (int d = 0; d < days; ++d) {
        auto& cells = out[20000 + d];
        for (int i = 0; i < 2 * perDay; ++i) {
            const auto day = static_cast<std::uint32_t>(d);
            const std::uint32_t vehicle = i < perDay    ? rng() % vehicles
                                          : i % 10 == 0 ? FlowCube::kUnlinkedBase + day * 5000 + rng() % 500
                                                        : 1000000 + day * 100000 + rng() % 20000;
            FlowCube::CountCell c{};
            c.camera = rng() % 5;
            c.vehicle = vehicle;
            c.readKeys = static_cast<std::uint32_t>(rng());
            c.vehicleKey =
                (vehicle * 2654435761u) ^ static_cast<std::uint32_t>(d * 40503); // per vehicle and day
            c.passages = 1 + rng() % 2;
            c.hour = static_cast<std::uint8_t>(rng() % 24);
            c.cls = static_cast<std::uint8_t>(1 + rng() % 3);
            cells.push_back(c);
        }
    }
    return out;
}

/** The vehicles of \a days seen on more than one of them. */
std::vector<std::uint32_t>
linkedVehicles(const std::map<std::int64_t, std::vector<FlowCube::CountCell>>& days) {
    std::map<std::uint32_t, std::set<std::int64_t>> daysOf;
    for (const auto& [day, cells] : days)
        for (const FlowCube::CountCell& c : cells)
            daysOf[c.vehicle].insert(day);
    std::vector<std::uint32_t> out;
    for (const auto& [vehicle, seen] : daysOf)
        if (seen.size() > 1)
            out.push_back(vehicle);
    return out;
}

} // namespace

/** \brief FlowCube's queries fed a day at a time (OdTally, CountTally) and the radix sort of its cells. */
class TestFlowCube : public QObject {
    Q_OBJECT

private slots:
    void radixSortIsAStableSortByKey_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<quint64>("mask");
        for (int n : {0, 1, 100, 511, 512, 5000, 100000}) {
            QTest::addRow("%d, every bit", n) << n << quint64(~0ull);
            QTest::addRow("%d, few bits", n) << n << quint64(0x0000'0300'0000'00f1ull);
        }
    }
    void radixSortIsAStableSortByKey() {
        QFETCH(int, n);
        QFETCH(quint64, mask);
        std::mt19937_64 rng(static_cast<std::uint64_t>(n) ^ mask);
        struct Item {
            std::uint64_t key;
            int position;
        };
        std::vector<Item> items;
        for (int i = 0; i < n; ++i)
            items.push_back(Item{rng() & mask, i});
        std::vector<Item> expected = items;
        std::stable_sort(expected.begin(), expected.end(),
                         [](const Item& a, const Item& b) { return a.key < b.key; });
        radixSort(items, [](const Item& x) { return x.key; });
        QCOMPARE(items.size(), expected.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            QCOMPARE(items[i].key, expected[i].key);
            QCOMPARE(items[i].position, expected[i].position); // stable: equal keys keep their order
        }
    }

    void countTallyEqualsEveryCellCounted_data() {
        QTest::addColumn<int>("per");
        QTest::addColumn<bool>("perClass");
        QTest::addColumn<int>("declared"); // 0: nothing, 1: the linked vehicles, 2: those and others
        for (int declared : {0, 1, 2}) {
            const char* how = declared == 0 ? "" : declared == 1 ? ", linked declared" : ", more declared";
            QTest::addRow("all%s", how) << int(CountPeriod::All) << false << declared;
            QTest::addRow("all, classes%s", how) << int(CountPeriod::All) << true << declared;
            QTest::addRow("hour of day%s", how) << int(CountPeriod::HourOfDay) << false << declared;
            QTest::addRow("day%s", how) << int(CountPeriod::Day) << false << declared;
            QTest::addRow("hour, classes%s", how) << int(CountPeriod::Hour) << true << declared;
        }
    }
    void countTallyEqualsEveryCellCounted() {
        // Vehicles that come back day after day (a key that does not rotate), enough of them that a figure's
        // vehicles are compacted along the way; days fed in no particular order.
        QFETCH(int, per);
        QFETCH(bool, perClass);
        QFETCH(int, declared);
        const auto period = static_cast<CountPeriod>(per);
        const auto days = randomCountDays(12, 9000, 30000, 7);
        CountTally tally(FlowFilter(), period, perClass);
        if (declared > 0) {
            const std::vector<std::uint32_t> linked = linkedVehicles(days);
            QVERIFY(linked.size() > 1000);
            std::vector<std::uint32_t> list = linked;
            if (declared == 2) // a list kept after a purge may hold vehicles now of one day
                for (std::uint32_t v = 1000000; v < 1000000 + 5000; ++v)
                    list.push_back(v);
            tally.expectLinked(list);
        }
        for (auto it = days.rbegin(); it != days.rend(); ++it)
            tally.add(it->first, it->second);
        const RawCounts got = tally.result();

        // By hand: every cell's passages and keys, each vehicle once with its smallest key, the largest day.
        using Key = std::tuple<std::uint32_t, std::int64_t, int>;
        std::map<Key, RawCounts::Cell> cells;
        std::map<Key, std::map<std::uint32_t, std::uint32_t>> smallestKey;
        std::map<Key, std::map<std::int64_t, std::set<std::uint32_t>>> perDay;
        for (const auto& [day, dayCells] : days) {
            for (const FlowCube::CountCell& c : dayCells) {
                const std::int64_t p = period == CountPeriod::Hour        ? day * 24 + c.hour
                                       : period == CountPeriod::Day       ? day
                                       : period == CountPeriod::HourOfDay ? c.hour
                                                                          : 0;
                const Key key{c.camera, p, perClass ? c.cls : -1};
                RawCounts::Cell& cell = cells[key];
                cell.passages.value += c.passages;
                cell.passages.key += c.readKeys;
                auto [it, added] = smallestKey[key].try_emplace(c.vehicle, c.vehicleKey);
                if (!added)
                    it->second = std::min(it->second, c.vehicleKey);
                perDay[key][day].insert(c.vehicle);
            }
        }
        QCOMPARE(got.cells.size(), cells.size());
        std::size_t i = 0;
        bool sawLargeFigure = false;
        for (const auto& [key, expected] : cells) {
            const RawCounts::Cell& c = got.cells[i++];
            QCOMPARE(Key(c.camera, c.period, c.cls), key);
            QCOMPARE(c.passages.value, expected.passages.value);
            QCOMPARE(c.passages.key, expected.passages.key);
            std::uint32_t vehicleKeys = 0;
            for (const auto& [vehicle, k] : smallestKey[key])
                vehicleKeys += k;
            QCOMPARE(c.vehicles.value, static_cast<std::int64_t>(smallestKey[key].size()));
            QCOMPARE(c.vehicles.key, vehicleKeys);
            std::int64_t largest = 0;
            for (const auto& [day, vehicles] : perDay[key])
                largest = std::max(largest, static_cast<std::int64_t>(vehicles.size()));
            QCOMPARE(c.vehicles.vehicles, largest);
            QCOMPARE(c.passages.vehicles, largest);
            sawLargeFigure = sawLargeFigure || smallestKey[key].size() > 4096;
        }
        if (period == CountPeriod::All)
            QVERIFY(sawLargeFigure); // the compaction along the way was exercised
    }

    void countTallyCountsOnceAVehicleDeclaredLinked() {
        // The declaration is what keeps a vehicle seen on two days to be counted once: leave one out and its
        // figure counts it twice (the caller answers for the list; ReadBlocks keeps it).
        FlowCube::CountCell c{};
        c.camera = 1;
        c.vehicle = 42;
        c.passages = 1;
        c.vehicleKey = 7;
        const std::vector<FlowCube::CountCell> day{c};
        for (const bool declared : {true, false}) {
            CountTally tally(FlowFilter(), CountPeriod::All, false);
            tally.expectLinked(declared ? std::vector<std::uint32_t>{42} : std::vector<std::uint32_t>{});
            tally.add(20000, day);
            tally.add(20003, day);
            const RawCounts got = tally.result();
            QCOMPARE(got.cells.size(), std::size_t(1));
            QCOMPARE(got.cells[0].passages.value, std::int64_t(2));
            QCOMPARE(got.cells[0].vehicles.value, std::int64_t(declared ? 1 : 2));
        }
    }

    void odTallyEqualsEveryCellCounted() {
        // Days fed in no particular order, per camera and per zone (a camera in no zone left out).
        std::mt19937 rng(11);
        const auto r = [&](std::uint32_t below) { return static_cast<std::uint32_t>(rng() % below); };
        std::map<std::int64_t, std::vector<FlowCube::OdCell>> days;
        for (int d = 0; d < 6; ++d) {
            auto& cells = days[20000 + d];
            for (int i = 0; i < 3000; ++i)
                cells.push_back(FlowCube::OdCell{
                    r(6), r(6), r(500), static_cast<std::uint32_t>(rng()), 1 + r(2),
                    static_cast<std::uint8_t>(r(24)), static_cast<std::uint8_t>(1 + r(3)),
                    static_cast<std::uint8_t>(r(4)), static_cast<std::uint8_t>(r(10) == 0 ? 1 : 0)});
        }
        FlowFilter f;
        f.hourFrom = 6;
        f.hourTo = 20;
        const std::vector<int> zones{0, 0, 1, 1, -1, 2};
        for (const std::vector<int>& group : {std::vector<int>(), zones}) {
            OdTally tally(f, group);
            for (std::int64_t day : {20003, 20001, 20005, 20000, 20004, 20002})
                tally.add(day, days[day]);
            const RawOd got = tally.result();

            std::map<std::pair<int, int>, RawFigure> expected;
            std::map<std::pair<int, int>, std::map<std::int64_t, std::set<std::uint32_t>>> perDay;
            RawFigure single;
            std::map<std::int64_t, std::set<std::uint32_t>> singleDays;
            for (const auto& [day, cells] : days) {
                for (const FlowCube::OdCell& c : cells) {
                    if (c.hour < 6 || c.hour >= 20)
                        continue;
                    if (c.single) {
                        single.value += c.trips;
                        single.key += c.key;
                        singleDays[day].insert(c.vehicle);
                        continue;
                    }
                    const int o = group.empty() ? static_cast<int>(c.origin) : group[c.origin];
                    const int d = group.empty() ? static_cast<int>(c.destination) : group[c.destination];
                    if (o < 0 || d < 0)
                        continue;
                    expected[{o, d}].value += c.trips;
                    expected[{o, d}].key += c.key;
                    perDay[{o, d}][day].insert(c.vehicle);
                }
            }
            const auto largest = [](const std::map<std::int64_t, std::set<std::uint32_t>>& byDay) {
                std::int64_t most = 0;
                for (const auto& [day, vehicles] : byDay)
                    most = std::max(most, static_cast<std::int64_t>(vehicles.size()));
                return most;
            };
            QCOMPARE(got.cells.size(), expected.size());
            std::size_t i = 0;
            for (const auto& [pair, figure] : expected) {
                const RawOd::Cell& c = got.cells[i++];
                QCOMPARE(std::make_pair(static_cast<int>(c.origin), static_cast<int>(c.destination)), pair);
                QCOMPARE(c.trips.value, figure.value);
                QCOMPARE(c.trips.key, figure.key);
                QCOMPARE(c.trips.vehicles, largest(perDay[pair]));
            }
            QCOMPARE(got.singleReadTrips.value, single.value);
            QCOMPARE(got.singleReadTrips.key, single.key);
            QCOMPARE(got.singleReadTrips.vehicles, largest(singleDays));
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowCube)
#include "testflowcube.moc"
