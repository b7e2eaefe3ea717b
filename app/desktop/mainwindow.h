#pragma once

#include "errorboundary.h"
#include "flowanimation.h"
#include "flowmap.h"
#include "projectlayers.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QgsMapCanvas;
class QgsPointXY;
class QgsMapToolPan;
class QLabel;
class QMenu;

class QgsRasterLayer;
class QgsVectorLayer;
class QgsFeature;

namespace stroom {
class Session;
}

namespace stroom::widgets {
class DetailsPanel;
class FilterPanel;
class FlowPickTool;
class MapToolBar;
class MapTips;
class LayerManager;
class LayersPanel;
class CameraEditTool;
class OdTablePanel;
class RegisterPanel;
class ThroughTrafficDialog;
} // namespace stroom::widgets

namespace stroom::desktop {

/**
 * \brief Stroom's main window: the map canvas in EPSG:31370 with the layer panel, a status bar with
 * coordinates and scale, and the File, View, Map and Help menus. It owns the project's Session and
 * composes widgets and maps around it: they refresh from the session's changes.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /** Opens a project; on failure shows why (when interactive) and returns false. */
    bool openProject(const QString& path);
    QString projectPath() const;
    Session* session() const { return m_session.get(); }
    QString lastError() const { return m_lastError; }
    /** Tests and screenshots run without modal message boxes. */
    void setInteractive(bool interactive) { widgets::ErrorBoundary::setInteractive(interactive); }
    /** Whether the view is restored from and saved with the project (off for screenshots). */
    void setPersistView(bool persist) { m_persistView = persist; }

    QgsMapCanvas* canvas() const { return m_canvas; }
    widgets::LayersPanel* layersPanel() const { return m_layersPanel; }
    widgets::FilterPanel* filterPanel() const { return m_filterPanel; }
    widgets::OdTablePanel* odTablePanel() const { return m_odPanel; }
    widgets::DetailsPanel* detailsPanel() const { return m_detailsPanel; }
    widgets::RegisterPanel* registerPanel() const { return m_registerPanel; }
    widgets::FlowPickTool* pickTool() const { return m_pickTool; }
    maps::FlowMap* flowMap() const { return m_flowMap; }
    const maps::ProjectLayers& layers() const { return m_layers; }

    /** The view as saved with the project: filters, visible layers, extent, window layout. */
    QByteArray viewState() const;
    void restoreViewState(const QByteArray& json);
    /** Selects a camera as a click on it would: its flows highlighted, its details shown. */
    bool selectCamera(const QString& cameraId);
    /**
     * Shows a camera chosen elsewhere (the register, the completeness list, a context menu): selected as a
     * click would, the map centred on it when it is out of view, or zoomed to it with \a zoom.
     */
    bool showCamera(const QString& cameraId, bool zoom);
    /** Fills the map's context menu for a right-click at \a mapPoint (a camera there: its actions). */
    void fillMapMenu(QMenu* menu, const QgsPointXY& mapPoint);
    /** The basemap and the layers the planner added (Layer menu). */
    widgets::LayerManager* layerManager() const { return m_layerManager; }

public slots:
    void applyView(const stroom::maps::FlowView& view);
    /** The time player's frames as an animated GIF (asks the file and the purpose). */
    void exportAnimation();
    /** How through traffic is told (method, windows per gate pair): the dialog, which rebuilds on a change.
     */
    widgets::ThroughTrafficDialog* showThroughTraffic();
    /** The register's "silent in the selected period" list, when the register is shown. */
    void updateSilentCameras();
    /** Cameras drawn smaller while flows are drawn (CameraSymbology::setCompact). */
    void updateCompactCameras();
    /** Zooms to the selected flows and camera. */
    void zoomToSelection();
    void newProject();
    void openProjectDialog();
    /** Opens the import dialog, with \a files already chosen if given. */
    void importData(const QStringList& files = QStringList());
    void about();
    /** Reloads the project's layers (after an import), keeping the map where it is. */
    void reloadLayers();

signals:
    void projectOpened(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildFileMenu();
    QMenu* buildViewMenu();
    void buildLanguageMenu(QMenu* view);
    void buildMapMenu(QMenu* view);
    void showError(const QString& message);
    /** Runs a user action through the widgets' error boundary; false (and the message shown) on failure. */
    bool guarded(const std::function<void()>& action);
    void closeSession();
    void loadFlows();
    void saveViewState();
    /** Which layers are shown, by name (the view saves it); and showing them so again. */
    QJsonObject visibility() const;
    void applyVisibility(const QJsonObject& visible);
    void onPicked(QgsVectorLayer* layer, const QgsFeature& feature);
    QList<maps::FlowMap::Pair> pickCamera(const QString& id);
    QList<maps::FlowMap::Pair> pickZone(const QString& id, const QString& name);
    QList<maps::FlowMap::Pair> pickFlow(const QgsFeature& feature);
    /** Zooms to the neighbourhood of the camera selected on the map. */
    void zoomToSelectedCamera();
    void selectFlowsOnMap(const QList<QPair<std::uint32_t, std::uint32_t>>& flows);
    void exportOdTable();
    bool auditCopy(const QString& text, int rows);

    QgsMapCanvas* m_canvas = nullptr;
    stroom::widgets::MapToolBar* m_mapToolBar = nullptr;
    stroom::widgets::MapTips* m_mapTips = nullptr;
    widgets::LayersPanel* m_layersPanel = nullptr;
    widgets::FilterPanel* m_filterPanel = nullptr;
    widgets::OdTablePanel* m_odPanel = nullptr;
    widgets::DetailsPanel* m_detailsPanel = nullptr;
    widgets::RegisterPanel* m_registerPanel = nullptr;
    widgets::FlowPickTool* m_pickTool = nullptr;
    widgets::CameraEditTool* m_placeTool = nullptr;
    widgets::CameraEditTool* m_moveTool = nullptr;
    widgets::CameraEditTool* m_turnTool = nullptr;
    maps::FlowMap* m_flowMap = nullptr;
    std::unique_ptr<Session> m_session; ///< the open project
    widgets::LayerManager* m_layerManager = nullptr;
    QMenu* m_mapMenu = nullptr;
    QAction* m_byPurposeAction = nullptr;
    maps::ProjectLayers m_layers;
    QJsonObject m_framesKey; ///< the view and step the time player's frames were made for
    /** Unique vehicles per day for the map's summary, counted off the GUI thread (one count at a time; the
     * latest filter waits; a result for an older filter is dropped). */
    struct UniqueCount {
        int generation = 0;
        DailyVehicles vehicles;
    };
    void countUniqueVehicles(const maps::FlowView& view);
    void startUniqueCount();
    QFutureWatcher<UniqueCount>* m_uniqueWatcher = nullptr;
    int m_uniqueGeneration = 0;
    std::optional<FlowFilter> m_uniquePending;
    QString m_lastError;
    bool m_persistView = true;
    bool m_viewSaved = false; ///< saved on close: not again when the window goes
};

} // namespace stroom::desktop
