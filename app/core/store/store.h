#pragma once

#include "common/sqlite.h"
#include "privacy/disclosurepolicy.h"
#include "store/camera.h"

#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTemporaryDir;

namespace stroom {

/**
 * \brief A Stroom project: one GeoPackage (cameras, zones, settings, schema version) that QGIS and
 * GDAL open as it is (DESIGN §3).
 *
 * The schema evolves through numbered migrations; a store written by a newer Stroom is refused with a
 * message rather than misread. All writes run in transactions: a failure leaves the store as it was.
 */
class Store {
public:
    /** Counts of an upsert. */
    struct UpsertResult {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
    };

    Store();
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    /** How a project is opened. Only one process at a time may write to a project. */
    enum class Access { ReadWrite, ReadOnly };

    /** Creates a new project file (and its reads sidecar); refuses an existing file. */
    static Store create(const QString& path);
    /**
     * Opens an existing project, migrating an older schema; refuses a newer one. ReadWrite takes the
     * project's writer lock and refuses (Error::store) when another Stroom holds it.
     */
    static Store open(const QString& path, Access access = Access::ReadWrite);
    /**
     * A second connection to this project, for another thread (a connection is never shared between
     * threads). It writes under this store's writer lock, so this store must stay open while it lives.
     */
    Store anotherConnection() const;

    QString path() const { return m_db.path(); }
    /**
     * The project's two sidecar SQLite files beside the shareable GeoPackage (files follow the layers):
     * Reads holds L0 reads and L1 trips (pseudonyms, record secret), attached as "l0", and is what a purge
     * removes; Cube holds what a purge keeps and the GeoPackage must not (the aggregate cube with its
     * vehicle numbers, cells imported from privacy-proof cameras, the purge boundary, the audit head),
     * attached as "cube". Neither is shared.
     */
    enum class Sidecar { Reads, Cube };
    /** PROJECT.gpkg.reads */
    static QString readsPath(const QString& projectPath) { return projectPath + QStringLiteral(".reads"); }
    /** PROJECT.gpkg.cube */
    static QString cubePath(const QString& projectPath) { return projectPath + QStringLiteral(".cube"); }
    static QString sidecarPath(const QString& projectPath, Sidecar file);
    /** A value of a sidecar's own settings table (`meta`). */
    QString meta(Sidecar file, const QString& key);
    void setMeta(Sidecar file, const QString& key, const QString& value);
    /** Whether the reads file holds any read. */
    bool hasReads();
    /**
     * Error::input (exit 3) naming \a command when the project keeps no reads (L0), or, with
     * \a tripsWillDo, neither reads nor trips (L1).
     */
    void requireReads(const QString& command, bool tripsWillDo = false);
    /**
     * True when this open found the reads file gone beside kept aggregates and made an empty one: the
     * session then unlinks the kept days (\ref Purge::unlinkKept) and records it.
     */
    bool readsWereReplaced() const { return m_readsReplaced; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion();
    /** The schema version this build of Stroom writes. */
    static int currentSchemaVersion();

    QString setting(const QString& key, const QString& fallback = QString());
    void setSetting(const QString& key, const QString& value);
    /** The project's time zone for local days and hours (default Europe/Brussels). */
    QString timeZone();
    /** The minimum cell count k for everything that leaves the store (default 10, DESIGN §2). */
    int threshold();
    /** What the project publishes by default: figures under its k suppressed, the rest perturbed. */
    DisclosurePolicy disclosurePolicy() { return DisclosurePolicy(threshold(), false); }

    /** \brief One line of the audit trail (DESIGN §2): what left the store, for what, at what detail. */
    struct AuditEntry {
        QString action;  ///< e.g. "flows", "counts", "report", "export"
        QString purpose; ///< the user's words
        QString layer;   ///< L0, L1, L2 or L3
        QString parameters;
        QString output;
        QString outputSha256;
        qint64 suppressedCells = 0;
        int k = 0;
    };
    void audit(const AuditEntry& e);

    /** Inserts or updates cameras by id, in one transaction. */
    UpsertResult upsertCameras(const QVector<Camera>& cameras);
    QVector<Camera> cameras();
    /** The camera of that id, if the register has it. */
    std::optional<Camera> camera(const QString& cameraId);
    /** The camera of that id; Error::input "no camera … in the register" when there is none. */
    Camera requireCamera(const QString& cameraId);
    int cameraCount();

    /** Inserts or updates zones by id, in one transaction, then assigns cameras to zones. */
    UpsertResult upsertZones(const QVector<Zone>& zones);
    QVector<Zone> zones();
    int zoneCount();
    /** Sets each positioned camera's zone by point in polygon (cameras outside every zone get none). */
    int assignCamerasToZones();

    sql::Database& database() { return m_db; }

private:
    static Store openConnection(const QString& path, Access access, bool takeLock);
    void migrate();
    /** Attaches both sidecars, making them when missing (read-only: empty ones in memory). */
    void attachSidecars(bool create);
    /** Attaches one sidecar, migrating it; true when it was made empty now. */
    bool attachSidecar(Sidecar file, bool create);
    /** Refuses (Error::store, exit 4) a sidecar whose project id is not this project's. */
    void checkSidecarBelongs(Sidecar file);
    bool replacedReadsKeepAggregates();
    void lock();
    void writeCamera(sql::Statement& st, const Camera& c);

    std::unique_ptr<QLockFile> m_lock;        // declared first: released after the database is closed
    std::unique_ptr<QTemporaryDir> m_scratch; // empty sidecars of a read-only project that has none
    sql::Database m_db;
    bool m_readOnly = false;
    bool m_readsReplaced = false;
};

} // namespace stroom
