#include "clicommands.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stroom-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return stroom::cli::run(args);
}
