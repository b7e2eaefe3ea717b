#pragma once

#include "flows/cameraindex.h"
#include "flows/flowcube.h"
#include "flows/journeytimes.h"
#include "flows/tripbuilder.h"

#include <vector>

namespace stroom {

namespace sql {
class Database;
}

/**
 * \brief The L2 layers the project keeps for QGIS (od_flows, od_zone_flows, camera_counts, journey_times):
 * the default view (all days) as the project's DisclosurePolicy releases it, rewritten after every trip
 * build.
 */
class ResultLayers {
public:
    /**
     * \brief The layers' three queries (OD per camera and per zone, counts per camera over every day), fed a
     * local day at a time as a trip build goes past them: the whole cube is never in memory at once.
     */
    struct Tally {
        explicit Tally(const CameraIndex& cams);
        void addOd(std::int64_t day, const std::vector<FlowCube::OdCell>& cells);
        void addCounts(std::int64_t day, const std::vector<FlowCube::CountCell>& cells);
        OdTally cameras, zones;
        CountTally counts;
        std::int64_t firstDay = INT64_MAX, lastDay = INT64_MIN; ///< the days with cells
    };

    ResultLayers(sql::Database& db, const DisclosurePolicy& policy);
    /** od_flows, od_zone_flows and camera_counts from \a tally (used up). */
    void writeFlows(Tally& tally, const CameraIndex& cams, const TripParameters& p);
    void writeJourneyTimes(const std::vector<PairTimes>& times, const CameraIndex& cams,
                           const TripParameters& p);

private:
    void createLayer(const char* table, const char* type, const char* columns, const QString& description);
    void writeOd(const char* table, const OdMatrix& m, bool zones, const CameraIndex& cams);
    void writeCounts(const PublishedCounts& counts, const CameraIndex& cams);

    sql::Database& m_db;
    DisclosurePolicy m_policy;
    QString m_params, m_periodFrom, m_periodTo;
};

} // namespace stroom
