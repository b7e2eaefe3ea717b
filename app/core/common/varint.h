#pragma once

#include <QByteArray>

#include <cstdint>
#include <string>

namespace stroom::varint {

/** \brief LEB128: 7 bits per byte, low bits first (the store's packed paths, read blocks and trip days). */
inline void put(std::string& out, std::uint64_t v) {
    if (v < 0x80) { // most values: one byte
        out.push_back(static_cast<char>(v));
        return;
    }
    char bytes[10];
    std::size_t n = 0;
    while (v >= 0x80) {
        bytes[n++] = static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    bytes[n++] = static_cast<char>(v);
    out.append(bytes, n);
}
inline void put(QByteArray& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

/** Reads one value; false when the bytes end first or the value is too long (damaged data). */
inline bool get(const unsigned char*& p, const unsigned char* end, std::uint64_t* v) {
    std::uint64_t r = 0;
    int shift = 0;
    while (p < end && shift < 64) {
        const unsigned char b = *p++;
        r |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = r;
            return true;
        }
        shift += 7;
    }
    return false;
}

/** Signed values as unsigned (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
inline std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

} // namespace stroom::varint
