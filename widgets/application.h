#pragma once

#include <qgsapplication.h>

#include <QSettings>

#include <memory>

namespace stroom::widgets {

/**
 * \brief The desktop's application object: QGIS's, with the last error boundary of the event loop. An
 * exception that no widget caught (stroom::Error, a QGIS exception, anything else) is shown through
 * ErrorBoundary and the event loop goes on; it never aborts the app.
 */
class Application : public QgsApplication {
    Q_OBJECT
public:
    Application(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;
    /**
     * Stroom's own settings (~/.config/Stroom/stroom.conf). Named, not taken from the application's names:
     * starting QGIS renames the application to QGIS's, and a plain QSettings() would then read and write
     * QGIS's file (the language chosen in the menu was saved there and never read back).
     */
    static std::unique_ptr<QSettings> settings();
};

} // namespace stroom::widgets
