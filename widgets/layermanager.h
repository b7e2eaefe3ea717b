#pragma once

#include "basemap.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QgsBrowserGuiModel;
class QgsMapCanvas;
class QgsMapLayer;
class QgsProject;
class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace stroom::widgets {

/**
 * \brief The map's other layers: the basemap (the project's roads, a road file, online tiles) and the
 * layers the planner adds through QGIS's source pages (AddLayerDialog) (vector files, rasters, WMS/WMTS, …).
 *
 * Both are part of the view: they are saved with it (toJson()) and come back when the project's own
 * layers are reloaded after an import (restore()). Added vector layers go under the flows, above the zones;
 * rasters and the basemap at the bottom.
 */
class LayerManager : public QObject {
    Q_OBJECT
public:
    LayerManager(QgsProject* project, QgsMapCanvas* canvas, QWidget* dialogParent);
    ~LayerManager() override;

    /** The project's GeoPackage (for its `roads` layer); enables the menu's project roads. */
    void setProjectPath(const QString& gpkgPath);
    /** The Layer menu: Add layer…, Remove the added layer, Basemap ▸. */
    QMenu* menu() const { return m_menu; }

    /** Shows \a choice under the map; false and why() when it cannot (the map then has none). */
    bool setBasemap(const maps::Basemap::Choice& choice);
    const maps::Basemap::Choice& basemap() const { return m_choice; }
    QgsMapLayer* basemapLayer() const { return m_basemap; }
    /** The basemap a project starts with when its view says none: its own roads, when it has them. */
    maps::Basemap::Choice defaultBasemap() const;

    /** \brief What kind of layer a source gives (as QGIS's source pages say). */
    enum class LayerKind { Vector, Raster, Mesh, VectorTile, PointCloud };
    /**
     * Adds a layer as QGIS's source pages describe it; nullptr and why() when it is not valid. Vector layers
     * go under the flows; the other kinds (images, meshes, tiles, point clouds) at the bottom, above the
     * basemap.
     */
    QgsMapLayer* addLayer(const QString& uri, const QString& name, const QString& provider, LayerKind kind);
    QList<QgsMapLayer*> addedLayers() const;
    /** Removes an added layer (not one of the project's own). */
    bool removeLayer(QgsMapLayer* layer);
    /** Where "Remove the added layer" finds the layer the planner means (the layer panel's current one). */
    void setCurrentLayer(std::function<QgsMapLayer*()> current) { m_current = std::move(current); }
    /** Opens the Add layer dialog (QGIS's source pages) (vector, raster, WMS/WMTS, …) on \a page ("ogr",
     * "gdal", "wms"). */
    void openDataSourceManager(const QString& page = QString());

    /** The basemap and the added layers, as the view saves them. */
    QJsonObject toJson() const;
    /** Brings them back from a saved view (or the default basemap when \a o has none). */
    void fromJson(const QJsonObject& o);
    /** After the project's layers were reloaded (the project cleared): the basemap and added layers again. */
    void restore();
    /** Forgets everything (a new project is opening). */
    void clear();
    QString why() const { return m_why; }

signals:
    /** Something could not be shown: a message for the planner. */
    void failed(const QString& message);
    /** The map's layers changed (a basemap or a layer added or removed). */
    void layersChanged();

private:
    bool setBasemap(const maps::Basemap::Choice& choice, bool probe);
    void buildMenu();
    void syncMenu();
    void insertLayer(QgsMapLayer* layer, bool bottom);

    struct Added {
        QString uri, name, provider;
        LayerKind kind = LayerKind::Vector;
        QPointer<QgsMapLayer> layer;
    };
    QgsProject* m_project;
    QPointer<QgsMapCanvas> m_canvas;
    QWidget* m_dialogParent;
    QString m_gpkg;
    maps::Basemap::Choice m_choice;
    QPointer<QgsMapLayer> m_basemap;
    QList<Added> m_added;
    QMenu* m_menu = nullptr;
    QMenu* m_basemapMenu = nullptr;
    QActionGroup* m_basemapGroup = nullptr;
    QgsBrowserGuiModel* m_browser = nullptr;
    QString m_why;
    std::function<QgsMapLayer*()> m_current;
};

} // namespace stroom::widgets
