#pragma once

#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventory.h"
#include "store/store.h"

#include <QObject>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace stroom {

/** \brief What importing several files did, file by file, and the trip update after them. */
struct ImportOutcome {
    QVector<ImportReport> reports;    ///< the files that were imported
    QStringList errors;               ///< one message per file that was not (file, line, reason)
    int exitCode = 0;                 ///< the worst of the errors' exit codes (DESIGN §11), 0 when none
    std::optional<BuildReport> trips; ///< the trip update, when one ran
    QString tripsError;               ///< why the trip update failed, if it did (the imports stay stored)
    bool cancelled = false;
    qint64 stored() const;
};

/**
 * \brief An open project for the life of a window or a command: the store, the flow engine and the
 * camera inventory, and the one path that brings trips and the cube up to date after reads change.
 *
 * The session's store is a connection of the thread that opened the session. Work on another thread
 * (an import behind a progress bar) runs through importFiles(), which opens a connection of that thread
 * under the session's writer lock, so no connection is ever used by two threads. Views listen to
 * changed(), which is delivered in the session's thread whichever thread made the change.
 */
class Session : public QObject {
    Q_OBJECT
public:
    enum Change { Reads = 0x1, Trips = 0x2, Cameras = 0x4, Zones = 0x8, Settings = 0x10 };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    /** Opens a project (migrating it; ReadWrite takes the writer lock for the session's life). */
    static std::unique_ptr<Session> open(const QString& path,
                                         Store::Access access = Store::Access::ReadWrite);
    ~Session() override;

    QString path() const { return m_store.path(); }
    bool isReadOnly() const { return m_store.isReadOnly(); }
    Store& store() { return m_store; }
    FlowEngine& flows() { return m_flows; }
    Inventory& inventory() { return m_inventory; }

    /**
     * After reads changed (an import, at open): updates trips and the cube with the stored parameters when
     * they are stale; nothing when they are current. The one such path: the CLI, the import dialog and
     * opening a project all call it. Runs on \a store's thread.
     */
    static std::optional<BuildReport> afterImport(Store& store,
                                                  const std::function<void(double)>& progress = {},
                                                  const std::atomic_bool* cancel = nullptr);

    /**
     * Imports \a files one after the other (each its own transaction), then runs afterImport() unless
     * \a updateTrips is false. Callable from any thread: off the session's thread it works on a connection
     * of its own. Progress runs from 0 to 1 over all of it. Announces Reads (and Trips) through changed().
     * \a perFile, if given, hears each file's outcome as it ends (the CLI prints it).
     */
    ImportOutcome importFiles(const QStringList& files, const ImportOptions& options,
                              const std::function<void(double)>& progress = {},
                              const std::atomic_bool* cancel = nullptr, bool updateTrips = true,
                              const std::function<void(const QString& file, const ImportReport*,
                                                       const QString& error)>& perFile = {});

    /**
     * Builds trips and the cube with \a params: an update, or everything again with \a rebuild (new
     * parameters always rebuild). A change of parameters changes every published figure from then on (and a
     * sweep of them differences single trips), so it needs a \a purpose and is audited (layer L1), in the
     * build's transaction: both land, or neither. The one path of `stroom-cli trips` and the desktop's
     * through-traffic dialog. Callable from any thread, like importFiles(); announces Trips.
     */
    BuildReport buildTrips(const TripParameters& params, bool rebuild, const QString& purpose,
                           const std::function<void(double)>& progress = {},
                           const std::atomic_bool* cancel = nullptr);
    /** Tells the views that \a what changed; safe from any thread (delivered in the session's thread). */
    void notifyChanged(Changes what);

signals:
    void changed(stroom::Session::Changes what);

private:
    explicit Session(Store store);

    Store m_store;
    FlowEngine m_flows;
    Inventory m_inventory;
};

} // namespace stroom

Q_DECLARE_OPERATORS_FOR_FLAGS(stroom::Session::Changes)
Q_DECLARE_METATYPE(stroom::Session::Changes)
