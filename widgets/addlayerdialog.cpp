#include "addlayerdialog.h"

#include <qgsabstractdatasourcewidget.h>
#include <qgsbrowserguimodel.h>
#include <qgsgui.h>
#include <qgsmapcanvas.h>
#include <qgssourceselectprovider.h>
#include <qgssourceselectproviderregistry.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>

namespace stroom::widgets {

AddLayerDialog::AddLayerDialog(QgsBrowserGuiModel* browser, QgsMapCanvas* canvas, QWidget* parent)
    : QDialog(parent)
    , m_browser(browser)
    , m_canvas(canvas) {
    setWindowTitle(tr("Add a layer"));
    auto* layout = new QHBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("SourcePages"));
    m_list->setIconSize(QSize(24, 24));
    m_list->setMaximumWidth(230);
    layout->addWidget(m_list);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);
    for (QgsSourceSelectProvider* p : QgsGui::sourceSelectProviderRegistry()->providers()) {
        m_keys << p->providerKey();
        m_names << p->name();
        auto* item = new QListWidgetItem(p->icon(), p->text(), m_list);
        item->setToolTip(p->toolTip());
        // A placeholder until the page is first shown (some pages ask servers or databases when made).
        m_stack->addWidget(new QLabel(p->text(), m_stack));
    }
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (page(row))
            m_stack->setCurrentIndex(row);
    });
    if (!m_keys.isEmpty())
        m_list->setCurrentRow(0);
    resize(1000, 640);
}

QgsAbstractDataSourceWidget* AddLayerDialog::page(int row) {
    if (row < 0 || row >= m_keys.size())
        return nullptr;
    if (QgsAbstractDataSourceWidget* made = m_made.value(row))
        return made;
    QgsSourceSelectProvider* provider = QgsGui::sourceSelectProviderRegistry()->providerByName(m_names[row]);
    QgsAbstractDataSourceWidget* w =
        provider
            ? provider->createDataSourceWidget(m_stack, Qt::Widget, QgsProviderRegistry::WidgetMode::Embedded)
            : nullptr;
    if (!w)
        return nullptr;
    w->setMapCanvas(m_canvas);
    if (m_browser)
        w->setBrowserModel(m_browser);
    connect(w, &QgsAbstractDataSourceWidget::addVectorLayer, this,
            [this](const QString& uri, const QString& name, const QString& key) {
                emit addVectorLayer(uri, name, key);
            });
    connect(w, &QgsAbstractDataSourceWidget::addVectorLayers, this, &AddLayerDialog::addVectorLayers);
    connect(w, &QgsAbstractDataSourceWidget::addRasterLayer, this, &AddLayerDialog::addRasterLayer);
    connect(w, &QgsAbstractDataSourceWidget::addRasterLayers, this, &AddLayerDialog::addRasterLayers);
    connect(w, &QgsAbstractDataSourceWidget::addMeshLayer, this, &AddLayerDialog::addMeshLayer);
    connect(w, &QgsAbstractDataSourceWidget::addVectorTileLayer, this, &AddLayerDialog::addVectorTileLayer);
    connect(w, &QgsAbstractDataSourceWidget::addPointCloudLayer, this, &AddLayerDialog::addPointCloudLayer);
    connect(w, &QgsAbstractDataSourceWidget::rejected, this, &QDialog::reject);
    QWidget* placeholder = m_stack->widget(row);
    m_stack->insertWidget(row, w);
    m_stack->removeWidget(placeholder);
    delete placeholder;
    m_made.insert(row, w);
    return w;
}

QgsAbstractDataSourceWidget* AddLayerDialog::openPage(const QString& providerKey) {
    const int row = m_keys.indexOf(providerKey);
    QgsAbstractDataSourceWidget* w = page(row);
    if (w)
        m_list->setCurrentRow(row);
    return w;
}

} // namespace stroom::widgets
