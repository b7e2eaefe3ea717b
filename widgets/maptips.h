#pragma once

#include <QObject>
#include <QPoint>
#include <QPointer>

#include <functional>

class QgsMapCanvas;
class QgsVectorLayer;
class QTimer;

namespace stroom::widgets {

/**
 * \brief Map tips: resting the pointer on a camera shows its name, id, owner and purpose; on a flow, its
 * origin, destination, trips and share of the origin (released figures only, as the layer holds them).
 */
class MapTips : public QObject {
    Q_OBJECT
public:
    /** \a layers gives the camera and flow layers of the moment (they change with the project). */
    MapTips(QgsMapCanvas* canvas, std::function<QgsVectorLayer*()> cameras,
            std::function<QgsVectorLayer*()> flows);
    /** The tip for a point of the canvas (pixels): empty when nothing is there. */
    QString tipAt(const QPoint& pixel) const;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QgsMapCanvas> m_canvas;
    std::function<QgsVectorLayer*()> m_cameras, m_flows;
    QTimer* m_timer;
    QPoint m_last;
};

} // namespace stroom::widgets
