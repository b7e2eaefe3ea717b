#pragma once

#include <QString>
#include <QVector>

namespace stroom {

namespace sql {
class Database;
}

/**
 * \brief The project's tamper-evident audit trail (DESIGN §2): every record carries the SHA-256 of the
 * one before it, from a genesis record made with the project, so an edited, deleted or inserted record
 * breaks the chain where it happened.
 *
 * A record's hash is SHA-256 over the previous hash and the record's fields (id, time, user, action,
 * purpose, layer, parameters, output, output SHA-256, suppressed cells, k), each as a length-prefixed
 * UTF-8 string. The chain's head (last id and hash) is kept in the aggregates file (PROJECT.gpkg.cube) too,
 * and SQLite's AUTOINCREMENT counter remembers the highest id ever given, so removing the newest records is
 * seen as well. An attacker who rewrites the whole chain, the head and the counter is not stopped: this
 * detects edits, it does not sign them.
 */
class AuditLog {
public:
    /** \brief One record as stored. */
    struct Record {
        qint64 id = 0;
        QString time, user, action, purpose, layer, parameters, output, outputSha256;
        qint64 suppressedCells = 0;
        int k = 0;
        QString prevHash, hash;
    };

    /** \brief What verify() found. */
    struct Verification {
        bool intact = true;
        qint64 records = 0;
        qint64 firstBroken = 0; ///< id of the first record that does not check out (0: none, or the end)
        QString problem;        ///< in words, naming the record
    };

    /** Appends \a r (id, time, user, hashes are filled in here); call inside the caller's transaction. */
    static void append(sql::Database& db, Record r);
    static QVector<Record> list(sql::Database& db);
    static Verification verify(sql::Database& db);
    /**
     * Adds the chain columns and seals the records a project already has as the chain's start, then writes
     * the genesis record (schema migration).
     */
    static void seal(sql::Database& db);
    /** The account the process runs as (from the operating system, not from $USER). */
    static QString osUser();
};

} // namespace stroom
