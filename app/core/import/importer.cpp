#include "import/importer.h"

#include "common/bytesource.h"
#include "common/csvreader.h"
#include "common/error.h"
#include "common/geometry.h"
#include "common/progress.h"
#include "common/sqlite.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"
#include "privacy/privacyguard.h"
#include "store/geopackage.h"
#include "store/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace stroom {

QString RejectedLine::text() const {
    return column.isEmpty() ? QStringLiteral("line %1: %2").arg(line).arg(reason)
                            : QStringLiteral("line %1, column '%2': %3").arg(line).arg(column, reason);
}

QString ImportReport::summary() const {
    QString s = QStringLiteral("%1: %2 rows, %3 stored, %4 rejected (%5)")
                    .arg(QFileInfo(file).fileName())
                    .arg(rows)
                    .arg(stored)
                    .arg(rejected)
                    .arg(formatKey(layout.format));
    if (camerasCreated)
        s += QStringLiteral("; %1 unknown camera(s) added as unregistered").arg(camerasCreated);
    if (camerasUpdated)
        s += QStringLiteral("; %1 camera(s) placed from the file").arg(camerasUpdated);
    return s;
}

namespace {

constexpr std::int64_t kEarliest = 946684800; // 2000-01-01T00:00:00Z
constexpr std::size_t kBatchRows = 32768;
constexpr int kSampleSize = 20;
constexpr int kRowsPerInsert = 100;
constexpr std::size_t kMaxKey = 48;

QString nowIso() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QString view(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<int>(s.size()));
}
/** A value quoted for a message, shortened. */
QString shown(std::string_view s) {
    QString v = CsvReader::isValidUtf8(s) ? view(s.substr(0, 40)) : QStringLiteral("(not UTF-8)");
    if (s.size() > 40)
        v += QStringLiteral("…");
    return QStringLiteral("'%1'").arg(v);
}

/** One read as the parser hands it to the writer. */
struct ParsedRead {
    std::int64_t t;
    std::int32_t camera;   ///< index into the file's camera names
    std::uint16_t country; ///< index into the file's country codes (0 = none)
    std::uint8_t cls;
    std::uint8_t keyLen;
    unsigned char key[kMaxKey];
};

struct NewCamera {
    std::string id, name;
    double lat = 0, lon = 0;
    bool hasPosition = false;
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
 * Pseudonym → vehicle key, in memory (open addressing over an arena of keys). Bounded: when it holds
 * too many keys it forgets them all and the store's dictionary answers for the rest.
 */
class PseudonymCache {
public:
    static constexpr std::size_t kMaxEntries = 3000000;
    PseudonymCache() { reset(1 << 16); }
    /** The id, or -1. */
    std::int64_t find(const unsigned char* key, std::size_t len, std::uint64_t h) const {
        std::size_t i = h & m_mask;
        for (;;) {
            const Slot& s = m_slots[i];
            if (s.id < 0)
                return -1;
            if (s.hash == h && s.len == len && std::memcmp(m_arena.data() + s.offset, key, len) == 0)
                return s.id;
            i = (i + 1) & m_mask;
        }
    }
    /** False when the cache was full and has been cleared (then inserted into the fresh cache). */
    bool insert(const unsigned char* key, std::size_t len, std::uint64_t h, std::int64_t id) {
        bool kept = true;
        if (m_size >= kMaxEntries) {
            reset(1 << 16);
            kept = false;
        } else if ((m_size + 1) * 2 > m_slots.size()) {
            grow();
        }
        place(key, len, h, id);
        return kept;
    }
    static std::uint64_t hash(const unsigned char* key, std::size_t len) {
        std::uint64_t h = 1469598103934665603ULL; // FNV-1a, then a mix: keys are mostly hash output already
        for (std::size_t i = 0; i < len; ++i)
            h = (h ^ key[i]) * 1099511628211ULL;
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ULL;
        return h ^ (h >> 32);
    }

private:
    struct Slot {
        std::uint64_t hash;
        std::int64_t id;
        std::uint32_t offset;
        std::uint32_t len;
    };
    void reset(std::size_t n) {
        m_slots.assign(n, Slot{0, -1, 0, 0});
        m_mask = n - 1;
        m_arena.clear();
        m_size = 0;
    }
    void place(const unsigned char* key, std::size_t len, std::uint64_t h, std::int64_t id) {
        std::size_t i = h & m_mask;
        while (m_slots[i].id >= 0)
            i = (i + 1) & m_mask;
        m_slots[i] = Slot{h, id, static_cast<std::uint32_t>(m_arena.size()), static_cast<std::uint32_t>(len)};
        m_arena.insert(m_arena.end(), key, key + len);
        ++m_size;
    }
    void grow() {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(old.size() * 2, Slot{0, -1, 0, 0});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.id < 0)
                continue;
            std::size_t i = s.hash & m_mask;
            while (m_slots[i].id >= 0)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }
    std::vector<Slot> m_slots;
    std::vector<unsigned char> m_arena;
    std::size_t m_mask = 0, m_size = 0;
};

