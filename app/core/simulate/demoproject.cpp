#include "simulate/demoproject.h"

#include "flows/flowengine.h"
#include "import/importer.h"
#include "simulate/democity.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gdal.h>
#include <sqlite3.h>

namespace stroom {

void createDemoProject(const QString& path, std::uint64_t seed, int cameras, int vehicles, int days) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const DemoCity city(cameras, seed);
    Store store = Store::create(path);
    store.setSetting(QStringLiteral("title"), QStringLiteral("Gent (demo)"));
    store.setSetting(QStringLiteral("demo_seed"), QString::number(static_cast<qulonglong>(seed)));
    store.upsertZones(city.zones());
    store.upsertCameras(city.cameras());
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
