#include "common/vectorsource.h"

#include "common/error.h"

#include <QFileInfo>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <atomic>
#include <memory>
#include <mutex>

namespace stroom {

void ensureGdalRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

namespace {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
struct SrsReleaser {
    void operator()(OGRSpatialReferenceH s) const { OSRRelease(s); }
};
struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};

using Dataset = std::unique_ptr<void, DatasetCloser>;
using Transform = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;

/** Opens a vector file (CSV with coordinate columns guessed, gzip through /vsigzip/). */
Dataset openDataset(const QString& gdalPath, const QString& shownName, bool isCsv) {
    ensureGdalRegistered();
    QList<QByteArray> openOptions;
    if (isCsv) {
        openOptions << "X_POSSIBLE_NAMES=lon,longitude,lng,x,easting,x_coord,lengtegraad"
                    << "Y_POSSIBLE_NAMES=lat,latitude,y,northing,y_coord,breedtegraad"
                    << "KEEP_GEOM_COLUMNS=NO"
                    << "AUTODETECT_TYPE=NO"
                    << "EMPTY_STRING_AS_NULL=YES";
    }
    std::vector<const char*> optPtrs;
    for (const QByteArray& o : openOptions)
        optPtrs.push_back(o.constData());
    optPtrs.push_back(nullptr);

    const QByteArray path8 = (isCsv && gdalPath.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive) &&
                                      !gdalPath.startsWith(QLatin1String("/vsi"))
                                  ? QStringLiteral("/vsigzip/") + gdalPath
                                  : gdalPath)
                                 .toUtf8();
    CPLErrorReset();
    Dataset ds(
        GDALOpenEx(path8.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, optPtrs.data(), nullptr));
    if (!ds) {
        const QString why = QString::fromUtf8(CPLGetLastErrorMsg());
        throw Error::input(QStringLiteral("%1: cannot read as a vector file%2")
                               .arg(shownName, why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    return ds;
}

OGRLayerH layerOf(void* ds, const QString& shownName, const QString& name) {
    OGRLayerH layer = nullptr;
    if (name.isEmpty()) {
        if (GDALDatasetGetLayerCount(ds) > 0)
            layer = GDALDatasetGetLayer(ds, 0);
    } else {
        layer = GDALDatasetGetLayerByName(ds, name.toUtf8().constData());
    }
    if (!layer)
        throw Error::input(name.isEmpty()
                               ? QStringLiteral("%1: contains no layer").arg(shownName)
                               : QStringLiteral("%1: has no layer named '%2'").arg(shownName, name));
    return layer;
}

/** The transformation from the layer's CRS (or the one given) to WGS84 longitude/latitude; none if same. */
Transform toWgs84(OGRLayerH layer, const QString& shownName, const QString& sourceCrs) {
    std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser> wgs84(
        OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(wgs84.get(), 4326);
    OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);

    std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser> source;
    if (!sourceCrs.isEmpty()) {
        source.reset(OSRNewSpatialReference(nullptr));
        if (OSRSetFromUserInput(source.get(), sourceCrs.toUtf8().constData()) != OGRERR_NONE)
            throw Error::usage(QStringLiteral("unknown coordinate reference system '%1'").arg(sourceCrs));
    } else if (OGRSpatialReferenceH layerSrs = OGR_L_GetSpatialRef(layer)) {
        source.reset(OSRClone(layerSrs));
    }
    Transform transform;
    if (source) {
        OSRSetAxisMappingStrategy(source.get(), OAMS_TRADITIONAL_GIS_ORDER);
        if (!OSRIsSame(source.get(), wgs84.get())) {
            transform.reset(OCTNewCoordinateTransformation(source.get(), wgs84.get()));
            if (!transform)
                throw Error::input(
                    QStringLiteral("%1: cannot transform its coordinates to WGS84").arg(shownName));
        }
    }
    return transform;
}

/** One feature's attributes (OSM's other_tags unfolded) and its geometry in WGS84. */
VectorFeature readFeature(OGRFeatureH f, const QVector<QString>& fieldNames,
                          OGRCoordinateTransformationH transform, const QString& where,
                          const QString& shownName) {
    const int fieldCount = static_cast<int>(fieldNames.size());
    VectorFeature vf;
    vf.where = where;
    for (int i = 0; i < fieldCount; ++i) {
        if (OGR_F_IsFieldSetAndNotNull(f, i))
            vf.attributes.insert(fieldNames[i], QString::fromUtf8(OGR_F_GetFieldAsString(f, i)));
    }
    // GDAL's OSM driver keeps the tags it has no column for in one HSTORE text: unfold them so that
    // .osm files map like OSM GeoJSON (operator, camera:direction, surveillance:zone, …).
    const auto other = vf.attributes.constFind(QStringLiteral("other_tags"));
    if (other != vf.attributes.cend()) {
        const QHash<QString, QString> tags = parseHstore(*other);
        for (auto t = tags.cbegin(); t != tags.cend(); ++t)
            if (!vf.attributes.contains(t.key()))
                vf.attributes.insert(t.key(), t.value());
    }
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
        if (!OGR_G_IsEmpty(g)) {
            if (transform && OGR_G_Transform(g, transform) != OGRERR_NONE) {
                OGR_F_Destroy(f);
                throw Error::input(QStringLiteral("%1 %2: coordinates cannot be transformed to WGS84")
                                       .arg(shownName, vf.where));
            }
            QByteArray wkb(OGR_G_WkbSize(g), Qt::Uninitialized);
            OGR_G_ExportToIsoWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
            vf.wkb = wkb;
        }
    }
    OGR_F_Destroy(f);
    return vf;
}

QVector<VectorFeature> readDataset(const QString& gdalPath, const QString& shownName,
                                   const VectorReadOptions& options) {
    ensureGdalRegistered();
    const bool isCsv = gdalPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
                       gdalPath.endsWith(QLatin1String(".csv.gz"), Qt::CaseInsensitive);
    const Dataset ds = openDataset(gdalPath, shownName, isCsv);
    OGRLayerH layer = layerOf(ds.get(), shownName, options.layer);
    const Transform transform = toWgs84(layer, shownName, options.sourceCrs);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fieldCount = OGR_FD_GetFieldCount(defn);
    QVector<QString> fieldNames;
    for (int i = 0; i < fieldCount; ++i)
        fieldNames << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));

