#pragma once

#include "import/importformat.h"
#include "import/pseudonymkeys.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace stroom {

class Store;

/** \brief How to import (DESIGN §11 `stroom-cli import`). */
struct ImportOptions {
    ImportFormat format = ImportFormat::Auto;
    QHash<QString, QString> mapping; ///< role key → column name or 1-based number
    QString timezone;                ///< IANA id for local times; default Europe/Brussels (nl) or UTC
    enum class OnError { Abort, Skip } onError = OnError::Abort;
    bool pseudonymise = false; ///< HMAC-SHA256 the plate column with keys kept in memory only (pseudonymKeys)
    /** The keys of --pseudonymise, shared by every file of one command (made per file when not given). */
    std::shared_ptr<PseudonymKeys> pseudonymKeys;
    PseudonymKeys::Rotation keyRotation = PseudonymKeys::Rotation::Daily;
    bool force = false; ///< import a file even if it was imported before
    QString period;     ///< "START/END" for aggregate files without period columns
    /** The most pseudonyms an import holds in memory (about 60 bytes each); past it, what it has met goes to
     * the store's dictionary and is read back from there by bucket as needed. */
    std::size_t pseudonymsInMemory = 16000000;
};

/** \brief A rejected line: where and why. */
struct RejectedLine {
    qint64 line = 0;
    QString column;
    QString reason;
    QString text() const;
};

/** \brief What importing one file did. */
struct ImportReport {
    QString file;
    QString sha256;
    FileLayout layout;
    qint64 importId = -1;
    qint64 rows = 0;              ///< data rows read
    qint64 stored = 0;            ///< rows stored (reads, counts or pair flows)
    qint64 rejected = 0;          ///< rows skipped as bad
    QVector<RejectedLine> sample; ///< the first rejected lines
    QStringList warnings;
    int camerasCreated = 0; ///< unknown cameras added, flagged unregistered
    int camerasUpdated = 0; ///< cameras placed or moved by the file (ANPR Metrics)
    qint64 pseudonymsNew = 0;
    qint64 keyCuts = -1; ///< with --pseudonymise: trips a key rotation boundary cut (so far in the command)
    QString keyRotation; ///< with --pseudonymise: the rotation in words
    double seconds = 0;
    QString summary() const;
};

/** \brief The first rows of a file as the importer would read them, for the import dialog. */
struct ImportPreview {
    FileLayout layout;
    QList<QStringList> rows;
    QString error; ///< why the file cannot be imported as it is, if so
};

/**
 * \brief Imports ANPR exports into a project (DESIGN §3–§4): reads into the L0 sidecar, aggregates
 * from privacy-proof cameras into L2 tables, each file in one transaction.
 *
 * Reads are parsed on a second thread while this one writes, in batches; memory stays bounded whatever
 * the file size. A clear plate stops the import before anything is stored; a bad row aborts the file
 * (with file, line, column and reason) or is skipped and counted, as the options say. Cancelling, a
 * failure or a crash leave the store as it was.
 */
class Importer {
public:
    explicit Importer(Store& store);

    /** Throws Error::input (bad input, refused duplicate, cancelled) or Error::store. */
    ImportReport importFile(const QString& path, const ImportOptions& options,
                            const std::function<void(double)>& progress = {},
                            const std::atomic_bool* cancel = nullptr);

    static ImportPreview preview(const QString& path, const ImportOptions& options, int maxRows = 20);

private:
    Store& m_store;
};

} // namespace stroom
