#include "commands.h"

#include <QCoreApplication>

/** stroom-cli: QtCore and the engine only; what draws with QGIS is handed to stroom-cli-render. */
int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stroom-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    return stroom::cli::dispatch(QCoreApplication::arguments().mid(1));
}
