#pragma once

#include <qgsmaptool.h>
#include <qgspointxy.h>

class QgsVectorLayer;
class QgsRubberBand;

namespace stroom::widgets {

/**
 * \brief Puts cameras where they are on the map: click to place a new one, drag one to move it, drag
 * away from one to set the direction it reads (Shift adds a direction). Emits what the user did in WGS84;
 * the register panel applies it (rules, history, undo).
 */
class CameraEditTool : public QgsMapTool {
    Q_OBJECT
public:
    enum class Mode { Place, Move, Turn };
    CameraEditTool(QgsMapCanvas* canvas, Mode mode);
    void setCameras(QgsVectorLayer* cameras) { m_cameras = cameras; }
    Mode mode() const { return m_mode; }

    void canvasPressEvent(QgsMapMouseEvent* e) override;
    void canvasMoveEvent(QgsMapMouseEvent* e) override;
    void canvasReleaseEvent(QgsMapMouseEvent* e) override;

    /** The camera (id) nearest to a map point within a few pixels, or empty. */
    QString cameraAt(const QgsPointXY& mapPoint, QgsPointXY* cameraMapPoint = nullptr) const;
    /** Compass bearing (0–359) from one map point to another, in the canvas CRS. */
    static int bearing(const QgsPointXY& from, const QgsPointXY& to);
    /** A canvas point in WGS84 longitude/latitude. */
    QgsPointXY toWgs84(const QgsPointXY& mapPoint) const;

signals:
    void placeRequested(double lon, double lat);
    void moved(const QString& cameraId, double lon, double lat);
    void turned(const QString& cameraId, int bearing, bool addDirection);

private:
    Mode m_mode;
    QgsVectorLayer* m_cameras = nullptr;
    QString m_dragging;
    QgsPointXY m_origin;
    QgsRubberBand* m_band = nullptr;
};

} // namespace stroom::widgets
