#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "common/vectorsource.h"
#include "common/vehicleclass.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventory.h"
#include "inventory/inventoryimport.h"
#include "publish/resultexport.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace stroom::cli {

int camerasImport(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addArgument(
        p, QStringLiteral("FILE"),
        QStringLiteral("CSV (lon/lat or x/y), GeoJSON, GeoPackage, Shapefile, OpenStreetMap (.osm)."));
    helptext::addOptions(
        p, {
               {QStringLiteral("layer"), QStringLiteral("Layer to read (default: the first)."),
                QStringLiteral("NAME")},
               {QStringLiteral("crs"),
                QStringLiteral("CRS of x/y columns in a CSV, e.g. EPSG:31370 (default WGS84 lon/lat)."),
                QStringLiteral("CRS")},
           });
    if (!parse(p, QStringLiteral("cameras import"), args,
               QStringLiteral("Adds cameras to the project's inventory, or updates them by id.")))
        return 0;
    if (p.positionalArguments().size() != 2)
        throw Error::usage(QStringLiteral("cameras import: give PROJECT.gpkg and FILE"));
    const QString project = p.positionalArguments().at(0), file = p.positionalArguments().at(1);
    Store store = Store::open(project);
    VectorReadOptions vo;
    vo.layer = p.value(QStringLiteral("layer"));
    vo.sourceCrs = p.value(QStringLiteral("crs"));
    QStringList warnings;
    const QVector<Camera> cameras = camerasFromFeatures(readVectorFile(file, vo), file, &warnings);
    for (const QString& w : warnings)
        err() << "warning: " << w << "\n";
    QVector<Camera> normalised = cameras;
    Inventory(store).normalise(normalised); // owners as the project's mapping table spells them
    const Store::UpsertResult r = store.upsertCameras(normalised);
    const int inZones = store.assignCamerasToZones();
    err() << QStringLiteral("cameras import: %1: %2 new, %3 updated, %4 unchanged; %5 cameras in the "
                            "project, %6 in a zone\n")
                 .arg(file)
                 .arg(r.inserted)
                 .arg(r.updated)
                 .arg(r.unchanged)
                 .arg(store.cameraCount())
                 .arg(inZones);
    return 0;
}

} // namespace stroom::cli
