#include "reportcommand.h"
#include "common/helptext.h"

#include "cliio.h"

#include "common/bytesource.h"
#include "common/error.h"
#include "flowmap.h"
#include "flows/flowengine.h"
#include "governance/transparency.h"
#include "projectlayers.h"
#include "publish/reportdata.h"
#include "qgisruntime.h"
#include "registerlisting.h"
#include "reportlayout.h"
#include "session/session.h"
#include "store/store.h"
#include "transparencylisting.h"

#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <QTranslator>

#include <algorithm>

namespace stroom::cli {

void renderPublicRegister(const QString& projectPath, const QString& pdf, const QString& purpose,
                          bool overwrite) {
    maps::QgisRuntime::initialise();
    Store store = Store::open(projectPath);
    QgsProject project;
    maps::ProjectLayers layers;
    layers.load(projectPath, &project);
    maps::RegisterListing::write(store, &project, pdf, purpose, overwrite);
}

void renderTransparency(const QString& projectPath, const QString& pdf, const QString& purpose,
                        bool overwrite) {
    maps::QgisRuntime::initialise();
    const auto session = Session::open(projectPath);
    QgsProject project;
    maps::ProjectLayers layers;
    layers.load(projectPath, &project);
    maps::TransparencyListing::write(session->store(), &project, Transparency::collect(session->store()), pdf,
                                     purpose, overwrite);
}

int renderReport(const QStringList& args) {
    QCommandLineParser p;
    const QString description(QStringLiteral("Writes the PDF report (QGIS print layout, A4 landscape): "
                                             "title, flow map with legend, scale bar and north arrow, "
                                             "the largest OD flows, through traffic, counts per camera "
                                             "with an hourly profile, journey times, the camera "
                                             "inventory, and method and privacy. Every figure has at "
                                             "least k distinct vehicles behind it and is perturbed by the "
                                             "cell key method (--exact: exact, audited as L1); the report "
                                             "is recorded in the audit trail."));
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    helptext::addOptions(
        p,
        {
            {QStringLiteral("lang"), QStringLiteral("nl or en (default en)."), QStringLiteral("nl|en")},
            {QStringLiteral("template"),
             QStringLiteral("A QGIS layout template (.qpt) to use instead of Stroom's."),
             QStringLiteral("FILE")},
            {QStringLiteral("before"),
             QStringLiteral("With --after: a before/after page comparing this period (FROM/TO, local dates) "
                            "with the later one, as compare releases it; the other pages show this period."),
             QStringLiteral("FROM/TO")},
            {QStringLiteral("after"), QStringLiteral("The later period of the before/after page (FROM/TO)."),
             QStringLiteral("FROM/TO")},
            {QStringLiteral("write-template"),
             QStringLiteral("Write Stroom's default template to FILE (to restyle in QGIS) and stop."),
             QStringLiteral("FILE")},
        });
    if (!parse(p, QStringLiteral("report"), args, description))
        return 0;
    maps::QgisRuntime::initialise();
    if (p.isSet(QStringLiteral("write-template"))) {
        QgsProject project;
        auto layout = maps::ReportLayout::createDefault(&project);
        if (!layout->saveAsTemplate(p.value(QStringLiteral("write-template")), QgsReadWriteContext()))
            throw Error::input(QStringLiteral("%1: cannot write the template")
                                   .arg(p.value(QStringLiteral("write-template"))));
        err() << "report: template written to " << p.value(QStringLiteral("write-template")) << "\n";
        return 0;
    }
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("report: give PROJECT.gpkg and --out report.pdf"));
    requirePurpose(p, QStringLiteral("report"));
    const QString lang =
        p.value(QStringLiteral("lang")).isEmpty() ? QStringLiteral("en") : p.value(QStringLiteral("lang"));
    if (lang != QLatin1String("en") && lang != QLatin1String("nl"))
        throw Error::usage(QStringLiteral("report: --lang is nl or en"));
    FlowFilter filter = flowFilter(p);
    std::optional<FlowFilter> after;
    if (p.isSet(QStringLiteral("before")) != p.isSet(QStringLiteral("after")))
        throw Error::usage(QStringLiteral("report: a before/after page needs both --before and --after"));
    if (p.isSet(QStringLiteral("before"))) {
        if (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to")))
            throw Error::usage(
                QStringLiteral("report: with --before and --after, the period is --before, not "
                               "--from/--to"));
        after = filter;
        setPeriod(p, QStringLiteral("before"), filter, QStringLiteral("report"));
        setPeriod(p, QStringLiteral("after"), *after, QStringLiteral("report"));
    }
    const QString path = p.positionalArguments().first(), pdf = p.value(QStringLiteral("out"));
    QElapsedTimer timer;
    timer.start();

    QTranslator translator;
    if (lang == QLatin1String("nl") && translator.load(QStringLiteral(":/stroom/translations/stroom_nl.qm")))
        QCoreApplication::installTranslator(&translator);
    const auto session = Session::open(path);
    requireCordon(filter, session->flows(), session->flows().storedParameters(), QStringLiteral("report"));
    Store& store = session->store();
    if (const auto r = Session::afterImport(store))
        err() << "trips: " << r->summary() << "\n";
    const DisclosurePolicy policy = disclosurePolicy(p, store, QStringLiteral("report"));
    bool given = false;
    const TripParameters stored = session->flows().storedParameters();
    if (tripParameters(p, stored, &given) != stored)
        throw Error::usage(QStringLiteral("report: a report uses the project's trips; --gap, --dedupe and "
                                          "--through-min/max are for flows, counts and journey-times"));
    const ReportData data =
        ReportData::collect(store, filter, lang, p.value(QStringLiteral("purpose")), policy, 20, after);

    // The layers, as the app shows them, in a project of the report's own.
    QgsProject project;
    maps::ReportLayout::addLayers(&project, path, session->flows().loadCube(), session->flows().cameras(),
                                  policy, filter, after);

    maps::ReportLayout::write(store, data, &project, p.value(QStringLiteral("template")), pdf,
                              p.isSet(QStringLiteral("overwrite")));
    err() << QStringLiteral("report: %1 written in %2 s (%3 cells under k=%4 suppressed)\n")
                 .arg(pdf)
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                 .arg(data.suppressedTotal())
                 .arg(data.k);
    QCoreApplication::removeTranslator(&translator);
    return 0;
}

} // namespace stroom::cli
