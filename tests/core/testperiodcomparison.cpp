// PeriodComparison (issue 14, before/after): the permutation test against independent exact counts, a
// planted change flagged, two periods of the same traffic rarely flagged, and every figure the one a flows
// query of that period alone releases.

#include "common/error.h"
#include "common/random.h"
#include "common/vectorsource.h"
#include "flows/flowengine.h"
#include "flows/periodcomparison.h"
#include "import/importer.h"
#include "inventory/inventoryimport.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include "../plantedchange.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace stroom;

namespace {

/** The exact two-sided p-value without strata by counting subsets per (size, sum): no enumeration. */
double exactByCounting(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
    std::vector<std::int64_t> all(a);
    all.insert(all.end(), b.begin(), b.end());
    std::int64_t total = 0, sumA = 0;
    for (const auto v : all)
        total += v;
    for (const auto v : a)
        sumA += v;
    const int n = static_cast<int>(all.size()), na = static_cast<int>(a.size());
    // ways[k][s]: subsets of size k with sum s.
    std::vector<std::vector<double>> ways(static_cast<std::size_t>(na + 1),
                                          std::vector<double>(static_cast<std::size_t>(total + 1), 0));
    ways[0][0] = 1;
    for (const auto v : all)
        for (int k = na; k >= 1; --k)
            for (std::int64_t s = total; s >= v; --s)
                ways[static_cast<std::size_t>(k)][static_cast<std::size_t>(s)] +=
                    ways[static_cast<std::size_t>(k - 1)][static_cast<std::size_t>(s - v)];
    const double observed = std::fabs(static_cast<double>(sumA) * n - static_cast<double>(total) * na);
    double atLeast = 0, count = 0;
    for (std::int64_t s = 0; s <= total; ++s) {
        const double w = ways[static_cast<std::size_t>(na)][static_cast<std::size_t>(s)];
        count += w;
        if (std::fabs(static_cast<double>(s) * n - static_cast<double>(total) * na) >= observed - 1e-9)
            atLeast += w;
    }
    return atLeast / count;
}

/** The exact p-value with strata by trying every assignment of the days (small n only). */
double exactByMasks(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                    const std::vector<int>& sa, const std::vector<int>& sb) {
    std::vector<std::int64_t> all(a);
    all.insert(all.end(), b.begin(), b.end());
    std::vector<int> strata(sa);
    strata.insert(strata.end(), sb.begin(), sb.end());
    const int n = static_cast<int>(all.size());
    std::map<int, double> sum, size, inA;
    for (int i = 0; i < n; ++i) {
        sum[strata[static_cast<std::size_t>(i)]] += static_cast<double>(all[static_cast<std::size_t>(i)]);
        size[strata[static_cast<std::size_t>(i)]] += 1;
        if (i < static_cast<int>(a.size()))
            inA[strata[static_cast<std::size_t>(i)]] += 1;
    }
    auto deviation = [&](unsigned mask, bool* valid) {
        std::map<int, double> countA;
        double d = 0;
        for (int i = 0; i < n; ++i)
            if (mask >> i & 1u) {
                countA[strata[static_cast<std::size_t>(i)]] += 1;
                d += static_cast<double>(all[static_cast<std::size_t>(i)]);
            }
        *valid = true;
        for (const auto& [s, c] : size) {
            if (countA[s] != inA[s])
                *valid = false;
            d -= inA[s] * sum[s] / c;
        }
        return std::fabs(d);
    };
    bool valid = false;
    const double observed = deviation((1u << a.size()) - 1u, &valid);
    double atLeast = 0, count = 0;
    for (unsigned mask = 0; mask < (1u << n); ++mask) {
        const double d = deviation(mask, &valid);
        if (!valid)
            continue;
        ++count;
        atLeast += d >= observed - 1e-9 ? 1 : 0;
    }
    return atLeast / count;
}

} // namespace

