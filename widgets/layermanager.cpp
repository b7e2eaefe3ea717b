#include "layermanager.h"

#include "addlayerdialog.h"
#include "projectlayers.h"

#include <qgsbrowserguimodel.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmeshlayer.h>
#include <qgspointcloudlayer.h>
#include <qgsproject.h>
#include <qgsrasterlayer.h>
#include <qgsvectorlayer.h>
#include <qgsvectortilelayer.h>

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonObject>
#include <QMenu>

namespace stroom::widgets {

using maps::Basemap;

LayerManager::LayerManager(QgsProject* project, QgsMapCanvas* canvas, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_project(project)
    , m_canvas(canvas)
    , m_dialogParent(dialogParent) {
    buildMenu(); // m_menu needs the window: buildMenu() runs after the members are set
}

LayerManager::~LayerManager() = default; // the menu goes with the window

void LayerManager::buildMenu() {
    m_menu = new QMenu(tr("&Layer"), m_dialogParent);
    QAction* add = m_menu->addAction(tr("&Add layer…"), this, [this] { openDataSourceManager(); });
    add->setObjectName(QStringLiteral("AddLayerAction"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QAction* remove = m_menu->addAction(tr("&Remove the added layer"), this, [this] {
        QgsMapLayer* layer = m_current ? m_current() : nullptr;
        if (!layer || !removeLayer(layer))
            emit failed(
                tr("Select a layer you added in the layer panel first; the project's own layers stay."));
    });
    remove->setObjectName(QStringLiteral("RemoveLayerAction"));
    m_menu->addSeparator();
    m_basemapMenu = m_menu->addMenu(tr("&Basemap"));
    m_basemapGroup = new QActionGroup(this);
    for (Basemap::Kind kind : {Basemap::Kind::None, Basemap::Kind::ProjectRoads, Basemap::Kind::RoadFile,
                               Basemap::Kind::Osm, Basemap::Kind::Grb, Basemap::Kind::Orthophoto}) {
        QString text = Basemap::title(kind);
        if (kind == Basemap::Kind::RoadFile)
            text += QStringLiteral("…");
        QAction* a = m_basemapMenu->addAction(text);
        Basemap::Choice c;
        c.kind = kind;
        a->setObjectName(QStringLiteral("Basemap_%1").arg(c.toString().section(QLatin1Char(':'), 0, 0)));
        a->setCheckable(true);
        m_basemapGroup->addAction(a);
        if (kind == Basemap::Kind::RoadFile)
            m_basemapMenu->addSeparator(); // offline above, online below
        connect(a, &QAction::triggered, this, [this, kind] {
            Basemap::Choice choice;
            choice.kind = kind;
            if (kind == Basemap::Kind::RoadFile) {
                choice.file = QFileDialog::getOpenFileName(
                    m_dialogParent, tr("Road file"), QString(),
                    tr("Roads (*.gpkg *.shp *.geojson *.json *.osm *.pbf);;All files (*)"));
                if (choice.file.isEmpty()) {
                    syncMenu();
                    return;
                }
            }
            setBasemap(choice);
        });
    }
    syncMenu();
}

void LayerManager::syncMenu() {
    if (!m_basemapGroup)
        return;
    for (QAction* a : m_basemapGroup->actions()) {
        const Basemap::Choice c = Basemap::Choice::fromString(a->objectName().mid(8));
        const Basemap::Kind kind =
            a->objectName() == QLatin1String("Basemap_file") ? Basemap::Kind::RoadFile : c.kind;
        a->setChecked(kind == m_choice.kind);
        if (kind == Basemap::Kind::ProjectRoads)
            a->setEnabled(!m_gpkg.isEmpty() && Basemap::projectHasRoads(m_gpkg));
        if (kind == Basemap::Kind::RoadFile)
            a->setToolTip(m_choice.kind == Basemap::Kind::RoadFile ? m_choice.file : QString());
    }
}

void LayerManager::setProjectPath(const QString& gpkgPath) {
    m_gpkg = gpkgPath;
    syncMenu();
}

Basemap::Choice LayerManager::defaultBasemap() const {
    Basemap::Choice c;
    if (!m_gpkg.isEmpty() && Basemap::projectHasRoads(m_gpkg))
        c.kind = Basemap::Kind::ProjectRoads;
    return c;
}

void LayerManager::insertLayer(QgsMapLayer* layer, bool bottom) {
    m_project->addMapLayer(layer, false);
    QgsLayerTree* root = m_project->layerTreeRoot();
    if (bottom) {
        // Above the basemap, which stays the lowest.
        int at = root->children().size();
        if (m_basemap && layer != m_basemap)
            if (QgsLayerTreeLayer* b = root->findLayer(m_basemap->id()))
                at = root->children().indexOf(b);
        root->insertLayer(at, layer);
    } else {
        // Under the flows, above the zones (or else above the rasters and the basemap).
        int at = root->children().size();
        for (int i = 0; i < root->children().size(); ++i) {
            auto* l = qobject_cast<QgsLayerTreeLayer*>(root->children().at(i));
            const bool below =
                l && l->layer() &&
                (l->layer()->type() == QgsMapLayerType::RasterLayer || l->layer() == m_basemap ||
                 l->layer()->name() == maps::ProjectLayers::zonesLayerName());
            if (below) {
                at = i;
                break;
            }
        }
        root->insertLayer(at, layer);
    }
    if (m_canvas)
        m_canvas->refresh();
    emit layersChanged();
}

bool LayerManager::setBasemap(const Basemap::Choice& choice) {
    return setBasemap(choice, true);
}

bool LayerManager::setBasemap(const Basemap::Choice& choice, bool probe) {
    if (m_basemap)
        m_project->removeMapLayer(m_basemap->id());
    m_basemap = nullptr;
    m_choice = Basemap::Choice();
    m_why.clear();
    bool ok = true;
    if (choice.kind != Basemap::Kind::None) {
        QgsMapLayer* layer = Basemap::create(choice, m_gpkg, &m_why, probe);
        if (layer) {
            m_basemap = layer;
            m_choice = choice;
            insertLayer(layer, true);
        } else {
            ok = false;
            emit failed(tr("The basemap “%1” cannot be shown: %2. The map works without it.")
                            .arg(Basemap::title(choice.kind), m_why));
        }
    }
    syncMenu();
    if (m_canvas)
        m_canvas->refresh();
    emit layersChanged();
    return ok;
}

namespace {
const char* kindName(LayerManager::LayerKind kind) {
    switch (kind) {
    case LayerManager::LayerKind::Raster:
        return "raster";
    case LayerManager::LayerKind::Mesh:
        return "mesh";
    case LayerManager::LayerKind::VectorTile:
        return "vectortile";
    case LayerManager::LayerKind::PointCloud:
        return "pointcloud";
    default:
        return "vector";
    }
}
} // namespace

QgsMapLayer* LayerManager::addLayer(const QString& uri, const QString& name, const QString& provider,
                                    LayerKind kind) {
    QgsMapLayer* layer = nullptr;
    switch (kind) {
    case LayerKind::Raster:
        layer = new QgsRasterLayer(uri, name, provider);
        break;
    case LayerKind::Mesh:
        layer = new QgsMeshLayer(uri, name, provider);
        break;
    case LayerKind::VectorTile:
        layer = new QgsVectorTileLayer(uri, name);
        break;
    case LayerKind::PointCloud:
        layer = new QgsPointCloudLayer(uri, name, provider);
        break;
    case LayerKind::Vector:
        layer = new QgsVectorLayer(uri, name, provider);
        break;
    }
    if (!layer->isValid()) {
        m_why = tr("%1: not a layer QGIS can read (%2)").arg(name, layer->error().summary());
        delete layer;
        emit failed(m_why);
        return nullptr;
    }
    Added a;
    a.uri = uri;
    a.name = name;
    a.provider = provider;
    a.kind = kind;
    a.layer = layer;
    m_added << a;
    insertLayer(layer, kind != LayerKind::Vector);
    return layer;
}

QList<QgsMapLayer*> LayerManager::addedLayers() const {
    QList<QgsMapLayer*> out;
    for (const Added& a : m_added)
        if (a.layer)
            out << a.layer;
    return out;
}

bool LayerManager::removeLayer(QgsMapLayer* layer) {
    for (int i = 0; i < m_added.size(); ++i)
        if (m_added[i].layer == layer) {
            m_project->removeMapLayer(layer->id());
            m_added.removeAt(i);
            if (m_canvas)
                m_canvas->refresh();
            emit layersChanged();
            return true;
        }
    return false;
}

void LayerManager::openDataSourceManager(const QString& page) {
    if (!m_browser) {
        m_browser = new QgsBrowserGuiModel(this);
        m_browser->initialize();
    }
    AddLayerDialog dialog(m_browser, m_canvas, m_dialogParent);
    connect(&dialog, &AddLayerDialog::addVectorLayer, this,
            [this](const QString& uri, const QString& name, const QString& provider) {
                addLayer(uri, name, provider, LayerKind::Vector);
            });
    connect(&dialog, &AddLayerDialog::addVectorLayers, this,
            [this](const QStringList& layers, const QString&, const QString&) {
                for (const QString& path : layers)
                    addLayer(path, QFileInfo(path.section(QLatin1Char('|'), 0, 0)).completeBaseName(),
                             QStringLiteral("ogr"), LayerKind::Vector);
            });
    connect(&dialog, &AddLayerDialog::addRasterLayer, this,
            [this](const QString& uri, const QString& name, const QString& provider) {
                addLayer(uri, name, provider, LayerKind::Raster);
            });
    connect(&dialog, &AddLayerDialog::addRasterLayers, this, [this](const QStringList& layers) {
        for (const QString& path : layers)
            addLayer(path, QFileInfo(path).completeBaseName(), QStringLiteral("gdal"), LayerKind::Raster);
    });
    connect(&dialog, &AddLayerDialog::addMeshLayer, this,
            [this](const QString& uri, const QString& name, const QString& provider) {
                addLayer(uri, name, provider, LayerKind::Mesh);
            });
    connect(&dialog, &AddLayerDialog::addVectorTileLayer, this,
            [this](const QString& uri, const QString& name) {
                addLayer(uri, name, QString(), LayerKind::VectorTile);
            });
    connect(&dialog, &AddLayerDialog::addPointCloudLayer, this,
            [this](const QString& uri, const QString& name, const QString& provider) {
                addLayer(uri, name, provider, LayerKind::PointCloud);
            });
    if (!page.isEmpty())
        dialog.openPage(page);
    dialog.exec();
}

QJsonObject LayerManager::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("basemap"), m_choice.toString());
    QJsonArray added;
    for (const Added& a : m_added)
        if (a.layer)
            added.append(QJsonObject{{QStringLiteral("uri"), a.uri},
                                     {QStringLiteral("name"), a.name},
                                     {QStringLiteral("provider"), a.provider},
                                     {QStringLiteral("kind"), QLatin1String(kindName(a.kind))}});
    o.insert(QStringLiteral("added_layers"), added);
    return o;
}

void LayerManager::fromJson(const QJsonObject& o) {
    clear();
    const QJsonValue b = o.value(QStringLiteral("basemap"));
    // A view saved before basemaps had a choice said true or false (OpenStreetMap or none).
    setBasemap(b.isUndefined() ? defaultBasemap()
               : b.isBool()    ? Basemap::Choice::fromString(b.toBool() ? QStringLiteral("osm") : QString())
                               : Basemap::Choice::fromString(b.toString()));
    for (const QJsonValue& v : o.value(QStringLiteral("added_layers")).toArray()) {
        const QJsonObject a = v.toObject();
        LayerKind kind = a.value(QStringLiteral("raster")).toBool() ? LayerKind::Raster : LayerKind::Vector;
        for (LayerKind k : {LayerKind::Vector, LayerKind::Raster, LayerKind::Mesh, LayerKind::VectorTile,
                            LayerKind::PointCloud})
            if (a.value(QStringLiteral("kind")).toString() == QLatin1String(kindName(k)))
                kind = k;
        addLayer(a.value(QStringLiteral("uri")).toString(), a.value(QStringLiteral("name")).toString(),
                 a.value(QStringLiteral("provider")).toString(), kind);
    }
}

void LayerManager::restore() {
    // The project was cleared: the layers went with it.
    const Basemap::Choice choice = m_choice;
    const QList<Added> added = m_added;
    m_basemap = nullptr;
    m_added.clear();
    m_choice = Basemap::Choice();
    if (choice.kind != Basemap::Kind::None)
        setBasemap(choice, false); // no network probe on every reload (an import, a register edit)
    for (const Added& a : added)
        addLayer(a.uri, a.name, a.provider, a.kind);
    syncMenu();
}

void LayerManager::clear() {
    if (m_basemap)
        m_project->removeMapLayer(m_basemap->id());
    for (const Added& a : m_added)
        if (a.layer)
            m_project->removeMapLayer(a.layer->id());
    m_basemap = nullptr;
    m_added.clear();
    m_choice = Basemap::Choice();
    syncMenu();
}

} // namespace stroom::widgets
