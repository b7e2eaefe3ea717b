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

int zonesImport(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addArgument(p, QStringLiteral("FILE"),
                          QStringLiteral("GeoJSON, GeoPackage or Shapefile with polygons."));
    helptext::addOptions(
        p,
        {
            {QStringLiteral("id-field"),
             QStringLiteral("Field with the zone id (default: zone_id, id, code or wijknr)."),
             QStringLiteral("F")},
            {QStringLiteral("name-field"),
             QStringLiteral("Field with the zone name (default: name, naam or wijk)."), QStringLiteral("F")},
            {QStringLiteral("layer"), QStringLiteral("Layer to read (default: the first)."),
             QStringLiteral("NAME")},
        });
    if (!parse(
            p, QStringLiteral("zones import"), args,
            QStringLiteral("Adds zones to the project, or updates them by id, and assigns cameras to them.")))
        return 0;
    if (p.positionalArguments().size() != 2)
        throw Error::usage(QStringLiteral("zones import: give PROJECT.gpkg and FILE"));
    const QString project = p.positionalArguments().at(0), file = p.positionalArguments().at(1);
    Store store = Store::open(project);
    VectorReadOptions vo;
    vo.layer = p.value(QStringLiteral("layer"));
    const QVector<Zone> zones =
        zonesFromFeatures(readVectorFile(file, vo), file, p.value(QStringLiteral("id-field")),
                          p.value(QStringLiteral("name-field")));
    const Store::UpsertResult r = store.upsertZones(zones);
    err() << QStringLiteral("zones import: %1: %2 new, %3 updated, %4 unchanged; %5 zones in the project\n")
                 .arg(file)
                 .arg(r.inserted)
                 .arg(r.updated)
                 .arg(r.unchanged)
                 .arg(store.zoneCount());
    return 0;
}

} // namespace stroom::cli
