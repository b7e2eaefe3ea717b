#include "simulate/demoproject.h"

#include "common/geometry.h"
#include "common/sqlite.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "simulate/democity.h"
#include "simulate/simulator.h"
#include "store/geopackage.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gdal.h>
#include <sqlite3.h>

namespace stroom {

namespace {

/** The city's road graph as the GeoPackage layer `roads` (highway class), the demo's offline basemap. */
void writeRoads(Store& store, const DemoCity& city) {
    sql::Database& db = store.database();
    sql::Transaction tx(db);
    db.exec("CREATE TABLE roads (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING, highway TEXT)");
    auto insert = db.prepare("INSERT INTO roads (geom, highway) VALUES (?, ?)");
    for (const DemoCity::Road& r : city.roads()) {
        geo::Envelope e;
        for (const QPointF& p : r.line)
            e.include(p.x(), p.y());
        insert.bindBlob(1, gpkg::geometryBlob(geo::lineWkb(r.line), 4326, &e));
        insert.bind(2, r.highway);
        insert.run();
    }
    gpkg::registerFeatureTable(
        db, QStringLiteral("roads"), QStringLiteral("geom"), QStringLiteral("LINESTRING"), 4326,
        QStringLiteral("roads"),
        QStringLiteral("The demo city's road graph (simulated, not surveyed): the basemap"));
    gpkg::refreshExtent(db, QStringLiteral("roads"), QStringLiteral("geom"));
    tx.commit();
}

} // namespace

void createDemoProject(const QString& path, std::uint64_t seed, int cameras, int vehicles, int days) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const DemoCity city(cameras, seed);
    Store store = Store::create(path);
    store.setSetting(QStringLiteral("title"), QStringLiteral("Gent (demo)"));
    store.setSetting(QStringLiteral("demo_seed"), QString::number(static_cast<qulonglong>(seed)));
    store.upsertZones(city.zones());
    store.upsertCameras(city.cameras());
    writeRoads(store, city);
    if (vehicles <= 0)
        return;
    QTemporaryDir tmp;
    SimulationOptions o;
    o.outDir = tmp.path();
    o.vehicles = vehicles;
    o.days = days;
    o.seed = seed;
    o.cameras = cameras;
    Simulator(o).run();
    Importer(store).importFile(tmp.filePath(QStringLiteral("anpr-standard.csv")), ImportOptions());
    FlowEngine(store).rebuild(TripParameters());
}

QString stroomVersion() {
    return QStringLiteral(STROOM_VERSION);
}
QString gdalVersion() {
    return QString::fromLatin1(GDALVersionInfo("RELEASE_NAME"));
}
QString sqliteVersion() {
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace stroom
