#pragma once

#include "projectlayers.h"

#include <QMainWindow>

class QgsMapCanvas;
class QgsMapToolPan;
class QLabel;

namespace stroom::widgets {
class LayersPanel;
}

namespace stroom::desktop {

/**
 * \brief Stroom's main window: the map canvas in EPSG:31370 with the layer panel, a status bar with
 * coordinates and scale, and the File and Help menus. It composes widgets and maps; it holds no logic
 * of its own beyond wiring them together.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /** Opens a project; on failure shows why (when interactive) and returns false. */
    bool openProject(const QString& path);
    QString projectPath() const { return m_projectPath; }
    QString lastError() const { return m_lastError; }
    /** Tests and screenshots run without modal message boxes. */
    void setInteractive(bool interactive) { m_interactive = interactive; }

    QgsMapCanvas* canvas() const { return m_canvas; }
    widgets::LayersPanel* layersPanel() const { return m_layersPanel; }
    const maps::ProjectLayers& layers() const { return m_layers; }

public slots:
    void newProject();
    void openProjectDialog();
    /** Opens the import dialog, with \a files already chosen if given. */
    void importData(const QStringList& files = QStringList());
    void about();
    /** Reloads the project's layers (after an import), keeping the map where it is. */
    void reloadLayers();

signals:
    void projectOpened(const QString& path);

private:
    void buildMenus();
    void buildStatusBar();
    void showError(const QString& message);

    QgsMapCanvas* m_canvas = nullptr;
    QgsMapToolPan* m_panTool = nullptr;
    widgets::LayersPanel* m_layersPanel = nullptr;
    QLabel* m_coordinates = nullptr;
    QLabel* m_scale = nullptr;
    maps::ProjectLayers m_layers;
    QString m_projectPath;
    QString m_lastError;
    bool m_interactive = true;
};

} // namespace stroom::desktop
