#pragma once

#include "store/tripdays.h"

#include <QString>

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace stroom {

struct CameraIndex;
struct TripParameters;

/**
 * \brief Through traffic's crossing window of one gate pair (cordon-in → cordon-out), from the data.
 *
 * The window is the pair's median crossing time + 3 robust standard deviations (1.4826 × MAD), at least
 * ThroughWindows::kFloorSeconds, from every trip that starts at the pair's cordon-in camera and ends at its
 * cordon-out camera. A pair with fewer than ThroughWindows::kMinTrips such trips, or fewer than k distinct
 * vehicles on its busiest day, keeps the fixed window: a window is a figure of the pair's crossing times,
 * shown in the desktop and by `trips --windows`, so it stands for k vehicles as a journey time does.
 */
struct PairWindow {
    QString origin, destination; ///< camera ids
    std::int64_t trips = 0;      ///< gate-to-gate trips the window comes from
    std::int64_t vehicles = 0;   ///< the most distinct vehicles among them on one day (at least k)
    double medianSeconds = 0, madSeconds = 0;
    int maxSeconds = 0; ///< the window's upper end
};

/**
 * \brief The through-traffic rule (DESIGN §5.6) and its two extensions, in one place: the classifier of
 * every trip (trip builder, stitcher, the re-kinding after new windows).
 *
 * - Fixed window: cordon-in → cordon-out within [min, max] (DESIGN's default 1–20 min).
 * - Per gate pair (the default): the pair's data-driven upper end where the pair has one (PairWindow),
 *   the fixed window elsewhere; the lower end is always the fixed minimum.
 * - Role-free (ANPR Metrics' definition, for projects without cordon roles): a vehicle whose reads of a
 *   local day span less than an hour, with no camera read twice, makes through traffic; the builder
 *   applies it per vehicle-day (\ref roleFreeDay), a trip across midnight is never role-free through.
 */
class ThroughRule {
public:
    ThroughRule() = default;
    /** Fixed window and, with \a windows, the pairs' own upper ends (camera ids → keys through \a cams). */
    ThroughRule(const TripParameters& p, const CameraIndex& cams,
                const std::vector<PairWindow>& windows = {});
    /** For tests and the builder's callers without a camera index. */
    ThroughRule(const TripParameters& p, std::vector<bool> cordonIn, std::vector<bool> cordonOut);

    TripKind classify(std::uint32_t origin, std::uint32_t destination, std::int64_t seconds) const;
    /** Classifies every trip of \a set again (by origin, destination and duration); whether a kind changed.
     */
    bool reclassify(TripSet& set) const;
    /** The window's upper end for a trip from \a origin to \a destination. */
    int maxSeconds(std::uint32_t origin, std::uint32_t destination) const;
    bool isGatePair(std::uint32_t origin, std::uint32_t destination) const;
    bool roleFree() const { return m_roleFree; }
    /** Can through traffic be told at all: cordon roles, or the role-free method. */
    static bool available(const TripParameters& p, const CameraIndex& cams);
    /** Role-free: do these reads of one vehicle on one local day (times and cameras, in order) make it
     * through traffic? */
    static bool roleFreeDay(std::int64_t firstTime, std::int64_t lastTime,
                            std::vector<std::uint32_t>& cameras);
    void setPairMax(std::uint32_t origin, std::uint32_t destination, int maxSeconds);
    std::size_t pairCount() const { return m_pairMax.size(); }

private:
    std::vector<bool> m_in, m_out;
    int m_min = 60, m_max = 1200;
    bool m_roleFree = false;
    std::unordered_map<std::uint64_t, int> m_pairMax;
};

/**
 * \brief Gathers gate-to-gate trips (durations and paths) and derives the windows per gate pair and the
 * network's read rate from them.
 *
 * **Read rate.** A through trip whose gate read was missed starts or ends inside: no window finds it. The
 * rate is estimated from the complete gate-to-gate trips themselves: on each pair's most frequent path, for
 * every camera c between neighbours a and b, the trips that passed a and b next to each other or with one
 * camera between tell whether c read them (c between them) or missed them (a, b adjacent). Assuming the
 * gates read as well as the cameras inside, through traffic corrected for missed reads = observed /
 * rate² (both gates must read).
 */
class ThroughWindows {
public:
    static constexpr std::int64_t kMinTrips = 30;
    static constexpr int kFloorSeconds = 300;

    /** Adds the gate-to-gate trips of \a set (trips from a cordon-in to a cordon-out camera). */
    void add(const TripSet& set, const std::vector<bool>& cordonIn, const std::vector<bool>& cordonOut);
    /** Adds everything \a other gathered. */
    void absorb(ThroughWindows&& other);

    /** The windows of the pairs with at least kMinTrips trips and \a k distinct vehicles on one day, sorted
     * by origin and destination. */
    std::vector<PairWindow> windows(const CameraIndex& cams, int k) const;
    /** The read rate, or a negative number when fewer than 100 cameras' chances were seen. */
    double readRate(std::int64_t* chances = nullptr) const;

    static QString toText(const std::vector<PairWindow>& windows);
    static std::vector<PairWindow> fromText(const QString& text);

private:
    std::unordered_map<std::uint64_t, std::vector<std::int32_t>> m_seconds;
    std::unordered_map<std::uint64_t, std::vector<std::uint64_t>>
        m_vehicles; ///< dayVehicle(UTC day, vehicle)
    std::unordered_map<std::uint64_t, std::map<std::vector<std::uint32_t>, std::int64_t>> m_paths;
};

} // namespace stroom
