#include "maptips.h"

#include "store/vocabulary.h"

#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgsmapcanvas.h>
#include <qgsvectorlayer.h>

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>

namespace stroom::widgets {

MapTips::MapTips(QgsMapCanvas* canvas, std::function<QgsVectorLayer*()> cameras,
                 std::function<QgsVectorLayer*()> flows)
    : QObject(canvas)
    , m_canvas(canvas)
    , m_cameras(std::move(cameras))
    , m_flows(std::move(flows))
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(600);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_canvas)
            return;
        const QString tip = tipAt(m_last);
        if (!tip.isEmpty())
            QToolTip::showText(m_canvas->viewport()->mapToGlobal(m_last), tip, m_canvas);
    });
    canvas->viewport()->installEventFilter(this);
    canvas->viewport()->setMouseTracking(true);
}

bool MapTips::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseMove) {
        m_last = static_cast<QMouseEvent*>(event)->pos();
        QToolTip::hideText();
        m_timer->start();
    } else if (event->type() == QEvent::Leave) {
        m_timer->stop();
    }
    return QObject::eventFilter(watched, event);
}

QString MapTips::tipAt(const QPoint& pixel) const {
    if (!m_canvas)
        return QString();
    const QgsMapSettings& ms = m_canvas->mapSettings();
    const double radius = 6 * ms.mapUnitsPerPixel();
    const QgsPointXY at = ms.mapToPixel().toMapCoordinates(pixel);
    const QgsRectangle box(at.x() - radius, at.y() - radius, at.x() + radius, at.y() + radius);
    const QLocale loc;
    // Cameras first: they are drawn on top.
    if (QgsVectorLayer* cams = m_cameras ? m_cameras() : nullptr) {
        QgsFeatureRequest r(ms.mapToLayerCoordinates(cams, box));
        r.setLimit(1);
        QgsFeature f;
        if (cams->getFeatures(r).nextFeature(f)) {
            const QString name = f.attribute(QStringLiteral("name")).toString();
            const QString owner = f.attribute(QStringLiteral("owner")).toString();
            return tr("<b>%1</b> (%2)<br>Owner: %3<br>Purpose: %4")
                .arg((name.isEmpty() ? f.attribute(QStringLiteral("camera_id")).toString() : name)
                         .toHtmlEscaped(),
                     f.attribute(QStringLiteral("camera_id")).toString().toHtmlEscaped(),
                     owner.isEmpty() ? tr("not known") : owner.toHtmlEscaped(),
                     vocabulary::purpose(f.attribute(QStringLiteral("purpose")).toString()).toHtmlEscaped());
        }
    }
    if (QgsVectorLayer* flows = m_flows ? m_flows() : nullptr) {
        const QgsRectangle layerBox = ms.mapToLayerCoordinates(flows, box);
        const QgsGeometry probe = QgsGeometry::fromRect(layerBox);
        QgsFeatureRequest r(layerBox);
        QgsFeature f, best;
        qlonglong most = -1;
        for (QgsFeatureIterator it = flows->getFeatures(r); it.nextFeature(f);)
            if (f.geometry().intersects(probe) && f.attribute(QStringLiteral("trips")).toLongLong() > most) {
                most = f.attribute(QStringLiteral("trips")).toLongLong();
                best = f; // the largest flow under the pointer, as it is drawn on top
            }
        if (most >= 0 && !best.attribute(QStringLiteral("change_class")).isNull()) {
            // Compare mode: trips per day before and after (empty where a period released none).
            auto perDay = [&](const char* field) {
                const QVariant v = best.attribute(QString::fromLatin1(field));
                return v.isNull() ? tr("under k") : loc.toString(v.toDouble(), 'f', 1);
            };
            return tr("<b>%1 → %2</b><br>%3 → %4 trips per day%5")
                .arg(best.attribute(QStringLiteral("origin")).toString().toHtmlEscaped(),
                     best.attribute(QStringLiteral("destination")).toString().toHtmlEscaped(),
                     perDay("before"), perDay("after"),
                     best.attribute(QStringLiteral("significant")).toInt() == 1 ? tr(", significant")
                                                                                : tr(", not significant"));
        }
        if (most >= 0)
            return tr("<b>%1 → %2</b><br>%3 trips, %4 % of the origin's")
                .arg(best.attribute(QStringLiteral("origin")).toString().toHtmlEscaped(),
                     best.attribute(QStringLiteral("destination")).toString().toHtmlEscaped(),
                     loc.toString(most),
                     loc.toString(best.attribute(QStringLiteral("share")).toDouble(), 'f', 1));
    }
    return QString();
}

} // namespace stroom::widgets
