#pragma once

#include "inventory/inventory.h"
#include "store/camera.h"

#include <QDockWidget>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace stroom {
class Session;
}

namespace stroom::widgets {

class CameraTableModel;

/**
 * \brief The camera register: search and sort, add, edit, delete, each camera's history, undo and redo,
 * and how complete the register is (no owner, no legal basis, unregistered, silent cameras).
 */
class RegisterPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit RegisterPanel(QWidget* parent = nullptr);
    /** The project whose register this shows (nullptr: none); it refreshes on the session's changes. */
    void setSession(Session* session);
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
    /** Selects the camera \a id and opens it in the form. */
    void editCamera(const QString& id);

    // The register's changes. Each throws stroom::Error when refused (the register's rules, an unknown
    // camera); the panel's own buttons show that through ErrorBoundary.

    /** Applies an edit as the form would (validation, history, undo stack). */
    void applyEdit(const Camera& camera);
    void removeCamera(const QString& id);
    /** Undoes (redoes) the last edit; false when there is none. */
    bool undo();
    bool redo();
    QString historyText(const QString& cameraId) const;
    /** Imports cameras from a file (CSV, GeoJSON, GeoPackage, Shapefile, OpenStreetMap); a summary. */
    QString importCameras(const QString& file);
    /**
     * Adds or updates zones from \a file (polygons) by id, assigns the cameras to them, and refreshes the
     * views; \a idField and \a nameField as `stroom-cli zones import` takes them (empty: its defaults).
     */
    QString importZones(const QString& file, const QString& idField, const QString& nameField);
    /** The attribute names of a vector file's features (for choosing the id and name fields). */
    static QStringList fieldsOf(const QString& file);
    /** Records that \a alias means \a owner and renames the cameras. */
    void setOwnerAlias(const QString& alias, const QString& owner);
    QStringList ownerSuggestions() const;
    /** From the map: a new camera here (opens the form), a camera moved, a camera turned. */
    void placeAt(double lon, double lat);
    void moveCamera(const QString& id, double lon, double lat);
    void turnCamera(const QString& id, int bearing, bool addDirection);

signals:
    /** A camera was chosen in the register (its row selected): the map shows it. */
    void cameraChosen(const QString& id);
    /** The planner asked to zoom to a camera (Show on map, here or in the completeness list). */
    void cameraLocated(const QString& id);

private:
    void reload();
    Session& session() const;
    /** Applies one change to the register (its edit number goes on the undo stack). */
    void record(const std::function<qint64(Inventory&)>& change);
    /** Undoes (or redoes) the last edit on \a from and moves it to \a to. */
    bool replay(QVector<qint64>& from, QVector<qint64>& to, bool forward);
    void editSelected(bool isNew);
    void openForm(const Camera& camera, bool isNew);
    void ownersDialog();
    Camera selected() const;

    QPointer<Session> m_session;
    CameraTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_search;
    QLabel* m_completeness;
    Inventory::Completeness m_lastCompleteness;
    std::optional<QSet<QString>> m_seenInPeriod;
    QString m_period;
    QVector<qint64> m_undo, m_redo;
    bool m_selecting = false; ///< selectCamera() at work: no cameraChosen
};

} // namespace stroom::widgets
