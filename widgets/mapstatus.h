#pragma once

#include <QObject>

class QgsMapCanvas;
class QStatusBar;

namespace stroom::widgets {

/** \brief The map's status in the status bar: pointer coordinates, scale and the map's CRS, kept current. */
class MapStatus : public QObject {
    Q_OBJECT
public:
    /** Adds the labels to \a bar and follows \a canvas (the labels belong to the bar). */
    static void install(QgsMapCanvas* canvas, QStatusBar* bar);
};

} // namespace stroom::widgets
