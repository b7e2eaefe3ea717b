#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QgsLayout;
class QgsProject;
class QgsVectorLayer;

namespace stroom {
class Store;
struct Camera;
} // namespace stroom

namespace stroom::maps {

/**
 * \brief The public camera register as a PDF (layer L3): a map of the cameras by owner, the count per
 * owner and purpose, and every camera's public fields, grouped by owner. Recorded in the audit trail.
 */
class RegisterListing {
public:
    /** \a project holds the project's layers (cameras, zones). Throws stroom::Error. */
    static void write(Store& store, QgsProject* project, const QString& pdfPath, const QString& purpose,
                      bool overwrite = false);

    /**
     * The first page's owner map (x 10–127 mm, y 30–195 mm): the cameras coloured by owner whatever the app
     * shows, drawn from \a byOwnerLayer (made here; it must live until the PDF is written). Returns the
     * owners in colour order.
     */
    static QStringList addOwnerMap(QgsLayout* layout, QgsProject* project,
                                   std::unique_ptr<QgsVectorLayer>& byOwnerLayer);
    /** Cameras per owner and purpose beside the map (x 140–287 mm), each owner with its map colour. */
    static void addOwnerTable(QgsLayout* layout, const QVector<Camera>& cameras, const QStringList& owners);
};

} // namespace stroom::maps
