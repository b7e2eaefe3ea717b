#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "governance/reidentification.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

namespace stroom::cli {

int risk(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addOptions(
        p, {
               {QStringLiteral("json"),
                QStringLiteral("Print JSON (unicity {\"1\"..\"4\"}, linkable_share, "
                               "trips_below_k_share, vehicles, reads) instead of text.")},
               {QStringLiteral("sample"), QStringLiteral("Vehicles drawn for unicity (default 5000)."),
                QStringLiteral("N")},
           });
    if (!parse(
            p, QStringLiteral("risk"), args,
            QStringLiteral(
                "Measures the re-identification risk of the project's pseudonymised reads (L0): unicity, the "
                "share of vehicles that p = 1..4 random (camera, hour) points of their own reads single out "
                "(de Montjoye et al., 'Unique in the crowd', 2013); linkability, the share of pseudonyms "
                "seen on more than one local day; and the share of trips whose (day, start hour, origin, "
                "destination, class) group has fewer than k vehicles. Reads nothing out of the store.")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("risk: give exactly one PROJECT.gpkg"));
    const int sample = integerOption(p, QStringLiteral("sample"), 5000, 1, 100000000);
    Store store = Store::open(p.positionalArguments().first(), Store::Access::ReadOnly);
    store.requireReads(QStringLiteral("risk"));
    const ReidentificationRisk r = ReidentificationRisk::measure(store, sample);
    if (p.isSet(QStringLiteral("json"))) {
        out() << QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented));
        return 0;
    }
    out() << QStringLiteral("%1 reads of %2 vehicles (pseudonyms)\n").arg(r.reads).arg(r.vehicles);
    for (int p4 = 1; p4 <= 4; ++p4)
        out() << QStringLiteral("unicity, %1 point%2: %3 % of %4 vehicles drawn are singled out\n")
                     .arg(p4)
                     .arg(p4 == 1 ? QString() : QStringLiteral("s"))
                     .arg(100.0 * r.unicity[static_cast<std::size_t>(p4 - 1)], 0, 'f', 1)
                     .arg(r.tested[static_cast<std::size_t>(p4 - 1)]);
    out() << QStringLiteral("linkable over days: %1 % of pseudonyms seen on more than one local day\n")
                 .arg(100.0 * r.linkableShare, 0, 'f', 1);
    out() << QStringLiteral("trips in groups under k = %1: %2 % of %3 trips\n")
                 .arg(r.k)
                 .arg(100.0 * r.tripsBelowKShare, 0, 'f', 1)
                 .arg(r.trips);
    return 0;
}

} // namespace stroom::cli
