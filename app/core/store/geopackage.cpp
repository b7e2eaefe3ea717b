#include "store/geopackage.h"

#include "common/error.h"

#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include "common/sqlite.h"

#include <QDateTime>
#include <QtEndian>

#include <cstring>

namespace stroom::gpkg {

namespace {

constexpr int kApplicationId = 0x47504B47; // "GPKG"
constexpr int kUserVersion = 10200;        // GeoPackage 1.2

/** The OGC WKT (WKT1, as GeoPackage 1.2 stores it) of an EPSG code, from GDAL's PROJ database. */
QString wktOf(int epsg) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    char* wkt = nullptr;
    const bool ok = OSRImportFromEPSG(srs, epsg) == OGRERR_NONE && OSRExportToWkt(srs, &wkt) == OGRERR_NONE;
    const QString out = ok ? QString::fromUtf8(wkt) : QString();
    CPLFree(wkt);
    OSRRelease(srs);
    if (out.isEmpty())
        throw Error::store(QStringLiteral("GDAL does not know EPSG:%1 (is proj-data installed?)").arg(epsg));
    return out;
}

QString nowIso() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace

void initialise(sql::Database& db) {
    db.exec(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2;")
                .arg(kApplicationId)
                .arg(kUserVersion));
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
)sql");
    auto srs = db.prepare("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)");
    srs.bind(1, QStringLiteral("Undefined cartesian SRS")).bind(2, -1).bind(3, QStringLiteral("NONE"));
    srs.bind(4, -1)
        .bind(5, QStringLiteral("undefined"))
        .bind(6, QStringLiteral("undefined cartesian coordinate reference system"));
    srs.run();
    srs.bind(1, QStringLiteral("Undefined geographic SRS")).bind(2, 0).bind(3, QStringLiteral("NONE"));
    srs.bind(4, 0)
        .bind(5, QStringLiteral("undefined"))
        .bind(6, QStringLiteral("undefined geographic coordinate reference system"));
    srs.run();
    srs.bind(1, QStringLiteral("WGS 84 geodetic")).bind(2, kWgs84).bind(3, QStringLiteral("EPSG"));
    srs.bind(4, kWgs84)
        .bind(5, wktOf(kWgs84))
        .bind(6, QStringLiteral("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"));
    srs.run();
    srs.bind(1, QStringLiteral("Belge 1972 / Belgian Lambert 72"))
        .bind(2, kLambert72)
        .bind(3, QStringLiteral("EPSG"));
    srs.bind(4, kLambert72).bind(5, wktOf(kLambert72)).bind(6, QStringLiteral("Belgian Lambert 72"));
    srs.run();
}

bool isGeoPackage(sql::Database& db) {
    auto st = db.prepare("PRAGMA application_id");
    return st.step() && st.int64(0) == kApplicationId;
}

void registerFeatureTable(sql::Database& db, const QString& table, const QString& geometryColumn,
                          const QString& geometryType, int srsId, const QString& identifier,
                          const QString& description) {
    auto c =
        db.prepare("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, "
                   "last_change, srs_id) VALUES (?, 'features', ?, ?, ?, ?)");
    c.bind(1, table).bind(2, identifier).bind(3, description).bind(4, nowIso()).bind(5, srsId);
    c.run();
    auto g = db.prepare("INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)");
    g.bind(1, table).bind(2, geometryColumn).bind(3, geometryType).bind(4, srsId);
    g.run();
}

void refreshExtent(sql::Database& db, const QString& table, const QString& geometryColumn) {
    geo::Envelope all;
    auto st = db.prepare(
        QStringLiteral("SELECT \"%1\" FROM \"%2\" WHERE \"%1\" IS NOT NULL").arg(geometryColumn, table));
    while (st.step())
        all.include(blobEnvelope(st.blob(0)));
    auto up =
        db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                   "WHERE table_name = ?");
    if (all.valid)
        up.bind(1, all.minX).bind(2, all.minY).bind(3, all.maxX).bind(4, all.maxY);
    up.bind(5, nowIso()).bind(6, table);
    up.run();
}

QByteArray geometryBlob(const QByteArray& wkb, int srsId, const geo::Envelope* envelope) {
    const bool withEnvelope = envelope && envelope->valid;
    const int headerSize = 8 + (withEnvelope ? 32 : 0);
    QByteArray blob(headerSize, Qt::Uninitialized);
    char* p = blob.data();
    p[0] = 'G';
    p[1] = 'P';
    p[2] = 0; // version 1
    p[3] =
        static_cast<char>((withEnvelope ? 1 : 0) << 1 | 1); // envelope [minx,maxx,miny,maxy], little endian
    qToLittleEndian<qint32>(srsId, p + 4);
    if (withEnvelope) {
        const double env[4] = {envelope->minX, envelope->maxX, envelope->minY, envelope->maxY};
        for (int i = 0; i < 4; ++i)
            qToLittleEndian<double>(env[i], p + 8 + 8 * i);
    }
    blob.append(wkb);
    return blob;
}

static int headerLength(const QByteArray& blob) {
    if (blob.size() < 8 || blob.at(0) != 'G' || blob.at(1) != 'P')
        return -1;
    static const int envelopeBytes[8] = {0, 32, 48, 48, 64, -1, -1, -1};
    const int code = (static_cast<uchar>(blob.at(3)) >> 1) & 0x7;
    if (envelopeBytes[code] < 0)
        return -1;
    return 8 + envelopeBytes[code];
}

QByteArray wkbFromBlob(const QByteArray& blob) {
    const int h = headerLength(blob);
    if (h < 0 || blob.size() <= h)
        return {};
    return blob.mid(h);
}

geo::Envelope blobEnvelope(const QByteArray& blob) {
    geo::Envelope e;
    const int h = headerLength(blob);
    if (h < 0)
        return e;
    if (h >= 40) {
        const bool little = (static_cast<uchar>(blob.at(3)) & 1) != 0;
        double v[4];
        for (int i = 0; i < 4; ++i) {
            const auto* src = reinterpret_cast<const uchar*>(blob.constData() + 8 + 8 * i);
            v[i] = little ? qFromLittleEndian<double>(src) : qFromBigEndian<double>(src);
        }
        e.include(v[0], v[2]);
        e.include(v[1], v[3]);
        return e;
    }
    double x = 0, y = 0;
    if (geo::readPointWkb(blob.mid(h), &x, &y))
        e.include(x, y);
    else
        e = geo::Shape::fromWkb(blob.mid(h)).envelope();
    return e;
}

} // namespace stroom::gpkg
