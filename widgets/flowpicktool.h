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

signals:
    void picked(QgsVectorLayer* layer, const QgsFeature& feature);
    void pickedNothing();

private:
    QgsVectorLayer* m_cameras;
    QgsVectorLayer* m_flows;
    QgsVectorLayer* m_zones;
};

} // namespace stroom::widgets