/** Camera ids of a file → camera fids of the store; unknown cameras are created as unregistered. */
class CameraResolver {
public:
    CameraResolver(sql::Database& db, const QString& fileName)
        : m_db(db)
        , m_fileName(fileName) {
        auto st = m_db.prepare("SELECT fid, camera_id, geom, name FROM cameras");
        while (st.step()) {
            Known k;
            k.fid = st.int64(0);
            k.hasPosition = !st.isNull(2);
            if (k.hasPosition)
                geo::readPointWkb(gpkg::wkbFromBlob(st.blob(2)), &k.lon, &k.lat);
            k.hasName = !st.text(3).isEmpty();
            m_known.emplace(st.text(1).toStdString(), k);
        }
    }
    /** The fid for a camera id, creating or placing the camera as needed. */
    std::int64_t resolve(const NewCamera& c) {
        auto it = m_known.find(c.id);
        if (it == m_known.end()) {
            auto ins =
                m_db.prepare("INSERT INTO cameras (geom, camera_id, name, registered, status, source, notes) "
                             "VALUES (?, ?, ?, 0, 'active', ?, ?)");
            if (c.hasPosition)
                ins.bindBlob(1, gpkg::geometryBlob(geo::pointWkb(c.lon, c.lat), gpkg::kWgs84));
            else
                ins.bindNull(1);
            ins.bind(2, QString::fromStdString(c.id));
            ins.bind(3, c.name.empty() ? QString() : QString::fromStdString(c.name));
            ins.bind(4, QStringLiteral("import"));
            ins.bind(5, QStringLiteral("seen in %1; not in the inventory").arg(m_fileName));
            ins.run();
            Known k{m_db.lastInsertRowId(), c.hasPosition, c.lat, c.lon, !c.name.empty()};
            m_known.emplace(c.id, k);
            ++created;
            touchedGeometry = touchedGeometry || c.hasPosition;
            return k.fid;
        }
        Known& k = it->second;
        if (c.hasPosition && (!k.hasPosition || geo::distanceMeters(k.lon, k.lat, c.lon, c.lat) > 1.0)) {
            auto up = m_db.prepare("UPDATE cameras SET geom = ? WHERE fid = ?");
            up.bindBlob(1, gpkg::geometryBlob(geo::pointWkb(c.lon, c.lat), gpkg::kWgs84)).bind(2, k.fid);
            up.run();
            k.hasPosition = true;
            k.lat = c.lat;
            k.lon = c.lon;
            ++updated;
            touchedGeometry = true;
        }
        if (!c.name.empty() && !k.hasName) {
            auto up = m_db.prepare("UPDATE cameras SET name = ? WHERE fid = ?");
            up.bind(1, QString::fromStdString(c.name)).bind(2, k.fid);
            up.run();
            k.hasName = true;
        }
        return k.fid;
    }
    int created = 0, updated = 0;
    bool touchedGeometry = false;

private:
    struct Known {
        std::int64_t fid;
        bool hasPosition;
        double lat, lon;
        bool hasName;
    };
    sql::Database& m_db;
    QString m_fileName;
    std::unordered_map<std::string, Known> m_known;
};

/** HMAC-SHA256 with a random key per UTC day, held in memory only (DESIGN §4). */
class Pseudonymiser {
public:
    void apply(std::string_view plate, std::int64_t t, ParsedRead& r) {
        const std::int64_t day = timefmt::epochDay(t);
        auto it = m_keys.find(day);
        if (it == m_keys.end()) {
            std::array<unsigned char, 32> k{};
            if (RAND_bytes(k.data(), static_cast<int>(k.size())) != 1)
                throw Error::store(QStringLiteral("no random numbers available for --pseudonymise"));
            it = m_keys.emplace(day, k).first;
        }
        // Normalise the plate so that "1-abc-234" and "1ABC234" meet.
        std::string norm;
        for (char c : plate)
            if (std::isalnum(static_cast<unsigned char>(c)))
                norm.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        unsigned int len = 0;
        r.key[0] = 'm';
        HMAC(EVP_sha256(), it->second.data(), static_cast<int>(it->second.size()),
             reinterpret_cast<const unsigned char*>(norm.data()), norm.size(), r.key + 1, &len);
        r.keyLen = static_cast<std::uint8_t>(len + 1);
    }
    ~Pseudonymiser() {
        for (auto& [d, k] : m_keys)
            std::fill(k.begin(), k.end(), 0);
    }

private:
    std::unordered_map<std::int64_t, std::array<unsigned char, 32>> m_keys;
};

