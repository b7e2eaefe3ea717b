#pragma once

#include <QDockWidget>

class QgsLayerTreeView;
class QgsLayerTreeModel;
class QgsProject;

namespace stroom::widgets {

/**
 * \brief The layer panel: the project's layers with their legends (owners, zones), visibility check
 * boxes and drag-and-drop ordering.
 */
class LayersPanel : public QDockWidget {
    Q_OBJECT
public:
    LayersPanel(QgsProject* project, QWidget* parent = nullptr);
    QgsLayerTreeView* view() const { return m_view; }
    QgsLayerTreeModel* model() const { return m_model; }

private:
    QgsLayerTreeView* m_view;
    QgsLayerTreeModel* m_model;
};

} // namespace stroom::widgets
