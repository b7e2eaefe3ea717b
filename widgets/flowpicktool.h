#pragma once

#include <qgsmaptoolidentify.h>

class QgsVectorLayer;

namespace stroom::widgets {

/**
 * \brief Click a camera, a zone or a flow: the top-most of them under the cursor is picked (cameras
 * before flows before zones).
 */
class FlowPickTool : public QgsMapToolIdentify {
    Q_OBJECT
public:
    FlowPickTool(QgsMapCanvas* canvas, QgsVectorLayer* cameras, QgsVectorLayer* flows, QgsVectorLayer* zones);
    void setLayers(QgsVectorLayer* cameras, QgsVectorLayer* flows, QgsVectorLayer* zones);
    void canvasReleaseEvent(QgsMapMouseEvent* e) override;
    /** The same pick at a map point (for tests and keyboard use). */
    void pickAt(const QgsPointXY& mapPoint);
    /** The camera drawn at a map point (the top-most), if any. */
    bool cameraAt(const QgsPointXY& mapPoint, QgsFeature* camera);
    /** A right-click opens the map's context menu (the canvas asks the main window to fill it). */
    Flags flags() const override { return QgsMapToolIdentify::flags() | QgsMapTool::ShowContextMenu; }

signals:
    void picked(QgsVectorLayer* layer, const QgsFeature& feature);
    void pickedNothing();

private:
    QgsVectorLayer* m_cameras;
    QgsVectorLayer* m_flows;
    QgsVectorLayer* m_zones;
};

} // namespace stroom::widgets
