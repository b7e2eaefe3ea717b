#pragma once

#include "store/store.h"

#include <QDate>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>

namespace stroom {

/**
 * \brief The transparency report (layer L3, citizen oversight; issue 11): what a citizen may know about a
 * project without learning anything about a vehicle or a user.
 *
 * The cameras by owner and purpose; what data is held (the reads kept, per month, the aggregates kept, the
 * retention period and the purge boundary); the privacy parameters (k, the perturbation table); and the
 * uses of the data from the audit trail, by month, action, purpose and layer, never with a user, a path or
 * a file hash. A purpose is the user's own words: anything in it that looks like a plate or a hash is
 * masked. The PDF is laid out by `maps::TransparencyListing`; the GeoJSON is the public register's cameras
 * with this report as the collection's `transparency` member.
 */
struct Transparency {
    /** Cameras of one owner, per purpose key (Camera::purposes()). */
    struct Owner {
        QString owner; ///< empty: not known
        QMap<QString, int> perPurpose;
        int total = 0;
    };
    /** The uses of one month: how often an action was recorded, for one purpose, at one layer. */
    struct Use {
        QString month; ///< yyyy-MM, local time
        QString action, purpose, layer;
        int count = 0;
    };

    QString title;
    QString timeZone;
    int cameras = 0;
    QVector<Owner> owners; ///< by owner, unknown first
    qint64 readsKept = 0;
    QDate readsFrom, readsTo; ///< local dates of the first and last kept read (invalid: none)
    QVector<QPair<QString, qint64>> readsPerMonth; ///< yyyy-MM (local), reads kept
    QDate aggregatesFrom, aggregatesTo;            ///< the cube's first and last local day (invalid: none)
    qint64 importedAggregateCells = 0;             ///< cells from privacy-proof cameras
    int retentionDays = 0;                         ///< 0: none
    QDate purgedBefore; ///< reads before this local date were purged (invalid: never)
    int k = 0;
    QString perturbation; ///< the p-table as the project records it
    QVector<Use> uses;    ///< by month, then action, purpose

    /** Reads what the report states from the project (the reads file is scanned once, for the months). */
    static Transparency collect(Store& store);
    /** Masks plate- or hash-like words of a purpose (PrivacyGuard::looksLikeIdentifier). */
    static QString maskedPurpose(const QString& purpose);
    /** The report as JSON (keys in English, values as stated above). */
    QJsonObject toJson() const;
    /**
     * Writes the GeoJSON: the cameras' public fields as points, this report as the `transparency` member.
     * Recorded in the audit trail (layer L3). Returns the cameras written.
     */
    int writeGeoJson(Store& store, const QString& path, const QString& purpose, bool overwrite) const;
    /** The audit record of a transparency report in \a format ("PDF", "GeoJSON"): layer L3. */
    Store::AuditEntry auditEntry(const QString& format, const QString& purpose) const;
};

} // namespace stroom