    QVector<VectorFeature> out;
    OGR_L_ResetReading(layer);
    int index = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        ++index;
        out.append(readFeature(f, fieldNames, transform.get(),
                               isCsv ? QStringLiteral("line %1").arg(index + 1)
                                     : QStringLiteral("feature %1").arg(index),
                               shownName));
    }
    return out;
}

} // namespace

QHash<QString, QString> parseHstore(const QString& text) {
    QHash<QString, QString> out;
    QStringList parts; // key, value, key, value, …
    QString cur;
    bool inQuote = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inQuote) {
            if (c == QLatin1Char('\\') && i + 1 < text.size())
                cur += text[++i];
            else if (c == QLatin1Char('"')) {
                parts << cur;
                cur.clear();
                inQuote = false;
            } else
                cur += c;
        } else if (c == QLatin1Char('"'))
            inQuote = true;
    }
    for (int i = 0; i + 1 < parts.size(); i += 2)
        out.insert(parts[i], parts[i + 1]);
    return out;
}

QVector<VectorFeature> readVectorFile(const QString& path, const VectorReadOptions& options) {
    const QFileInfo fi(path);
    if (!fi.exists())
        throw Error::input(QStringLiteral("%1: no such file").arg(path));
    if (!fi.isReadable())
        throw Error::input(QStringLiteral("%1: not readable (permissions)").arg(path));
    return readDataset(path, path, options);
}

QVector<VectorFeature> readVectorBytes(const QByteArray& bytes, const QString& fileName,
                                       const VectorReadOptions& options) {
    ensureGdalRegistered();
    static std::atomic<int> counter{0};
    const QString mem = QStringLiteral("/vsimem/stroom-%1/%2").arg(++counter).arg(fileName);
    const QByteArray mem8 = mem.toUtf8();
    VSILFILE* fp =
        VSIFileFromMemBuffer(mem8.constData(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.constData())),
                             static_cast<vsi_l_offset>(bytes.size()), FALSE);
    VSIFCloseL(fp);
    try {
        auto result = readDataset(mem, fileName, options);
        VSIUnlink(mem8.constData());
        return result;
    } catch (...) {
        VSIUnlink(mem8.constData());
        throw;
    }
}

} // namespace stroom
