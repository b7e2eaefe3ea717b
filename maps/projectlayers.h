#pragma once

#include <QList>

#include <QString>
#include <QStringList>

class QgsProject;
class QgsVectorLayer;
class QgsRectangle;
class QgsCoordinateReferenceSystem;
class QgsCoordinateTransformContext;

namespace stroom::maps {

/**
 * \brief Puts a Stroom project's layers into a QgsProject, styled: zones (outlines, labelled) under
 * cameras (by owner), in Belgian Lambert 72 (EPSG:31370) by default (DESIGN §6).
 */
class ProjectLayers {
public:
    /**
     * Clears \a project and loads the layers of the GeoPackage at \a gpkgPath.
     * Throws stroom::Error naming the file and what failed.
     */
    void load(const QString& gpkgPath, QgsProject* project);

    QgsVectorLayer* cameras() const { return m_cameras; }
    QgsVectorLayer* zones() const { return m_zones; }
    /** Owners in legend order, as styled. */
    QStringList owners() const { return m_owners; }
    /** The extent to show first, in the project CRS: the cameras (or zones) with a margin. */
    QgsRectangle homeExtent(QgsProject* project) const;
    /**
     * The combined extent of the layers that have features, in \a crs, with a 5 % margin; empty when none
     * has any (a new project, a project without zones). Never throws on a failed transformation.
     */
    static QgsRectangle extentOf(const QList<QgsVectorLayer*>& layers,
                                 const QgsCoordinateReferenceSystem& crs,
                                 const QgsCoordinateTransformContext& context);

    /** The vector layer of \a project called \a name (as Stroom names its layers), or nullptr. */
    static QgsVectorLayer* layerNamed(QgsProject* project, const QString& name);
    static QString camerasLayerName();
    static QString zonesLayerName();

private:
    QgsVectorLayer* m_cameras = nullptr;
    QgsVectorLayer* m_zones = nullptr;
    QStringList m_owners;
};

} // namespace stroom::maps
