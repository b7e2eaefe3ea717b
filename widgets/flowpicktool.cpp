#include "flowpicktool.h"

#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsvectorlayer.h>

namespace stroom::widgets {

FlowPickTool::FlowPickTool(QgsMapCanvas* canvas, QgsVectorLayer* cameras, QgsVectorLayer* flows,
                           QgsVectorLayer* zones)
    : QgsMapToolIdentify(canvas)
    , m_cameras(cameras)
    , m_flows(flows)
    , m_zones(zones) {}

void FlowPickTool::setLayers(QgsVectorLayer* cameras, QgsVectorLayer* flows, QgsVectorLayer* zones) {
    m_cameras = cameras;
    m_flows = flows;
    m_zones = zones;
}

void FlowPickTool::canvasReleaseEvent(QgsMapMouseEvent* e) {
    pickAt(e->mapPoint());
}

void FlowPickTool::pickAt(const QgsPointXY& p) {
    const QgsGeometry point = QgsGeometry::fromPointXY(p);
    for (QgsVectorLayer* layer : {m_cameras, m_flows, m_zones}) {
        if (!layer)
            continue;
        const QList<IdentifyResult> hits =
            identify(point, IdentifyMode::TopDownStopAtFirst, QList<QgsMapLayer*>() << layer, VectorLayer);
        if (!hits.isEmpty()) {
            emit picked(layer, hits.first().mFeature);
            return;
        }
    }
    emit pickedNothing();
}

} // namespace stroom::widgets
