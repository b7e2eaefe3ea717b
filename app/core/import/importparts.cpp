#include "import/importparts.h"

#include "privacy/privacyguard.h"

#include "common/error.h"
#include "common/timeparse.h"

#include <QDateTime>

#include <charconv>
#include <cmath>

namespace stroom::importing {

QString nowIso() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QString view(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<int>(s.size()));
}
/** A value quoted for a message, shortened. */
QString shown(std::string_view s) {
    if (PrivacyGuard::looksLikeIdentifier(s))
        return QStringLiteral("(a value like a number plate or a pseudonym, not shown)");
    QString v = CsvReader::isValidUtf8(s) ? view(s.substr(0, 40)) : QStringLiteral("(not UTF-8)");
    if (s.size() > 40)
        v += QStringLiteral("…");
    return QStringLiteral("'%1'").arg(v);
}

void refusePlateLikeCameraId(std::string_view id, const QString& path, qint64 line, const QString& column) {
    if (!PrivacyGuard::looksLikeIdentifier(id))
        return;
    throw Error::input(
        QStringLiteral("%1 line %2%3: a camera id that looks like a number plate or a pseudonym; "
                       "Stroom stores nothing plate-like outside the pseudonym column, so nothing "
                       "was stored")
            .arg(path)
            .arg(line)
            .arg(column.isEmpty() ? QString() : QStringLiteral(", column '%1'").arg(column)));
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

QString header(const FileLayout& L, Role r) {
    return L.header.value(L.col(r));
}

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

ImportContext::Next ImportContext::nextRow(const std::vector<std::string_view>** fields, qint64* line) {
    CsvReader& reader = *file.reader;
    const CsvReader::Status st = reader.next();
    if (st == CsvReader::Status::End)
        return Next::End;
    ++rowsRead;
    *line = reader.line();
    if (st != CsvReader::Status::Record) {
        rejections.add(*line, QString(),
                       st == CsvReader::Status::TooLong ? QStringLiteral("the line is longer than 1 MiB")
                                                        : QStringLiteral("binary data (NUL bytes)"));
        return Next::Skip;
    }
    const std::size_t expected = static_cast<std::size_t>(file.layout.header.size());
    if (reader.fields().size() != expected) {
        rejections.add(
            *line, QString(),
            QStringLiteral("%1 fields where the header has %2").arg(reader.fields().size()).arg(expected));
        return Next::Skip;
    }
    *fields = &reader.fields();
    return Next::Row;
}

void ImportContext::checkCancel() const {
    if (progress.cancelled())
        throw Error::input(QStringLiteral("%1: import cancelled; nothing was stored").arg(path));
}

void ImportContext::reportConsumed(std::int64_t consumed) const {
    progress(0.95 * static_cast<double>(consumed) /
             std::max<double>(1.0, static_cast<double>(file.source->fileSize())));
}

} // namespace stroom::importing
