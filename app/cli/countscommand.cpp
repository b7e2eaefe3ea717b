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

int counts(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    p.addOption(
        {QStringLiteral("per"), QStringLiteral("hour (default) or day."), QStringLiteral("hour|day")});
    if (!parse(
            p, QStringLiteral("counts"), args,
            QStringLiteral(
                "Writes passages (kept reads) and distinct vehicles per camera, period (local hour or day) "
                "and class; cells with fewer than k vehicles are left out and counted.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("counts: give PROJECT.gpkg and --out FILE"));
    const QString per = p.value(QStringLiteral("per"));
    if (!per.isEmpty() && per != QLatin1String("hour") && per != QLatin1String("day"))
        throw Error::usage(QStringLiteral("counts: --per is hour or day"));
    const bool perHour = per != QLatin1String("day");
    const FlowFilter filter = flowFilter(p);
    Store store = Store::open(p.positionalArguments().first());
    const int k = integerOption(p, QStringLiteral("k"), store.threshold(), 1, 1000000);
    TripParameters params;
    const FlowCube cube = queryCube(store, p, &params, nullptr);
    const CameraIndex cams = FlowEngine(store).cameras();
    const ExportResult r =
        ResultExport(store, cams)
            .counts(cube.counts(filter, perHour, true), perHour, p.value(QStringLiteral("out")), k,
                    describeQuery(filter, params,
                                  QStringLiteral("per %1").arg(perHour ? QStringLiteral("hour")
                                                                       : QStringLiteral("day"))),
                    p.value(QStringLiteral("purpose")));
    err() << QStringLiteral("counts: %1 rows written to %2; %3 cells under k=%4 suppressed\n")
                 .arg(r.rows)
                 .arg(r.path)
                 .arg(r.suppressed)
                 .arg(k);
    return 0;
}

} // namespace stroom::cli
