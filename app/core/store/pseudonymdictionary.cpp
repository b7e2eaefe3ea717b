#include "store/pseudonymdictionary.h"

#include "common/error.h"
#include "common/sqlite.h"

#include <QtEndian>
#include <algorithm>
#include <climits>
#include <cstring>

namespace stroom {

namespace {
// A bucket's bytes: a format byte, then per entry the vehicle number (4 bytes, little-endian), the key's
// length (1 byte) and the key.
constexpr unsigned char kFormat = 1;

/** Writes one entry at \a p; returns the end. */
unsigned char* putEntry(unsigned char* p, std::uint32_t id, const unsigned char* key, std::size_t len) {
    qToLittleEndian(id, p);
    p[4] = static_cast<unsigned char>(len);
    std::memcpy(p + 5, key, len);
    return p + 5 + len;
}

/** Hands each entry of a bucket's bytes to \a visit; throws Error::store when they do not hold \a n. */
std::size_t parse(const QByteArray& data, std::int64_t n, const PseudonymDictionary::Visitor& visit,
                  std::uint32_t bucket) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    const auto* end = p + data.size();
    const auto damaged = [&] {
        return Error::store(
            QStringLiteral("the pseudonym dictionary is damaged (bucket %1); the reads file needs a restore")
                .arg(bucket));
    };
    if (p == end || *p != kFormat)
        throw damaged();
    ++p;
    std::size_t count = 0;
    while (p < end) {
        if (end - p < 5)
            throw damaged();
        PseudonymDictionary::Entry e;
        e.id = static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
               static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
        e.len = p[4];
        p += 5;
        if (e.len == 0 || end - p < e.len)
            throw damaged();
        e.key = p;
        p += e.len;
        visit(e);
        ++count;
    }
    if (static_cast<std::int64_t>(count) != n)
        throw damaged();
    return count;
}
} // namespace

PseudonymDictionary::PseudonymDictionary(sql::Database& db, const QString& schema)
    : m_db(db)
    , m_schema(schema) {}

PseudonymDictionary::~PseudonymDictionary() = default;

bool PseudonymDictionary::empty() {
    auto st = m_db.prepare(QStringLiteral("SELECT 1 FROM %1.pseudonym_buckets LIMIT 1").arg(m_schema));
    return !st.step();
}

std::int64_t PseudonymDictionary::size() {
    auto st =
        m_db.prepare(QStringLiteral("SELECT coalesce(sum(n), 0) FROM %1.pseudonym_buckets").arg(m_schema));
    st.step();
    return st.int64(0);
}

sql::Statement& PseudonymDictionary::statement(std::unique_ptr<sql::Statement>& s, const char* sql) {
    if (!s)
        s = std::make_unique<sql::Statement>(m_db.prepare(QString::fromLatin1(sql).arg(m_schema)));
    return *s;
}

bool PseudonymDictionary::stored(std::uint32_t b, std::int64_t* n, QByteArray* data) {
    sql::Statement& st = statement(m_get, "SELECT n, entries FROM %1.pseudonym_buckets WHERE bucket = ?");
    st.bind(1, b);
    *n = 0;
    *data = QByteArray();
    const bool found = st.step();
    if (found) {
        *n = st.int64(0);
        *data = st.blob(1);
    }
    st.reset();
    return found;
}

void PseudonymDictionary::store(std::uint32_t b, std::int64_t n, const QByteArray& entries) {
    if (n == 0) {
        sql::Statement& del = statement(m_delete, "DELETE FROM %1.pseudonym_buckets WHERE bucket = ?");
        del.bind(1, b);
        del.run();
        return;
    }
    sql::Statement& put =
        statement(m_put, "INSERT OR REPLACE INTO %1.pseudonym_buckets (bucket, n, entries) VALUES (?, ?, ?)");
    put.bind(1, b).bind(2, n).bindBlob(3, entries);
    put.run();
}

std::size_t PseudonymDictionary::bucket(std::uint32_t b, const Visitor& visit) {
    std::int64_t n = 0;
    QByteArray data;
    if (!stored(b, &n, &data))
        return 0;
    return parse(data, n, visit, b);
}

void PseudonymDictionary::forEach(const Visitor& visit) {
    auto st = m_db.prepare(
        QStringLiteral("SELECT bucket, n, entries FROM %1.pseudonym_buckets ORDER BY bucket").arg(m_schema));
    while (st.step())
        parse(st.blob(2), st.int64(1), visit, static_cast<std::uint32_t>(st.int64(0)));
}

std::int64_t PseudonymDictionary::find(const unsigned char* key, std::size_t len) {
    std::int64_t id = -1;
    bucket(bucketOf(hash(key, len)), [&](const Entry& e) {
        if (e.len == len && std::memcmp(e.key, key, len) == 0)
            id = e.id;
    });
    return id;
}

