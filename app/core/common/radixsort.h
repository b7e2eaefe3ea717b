#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace stroom {

/**
 * \brief Sorts the \a n elements at \a data by the 64-bit key \a key(element), ascending and stable: a
 * least-significant-digit radix sort on bytes that skips the bytes every element shares. Linear in the
 * elements; for the cube's cells of a day (hundreds of thousands, keys of few distinct high bytes) a few
 * times faster than std::sort.
 */
template <typename T, typename Key> void radixSort(T* data, std::size_t n, Key key) {
    if (n < 512) {
        std::stable_sort(data, data + n, [&](const T& a, const T& b) { return key(a) < key(b); });
        return;
    }
    std::array<std::array<std::size_t, 256>, 8> count{};
    for (const T* x = data; x != data + n; ++x) {
        const std::uint64_t k = key(*x);
        for (int d = 0; d < 8; ++d)
            ++count[static_cast<std::size_t>(d)][(k >> (8 * d)) & 0xffu];
    }
    // The other buffer is left uninitialised (its elements are all written before they are read): zeroing
    // a day's worth of cells first cost as much as a pass.
    const std::unique_ptr<T[]> other(new T[n]);
    T* from = data;
    T* to = other.get();
    for (int d = 0; d < 8; ++d) {
        std::array<std::size_t, 256>& c = count[static_cast<std::size_t>(d)];
        if (std::find(c.begin(), c.end(), n) != c.end())
            continue; // every element has the same byte here
        std::size_t sum = 0;
        for (std::size_t& b : c) {
            const std::size_t here = b;
            b = sum;
            sum += here;
        }
        for (const T* x = from; x != from + n; ++x)
            to[c[(key(*x) >> (8 * d)) & 0xffu]++] = *x;
        std::swap(from, to);
    }
    if (from != data)
        std::copy(from, from + n, data);
}
/** radixSort() of a whole vector. */
template <typename T, typename Key> void radixSort(std::vector<T>& v, Key key) {
    radixSort(v.data(), v.size(), key);
}

/** Sorts 64-bit numbers ascending (radixSort() by the number itself). */
inline void radixSort(std::vector<std::uint64_t>& v) {
    radixSort(v, [](std::uint64_t x) { return x; });
}

} // namespace stroom
