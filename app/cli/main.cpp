#include "clicommands.h"
#include "reportcommand.h"

#include <qgsapplication.h>

#include <QCoreApplication>

#include <memory>

int main(int argc, char* argv[]) {
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // Only the report lays out maps: it needs QGIS and a (headless) GUI application; the rest stays QtCore.
    std::unique_ptr<QCoreApplication> app;
    if (stroom::cli::needsQgis(args)) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QgsApplication>(argc, argv, true);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("stroom-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    const int rc = stroom::cli::run(args);
    if (stroom::cli::needsQgis(args))
        QgsApplication::exitQgis();
    return rc;
}
