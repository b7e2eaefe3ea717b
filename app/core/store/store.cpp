#include "store/store.h"

#include "privacy/disclosurepolicy.h"
#include "privacy/recordkeys.h"

#include "common/error.h"
#include "common/geometry.h"
#include "common/timeparse.h"
#include "common/varint.h"
#include "store/auditlog.h"
#include "store/geopackage.h"
#include "store/pseudonymdictionary.h"
#include "store/readblocks.h"
#include "store/tripdays.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QTemporaryDir>
#include <QUuid>

#include <sqlite3.h>

#include <map>
#include <vector>

namespace stroom {

namespace {

/** One schema step. Steps are never edited once released; a change is a new step. */
struct Migration {
    int version;
    void (*apply)(sql::Database&);
};

void migrationBase(sql::Database& db) {
    gpkg::initialise(db);
    db.exec(R"sql(
CREATE TABLE cameras (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom POINT,
  camera_id TEXT NOT NULL UNIQUE,
  name TEXT, site TEXT, directions TEXT, lanes INTEGER,
  owner TEXT, operator TEXT, purpose TEXT, legal_basis TEXT,
  registered INTEGER NOT NULL DEFAULT 1,
  installed DATE, status TEXT, role TEXT, zone TEXT,
  source TEXT, source_id TEXT, notes TEXT);
CREATE TABLE zones (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom MULTIPOLYGON,
  zone_id TEXT NOT NULL UNIQUE,
  name TEXT);
)sql");
    gpkg::registerFeatureTable(db, QStringLiteral("cameras"), QStringLiteral("geom"), QStringLiteral("POINT"),
                               gpkg::kWgs84, QStringLiteral("cameras"),
                               QStringLiteral("ANPR camera inventory (Stroom)"));
    gpkg::registerFeatureTable(db, QStringLiteral("zones"), QStringLiteral("geom"),
                               QStringLiteral("MULTIPOLYGON"), gpkg::kWgs84, QStringLiteral("zones"),
                               QStringLiteral("Zones for zone-level flows (Stroom)"));
}

void migrationImports(sql::Database& db) {
    db.exec(R"sql(
CREATE TABLE imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file_name TEXT NOT NULL, file_path TEXT, sha256 TEXT NOT NULL, head_sha256 TEXT, file_size INTEGER,
  format TEXT NOT NULL, delimiter TEXT, mapping TEXT, timezone TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0, rows_stored INTEGER NOT NULL DEFAULT 0, rows_rejected INTEGER NOT NULL DEFAULT 0,
  rejected_sample TEXT, warnings TEXT, cameras_created INTEGER NOT NULL DEFAULT 0,
  first_rowid INTEGER, last_rowid INTEGER, t_min INTEGER, t_max INTEGER,
  pseudonymised INTEGER NOT NULL DEFAULT 0, forced INTEGER NOT NULL DEFAULT 0,
  started DATETIME, finished DATETIME, user TEXT);
CREATE INDEX imports_sha256 ON imports(sha256);
CREATE TABLE agg_counts (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL REFERENCES imports(id),
  camera_id TEXT NOT NULL, period_start DATETIME, period_minutes INTEGER, vehicle_class TEXT NOT NULL,
  vehicles INTEGER NOT NULL);
CREATE TABLE agg_pairflows (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL REFERENCES imports(id),
  from_camera TEXT NOT NULL, to_camera TEXT NOT NULL, period_start DATETIME, period_minutes INTEGER,
  vehicles INTEGER NOT NULL, mean_seconds REAL);
)sql");
    auto reg = db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                          "VALUES (?, 'attributes', ?, ?)");
    reg.bind(1, QStringLiteral("imports"))
        .bind(2, QStringLiteral("imports"))
        .bind(3, QStringLiteral("Imported files: SHA-256, counts, mapping, time zone (Stroom)"));
    reg.run();
    reg.bind(1, QStringLiteral("agg_counts"))
        .bind(2, QStringLiteral("agg_counts"))
        .bind(3, QStringLiteral("Counts from privacy-proof cameras (L2, Stroom)"));
    reg.run();
    reg.bind(1, QStringLiteral("agg_pairflows"))
        .bind(2, QStringLiteral("agg_pairflows"))
        .bind(3, QStringLiteral("Camera-pair flows from privacy-proof cameras (L2, Stroom)"));
    reg.run();
}

void migrationAudit(sql::Database& db) {
    db.exec(R"sql(
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT, time DATETIME NOT NULL, user TEXT, action TEXT NOT NULL,
  purpose TEXT, layer TEXT NOT NULL, parameters TEXT, output TEXT, output_sha256 TEXT,
  suppressed_cells INTEGER, k INTEGER);
)sql");
    auto reg = db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                          "VALUES ('audit_log', 'attributes', 'audit_log', ?)");
    reg.bind(1, QStringLiteral("What left the store, when, for which purpose and at what detail (Stroom)"));
    reg.run();
}

void migrationOperatorAliases(sql::Database& db) {
    db.exec("CREATE TABLE operator_aliases (alias TEXT PRIMARY KEY, owner TEXT NOT NULL)");
    db.exec("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
            "('operator_aliases', "
            "'attributes', 'operator_aliases', 'Owner and operator spellings and the owner they stand for "
            "(Stroom)')");
}

void migrationCameraHistory(sql::Database& db) {
    db.exec("CREATE TABLE camera_history (edit_id INTEGER NOT NULL, camera_id TEXT NOT NULL, time DATETIME "
            "NOT NULL, "
            "user TEXT, field TEXT NOT NULL, old_value TEXT, new_value TEXT)");
    db.exec("CREATE INDEX camera_history_camera ON camera_history(camera_id)");
    db.exec("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
            "('camera_history', "
            "'attributes', 'camera_history', 'Every change to the camera register: when, who, field, old and "
            "new (Stroom)')");
}

void migrationProjectId(sql::Database& db) {
    // Both files of a project carry its id, so a reads file of another project is never attached.
    auto st = db.prepare("INSERT OR IGNORE INTO stroom_settings (key, value) VALUES ('project_id', ?)");
    st.bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    st.run();
}

