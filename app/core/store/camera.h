#pragma once

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>
#include <limits>

namespace stroom {

/**
 * \brief One camera of the inventory (DESIGN §4): what it is, where it looks, who owns it and why.
 *
 * Positions are WGS84 longitude/latitude; the map reprojects them. Directions are compass bearings in
 * degrees (0–359) of the traffic the camera reads; a camera may read several.
 */
struct Camera {
    QString id;
    QString name;
    QString site;
    double lon = std::numeric_limits<double>::quiet_NaN();
    double lat = std::numeric_limits<double>::quiet_NaN();
    QVector<int> directions;
    int lanes = 0;
    QString owner;
    QString operatorName;
    QString purpose; ///< one of purposes()
    QString legalBasis;
    bool registered = true; ///< registered with the supervisory authority / known to the inventory
    QDate installed;
    QString status; ///< one of statuses()
    QString role;   ///< one of roles()
    QString zone;
    QString source;
    QString sourceId;
    QString notes;

    bool hasPosition() const { return std::isfinite(lon) && std::isfinite(lat); }

    /** Directions as the store and OSM write them: "335;45". */
    QString directionsText() const;
    /** Parses "335;45", "335, 45" or "N;SE"; returns false (and leaves out) values it cannot read. */
    static bool parseDirections(const QString& text, QVector<int>* out);

    static const QStringList& purposes(); ///< police, traffic, lez, section-control, parking, other
    static const QStringList& roles();    ///< cordon-in, cordon-out, internal, screenline
    static const QStringList& statuses(); ///< active, planned, out-of-service, removed

    /**
     * Every field but the id as text, by the names the store, the history and the register exports use
     * (name, site, lon, lat, directions, lanes, owner, operator, purpose, legal_basis, registered,
     * installed, status, role, zone, source, source_id, notes).
     */
    QMap<QString, QString> fields() const;
    /** Sets one field from its text as fields() gives it; false for a name it does not know. */
    bool setField(const QString& name, const QString& value);

    bool operator==(const Camera& o) const;
    bool operator!=(const Camera& o) const { return !(*this == o); }
};

/**
 * \brief A zone (district, traffic analysis zone) with its WGS84 polygon as ISO WKB.
 */
struct Zone {
    QString id;
    QString name;
    QByteArray wkb;
};

} // namespace stroom
