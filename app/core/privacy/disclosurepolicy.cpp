#include "privacy/disclosurepolicy.h"

#include <QLocale>

namespace stroom {

namespace {
// Cumulative upper bounds (in 16ths of [0, 1)) of the noise −2 … +2 for values ≥ 2, and −1 … +2 for 1.
constexpr int kWide[5] = {1, 5, 11, 15, 16};
constexpr int kOne[4] = {7, 10, 15, 16};
} // namespace

int PTable::noise(std::int64_t value, std::uint32_t cellKey, std::int64_t floor) {
    // Rows by the distance above the floor (k): a released value never falls below k, so a small one does
    // not give the noise away.
    const std::int64_t above = value - floor;
    if (above <= 0)
        return 0;
    const int sixteenth = static_cast<int>(cellKey >> 28); // 0..15: the key's interval
    if (above == 1) {
        for (int i = 0; i < 4; ++i)
            if (sixteenth < kOne[i])
                return i - 1;
    }
    for (int i = 0; i < 5; ++i)
        if (sixteenth < kWide[i])
            return i - 2;
    return 0;
}

QString PTable::text() {
    return QStringLiteral("cell key method; by value v above the floor k: v >= k+2: -2:1/16 -1:4/16 0:6/16 "
                          "+1:4/16 +2:1/16; v = k+1: -1:7/16 0:3/16 +1:5/16 +2:1/16; v = k: 0; D=2, "
                          "variance=1 (0 at v = k)");
}

double PTable::equalNoiseChance() {
    return (1.0 + 16.0 + 36.0 + 16.0 + 1.0) / 256.0;
}

DisclosurePolicy::DisclosurePolicy(int k, bool exact)
    : m_k(k < 1 ? 1 : k)
    , m_exact(exact) {}

std::int64_t DisclosurePolicy::publish(const RawFigure& f) const {
    if (!passes(f))
        return kSuppressed;
    return m_exact ? f.value : f.value + PTable::noise(f.value, f.key, m_k);
}

DisclosurePolicy::Table DisclosurePolicy::table(const std::vector<RawFigure>& cells) const {
    Table t;
    t.values.reserve(cells.size());
    for (const RawFigure& f : cells) {
        const std::int64_t v = publish(f);
        t.values.push_back(v);
        if (v == kSuppressed)
            ++t.suppressed;
        else
            t.total += v;
    }
    return t;
}

QString DisclosurePolicy::method() const {
    if (m_exact)
        return QStringLiteral("exact figures (layer L1, audited with their purpose); cells with fewer than "
                              "k = %1 distinct vehicles suppressed")
            .arg(m_k);
    return QStringLiteral("cells with fewer than k = %1 distinct vehicles suppressed; every figure perturbed "
                          "by the cell key method (noise -2..+2, zero mean, variance 1); totals are sums of "
                          "published cells")
        .arg(m_k);
}

QString DisclosurePolicy::shown(std::int64_t value, int k, const QLocale& locale) {
    return value == kSuppressed ? QStringLiteral("< %1").arg(k)
                                : locale.toString(static_cast<qlonglong>(value));
}

} // namespace stroom
