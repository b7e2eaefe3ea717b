#include "projectlayers.h"

#include "camerasymbology.h"

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

QString ProjectLayers::load(const QString& gpkgPath, QgsProject* project) {
    project->clear();
    m_cameras = m_zones = nullptr;
    m_owners.clear();
    if (!QFileInfo::exists(gpkgPath))
        return QCoreApplication::translate("ProjectLayers", "%1: no such project file").arg(gpkgPath);
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
        return QCoreApplication::translate("ProjectLayers", "%1: the cameras or zones layer cannot be opened")
            .arg(gpkgPath);
    }
    CameraSymbology::applyZoneStyle(m_zones);
    m_owners = CameraSymbology::applyOwnerStyle(m_cameras);
    project->addMapLayer(m_zones);
    project->addMapLayer(m_cameras); // added last: drawn on top
    // "How many cameras, and whose?" is the first question: the legend counts them per owner.
    if (QgsLayerTreeLayer* node = project->layerTreeRoot()->findLayer(m_cameras))
        node->setCustomProperty(QStringLiteral("showFeatureCount"), true);
    return QString();
}

QgsRectangle ProjectLayers::homeExtent(QgsProject* project) const {
    QgsVectorLayer* basis = m_cameras && m_cameras->featureCount() > 0 ? m_cameras : m_zones;
    if (!basis)
        return QgsRectangle();
    QgsRectangle e = basis->extent();
    if (m_zones && m_zones->featureCount() > 0)
        e.combineExtentWith(m_zones->extent());
    const QgsCoordinateTransform ct(basis->crs(), project->crs(), project->transformContext());
    QgsRectangle out;
    try {
        out = ct.transformBoundingBox(e);
    } catch (const QgsCsException&) {
        return QgsRectangle();
    }
    out.scale(1.05);
    return out;
}

} // namespace stroom::maps
