#pragma once

#include <QString>

#include <cstdint>
#include <vector>

class QLocale;

namespace stroom {

/**
 * \brief A figure before the privacy policy: its exact value, the distinct vehicles behind it and its cell
 * key (the sum of its records' keys, mod 1, as a 32-bit fraction: it adds up with unsigned wrap-around).
 */
struct RawFigure {
    std::int64_t value = 0;
    std::int64_t vehicles = 0;
    std::uint32_t key = 0;
};

/**
 * \brief The perturbation table (p-table) of the Cell Key Method: the noise added to a released value,
 * chosen by the cell key, by how far the value lies above the floor k (released values are never under
 * it). Two or more above: Binomial(4, ½) − 2, so −2, −1, 0, +1, +2 with probabilities 1/16, 4/16, 6/16,
 * 4/16, 1/16 (zero mean, variance 1, maximum deviation D = 2). One above: −1, 0, +1, +2 with 7/16, 3/16,
 * 5/16, 1/16 (zero mean, variance 1). At k: none. So a released value is never below k, and a released k
 * may be a true k, k + 1 or k + 2. The cell key picks the noise by where it falls in these cumulative
 * intervals of [0, 1).
 */
class PTable {
public:
    static constexpr int kMaxDeviation = 2;
    static constexpr double kVariance = 1.0;
    static int noise(std::int64_t value, std::uint32_t cellKey, std::int64_t floor);
    /** The table as the project records it and the report states it. */
    static QString text();
    /** The chance that two independent perturbations are equal: how often a difference of two published
     * figures hits the true difference (70/256). */
    static double equalNoiseChance();
};

/**
 * \brief The one privacy policy (DESIGN §2): decides every figure that is shown or written.
 *
 * - **k in vehicles.** A figure is published only when at least k distinct vehicles are behind it;
 *   otherwise it is suppressed (and counted).
 * - **Perturbation.** A published figure gets the p-table's noise for its value and cell key (the Cell Key
 *   Method): the same cell always reads the same, whatever query produced it, so repeating, overlapping or
 *   differencing queries recovers a suppressed cell no more often than the noise allows.
 * - **Totals from published cells.** A total beside a table is the sum of its published cells, so no
 *   suppressed cell is the difference of numbers in the same view (which makes complementary suppression
 *   unnecessary); a total shown on its own is a figure of its own, k and noise included.
 * - **Exact** figures (`--exact`, audited as layer L1) skip the noise; k still applies, at the k given.
 */
class DisclosurePolicy {
public:
    static constexpr std::int64_t kSuppressed = -1;
    static constexpr int kDefaultK = 10;

    /** \a k as the project sets it (`Store::disclosurePolicy`) or an exact release asks. */
    explicit DisclosurePolicy(int k = kDefaultK, bool exact = false);
    int k() const { return m_k; }
    bool exact() const { return m_exact; }
    /** The audit layer of what this policy releases: L2, or L1 for exact figures. */
    QString layer() const { return m_exact ? QStringLiteral("L1") : QStringLiteral("L2"); }

    bool passes(const RawFigure& f) const { return f.vehicles >= m_k && f.value > 0; }
    /** The value released for \a f, or kSuppressed. */
    std::int64_t publish(const RawFigure& f) const;

    /** \brief A table as released: each cell's value (or kSuppressed), the total of the published ones. */
    struct Table {
        std::vector<std::int64_t> values;
        std::int64_t total = 0;
        std::int64_t suppressed = 0;
    };
    Table table(const std::vector<RawFigure>& cells) const;

    /** One sentence on the method, for `--help`, records and messages (English). */
    QString method() const;
    /** A released value in words: the number in \a locale, or "< k" for a suppressed one. */
    static QString shown(std::int64_t value, int k, const QLocale& locale);

private:
    int m_k;
    bool m_exact;
};

} // namespace stroom
