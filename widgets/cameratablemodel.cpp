#include "cameratablemodel.h"

#include "store/vocabulary.h"

namespace stroom::widgets {

void CameraTableModel::setCameras(QVector<Camera> cameras) {
    beginResetModel();
    m_cameras = std::move(cameras);
    endResetModel();
}

int CameraTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_cameras.size();
}
int CameraTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CameraTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_cameras.size() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QVariant();
    const Camera& c = m_cameras[index.row()];
    switch (index.column()) {
    case Id:
        return c.id;
    case Name:
        return c.name;
    case Owner:
        return c.owner;
    case Operator:
        return c.operatorName;
    case Purpose:
        return stroom::vocabulary::purpose(c.purpose);
    case LegalBasis:
        return c.legalBasis;
    case Registered:
        return c.registered ? tr("yes") : tr("no");
    case Status:
        return stroom::vocabulary::status(c.status);
    case Role:
        return stroom::vocabulary::role(c.role);
    case Zone:
        return c.zone;
    }
    return QVariant();
}

QVariant CameraTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Id:
        return tr("Id");
    case Name:
        return tr("Name");
    case Owner:
        return tr("Owner");
    case Operator:
        return tr("Operator");
    case Purpose:
        return tr("Purpose");
    case LegalBasis:
        return tr("Legal basis");
    case Registered:
        return tr("Registered");
    case Status:
        return tr("Status");
    case Role:
        return tr("Role");
    case Zone:
        return tr("Zone");
    }
    return QVariant();
}

} // namespace stroom::widgets
