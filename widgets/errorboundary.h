#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace stroom::widgets {

/**
 * \brief The one way the widgets show a failure. The engine and the map layer throw stroom::Error; a user
 * action (a button, a menu, a dialog) runs through run(), which catches it (and QGIS's and the standard
 * library's exceptions) at that boundary and shows the message in a warning over the window, or, when
 * the app runs without a person in front of it (tests, screenshots), logs it.
 */
class ErrorBoundary {
    Q_DECLARE_TR_FUNCTIONS(ErrorBoundary)

public:
    /** Runs \a action; on failure shows why under \a title and returns false. */
    static bool run(QWidget* parent, const QString& title, const std::function<void()>& action);
    /** Shows \a message as run() shows a failure. */
    static void show(QWidget* parent, const QString& title, const QString& message);
    /** The message of the exception being handled; call only inside a catch block. */
    static QString currentMessage();
    /** Off for tests and screenshots: messages are logged, never shown in a modal box. */
    static void setInteractive(bool interactive);
    static bool isInteractive();
    /** The last message shown or logged (for tests and the status bar). */
    static QString lastMessage();
};

} // namespace stroom::widgets
