#include "commands.h"
#include "common/helptext.h"

#include <QCoreApplication>

#include <malloc.h>

/** stroom-cli: QtCore and the engine only; what draws with QGIS is handed to stroom-cli-render. */
int main(int argc, char* argv[]) {
    // Large buffers (a day's reads, cube cells) come and go per day: glibc keeps them instead of mapping and
    // zeroing fresh pages each time.
    mallopt(M_MMAP_THRESHOLD, 512 << 20);
    mallopt(M_TRIM_THRESHOLD, 1024 << 20);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stroom-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    stroom::helptext::installTranslator(); // the help in Dutch for a Dutch-speaking user
    return stroom::cli::dispatch(QCoreApplication::arguments().mid(1));
}
