#include "odtablepanel.h"

#include "common/error.h"

#include "flowmap.h"
#include "publish/resultexport.h"

#include <QFileDialog>
#include <QInputDialog>

#include "odtablemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace stroom::widgets {

OdTablePanel::OdTablePanel(QWidget* parent)
    : QDockWidget(tr("OD matrix"), parent) {
    setObjectName(QStringLiteral("OdTablePanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    // The search on a row of its own, so its hint reads whole in a narrow side panel, in Dutch too.
    m_search = new QLineEdit(body);
    m_search->setObjectName(QStringLiteral("OdSearch"));
    m_search->setPlaceholderText(tr("Find a place…"));
    m_search->setToolTip(tr("Shows the rows whose origin or destination (name or id) contains this text"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    auto* bar = new QHBoxLayout;
    auto* copyButton = new QPushButton(tr("Copy"), body);
    auto* exportButton = new QPushButton(tr("Export CSV…"), body);
    bar->addStretch(1);
    bar->addWidget(copyButton);
    bar->addWidget(exportButton);

    m_model = new OdTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OdTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("OdTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OdTableModel::Trips, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Names share what the figures leave; cut names keep both ends ("Sint-Amands… (C005)") and read whole
    // in their tooltip.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(OdTableModel::Trips, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(OdTableModel::Share, QHeaderView::ResizeToContents);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setWordWrap(false); // one line per row: a wrapped name would be cut twice
    m_view->verticalHeader()->setDefaultSectionSize(20);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view);
    layout->addLayout(bar);
    setWidget(body);

    auto* copyAction = new QAction(tr("Copy"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &OdTablePanel::copy);
    connect(copyButton, &QPushButton::clicked, this, &OdTablePanel::copy);
    connect(exportButton, &QPushButton::clicked, this, &OdTablePanel::exportRequested);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTableView::doubleClicked, this, &OdTablePanel::flowsLocated);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_syncing)
            return;
        QList<QPair<std::uint32_t, std::uint32_t>> flows;
        for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
            flows << qMakePair(
                static_cast<std::uint32_t>(i.data(OdTableModel::OriginKeyRole).toLongLong()),
                static_cast<std::uint32_t>(i.data(OdTableModel::DestinationKeyRole).toLongLong()));
        emit flowsSelected(flows);
    });
}

void OdTablePanel::selectFlows(const QList<QPair<std::uint32_t, std::uint32_t>>& flows) {
    m_syncing = true;
    QItemSelection selection;
    for (const auto& f : flows) {
        const int row = m_model->rowOf(f.first, f.second);
        if (row < 0)
            continue;
        const QModelIndex i = m_proxy->mapFromSource(m_model->index(row, 0));
        if (i.isValid())
            selection.select(i, i.siblingAtColumn(OdTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection,
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().first());
    m_syncing = false;
}

void OdTablePanel::clearSearch() {
    m_search->clear();
}

void OdTablePanel::copy() {
    QList<int> rows;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(i).row();
    std::sort(rows.begin(), rows.end());
    const QString text = m_model->toTsv(rows);
    // Recorded first, copied after: no copy leaves without its audit record.
    if (m_copyGate && !m_copyGate(text, rows.isEmpty() ? m_model->rowCount() : static_cast<int>(rows.size())))
        return;
    QApplication::clipboard()->setText(text);
}

QString OdTablePanel::exportMatrix(Store& store, const maps::FlowMap& map) {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the OD matrix"), QStringLiteral("od.csv"), tr("CSV (*.csv);;GeoPackage (*.gpkg)"));
    if (path.isEmpty())
        return QString();
    bool ok = false;
    const QString purpose =
        QInputDialog::getText(this, tr("Purpose"), tr("What is this export for? (kept in the audit trail)"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return QString();
    if (purpose.trimmed().isEmpty())
        throw Error::usage(
            tr("Say what the export is for: the purpose is kept in the audit trail, and nothing "
               "was written."));
    const maps::FlowView v = map.view();
    // In compare mode the table is the comparison, and so is what it exports.
    const ExportResult r =
        map.result().comparison
            ? ResultExport(store, map.cameras(), map.policy(), true)
                  .comparison(*map.result().comparison, v.zones, path,
                              QStringLiteral("filters: %1; before %2, after %3")
                                  .arg(v.filter.describe(), PeriodComparison::periodText(v.filter),
                                       PeriodComparison::periodText(v.afterFilter())),
                              purpose)
            : ResultExport(store, map.cameras(), map.policy(), true)
                  .flows(map.result().matrix, v.zones, path,
                         QStringLiteral("filters: %1").arg(v.filter.describe()), purpose);
    return tr("%1 OD pairs written to %2; %3 cells under k = %4 left out")
        .arg(r.rows)
        .arg(path)
        .arg(r.suppressed)
        .arg(r.k);
}

} // namespace stroom::widgets
