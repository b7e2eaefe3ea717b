#pragma once

#include <QDialog>
#include <QMap>

class QgsAbstractDataSourceWidget;
class QgsBrowserGuiModel;
class QgsMapCanvas;
class QListWidget;
class QStackedWidget;

namespace stroom::widgets {

/**
 * \brief Layer > Add layer…: QGIS's own source pages (vector files, rasters, WMS/WMTS, XYZ tiles, WFS,
 * delimited text, databases, …) side by side, as QGIS's data source manager shows them. Each page is made
 * by the provider's GUI when first opened; what the planner adds is passed on in the pages' signals.
 *
 * (Debian's QGIS 3.22 headers for QgsDataSourceManagerDialog include a generated UI header they do not
 * ship, so the dialog is put together here from the same registry of source pages.)
 */
class AddLayerDialog : public QDialog {
    Q_OBJECT
public:
    AddLayerDialog(QgsBrowserGuiModel* browser, QgsMapCanvas* canvas, QWidget* parent = nullptr);
    /** The provider keys of the pages, in QGIS's order. */
    QStringList pages() const { return m_keys; }
    /** Shows the page of \a providerKey (made when first shown); nullptr when there is none. */
    QgsAbstractDataSourceWidget* openPage(const QString& providerKey);

signals:
    void addVectorLayer(const QString& uri, const QString& name, const QString& provider);
    void addVectorLayers(const QStringList& layers, const QString& encoding, const QString& dataSourceType);
    void addRasterLayer(const QString& uri, const QString& name, const QString& provider);
    void addRasterLayers(const QStringList& layers);
    void addMeshLayer(const QString& uri, const QString& name, const QString& provider);
    void addVectorTileLayer(const QString& uri, const QString& name);
    void addPointCloudLayer(const QString& uri, const QString& name, const QString& provider);

private:
    QgsAbstractDataSourceWidget* page(int row);

    QgsBrowserGuiModel* m_browser;
    QgsMapCanvas* m_canvas;
    QListWidget* m_list;
    QStackedWidget* m_stack;
    QStringList m_keys, m_names;
    QMap<int, QgsAbstractDataSourceWidget*> m_made;
};

} // namespace stroom::widgets
