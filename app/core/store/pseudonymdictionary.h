#pragma once

#include <QString>
#include <QtEndian>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace stroom {

namespace sql {
class Database;
class Statement;
} // namespace sql

/**
 * \brief The pseudonym dictionary of the reads file (L0; DESIGN §3, "pseudonyms live once"): each
 * pseudonym's key once, with its vehicle number, the one place that writes, reads and removes it.
 *
 * The entries are kept in 65,536 buckets by a fixed hash of the key, one row per bucket with its entries
 * packed in a BLOB (issue 15). An import adds its new entries in bulk, once at its end (or when its memory
 * bound is reached), appended to their buckets: nothing is sorted or indexed per pseudonym. A row and an
 * index entry per pseudonym, as before, cost 14 to 23 s of a 100M-read import on two cores (9 million
 * rows inserted one by one, then an index sorted at the end). A later import reads the buckets of the keys
 * it meets (ReadWriter in import/readimport.cpp). The bucket of a key is part of the file format: hash()
 * never changes (a test pins it).
 */
class PseudonymDictionary {
public:
    static constexpr int kBucketBits = 16;
    static constexpr std::size_t kMaxKey = 255; ///< bytes of one key (an import's keys have at most 49)
    static constexpr std::int64_t kRangeBytes = 128 << 20; ///< of buckets an add() fills at a time

    /** On the reads file attached as \a schema ("l0" on a project's connection). */
    explicit PseudonymDictionary(sql::Database& db, const QString& schema = QStringLiteral("l0"));
    ~PseudonymDictionary();
    PseudonymDictionary(const PseudonymDictionary&) = delete;
    PseudonymDictionary& operator=(const PseudonymDictionary&) = delete;

    /** The key's hash: its bucket is the top kBucketBits bits (bucketOf). Fixed: stored buckets depend on it.
     */
    static std::uint64_t hash(const unsigned char* key, std::size_t len) {
        // Eight bytes at a time (little-endian whatever the machine), each mixed in (keys are mostly hash
        // output already), the rest byte by byte.
        std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ len;
        std::size_t i = 0;
        for (; i + 8 <= len; i += 8) {
            h = (h ^ qFromLittleEndian<std::uint64_t>(key + i)) * 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 31;
        }
        for (; i < len; ++i)
            h = (h ^ key[i]) * 1099511628211ULL;
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ULL;
        return h ^ (h >> 32);
    }
    static std::uint32_t bucketOf(std::uint64_t hash) {
        return static_cast<std::uint32_t>(hash >> (64 - kBucketBits));
    }

    struct Entry {
        const unsigned char* key = nullptr;
        std::uint8_t len = 0;
        std::uint32_t id = 0; ///< vehicle number
    };
    using Visitor = std::function<void(const Entry&)>;
    /** Hands each of a set of entries to the visitor given, in the same order each time it is called. */
    using Source = std::function<void(const Visitor&)>;

    bool empty();
    /** The number of pseudonyms (from the buckets' counts: nothing decoded). */
    std::int64_t size();
    /** The entries of one bucket (none when it has none); returns how many. Error::store when damaged. */
    std::size_t bucket(std::uint32_t b, const Visitor& visit);
    /** Every entry, bucket by bucket. */
    void forEach(const Visitor& visit);
    /** The vehicle number of a key, or -1 (reads the key's bucket). */
    std::int64_t find(const unsigned char* key, std::size_t len);

    /**
     * Adds entries of keys not in the dictionary yet (the caller knows they are new: not checked), each
     * appended to its bucket; a bucket is read and written once. \a entries is gone through a few times
     * (once, then once per \a rangeBytes of buckets). Throws Error::store on a key of no bytes.
     */
    void add(const Source& entries, std::int64_t rangeBytes = kRangeBytes);
    void add(const std::vector<Entry>& entries);
    /** Removes the entries whose vehicle number is in \a ids (any order); returns how many went. */
    std::int64_t remove(std::vector<std::uint32_t> ids);

private:
    sql::Statement& statement(std::unique_ptr<sql::Statement>& s, const char* sql);
    /** The row of bucket \a b: false when there is none. */
    bool stored(std::uint32_t b, std::int64_t* n, QByteArray* data);
    void store(std::uint32_t b, std::int64_t n, const QByteArray& entries);

    sql::Database& m_db;
    QString m_schema;
    std::unique_ptr<sql::Statement> m_get, m_put, m_delete; ///< prepared once, used per bucket
};

} // namespace stroom
