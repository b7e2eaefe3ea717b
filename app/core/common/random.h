#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace stroom {

/**
 * \brief A small, fast, portable random generator (xoshiro256**, seeded through splitmix64).
 *
 * Its own distributions make simulations bit-identical across compilers and standard libraries,
 * which std::*_distribution does not promise.
 */
class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (auto& s : m_s)
            s = splitmix(seed);
    }
    /** A generator for one stream of a seeded family (e.g. one day, one vehicle). */
    static Random stream(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) {
        std::uint64_t x = seed ^ 0x5354524f4f4d2121ULL;
        x = splitmix(x) ^ (a * 0x9e3779b97f4a7c15ULL);
        x = splitmix(x) ^ (b * 0xc2b2ae3d27d4eb4fULL);
        return Random(x);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    /** Uniform in [0, 1). */
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /** Uniform integer in [lo, hi]. */
    int integer(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    double normal(double mean, double sd) {
        // Box–Muller; one value per call keeps the stream simple to reason about.
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    int poisson(double lambda) {
        const double l = std::exp(-lambda);
        int k = 0;
        double p = 1.0;
        do {
            ++k;
            p *= uniform();
        } while (p > l);
        return k - 1;
    }
    /** Index drawn with probability proportional to weights (which need not sum to 1). */
    int weighted(const std::vector<double>& weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            r -= weights[i];
            if (r < 0)
                return static_cast<int>(i);
        }
        return static_cast<int>(weights.size()) - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::uint64_t m_s[4];
};

} // namespace stroom
