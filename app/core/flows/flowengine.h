#pragma once

#include "flows/cameraindex.h"
#include "flows/flowcube.h"
#include "flows/journeytimes.h"
#include "flows/resultlayers.h"
#include "flows/tripbuilder.h"

#include <QHash>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace stroom {

class Progress;
class Store;

/** \brief What a trip build did. */
struct BuildReport {
    bool full = true;            ///< a full rebuild, or an update from \a from on
    std::int64_t from = 0;       ///< UTC start of the rebuilt range (full: the first read)
    std::int64_t reads = 0;      ///< reads processed
    std::int64_t duplicates = 0; ///< dropped by the duplicate rule
    std::int64_t trips = 0;      ///< trips (re)built, single-read ones included
    std::int64_t singleReadTrips = 0;
    std::int64_t cubeCells = 0;
    std::int64_t throughPairs = -1; ///< gate pairs with a window of their own, when this build set them
    double seconds = 0;
    QString summary() const;
};

/**
 * \brief The flows engine (issue 4): reads → trips (L1) → the cube and the L2 results, exactly as DESIGN §5
 * defines them, incrementally after each import.
 *
 * update() revisits only what new reads can change: from the new reads' first time less the gap and the
 * duplicate window, back to a local hour boundary that no stored trip straddles; the result equals a full
 * rebuild. The parameters
 * are stored with the trips; other parameters, or changed cordon roles, rebuild everything.
 */
/** \brief Through traffic's windows per gate pair and the network's read rate, as the last full build of
 * the trips found them (ThroughWindows). */
struct ThroughEstimate {
    std::vector<PairWindow> windows;
    std::int64_t days = 0;    ///< local days of trips they come from
    double readRate = -1;     ///< negative: too few chances to estimate it
    std::int64_t chances = 0; ///< camera passages the read rate is estimated from
    /**
     * Through traffic's share of \a trips (two reads or more) when the \a through trips among them are
     * corrected for gate reads missed (observed / rate²: a through trip needs both its gates to read);
     * negative without a read rate.
     */
    double correctedShare(std::int64_t trips, std::int64_t through) const;
};

class FlowEngine {
public:
    explicit FlowEngine(Store& store);

    CameraIndex cameras();
    TripParameters storedParameters();
    /** The windows per gate pair and the read rate in use (set by the last full build). */
    ThroughEstimate throughEstimate();
    /** The through-traffic rule of \a p with the stored windows per gate pair. */
    ThroughRule throughRule(const TripParameters& p, const CameraIndex& cams);

    /** True when imports, roles or parameters changed since the last build. */
    bool isStale(const TripParameters& p);
    /** Brings trips and cube up to date (incremental where possible). */
    BuildReport update(const TripParameters& p, const std::function<void(double)>& progress = {},
                       const std::atomic_bool* cancel = nullptr);
    /** Rebuilds everything from L0. */
    BuildReport rebuild(const TripParameters& p, const std::function<void(double)>& progress = {},
                        const std::atomic_bool* cancel = nullptr);

    /** Which cells of the cube to load: a query of one kind needs only its own (a tenth of the file for OD).
     */
    enum class CubePart { Od = 1, Counts = 2, Both = 3 };
    /** The stored cube (fast: one blob per day), or its days before \a beforeDay. */
    FlowCube loadCube(std::int64_t beforeDay = INT64_MAX, CubePart part = CubePart::Both);
    /** Journey times (journeyTimes()) of the stored trips that pass \a filter, a day at a time. */
    std::vector<PairTimes> journeyTimes(const FlowFilter& filter);
    /** Trips from L1 (with their paths) whose start lies in [fromUtc, toUtc). */
    TripSet loadTrips(std::int64_t fromUtc = INT64_MIN, std::int64_t toUtc = INT64_MAX);

    /**
     * Durations (end − start) of the trips from any of \a origins to any of \a destinations that pass
     * \a filter: median, p15, p85 after the outlier rule of DESIGN §5.7 (read from L1).
     */
    PairTimes tripDurations(const std::vector<std::uint32_t>& origins,
                            const std::vector<std::uint32_t>& destinations, const FlowFilter& filter);

    /**
     * Builds trips from L0 in memory with other parameters, touching nothing stored (for what-if runs of
     * stroom-cli flows --gap/--dedupe).
     */
    TripSet buildInMemory(const TripParameters& p, FlowCube* cube);

private:
    BuildReport run(const TripParameters& p, bool full, const std::function<void(double)>& progress,
                    const std::atomic_bool* cancel);
    /** What a day's trips become on a worker thread: a step that the main thread then runs, in day order. */
    using DayWork = std::function<std::function<void()>(std::int64_t day, TripSet& trips)>;
    /**
     * The per-day pipeline (issue 15): the local days \a days (ascending) built on worker threads from their
     * reads at or after \a fromUtc, joined across midnight in order (TripStitcher); each day's trips, once no
     * later day can change them, go to \a work on a worker, and the step it returns runs on this thread in
     * day order. Memory: a few days' reads and trips, not all.
     */
    void buildDays(const std::vector<std::int64_t>& days, std::int64_t fromUtc, const TripParameters& p,
                   const CameraIndex& cams, const ThroughRule& through, const DayWork& work,
                   const Progress& progress, BuildReport* br);
    std::int64_t rebuildStart(std::int64_t s, const TripParameters& p);
    /** Where an update starts: INT64_MAX when nothing was imported since, INT64_MIN for a full build. */
    std::int64_t updateStart(const TripParameters& p);
    /** Calls \a work on worker threads (two at a time) with the stored trips of each day before \a beforeDay;
     * the steps it returns run on this thread in day order. */
    void forEachStoredDay(std::int64_t beforeDay, const DayWork& work);
    /** Journey times' first pass over the stored days before \a beforeDay. */
    void addStoredHops(JourneySamples& samples, std::int64_t beforeDay);
    /** Journey times' second pass over every stored day, and the statistics. */
    std::vector<PairTimes> finishJourneyTimes(JourneySamples& samples);
    /** Stores day \a day of \a fresh (replacing what was stored): the OD cells, the counts or both. */
    void storeCubeDay(const FlowCube& fresh, std::int64_t day, CubePart part = CubePart::Both);
    /** Feeds the stored counts of the days before \a beforeDay to \a tally, a day at a time, their vehicles
     * declared linked (CountTally::expectLinked). */
    void tallyStoredCounts(ResultLayers::Tally& tally, std::int64_t beforeDay);
    /** The days with stored OD cells, ascending. */
    std::vector<std::int64_t> odDays();

    Store& m_store;
};

/** The project's reads as (v, t, cid), through the `stroom_reads` table (ReadBlocks::registerSqlTable). */
QString referenceReadsSql();

/**
 * DESIGN §5.1–5.3 with the default parameters written as SQL window functions: (origin, destination, trips)
 * for trips of two or more reads, from \a source, a SELECT of (v, t, cid): vehicle, UTC seconds, camera id.
 * Slow; the reference the engine is tested and benchmarked against.
 */
QString referenceOdSql(const QString& source = referenceReadsSql());

} // namespace stroom
