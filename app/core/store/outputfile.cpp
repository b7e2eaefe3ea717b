#include "store/outputfile.h"

#include "common/bytesource.h"
#include "common/error.h"
#include "common/sqlite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace stroom {

namespace {
/** The file's path with links resolved when it exists; else its folder's, plus its name. */
QString resolved(const QString& path) {
    const QFileInfo fi(path);
    if (fi.exists())
        return fi.canonicalFilePath();
    const QString dir = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return (dir.isEmpty() ? fi.absolutePath() : dir) + QLatin1Char('/') + fi.fileName();
}
} // namespace

void OutputFile::check(const QString& projectPath, const QString& path, bool overwrite) {
    const QString target = resolved(path);
    QStringList owns{projectPath + QStringLiteral(".lock")};
    for (const QString& file : {projectPath, Store::readsPath(projectPath), Store::cubePath(projectPath)})
        owns << file << file + QStringLiteral("-journal") << file + QStringLiteral("-wal");
    for (const QString& own : owns)
        if (resolved(own) == target)
            throw Error::usage(
                QStringLiteral("%1 is a file of the project %2: choose another output; nothing was "
                               "written")
                    .arg(path, QFileInfo(projectPath).fileName()));
    if (QFileInfo::exists(path) && !overwrite)
        throw Error::usage(
            QStringLiteral("%1 exists already: add --overwrite to replace it (nothing was written)")
                .arg(path));
}

OutputFile::OutputFile(Store& store, const QString& path, bool overwrite)
    : m_store(store)
    , m_path(path) {
    check(store.path(), path, overwrite);
    const QFileInfo fi(path);
    const QString suffix = fi.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + fi.completeSuffix();
    m_temp = fi.absolutePath() +
             QStringLiteral("/.stroom-%1%2").arg(QRandomGenerator::global()->generate64(), 0, 16).arg(suffix);
}

OutputFile::~OutputFile() {
    if (!m_committed)
        QFile::remove(m_temp);
}

QString OutputFile::commit(Store::AuditEntry entry) {
    if (!QFileInfo::exists(m_temp))
        throw Error::input(QStringLiteral("%1: nothing was written").arg(m_path));
    entry.output = QFileInfo(m_path).absoluteFilePath();
    entry.outputSha256 = ByteSource::fileSha256(m_temp);
    sql::Transaction tx(m_store.database());
    m_store.audit(entry);
    // rename(2) replaces an existing target in one step; a failure rolls the audit record back.
    if (std::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_path).constData()) != 0)
        throw Error::input(
            QStringLiteral("%1: cannot write: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    m_committed = true;
    try {
        tx.commit();
    } catch (...) {
        QFile::remove(m_path); // no file without its audit record
        throw;
    }
    return entry.outputSha256;
}

} // namespace stroom
