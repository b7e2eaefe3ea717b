#include "commands.h"

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

int trips(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addOption({QStringLiteral("rebuild"),
                 QStringLiteral("Rebuild everything instead of updating what new imports change.")});
    addTripOptions(p);
    if (!parse(p, QStringLiteral("trips"), args,
               QStringLiteral(
                   "Builds trips (L1) from the imported reads: a read of the same vehicle at the same camera "
                   "within the duplicate window (--dedupe, 60 s) is dropped; a gap longer than --gap (30 "
                   "minutes) starts a new trip; single-read trips are counted apart. Also builds the "
                   "aggregate cube and the layers od_flows, od_zone_flows and camera_counts that QGIS shows. "
                   "After an import only the hours the new reads can change are rebuilt.")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("trips: give PROJECT.gpkg"));
    Store store = Store::open(p.positionalArguments().first());
    FlowEngine engine(store);
    bool given = false;
    const TripParameters params = tripParameters(p, engine.storedParameters(), &given);
    const BuildReport r = p.isSet(QStringLiteral("rebuild"))
                              ? engine.rebuild(params, progressPrinter(QStringLiteral("trips")))
                              : engine.update(params, progressPrinter(QStringLiteral("trips")));
    err() << "trips: " << r.summary() << "\n";
    return 0;
}

} // namespace stroom::cli