void PseudonymDictionary::add(const Source& entries, std::int64_t rangeBytes) {
    // Each entry's bucket first; then, a range of buckets at a time, the entries copied into their bucket's
    // place as they come (read in order, written scattered: nothing waits on a miss in memory), and each
    // bucket read and written once.
    constexpr std::size_t kBuckets = std::size_t(1) << kBucketBits;
    std::vector<std::uint32_t> count(kBuckets, 0);
    std::vector<std::int64_t> bytes(kBuckets, 0);
    std::vector<std::uint16_t> bucketOfEntry;
    entries([&](const Entry& e) {
        if (e.len == 0)
            throw Error::store(QStringLiteral("an empty pseudonym key cannot be stored"));
        const std::uint32_t b = bucketOf(hash(e.key, e.len));
        bucketOfEntry.push_back(static_cast<std::uint16_t>(b));
        ++count[b];
        bytes[b] += 5 + e.len;
    });
    if (bucketOfEntry.empty())
        return;
    const bool wasEmpty = empty();
    std::vector<unsigned char> buffer;
    std::vector<std::int64_t> offset; // of each bucket of the range in the buffer
    for (std::size_t first = 0; first < kBuckets;) {
        std::size_t last = first; // the range [first, last)
        std::int64_t size = 0;
        offset.clear();
        while (last < kBuckets && (last == first || size + bytes[last] <= rangeBytes)) {
            offset.push_back(size);
            size += bytes[last++];
        }
        buffer.resize(static_cast<std::size_t>(size));
        std::vector<std::int64_t> next = offset;
        std::size_t i = 0;
        entries([&](const Entry& e) {
            const std::size_t b = bucketOfEntry[i++];
            if (b < first || b >= last)
                return;
            std::int64_t& place = next[b - first];
            putEntry(buffer.data() + place, e.id, e.key, e.len);
            place += 5 + e.len;
        });
        for (std::size_t b = first; b < last; ++b) {
            if (count[b] == 0)
                continue;
            std::int64_t n = 0;
            QByteArray before;
            const bool found = !wasEmpty && stored(static_cast<std::uint32_t>(b), &n, &before);
            if (found) // what is kept is checked before more is added to it
                parse(
                    before, n, [](const Entry&) {}, static_cast<std::uint32_t>(b));
            const int head = found ? static_cast<int>(before.size()) : 1;
            if (bytes[b] > INT_MAX - head)
                throw Error::store(QStringLiteral("a bucket of the pseudonym dictionary would pass 2 GB"));
            QByteArray data(head + static_cast<int>(bytes[b]), Qt::Uninitialized);
            if (!found)
                data[0] = static_cast<char>(kFormat);
            else
                std::memcpy(data.data(), before.constData(), static_cast<std::size_t>(head));
            std::memcpy(data.data() + head, buffer.data() + offset[b - first],
                        static_cast<std::size_t>(bytes[b]));
            store(static_cast<std::uint32_t>(b), n + count[b], data);
        }
        first = last;
    }
}

void PseudonymDictionary::add(const std::vector<Entry>& entries) {
    add([&](const Visitor& visit) {
        for (const Entry& e : entries)
            visit(e);
    });
}

std::int64_t PseudonymDictionary::remove(std::vector<std::uint32_t> ids) {
    if (ids.empty())
        return 0;
    std::sort(ids.begin(), ids.end());
    std::int64_t removed = 0;
    std::vector<std::uint32_t> buckets;
    {
        auto st = m_db.prepare(QStringLiteral("SELECT bucket FROM %1.pseudonym_buckets").arg(m_schema));
        while (st.step())
            buckets.push_back(static_cast<std::uint32_t>(st.int64(0)));
    }
    for (const std::uint32_t b : buckets) {
        std::int64_t n = 0;
        QByteArray before;
        if (!stored(b, &n, &before))
            continue;
        QByteArray kept(before.size() + 1, Qt::Uninitialized); // never more than before (and the format byte)
        auto* p = reinterpret_cast<unsigned char*>(kept.data());
        *p++ = kFormat;
        std::int64_t left = 0;
        parse(
            before, n,
            [&](const Entry& e) {
                if (std::binary_search(ids.begin(), ids.end(), e.id))
                    return;
                p = putEntry(p, e.id, e.key, e.len);
                ++left;
            },
            b);
        if (left == n)
            continue;
        removed += n - left;
        kept.truncate(static_cast<int>(p - reinterpret_cast<unsigned char*>(kept.data())));
        store(b, left, kept);
    }
    return removed;
}

} // namespace stroom
