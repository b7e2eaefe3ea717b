#pragma once

#include "flows/flowcube.h"
#include "flows/journeytimes.h"
#include "flows/tripbuilder.h"

#include <QHash>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace stroom {

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
    double seconds = 0;
    QString summary() const;
};

/** \brief The cameras as the engine needs them: keys, ids, zones, cordon roles. */
struct CameraIndex {
    std::vector<QString> id;   ///< by camera key (fid); empty where none
    std::vector<QString> zone; ///< zone id by camera key
    std::vector<bool> cordonIn, cordonOut;
    std::vector<std::uint32_t> order;  ///< rank by camera id
    QStringList zoneIds;               ///< distinct zones, sorted
    QStringList zoneNames;             ///< their names (same order), empty where none
    std::vector<int> zoneOf;           ///< camera key → index into zoneIds, or -1
    std::vector<QPointF> position;     ///< WGS84 by camera key; NaN where unknown
    std::vector<QPointF> zonePosition; ///< a point inside each zone (by zoneIds index)
    /** Where a flow end is drawn: the camera's position, or the zone's point. */
    QPointF at(std::uint32_t key, bool zones) const;
    /**
     * The curved line a flow is drawn as (WGS84), from the camera or zone point of its origin to that of
     * its destination; empty for a loop (origin = destination) or an end without a position.
     */
    std::vector<QPointF> flowLine(const OdFlow& flow, bool zones) const;
    std::uint32_t keyOf(const QString& cameraId) const;
    QString rolesSignature() const;
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
class FlowEngine {
public:
    explicit FlowEngine(Store& store);

    CameraIndex cameras();
    TripParameters storedParameters();

    /** True when imports, roles or parameters changed since the last build. */
    bool isStale(const TripParameters& p);
    /** Brings trips and cube up to date (incremental where possible). */
    BuildReport update(const TripParameters& p, const std::function<void(double)>& progress = {},
                       const std::atomic_bool* cancel = nullptr);
    /** Rebuilds everything from L0. */
    BuildReport rebuild(const TripParameters& p, const std::function<void(double)>& progress = {},
                        const std::atomic_bool* cancel = nullptr);

    /** The stored cube (fast: one blob per day). */
    FlowCube loadCube();
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
    std::vector<TripRead> loadReads(std::int64_t fromUtc, std::int64_t contextFromUtc,
                                    const CameraIndex& cams);
    std::int64_t rebuildStart(std::int64_t s, const TripParameters& p);
    void writeResultLayers(const FlowCube& cube, const CameraIndex& cams, const TripParameters& p);
    void writeJourneyTimes(const std::vector<PairTimes>& times, const CameraIndex& cams,
                           const TripParameters& p);

    Store& m_store;
};

/**
 * DESIGN §5.1–5.3 with the default parameters written as SQL window functions over the store (l0 attached):
 * (origin, destination, trips) for trips of two or more reads. Slow; the reference the engine is tested
 * and benchmarked against.
 */
const char* referenceOdSql();

/** Reads the parameters from their stored text; defaults where missing. */
TripParameters parametersFromText(const QString& text);
QString parametersText(const TripParameters& p);

} // namespace stroom
