#pragma once

#include <QString>

#include <ogr_api.h>

namespace stroom {

/**
 * \brief Writes one layer of points or lines in WGS84 longitude/latitude through GDAL, by the file's
 * ending: GeoPackage (.gpkg), CSV with X/Y columns (.csv) or GeoJSON (anything else). An existing file is
 * replaced. Every failure throws Error::input naming the file; the dataset is closed in any case.
 */
class VectorWriter {
public:
    VectorWriter(const QString& path, const char* layer, OGRwkbGeometryType type);
    ~VectorWriter();
    VectorWriter(const VectorWriter&) = delete;
    VectorWriter& operator=(const VectorWriter&) = delete;

    void field(const char* name, OGRFieldType type);
    /** A new feature of the layer; hand it to add(), which takes it over. */
    OGRFeatureH feature();
    void add(OGRFeatureH feature);
    /** Commits and closes the file. */
    void close();

private:
    QString m_path;
    void* m_ds = nullptr; // GDALDatasetH
    OGRLayerH m_layer = nullptr;
};

namespace csv {
/** Appends \a value as one CSV field: quoted (quotes doubled) when it holds the delimiter, a quote or a line
 * break. */
void appendField(std::string& out, const QString& value, char delimiter = ',');
} // namespace csv

} // namespace stroom
