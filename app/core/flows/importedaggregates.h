#pragma once

#include "flows/cameraindex.h"
#include "flows/flowcube.h"

#include <QHash>

#include <vector>

namespace stroom {

class LocalTime;
class RecordKeys;

namespace sql {
class Database;
}

/**
 * \brief Counts and camera-pair flows imported from privacy-proof cameras (DESIGN §4.4), as raw figures for
 * the DisclosurePolicy, each marked as their own source.
 *
 * They are kept in the reads file (they hold cells under k). A cell's value is the sum of the imported
 * cells it spans; those carry no vehicle keys, so the vehicles its k is tested on are those of its largest
 * imported cell: a lower bound of the distinct vehicles behind the sum, so k never passes on a sum of small
 * cells. A cell belongs to the local day and hour its period starts in; cells without a period only to a
 * query over the whole period (CountPeriod::All, no date or hour filter); through-traffic queries have none
 * (an aggregate knows no trips).
 */
class ImportedAggregates {
public:
    ImportedAggregates(sql::Database& db, const CameraIndex& cameras, LocalTime& zone,
                       const RecordKeys& keys);

    /** Imported counts, as FlowCube::counts shapes its cells (source Aggregate). */
    RawCounts counts(const FlowFilter& filter, CountPeriod per, bool perClass) const;
    /** Imported camera-pair flows as an OD query (vehicles per pair; \a group maps cameras to zones). */
    RawOd pairFlows(const FlowFilter& filter, const std::vector<int>& group = {}) const;

private:
    bool place(const FlowFilter& f, bool known, std::int64_t start, CountPeriod per,
               std::int64_t* period) const;

    std::uint32_t keyOf(const QString& cameraId) const;

    sql::Database& m_db;
    QHash<QString, std::uint32_t> m_keyOf;
    const CameraIndex& m_cams;
    LocalTime& m_zone;
    const RecordKeys& m_keys;
};

} // namespace stroom
