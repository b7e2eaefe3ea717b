#include "odtablemodel.h"

#include <QFont>
#include <cmath>

#include <QHash>
#include <QLocale>

namespace stroom::widgets {

OdTableModel::OdTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void OdTableModel::setResult(const maps::FlowViewResult& result, const maps::FlowMap& map, bool zones) {
    beginResetModel();
    m_rows.clear();
    m_k = result.k;
    m_compare = result.comparison.has_value();
    if (m_compare) {
        // The comparison's cells, released in at least one period; sorted by the busier period's trips per
        // day.
        for (const PeriodComparison::Row& c : result.comparison->rows) {
            const OdFlow f{c.origin, c.destination, std::llround(std::max(c.before, c.after))};
            m_rows.push_back(Row{f, map.label(f.origin, zones), map.label(f.destination, zones), 0, c});
        }
        endResetModel();
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        return;
    }
    const OriginShares shares(result.matrix);
    for (const OdFlow& f : result.matrix.flows) // released cells only
        m_rows.push_back(
            Row{f, map.label(f.origin, zones), map.label(f.destination, zones), shares.of(f), {}});
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
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
            return r.change ? perDayText(r) : QLocale().toString(static_cast<qlonglong>(r.flow.trips));
        case Share:
            return r.change ? changeText(r) : QStringLiteral("%1 %").arg(QLocale().toString(r.share, 'f', 1));
        }
        break;
    case Qt::FontRole:
        if (r.change && r.change->significant && index.column() == Share) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case SortRole:
        if (r.change && index.column() == Trips)
            return std::max(r.change->before, r.change->after);
        if (r.change && index.column() == Share)
            return r.change->hasChange() && r.change->before > 0 ? r.change->change() / r.change->before
                   : r.change->released(r.change->before)        ? -1e9
                                                                 : 1e9;
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
        if (r.change && index.column() == Share)
            return r.change->significant ? tr("Significant: stands out from the day-to-day variation (5 %)")
                                         : tr("Not significant: within the day-to-day variation (5 %)");
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
            return m_compare ? tr("Trips per day before → after, each period as released (\"< k\": under k "
                                  "there)")
                             : tr("Trips between the two, as released (cells under k are not listed)");
        case Share:
            return m_compare ? tr("Change in trips per day against before; bold: significant (5 %)")
                             : tr("Share of the origin's trips that go to this destination");
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
        return m_compare ? tr("Per day") : tr("Trips");
    case Share:
        return m_compare ? tr("Change") : tr("Share"); // short, for a side panel; the tooltip says of what
    }
    return QVariant();
}

QString OdTableModel::perDayText(const Row& r) const {
    const QLocale l;
    auto perDay = [&](double v) { return v >= 0 ? l.toString(v, 'f', 1) : QStringLiteral("< %1").arg(m_k); };
    return QStringLiteral("%1 → %2").arg(perDay(r.change->before), perDay(r.change->after));
}

QString OdTableModel::changeText(const Row& r) const {
    if (!r.change->hasChange() || r.change->before <= 0)
        return QStringLiteral("–");
    const double pct = 100.0 * r.change->change() / r.change->before;
    return (pct > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(pct, 'f', 1) +
           QStringLiteral(" %");
}

QString OdTableModel::toTsv(const QList<int>& rows) const {
    QString out =
        QStringLiteral("%1\t%2\t%3\t%4\n")
            .arg(headerData(Origin, Qt::Horizontal).toString(),
                 headerData(Destination, Qt::Horizontal).toString(),
                 headerData(Trips, Qt::Horizontal).toString(), headerData(Share, Qt::Horizontal).toString());
    auto line = [&](const Row& r) {
        if (r.change) {
            out +=
                QStringLiteral("%1\t%2\t%3\t%4\n").arg(r.origin, r.destination, perDayText(r), changeText(r));
            return;
        }
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
