#pragma once

#include <QByteArray>

#include <array>
#include <cstdint>

namespace stroom {

namespace sql {
class Database;
}

/**
 * \brief The random record keys of the Cell Key Method (DESIGN §2): every trip, read and journey-time
 * observation carries a key, uniform in [0, 1) and written as a 32-bit fraction.
 *
 * A key is SipHash-2-4 (libsodium's `crypto_shorthash`) of the record's identity under the project's
 * record secret: 16 random bytes made when the reads file is created and kept in it (`l0.meta`), never in
 * the shareable GeoPackage and never shown. Without the secret the keys are indistinguishable from random;
 * with it, the same record always gets the same key, so a rebuilt trip keeps its key and a cell keeps its
 * published value.
 */
class RecordKeys {
public:
    /** Keys under a given secret (16 bytes); tests use a fixed one. */
    explicit RecordKeys(const QByteArray& secret);
    /** The project's secret from its reads file (attached as `l0`); made there when missing. */
    static RecordKeys load(sql::Database& db);
    /** A fresh random key, tied to nothing (for records whose identity is gone, e.g. unlinked days). */
    static std::uint32_t randomKey();
    /** 16 fresh random bytes, hex, for a new reads file. */
    static QByteArray newSecretHex();

    /** The key of a trip: its vehicle, start and first camera. */
    std::uint32_t trip(std::uint32_t vehicle, std::int64_t start, std::uint32_t origin) const {
        return of(1, vehicle, start, origin);
    }
    /** The key of a kept read (a passage in counts). */
    std::uint32_t read(std::uint32_t vehicle, std::int64_t t, std::uint32_t camera) const {
        return of(2, vehicle, t, camera);
    }
    /**
     * The key of a vehicle on one local day (for distinct-vehicle figures). Per day, so that the keys kept
     * in the cube after a purge do not link a vehicle's days (\ref FlowCube::unlinkDaysBefore).
     */
    std::uint32_t vehicle(std::uint32_t vehicle, std::int64_t day) const { return of(3, vehicle, day, 0); }
    /** The key of a cell imported from a privacy-proof camera (its row in the reads file). */
    std::uint32_t aggregate(std::int64_t row, bool pairFlow) const { return of(pairFlow ? 6 : 5, 0, row, 0); }
    /** The key of a journey-time observation: the pair's first read. */
    std::uint32_t hop(std::uint32_t vehicle, std::int64_t t, std::uint32_t camera) const {
        return of(4, vehicle, t, camera);
    }

private:
    std::uint32_t of(std::uint8_t domain, std::uint32_t a, std::int64_t b, std::uint32_t c) const;
    std::array<unsigned char, 16> m_secret{};
};

} // namespace stroom
