#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace stroom {
class Store;
}
namespace stroom::maps {
class FlowMap;
}

namespace stroom::widgets {

class OdTableModel;

/**
 * \brief The OD matrix view: a sortable, filterable table for the current filters, selection kept in
 * step with the map, copy to the clipboard and export to CSV.
 */
class OdTablePanel : public QDockWidget {
    Q_OBJECT
public:
    explicit OdTablePanel(QWidget* parent = nullptr);
    /**
     * Export CSV…/GeoPackage: asks the file and the purpose, writes the matrix the map shows (k applied,
     * audited) and says what it wrote; empty when the user cancelled. Throws stroom::Error.
     */
    QString exportMatrix(Store& store, const maps::FlowMap& map);
    OdTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    /** Selects the rows of these flows (from the map), without emitting flowsSelected. */
    void selectFlows(const QList<QPair<std::uint32_t, std::uint32_t>>& flows);
    /** Copies the selected rows (or all) as tab-separated text, once the gate (if any) lets it. */
    void copy();
    /** Empties the search box (a newly opened project starts with no search). */
    void clearSearch();
    /**
     * What must happen before rows leave for the clipboard (the window records the copy in the audit trail);
     * false keeps them here.
     */
    void setCopyGate(std::function<bool(const QString& text, int rows)> gate) {
        m_copyGate = std::move(gate);
    }

signals:
    /** The user selected rows: their (origin, destination) keys. */
    void flowsSelected(const QList<QPair<std::uint32_t, std::uint32_t>>& flows);
    void exportRequested();
    /** The user double-clicked a row: zoom the map to its flow. */
    void flowsLocated();

private:
    std::function<bool(const QString&, int)> m_copyGate;
    OdTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_search;
    bool m_syncing = false;
};

} // namespace stroom::widgets
