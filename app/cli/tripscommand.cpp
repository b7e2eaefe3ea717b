#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "common/sqlite.h"
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
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addOption(p,
                        {QStringLiteral("rebuild"),
                         QStringLiteral("Rebuild everything instead of updating what new imports change.")});
    helptext::addOption(
        p, {QStringLiteral("purpose"),
            QStringLiteral("Why the trip parameters change (needed for --gap, --dedupe, --through-min or "
                           "--through-max other than the stored ones; kept in the audit trail)."),
            QStringLiteral("TEXT")});
    addTripOptions(p);
    helptext::addOption(p,
                        {QStringLiteral("windows"),
                         QStringLiteral("List through traffic's window of every gate pair that has one of "
                                        "its own (CSV on standard output: origin, destination, trips, median "
                                        "and window in minutes).")});
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
    const auto session = Session::open(p.positionalArguments().first());
    Store& store = session->store();
    store.requireReads(QStringLiteral("trips"));
    FlowEngine& engine = session->flows();
    bool given = false;
    const TripParameters params = tripParameters(p, engine.storedParameters(), &given);
    const BuildReport r =
        session->buildTrips(params, p.isSet(QStringLiteral("rebuild")), p.value(QStringLiteral("purpose")),
                            progressPrinter(QStringLiteral("trips")));
    err() << "trips: " << r.summary() << "\n";
    if (params.throughMethod == ThroughMethod::RoleFree) {
        err() << "trips: through traffic role-free (ANPR Metrics): a vehicle whose reads of a day span less "
                 "than an hour, with no camera twice\n";
    } else if (engine.cameras().hasCordon()) {
        const ThroughEstimate e = engine.throughEstimate();
        QString text =
            params.throughWindow == ThroughWindow::Fixed
                ? QStringLiteral("one window for every gate pair, %1–%2 min")
                      .arg(params.throughMinSeconds / 60.0)
                      .arg(params.throughMaxSeconds / 60.0)
                : QStringLiteral("%1 gate pairs with a window from their own trips (median + 3 robust "
                                 "SD, at least 5 min; from %2 days), the others %3–%4 min")
                      .arg(e.windows.size())
                      .arg(e.days)
                      .arg(params.throughMinSeconds / 60.0)
                      .arg(params.throughMaxSeconds / 60.0);
        if (e.readRate > 0)
            text += QStringLiteral("; read rate %1 (from %2 passages between two cameras of a gate pair's "
                                   "usual path)")
                        .arg(e.readRate, 0, 'f', 3)
                        .arg(e.chances);
        err() << "trips: through traffic: " << text << "\n";
        if (p.isSet(QStringLiteral("windows"))) {
            QTextStream o(stdout);
            o << "origin,destination,trips,median_min,window_min\n";
            for (const PairWindow& w : e.windows)
                o << w.origin << ',' << w.destination << ',' << w.trips << ','
                  << QString::number(w.medianSeconds / 60.0, 'f', 1) << ','
                  << QString::number(w.maxSeconds / 60.0, 'f', 1) << '\n';
        }
    }
    return 0;
}

} // namespace stroom::cli
