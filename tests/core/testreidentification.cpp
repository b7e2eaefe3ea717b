// Re-identification risk (issue 11, item 6): unicity against an exhaustive computation, linkability and
// trips under k on the crafted project.
#include "../craftedproject.h"
#include "governance/reidentification.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace stroom;

namespace {

/** Expected unicity for p points, by enumerating every p-subset of every vehicle's points. */
double exhaustive(const std::vector<std::vector<std::uint64_t>>& traces, int p) {
    double total = 0;
    int vehicles = 0;
    for (std::size_t v = 0; v < traces.size(); ++v) {
        const std::vector<std::uint64_t>& pts = traces[v];
        const int n = static_cast<int>(pts.size());
        const int take = std::min(p, n);
        int subsets = 0, unique = 0;
        for (unsigned mask = 0; mask < (1u << n); ++mask) {
            if (__builtin_popcount(mask) != take)
                continue;
            ++subsets;
            int holders = 0;
            for (const std::vector<std::uint64_t>& other : traces) {
                bool all = true;
                for (int i = 0; i < n; ++i)
                    if ((mask >> i & 1u) &&
                        !std::binary_search(other.begin(), other.end(), pts[static_cast<std::size_t>(i)]))
                        all = false;
                holders += all ? 1 : 0;
            }
            unique += holders == 1 ? 1 : 0;
        }
        total += static_cast<double>(unique) / subsets;
        ++vehicles;
    }
    return total / vehicles;
}

} // namespace

class TestReidentification : public QObject {
    Q_OBJECT

private slots:
    void unicityMatchesAnExhaustiveCount() {
        // Ten small traces that share points in overlapping ways (sorted, distinct points).
        const std::vector<std::vector<std::uint64_t>> traces = {
            {1, 2},    {1, 2},        {3},      {6, 7},          {6, 7, 8},
            {1, 6, 9}, {2, 3, 9, 10}, {10, 11}, {1, 2, 3, 6, 7}, {12}};
        for (int p = 1; p <= 4; ++p) {
            double mean = 0;
            const int runs = 400;
            for (int seed = 1; seed <= runs; ++seed)
                mean += ReidentificationRisk::unicityOf(
                    traces, 0, static_cast<std::uint64_t>(seed))[static_cast<std::size_t>(p - 1)];
            mean /= runs;
            const double expected = exhaustive(traces, p);
            QVERIFY2(std::abs(mean - expected) < 0.02,
                     qPrintable(
                         QStringLiteral("p=%1: %2 measured, %3 exhaustive").arg(p).arg(mean).arg(expected)));
        }
    }

    void theCraftedProject() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("crafted.gpkg"));
        stroomtest::writeCraftedProject(p, dir.filePath(QStringLiteral("crafted.csv")));
        Store s = Store::open(p, Store::Access::ReadOnly);
        const ReidentificationRisk r = ReidentificationRisk::measure(s);
        QCOMPARE(r.reads, 76);
        QCOMPARE(r.vehicles, 37);
        QCOMPARE(r.linkableShare, 0.0); // one day
        QCOMPARE(r.trips, 27);
        QCOMPARE(r.tripsBelowKShare, 15.0 / 27.0); // A→B: one vehicle per hour; A→C: 12 in one hour
        QVERIFY(r.unicity[3] >= r.unicity[0]);
        const QJsonObject j = r.toJson();
        for (const char* key : {"unicity", "linkable_share", "trips_below_k_share", "vehicles", "reads"})
            QVERIFY2(j.contains(QLatin1String(key)), key);
        QCOMPARE(j.value(QStringLiteral("unicity")).toObject().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestReidentification)
#include "testreidentification.moc"
