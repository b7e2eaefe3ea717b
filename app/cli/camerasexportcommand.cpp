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

bool outIsPdf(const QStringList& args) {
    // --out FILE, -out FILE, --out=FILE, -out=FILE (the parser takes single-dash words as long options)
    for (int i = 0; i < args.size(); ++i) {
        QString a = args[i];
        while (a.startsWith(QLatin1Char('-')))
            a.remove(0, 1);
        QString value;
        if (a == QLatin1String("out") && i + 1 < args.size())
            value = args[i + 1];
        else if (a.startsWith(QLatin1String("out=")))
            value = a.mid(4);
        if (value.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

int camerasExport(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addOptions(
        p,
        {
            {QStringLiteral("out"),
             QStringLiteral("GeoJSON, CSV, GeoPackage or (with --public) a PDF listing, by the file name."),
             QStringLiteral("FILE")},
            {QStringLiteral("public"),
             QStringLiteral("The public register (L3): only the fields citizens may see.")},
            {QStringLiteral("purpose"), QStringLiteral("Why (required; kept in the audit trail)."),
             QStringLiteral("TEXT")},
            {QStringLiteral("overwrite"),
             QStringLiteral("Replace FILE if it exists (never a file of the project).")},
        });
    if (!parse(p, QStringLiteral("cameras export"), args,
               QStringLiteral(
                   "Writes the camera register; with --public only its public fields (id, name, site, "
                   "directions, owner, operator, purpose, legal basis, registered, installed, status).")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("cameras export: give PROJECT.gpkg and --out FILE"));
    requirePurpose(p, QStringLiteral("cameras export"));
    if (p.value(QStringLiteral("out")).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        if (!p.isSet(QStringLiteral("public")))
            throw Error::usage(
                QStringLiteral("cameras export: a PDF is the public register listing: add --public"));
        renderer().publicRegisterPdf(p.positionalArguments().first(), p.value(QStringLiteral("out")),
                                     p.value(QStringLiteral("purpose")),
                                     p.isSet(QStringLiteral("overwrite")));
        err() << "cameras export: the public register written to " << p.value(QStringLiteral("out")) << "\n";
        return 0;
    }
    Store store = Store::open(p.positionalArguments().first());
    const int n = Inventory(store).exportRegister(
        p.value(QStringLiteral("out")), p.isSet(QStringLiteral("public")), p.value(QStringLiteral("purpose")),
        p.isSet(QStringLiteral("overwrite")));
    err() << QStringLiteral("cameras export: %1 cameras written to %2%3\n")
                 .arg(n)
                 .arg(p.value(QStringLiteral("out")), p.isSet(QStringLiteral("public"))
                                                          ? QStringLiteral(" (public fields only)")
                                                          : QString());
    return 0;
}

} // namespace stroom::cli