class TestPeriodComparison : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_sim;
    FlowCube m_same, m_planted;
    CameraIndex m_cams;
    const DisclosurePolicy m_policy{10, false};

    FlowCube build(const QString& name, const QByteArray& dropCamera) {
        const QString project = m_dir.filePath(name + QStringLiteral(".gpkg"));
        stroomtest::createPlantedChangeProject(m_sim, project, dropCamera);
        Store s = Store::open(project);
        FlowEngine engine(s);
        m_cams = engine.cameras();
        return engine.loadCube();
    }
    static FlowFilter period(const QDate& from, const QDate& to) {
        FlowFilter f;
        f.from = from;
        f.to = to;
        return f;
    }
    const FlowFilter m_week1 = period(QDate(2026, 3, 2), QDate(2026, 3, 8));
    const FlowFilter m_week2 = period(QDate(2026, 3, 9), QDate(2026, 3, 15));

private slots:
    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        m_same = build(QStringLiteral("same"), {});
        m_planted = build(QStringLiteral("planted"), "C010");
    }

    void permutationPValuesAreExact() {
        // Four against four, fully apart: 2 of the 70 splits are as extreme.
        QCOMPARE(PeriodComparison::permutationP({1, 2, 3, 4}, {5, 6, 7, 8}, 1), 2.0 / 70.0);
        QCOMPARE(PeriodComparison::permutationP({3, 3, 3}, {3, 3, 3}, 1), 1.0);
        Random random(7);
        for (int trial = 0; trial < 200; ++trial) {
            const int na = 2 + static_cast<int>(random.next() % 6),
                      nb = 2 + static_cast<int>(random.next() % 6);
            std::vector<std::int64_t> a, b;
            std::vector<int> sa, sb;
            for (int i = 0; i < na; ++i) {
                a.push_back(static_cast<std::int64_t>(random.next() % 20));
                sa.push_back(static_cast<int>(random.next() % 2));
            }
            for (int i = 0; i < nb; ++i) {
                b.push_back(static_cast<std::int64_t>(random.next() % 20 + (trial % 3)));
                sb.push_back(static_cast<int>(random.next() % 2));
            }
            QVERIFY(std::fabs(PeriodComparison::permutationP(a, b, 1) - exactByCounting(a, b)) < 1e-12);
            QVERIFY(std::fabs(PeriodComparison::permutationP(a, b, 1, sa, sb) - exactByMasks(a, b, sa, sb)) <
                    1e-12);
        }
        // Beyond the exact limit (C(28,14) splits), random splits come close to the exact value.
        for (int trial = 0; trial < 20; ++trial) {
            std::vector<std::int64_t> a, b;
            for (int i = 0; i < 14; ++i) {
                a.push_back(static_cast<std::int64_t>(20 + random.next() % 15));
                b.push_back(static_cast<std::int64_t>(22 + random.next() % 15));
            }
            const double exact = exactByCounting(a, b), sampled = PeriodComparison::permutationP(a, b, trial);
            QVERIFY2(std::fabs(exact - sampled) < 0.025,
                     qPrintable(QStringLiteral("%1 %2").arg(exact).arg(sampled)));
        }
    }

    /** A camera's reads gone in the second week: its big cells change, significantly. */
    void flagsAPlantedChange() {
        const PeriodComparison::Result r =
            PeriodComparison::compare(m_planted, m_week1, m_week2, {}, m_policy);
        QCOMPARE(r.beforeDays, 7);
        QCOMPARE(r.afterDays, 7);
        const std::uint32_t c010 = static_cast<std::uint32_t>(
            std::find(m_cams.id.begin(), m_cams.id.end(), QStringLiteral("C010")) - m_cams.id.begin());
        int big = 0;
        for (const PeriodComparison::Row& row : r.rows) {
            if (row.origin != c010 && row.destination != c010)
                continue;
            QVERIFY(!row.released(row.after)); // no trips there any more
            if (row.before >= 5) {
                ++big;
                QVERIFY2(row.significant,
                         qPrintable(QStringLiteral("%1 p=%2").arg(row.before).arg(row.pValue)));
            }
        }
        QVERIFY2(big >= 10, qPrintable(QString::number(big)));
    }

    /** Two weeks of the same traffic: about 5 % of the cells or fewer flagged, never none. */
    void rarelyFlagsTheSameTraffic() {
        for (const bool zones : {false, true}) {
            const PeriodComparison::Result r = PeriodComparison::compare(
                m_same, m_week1, m_week2, zones ? m_cams.zoneOf : std::vector<int>(), m_policy);
            int tested = 0, flagged = 0;
            for (const PeriodComparison::Row& row : r.rows)
                if (row.hasChange()) {
                    ++tested;
                    flagged += row.significant ? 1 : 0;
                }
            const double rate = static_cast<double>(flagged) / tested;
            qInfo("%s: %d of %d cells flagged (%.1f %%)", zones ? "zones" : "cameras", flagged, tested,
                  100 * rate);
            QVERIFY(tested > 250);
            QVERIFY2(rate <= 0.065 && rate >= 0.01, qPrintable(QString::number(rate)));
        }
    }

    /** Each figure is the period's released figure per day: nothing a flows query would not give. */
    void figuresAreThePeriodsReleases() {
        const PeriodComparison::Result r = PeriodComparison::compare(m_same, m_week1, m_week2, {}, m_policy);
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> w1, w2;
        std::int64_t withTraffic = 0;
        std::map<std::pair<std::uint32_t, std::uint32_t>, bool> any;
        for (const auto& [f, into] : {std::make_pair(&m_week1, &w1), std::make_pair(&m_week2, &w2)}) {
            const RawOd raw = m_same.od(*f);
            for (const RawOd::Cell& c : raw.cells)
                any[{c.origin, c.destination}] = true;
            for (const OdFlow& flow : raw.publish(m_policy).flows)
                (*into)[{flow.origin, flow.destination}] = flow.trips;
        }
        withTraffic = static_cast<std::int64_t>(any.size());
        std::size_t rows = 0;
        for (const PeriodComparison::Row& row : r.rows) {
            const auto key = std::make_pair(row.origin, row.destination);
            QCOMPARE(row.released(row.before), w1.count(key) == 1);
            QCOMPARE(row.released(row.after), w2.count(key) == 1);
            if (row.released(row.before))
                QCOMPARE(row.before, static_cast<double>(w1[key]) / 7);
            if (row.released(row.after))
                QCOMPARE(row.after, static_cast<double>(w2[key]) / 7);
            ++rows;
        }
        std::map<std::pair<std::uint32_t, std::uint32_t>, bool> released;
        for (const auto& [k, v] : w1)
            released[k] = true;
        for (const auto& [k, v] : w2)
            released[k] = true;
        QCOMPARE(rows, released.size());
        QCOMPARE(r.suppressed, withTraffic - static_cast<std::int64_t>(released.size()));
    }

    void refusesOverlapsAndShortPeriods() {
        QVERIFY_EXCEPTION_THROWN(PeriodComparison::compare(m_same, m_week1,
                                                           period(QDate(2026, 3, 8), QDate(2026, 3, 14)), {},
                                                           m_policy),
                                 Error);
        QVERIFY_EXCEPTION_THROWN(PeriodComparison::compare(m_same, m_week1,
                                                           period(QDate(2026, 3, 9), QDate(2026, 3, 11)), {},
                                                           m_policy),
                                 Error);
        // Days without data do not count: a period reaching past the data has only the days it holds.
        QVERIFY_EXCEPTION_THROWN(PeriodComparison::compare(m_same, m_week1,
                                                           period(QDate(2026, 3, 14), QDate(2026, 4, 30)), {},
                                                           m_policy),
                                 Error);
    }
};

QTEST_GUILESS_MAIN(TestPeriodComparison)
#include "testperiodcomparison.moc"
