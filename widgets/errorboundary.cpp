#include "errorboundary.h"

#include "common/error.h"

#include <QMessageBox>
#include <QWidget>

#include <exception>
#include <qgsexception.h>

namespace stroom::widgets {

namespace {
bool g_interactive = true;
QString g_last;
} // namespace

QString ErrorBoundary::currentMessage() {
    try {
        throw;
    } catch (const Error& e) {
        return e.message();
    } catch (const QgsException& e) {
        return tr("The map library reported a problem: %1").arg(e.what());
    } catch (const std::exception& e) {
        return tr("Unexpected problem: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        return tr("Unexpected problem of an unknown kind");
    }
}

bool ErrorBoundary::run(QWidget* parent, const QString& title, const std::function<void()>& action) {
    try {
        action();
        return true;
    } catch (...) {
        show(parent, title, currentMessage());
        return false;
    }
}

void ErrorBoundary::show(QWidget* parent, const QString& title, const QString& message) {
    g_last = message;
    if (g_interactive)
        QMessageBox::warning(parent, title, message);
    else
        qWarning("%s: %s", qPrintable(title), qPrintable(message));
}

void ErrorBoundary::setInteractive(bool interactive) {
    g_interactive = interactive;
}

bool ErrorBoundary::isInteractive() {
    return g_interactive;
}

QString ErrorBoundary::lastMessage() {
    return g_last;
}

} // namespace stroom::widgets
