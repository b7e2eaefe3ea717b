#pragma once

#include <QString>
#include <QStringList>

class QgsProject;
class QgsVectorLayer;
class QgsRectangle;

namespace stroom::maps {

/**
 * \brief Puts a Stroom project's layers into a QgsProject, styled: zones (outlines, labelled) under
 * cameras (by owner), in Belgian Lambert 72 (EPSG:31370) by default (DESIGN §6).
 */
class ProjectLayers {
public:
    /**
     * Clears \a project and loads the layers of the GeoPackage at \a gpkgPath.
     * Returns an empty string on success, else a message naming the file and what failed.
     */
    QString load(const QString& gpkgPath, QgsProject* project);

    QgsVectorLayer* cameras() const { return m_cameras; }
    QgsVectorLayer* zones() const { return m_zones; }
    /** Owners in legend order, as styled. */
    QStringList owners() const { return m_owners; }
    /** The extent to show first, in the project CRS: the cameras (or zones) with a margin. */
    QgsRectangle homeExtent(QgsProject* project) const;

    static QString camerasLayerName();
    static QString zonesLayerName();

private:
    QgsVectorLayer* m_cameras = nullptr;
    QgsVectorLayer* m_zones = nullptr;
    QStringList m_owners;
};

} // namespace stroom::maps
