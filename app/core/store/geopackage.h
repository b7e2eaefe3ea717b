#pragma once

#include "common/geometry.h"

#include <QByteArray>
#include <QString>

namespace stroom::sql {
class Database;
}

/**
 * \brief The few GeoPackage 1.2 rules Stroom writes by hand: the core tables, feature table
 * registration and the geometry blob header (OGC 12-128r15, §2.1.3).
 */
namespace stroom::gpkg {

constexpr int kWgs84 = 4326;
constexpr int kLambert72 = 31370;

/** Sets application_id/user_version and creates gpkg_spatial_ref_sys, gpkg_contents and
 * gpkg_geometry_columns. */
void initialise(sql::Database& db);
/** True when the file carries the GeoPackage application id. */
bool isGeoPackage(sql::Database& db);

/** Registers an existing table as a feature layer (contents + geometry_columns). */
void registerFeatureTable(sql::Database& db, const QString& table, const QString& geometryColumn,
                          const QString& geometryType, int srsId, const QString& identifier,
                          const QString& description);
/** Recomputes the layer extent in gpkg_contents from its geometries and stamps last_change. */
void refreshExtent(sql::Database& db, const QString& table, const QString& geometryColumn);

/** A GeoPackage geometry blob around ISO WKB; the envelope is written when given. */
QByteArray geometryBlob(const QByteArray& wkb, int srsId, const geo::Envelope* envelope = nullptr);
/** The WKB inside a GeoPackage geometry blob (empty when it is none). */
QByteArray wkbFromBlob(const QByteArray& blob);
/** The envelope of a blob: from its header, or from the point it holds. */
geo::Envelope blobEnvelope(const QByteArray& blob);

} // namespace stroom::gpkg
