#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace stroom {

namespace sql {
class Database;
}
class LocalTime;

/** \brief One pseudonymised read (L0) as stored: the dictionary's vehicle number, never the pseudonym. */
struct StoredRead {
    std::int64_t t = 0;        ///< UTC seconds
    std::uint32_t vehicle = 0; ///< number in the pseudonym dictionary
    std::uint32_t camera = 0;  ///< camera fid
    std::uint16_t country = 0; ///< countries id (0: none)
    std::uint8_t cls = 0;      ///< vehicleclass code
};

/**
 * \brief L0 as columnar blocks per local day (DESIGN §3; issue 15): the one place that writes, reads and
 * removes pseudonymised reads.
 *
 * A block holds the reads of one import on one local day (of the zone recorded with the blocks), sorted by
 * vehicle, time and camera, as separate columns: vehicles delta-coded with their read counts, times
 * delta-coded within a vehicle, cameras and countries coded through the block's own dictionaries, classes
 * as bytes; the columns compressed together with zstd. A block row carries its day, import, row numbers
 * (the import's row range, never given twice) and time span, so a day is read, and purged, without
 * decoding the others. Reads stay queryable as SQL through the table-valued `stroom_reads`
 * (registerSqlTable): tests and the window-function reference read it.
 */
class ReadBlocks {
public:
    /** On the reads file attached as \a schema ("l0" on a project's connection, "main" on the file alone). */
    explicit ReadBlocks(sql::Database& db, const QString& schema = QStringLiteral("l0"));

    /** The most reads one block holds (an import flushes a day's reads in blocks of at most this many). */
    static constexpr std::size_t kBlockRows = 1u << 20;

    /** The block's bytes for \a reads (sorted in place by vehicle, time, camera). */
    static QByteArray encode(std::vector<StoredRead>& reads);
    /** Appends a block's reads to \a out; throws Error::store when the bytes are damaged. */
    static void decode(const QByteArray& data, std::vector<StoredRead>& out);
    /** As decode(), the reads handed to \a chunk a few thousand at a time (a day's never all in memory);
     * what was handed on before damage is found stays handed on. */
    static void decode(const QByteArray& data,
                       const std::function<void(const StoredRead* reads, std::size_t n)>& chunk);

    /** Appends each vehicle of a block with its number of reads, in the block's order (its vehicles
     * ascending), from the vehicle column alone; throws Error::store when the bytes are damaged. */
    static void vehicleCounts(const QByteArray& data,
                              std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

    /** The local day (days since 1970-01-01) of a UTC second in \a zone. */
    static std::int64_t localDay(std::int64_t utc, LocalTime& zone);

    /** \brief Blocks ready to store: their bytes and index rows, made on any thread (prepare()). */
    struct Prepared {
        struct Block {
            std::int64_t firstRow, rows, tMin, tMax;
            QByteArray data;
            QString cameras;
        };
        std::int64_t day = 0, importId = 0;
        std::vector<Block> blocks;
        std::vector<StoredRead> spare; ///< the reads' buffer, emptied, for the next day's reads
    };
    /** The blocks of \a reads (all of local day \a day, of import \a importId; row numbers from \a
     * firstRow): no database, so on any thread. */
    static Prepared prepare(std::int64_t day, std::int64_t importId, std::int64_t firstRow,
                            std::vector<StoredRead>&& reads);
    /** Stores prepared blocks. */
    void insert(const Prepared& blocks);
    /** Stores \a reads (all of local day \a day, of import \a importId) as blocks; row numbers from \a
     * firstRow. */
    void insert(std::int64_t day, std::int64_t importId, std::int64_t firstRow,
                std::vector<StoredRead>& reads);

    /** The local days that hold reads, ascending. */
    std::vector<std::int64_t> days();
    /** Appends the reads of local day \a day with t ≥ \a fromUtc (each block sorted; blocks one after
     * another). */
    void readDay(std::int64_t day, std::vector<StoredRead>& out, std::int64_t fromUtc = INT64_MIN);
    /** Calls \a f for every read (block by block; memory: one block). */
    void forEach(const std::function<void(const StoredRead&)>& f);

    struct Totals {
        std::int64_t reads = 0, tMin = 0, tMax = 0; ///< tMin/tMax meaningless without reads
    };
    /** Count and time span of every read, or of one import's (from the block rows: nothing decoded). */
    Totals totals(std::int64_t importId = 0);

    /**
     * Removes the reads earlier than \a beforeUtc (blocks wholly before go in one delete; a block across it
     * is rewritten with the rest), or of one import, or all. Returns the vehicles of the removed reads
     * (sorted, unique) and the number removed. Inside the caller's transaction.
     */
    struct Removed {
        std::int64_t reads = 0;
        std::vector<std::uint32_t> vehicles; ///< of the removed reads
        std::vector<std::uint32_t> orphans;  ///< of those, the vehicles no kept read has
    };
    Removed removeBefore(std::int64_t beforeUtc, bool dryRun = false);
    Removed removeImport(std::int64_t importId, bool dryRun = false);
    Removed removeAll(bool dryRun = false);
    /** The cameras (fids) with at least one stored read (from the block rows: nothing decoded). */
    std::set<std::int64_t> cameras();
    /** The vehicles of every stored read (sorted, unique). */
    std::vector<std::uint32_t> vehicles();
    /** The import's row range after a removal (NULLs when it holds no reads any more), for every import. */
    void updateImportRanges();

    /** The zone the blocks' days are counted in ("" before the first block). */
    QString zone();

    /**
     * The vehicles seen on more than one local day (sorted), as kept in `linked_vehicles`; nothing when the
     * list is not known for the blocks as they are (then relink()). An import keeps it up to date; blocks
     * added or removed otherwise, or days cut anew, make it unknown.
     */
    std::optional<std::vector<std::uint32_t>> linked();
    /** Whether the list is known for the blocks as they are. */
    bool linkedKnown();
    /** Adds \a vehicles (seen on more than one local day, by an import) to the list. */
    void addLinked(const std::vector<std::uint32_t>& vehicles);
    /** The list is known for the blocks as they are now (after an import that found every vehicle's days). */
    void markLinkedKnown();
    /** Makes the list again from every block (all decoded), for the blocks' zone. */
    void relink();
    /**
     * Re-cuts every block into the local days of \a zone (after the project's time zone changed), keeping
     * reads, imports and row numbers; also records the zone. Inside the caller's transaction.
     */
    void repartition(const QByteArray& zone);

    /**
     * Registers the table-valued function `stroom_reads` on \a db (columns camera, t, vehicle, class,
     * country, day, import_id), reading `SCHEMA.read_blocks` for the schema given as its argument
     * (`SELECT … FROM stroom_reads('l0')`; without one, l0).
     */
    static void registerSqlTable(sql::Database& db);

private:
    /** What the linked list was made for: the blocks' zone, count and highest id. */
    QString linkedStamp();
    struct Block {
        std::int64_t id, day, importId, firstRow, rows, tMin, tMax;
    };
    Removed removeWhere(const QString& where, std::int64_t a, std::int64_t beforeUtc, bool dryRun);
    QString table() const;

    sql::Database& m_db;
    QString m_schema;
};

} // namespace stroom
