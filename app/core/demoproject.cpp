#include "demoproject.h"

#include "democity.h"
#include "store.h"

#include <QDir>
#include <QFileInfo>

#include <gdal.h>
#include <sqlite3.h>

namespace stroom {

void createDemoProject(const QString& path, std::uint64_t seed, int cameras) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const DemoCity city(cameras, seed);
    Store store = Store::create(path);
    store.setSetting(QStringLiteral("title"), QStringLiteral("Gent (demo)"));
    store.setSetting(QStringLiteral("demo_seed"), QString::number(static_cast<qulonglong>(seed)));
    store.upsertZones(city.zones());
    store.upsertCameras(city.cameras());
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
