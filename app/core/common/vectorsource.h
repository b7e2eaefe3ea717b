#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace stroom {

/**
 * \brief One feature read from a foreign vector file: its attributes as text and its geometry as
 * ISO WKB in WGS84 longitude/latitude.
 */
struct VectorFeature {
    QString where;                      ///< "line 7" for CSV, "feature 7" otherwise: for messages
    QHash<QString, QString> attributes; ///< keys as in the file
    QByteArray wkb;                     ///< empty when the feature has no geometry
};

/** \brief Options for reading a vector source. */
struct VectorReadOptions {
    QString layer;     ///< layer name; the first layer when empty
    QString sourceCrs; ///< e.g. "EPSG:31370" for CSV x/y columns; WGS84 lon/lat when empty
};

/**
 * \brief Reads CSV (lon/lat or x/y columns), GeoJSON, GeoPackage, Shapefile, OSM and whatever else GDAL
 * opens, reprojected to WGS84. Throws Error::input naming the file on failure.
 */
QVector<VectorFeature> readVectorFile(const QString& path, const VectorReadOptions& options = {});

/** Parses PostgreSQL HSTORE text (`"k"=>"v","k2"=>"v2"`), as GDAL's OSM driver writes `other_tags`. */
QHash<QString, QString> parseHstore(const QString& text);

/** The same for bytes in memory (a resource), with a file name that tells GDAL the format. */
QVector<VectorFeature> readVectorBytes(const QByteArray& bytes, const QString& fileName,
                                       const VectorReadOptions& options = {});

/** Registers GDAL's drivers once; safe to call from anywhere. */
void ensureGdalRegistered();

} // namespace stroom