void migrationDisclosure(sql::Database& db) {
    // The project records the perturbation table its published figures use (DESIGN §2).
    auto st = db.prepare("INSERT OR REPLACE INTO stroom_settings (key, value) VALUES ('ptable', ?)");
    st.bind(1, PTable::text());
    st.run();
}

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1, &migrationBase},          {2, &migrationImports},
        {3, &migrationAudit},         {4, &migrationOperatorAliases},
        {5, &migrationCameraHistory}, {6, &migrationDisclosure},
        {7, &AuditLog::seal},         {8, &migrationProjectId},
    };
    return list;
}

bool tableExists(sql::Database& db, const char* name) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, QString::fromUtf8(name));
    return st.step();
}

} // namespace

Store::Store() = default;
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

int Store::currentSchemaVersion() {
    return migrations().back().version;
}

namespace {
/** The sidecar's own numbered steps (L0 reads, then L1 trips and the cube). */
void readsStep1(sql::Database& db) {
    db.exec(R"sql(
CREATE TABLE l0.meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE l0.pseudonyms (id INTEGER PRIMARY KEY, key BLOB NOT NULL);
CREATE UNIQUE INDEX l0.pseudonyms_key ON pseudonyms(key);
CREATE TABLE l0.countries (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
CREATE TABLE l0.reads (camera INTEGER NOT NULL, t INTEGER NOT NULL, vehicle INTEGER NOT NULL,
                       class INTEGER NOT NULL, country INTEGER NOT NULL);
INSERT INTO l0.meta VALUES ('schema_version', '0');
)sql");
}

void readsStep2(sql::Database& db) {
    // L1: trips without pseudonyms; the cube per local day (cells packed, little-endian).
    db.exec(R"sql(
CREATE TABLE l0.trips (id INTEGER PRIMARY KEY, start INTEGER NOT NULL, end INTEGER NOT NULL,
                       origin INTEGER NOT NULL, destination INTEGER NOT NULL, reads INTEGER NOT NULL,
                       class INTEGER NOT NULL, kind INTEGER NOT NULL, path BLOB NOT NULL);
CREATE INDEX l0.trips_start ON trips(start);
CREATE TABLE l0.cube_od (day INTEGER PRIMARY KEY, cells BLOB NOT NULL);
CREATE TABLE l0.cube_counts (day INTEGER PRIMARY KEY, cells BLOB NOT NULL);
)sql");
}

void readsStep3(sql::Database& db) {
    // A reads file made anew (for a new project, or beside kept aggregates) has no trips: the project's
    // layers are not its to drop.
    bool hadTrips = false;
    {
        auto st = db.prepare("SELECT 1 FROM l0.trips LIMIT 1");
        hadTrips = st.step();
    }
    // Record keys (Cell Key Method): the project's secret, and the vehicle of each trip, kept here in the
    // sidecar only, for distinct-vehicle counts. Trips and the cube of older files are rebuilt from L0.
    auto secret = db.prepare("INSERT OR REPLACE INTO l0.meta (key, value) VALUES ('record_secret', ?)");
    secret.bind(1, QString::fromLatin1(RecordKeys::newSecretHex()));
    secret.run();
    db.exec(R"sql(
ALTER TABLE l0.trips ADD COLUMN vehicle INTEGER NOT NULL DEFAULT 0;
DELETE FROM l0.trips;
DELETE FROM l0.cube_od;
DELETE FROM l0.cube_counts;
DELETE FROM l0.meta WHERE key IN ('trips_import', 'roles_signature');
)sql");
    // The L2 layers were released by the rules before the policy (k on trips, exact): gone until the rebuild
    // (the stored trip parameters stay, so the rebuild uses the project's own).
    if (!hadTrips)
        return;
    for (const char* table : {"od_flows", "od_zone_flows", "camera_counts", "journey_times"}) {
        db.exec(QStringLiteral("DROP TABLE IF EXISTS main.%1").arg(QLatin1String(table)));
        auto st = db.prepare("DELETE FROM main.gpkg_contents WHERE table_name = ?");
        st.bind(1, QString::fromLatin1(table));
        st.run();
        auto geom = db.prepare("DELETE FROM main.gpkg_geometry_columns WHERE table_name = ?");
        geom.bind(1, QString::fromLatin1(table));
        geom.run();
    }
}

void readsStep4(sql::Database& db) {
    // Aggregates from privacy-proof cameras hold cells under k: they live beside L0/L1, never in the
    // shareable GeoPackage, and leave only through the DisclosurePolicy. Older projects' rows move here.
    db.exec(R"sql(
CREATE TABLE l0.agg_counts (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL,
  camera_id TEXT NOT NULL, period_start DATETIME, period_minutes INTEGER, vehicle_class TEXT NOT NULL,
  vehicles INTEGER NOT NULL);
CREATE TABLE l0.agg_pairflows (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL,
  from_camera TEXT NOT NULL, to_camera TEXT NOT NULL, period_start DATETIME, period_minutes INTEGER,
  vehicles INTEGER NOT NULL, mean_seconds REAL);
)sql");
    auto exists = db.prepare("SELECT count(*) FROM main.sqlite_master WHERE name = 'agg_counts'");
    if (exists.step() && exists.int64(0) > 0 && sqlite3_db_readonly(db.handle(), "main") == 0) {
        exists.reset();
        db.exec(R"sql(
INSERT INTO l0.agg_counts SELECT * FROM main.agg_counts;
INSERT INTO l0.agg_pairflows SELECT * FROM main.agg_pairflows;
DROP TABLE main.agg_counts;
DROP TABLE main.agg_pairflows;
DELETE FROM main.gpkg_contents WHERE table_name IN ('agg_counts', 'agg_pairflows');
)sql");
    }
}

void readsStep5(sql::Database& db) {
    // The reads file carries its project's id (an older one takes the project's when it is migrated).
    db.exec(
        "INSERT OR REPLACE INTO l0.meta (key, value) SELECT 'project_id', value FROM main.stroom_settings "
        "WHERE key = 'project_id'");
}

void readsStep6(sql::Database& db) {
    // Files follow the layers (issue 11): what a purge keeps (the cube, imported aggregates, the purge
    // boundary, the audit head) moves to the aggregates file, attached as "cube"; the reads file keeps
    // L0 and L1 only, so deleting it loses no aggregate.
    // Only what there is moves (a read-only open migrates an empty in-memory file beside a read-only one).
    const auto any = [&](const char* sql) {
        auto st = db.prepare(sql);
        return st.step();
    };
    if (any("SELECT 1 FROM l0.cube_od") || any("SELECT 1 FROM l0.cube_counts"))
        db.exec(R"sql(
INSERT INTO cube.cube_od SELECT * FROM l0.cube_od WHERE day NOT IN (SELECT day FROM cube.cube_od);
INSERT INTO cube.cube_counts SELECT * FROM l0.cube_counts WHERE day NOT IN (SELECT day FROM cube.cube_counts);
)sql");
    if (any("SELECT 1 FROM l0.agg_counts") || any("SELECT 1 FROM l0.agg_pairflows"))
        db.exec(R"sql(
INSERT INTO cube.agg_counts (fid, import_id, camera_id, period_start, period_minutes, vehicle_class, vehicles)
  SELECT fid, import_id, camera_id, period_start, period_minutes, vehicle_class, vehicles FROM l0.agg_counts;
INSERT INTO cube.agg_pairflows (fid, import_id, from_camera, to_camera, period_start, period_minutes, vehicles,
                                mean_seconds)
  SELECT fid, import_id, from_camera, to_camera, period_start, period_minutes, vehicles, mean_seconds
  FROM l0.agg_pairflows;
)sql");
    if (any("SELECT 1 FROM l0.meta WHERE key IN ('purged_before', 'audit_head')"))
        db.exec(R"sql(
INSERT OR REPLACE INTO cube.meta SELECT key, value FROM l0.meta WHERE key IN ('purged_before', 'audit_head');
DELETE FROM l0.meta WHERE key IN ('purged_before', 'audit_head');
)sql");
    db.exec(R"sql(
DROP TABLE l0.cube_od;
DROP TABLE l0.cube_counts;
DROP TABLE l0.agg_counts;
DROP TABLE l0.agg_pairflows;
)sql");
}

void readsStep7(sql::Database& db) {
    // Row numbers are part of the record (the imports' row ranges point at them): an explicit INTEGER
    // PRIMARY KEY keeps them through a purge's VACUUM, which renumbers the rows of a table without one. The
    // key is the rowid itself, so a read takes no more room.
    db.exec(R"sql(
CREATE TABLE l0.reads_keyed (id INTEGER PRIMARY KEY, camera INTEGER NOT NULL, t INTEGER NOT NULL,
                             vehicle INTEGER NOT NULL, class INTEGER NOT NULL, country INTEGER NOT NULL);
INSERT INTO l0.reads_keyed SELECT rowid, camera, t, vehicle, class, country FROM l0.reads ORDER BY rowid;
DROP TABLE l0.reads;
ALTER TABLE l0.reads_keyed RENAME TO reads;
)sql");
}

void readsStep8(sql::Database& db) {
    // Issue 15: L0 as columnar blocks per local day (store/readblocks.cpp), L1 as one block per day of trip
    // start (store/tripdays.cpp). The rows of older files are converted, nothing rebuilt: a purged project
    // keeps the trips it kept.
    db.exec(R"sql(
CREATE TABLE l0.read_blocks (id INTEGER PRIMARY KEY, day INTEGER NOT NULL, import_id INTEGER NOT NULL,
                             first_row INTEGER NOT NULL, rows INTEGER NOT NULL, t_min INTEGER NOT NULL,
                             t_max INTEGER NOT NULL, data BLOB NOT NULL, cameras TEXT NOT NULL);
CREATE INDEX l0.read_blocks_day ON read_blocks(day);
CREATE INDEX l0.read_blocks_import ON read_blocks(import_id);
CREATE TABLE l0.trip_days (day INTEGER PRIMARY KEY, trips INTEGER NOT NULL, multi INTEGER NOT NULL,
                           first_start INTEGER NOT NULL, last_end INTEGER NOT NULL, data BLOB NOT NULL);
)sql");
    const auto any = [&](const char* sql) {
        auto st = db.prepare(sql);
        return st.step();
    };
    QByteArray zoneId("Europe/Brussels");
    if (any("SELECT 1 FROM main.sqlite_master WHERE name = 'stroom_settings'")) {
        auto st = db.prepare("SELECT value FROM main.stroom_settings WHERE key = 'timezone'");
        if (st.step() && !st.text(0).isEmpty())
            zoneId = st.text(0).toUtf8();
    }
    LocalTime zone(zoneId);
    if (!zone.isValid())
        zone = LocalTime("Europe/Brussels");
    ReadBlocks blocks(db);
    if (any("SELECT 1 FROM l0.reads")) {
        // Row numbers are never given twice: the next import starts after the highest ever given.
        db.exec("INSERT OR REPLACE INTO l0.meta (key, value) SELECT 'next_row', max(id) + 1 FROM l0.reads");
        struct Range {
            std::int64_t import, first, last;
        };
        std::vector<Range> ranges;
        {
            auto st =
                db.prepare("SELECT id, first_rowid, last_rowid FROM main.imports WHERE first_rowid IS NOT "
                           "NULL ORDER BY first_rowid");
            while (st.step())
                ranges.push_back(Range{st.int64(0), st.int64(1), st.int64(2)});
        }
        // One import at a time, its reads renumbered from its first row on (in their old order).
        auto rows =
            db.prepare("SELECT camera, t, vehicle, class, country FROM l0.reads WHERE id BETWEEN ? AND ? "
                       "ORDER BY id");
        for (const Range& r : ranges) {
            std::map<std::int64_t, std::vector<StoredRead>> byDay;
            rows.bind(1, r.first).bind(2, r.last);
            while (rows.step()) {
                StoredRead read;
                read.camera = static_cast<std::uint32_t>(rows.int64(0));
                read.t = rows.int64(1);
                read.vehicle = static_cast<std::uint32_t>(rows.int64(2));
                read.cls = static_cast<std::uint8_t>(rows.int64(3));
                read.country = static_cast<std::uint16_t>(rows.int64(4));
                byDay[ReadBlocks::localDay(read.t, zone)].push_back(read);
            }
            rows.reset();
            std::int64_t next = r.first;
            for (auto& [day, list] : byDay) {
                blocks.insert(day, r.import, next, list);
                next += static_cast<std::int64_t>(list.size());
            }
        }
        blocks.updateImportRanges();
    }
    auto setZone = db.prepare("INSERT OR REPLACE INTO l0.meta (key, value) VALUES ('blocks_zone', ?)");
    setZone.bind(1, QString::fromUtf8(zoneId));
    setZone.run();
    if (any("SELECT 1 FROM l0.trips")) {
        TripDays days(db);
        std::map<std::int64_t, TripSet> byDay;
        auto st = db.prepare("SELECT start, end, origin, destination, reads, class, kind, path, vehicle FROM "
                             "l0.trips ORDER BY start, id");
        while (st.step()) {
            TripSet one;
            Trip t;
            t.start = st.int64(0);
            t.end = st.int64(1);
            t.origin = static_cast<std::uint32_t>(st.int64(2));
            t.destination = static_cast<std::uint32_t>(st.int64(3));
            t.reads = static_cast<std::uint32_t>(st.int64(4));
            t.cls = static_cast<std::uint8_t>(st.int64(5));
            t.kind = static_cast<TripKind>(st.int64(6));
            t.vehicle = static_cast<std::uint32_t>(st.int64(8));
            const QByteArray path = st.blob(7);
            const auto* p = reinterpret_cast<const unsigned char*>(path.constData());
            const auto* end = p + path.size();
            for (std::uint32_t i = 0; i < t.reads; ++i) {
                std::uint64_t cam = 0, dt = 0;
                if (!varint::get(p, end, &cam) || !varint::get(p, end, &dt))
                    throw Error::store(
                        QStringLiteral("a stored trip path is damaged; the reads file was not converted"));
                one.path.push_back(static_cast<std::uint32_t>(cam));
                one.pathTimes.push_back(static_cast<std::uint32_t>(dt));
            }
            byDay[ReadBlocks::localDay(t.start, zone)].append(t, one);
        }
        for (const auto& [day, set] : byDay)
            days.save(day, set);
    }
    db.exec("DROP TABLE l0.reads; DROP TABLE l0.trips;");
}

void readsStep9(sql::Database& db) {
    // Issue 15: the vehicles seen on more than one local day, which a trip build's counts over the whole
    // period keep to the end (ReadBlocks::linked); kept up to date by each import, made here from the blocks.
    db.exec("CREATE TABLE l0.linked_vehicles (vehicle INTEGER PRIMARY KEY)");
    ReadBlocks(db).relink();
}

void readsStep10(sql::Database& db) {
    // Issue 15: the pseudonym dictionary in buckets of packed entries (store/pseudonymdictionary.cpp)
    // instead of a row and an index entry per pseudonym. The numbers stay; the next one is kept in the meta
    // (every import sets it), so the highest ever given is never given again.
    db.exec("CREATE TABLE l0.pseudonym_buckets (bucket INTEGER PRIMARY KEY, n INTEGER NOT NULL, "
            "entries BLOB NOT NULL)");
    std::int64_t next = 1;
    {
        auto floor = db.prepare("SELECT value FROM l0.meta WHERE key = 'next_vehicle'");
        if (floor.step())
            next = std::max<std::int64_t>(next, floor.text(0).toLongLong());
    }
    std::vector<unsigned char> keys;
    std::vector<std::pair<std::size_t, PseudonymDictionary::Entry>> rows; // the key's offset in keys
    {
        auto st = db.prepare("SELECT id, key FROM l0.pseudonyms");
        while (st.step()) {
            const QByteArray key = st.blob(1);
            if (key.isEmpty() || static_cast<std::size_t>(key.size()) > PseudonymDictionary::kMaxKey)
                throw Error::store(QStringLiteral("the pseudonym dictionary holds a key of %1 bytes; the "
                                                  "reads file was not converted")
                                       .arg(key.size()));
            PseudonymDictionary::Entry e;
            e.id = static_cast<std::uint32_t>(st.int64(0));
            e.len = static_cast<std::uint8_t>(key.size());
            rows.emplace_back(keys.size(), e);
            keys.insert(keys.end(), key.constData(), key.constData() + key.size());
            next = std::max<std::int64_t>(next, st.int64(0) + 1);
        }
    }
    PseudonymDictionary(db).add([&](const PseudonymDictionary::Visitor& visit) {
        for (auto [offset, e] : rows) { // the keys' bytes placed once they have all been read
            e.key = keys.data() + offset;
            visit(e);
        }
    });
    auto setNext = db.prepare("INSERT OR REPLACE INTO l0.meta (key, value) VALUES ('next_vehicle', ?)");
    setNext.bind(1, QString::number(next));
    setNext.run();
    db.exec("DROP TABLE l0.pseudonyms");
}

const std::vector<Migration>& readsMigrations() {
    static const std::vector<Migration> list = {
        {1, &readsStep1}, {2, &readsStep2}, {3, &readsStep3}, {4, &readsStep4}, {5, &readsStep5},
        {6, &readsStep6}, {7, &readsStep7}, {8, &readsStep8}, {9, &readsStep9}, {10, &readsStep10}};
    return list;
}

void cubeStep1(sql::Database& db) {
    // The aggregates file: the cube per local day (cells packed, little-endian; vehicle numbers, never
    // pseudonyms) and the cells imported from privacy-proof cameras. A purge never touches it.
    db.exec(R"sql(
CREATE TABLE cube.meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO cube.meta VALUES ('schema_version', '0');
INSERT INTO cube.meta SELECT 'project_id', value FROM main.stroom_settings WHERE key = 'project_id';
CREATE TABLE cube.cube_od (day INTEGER PRIMARY KEY, cells BLOB NOT NULL);
CREATE TABLE cube.cube_counts (day INTEGER PRIMARY KEY, cells BLOB NOT NULL);
CREATE TABLE cube.agg_counts (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL,
  camera_id TEXT NOT NULL, period_start DATETIME, period_minutes INTEGER, vehicle_class TEXT NOT NULL,
  vehicles INTEGER NOT NULL);
CREATE TABLE cube.agg_pairflows (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL,
  from_camera TEXT NOT NULL, to_camera TEXT NOT NULL, period_start DATETIME, period_minutes INTEGER,
  vehicles INTEGER NOT NULL, mean_seconds REAL);
)sql");
}

void cubeStep2(sql::Database& db) {
    // Counts from stroom-edge carry passages beside distinct vehicles.
    db.exec("ALTER TABLE cube.agg_counts ADD COLUMN passages INTEGER");
}

const std::vector<Migration>& cubeMigrations() {
    static const std::vector<Migration> list = {{1, &cubeStep1}, {2, &cubeStep2}};
    return list;
}

const char* aliasOf(Store::Sidecar file) {
    return file == Store::Sidecar::Reads ? "l0" : "cube";
}

const std::vector<Migration>& migrationsOf(Store::Sidecar file) {
    return file == Store::Sidecar::Reads ? readsMigrations() : cubeMigrations();
}

void migrateSidecar(sql::Database& db, Store::Sidecar file, int from) {
    for (const Migration& m : migrationsOf(file)) {
        if (m.version <= from)
            continue;
        m.apply(db);
        db.exec(QStringLiteral("UPDATE %1.meta SET value = '%2' WHERE key = 'schema_version'")
                    .arg(QLatin1String(aliasOf(file)))
                    .arg(m.version));
    }
}
} // namespace

void Store::lock() {
    m_lock = std::make_unique<QLockFile>(path() + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone (e.g. killed)
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lock.reset();
        throw Error::store(
            QStringLiteral("%1: the project is open for writing in another Stroom (%2, process %3 on %4); "
                           "close it there first, or open this one read-only")
                .arg(path(), app.isEmpty() ? QStringLiteral("stroom") : app)
                .arg(pid)
                .arg(host));
    }
}

QString Store::sidecarPath(const QString& projectPath, Sidecar file) {
    return file == Sidecar::Reads ? readsPath(projectPath) : cubePath(projectPath);
}

bool Store::attachSidecar(Sidecar file, bool create) {
    const QString sidecar = sidecarPath(path(), file);
    const QString alias = QLatin1String(aliasOf(file));
    const QString what =
        file == Sidecar::Reads ? QStringLiteral("reads file") : QStringLiteral("aggregates file");
    const int current = migrationsOf(file).back().version;
    const bool exists = QFileInfo::exists(sidecar);
    if (!exists && m_readOnly) {
        // Nothing to read (never imported, purged, or moved away), and nothing may be written beside the
        // project: an empty file of the schema in a scratch folder keeps queries working. (A read-only
        // connection attaches even ':memory:' read-only, so the schema is made on a connection of its own.)
        if (!m_scratch)
            m_scratch = std::make_unique<QTemporaryDir>();
        const QString empty = m_scratch->filePath(QLatin1String(aliasOf(file)));
        {
            sql::Database scratch;
            scratch.open(m_scratch->filePath(QStringLiteral("main")), sql::Database::Mode::Create);
            scratch.exec("CREATE TABLE stroom_settings (key TEXT PRIMARY KEY, value TEXT)");
            auto id = scratch.prepare("INSERT INTO stroom_settings VALUES ('project_id', ?)");
            id.bind(1, setting(QStringLiteral("project_id")));
            id.run();
            QFile(empty).open(QIODevice::WriteOnly);
            auto at = scratch.prepare(QStringLiteral("ATTACH DATABASE ? AS %1").arg(alias));
            at.bind(1, empty);
            at.run();
            migrateSidecar(scratch, file, 0);
        }
        auto st = m_db.prepare(QStringLiteral("ATTACH DATABASE ? AS %1").arg(alias));
        st.bind(1, empty);
        st.run();
        return true;
    }
    if (!exists) {
        // The project's connection may not create files (it opens without SQLITE_OPEN_CREATE), and an
        // attached file inherits that: an empty file is an empty SQLite database, which the schema then
        // fills.
        QFile empty(sidecar);
        if (!empty.open(QIODevice::WriteOnly))
            throw Error::store(
                QStringLiteral("%1: cannot create the %2: %3").arg(sidecar, what, empty.errorString()));
    }
    // A connection opened read-only attaches read-only too.
    auto st = m_db.prepare(QStringLiteral("ATTACH DATABASE ? AS %1").arg(alias));
    st.bind(1, sidecar);
    st.run();
    if (!exists || create) {
        try {
            // 64 KiB pages: reads are appended in bulk and scanned whole, cube days are large blobs.
            m_db.exec(QStringLiteral("PRAGMA %1.page_size = 65536").arg(alias));
            sql::Transaction tx(m_db);
            migrateSidecar(m_db, file, 0);
            tx.commit();
        } catch (...) {
            // Not half a file: the next open starts again from nothing.
            m_db.exec(QStringLiteral("DETACH DATABASE %1").arg(alias));
            if (!exists)
                QFile::remove(sidecar);
            throw;
        }
        return true;
    }
    int version = 0;
    try {
        auto v =
            m_db.prepare(QStringLiteral("SELECT value FROM %1.meta WHERE key = 'schema_version'").arg(alias));
        if (v.step())
            version = v.text(0).toInt();
    } catch (const Error&) {
        m_db.exec(QStringLiteral("DETACH DATABASE %1").arg(alias));
        throw Error::store(QStringLiteral("%1: the %2 is damaged or not Stroom's").arg(sidecar, what));
    }
    checkSidecarBelongs(file);
    if (version > current)
        throw Error::store(
            QStringLiteral("%1: written by a newer Stroom (%2 schema %3); update Stroom to open it")
                .arg(sidecar, what)
                .arg(version));
    if (version < current) {
        if (m_readOnly)
            throw Error::store(
                QStringLiteral("%1: written by an older Stroom; open the project once for writing to "
                               "update it")
                    .arg(sidecar));
        sql::Transaction tx(m_db);
        migrateSidecar(m_db, file, version);
        tx.commit();
        if (file == Sidecar::Reads && version < 8)
            m_db.exec("VACUUM l0"); // the row tables' pages go: the blocks take a fraction of them
    }
    return false;
}

void Store::checkSidecarBelongs(Sidecar file) {
    const QString sidecar = sidecarPath(path(), file);
    const QString alias = QLatin1String(aliasOf(file));
    const QString mine = setting(QStringLiteral("project_id"));
    auto st = m_db.prepare(QStringLiteral("SELECT value FROM %1.meta WHERE key = 'project_id'").arg(alias));
    const QString theirs = st.step() ? st.text(0) : QString();
    st.reset();
    // An older reads file has no id yet (its migration gives it the project's).
    if (!mine.isEmpty() && theirs != mine && !(theirs.isEmpty() && file == Sidecar::Reads)) {
        m_db.exec(QStringLiteral("DETACH DATABASE %1").arg(alias));
        throw Error::store(QStringLiteral("%1: this %2 belongs to another project (%3, not %4); it was not "
                                          "opened. Put the project's own %2 beside it, or move this one "
                                          "away to open the project without it")
                               .arg(sidecar,
                                    file == Sidecar::Reads ? QStringLiteral("reads file")
                                                           : QStringLiteral("aggregates file"),
                                    theirs.isEmpty() ? QStringLiteral("no project id") : theirs, mine));
    }
}

void Store::attachSidecars(bool create) {
    // The aggregates file first: the reads file's migration to schema 6 moves the cube into it.
    attachSidecar(Sidecar::Cube, create);
    const bool readsCreated = attachSidecar(Sidecar::Reads, create);
    if (readsCreated && !create && !m_readOnly)
        m_readsReplaced = replacedReadsKeepAggregates();
}

bool Store::replacedReadsKeepAggregates() {
    // A reads file made anew for a project that had one (moved away or deleted): the imports' row ranges
    // point at nothing now, and nothing before the end of the last kept cube day is ever rebuilt, as after
    // a purge of everything.
    m_db.exec("UPDATE imports SET first_rowid = NULL, last_rowid = NULL WHERE first_rowid IS NOT NULL");
    auto last = m_db.prepare(
        "SELECT max(day) FROM (SELECT day FROM cube.cube_od UNION ALL SELECT day FROM cube.cube_counts)");
    if (!last.step() || last.isNull(0))
        return false;
    const std::int64_t day = last.int64(0) + 1;
    last.reset();
    LocalTime zone(timeZone().toUtf8());
    LocalTime::Kind kind;
    const std::int64_t boundary = zone.toUtc(day * 86400, &kind);
    const qint64 earlier = meta(Sidecar::Cube, QStringLiteral("purged_before")).toLongLong();
    sql::Transaction tx(m_db);
    setMeta(Sidecar::Cube, QStringLiteral("purged_before"),
            QString::number(std::max<qint64>(earlier, boundary)));
    tx.commit();
    return true;
}

QString Store::meta(Sidecar file, const QString& key) {
    auto st = m_db.prepare(
        QStringLiteral("SELECT value FROM %1.meta WHERE key = ?").arg(QLatin1String(aliasOf(file))));
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void Store::setMeta(Sidecar file, const QString& key, const QString& value) {
    auto st =
        m_db.prepare(QStringLiteral("INSERT INTO %1.meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                                    "UPDATE SET value = excluded.value")
                         .arg(QLatin1String(aliasOf(file))));
    st.bind(1, key).bind(2, value);
    st.run();
}

bool Store::hasReads() {
    auto st = m_db.prepare("SELECT 1 FROM l0.read_blocks LIMIT 1");
    return st.step();
}

void Store::requireReads(const QString& command, bool tripsWillDo) {
    if (hasReads())
        return;
    if (tripsWillDo) {
        auto st = m_db.prepare("SELECT 1 FROM l0.trip_days LIMIT 1");
        if (st.step())
            return;
    }
    throw Error::input(
        QStringLiteral("%1: %2 needs the %3, and this project keeps none (%4 is empty: never imported, "
                       "purged, or moved away). Every aggregate command (flows, counts, report, cameras) "
                       "still works.")
            .arg(path(), command, tripsWillDo ? QStringLiteral("trips (L1)") : QStringLiteral("reads (L0)"),
                 QFileInfo(readsPath(path())).fileName()));
}

Store Store::create(const QString& path) {
    if (QFileInfo::exists(path))
        throw Error::store(
            QStringLiteral("%1: a file of that name exists already; choose another name").arg(path));
    for (const Sidecar file : {Sidecar::Reads, Sidecar::Cube})
        if (QFileInfo::exists(sidecarPath(path, file)))
            throw Error::store(QStringLiteral("%1: a file of an earlier project is in the way; move it first")
                                   .arg(sidecarPath(path, file)));
    Store s;
    s.m_db.open(path, sql::Database::Mode::Create);
    ReadBlocks::registerSqlTable(s.m_db);
    s.lock();
    s.m_db.exec("PRAGMA foreign_keys = ON");
    {
        sql::Transaction tx(s.m_db);
        s.m_db.exec("CREATE TABLE stroom_settings (key TEXT PRIMARY KEY, value TEXT)");
        s.setSetting(QStringLiteral("schema_version"), QStringLiteral("0"));
        tx.commit();
    }
    s.migrate();
    s.attachSidecars(true);
    return s;
}

Store Store::open(const QString& path, Access access) {
    return openConnection(path, access, true);
}

Store Store::anotherConnection() const {
    // The writer lock belongs to the process and is held by this store: the new connection does not
    // take it again (QLockFile is not re-entrant), and this store must outlive it.
    return openConnection(path(), m_readOnly ? Access::ReadOnly : Access::ReadWrite, false);
}

Store Store::openConnection(const QString& path, Access access, bool takeLock) {
    if (!QFileInfo::exists(path))
        throw Error::store(QStringLiteral("%1: no such project file").arg(path));
    Store s;
    s.m_readOnly = access == Access::ReadOnly;
    s.m_db.open(path, s.m_readOnly ? sql::Database::Mode::ReadOnly : sql::Database::Mode::ReadWrite);
    ReadBlocks::registerSqlTable(s.m_db);
    // Reading the header fails on a file that is no SQLite database at all.
    bool isGpkg = false;
    try {
        isGpkg = gpkg::isGeoPackage(s.m_db);
    } catch (const Error&) {
        throw Error::store(QStringLiteral("%1: not a GeoPackage (not even an SQLite database)").arg(path));
    }
    if (!isGpkg || !tableExists(s.m_db, "stroom_settings"))
        throw Error::store(
            QStringLiteral("%1: not a Stroom project (no Stroom tables in it); create one with "
                           "'stroom-cli init'")
                .arg(path));
    s.m_db.exec("PRAGMA foreign_keys = ON");
    const int version = s.schemaVersion();
    if (version > currentSchemaVersion())
        throw Error::store(
            QStringLiteral("%1: written by a newer Stroom (schema %2; this Stroom knows up to %3). "
                           "Update Stroom to open it; the file was not changed.")
                .arg(path)
                .arg(version)
                .arg(currentSchemaVersion()));
    if (s.m_readOnly) {
        if (version < currentSchemaVersion())
            throw Error::store(
                QStringLiteral("%1: written by an older Stroom (schema %2); open it once for writing to "
                               "update it")
                    .arg(path)
                    .arg(version));
    } else if (takeLock) {
        s.lock();
        s.migrate();
    }
    s.attachSidecars(false);
    return s;
}

void Store::migrate() {
    for (const Migration& m : migrations()) {
        if (m.version <= schemaVersion())
            continue;
        sql::Transaction tx(m_db);
        m.apply(m_db);
        setSetting(QStringLiteral("schema_version"), QString::number(m.version));
        tx.commit();
    }
}

int Store::schemaVersion() {
    return setting(QStringLiteral("schema_version"), QStringLiteral("0")).toInt();
}

QString Store::setting(const QString& key, const QString& fallback) {
    auto st = m_db.prepare("SELECT value FROM stroom_settings WHERE key = ?");
    st.bind(1, key);
    return st.step() ? st.text(0) : fallback;
}

void Store::setSetting(const QString& key, const QString& value) {
    auto st = m_db.prepare("INSERT INTO stroom_settings (key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}

QString Store::timeZone() {
    return setting(QStringLiteral("timezone"), QStringLiteral("Europe/Brussels"));
}

int Store::threshold() {
    // A settings row can raise k, never lower it below the default: a lower k is an exact, audited
    // release (--exact --k N), not a project setting anyone could edit unseen.
    const int k = setting(QStringLiteral("k"), QString::number(DisclosurePolicy::kDefaultK)).toInt();
    return std::max(k, DisclosurePolicy::kDefaultK);
}

void Store::audit(const AuditEntry& e) {
    if (m_readOnly)
        throw Error::store(
            QStringLiteral("%1: opened read-only, so the audit record cannot be written; open it for writing "
                           "to export")
                .arg(path()));
    AuditLog::Record r;
    r.action = e.action;
    r.purpose = e.purpose.isNull() ? QStringLiteral("") : e.purpose;
    r.layer = e.layer;
    r.parameters = e.parameters;
    r.output = e.output;
    r.outputSha256 = e.outputSha256;
    r.suppressedCells = e.suppressedCells;
    r.k = e.k;
    sql::Transaction tx(m_db); // nests in the caller's: the chain's last link is read and extended at once
    AuditLog::append(m_db, r);
    tx.commit();
}

static const char* const kCameraColumns =
    "geom, camera_id, name, site, directions, lanes, owner, operator, purpose, legal_basis, registered, "
    "installed, status, role, zone, source, source_id, notes";

void Store::writeCamera(sql::Statement& st, const Camera& c) {
    if (c.hasPosition())
        st.bindBlob(1, gpkg::geometryBlob(geo::pointWkb(c.lon, c.lat), gpkg::kWgs84));
    else
        st.bindNull(1);
    st.bind(2, c.id).bind(3, c.name).bind(4, c.site).bind(5, c.directionsText());
    if (c.lanes > 0)
        st.bind(6, c.lanes);
    else
        st.bindNull(6);
    st.bind(7, c.owner).bind(8, c.operatorName).bind(9, c.purpose).bind(10, c.legalBasis);
    st.bind(11, c.registered ? 1 : 0);
    st.bind(12, c.installed.isValid() ? c.installed.toString(Qt::ISODate) : QString());
    st.bind(13, c.status).bind(14, c.role).bind(15, c.zone).bind(16, c.source).bind(17, c.sourceId);
    st.bind(18, c.notes);
}

Store::UpsertResult Store::upsertCameras(const QVector<Camera>& cameras) {
    UpsertResult r;
    QHash<QString, Camera> existing;
    for (const Camera& c : this->cameras())
        existing.insert(c.id, c);
    sql::Transaction tx(m_db);
    auto ins =
        m_db.prepare(QStringLiteral("INSERT INTO cameras (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                         .arg(QLatin1String(kCameraColumns)));
    auto upd = m_db.prepare(
        "UPDATE cameras SET geom=?1, name=?3, site=?4, directions=?5, lanes=?6, owner=?7, operator=?8, "
        "purpose=?9, legal_basis=?10, registered=?11, installed=?12, status=?13, role=?14, zone=?15, "
        "source=?16, source_id=?17, notes=?18 WHERE camera_id=?2");
    for (const Camera& c : cameras) {
        if (c.id.trimmed().isEmpty())
            throw Error::input(QStringLiteral("a camera without an id cannot be stored"));
        const auto it = existing.constFind(c.id);
        if (it == existing.cend()) {
            writeCamera(ins, c);
            ins.run();
            ++r.inserted;
        } else if (*it != c) {
            writeCamera(upd, c);
            upd.run();
            ++r.updated;
        } else {
            ++r.unchanged;
        }
        existing.insert(c.id, c);
    }
    gpkg::refreshExtent(m_db, QStringLiteral("cameras"), QStringLiteral("geom"));
    tx.commit();
    return r;
}

namespace {
Camera readCamera(sql::Statement& st) {
    Camera c;
    if (!st.isNull(0))
        geo::readPointWkb(gpkg::wkbFromBlob(st.blob(0)), &c.lon, &c.lat);
    c.id = st.text(1);
    c.name = st.text(2);
    c.site = st.text(3);
    Camera::parseDirections(st.text(4), &c.directions);
    c.lanes = st.isNull(5) ? 0 : st.integer(5);
    c.owner = st.text(6);
    c.operatorName = st.text(7);
    c.purpose = st.text(8);
    c.legalBasis = st.text(9);
    c.registered = st.integer(10) != 0;
    c.installed = st.isNull(11) ? QDate() : QDate::fromString(st.text(11), Qt::ISODate);
    c.status = st.text(12);
    c.role = st.text(13);
    c.zone = st.text(14);
    c.source = st.text(15);
    c.sourceId = st.text(16);
    c.notes = st.text(17);
    return c;
}
} // namespace

std::optional<Camera> Store::camera(const QString& cameraId) {
    auto st = m_db.prepare(
        QStringLiteral("SELECT %1 FROM cameras WHERE camera_id = ?").arg(QLatin1String(kCameraColumns)));
    st.bind(1, cameraId);
    if (!st.step())
        return std::nullopt;
    return readCamera(st);
}

Camera Store::requireCamera(const QString& cameraId) {
    std::optional<Camera> c = camera(cameraId);
    if (!c)
        throw Error::input(QStringLiteral("no camera %1 in the register").arg(cameraId));
    return *c;
}

QVector<Camera> Store::cameras() {
    QVector<Camera> out;
    auto st = m_db.prepare(
        QStringLiteral("SELECT %1 FROM cameras ORDER BY camera_id").arg(QLatin1String(kCameraColumns)));
    while (st.step()) {
        const Camera c = readCamera(st);
        out.append(c);
    }
    return out;
}

int Store::cameraCount() {
    auto st = m_db.prepare("SELECT count(*) FROM cameras");
    st.step();
    return st.integer(0);
}

Store::UpsertResult Store::upsertZones(const QVector<Zone>& zones) {
    UpsertResult r;
    sql::Transaction tx(m_db);
    auto find = m_db.prepare("SELECT name, geom FROM zones WHERE zone_id = ?");
    auto ins = m_db.prepare("INSERT INTO zones (geom, zone_id, name) VALUES (?, ?, ?)");
    auto upd = m_db.prepare("UPDATE zones SET geom = ?, name = ? WHERE zone_id = ?");
    for (const Zone& z : zones) {
        if (z.id.trimmed().isEmpty())
            throw Error::input(QStringLiteral("a zone without an id cannot be stored"));
        const geo::Shape shape = geo::Shape::fromWkb(z.wkb);
        if (shape.isNull())
            throw Error::input(QStringLiteral("zone %1: its geometry cannot be read").arg(z.id));
        const geo::Envelope env = shape.envelope();
        const QByteArray blob = gpkg::geometryBlob(z.wkb, gpkg::kWgs84, &env);
        find.bind(1, z.id);
        if (find.step()) {
            const bool same = find.text(0) == z.name && find.blob(1) == blob;
            find.reset();
            if (same) {
                ++r.unchanged;
                continue;
            }
            upd.bindBlob(1, blob).bind(2, z.name).bind(3, z.id);
            upd.run();
            ++r.updated;
        } else {
            find.reset();
            ins.bindBlob(1, blob).bind(2, z.id).bind(3, z.name);
            ins.run();
            ++r.inserted;
        }
    }
    gpkg::refreshExtent(m_db, QStringLiteral("zones"), QStringLiteral("geom"));
    tx.commit();
    assignCamerasToZones();
    return r;
}

QVector<Zone> Store::zones() {
    QVector<Zone> out;
    auto st = m_db.prepare("SELECT zone_id, name, geom FROM zones ORDER BY fid");
    while (st.step())
        out.append(Zone{st.text(0), st.text(1), gpkg::wkbFromBlob(st.blob(2))});
    return out;
}

int Store::zoneCount() {
    auto st = m_db.prepare("SELECT count(*) FROM zones");
    st.step();
    return st.integer(0);
}

int Store::assignCamerasToZones() {
    struct Z {
        QString id;
        geo::Shape shape;
    };
    std::vector<Z> shapes;
    for (const Zone& z : zones())
        shapes.push_back(Z{z.id, geo::Shape::fromWkb(z.wkb)});
    if (shapes.empty())
        return 0;
    int assigned = 0;
    sql::Transaction tx(m_db);
    auto upd = m_db.prepare("UPDATE cameras SET zone = ? WHERE camera_id = ?");
    for (const Camera& c : cameras()) {
        if (!c.hasPosition())
            continue;
        QString zone;
        for (const Z& z : shapes) {
            if (z.shape.contains(c.lon, c.lat)) {
                zone = z.id;
                break;
            }
        }
        if (!zone.isEmpty())
            ++assigned;
        if (zone != c.zone) {
            upd.bind(1, zone.isEmpty() ? QString() : zone).bind(2, c.id);
            upd.run();
        }
    }
    tx.commit();
    return assigned;
}

} // namespace stroom
