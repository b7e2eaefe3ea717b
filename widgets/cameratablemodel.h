#pragma once

#include "store/camera.h"

#include <QAbstractTableModel>
#include <QVector>

namespace stroom::widgets {

/** \brief The cameras of the register as a table (id, name, owner, operator, purpose, …). */
class CameraTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        Name,
        Owner,
        Operator,
        Purpose,
        LegalBasis,
        Registered,
        Status,
        Role,
        Zone,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setCameras(QVector<Camera> cameras);
    const Camera& camera(int row) const { return m_cameras[row]; }
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Camera> m_cameras;
};

} // namespace stroom::widgets
