#pragma once

#include "flows/flowcube.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace stroom {

class Store;

/** \brief The cameras as the engine needs them: keys, ids, zones, cordon roles. */
struct CameraIndex {
    std::vector<QString> id;   ///< by camera key (fid); empty where none
    std::vector<QString> name; ///< the register's name by camera key; empty where none
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
    /** The id of a flow end: the camera id, or the zone id (the key as a number when unknown). */
    QString idOf(std::uint32_t key, bool zones) const;
    /** The register's name of a flow end (the camera's or the zone's); empty when it has none. */
    QString nameOf(std::uint32_t key, bool zones) const;
    /**
     * How people read a flow end: "Name (id)"; the id alone when there is no name; the name alone when it
     * already says the id ("Drongen C071", ids of three characters or more). The one labelling rule of the
     * map, the OD table, the details, the report and the register lists.
     */
    QString label(std::uint32_t key, bool zones) const;
    /** The same rule for a name and id already at hand. */
    static QString label(const QString& name, const QString& id);
    QString rolesSignature() const;
    /**
     * Whether through traffic can be told at all: some camera has the role cordon-in and some cordon-out.
     * Without them every trip is internal, and "0 through" would be a false answer.
     */
    bool hasCordon() const;
    /** The project's cameras and zones, indexed by camera key (the cameras table's fid). */
    static CameraIndex load(Store& store);
};

} // namespace stroom
