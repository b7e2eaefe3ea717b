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
    if (e->button() == Qt::LeftButton) // the right button opens the context menu
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

namespace stroom::widgets {

bool FlowPickTool::cameraAt(const QgsPointXY& p, QgsFeature* camera) {
    if (!m_cameras)
        return false;
    const QList<IdentifyResult> hits = identify(QgsGeometry::fromPointXY(p), IdentifyMode::TopDownStopAtFirst,
                                                QList<QgsMapLayer*>() << m_cameras, VectorLayer);
    if (hits.isEmpty())
        return false;
    *camera = hits.first().mFeature;
    return true;
}

} // namespace stroom::widgets
