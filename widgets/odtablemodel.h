#pragma once

#include "flowmap.h"

#include <QAbstractTableModel>

#include <optional>

namespace stroom::widgets {

/**
 * \brief The OD matrix of the current filters as a table: origin, destination, trips, share of the
 * origin's trips. Cells under k are not in it (they are suppressed everywhere). In the map's compare mode it
 * lists the comparison as the map draws it: trips per day before → after, and the change (bold when
 * significant).
 */
class OdTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Origin, Destination, Trips, Share, ColumnCount };
    enum Roles { OriginKeyRole = Qt::UserRole + 1, DestinationKeyRole, SortRole };

    explicit OdTableModel(QObject* parent = nullptr);

    /** Takes the cells at or above k from \a result; labels from \a map. */
    void setResult(const maps::FlowViewResult& result, const maps::FlowMap& map, bool zones);
    const OdFlow& flow(int row) const { return m_rows[static_cast<std::size_t>(row)].flow; }
    /** Row of a flow, or -1. */
    int rowOf(std::uint32_t origin, std::uint32_t destination) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Tab-separated text of the given rows (all when empty), with a header line: for the clipboard. */
    QString toTsv(const QList<int>& rows = {}) const;

private:
    struct Row {
        OdFlow flow;
        QString origin, destination;
        double share;
        std::optional<PeriodComparison::Row> change; ///< compare mode: the cell in both periods
    };
    /** "12.3 → 8.1" (trips per day, "< k" where a period released none) and "−34.2 %" for compare mode. */
    QString perDayText(const Row& r) const;
    QString changeText(const Row& r) const;
    bool m_compare = false;
    int m_k = 10;
    std::vector<Row> m_rows;
};

} // namespace stroom::widgets
