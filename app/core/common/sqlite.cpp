#include "common/sqlite.h"

#include "common/error.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace stroom::sql {

Database::~Database() {
    close();
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_owner(other.m_owner) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_owner = other.m_owner;
    }
    return *this;
}

void Database::open(const QString& path, Mode mode) {
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const QByteArray p = path.toUtf8();
    const int rc = sqlite3_open_v2(p.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error::store(QStringLiteral("%1: cannot open: %2").arg(path, msg));
    }
    m_path = path;
    m_owner = std::this_thread::get_id();
    sqlite3_extended_result_codes(m_db, 1);
    // Another connection's transaction (a worker thread's import beside the window's reads, a read-only
    // reader in another process) is waited for rather than failed on; a loaded machine can hold one for
    // seconds.
    sqlite3_busy_timeout(m_db, 10000);
}

void Database::close() {
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Database::check(int rc, const char* what) const {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    if ((rc & 0xff) == SQLITE_FULL)
        throw Error::store(
            QStringLiteral("%1: the disk is full; the change was rolled back and nothing was stored. Free "
                           "some space and try again")
                .arg(m_path));
    const QString detail =
        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    throw Error::store(QStringLiteral("%1: %2: %3").arg(m_path, QString::fromUtf8(what), detail));
}

void Database::checkThread() const {
    if (std::this_thread::get_id() != m_owner)
        throw Error::store(QStringLiteral("%1: a connection was used from a thread that did not open it "
                                          "(a bug in Stroom; nothing was changed)")
                               .arg(m_path));
}

void Database::exec(const char* sql) {
    checkThread();
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        throw Error::store(QStringLiteral("%1: %2 (%3)").arg(m_path, msg, QString::fromUtf8(sql).left(60)));
    }
}

void Database::exec(const QString& sql) {
    exec(sql.toUtf8().constData());
}

Statement Database::prepare(const char* sql) {
    checkThread();
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr), sql);
    return Statement(*this, stmt);
}

Statement Database::prepare(const QString& sql) {
    const QByteArray s = sql.toUtf8();
    return prepare(s.constData());
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

void Database::writeBlob(const char* schema, const char* table, const char* column, std::int64_t rowid,
                         const QByteArray& bytes) {
    checkThread();
    sqlite3_blob* blob = nullptr;
    check(sqlite3_blob_open(m_db, schema, table, column, rowid, 1, &blob), "blob open");
    const std::unique_ptr<sqlite3_blob, int (*)(sqlite3_blob*)> closer(blob, sqlite3_blob_close);
    if (sqlite3_blob_bytes(blob) != bytes.size())
        throw Error::store(QStringLiteral("%1: %2.%3 row %4 has room for %5 bytes, not %6")
                               .arg(m_path, QString::fromLatin1(table), QString::fromLatin1(column))
                               .arg(rowid)
                               .arg(sqlite3_blob_bytes(blob))
                               .arg(bytes.size()));
    // The blob's size is an int (checked above): so are its offsets and pieces.
    const auto size = static_cast<int>(bytes.size());
    constexpr int kPiece = 4 << 20;
    for (int at = 0; at < size; at += kPiece)
        check(sqlite3_blob_write(blob, bytes.constData() + at, std::min(kPiece, size - at), at),
              "blob write");
}

Statement::Statement(Database& db, sqlite3_stmt* stmt)
    : m_db(&db)
    , m_stmt(stmt) {}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_blobs(std::move(other.m_blobs)) {}

Statement& Statement::bindInt64(int index, std::int64_t value) {
    m_db->check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    m_db->check(sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, const QString& value) {
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    m_db->check(sqlite3_bind_text(m_stmt, index, utf8.constData(), utf8.size(), SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, const QByteArray& value) {
    if (value.isNull())
        return bindNull(index);
    // Not copied: the statement holds the bytes (shared, or the caller's view) until it is reset.
    m_blobs.push_back(value);
    m_db->check(sqlite3_bind_blob(m_stmt, index, m_blobs.back().constData(), value.size(), SQLITE_STATIC),
                "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    m_db->check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step() {
    m_db->checkThread();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const char* sql = sqlite3_sql(m_stmt);
    sqlite3_reset(m_stmt);
    m_db->check(rc, sql ? sql : "step");
    return false;
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_blobs.clear();
}

bool Statement::isNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::int64_t Statement::int64(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}
double Statement::real(int col) const {
    return sqlite3_column_double(m_stmt, col);
}

QString Statement::text(int col) const {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    if (!t)
        return QString();
    return QString::fromUtf8(t, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::blob(int col) const {
    const void* b = sqlite3_column_blob(m_stmt, col);
    return QByteArray(static_cast<const char*>(b), sqlite3_column_bytes(m_stmt, col));
}

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_nested(sqlite3_get_autocommit(db.handle()) == 0) {
    // Inside an open transaction this is a savepoint: its work commits or rolls back with the outer one.
    m_db.exec(m_nested ? "SAVEPOINT stroom_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_open) {
        char* err = nullptr;
        sqlite3_exec(m_db.handle(),
                     m_nested ? "ROLLBACK TO stroom_nested; RELEASE stroom_nested" : "ROLLBACK", nullptr,
                     nullptr, &err);
        sqlite3_free(err);
    }
}

void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE stroom_nested" : "COMMIT");
    m_open = false;
}

} // namespace stroom::sql
