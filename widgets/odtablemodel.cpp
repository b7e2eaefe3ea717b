#include "odtablemodel.h"

#include <QHash>
#include <QLocale>

namespace stroom::widgets {

OdTableModel::OdTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void OdTableModel::setResult(const maps::FlowViewResult& result, const maps::FlowMap& map, bool zones) {
    beginResetModel();
    m_rows.clear();
    const OriginShares shares(result.matrix);
    for (const OdFlow& f : result.matrix.flows) // released cells only
        m_rows.push_back(Row{f, map.label(f.origin, zones), map.label(f.destination, zones), shares.of(f)});
    endResetModel();
}

int OdTableModel::rowOf(std::uint32_t origin, std::uint32_t destination) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].flow.origin == origin && m_rows[i].flow.destination == destination)
            return static_cast<int>(i);
    return -1;
}

int OdTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OdTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OdTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount() || index.column() < 0 ||
        index.column() >= ColumnCount)
        return QVariant();
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Origin:
            return r.origin;
        case Destination:
            return r.destination;
        case Trips:
            return QLocale().toString(static_cast<qlonglong>(r.flow.trips));
        case Share:
            return QStringLiteral("%1 %").arg(QLocale().toString(r.share, 'f', 1));
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Origin:
            return r.origin;
        case Destination:
            return r.destination;
        case Trips:
            return static_cast<qlonglong>(r.flow.trips);
        case Share:
            return r.share;
        }
        break;
    case Qt::ToolTipRole: // a name cut short by its column reads whole here
        if (index.column() == Origin || index.column() == Destination)
            return QStringLiteral("%1 → %2").arg(r.origin, r.destination);
        break;
    case Qt::TextAlignmentRole:
        return index.column() >= Trips ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case OriginKeyRole:
        return static_cast<qlonglong>(r.flow.origin);
    case DestinationKeyRole:
        return static_cast<qlonglong>(r.flow.destination);
    default:
        break;
    }
    return QVariant();
}

QVariant OdTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case Trips:
            return tr("Trips between the two, as released (cells under k are not listed)");
        case Share:
            return tr("Share of the origin's trips that go to this destination");
        default:
            return headerData(section, orientation, Qt::DisplayRole);
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Origin:
        return tr("Origin");
    case Destination:
        return tr("Destination");
    case Trips:
        return tr("Trips");
    case Share:
        return tr("Share"); // short, for a side panel; the tooltip says of what
    }
    return QVariant();
}

QString OdTableModel::toTsv(const QList<int>& rows) const {
    QString out =
        QStringLiteral("%1\t%2\t%3\t%4\n")
            .arg(headerData(Origin, Qt::Horizontal).toString(),
                 headerData(Destination, Qt::Horizontal).toString(),
                 headerData(Trips, Qt::Horizontal).toString(), headerData(Share, Qt::Horizontal).toString());
    auto line = [&](const Row& r) {
        out += QStringLiteral("%1\t%2\t%3\t%4\n")
                   .arg(r.origin, r.destination)
                   .arg(r.flow.trips)
                   .arg(r.share, 0, 'f', 1);
    };
    if (rows.isEmpty()) {
        for (const Row& r : m_rows)
            line(r);
    } else {
        for (int i : rows)
            if (i >= 0 && i < rowCount())
                line(m_rows[static_cast<std::size_t>(i)]);
    }
    return out;
}

} // namespace stroom::widgets
