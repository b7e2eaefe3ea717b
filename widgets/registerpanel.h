#pragma once

#include "camera.h"
#include "inventory.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QDockWidget>
#include <QSet>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace stroom::widgets {

/** \brief The cameras of the register as a table (id, name, owner, operator, purpose, …). */
class CameraTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
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

/** \brief Add or edit one camera; the rules of the register are checked as you type. */
class CameraDialog : public QDialog {
    Q_OBJECT
public:
    explicit CameraDialog(const Camera& camera, bool isNew, QWidget* parent = nullptr);
    Camera camera() const;
    QStringList problems() const;

private:
    void check();
    Camera m_original;
    QLineEdit *m_id, *m_name, *m_site, *m_lon, *m_lat, *m_directions, *m_owner, *m_operator, *m_legal,
        *m_zone, *m_notes;
    QComboBox *m_purpose, *m_status, *m_role;
    QCheckBox* m_registered;
    QLabel* m_problems;
    QPushButton* m_ok;
};

/**
 * \brief The camera register: search and sort, add, edit, delete, each camera's history, undo and redo,
 * and how complete the register is (no owner, no legal basis, unregistered, silent cameras).
 */
class RegisterPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit RegisterPanel(QWidget* parent = nullptr);
    void setProject(const QString& path);
    CameraTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString completenessText() const;
    /** The gaps of the register, as last computed (see setPeriodActivity()). */
    const Inventory::Completeness& completeness() const { return m_lastCompleteness; }
    /**
     * The cameras with reads in the period the planner selected (\a period describes it): registered
     * active cameras outside it count as silent. Called on every filter change.
     */
    void setPeriodActivity(const QSet<QString>& seen, const QString& period);
    /** Opens the completeness dashboard; a double-clicked camera is selected and opened in the form. */
    void completenessDialog();
    /** Selects the camera \a id in the table (clearing the search if it hides it); false if unknown. */
    bool selectCamera(const QString& id);
    /** Applies an edit as the form would (validation, history, undo stack); false and a message when refused.
     */
    bool applyEdit(const Camera& camera, QString* error = nullptr);
    bool removeCamera(const QString& id, QString* error = nullptr);
    bool undo();
    bool redo();
    QString historyText(const QString& cameraId) const;
    /** Imports cameras from a file (CSV, GeoJSON, GeoPackage, Shapefile, OpenStreetMap); a summary or the
     * error. */
    QString importCameras(const QString& file, bool* ok = nullptr);
    /** Records that \a alias means \a owner and renames the cameras; the suggestions left. */
    bool setOwnerAlias(const QString& alias, const QString& owner, QString* error = nullptr);
    QStringList ownerSuggestions() const;
    /** From the map: a new camera here (opens the form), a camera moved, a camera turned. */
    void placeAt(double lon, double lat);
    bool moveCamera(const QString& id, double lon, double lat, QString* error = nullptr);
    bool turnCamera(const QString& id, int bearing, bool addDirection, QString* error = nullptr);

signals:
    void registerChanged();

private:
    void reload();
    /** Applies one change to the register (its edit number goes on the undo stack); false and why if refused.
     */
    bool record(const std::function<qint64(Inventory&)>& change, QString* error);
    /** Undoes (or redoes) the last edit on \a from and moves it to \a to. */
    bool replay(QVector<qint64>& from, QVector<qint64>& to, bool forward);
    void editSelected(bool isNew);
    void ownersDialog();
    Camera selected() const;

    QString m_path;
    CameraTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_search;
    QLabel* m_completeness;
    Inventory::Completeness m_lastCompleteness;
    std::optional<QSet<QString>> m_seenInPeriod;
    QString m_period;
    QVector<qint64> m_undo, m_redo;
};

} // namespace stroom::widgets
