#pragma once

#include <QDate>
#include <QString>

#include <cstdint>

namespace stroom {

class Store;

/**
 * \brief Retention and purge (DESIGN §2, §3; issue 11): removes pseudonymised reads (L0), and trips (L1) when
 * asked, for a range, and keeps every aggregate: the cube and the L2 layers stay as they were, so every
 * released figure of the purged period reads as before.
 *
 * The deletes run with SQLite's `secure_delete` and the reads file is vacuumed afterwards, so the purged
 * pseudonyms' bytes are nowhere in the project's files. The purge boundary is kept in the aggregates file:
 * trips and the cube are never rebuilt before it (the reads to rebuild them from are gone). The cube's days
 * wholly before it are unlinked (\ref FlowCube::unlinkDay): what stays cannot follow a vehicle from one day
 * to the next. Pseudonym numbers and read row numbers are never given twice, so new reads never merge with
 * what the kept trips and cube cells counted. Every purge, and every change of the retention period, is in
 * the audit trail.
 */
class Purge {
public:
    struct Range {
        enum class Kind { Before, Import, All } kind = Kind::Before;
        std::int64_t beforeUtc = 0; ///< Before: reads earlier than this UTC second
        qint64 importId = 0;        ///< Import: the reads of this import
        bool trips = false;         ///< also L1 trips (Before and All only)
        QString text;               ///< the range in words, for the record
    };
    struct Result {
        qint64 reads = 0, trips = 0, pseudonyms = 0;
        std::int64_t boundary = 0; ///< trips are not rebuilt before this UTC second
        QString summary() const;
    };

    /** Purges \a range (one transaction, then a VACUUM of the reads file) and records it. */
    static Result run(Store& store, const Range& range, const QString& purpose);
    /** What \a range would remove, removing nothing. */
    static Result preview(Store& store, const Range& range);

    /**
     * Unlinks the cube's days wholly before the purge boundary that are not yet (after a purge, or when the
     * reads file was found gone: then recorded in the audit trail). Returns the number of days unlinked.
     */
    static int unlinkKept(Store& store);

    /** Local midnight starting \a day in the project's time zone, as UTC seconds (a --before boundary). */
    static std::int64_t localMidnight(Store& store, const QDate& day);
    /** The retention period in days (0: none). */
    static int retentionDays(Store& store);
    /** Sets the retention period (audited) and applies it. */
    static Result setRetention(Store& store, int days, const QString& purpose);
    /** Applies the retention period, if any: purges reads older than it (audited when anything goes). */
    static Result applyRetention(Store& store);
};

} // namespace stroom
