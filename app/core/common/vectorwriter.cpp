#include "common/vectorwriter.h"

#include "common/error.h"
#include "common/vectorsource.h"

#include <QFile>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <string>

namespace stroom {

VectorWriter::VectorWriter(const QString& path, const char* layer, OGRwkbGeometryType type)
    : m_path(path) {
    ensureGdalRegistered();
    const QString lower = path.toLower();
    const bool csv = lower.endsWith(QLatin1String(".csv"));
    const char* driver = csv ? "CSV" : lower.endsWith(QLatin1String(".gpkg")) ? "GPKG" : "GeoJSON";
    QFile::remove(path);
    m_ds = GDALCreate(GDALGetDriverByName(driver), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!m_ds)
        throw Error::input(
            QStringLiteral("%1: cannot create: %2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg())));
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    char** options = csv ? CSLSetNameValue(nullptr, "GEOMETRY", "AS_XY") : nullptr;
    m_layer = GDALDatasetCreateLayer(m_ds, layer, srs, type, options);
    CSLDestroy(options);
    OSRRelease(srs);
    if (!m_layer) {
        GDALClose(m_ds);
        m_ds = nullptr;
        throw Error::input(QStringLiteral("%1: cannot create the layer").arg(path));
    }
    GDALDatasetStartTransaction(m_ds, FALSE);
}

VectorWriter::~VectorWriter() {
    if (m_ds)
        GDALClose(m_ds);
}

void VectorWriter::field(const char* name, OGRFieldType type) {
    OGRFieldDefnH f = OGR_Fld_Create(name, type);
    const OGRErr e = OGR_L_CreateField(m_layer, f, TRUE);
    OGR_Fld_Destroy(f);
    if (e != OGRERR_NONE)
        throw Error::input(
            QStringLiteral("%1: cannot create the field %2").arg(m_path, QString::fromLatin1(name)));
}

OGRFeatureH VectorWriter::feature() {
    return OGR_F_Create(OGR_L_GetLayerDefn(m_layer));
}

void VectorWriter::add(OGRFeatureH f) {
    const OGRErr e = OGR_L_CreateFeature(m_layer, f);
    OGR_F_Destroy(f);
    if (e != OGRERR_NONE)
        throw Error::input(QStringLiteral("%1: cannot write a feature: %2")
                               .arg(m_path, QString::fromUtf8(CPLGetLastErrorMsg())));
}

void VectorWriter::close() {
    GDALDatasetCommitTransaction(m_ds);
    GDALClose(m_ds);
    m_ds = nullptr;
}

namespace csv {
void appendField(std::string& out, const QString& value, char delimiter) {
    const QByteArray u = value.toUtf8();
    if (!u.contains(delimiter) && !u.contains('"') && !u.contains('\n') && !u.contains('\r')) {
        out.append(u.constData(), static_cast<std::size_t>(u.size()));
        return;
    }
    out.push_back('"');
    for (char c : u) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}
} // namespace csv

} // namespace stroom
