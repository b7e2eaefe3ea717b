#pragma once

#include <qgsmaptool.h>

#include <QPointer>
#include <QToolBar>

#include <functional>
#include <memory>

class QgsMapCanvas;
class QgsRubberBand;
class QgsMapToolPan;
class QgsMapToolZoom;

namespace stroom::widgets {

/**
 * \brief Map > Measure distance: click points along a route; the length so far (on the ellipsoid, in m or km)
 * is shown as the line grows; a right-click or double-click ends the line, Esc clears it.
 */
class MeasureTool : public QgsMapTool {
    Q_OBJECT
public:
    explicit MeasureTool(QgsMapCanvas* canvas);
    ~MeasureTool() override;
    void canvasMoveEvent(QgsMapMouseEvent* e) override;
    void canvasReleaseEvent(QgsMapMouseEvent* e) override;
    void canvasDoubleClickEvent(QgsMapMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void deactivate() override;
    /** Adds a point (map coordinates); the length in metres so far. */
    double addPoint(const QgsPointXY& p);
    /** The length in metres of the points given. */
    double length() const;
    /** A length in words: "850 m", "2.4 km". */
    static QString lengthText(double metres);

signals:
    /** The line's length so far, in words, for the status bar. */
    void measured(const QString& text);

private:
    double lengthWith(const QgsPointXY* extra) const;
    void reset();
    std::unique_ptr<QgsRubberBand> m_band;
    QVector<QgsPointXY> m_points;
    bool m_done = false;
};

/**
 * \brief The map toolbar: pan, zoom in and out, the whole project, zoom to the selection, select or identify,
 * and measure. The tools are exclusive and follow the canvas's current tool; the canvas zooms by 1.25 per
 * wheel notch (as most GIS do) instead of QGIS's library default of 2.
 */
class MapToolBar : public QToolBar {
    Q_OBJECT
public:
    /**
     * \a pick is the app's select/identify tool; \a fullExtent and \a zoomToSelection are what the app calls
     * "the project" and "the selection" (the toolbar does not know the layers).
     */
    MapToolBar(QgsMapCanvas* canvas, QgsMapTool* pick, std::function<void()> fullExtent,
               std::function<void()> zoomToSelection, QWidget* parent = nullptr);
    ~MapToolBar() override;
    QgsMapTool* panTool() const;
    MeasureTool* measureTool() const { return m_measure; }

private:
    QPointer<QgsMapCanvas> m_canvas;
    QgsMapToolPan* m_pan;
    QgsMapToolZoom* m_zoomIn;
    QgsMapToolZoom* m_zoomOut;
    MeasureTool* m_measure;
};

} // namespace stroom::widgets
