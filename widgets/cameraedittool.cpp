#include "cameraedittool.h"

#include <qgscoordinatetransform.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsproject.h>
#include <qgsrubberband.h>
#include <qgsvectorlayer.h>

#include <cmath>

namespace stroom::widgets {

CameraEditTool::CameraEditTool(QgsMapCanvas* canvas, Mode mode)
    : QgsMapTool(canvas)
    , m_mode(mode) {
    setCursor(mode == Mode::Place ? Qt::CrossCursor : Qt::PointingHandCursor);
}

QgsPointXY CameraEditTool::toWgs84(const QgsPointXY& p) const {
    const QgsCoordinateTransform ct(canvas()->mapSettings().destinationCrs(),
                                    QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                    QgsProject::instance()->transformContext());
    try {
        return ct.transform(p);
    } catch (const QgsCsException&) {
        return QgsPointXY();
    }
}

QString CameraEditTool::cameraAt(const QgsPointXY& mapPoint, QgsPointXY* cameraMapPoint) const {
    if (!m_cameras)
        return QString();
    const double tolerance = searchRadiusMU(canvas());
    const QgsCoordinateTransform ct(m_cameras->crs(), canvas()->mapSettings().destinationCrs(),
                                    QgsProject::instance()->transformContext());
    QString best;
    double bestDistance = tolerance * tolerance;
    QgsFeatureIterator it = m_cameras->getFeatures();
    QgsFeature f;
    while (it.nextFeature(f)) {
        if (!f.hasGeometry())
            continue;
        QgsPointXY p;
        try {
            p = ct.transform(f.geometry().asPoint());
        } catch (const QgsCsException&) {
            continue;
        }
        const double d = p.sqrDist(mapPoint);
        if (d <= bestDistance) {
            bestDistance = d;
            best = f.attribute(QStringLiteral("camera_id")).toString();
            if (cameraMapPoint)
                *cameraMapPoint = p;
        }
    }
    return best;
}

int CameraEditTool::bearing(const QgsPointXY& from, const QgsPointXY& to) {
    // Lambert 72 is conformal: grid north is close enough to true north for a camera's heading.
    double deg = std::atan2(to.x() - from.x(), to.y() - from.y()) * 180.0 / M_PI;
    if (deg < 0)
        deg += 360.0;
    return static_cast<int>(std::lround(deg)) % 360;
}

void CameraEditTool::canvasPressEvent(QgsMapMouseEvent* e) {
    if (m_mode == Mode::Place)
        return;
    m_dragging = cameraAt(e->mapPoint(), &m_origin);
    if (m_dragging.isEmpty())
        return;
    m_band = new QgsRubberBand(canvas(), QgsWkbTypes::LineGeometry);
    m_band->setColor(QColor(0xd6, 0x27, 0x28));
    m_band->setWidth(2);
    m_band->addPoint(m_origin);
    m_band->addPoint(e->mapPoint());
}

void CameraEditTool::canvasMoveEvent(QgsMapMouseEvent* e) {
    if (m_band)
        m_band->movePoint(e->mapPoint());
}

void CameraEditTool::canvasReleaseEvent(QgsMapMouseEvent* e) {
    if (m_mode == Mode::Place) {
        const QgsPointXY w = toWgs84(e->mapPoint());
        emit placeRequested(w.x(), w.y());
        return;
    }
    delete m_band;
    m_band = nullptr;
    if (m_dragging.isEmpty())
        return;
    const QString id = m_dragging;
    m_dragging.clear();
    if (m_mode == Mode::Move) {
        const QgsPointXY w = toWgs84(e->mapPoint());
        emit moved(id, w.x(), w.y());
    } else if (e->mapPoint().distance(m_origin) > 0) {
        emit turned(id, bearing(m_origin, e->mapPoint()), e->modifiers() & Qt::ShiftModifier);
    }
}

} // namespace stroom::widgets