inline int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/** The dictionary key of a pseudonym: hex decoded (h), short text as is (t), long text hashed (s). */
void pseudonymKey(std::string_view p, ParsedRead& r) {
    if (p.size() % 2 == 0 && p.size() / 2 < kMaxKey) {
        bool hex = true;
        for (std::size_t i = 0; i < p.size() && hex; i += 2) {
            const int a = hexValue(p[i]), b = hexValue(p[i + 1]);
            hex = a >= 0 && b >= 0;
            r.key[1 + i / 2] = static_cast<unsigned char>(a << 4 | b);
        }
        if (hex) {
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

bool parseDouble(std::string_view s, double* out) {
    s = CsvReader::trimmed(s);
    if (s.empty())
        return false;
    // Qt's conversion is locale-independent (GCC 12's std::from_chars for double would do as well).
    bool ok = false;
    *out = QByteArray::fromRawData(s.data(), static_cast<int>(s.size())).toDouble(&ok);
    return ok && std::isfinite(*out);
}

bool parseInt(std::string_view s, std::int64_t* out) {
    s = CsvReader::trimmed(s);
    if (s.empty())
        return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

/** Bad rows: abort with a message, or count and keep a sample, as the options say. */
class Rejections {
public:
    Rejections(const QString& file, ImportOptions::OnError mode)
        : m_file(file)
        , m_mode(mode) {}
    void add(qint64 line, const QString& column, const QString& reason) {
        if (m_mode == ImportOptions::OnError::Abort)
            throw Error::input(
                QStringLiteral("%1 %2").arg(m_file, RejectedLine{line, column, reason}.text()));
        ++count;
        if (sample.size() < kSampleSize)
            sample.append(RejectedLine{line, column, reason});
    }
    qint64 count = 0;
    QVector<RejectedLine> sample;

private:
    QString m_file;
    ImportOptions::OnError m_mode;
};

/** Warnings that repeat are counted, with the first few places. */
class Warnings {
public:
    void add(const QString& kind, qint64 line, const QString& detail) {
        auto& w = m_byKind[kind];
        if (w.count++ < 3)
            w.places << QStringLiteral("line %1%2")
                            .arg(line)
                            .arg(detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
        if (!m_order.contains(kind))
            m_order << kind;
    }
    QStringList list() const {
        QStringList out;
        for (const QString& k : m_order) {
            const auto& w = m_byKind[k];
            out << QStringLiteral("%1: %2 row(s), e.g. %3")
                       .arg(k)
                       .arg(w.count)
                       .arg(w.places.join(QStringLiteral(", ")));
        }
        return out;
    }

private:
    struct W {
        qint64 count = 0;
        QStringList places;
    };
    QHash<QString, W> m_byKind;
    QStringList m_order;
};

QString header(const FileLayout& L, Role r) {
    return L.header.value(L.col(r));
}

} // namespace

Importer::Importer(Store& store)
    : m_store(store) {}

namespace {

/** Opens the file and reads its header line; shared by import and preview. */
struct OpenedFile {
    std::unique_ptr<ByteSource> source;
    std::unique_ptr<CsvReader> reader;
    FileLayout layout;
};

OpenedFile openFile(const QString& path, const ImportOptions& o) {
    OpenedFile f;
    f.source = std::make_unique<ByteSource>(path);
    if (f.source->fileSize() == 0)
        throw Error::input(QStringLiteral("%1: the file is empty").arg(path));
    f.reader = std::make_unique<CsvReader>(*f.source);
    CsvReader::Status st = f.reader->next();
    if (st == CsvReader::Status::End)
        throw Error::input(QStringLiteral("%1: the file is empty (no header line)").arg(path));
    if (st == CsvReader::Status::Binary)
        throw Error::input(QStringLiteral("%1 line %2: binary data (NUL bytes): this is not a CSV text file")
                               .arg(path)
                               .arg(f.reader->line()));
    if (st == CsvReader::Status::TooLong)
        throw Error::input(
            QStringLiteral("%1 line 1: the header is longer than 1 MiB: this is not a CSV export").arg(path));
    if (!CsvReader::isValidUtf8(f.reader->raw()))
        throw Error::input(
            QStringLiteral("%1 line 1: the header is not UTF-8 text: this is not a CSV export").arg(path));
    if (o.timezone.size() && !LocalTime(o.timezone.toUtf8()).isValid())
        throw Error::usage(QStringLiteral("unknown time zone '%1' (use an IANA name such as Europe/Brussels)")
                               .arg(o.timezone));
    f.layout = detectLayout(f.reader->raw(), o.format, o.mapping, o.timezone, path);
    f.reader->setDelimiter(f.layout.delimiter);
    return f;
}

} // namespace

ImportPreview Importer::preview(const QString& path, const ImportOptions& options, int maxRows) {
    ImportPreview p;
    try {
        OpenedFile f = openFile(path, options);
        p.layout = f.layout;
        while (p.rows.size() < maxRows) {
            const CsvReader::Status st = f.reader->next();
            if (st == CsvReader::Status::End)
                break;
            QStringList row;
            if (st == CsvReader::Status::Record)
                for (std::string_view v : f.reader->fields())
                    row << (CsvReader::isValidUtf8(v) ? view(v) : QStringLiteral("(not UTF-8)"));
            p.rows << row;
        }
    } catch (const Error& e) {
        p.error = e.message();
    }
    return p;
}

ImportReport Importer::importFile(const QString& path, const ImportOptions& o,
                                  const std::function<void(double)>& progress,
                                  const std::atomic_bool* cancel) {
    if (m_store.isReadOnly())
        throw Error::store(QStringLiteral("%1: opened read-only; cannot import").arg(m_store.path()));
    QElapsedTimer timer;
    timer.start();
    const QString started = nowIso();
    sql::Database& db = m_store.database();
    ImportReport report;
    report.file = path;
    const QString fileName = QFileInfo(path).fileName();

    OpenedFile f = openFile(path, o);
    const FileLayout& L = f.layout;
    report.layout = L;

    // Refuse a file imported before, cheaply: same size and same first MiB, then the whole hash.
    const QString headSha = ByteSource::fileSha256(path, 1 << 20);
    auto previous = [&](const QString& sha) -> QString {
        auto st = db.prepare(
            "SELECT id, finished, rows_stored FROM imports WHERE sha256 = ? ORDER BY id DESC LIMIT 1");
        st.bind(1, sha);
        if (!st.step())
            return QString();
        return QStringLiteral(
                   "%1: this file was imported before (import #%2 on %3, %4 rows); use --force to import it "
                   "again")
            .arg(path)
            .arg(st.int64(0))
            .arg(st.text(1).left(10))
            .arg(st.int64(2));
    };
    if (!o.force) {
        auto st = db.prepare("SELECT 1 FROM imports WHERE head_sha256 = ? AND file_size = ? LIMIT 1");
        st.bind(1, headSha).bind(2, static_cast<std::int64_t>(f.source->fileSize()));
        if (st.step()) {
            const QString why = previous(ByteSource::fileSha256(path));
            if (!why.isEmpty())
                throw Error::input(why);
        }
    }

    const Progress report01(progress, cancel);
    auto cancelled = [&] { return report01.cancelled(); };

    sql::Transaction tx(db);
    {
        // The record first, so that rows can refer to it; its figures are filled in at the end.
        auto rec =
            db.prepare("INSERT INTO imports (file_name, sha256, format, started) VALUES (?, '', ?, ?)");
        rec.bind(1, fileName).bind(2, formatKey(L.format)).bind(3, started);
        rec.run();
        report.importId = db.lastInsertRowId();
    }
    CameraResolver cameras(db, fileName);
    Rejections rejections(path, o.onError);
    Warnings warnings;
    std::int64_t firstRowid = 0, lastRowid = 0, tMin = 0, tMax = 0;

    if (isReadFormat(L.format)) {
        // ---- parser thread: CSV → ParsedRead batches -------------------------------------------------
        BatchQueue queue(4);
        std::atomic_bool stopParser{false};
        qint64 rows = 0;
        const std::size_t expected = static_cast<std::size_t>(L.header.size());
        const int cTime = L.col(Role::Time), cCam = L.col(Role::Camera), cPseudo = L.col(Role::Pseudonym);
        const int cClass = L.col(Role::Class), cCountry = L.col(Role::Country);
        const int cLat = L.col(Role::Latitude), cLon = L.col(Role::Longitude), cName = L.col(Role::Name);
        const std::int64_t latest = QDateTime::currentSecsSinceEpoch() + 86400;
        std::thread parser([&] {
            try {
                LocalTime zone(L.timezone.toUtf8());
                Pseudonymiser pseudonymiser;
                std::unordered_map<std::string, std::int32_t> cameraIndex;
                std::unordered_map<std::string, std::uint16_t> countryIndex;
                countryIndex.emplace(std::string(), 0);
                Batch batch;
                batch.reads.reserve(kBatchRows);
                auto flush = [&] {
                    batch.consumed = f.source->consumed();
                    if (!queue.push(std::move(batch)))
                        throw Error::input(QStringLiteral("stopped"));
                    batch = Batch();
                    batch.reads.reserve(kBatchRows);
                };
                for (;;) {
                    if (stopParser.load())
                        return;
                    const CsvReader::Status st = f.reader->next();
                    if (st == CsvReader::Status::End)
                        break;
                    ++rows;
                    const qint64 line = f.reader->line();
                    if (st == CsvReader::Status::TooLong) {
                        rejections.add(line, QString(), QStringLiteral("the line is longer than 1 MiB"));
                        continue;
                    }
                    if (st == CsvReader::Status::Binary) {
                        rejections.add(line, QString(), QStringLiteral("binary data (NUL bytes)"));
                        continue;
                    }
                    const auto& v = f.reader->fields();
                    if (v.size() != expected) {
                        rejections.add(
                            line, QString(),
                            QStringLiteral("%1 fields where the header has %2").arg(v.size()).arg(expected));
                        continue;
                    }
                    ParsedRead r;
                    // time
                    const std::string_view ts = v[static_cast<std::size_t>(cTime)];
                    const timeparse::Result tr = timeparse::parseAny(ts, zone, &r.t);
                    if (tr == timeparse::Result::Bad) {
                        rejections.add(
                            line, header(L, Role::Time),
                            QStringLiteral("%1 is not a timestamp (expected 2026-03-02T07:45:12Z or "
                                           "02/03/2026 08:45:12)")
                                .arg(shown(ts)));
                        continue;
                    }
                    if (tr == timeparse::Result::Nonexistent) {
                        rejections.add(
                            line, header(L, Role::Time),
                            QStringLiteral("%1 does not exist in %2 (the clocks went forward that night)")
                                .arg(shown(ts), L.timezone));
                        continue;
                    }
                    if (r.t < kEarliest) {
                        rejections.add(line, header(L, Role::Time),
                                       QStringLiteral("%1 is before 2000").arg(shown(ts)));
                        continue;
                    }
                    if (r.t > latest) {
                        rejections.add(line, header(L, Role::Time),
                                       QStringLiteral("%1 is in the future").arg(shown(ts)));
                        continue;
                    }
                    // camera
                    const std::string_view cam = CsvReader::trimmed(v[static_cast<std::size_t>(cCam)]);
                    if (cam.empty()) {
                        rejections.add(line, header(L, Role::Camera), QStringLiteral("no camera"));
                        continue;
                    }
                    if (!CsvReader::isValidUtf8(cam)) {
                        rejections.add(line, header(L, Role::Camera), QStringLiteral("invalid UTF-8"));
                        continue;
                    }
                    // pseudonym: the privacy guard stops the whole import, whatever --on-error says
                    const std::string_view pseudo = CsvReader::trimmed(v[static_cast<std::size_t>(cPseudo)]);
                    if (pseudo.empty()) {
                        rejections.add(line, header(L, Role::Pseudonym), QStringLiteral("no pseudonym"));
                        continue;
                    }
                    if (o.pseudonymise) {
                        pseudonymiser.apply(pseudo, r.t, r);
                    } else {
                        const PrivacyGuard::Verdict verdict = PrivacyGuard::check(pseudo);
                        if (verdict != PrivacyGuard::Verdict::Pseudonym)
                            throw Error::input(
                                QStringLiteral("%1 line %2, column '%3': the value %4; nothing was stored")
                                    .arg(path)
                                    .arg(line)
                                    .arg(header(L, Role::Pseudonym), PrivacyGuard::reason(verdict)));
                        pseudonymKey(pseudo, r);
                    }
                    // class
                    r.cls = vehicleclass::Unknown;
                    if (cClass >= 0) {
                        const std::string_view label =
                            CsvReader::trimmed(v[static_cast<std::size_t>(cClass)]);
                        const int code = vehicleclass::fromLabel(label);
                        if (code < 0)
                            warnings.add(QStringLiteral("unknown vehicle class stored as unknown"), line,
                                         shown(label));
                        else
                            r.cls = static_cast<std::uint8_t>(code);
                    }
                    // country
                    r.country = 0;
                    if (cCountry >= 0) {
                        std::string c(CsvReader::trimmed(v[static_cast<std::size_t>(cCountry)]));
                        for (char& ch : c)
                            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                        const bool ok = c.size() <= 3 && std::all_of(c.begin(), c.end(), [](char ch) {
                                            return ch >= 'A' && ch <= 'Z';
                                        });
                        if (!ok) {
                            warnings.add(QStringLiteral("country code not understood, left empty"), line,
                                         shown(c));
                            c.clear();
                        }
                        auto it = countryIndex.find(c);
                        if (it == countryIndex.end()) {
                            it = countryIndex.emplace(c, static_cast<std::uint16_t>(countryIndex.size()))
                                     .first;
                            batch.newCountries.push_back(c);
                        }
                        r.country = it->second;
                    }
                    // camera index (and position, for ANPR Metrics)
                    std::string camKey(cam);
                    auto ci = cameraIndex.find(camKey);
                    if (ci == cameraIndex.end()) {
                        NewCamera nc;
                        nc.id = camKey;
                        if (cLat >= 0 && cLon >= 0) {
                            double lat = 0, lon = 0;
                            if (parseDouble(v[static_cast<std::size_t>(cLat)], &lat) &&
                                parseDouble(v[static_cast<std::size_t>(cLon)], &lon) && lat >= -90 &&
                                lat <= 90 && lon >= -180 && lon <= 180) {
                                nc.lat = lat;
                                nc.lon = lon;
                                nc.hasPosition = true;
                            } else {
                                warnings.add(QStringLiteral("camera position not understood"), line,
                                             QString());
                            }
                        }
                        if (cName >= 0) {
                            const std::string_view nm =
                                CsvReader::trimmed(v[static_cast<std::size_t>(cName)]);
                            if (CsvReader::isValidUtf8(nm))
                                nc.name = std::string(nm);
                        }
                        ci = cameraIndex.emplace(camKey, static_cast<std::int32_t>(cameraIndex.size())).first;
                        batch.newCameras.push_back(std::move(nc));
                    }
                    r.camera = ci->second;
                    batch.reads.push_back(r);
                    if (batch.reads.size() >= kBatchRows)
                        flush();
                }
                flush();
                queue.close();
            } catch (...) {
                queue.close(std::current_exception());
            }
        });
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
        } joinGuard{parser, queue, stopParser};

        // ---- this thread: dictionary and rows into the sidecar ----------------------------------------
        std::int64_t nextId = 1;
        bool dictionaryWasEmpty = true;
        {
            auto st = db.prepare("SELECT max(id) FROM l0.pseudonyms");
            if (st.step() && !st.isNull(0)) {
                nextId = st.int64(0) + 1;
                dictionaryWasEmpty = false;
            }
            auto r = db.prepare("SELECT coalesce(max(rowid), 0) FROM l0.reads");
            r.step();
            firstRowid = r.int64(0) + 1;
        }
        // Building the dictionary's index once at the end is much faster than keeping it up to date.
        if (dictionaryWasEmpty)
            db.exec("DROP INDEX l0.pseudonyms_key");
        bool mayBeStored = !dictionaryWasEmpty;
        PseudonymCache cache;
        auto findStored = db.prepare("SELECT id FROM l0.pseudonyms WHERE key = ?");
        auto addPseudonym = db.prepare("INSERT INTO l0.pseudonyms (id, key) VALUES (?, ?)");
        auto addCountry = db.prepare("INSERT OR IGNORE INTO l0.countries (code) VALUES (?)");
        auto countryId = db.prepare("SELECT id FROM l0.countries WHERE code = ?");
        QString multi =
            QStringLiteral("INSERT INTO l0.reads (camera, t, vehicle, class, country) VALUES (?,?,?,?,?)");
        for (int i = 1; i < kRowsPerInsert; ++i)
            multi += QStringLiteral(",(?,?,?,?,?)");
        auto insertMany = db.prepare(multi);
        auto insertOne =
            db.prepare("INSERT INTO l0.reads (camera, t, vehicle, class, country) VALUES (?,?,?,?,?)");
        std::vector<std::int64_t> cameraFid;
        std::vector<std::int64_t> countryFid = {0};
        std::vector<std::int64_t> vehicle;
        bool first = true;
        Batch b;
        while (queue.pop(&b)) {
            if (cancelled())
                throw Error::input(QStringLiteral("%1: import cancelled; nothing was stored").arg(path));
            for (const NewCamera& c : b.newCameras)
                cameraFid.push_back(cameras.resolve(c));
            for (const std::string& c : b.newCountries) {
                const QString code = QString::fromStdString(c);
                addCountry.bind(1, code);
                addCountry.run();
                countryId.bind(1, code);
                countryId.step();
                countryFid.push_back(countryId.int64(0));
                countryId.reset();
            }
            vehicle.resize(b.reads.size());
            for (std::size_t i = 0; i < b.reads.size(); ++i) {
                const ParsedRead& r = b.reads[i];
                const std::uint64_t h = PseudonymCache::hash(r.key, r.keyLen);
                std::int64_t id = cache.find(r.key, r.keyLen, h);
                if (id < 0) {
                    const QByteArray key =
                        QByteArray::fromRawData(reinterpret_cast<const char*>(r.key), r.keyLen);
                    if (mayBeStored) {
                        findStored.bindBlob(1, key);
                        if (findStored.step())
                            id = findStored.int64(0);
                        findStored.reset();
                    }
                    if (id < 0) {
                        id = nextId++;
                        addPseudonym.bind(1, id).bindBlob(2, key);
                        addPseudonym.run();
                        ++report.pseudonymsNew;
                    }
                    if (!cache.insert(r.key, r.keyLen, h, id)) {
                        // The cache overflowed and forgot: from now on the dictionary table answers too,
                        // so it needs its index.
                        if (dictionaryWasEmpty)
                            db.exec("CREATE UNIQUE INDEX l0.pseudonyms_key ON pseudonyms(key)");
                        dictionaryWasEmpty = false;
                        mayBeStored = true;
                    }
                }
                vehicle[i] = id;
                if (first) {
                    tMin = tMax = r.t;
                    first = false;
                }
                tMin = std::min(tMin, r.t);
                tMax = std::max(tMax, r.t);
            }
            std::size_t i = 0;
            for (; i + kRowsPerInsert <= b.reads.size(); i += kRowsPerInsert) {
                for (int k = 0; k < kRowsPerInsert; ++k) {
                    const ParsedRead& r = b.reads[i + static_cast<std::size_t>(k)];
                    const int p = k * 5;
                    insertMany.bind(p + 1, cameraFid[static_cast<std::size_t>(r.camera)]);
                    insertMany.bind(p + 2, r.t);
                    insertMany.bind(p + 3, vehicle[i + static_cast<std::size_t>(k)]);
                    insertMany.bind(p + 4, static_cast<int>(r.cls));
                    insertMany.bind(p + 5, countryFid[r.country]);
                }
                insertMany.step();
                insertMany.reset();
            }
            for (; i < b.reads.size(); ++i) {
                const ParsedRead& r = b.reads[i];
                insertOne.bind(1, cameraFid[static_cast<std::size_t>(r.camera)])
                    .bind(2, r.t)
                    .bind(3, vehicle[i]);
                insertOne.bind(4, static_cast<int>(r.cls)).bind(5, countryFid[r.country]);
                insertOne.run();
            }
            report.stored += static_cast<qint64>(b.reads.size());
            report01(0.95 * static_cast<double>(b.consumed) /
                     std::max<double>(1.0, static_cast<double>(f.source->fileSize())));
        }
        if (dictionaryWasEmpty)
            db.exec("CREATE UNIQUE INDEX l0.pseudonyms_key ON pseudonyms(key)");
        lastRowid = report.stored > 0 ? db.lastInsertRowId() : firstRowid - 1;
        report.rows = rows;
    } else {
        // ---- aggregates from privacy-proof cameras: small files, one thread ---------------------------
        LocalTime zone(L.timezone.toUtf8());
        const bool counts = L.format == ImportFormat::Counts;
        std::int64_t periodStart = 0, periodMinutes = 0;
        bool havePeriod = false;
        if (!o.period.isEmpty()) {
            const QStringList parts = o.period.split(QLatin1Char('/'));
            std::int64_t a = 0, b = 0;
            const QByteArray pa = parts.value(0).toUtf8(), pb = parts.value(1).toUtf8();
            if (parts.size() != 2 ||
                timeparse::parseAny(std::string_view(pa.constData(), static_cast<std::size_t>(pa.size())),
                                    zone, &a) != timeparse::Result::Ok ||
                timeparse::parseAny(std::string_view(pb.constData(), static_cast<std::size_t>(pb.size())),
                                    zone, &b) != timeparse::Result::Ok ||
                b <= a)
                throw Error::usage(
                    QStringLiteral("--period must be START/END with END after START (got '%1')")
                        .arg(o.period));
            periodStart = a;
            periodMinutes = (b - a) / 60;
            havePeriod = true;
        }
        const bool needPeriod = L.col(Role::PeriodStart) < 0;
        if (needPeriod && !havePeriod)
            warnings.add(
                QStringLiteral("no period in the file: flows stored without one (give --period START/END)"),
                1, QString());
        std::unordered_map<std::string, std::int64_t> seen;
        auto camera = [&](std::string_view id) {
            std::string key(id);
            if (!seen.count(key)) {
                NewCamera nc;
                nc.id = key;
                seen.emplace(key, cameras.resolve(nc));
            }
        };
        auto insCount =
            db.prepare("INSERT INTO agg_counts (import_id, camera_id, period_start, period_minutes, "
                       "vehicle_class, vehicles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        auto insFlow =
            db.prepare("INSERT INTO agg_pairflows (import_id, from_camera, to_camera, period_start, "
                       "period_minutes, vehicles, mean_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        const std::size_t expected = static_cast<std::size_t>(L.header.size());
        qint64 rows = 0;
        for (;;) {
            if (cancelled())
                throw Error::input(QStringLiteral("%1: import cancelled; nothing was stored").arg(path));
            const CsvReader::Status st = f.reader->next();
            if (st == CsvReader::Status::End)
                break;
            ++rows;
            const qint64 line = f.reader->line();
            if (st != CsvReader::Status::Record) {
                rejections.add(line, QString(),
                               st == CsvReader::Status::TooLong
                                   ? QStringLiteral("the line is longer than 1 MiB")
                                   : QStringLiteral("binary data (NUL bytes)"));
                continue;
            }
            const auto& v = f.reader->fields();
            if (v.size() != expected) {
                rejections.add(
                    line, QString(),
                    QStringLiteral("%1 fields where the header has %2").arg(v.size()).arg(expected));
                continue;
            }
            auto field = [&](Role r) { return CsvReader::trimmed(v[static_cast<std::size_t>(L.col(r))]); };
            std::int64_t vehicles = 0;
            if (!parseInt(field(Role::Vehicles), &vehicles) || vehicles < 0) {
                rejections.add(line, header(L, Role::Vehicles),
                               QStringLiteral("%1 is not a vehicle count").arg(shown(field(Role::Vehicles))));
                continue;
            }
            std::int64_t start = periodStart, minutes = periodMinutes;
            bool hasPeriod = havePeriod;
            if (!needPeriod) {
                const timeparse::Result tr = timeparse::parseAny(field(Role::PeriodStart), zone, &start);
                if (tr != timeparse::Result::Ok || start < kEarliest) {
                    rejections.add(line, header(L, Role::PeriodStart),
                                   QStringLiteral("%1 is not a valid period start")
                                       .arg(shown(field(Role::PeriodStart))));
                    continue;
                }
                hasPeriod = true;
                if (L.col(Role::PeriodMinutes) >= 0 &&
                    (!parseInt(field(Role::PeriodMinutes), &minutes) || minutes <= 0)) {
                    rejections.add(line, header(L, Role::PeriodMinutes),
                                   QStringLiteral("%1 is not a number of minutes")
                                       .arg(shown(field(Role::PeriodMinutes))));
                    continue;
                }
            }
            const QString periodText =
                hasPeriod ? QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate) : QString();
            if (counts) {
                const std::string_view cam = field(Role::Camera);
                if (cam.empty() || !CsvReader::isValidUtf8(cam)) {
                    rejections.add(line, header(L, Role::Camera), QStringLiteral("no camera"));
                    continue;
                }
                int cls = vehicleclass::Unknown;
                if (L.col(Role::Class) >= 0) {
                    cls = vehicleclass::fromLabel(field(Role::Class));
                    if (cls < 0) {
                        warnings.add(QStringLiteral("unknown vehicle class stored as unknown"), line,
                                     shown(field(Role::Class)));
                        cls = vehicleclass::Unknown;
                    }
                }
                camera(cam);
                insCount.bind(1, report.importId).bind(2, view(cam)).bind(3, periodText);
                if (hasPeriod)
                    insCount.bind(4, minutes);
                else
                    insCount.bindNull(4);
                insCount.bind(5, QString::fromLatin1(vehicleclass::key(cls))).bind(6, vehicles);
                insCount.run();
            } else {
                std::string_view from, to;
                std::string pair;
                if (L.col(Role::FromCamera) >= 0 && L.col(Role::ToCamera) >= 0) {
                    from = field(Role::FromCamera);
                    to = field(Role::ToCamera);
                } else {
                    pair = std::string(field(Role::Pair));
                    std::size_t sep = pair.find_first_of("_>|");
                    if (sep == std::string::npos || pair.find_first_of("_>|", sep + 1) != std::string::npos) {
                        rejections.add(line, header(L, Role::Pair),
                                       QStringLiteral("%1 is not a camera pair 'from_to'").arg(shown(pair)));
                        continue;
                    }
                    from = std::string_view(pair).substr(0, sep);
                    to = std::string_view(pair).substr(sep + 1);
                }
                if (from.empty() || to.empty() || !CsvReader::isValidUtf8(from) ||
                    !CsvReader::isValidUtf8(to)) {
                    rejections.add(line, QString(), QStringLiteral("no camera pair"));
                    continue;
                }
                double mean = 0;
                const bool hasMean = L.col(Role::MeanSeconds) >= 0 && !field(Role::MeanSeconds).empty();
                if (hasMean && (!parseDouble(field(Role::MeanSeconds), &mean) || mean < 0)) {
                    rejections.add(
                        line, header(L, Role::MeanSeconds),
                        QStringLiteral("%1 is not a number of seconds").arg(shown(field(Role::MeanSeconds))));
                    continue;
                }
                camera(from);
                camera(to);
                insFlow.bind(1, report.importId).bind(2, view(from)).bind(3, view(to)).bind(4, periodText);
                if (hasPeriod)
                    insFlow.bind(5, minutes);
                else
                    insFlow.bindNull(5);
                insFlow.bind(6, vehicles);
                if (hasMean)
                    insFlow.bind(7, mean);
                else
                    insFlow.bindNull(7);
                insFlow.run();
            }
            ++report.stored;
            if (rows % 4096 == 0)
                report01(0.95 * static_cast<double>(f.source->consumed()) /
                         std::max<double>(1.0, static_cast<double>(f.source->fileSize())));
        }
        report.rows = rows;
    }

    report.rejected = rejections.count;
    report.sample = rejections.sample;
    report.warnings = warnings.list();
    report.camerasCreated = cameras.created;
    report.camerasUpdated = cameras.updated;
    report.sha256 = f.source->sha256();
    if (report.rows == 0)
        throw Error::input(QStringLiteral("%1: has a header but no rows").arg(path));
    if (report.stored == 0)
        throw Error::input(QStringLiteral("%1: none of its %2 rows could be imported; the first: %3")
                               .arg(path)
                               .arg(report.rows)
                               .arg(report.sample.isEmpty() ? QString() : report.sample.first().text()));
    if (!o.force) {
        const QString why = previous(report.sha256);
        if (!why.isEmpty())
            throw Error::input(why);
    }

    // ---- the import record ---------------------------------------------------------------------------
    QJsonArray sample;
    for (const RejectedLine& r : report.sample)
        sample.append(QJsonObject{{QStringLiteral("line"), r.line},
                                  {QStringLiteral("column"), r.column},
                                  {QStringLiteral("reason"), r.reason}});
    auto rec = db.prepare(
        "UPDATE imports SET file_name=?1, file_path=?2, sha256=?3, head_sha256=?4, file_size=?5, "
        "format=?6, delimiter=?7, mapping=?8, timezone=?9, rows_read=?10, rows_stored=?11, "
        "rows_rejected=?12, rejected_sample=?13, warnings=?14, cameras_created=?15, first_rowid=?16, "
        "last_rowid=?17, t_min=?18, t_max=?19, pseudonymised=?20, forced=?21, started=?22, "
        "finished=?23, user=?24 WHERE id=?25");
    rec.bind(1, fileName).bind(2, QFileInfo(path).absoluteFilePath()).bind(3, report.sha256).bind(4, headSha);
    rec.bind(5, static_cast<std::int64_t>(f.source->fileSize())).bind(6, formatKey(L.format));
    rec.bind(7, QString(QLatin1Char(L.delimiter))).bind(8, L.mappingText()).bind(9, L.timezone);
    rec.bind(10, report.rows).bind(11, report.stored).bind(12, report.rejected);
    rec.bind(13, QString::fromUtf8(QJsonDocument(sample).toJson(QJsonDocument::Compact)));
    rec.bind(14,
             QString::fromUtf8(
                 QJsonDocument(QJsonArray::fromStringList(report.warnings)).toJson(QJsonDocument::Compact)));
    rec.bind(15, report.camerasCreated);
    if (isReadFormat(L.format)) {
        rec.bind(16, firstRowid).bind(17, lastRowid).bind(18, tMin).bind(19, tMax);
    } else {
        rec.bindNull(16).bindNull(17).bindNull(18).bindNull(19);
    }
    rec.bind(20, o.pseudonymise ? 1 : 0).bind(21, o.force ? 1 : 0).bind(22, started).bind(23, nowIso());
    rec.bind(24, qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
    rec.bind(25, report.importId);
    rec.run();
    if (cameras.created || cameras.touchedGeometry)
        gpkg::refreshExtent(db, QStringLiteral("cameras"), QStringLiteral("geom"));
    if (cancelled())
        throw Error::input(QStringLiteral("%1: import cancelled; nothing was stored").arg(path));
    tx.commit();
    report.seconds = timer.elapsed() / 1000.0;
    report01(1.0);
    return report;
}

} // namespace stroom
