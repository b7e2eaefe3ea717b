#include "common/error.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"
#include "import/importparts.h"
#include "privacy/privacyguard.h"
#include "store/pseudonymdictionary.h"
#include "store/readblocks.h"

#include <QDateTime>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace stroom::importing {

namespace {

constexpr std::size_t kBatchRows = 32768;
constexpr std::size_t kMaxKey = 48;

/** One read as the parser hands it to the writer. */
struct ParsedRead {
    std::int64_t t;
    std::int32_t camera;   ///< index into the file's camera names
    std::uint16_t country; ///< index into the file's country codes (0 = none)
    std::uint8_t cls;
    std::uint8_t keyLen;
    unsigned char key[kMaxKey];
};

struct Batch {
    std::vector<ParsedRead> reads;
    std::vector<NewCamera> newCameras; ///< appended to the index in order
    std::vector<std::string> newCountries;
    std::int64_t consumed = 0;
};

/** A bounded hand-over between the parsing and the writing thread. */
class BatchQueue {
public:
    explicit BatchQueue(std::size_t capacity)
        : m_capacity(capacity) {}
    /** False when the consumer gave up. */
    bool push(Batch&& b) {
        std::unique_lock<std::mutex> l(m_mutex);
        m_notFull.wait(l, [&] { return m_items.size() < m_capacity || m_abandoned; });
        if (m_abandoned)
            return false;
        m_items.push_back(std::move(b));
        m_notEmpty.notify_one();
        return true;
    }
    void close(std::exception_ptr error = nullptr) {
        std::lock_guard<std::mutex> l(m_mutex);
        m_closed = true;
        m_error = error;
        m_notEmpty.notify_all();
    }
    void abandon() {
        std::lock_guard<std::mutex> l(m_mutex);
        m_abandoned = true;
        m_notFull.notify_all();
    }
    /** False at the end; rethrows the producer's error. */
    bool pop(Batch* out) {
        std::unique_lock<std::mutex> l(m_mutex);
        m_notEmpty.wait(l, [&] { return !m_items.empty() || m_closed; });
        if (!m_items.empty()) {
            *out = std::move(m_items.front());
            m_items.pop_front();
            m_notFull.notify_one();
            return true;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return false;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<Batch> m_items;
    std::size_t m_capacity;
    bool m_closed = false, m_abandoned = false;
    std::exception_ptr m_error;
};

/**
 * Pseudonym → vehicle key, in memory: open addressing (16-byte slots, at most 70 % full) over an arena of
 * keys in 64 MiB chunks, so neither ever copies the keys when it grows. Bounded by its owner: full() says
 * when it holds the most keys it may (ImportOptions::pseudonymsInMemory; a stored bucket read in may pass
 * that by its size), and the owner then stores what is new and clears it.
 */
class PseudonymCache {
public:
    explicit PseudonymCache(std::size_t maxEntries)
        : m_maxEntries(std::max<std::size_t>(1, maxEntries)) {
        clear();
    }
    /** The id, or -1. */
    std::int64_t find(const unsigned char* key, std::size_t len, std::uint64_t h) const {
        std::size_t i = h & m_mask;
        for (;;) {
            const Slot& s = m_slots[i];
            if (s.id == 0)
                return -1;
            if (s.hash == h) {
                const unsigned char* k = at(s.offset);
                if (k[0] == len && std::memcmp(k + 5, key, len) == 0)
                    return static_cast<std::int64_t>(s.id) - 1;
            }
            i = (i + 1) & m_mask;
        }
    }
    /** Adds a key that is not in the cache. */
    void insert(const unsigned char* key, std::size_t len, std::uint64_t h, std::int64_t id) {
        if ((m_size + 1) * 10 > m_slots.size() * 7)
            grow();
        place(key, len, h, id);
    }
    bool full() const { return m_size >= m_maxEntries; }
    void clear() { reset(1 << 16); }
    /** Each key with its id, in the order they came (the arena read straight through). */
    template <typename F> void forEach(F f) const {
        for (std::size_t c = 0; c < m_chunks.size(); ++c) {
            const unsigned char* k = m_chunks[c].get();
            const unsigned char* end = k + (c + 1 == m_chunks.size() ? m_used : m_chunkUsed[c]);
            while (k < end) {
                std::uint32_t id;
                std::memcpy(&id, k + 1, 4);
                f(k + 5, k[0], static_cast<std::int64_t>(id));
                k += 5 + k[0];
            }
        }
    }
    // Q_ALWAYS_INLINE: GCC 12 drops a call to a small function whose only effect is a prefetch when it is not
    // inlined early (found in the import's machine code: the key was never asked for).
    /** Asks for the slot of hash \a h to be in the cache (no effect on what is found). */
    Q_ALWAYS_INLINE void prefetch(std::uint64_t h) const { __builtin_prefetch(&m_slots[h & m_mask]); }
    /**
     * The same for the key of \a h, once its slots are there: the key of the slot with hash \a h, which at
     * 70 % full is the first probed for fewer than half the keys found. Returns that slot's id, or -1: a
     * guess (the key is not compared) for the caller's own prefetching.
     */
    Q_ALWAYS_INLINE std::int64_t prefetchKey(std::uint64_t h) const {
        for (std::size_t i = h & m_mask, probes = 0; probes < kPrefetchProbes;
             i = (i + 1) & m_mask, ++probes) {
            const Slot& s = m_slots[i];
            if (s.id == 0)
                return -1;
            if (s.hash == h) {
                __builtin_prefetch(at(s.offset));
                return static_cast<std::int64_t>(s.id) - 1;
            }
        }
        return -1;
    }

private:
    static constexpr unsigned kChunkBits = 26;
    static constexpr std::size_t kPrefetchProbes = 8; ///< slots looked at for a key to prefetch
    struct Slot {
        std::uint64_t hash;
        std::uint32_t id;     ///< vehicle key + 1; 0: empty
        std::uint32_t offset; ///< of [length, id (4 bytes), key bytes] in the arena
    };
    const unsigned char* at(std::uint32_t offset) const {
        return m_chunks[offset >> kChunkBits].get() + (offset & ((1u << kChunkBits) - 1));
    }
    void reset(std::size_t n) {
        m_slots.assign(n, Slot{0, 0, 0});
        m_mask = n - 1;
        m_chunks.clear();
        m_chunkUsed.clear();
        m_used = 1u << kChunkBits; // the first key opens a chunk
        m_size = 0;
    }
    void place(const unsigned char* key, std::size_t len, std::uint64_t h, std::int64_t id) {
        if (m_used + len + 5 > (1u << kChunkBits)) {
            if (!m_chunks.empty())
                m_chunkUsed.push_back(m_used);
            m_chunks.emplace_back(new unsigned char[std::size_t(1) << kChunkBits]);
            m_used = 0;
        }
        const auto offset = static_cast<std::uint32_t>(((m_chunks.size() - 1) << kChunkBits) + m_used);
        unsigned char* k = m_chunks.back().get() + m_used;
        k[0] = static_cast<unsigned char>(len);
        const auto id32 = static_cast<std::uint32_t>(id);
        std::memcpy(k + 1, &id32, 4);
        std::memcpy(k + 5, key, len);
        m_used += len + 5;
        std::size_t i = h & m_mask;
        while (m_slots[i].id != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = Slot{h, static_cast<std::uint32_t>(id + 1), offset};
        ++m_size;
    }
    void grow() {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(old.size() * 2, Slot{0, 0, 0});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.id == 0)
                continue;
            std::size_t i = s.hash & m_mask;
            while (m_slots[i].id != 0)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }
    std::vector<Slot> m_slots;
    std::vector<std::unique_ptr<unsigned char[]>> m_chunks;
    std::vector<std::size_t> m_chunkUsed; ///< bytes used of each chunk but the last (m_used)
    std::size_t m_used = 0, m_mask = 0, m_size = 0;
    std::size_t m_maxEntries;
};

/** HMAC-SHA256 with a random key per UTC day, held in memory only (DESIGN §4). */
inline int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/** Hex digits of \a p (even length) into \a out, checked in the same pass; false when one is none. */
bool decodeHex(std::string_view p, unsigned char* out) {
    static const auto table = [] {
        std::array<std::int8_t, 256> t{};
        t.fill(-1);
        for (int c = 0; c < 256; ++c)
            t[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(hexValue(static_cast<char>(c)));
        return t;
    }();
    int bad = 0;
    for (std::size_t i = 0; i + 1 < p.size(); i += 2) {
        const std::int8_t a = table[static_cast<unsigned char>(p[i])],
                          b = table[static_cast<unsigned char>(p[i + 1])];
        bad |= a | b;
        out[i / 2] = static_cast<unsigned char>(a << 4 | b);
    }
    return bad >= 0;
}

/** The dictionary key of a pseudonym: hex decoded (h), short text as is (t), long text hashed (s). */
void pseudonymKey(std::string_view p, ParsedRead& r) {
    if (p.size() % 2 == 0 && p.size() / 2 < kMaxKey) {
        if (decodeHex(p, r.key + 1)) {
            r.key[0] = 'h';
            r.keyLen = static_cast<std::uint8_t>(1 + p.size() / 2);
            return;
        }
    }
    if (p.size() < kMaxKey) {
        r.key[0] = 't';
        std::memcpy(r.key + 1, p.data(), p.size());
        r.keyLen = static_cast<std::uint8_t>(1 + p.size());
        return;
    }
    r.key[0] = 's';
    SHA256(reinterpret_cast<const unsigned char*>(p.data()), p.size(), r.key + 1);
    r.keyLen = 33;
}

/** Text → small number, looked up without copying the text (the keys are the index's own strings). */
template <typename V> class TextIndex {
public:
    const V* find(std::string_view text) const {
        const auto it = m_map.find(text);
        return it == m_map.end() ? nullptr : &it->second;
    }
    V add(std::string_view text, V value) {
        m_keys.emplace_back(text);
        m_map.emplace(m_keys.back(), value);
        return value;
    }
    std::size_t size() const { return m_map.size(); }

private:
    std::deque<std::string> m_keys; // stable addresses for the views
    std::unordered_map<std::string_view, V> m_map;
};

/**
 * The parsing side (its own thread): CSV rows → ParsedRead batches on the queue. A bad row is rejected
 * (or stops the file) through the context's Rejections; a clear plate stops the import whatever they say.
 */
class ReadParser {
public:
    ReadParser(ImportContext& ctx, BatchQueue& queue, std::atomic_bool& stop)
        : m_ctx(ctx)
        , m_L(ctx.file.layout)
        , m_queue(queue)
        , m_stop(stop)
        , m_zone(m_L.timezone.toUtf8())
        , m_latest(QDateTime::currentSecsSinceEpoch() + 86400) {
        m_countryIndex.add(std::string_view(), 0);
        m_batch.reads.reserve(kBatchRows);
    }

    /** The thread's body: parses to the end, then closes the queue (with the error, if one stopped it). */
    void run() {
        try {
            parseAll();
            flush();
            m_queue.close();
        } catch (...) {
            m_queue.close(std::current_exception());
        }
    }

private:
    std::string_view at(const std::vector<std::string_view>& v, Role r) const {
        return v[static_cast<std::size_t>(m_L.col(r))];
    }
    void reject(qint64 line, Role r, const QString& why) { m_ctx.rejections.add(line, header(m_L, r), why); }

    void parseAll() {
        for (;;) {
            if (m_stop.load())
                return;
            const std::vector<std::string_view>* v = nullptr;
            qint64 line = 0;
            const ImportContext::Next next = m_ctx.nextRow(&v, &line);
            if (next == ImportContext::Next::End)
                return;
            ParsedRead r;
            if (next == ImportContext::Next::Skip || !parseRow(*v, line, r))
                continue;
            m_batch.reads.push_back(r);
            if (m_batch.reads.size() >= kBatchRows)
                flush();
        }
    }

    bool parseRow(const std::vector<std::string_view>& v, qint64 line, ParsedRead& r) {
        if (!parseTime(at(v, Role::Time), line, &r.t))
            return false;
        const std::string_view cam = CsvReader::trimmed(at(v, Role::Camera));
        if (cam.empty() || !CsvReader::isValidUtf8(cam)) {
            reject(line, Role::Camera,
                   cam.empty() ? QStringLiteral("no camera") : QStringLiteral("invalid UTF-8"));
            return false;
        }
        if (!parsePseudonym(CsvReader::trimmed(at(v, Role::Pseudonym)), line, r))
            return false;
        r.cls = vehicleclass::Unknown;
        if (m_L.col(Role::Class) >= 0) {
            const std::string_view label = CsvReader::trimmed(at(v, Role::Class));
            const int* known = m_classOf.find(label);
            const int code = known ? *known : vehicleclass::fromLabel(label);
            if (!known && code >= 0)
                m_classOf.add(label, code);
            if (code < 0)
                m_ctx.warnings.add(QStringLiteral("unknown vehicle class stored as unknown"), line,
                                   shown(label));
            else
                r.cls = static_cast<std::uint8_t>(code);
        }
        r.country =
            m_L.col(Role::Country) >= 0 ? countryOf(CsvReader::trimmed(at(v, Role::Country)), line) : 0;
        r.camera = cameraOf(cam, v, line);
        return true;
    }

    bool parseTime(std::string_view ts, qint64 line, std::int64_t* t) {
        const timeparse::Result tr = timeparse::parseAny(ts, m_zone, t);
        QString why;
        if (tr == timeparse::Result::Bad)
            why =
                QStringLiteral("%1 is not a timestamp (expected 2026-03-02T07:45:12Z or 02/03/2026 08:45:12)")
                    .arg(shown(ts));
        else if (tr == timeparse::Result::Nonexistent)
            why = QStringLiteral("%1 does not exist in %2 (the clocks went forward that night)")
                      .arg(shown(ts), m_L.timezone);
        else if (*t < kEarliest)
            why = QStringLiteral("%1 is before 2000").arg(shown(ts));
        else if (*t > m_latest)
            why = QStringLiteral("%1 is in the future").arg(shown(ts));
        if (why.isEmpty())
            return true;
        reject(line, Role::Time, why);
        return false;
    }

    /** The privacy guard stops the whole import, whatever --on-error says. */
    bool parsePseudonym(std::string_view pseudo, qint64 line, ParsedRead& r) {
        if (pseudo.empty()) {
            reject(line, Role::Pseudonym, QStringLiteral("no pseudonym"));
            return false;
        }
        if (m_ctx.options.pseudonymise) {
            r.key[0] = 'm';
            m_ctx.options.pseudonymKeys->pseudonymise(pseudo, r.t, r.key + 1);
            r.keyLen = 33;
            return true;
        }
        // Hash output in hex, the common case: the guard's verdict (16 hex digits or more is a pseudonym)
        // and the key's decoding in one pass.
        if (pseudo.size() >= 16 && pseudo.size() % 2 == 0 && pseudo.size() / 2 < kMaxKey &&
            decodeHex(pseudo, r.key + 1)) {
            r.key[0] = 'h';
            r.keyLen = static_cast<std::uint8_t>(1 + pseudo.size() / 2);
            return true;
        }
        const PrivacyGuard::Verdict verdict = PrivacyGuard::check(pseudo);
        if (verdict != PrivacyGuard::Verdict::Pseudonym)
            throw Error::input(QStringLiteral("%1 line %2, column '%3': the value %4; nothing was stored")
                                   .arg(m_ctx.path)
                                   .arg(line)
                                   .arg(header(m_L, Role::Pseudonym), PrivacyGuard::reason(verdict)));
        pseudonymKey(pseudo, r);
        return true;
    }

    std::uint16_t countryOf(std::string_view text, qint64 line) {
        if (const std::uint16_t* known = m_countryOfText.find(text))
            return *known;
        std::string c(text);
        for (char& ch : c)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        const bool ok =
            c.size() <= 3 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        if (!ok) {
            m_ctx.warnings.add(QStringLiteral("country code not understood, left empty"), line, shown(c));
            c.clear();
        }
        const std::uint16_t* id = m_countryIndex.find(c);
        std::uint16_t found;
        if (id) {
            found = *id;
        } else {
            m_batch.newCountries.push_back(c);
            found = m_countryIndex.add(c, static_cast<std::uint16_t>(m_countryIndex.size()));
        }
        if (ok)
            m_countryOfText.add(text, found); // as written ("be", "BE "): understood, so looked up directly
        return found;
    }

    /** The file's index of a camera id; a new one goes to the writer (with its position, for ANPR Metrics).
     */
    std::int32_t cameraOf(std::string_view cam, const std::vector<std::string_view>& v, qint64 line) {
        if (const std::int32_t* known = m_cameraIndex.find(cam))
            return *known;
        std::string key(cam);
        // Nothing plate-like outside the pseudonym column (DESIGN §2): such a camera id is not stored.
        refusePlateLikeCameraId(cam, m_ctx.path, line, header(m_L, Role::Camera));
        NewCamera nc;
        nc.id = key;
        if (m_L.col(Role::Latitude) >= 0 && m_L.col(Role::Longitude) >= 0) {
            double lat = 0, lon = 0;
            if (parseDouble(at(v, Role::Latitude), &lat) && parseDouble(at(v, Role::Longitude), &lon) &&
                lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                nc.lat = lat;
                nc.lon = lon;
                nc.hasPosition = true;
            } else {
                m_ctx.warnings.add(QStringLiteral("camera position not understood"), line, QString());
            }
        }
        if (m_L.col(Role::Name) >= 0) {
            const std::string_view nm = CsvReader::trimmed(at(v, Role::Name));
            if (PrivacyGuard::looksLikeIdentifier(nm))
                m_ctx.warnings.add(
                    QStringLiteral("a camera name that looks like a number plate was not stored"), line,
                    QString());
            else if (CsvReader::isValidUtf8(nm))
                nc.name = std::string(nm);
        }
        const std::int32_t id = m_cameraIndex.add(key, static_cast<std::int32_t>(m_cameraIndex.size()));
        m_batch.newCameras.push_back(std::move(nc));
        return id;
    }

    void flush() {
        m_batch.consumed = m_ctx.file.source->consumed();
        if (!m_queue.push(std::move(m_batch)))
            throw Error::input(QStringLiteral("stopped"));
        m_batch = Batch();
        m_batch.reads.reserve(kBatchRows);
    }

    ImportContext& m_ctx;
    const FileLayout& m_L;
    BatchQueue& m_queue;
    std::atomic_bool& m_stop;
    LocalTime m_zone;
    const std::int64_t m_latest;
    TextIndex<std::int32_t> m_cameraIndex;
    TextIndex<std::uint16_t> m_countryIndex;  ///< by code
    TextIndex<std::uint16_t> m_countryOfText; ///< by the text as written, once understood
    TextIndex<int> m_classOf;                 ///< class labels understood, as written
    Batch m_batch;
};

/** The local day of UTC seconds, remembered per quarter hour (the zone's offset is looked up once per
 * quarter). */
class DayOf {
public:
    explicit DayOf(const QByteArray& zone)
        : m_zone(zone) {}
    std::int64_t operator()(std::int64_t t) {
        const std::int64_t bucket = t - (((t % 900) + 900) % 900);
        if (bucket != m_bucket) {
            m_bucket = bucket;
            const int a = m_zone.offsetAt(bucket), b = m_zone.offsetAt(bucket + 899);
            m_offset = a == b ? a : kMixed;
        }
        const int offset = m_offset == kMixed ? m_zone.offsetAt(t) : m_offset;
        return timefmt::epochDay(t + offset);
    }

private:
    static constexpr int kMixed = INT_MIN; // the offset changes within the quarter: looked up per read
    LocalTime m_zone;
    std::int64_t m_bucket = INT64_MIN;
    int m_offset = 0;
};

/**
 * The writing side (this thread): the pseudonym dictionary, cameras and countries, and the reads as
 * columnar blocks per local day (ReadBlocks), flushed when a day reaches a block's size or the buffer its
 * bound, so memory stays bounded whatever the file's order.
 */
class ReadWriter {
public:
    static constexpr std::size_t kMaxBuffered = 2u << 20; ///< reads held before the largest day is flushed

    ReadWriter(ImportContext& ctx, const QByteArray& projectZone)
        : m_ctx(ctx)
        , m_db(ctx.db)
        , m_blocks(ctx.db)
        , m_zoneId(blocksZone(projectZone))
        , m_dayOf(m_zoneId)
        , m_dictionary(ctx.db)
        , m_loaded(std::size_t(1) << PseudonymDictionary::kBucketBits)
        , m_cache(ctx.options.pseudonymsInMemory) {
        {
            // Numbers are never given twice: each import leaves the next one, and a purge leaves it as it
            // was (the numbers of purged pseudonyms are still counted in kept trips and cells).
            auto floor = m_db.prepare("SELECT value FROM l0.meta WHERE key = 'next_vehicle'");
            if (floor.step())
                m_nextId = std::max<std::int64_t>(m_nextId, floor.text(0).toLongLong());
            // Row numbers are never given twice (the floor stays after a purge).
            auto rows = m_db.prepare(
                "SELECT max(coalesce((SELECT max(first_row + rows) FROM l0.read_blocks), 1), "
                "coalesce((SELECT CAST(value AS INTEGER) FROM l0.meta WHERE key = 'next_row'), 1))");
            rows.step();
            ctx.firstRowid = rows.int64(0);
            m_nextRow = ctx.firstRowid;
        }
        m_firstNewId = m_pendingFrom = m_nextId;
        m_linkedKnown = m_blocks.linkedKnown();
        m_mayBeStored = !m_dictionary.empty();
    }

    void write(const Batch& b) {
        for (const NewCamera& c : b.newCameras)
            m_cameraFid.push_back(m_ctx.cameras.resolve(c));
        for (const std::string& c : b.newCountries)
            m_countryFid.push_back(countryId(QString::fromStdString(c)));
        const std::size_t n = b.reads.size();
        m_hashes.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            m_hashes[i] = PseudonymDictionary::hash(b.reads[i].key, b.reads[i].keyLen);
        constexpr std::size_t kAhead = 16;
        for (std::size_t i = 0; i < std::min(n, kAhead); ++i)
            m_cache.prefetch(m_hashes[i]);
        for (std::size_t i = 0; i < n; ++i) {
            const ParsedRead& r = b.reads[i];
            StoredRead s;
            s.t = r.t;
            // The cache's slots (and then the slot's key) asked for ahead of use: with millions of
            // pseudonyms each lookup is a miss in memory, and a batch can wait for many at once.
            if (i + kAhead < n)
                m_cache.prefetch(m_hashes[i + kAhead]);
            if (i + kAhead / 2 < n)
                prefetchSeen(m_cache.prefetchKey(m_hashes[i + kAhead / 2]));
            s.vehicle = static_cast<std::uint32_t>(vehicleId(r, m_hashes[i]));
            s.camera = static_cast<std::uint32_t>(m_cameraFid[static_cast<std::size_t>(r.camera)]);
            s.country = static_cast<std::uint16_t>(m_countryFid[r.country]);
            s.cls = r.cls;
            if (m_first) {
                m_ctx.tMin = m_ctx.tMax = r.t;
                m_first = false;
            }
            m_ctx.tMin = std::min(m_ctx.tMin, r.t);
            m_ctx.tMax = std::max(m_ctx.tMax, r.t);
            const std::int64_t day = m_dayOf(r.t);
            seen(s.vehicle, day);
            if (day != m_lastDay || !m_lastList) { // files come mostly in time order: the day's list again
                auto [it, added] = m_days.try_emplace(day);
                if (added && !m_spare.empty()) { // a flushed day's buffer: no growing, no fresh pages
                    it->second = std::move(m_spare.back());
                    m_spare.pop_back();
                }
                m_lastList = &it->second;
                m_lastDay = day;
            }
            std::vector<StoredRead>& list = *m_lastList;
            list.push_back(s);
            ++m_buffered;
            if (list.size() >= ReadBlocks::kBlockRows)
                flush(day);
            else if (m_buffered >= kMaxBuffered)
                flushLargest();
        }
        m_ctx.report.stored += static_cast<qint64>(b.reads.size());
    }

    void finish() {
        while (!m_days.empty())
            flush(m_days.begin()->first);
        while (!m_encoding.empty())
            storeEncoded();
        storeNewPseudonyms();
        m_ctx.lastRowid = m_nextRow - 1;
        auto next = m_db.prepare("INSERT OR REPLACE INTO l0.meta (key, value) VALUES (?, ?)");
        next.bind(1, QStringLiteral("next_row")).bind(2, QString::number(m_nextRow));
        next.run();
        next.bind(1, QStringLiteral("next_vehicle")).bind(2, QString::number(m_nextId));
        next.run();
        if (m_blocks.zone().isEmpty()) {
            auto zone = m_db.prepare("INSERT OR REPLACE INTO l0.meta (key, value) VALUES ('blocks_zone', ?)");
            zone.bind(1, QString::fromUtf8(m_zoneId));
            zone.run();
        }
        warnWhenLinkable();
    }

private:
    /** The zone the stored blocks are cut in (the project's, for the first reads). */
    QByteArray blocksZone(const QByteArray& projectZone) {
        const QString z = m_blocks.zone();
        return z.isEmpty() ? projectZone : z.toUtf8();
    }

    /** A day's reads go to be sorted and encoded on a worker thread; this one stores the blocks, in order. */
    void flush(std::int64_t day) {
        auto it = m_days.find(day);
        std::vector<StoredRead> list = std::move(it->second);
        const auto rows = static_cast<std::int64_t>(list.size());
        m_buffered -= list.size();
        m_days.erase(it);
        m_lastList = nullptr;
        if (m_encoding.size() >= 2)
            storeEncoded();
        m_encoding.push_back(std::async(std::launch::async, &ReadBlocks::prepare, day, m_ctx.report.importId,
                                        m_nextRow, std::move(list)));
        m_nextRow += rows;
    }

    void storeEncoded() {
        ReadBlocks::Prepared p = m_encoding.front().get();
        m_encoding.pop_front();
        m_blocks.insert(p);
        if (p.spare.capacity() > 0)
            m_spare.push_back(std::move(p.spare));
    }

    void flushLargest() {
        auto largest = std::max_element(m_days.begin(), m_days.end(), [](const auto& a, const auto& b) {
            return a.second.size() < b.second.size();
        });
        flush(largest->first);
    }

    /** Asks for the days of a new vehicle to be in the cache (the read's guess, ahead of seen()). */
    Q_ALWAYS_INLINE void prefetchSeen(std::int64_t vehicle) const {
        const std::int64_t i = vehicle - m_firstNewId;
        if (i >= 0 && static_cast<std::size_t>(i) < m_newDays.size()) // a guess of -1 is below the first
            __builtin_prefetch(&m_newDays[static_cast<std::size_t>(i)]);
    }

    /**
     * The local days each vehicle of this import is seen on (first and last): numbered vehicles new in this
     * import densely from the first new number, known ones in a map (numbers only grow, so a vector from 0
     * would grow with every vehicle the project ever saw).
     */
    void seen(std::uint32_t vehicle, std::int64_t day) {
        std::pair<std::int64_t, std::int64_t>* range;
        if (static_cast<std::int64_t>(vehicle) >= m_firstNewId) {
            const auto i = static_cast<std::size_t>(vehicle - m_firstNewId);
            if (i >= m_newDays.size())
                m_newDays.resize(std::max<std::size_t>(i + 1, m_newDays.size() * 2), {INT64_MAX, INT64_MIN});
            range = &m_newDays[i];
        } else {
            range = &m_knownDays.try_emplace(vehicle, INT64_MAX, INT64_MIN).first->second;
        }
        range->first = std::min(range->first, day);
        range->second = std::max(range->second, day);
    }

    /**
     * The share of this import's pseudonyms seen on more than one local day (in the whole store): a source
     * that does not rotate its keys lets trips be linked over time (issue 11). Above 1 % the import says so.
     * Only pseudonyms known before this import can be on other imports' days: their blocks alone are read.
     */
    void warnWhenLinkable() {
        // The same spans keep the store's list of vehicles seen on more than one local day.
        std::vector<std::uint32_t> linked;
        std::int64_t all = static_cast<std::int64_t>(m_knownDays.size());
        for (std::size_t i = 0; i < m_newDays.size(); ++i)
            if (m_newDays[i].first != INT64_MAX) {
                ++all;
                if (m_newDays[i].first != m_newDays[i].second)
                    linked.push_back(static_cast<std::uint32_t>(m_firstNewId + static_cast<std::int64_t>(i)));
            }
        if (!m_knownDays.empty()) {
            auto st = m_db.prepare("SELECT data, day FROM l0.read_blocks WHERE import_id <> ?");
            st.bind(1, m_ctx.report.importId);
            std::vector<StoredRead> reads;
            while (st.step()) {
                reads.clear();
                ReadBlocks::decode(st.blob(0), reads);
                const std::int64_t day = st.int64(1);
                for (const StoredRead& r : reads)
                    if (const auto it = m_knownDays.find(r.vehicle); it != m_knownDays.end()) {
                        it->second.first = std::min(it->second.first, day);
                        it->second.second = std::max(it->second.second, day);
                    }
            }
            for (const auto& kv : m_knownDays)
                if (kv.second.first != kv.second.second)
                    linked.push_back(kv.first);
        }
        m_blocks.addLinked(linked);
        if (m_linkedKnown)
            m_blocks.markLinkedKnown();
        const auto linkable = static_cast<std::int64_t>(linked.size());
        if (all == 0)
            return;
        if (linkable * 100 > all)
            m_ctx.warnings.note(
                QStringLiteral("%1 % of the pseudonyms are seen on more than one local day: the source "
                               "does not rotate its keys daily, so trips can be linked over time "
                               "(see stroom-cli risk)")
                    .arg(100.0 * static_cast<double>(linkable) / static_cast<double>(all), 0, 'f', 1));
    }

    std::int64_t countryId(const QString& code) {
        m_addCountry.bind(1, code);
        m_addCountry.run();
        m_countryId.bind(1, code);
        m_countryId.step();
        const std::int64_t id = m_countryId.int64(0);
        m_countryId.reset();
        return id;
    }

    /**
     * The vehicle number of a read's pseudonym: from the cache, else from its bucket of the stored
     * dictionary (read into the cache whole, once), else a new number.
     */
    std::int64_t vehicleId(const ParsedRead& r, std::uint64_t h) {
        std::int64_t id = m_cache.find(r.key, r.keyLen, h);
        if (id >= 0)
            return id;
        if (m_mayBeStored) {
            const std::uint32_t b = PseudonymDictionary::bucketOf(h);
            if (!m_loaded[b]) {
                if (m_cache.full())
                    spillCache();
                m_dictionary.bucket(b, [this](const PseudonymDictionary::Entry& e) {
                    m_cache.insert(e.key, e.len, PseudonymDictionary::hash(e.key, e.len), e.id);
                });
                m_loaded[b] = true;
                id = m_cache.find(r.key, r.keyLen, h);
                if (id >= 0)
                    return id;
            }
        }
        if (m_cache.full())
            spillCache();
        id = m_nextId++;
        ++m_ctx.report.pseudonymsNew;
        m_cache.insert(r.key, r.keyLen, h, id);
        return id;
    }

    /** The pseudonyms new since the last time, into the stored dictionary. */
    void storeNewPseudonyms() {
        m_dictionary.add([this](const PseudonymDictionary::Visitor& visit) {
            m_cache.forEach([&](const unsigned char* key, std::uint8_t len, std::int64_t id) {
                if (id >= m_pendingFrom)
                    visit({key, len, static_cast<std::uint32_t>(id)});
            });
        });
        m_pendingFrom = m_nextId;
    }

    /** The cache is full: what is new goes to the store, and the stored dictionary answers from then on. */
    void spillCache() {
        storeNewPseudonyms();
        m_cache.clear();
        std::fill(m_loaded.begin(), m_loaded.end(), false);
        m_mayBeStored = true;
    }

    ImportContext& m_ctx;
    sql::Database& m_db;
    ReadBlocks m_blocks;
    QByteArray m_zoneId;
    DayOf m_dayOf;
    PseudonymDictionary m_dictionary;
    std::vector<bool> m_loaded; ///< the stored buckets read into the cache
    std::int64_t m_nextId = 1, m_firstNewId = 1, m_nextRow = 1;
    std::int64_t m_pendingFrom = 1; ///< numbers from here on are not in the stored dictionary yet
    bool m_mayBeStored = false;
    bool m_first = true;
    PseudonymCache m_cache;
    std::vector<std::uint64_t> m_hashes; ///< of the batch's keys
    std::map<std::int64_t, std::vector<StoredRead>> m_days;
    std::int64_t m_lastDay = INT64_MIN;
    bool m_linkedKnown = false; ///< the store's linked vehicles were known before this import
    std::vector<StoredRead>* m_lastList = nullptr;
    std::vector<std::vector<StoredRead>> m_spare;             ///< emptied buffers of flushed days
    std::deque<std::future<ReadBlocks::Prepared>> m_encoding; ///< flushed days being encoded, in order
    std::size_t m_buffered = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_newDays;
    std::unordered_map<std::uint32_t, std::pair<std::int64_t, std::int64_t>> m_knownDays;
    sql::Statement m_addCountry = m_db.prepare("INSERT OR IGNORE INTO l0.countries (code) VALUES (?)");
    sql::Statement m_countryId = m_db.prepare("SELECT id FROM l0.countries WHERE code = ?");
    std::vector<std::int64_t> m_cameraFid;
    std::vector<std::int64_t> m_countryFid = {0};
};

} // namespace

void importReads(ImportContext& ctx) {
    BatchQueue queue(4);
    std::atomic_bool stop{false};
    ReadParser parser(ctx, queue, stop);
    std::thread thread([&] { parser.run(); });
    struct JoinGuard {
        std::thread& t;
        BatchQueue& q;
        std::atomic_bool& stop;
        ~JoinGuard() {
            stop = true;
            q.abandon();
            if (t.joinable())
                t.join();
        }
    } joinGuard{thread, queue, stop};
    ReadWriter writer(ctx, ctx.zone);
    Batch b;
    while (queue.pop(&b)) {
        ctx.checkCancel();
        writer.write(b);
        ctx.reportConsumed(b.consumed);
    }
    writer.finish();
    thread.join();
    ctx.report.rows = ctx.rowsRead;
}

} // namespace stroom::importing
