#include "cliio.h"
#include "commands.h"
#include "common/helptext.h"
#include "reportcommand.h"

#include <qgsapplication.h>
#include <qgsexception.h>

#include <QTextStream>

/**
 * stroom-cli-render: the stroom-cli commands that lay out maps with QGIS (report; the public register as
 * a PDF). stroom-cli hands such an invocation over to it whole; its arguments are stroom-cli's.
 */
int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QgsApplication app(argc, argv, true);
    QCoreApplication::setApplicationName(QStringLiteral("stroom-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    stroom::helptext::installTranslator(); // the help in Dutch for a Dutch-speaking user
    stroom::cli::Renderer r;
    r.report = stroom::cli::renderReport;
    r.animate = stroom::cli::renderAnimation;
    r.publicRegisterPdf = stroom::cli::renderPublicRegister;
    r.transparencyPdf = stroom::cli::renderTransparency;
    stroom::cli::installRenderer(r);
    int rc = 1;
    try {
        rc = stroom::cli::dispatch(QCoreApplication::arguments().mid(1));
    } catch (const QgsException& e) { // dispatch catches the engine's errors; QGIS's end here
        stroom::cli::err() << "stroom-cli: the map library failed: " << e.what() << "\n";
        rc = 4;
    }
    QgsApplication::exitQgis();
    return rc;
}
