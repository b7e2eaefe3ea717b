#include "maptoolbar.h"

#include <qgsdistancearea.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsmaptoolpan.h>
#include <qgsmaptoolzoom.h>
#include <qgsproject.h>
#include <qgsrubberband.h>

#include <QAction>
#include <QActionGroup>
#include <QKeyEvent>
#include <QLocale>

namespace stroom::widgets {

MeasureTool::MeasureTool(QgsMapCanvas* canvas)
    : QgsMapTool(canvas) {
    setCursor(Qt::CrossCursor);
}

MeasureTool::~MeasureTool() = default;

QString MeasureTool::lengthText(double metres) {
    const QLocale l;
    return metres < 1000 ? tr("%1 m").arg(l.toString(metres, 'f', 0))
                         : tr("%1 km").arg(l.toString(metres / 1000.0, 'f', metres < 10000 ? 2 : 1));
}

double MeasureTool::lengthWith(const QgsPointXY* extra) const {
    QVector<QgsPointXY> pts = m_points;
    if (extra)
        pts << *extra;
    if (pts.size() < 2)
        return 0;
    QgsDistanceArea d;
    d.setSourceCrs(canvas()->mapSettings().destinationCrs(), QgsProject::instance()->transformContext());
    d.setEllipsoid(QStringLiteral("EPSG:7030")); // WGS 84
    return d.measureLine(pts);
}

double MeasureTool::length() const {
    return lengthWith(nullptr);
}

double MeasureTool::addPoint(const QgsPointXY& p) {
    if (m_done)
        reset();
    if (!m_band) {
        m_band = std::make_unique<QgsRubberBand>(canvas(), QgsWkbTypes::LineGeometry);
        m_band->setColor(QColor(0xd6, 0x27, 0x28));
        m_band->setWidth(2);
    }
    m_points << p;
    m_band->addPoint(p);
    const double metres = length();
    emit measured(tr("Distance: %1").arg(lengthText(metres)));
    return metres;
}

void MeasureTool::canvasMoveEvent(QgsMapMouseEvent* e) {
    if (m_points.isEmpty() || m_done)
        return;
    const QgsPointXY p = e->mapPoint();
    m_band->movePoint(p);
    emit measured(tr("Distance: %1").arg(lengthText(lengthWith(&p))));
}

void MeasureTool::canvasReleaseEvent(QgsMapMouseEvent* e) {
    if (e->button() == Qt::RightButton) {
        m_done = true;
        emit measured(tr("Distance: %1 (click to start again)").arg(lengthText(length())));
        return;
    }
    addPoint(e->mapPoint());
    if (m_band)
        m_band->addPoint(e->mapPoint()); // the moving end
}

void MeasureTool::canvasDoubleClickEvent(QgsMapMouseEvent*) {
    m_done = true;
    emit measured(tr("Distance: %1 (click to start again)").arg(lengthText(length())));
}

void MeasureTool::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Escape) {
        reset();
        emit measured(QString());
    }
}

void MeasureTool::reset() {
    m_points.clear();
    m_done = false;
    if (m_band)
        m_band->reset(QgsWkbTypes::LineGeometry);
}

void MeasureTool::deactivate() {
    reset();
    m_band.reset();
    QgsMapTool::deactivate();
}

namespace {
/** Panning, with the map's context menu on a right-click (a camera's actions, as the pick tool has). */
class ContextPanTool : public QgsMapToolPan {
public:
    using QgsMapToolPan::QgsMapToolPan;
    Flags flags() const override { return QgsMapToolPan::flags() | QgsMapTool::ShowContextMenu; }
};
} // namespace

MapToolBar::MapToolBar(QgsMapCanvas* canvas, QgsMapTool* pick, std::function<void()> fullExtent,
                       std::function<void()> zoomToSelection, QWidget* parent)
    : QToolBar(tr("Map tools"), parent)
    , m_canvas(canvas)
    , m_pan(new ContextPanTool(canvas))
    , m_zoomIn(new QgsMapToolZoom(canvas, false))
    , m_zoomOut(new QgsMapToolZoom(canvas, true))
    , m_measure(new MeasureTool(canvas)) {
    setObjectName(QStringLiteral("MapToolBar"));
    canvas->setWheelFactor(1.25);
    auto* group = new QActionGroup(this);
    auto tool = [&](const char* icon, const QString& text, const QString& name, QgsMapTool* t,
                    const QKeySequence& key) {
        QAction* a =
            addAction(QIcon(QStringLiteral(":/stroom/icons/map/%1.svg").arg(QLatin1String(icon))), text);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setShortcut(key);
        a->setToolTip(key.isEmpty()
                          ? text
                          : QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        group->addAction(a);
        t->setAction(a); // checked while the tool is the canvas's
        connect(a, &QAction::triggered, canvas, [canvas, t] { canvas->setMapTool(t); });
        return a;
    };
    tool("pan", tr("Pan"), QStringLiteral("MapPan"), m_pan, QKeySequence(Qt::Key_P));
    tool("zoom-in", tr("Zoom in"), QStringLiteral("MapZoomIn"), m_zoomIn, QKeySequence(Qt::Key_Plus));
    tool("zoom-out", tr("Zoom out"), QStringLiteral("MapZoomOut"), m_zoomOut, QKeySequence(Qt::Key_Minus));
    QAction* full =
        addAction(QIcon(QStringLiteral(":/stroom/icons/map/full-extent.svg")), tr("The whole project"));
    full->setObjectName(QStringLiteral("MapFullExtent"));
    connect(full, &QAction::triggered, this, [fullExtent] { fullExtent(); });
    QAction* sel = addAction(QIcon(QStringLiteral(":/stroom/icons/map/zoom-selection.svg")),
                             tr("Zoom to the selection"));
    sel->setObjectName(QStringLiteral("MapZoomSelection"));
    connect(sel, &QAction::triggered, this, [zoomToSelection] { zoomToSelection(); });
    addSeparator();
    if (pick)
        tool("identify", tr("Select and identify a camera, zone or flow"), QStringLiteral("MapIdentify"),
             pick, QKeySequence(Qt::Key_S));
    tool("measure", tr("Measure a distance"), QStringLiteral("MapMeasure"), m_measure,
         QKeySequence(Qt::Key_M));
}

MapToolBar::~MapToolBar() {
    if (m_canvas) {
        for (QgsMapTool* t : std::initializer_list<QgsMapTool*>{m_pan, m_zoomIn, m_zoomOut, m_measure})
            if (m_canvas->mapTool() == t)
                m_canvas->unsetMapTool(t);
    }
    delete m_pan;
    delete m_zoomIn;
    delete m_zoomOut;
    delete m_measure;
}

QgsMapTool* MapToolBar::panTool() const {
    return m_pan;
}

} // namespace stroom::widgets
