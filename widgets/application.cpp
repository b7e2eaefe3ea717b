#include "application.h"

#include "errorboundary.h"

#include <QThread>

namespace stroom::widgets {

Application::Application(int& argc, char** argv)
    : QgsApplication(argc, argv, true) {}

bool Application::notify(QObject* receiver, QEvent* event) {
    // QApplication's notify directly: QgsApplication's own catches exceptions with a message of its own.
    try {
        return QApplication::notify(receiver, event);
    } catch (...) {
        const QString message = ErrorBoundary::currentMessage();
        if (QThread::currentThread() == thread())
            ErrorBoundary::show(activeWindow(), QStringLiteral("Stroom"), message);
        else
            qCritical("Stroom: %s", qPrintable(message));
        return false;
    }
}

std::unique_ptr<QSettings> Application::settings() {
    return std::make_unique<QSettings>(QStringLiteral("Stroom"), QStringLiteral("stroom"));
}

} // namespace stroom::widgets
