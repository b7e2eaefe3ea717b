#pragma once

#include <qgsapplication.h>

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
};

} // namespace stroom::widgets
