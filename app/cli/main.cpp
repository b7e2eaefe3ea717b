#include "commands.h"
#include "common/helptext.h"

#include "common/allocator.h"

#include <QCoreApplication>

/** stroom-cli: QtCore and the engine only; what draws with QGIS is handed to stroom-cli-render. */
int main(int argc, char* argv[]) {
    stroom::keepLargeBuffers();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stroom-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    stroom::helptext::installTranslator(); // the help in Dutch for a Dutch-speaking user
    return stroom::cli::dispatch(QCoreApplication::arguments().mid(1));
}
