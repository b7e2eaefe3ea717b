#include "layerspanel.h"

#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreeview.h>
#include <qgsproject.h>

namespace stroom::widgets {

LayersPanel::LayersPanel(QgsProject* project, QWidget* parent)
    : QDockWidget(tr("Layers"), parent) {
    setObjectName(QStringLiteral("LayersPanel"));
    m_model = new QgsLayerTreeModel(project->layerTreeRoot(), this);
    m_model->setFlag(QgsLayerTreeModel::AllowNodeReorder);
    m_model->setFlag(QgsLayerTreeModel::AllowNodeChangeVisibility);
    m_model->setFlag(QgsLayerTreeModel::AllowLegendChangeState);
    m_model->setFlag(QgsLayerTreeModel::ShowLegendAsTree);
    m_model->setAutoCollapseLegendNodes(-1);
    m_view = new QgsLayerTreeView(this);
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("LayerTreeView"));
    setWidget(m_view);
    setMinimumWidth(260);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, [this] { m_view->expandAll(); });
}

} // namespace stroom::widgets
