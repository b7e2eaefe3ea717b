#pragma once

#include "flows/throughrule.h"
#include "store/tripdays.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace stroom {

/** \brief One read as the trip builder sees it (DESIGN §5): 16 bytes, as a day's reads are held twice over
 * while days are built side by side (8 million a day at 100 million reads). */
struct TripRead {
    std::uint32_t t;       ///< seconds since the builder's base time
    std::uint32_t vehicle; ///< pseudonym key (one per pseudonym)
    std::uint32_t camera;  ///< camera key
    std::uint8_t cls;
    std::uint8_t context = 0; ///< 1: read before the rebuilt range, seen by the duplicate rule, never kept
                              ///< (the builder marks duplicates 2)
};

/** Through traffic's crossing window: DESIGN §5.6's fixed [min, max], or each gate pair's own upper end from
 * the data (ThroughWindows) where the pair has enough trips. */
enum class ThroughWindow : std::uint8_t { PerPair, Fixed };
/** Through traffic by the cordon roles (DESIGN §5.6), or role-free (ANPR Metrics' definition). */
enum class ThroughMethod : std::uint8_t { Cordon, RoleFree };

/** \brief Trip parameters (DESIGN §5.1–5.2, §5.6); stored beside every result. */
struct TripParameters {
    int dedupeSeconds =
        60; ///< a read within this many seconds after one of the same vehicle at the same camera is dropped
    int gapSeconds = 1800;        ///< a larger gap between kept reads starts a new trip
    int throughMinSeconds = 60;   ///< through traffic: cordon-in to cordon-out in at least …
    int throughMaxSeconds = 1200; ///< … and at most this (the fixed window, and a pair's without its own)
    ThroughWindow throughWindow = ThroughWindow::PerPair;
    ThroughMethod throughMethod = ThroughMethod::Cordon;
    bool operator==(const TripParameters& o) const {
        return dedupeSeconds == o.dedupeSeconds && gapSeconds == o.gapSeconds &&
               throughMinSeconds == o.throughMinSeconds && throughMaxSeconds == o.throughMaxSeconds &&
               throughWindow == o.throughWindow && throughMethod == o.throughMethod;
    }
    bool operator!=(const TripParameters& o) const { return !(*this == o); }
};

/**
 * \brief DESIGN §5.1–5.3 and §5.6, exactly.
 *
 * Reads of one pseudonym are taken in order of (time, camera id). A read is a duplicate when the same
 * pseudonym was read at the same camera at most dedupeSeconds before it, by any read, kept or not.
 * Kept reads form a trip while the gap to the previous kept read is at most gapSeconds; a larger gap or
 * a new pseudonym starts a new trip. Origin = first camera, destination = last camera.
 */
class TripBuilder {
public:
    /**
     * \param base     the UTC second the reads' times count from
     * \param through  the through-traffic rule (cordon roles, windows, or role-free)
     * \param order    each camera key's rank by camera id: reads in the same second go by it (keys beyond it,
     *                 and all keys when it is empty, rank as themselves)
     * \param threads  worker threads (vehicles are split between them)
     * Reads are sorted in place and their duplicates marked (TripRead::context): a vector of reads is built
     * once. The result is the same whatever the number of threads.
     */
    static TripSet build(std::vector<TripRead>& reads, std::int64_t base, const TripParameters& p,
                         const ThroughRule& through, const std::vector<std::uint32_t>& order = {},
                         int threads = 1);
    /** Whether \a n reads with vehicle numbers from \a lo to \a hi are grouped by a place per number (a
     * counting sort; the numbers dense enough) rather than sorted. */
    static bool denseVehicles(std::uint32_t lo, std::uint32_t hi, std::size_t n) {
        return static_cast<std::uint64_t>(hi - lo) <= 4 * static_cast<std::uint64_t>(n) + 1024;
    }
    /** As build(), for reads already grouped by vehicle (each vehicle's reads together, in any order). */
    static TripSet buildGrouped(std::vector<TripRead>& reads, std::int64_t base, const TripParameters& p,
                                const ThroughRule& through, const std::vector<std::uint32_t>& order = {},
                                int threads = 1);

private:
    /** build() once the reads are grouped: vehicle v's are [start[v], start[v + 1]). */
    static TripSet buildVehicles(std::vector<TripRead>& reads, const std::vector<std::size_t>& start,
                                 std::int64_t base, const TripParameters& p, const ThroughRule& through,
                                 const std::vector<std::uint32_t>& order, int threads);
};

/** Reads the parameters from their stored text; defaults where missing. */
TripParameters parametersFromText(const QString& text);
QString parametersText(const TripParameters& p);

} // namespace stroom
