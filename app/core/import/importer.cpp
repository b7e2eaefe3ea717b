#include "import/importer.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "import/importparts.h"
#include "store/geopackage.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    if (keyCuts >= 0)
        s += QStringLiteral("; pseudonymised with keys rotating %1: %2 trip(s) cut by a rotation so far")
                 .arg(keyRotation)
                 .arg(keyCuts);
    return s;
}

using namespace importing;

Importer::Importer(Store& store)
    : m_store(store) {}

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

namespace {

/** "this file was imported before (…); use --force" when a file with that SHA-256 is recorded. */
QString importedBefore(sql::Database& db, const QString& path, const QString& sha) {
    auto st = db.prepare(
        "SELECT id, finished, rows_stored FROM imports WHERE sha256 = ? AND rows_stored > 0 "
        "ORDER BY id DESC LIMIT 1"); // a file without rows counted nothing: importing it again is harmless
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
}

/** Refuses a file imported before, cheaply: same size and same first MiB, then the whole hash. */
void refuseRepeat(sql::Database& db, const QString& path, const QString& headSha, std::int64_t size) {
    auto st = db.prepare("SELECT 1 FROM imports WHERE head_sha256 = ? AND file_size = ? LIMIT 1");
    st.bind(1, headSha).bind(2, size);
    if (!st.step())
        return;
    const QString why = importedBefore(db, path, ByteSource::fileSha256(path));
    if (!why.isEmpty())
        throw Error::input(why);
}

/** What the file gave, or why it gave nothing. */
void finishReport(ImportContext& ctx) {
    ImportReport& report = ctx.report;
    if (report.rows == 0 &&
        (ctx.file.layout.format == ImportFormat::Counts || ctx.file.layout.format == ImportFormat::PairFlows))
        ctx.warnings.note(QStringLiteral("no rows: nothing to import for this period"));
    report.rejected = ctx.rejections.count;
    report.sample = ctx.rejections.sample;
    report.warnings = ctx.warnings.list();
    report.camerasCreated = ctx.cameras.created;
    report.camerasUpdated = ctx.cameras.updated;
    report.sha256 = ctx.file.source->sha256();
    // An aggregate file may have no rows: a quiet interval, or one where every cell was under k (stroom-edge
    // writes those too, so that a missing file means a missing interval). Reads files may not.
    const bool aggregates =
        ctx.file.layout.format == ImportFormat::Counts || ctx.file.layout.format == ImportFormat::PairFlows;
    if (report.rows == 0 && !aggregates)
        throw Error::input(QStringLiteral("%1: has a header but no rows").arg(ctx.path));

    if (report.stored == 0 && report.rows > 0)
        throw Error::input(QStringLiteral("%1: none of its %2 rows could be imported; the first: %3")
                               .arg(ctx.path)
                               .arg(report.rows)
                               .arg(report.sample.isEmpty() ? QString() : report.sample.first().text()));
    if (!ctx.options.force && report.rows > 0) { // a file without rows cannot count anything twice
        const QString why = importedBefore(ctx.db, ctx.path, report.sha256);
        if (!why.isEmpty())
            throw Error::input(why);
    }
}

QString compactJson(const QJsonArray& a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

/** The import record: file, hashes, layout, counts, sample of rejected rows, warnings, rowid and time span.
 */
void writeRecord(const ImportContext& ctx, const QString& headSha, const QString& started) {
    const ImportReport& report = ctx.report;
    const FileLayout& L = ctx.file.layout;
    QJsonArray sample;
    for (const RejectedLine& r : report.sample)
        sample.append(QJsonObject{{QStringLiteral("line"), r.line},
                                  {QStringLiteral("column"), r.column},
                                  {QStringLiteral("reason"), r.reason}});
    auto rec = ctx.db.prepare(
        "UPDATE imports SET file_name=?1, file_path=?2, sha256=?3, head_sha256=?4, file_size=?5, "
        "format=?6, delimiter=?7, mapping=?8, timezone=?9, rows_read=?10, rows_stored=?11, "
        "rows_rejected=?12, rejected_sample=?13, warnings=?14, cameras_created=?15, first_rowid=?16, "
        "last_rowid=?17, t_min=?18, t_max=?19, pseudonymised=?20, forced=?21, started=?22, "
        "finished=?23, user=?24 WHERE id=?25");
    rec.bind(1, QFileInfo(ctx.path).fileName()).bind(2, QFileInfo(ctx.path).absoluteFilePath());
    rec.bind(3, report.sha256).bind(4, headSha);
    rec.bind(5, static_cast<std::int64_t>(ctx.file.source->fileSize())).bind(6, formatKey(L.format));
    rec.bind(7, QString(QLatin1Char(L.delimiter))).bind(8, L.mappingText()).bind(9, L.timezone);
    rec.bind(10, report.rows).bind(11, report.stored).bind(12, report.rejected);
    rec.bind(13, compactJson(sample)).bind(14, compactJson(QJsonArray::fromStringList(report.warnings)));
    rec.bind(15, report.camerasCreated);
    if (isReadFormat(L.format))
        rec.bind(16, ctx.firstRowid).bind(17, ctx.lastRowid).bind(18, ctx.tMin).bind(19, ctx.tMax);
    else
        rec.bindNull(16).bindNull(17).bindNull(18).bindNull(19);
    rec.bind(20, ctx.options.pseudonymise ? 1 : 0).bind(21, ctx.options.force ? 1 : 0);
    rec.bind(22, started).bind(23, nowIso());
    rec.bind(24, qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
    rec.bind(25, report.importId);
    rec.run();
}

} // namespace

ImportReport Importer::importFile(const QString& path, const ImportOptions& given,
                                  const std::function<void(double)>& progress,
                                  const std::atomic_bool* cancel) {
    ImportOptions o = given;
    if (o.pseudonymise && !o.pseudonymKeys) // one file on its own: keys of its own
        o.pseudonymKeys = std::make_shared<PseudonymKeys>(o.keyRotation, m_store.timeZone().toUtf8());
    if (m_store.isReadOnly())
        throw Error::store(QStringLiteral("%1: opened read-only; cannot import").arg(m_store.path()));
    QElapsedTimer timer;
    timer.start();
    const QString started = nowIso();
    sql::Database& db = m_store.database();
    ImportReport report;
    report.file = path;
    OpenedFile f = openFile(path, o);
    report.layout = f.layout;
    const QString headSha = ByteSource::fileSha256(path, 1 << 20);
    if (!o.force)
        refuseRepeat(db, path, headSha, static_cast<std::int64_t>(f.source->fileSize()));

    sql::Transaction tx(db);
    {
        // The record first, so that rows can refer to it; its figures are filled in at the end.
        auto rec =
            db.prepare("INSERT INTO imports (file_name, sha256, format, started) VALUES (?, '', ?, ?)");
        rec.bind(1, QFileInfo(path).fileName()).bind(2, formatKey(f.layout.format)).bind(3, started);
        rec.run();
        report.importId = db.lastInsertRowId();
    }
    CameraResolver cameras(db, QFileInfo(path).fileName());
    Rejections rejections(path, o.onError);
    Warnings warnings;
    const Progress steps(progress, cancel);
    ImportContext ctx{db,      path,       o,        f,     report,
                      cameras, rejections, warnings, steps, m_store.timeZone().toUtf8()};
    if (isReadFormat(f.layout.format))
        importReads(ctx);
    else
        importAggregates(ctx);
    finishReport(ctx);
    if (o.pseudonymKeys) {
        report.keyCuts = o.pseudonymKeys->cuts();
        report.keyRotation = o.pseudonymKeys->describe();
    }
    writeRecord(ctx, headSha, started);
    if (cameras.created || cameras.touchedGeometry)
        gpkg::refreshExtent(db, QStringLiteral("cameras"), QStringLiteral("geom"));
    ctx.checkCancel();
    tx.commit();
    report.seconds = timer.elapsed() / 1000.0;
    steps(1.0);
    return report;
}

} // namespace stroom
