#pragma once

// What the import's two paths (reads; aggregates) share: the opened file, camera resolution, bad rows,
// warnings and value parsing. Internal to import/.

#include "common/bytesource.h"
#include "common/csvreader.h"
#include "common/geometry.h"
#include "common/progress.h"
#include "common/sqlite.h"
#include "import/importer.h"
#include "store/geopackage.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stroom::importing {

constexpr std::int64_t kEarliest = 946684800; // 2000-01-01T00:00:00Z
constexpr int kSampleSize = 20;

QString nowIso();
QString view(std::string_view s);
/** A value quoted for a message, shortened. */
QString shown(std::string_view s);
bool parseDouble(std::string_view s, double* out);
bool parseInt(std::string_view s, std::int64_t* out);
/**
 * Error::input when a camera id named by a file looks like a number plate or a pseudonym (DESIGN §2:
 * nothing plate-like outside the pseudonym column); the message names file, line and column, not the value.
 */
void refusePlateLikeCameraId(std::string_view id, const QString& path, qint64 line, const QString& column);
/** The header of the column a role is mapped to. */
QString header(const FileLayout& L, Role r);

/** A camera named by a file, with what the file says of it. */
struct NewCamera {
    std::string id, name;
    double lat = 0, lon = 0;
    bool hasPosition = false;
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
    /** A warning about the whole file (no line). */
    void note(const QString& text) { m_notes << text; }
    QStringList list() const {
        QStringList out = m_notes;
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
    QStringList m_notes;
    struct W {
        qint64 count = 0;
        QStringList places;
    };
    QHash<QString, W> m_byKind;
    QStringList m_order;
};

/** Opens the file and reads its header line; shared by import and preview. */
struct OpenedFile {
    std::unique_ptr<ByteSource> source;
    std::unique_ptr<CsvReader> reader;
    FileLayout layout;
};

OpenedFile openFile(const QString& path, const ImportOptions& o);

/** One file's import under way: what both paths read from and write to. */
struct ImportContext {
    sql::Database& db;
    const QString& path;
    const ImportOptions& options;
    OpenedFile& file;
    ImportReport& report;
    CameraResolver& cameras;
    Rejections& rejections;
    Warnings& warnings;
    const Progress& progress;
    QByteArray zone; ///< the project's time zone (reads are stored per local day)
    std::int64_t firstRowid = 0, lastRowid = 0, tMin = 0, tMax = 0; ///< the reads path fills these
    qint64 rowsRead = 0; ///< data rows read so far, bad ones included
    enum class Next { Row, Skip, End };
    /**
     * Reads the next line: Row with its fields, Skip when it was rejected (too long, binary, a field count
     * other than the header's; through Rejections), End at the end of the file.
     */
    Next nextRow(const std::vector<std::string_view>** fields, qint64* line);
    /** Throws "import cancelled; nothing was stored" when cancel was asked. */
    void checkCancel() const;
    /** Reports the share of the file read so far (up to 95 %; the rest is the record). */
    void reportConsumed(std::int64_t consumed) const;
};

/** Reads into the L0 sidecar: a parser thread and this thread writing, in batches. */
void importReads(ImportContext& ctx);
/** Counts and pair flows from privacy-proof cameras into their tables. */
void importAggregates(ImportContext& ctx);

} // namespace stroom::importing
