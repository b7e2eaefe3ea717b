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
                "and class (distinct vehicles exact over the cell's period). Privacy: cells with fewer than "
                "k distinct vehicles are left out and counted; both figures are perturbed by the cell key "
                "method (noise -2..+2, zero mean, variance 1); --exact gives exact figures, audited as L1.")))
        return 0;
    const QString per = p.value(QStringLiteral("per"));
    if (!per.isEmpty() && per != QLatin1String("hour") && per != QLatin1String("day"))
        throw Error::usage(QStringLiteral("counts: --per is hour or day"));
    const bool perHour = per != QLatin1String("day");
    ResultQuery q = ResultQuery::open(p, QStringLiteral("counts"));
    const FlowCube cube = queryCube(q.store(), p, q.policy, &q.params, nullptr);
    const ExportResult r =
        ResultExport(q.store(), q.session->flows().cameras(), q.policy, q.overwrite)
            .counts(
                cube.counts(q.filter, perHour ? CountPeriod::Hour : CountPeriod::Day, true).publish(q.policy),
                perHour, p.value(QStringLiteral("out")),
                describeQuery(q.filter, q.params,
                              perHour ? QStringLiteral("per hour") : QStringLiteral("per day")),
                p.value(QStringLiteral("purpose")));
    ResultQuery::written(QStringLiteral("counts"), QStringLiteral("rows"), r);
    return 0;
}

} // namespace stroom::cli
