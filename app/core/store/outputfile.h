#pragma once

#include "store/store.h"

#include <QString>

namespace stroom {

/**
 * \brief A file written for the user (an export, a report, the public register) under DESIGN §11's
 * rules for outputs: never a file the project uses (the GeoPackage, its reads file, its lock, SQLite's
 * journals), an existing file only when the user asked to replace it, and on disk only once its audit
 * record is stored: it is written to a temporary file beside the target, which is renamed into place in
 * the audit's transaction. No file without an audit record, no audit record without its file.
 */
class OutputFile {
public:
    /** Throws Error::usage when \a path names a file of the project, or exists and \a overwrite is false. */
    OutputFile(Store& store, const QString& path, bool overwrite);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    /** Where to write (same folder and ending as the target, so GDAL picks the same driver). */
    QString temporaryPath() const { return m_temp; }
    /**
     * Records \a entry (output and SHA-256 filled in here) and moves the written file into place, both or
     * neither; returns the file's SHA-256. Throws stroom::Error.
     */
    QString commit(Store::AuditEntry entry);

    /** Error::usage when \a path is a file of the project at \a projectPath, or exists and may not be
     * replaced. */
    static void check(const QString& projectPath, const QString& path, bool overwrite);

private:
    Store& m_store;
    QString m_path, m_temp;
    bool m_committed = false;
};

} // namespace stroom
