#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <thread>
#include <type_traits>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace stroom::sql {

class Statement;

/**
 * \brief RAII handle on one SQLite connection; every failure becomes a stroom::Error of kind Store.
 */
class Database {
public:
    Database() = default;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    enum class Mode { ReadOnly, ReadWrite, Create };
    /** Opens (or creates) the file; throws Error::store naming the path on failure. */
    void open(const QString& path, Mode mode);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    /** Runs one or more statements without results. */
    void exec(const char* sql);
    void exec(const QString& sql);
    Statement prepare(const char* sql);
    Statement prepare(const QString& sql);

    std::int64_t lastInsertRowId() const;
    sqlite3* handle() const { return m_db; }
    /**
     * Writes \a bytes into \a column of row \a rowid of \a schema.\a table, whose value must be a zeroblob of
     * their size (INSERT … zeroblob(?)), a few megabytes at a time. A blob bound whole to an INSERT is
     * copied once more into the row SQLite assembles: for a day's cube cells, hundreds of megabytes.
     */
    void writeBlob(const char* schema, const char* table, const char* column, std::int64_t rowid,
                   const QByteArray& bytes);

    /** Throws Error::store with context when rc is not OK/ROW/DONE. */
    void check(int rc, const char* what) const;
    /**
     * A connection belongs to the thread that opened it (it is opened without SQLite's mutex): use from
     * any other thread throws Error::store instead of racing. Other threads open their own connection.
     */
    void checkThread() const;

private:
    sqlite3* m_db = nullptr;
    QString m_path;
    std::thread::id m_owner;
};

/**
 * \brief A prepared statement with 1-based binding and 0-based column access.
 */
class Statement {
public:
    Statement(Database& db, sqlite3_stmt* stmt);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    /** Binds any integer type (int, qint64, std::int64_t … differ in type across platforms). */
    template <typename T, typename = std::enable_if_t<std::is_integral_v<T>>>
    Statement& bind(int index, T value) {
        return bindInt64(index, static_cast<std::int64_t>(value));
    }
    Statement& bindInt64(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value); // null QString binds NULL
    /** Binds without a copy: the statement holds (a shared reference to) the bytes until reset(), so a view
     * (QByteArray::fromRawData) must stay valid until then. */
    Statement& bindBlob(int index, const QByteArray& value);
    Statement& bindNull(int index);

    /** Steps once; true while a row is available. */
    bool step();
    /** Steps a statement that returns no rows and resets it for reuse. */
    void run();
    void reset();

    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt;
    std::vector<QByteArray> m_blobs; ///< bound without a copy: kept until reset
};

/**
 * \brief A transaction that rolls back unless committed (IMMEDIATE: takes the write lock at once); inside
 * another one it is a savepoint, so a step that has its own transaction can be part of a larger one.
 */
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_nested;
    bool m_open = true;
};

} // namespace stroom::sql
