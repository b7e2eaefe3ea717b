#include "cliio.h"
#include "commands.h"
#include "common/helptext.h"

#include "common/error.h"
#include "governance/transparency.h"
#include "session/session.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

namespace stroom::cli {

int transparency(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addOptions(
        p, {
               {QStringLiteral("out"),
                QStringLiteral("A PDF (laid out for reading) or GeoJSON (the cameras, with the "
                               "report as the collection's 'transparency' member)."),
                QStringLiteral("FILE")},
               {QStringLiteral("lang"), QStringLiteral("nl or en (default en), for the PDF."),
                QStringLiteral("nl|en")},
               {QStringLiteral("purpose"),
                QStringLiteral("Why (kept in the audit trail; default: publication for citizen oversight)."),
                QStringLiteral("TEXT")},
               {QStringLiteral("overwrite"),
                QStringLiteral("Replace FILE if it exists (never a file of the project).")},
           });
    if (!parse(
            p, QStringLiteral("transparency"), args,
            QStringLiteral(
                "Writes the transparency report for citizens (layer L3): the cameras by owner and purpose, "
                "what data is held (reads kept per month, aggregates, the retention period, what was "
                "purged), how published figures are protected (k, the cell key method), and what the data "
                "was used for, from the audit trail by month, kind of use, purpose and layer. It names no "
                "user and no file, and masks anything plate-like in a purpose. Recorded in the audit "
                "trail.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(
            QStringLiteral("transparency: give PROJECT.gpkg and --out FILE.pdf or FILE.geojson"));
    const QString out = p.value(QStringLiteral("out"));
    const QString lang =
        p.isSet(QStringLiteral("lang")) ? p.value(QStringLiteral("lang")) : QStringLiteral("en");
    if (lang != QLatin1String("en") && lang != QLatin1String("nl"))
        throw Error::usage(QStringLiteral("transparency: --lang is nl or en"));
    const QString purpose = p.value(QStringLiteral("purpose")).trimmed().isEmpty()
                                ? QStringLiteral("publication for citizen oversight")
                                : p.value(QStringLiteral("purpose"));
    const bool pdf = out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (!pdf && !out.endsWith(QLatin1String(".geojson"), Qt::CaseInsensitive) &&
        !out.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        throw Error::usage(QStringLiteral("transparency: --out is a .pdf or a .geojson file"));
    if (pdf) {
        QTranslator translator;
        if (lang == QLatin1String("nl") &&
            translator.load(QStringLiteral(":/stroom/translations/stroom_nl.qm"))) {
            QCoreApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Belgium)); // dates and numbers too
        }
        renderer().transparencyPdf(p.positionalArguments().first(), out, purpose,
                                   p.isSet(QStringLiteral("overwrite")));
        QCoreApplication::removeTranslator(&translator);
        err() << "transparency: the report written to " << out << "\n";
        return 0;
    }
    const auto session = Session::open(p.positionalArguments().first());
    const Transparency t = Transparency::collect(session->store());
    const int n = t.writeGeoJson(session->store(), out, purpose, p.isSet(QStringLiteral("overwrite")));
    err() << QStringLiteral("transparency: %1 cameras and the report written to %2\n").arg(n).arg(out);
    return 0;
}

} // namespace stroom::cli
