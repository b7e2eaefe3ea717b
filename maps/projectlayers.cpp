#include "projectlayers.h"

#include "camerasymbology.h"
#include "common/error.h"

#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QFileInfo>

namespace stroom::maps {

QString ProjectLayers::camerasLayerName() {
    return QCoreApplication::translate("ProjectLayers", "Cameras");
}
QString ProjectLayers::zonesLayerName() {
    return QCoreApplication::translate("ProjectLayers", "Zones");
}

void ProjectLayers::load(const QString& gpkgPath, QgsProject* project) {
    project->clear();
    m_cameras = m_zones = nullptr;
    m_owners.clear();
    if (!QFileInfo::exists(gpkgPath))
        throw Error::store(
            QCoreApplication::translate("ProjectLayers", "%1: no such project file").arg(gpkgPath));
    project->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    project->setSelectionColor(QColor(0xd6, 0x27, 0x28)); // a selected camera's flows stand out in red
    project->setTitle(QFileInfo(gpkgPath).completeBaseName());

    auto open = [&](const char* table, const QString& name) -> QgsVectorLayer* {
        auto* layer =
            new QgsVectorLayer(QStringLiteral("%1|layername=%2").arg(gpkgPath, QLatin1String(table)), name,
                               QStringLiteral("ogr"));
        if (!layer->isValid()) {
            delete layer;
            return nullptr;
        }
        return layer;
    };
    m_zones = open("zones", zonesLayerName());
    m_cameras = open("cameras", camerasLayerName());
    if (!m_cameras || !m_zones) {
        delete m_zones;
        delete m_cameras;
        m_cameras = m_zones = nullptr;
        throw Error::store(
            QCoreApplication::translate("ProjectLayers", "%1: the cameras or zones layer cannot be opened")
                .arg(gpkgPath));
    }
    CameraSymbology::applyZoneStyle(m_zones);
    m_owners = CameraSymbology::applyOwnerStyle(m_cameras);
    project->addMapLayer(m_zones);
    project->addMapLayer(m_cameras); // added last: drawn on top
    // "How many cameras, and whose?" is the first question: the legend counts them per owner.
    if (QgsLayerTreeLayer* node = project->layerTreeRoot()->findLayer(m_cameras))
        node->setCustomProperty(QStringLiteral("showFeatureCount"), true);
}

QgsVectorLayer* ProjectLayers::layerNamed(QgsProject* project, const QString& name) {
    const QList<QgsMapLayer*> found = project->mapLayersByName(name);
    return found.isEmpty() ? nullptr : qobject_cast<QgsVectorLayer*>(found.first());
}

QgsRectangle ProjectLayers::homeExtent(QgsProject* project) const {
    return extentOf({m_cameras, m_zones}, project->crs(), project->transformContext());
}

QgsRectangle ProjectLayers::extentOf(const QList<QgsVectorLayer*>& layers,
                                     const QgsCoordinateReferenceSystem& crs,
                                     const QgsCoordinateTransformContext& context) {
    QgsRectangle out;
    for (QgsVectorLayer* layer : layers) {
        if (!layer || layer->featureCount() <= 0 || layer->extent().isEmpty())
            continue;
        QgsRectangle e;
        try {
            e = QgsCoordinateTransform(layer->crs(), crs, context).transformBoundingBox(layer->extent());
        } catch (const QgsCsException&) {
            continue; // outside the CRS's area: left out rather than failing the whole extent
        }
        if (out.isEmpty())
            out = e;
        else
            out.combineExtentWith(e);
    }
    if (!out.isEmpty())
        out.scale(1.05);
    return out;
}

} // namespace stroom::maps
