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

int camerasOwners(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addOptions(
        p,
        {
            {QStringLiteral("alias"),
             QStringLiteral("Record that ALIAS (an owner or operator as written) means OWNER."),
             QStringLiteral("ALIAS=OWNER")},
            {QStringLiteral("suggest"), QStringLiteral("List spellings that probably mean the same owner.")},
        });
    if (!parse(
            p, QStringLiteral("cameras owners"), args,
            QStringLiteral("Cameras per owner, the owner mapping table (one owner however it is spelled) and "
                           "suggestions for near-duplicate names.")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("cameras owners: give PROJECT.gpkg"));
    Store store = Store::open(p.positionalArguments().first());
    Inventory inv(store);
    for (const QString& a : p.values(QStringLiteral("alias"))) {
        const int eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Error::usage(QStringLiteral("cameras owners: --alias takes ALIAS=OWNER"));
        inv.setAlias(a.left(eq), a.mid(eq + 1));
    }
    if (!p.values(QStringLiteral("alias")).isEmpty())
        err() << "cameras owners: " << inv.applyAliases() << " cameras given their owner's name\n";
    if (p.isSet(QStringLiteral("suggest"))) {
        for (const Inventory::Suggestion& s : inv.suggestMerges())
            out() << QStringLiteral("%1\t%2\t%3\n").arg(s.a, s.b).arg(s.score, 0, 'f', 2);
        return 0;
    }
    const QMap<QString, int> counts = inv.countsByOwner();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out() << (it.key().isEmpty() ? QStringLiteral("(owner unknown)") : it.key()) << '\t' << it.value()
              << '\n';
    return 0;
}

} // namespace stroom::cli
