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

int init(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project file to create."));
    if (!parse(p, QStringLiteral("init"), args,
               QStringLiteral("Creates a new, empty Stroom project (a GeoPackage).")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("init: give exactly one PROJECT.gpkg"));
    const QString path = p.positionalArguments().first();
    Store store = Store::create(path);
    err() << QStringLiteral("init: created %1 (schema %2)\n").arg(path).arg(store.schemaVersion());
    return 0;
}

} // namespace stroom::cli
