#pragma once

#include "common/timeparse.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stroom {

/**
 * \brief The keys of `--pseudonymise` (issue 11): HMAC-SHA256 of the normalised plate under a random key per
 * rotation period, kept in memory only (wiped when the ring goes) and shared by every file of one command,
 * so two files of one import, or a file split at any hour, give the same pseudonyms.
 *
 * Keys rotate at 04:00 local time (the project's time zone, Europe/Brussels by default), the quietest hour,
 * daily or weekly (weeks start on Monday 04:00). A vehicle read within 30 minutes on both sides of a
 * rotation boundary is counted as a trip the boundary cut.
 */
class PseudonymKeys {
public:
    enum class Rotation { Daily, Weekly };
    PseudonymKeys(Rotation rotation, QByteArray timeZone);
    ~PseudonymKeys();
    PseudonymKeys(const PseudonymKeys&) = delete;
    PseudonymKeys& operator=(const PseudonymKeys&) = delete;

    /** The pseudonym (32 bytes) of \a plate read at UTC second \a t, written to \a out. */
    void pseudonymise(std::string_view plate, std::int64_t t, unsigned char* out);
    /** Trips a rotation boundary cut so far. */
    std::int64_t cuts() const;
    Rotation rotation() const { return m_rotation; }
    /** "daily at 04:00" or "weekly, Monday 04:00", with the time zone. */
    QString describe() const;
    static Rotation parse(const QString& text); ///< daily or weekly; Error::usage otherwise

    /**
     * The key period of UTC second \a t: its local day (or Monday-based week) counted from 04:00 in \a zone.
     * The one rotation boundary of Stroom, shared with stroom-edge.
     */
    static std::int64_t periodOf(LocalTime& zone, Rotation rotation, std::int64_t t);
    /** A plate as it is keyed: letters and digits only, upper case ("1-abc-234" and "1ABC234" meet). */
    static void normalise(std::string_view plate, std::string& out);

private:
    std::int64_t periodOf(std::int64_t t) { return periodOf(m_zone, m_rotation, t); }

    Rotation m_rotation;
    QByteArray m_zoneId;
    LocalTime m_zone;
    mutable std::mutex m_mutex;
    std::unordered_map<std::int64_t, std::array<unsigned char, 32>> m_keys;
    std::array<unsigned char, 32> m_trackKey{}; ///< keys the hash that tracks rotation cuts
    struct Last {
        std::int64_t t, period;
    };
    std::unordered_map<std::string, Last> m_last;
    std::int64_t m_cuts = 0;
};

} // namespace stroom
