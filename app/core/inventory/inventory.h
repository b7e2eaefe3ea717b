#pragma once

#include "store/camera.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

namespace stroom {

class Store;

/**
 * \brief The camera register's housekeeping (issue 6): one owner however it is spelled (a mapping
 * table the user edits, with suggestions for near-duplicates), counts by owner, and the public register.
 */
class Inventory {
public:
    explicit Inventory(Store& store);

    /** Records that \a alias (an operator or owner as written somewhere) means \a owner. */
    void setAlias(const QString& alias, const QString& owner);
    QMap<QString, QString> aliases();
    /** Applies the table to incoming cameras (owner from owner, else operator). */
    void normalise(QVector<Camera>& cameras);
    /** Applies the table to the stored cameras; returns how many changed. */
    int applyAliases();

    /** \brief Two spellings that probably mean one owner. */
    struct Suggestion {
        QString a, b;
        double score; ///< 0..1
    };
    /** Near-duplicate owner names among the stored cameras (never an operator's), best first. */
    QVector<Suggestion> suggestMerges(double threshold = 0.75);
    /** How alike two names are (0..1), ignoring case, accents, punctuation and legal forms. */
    static double similarity(const QString& a, const QString& b);

    QMap<QString, int> countsByOwner();

    /** What is wrong with a camera record, in the user's words (empty when nothing is). */
    static QStringList validate(const Camera& c);

    /**
     * Changes (or adds, when its id is new) one camera after validate() accepts it, and keeps every changed
     * field in the history (when, OS user, field, old and new value). Returns the edit's number, for undo.
     * Throws Error::input with the validation messages.
     */
    qint64 edit(const Camera& camera);
    /** Deletes a camera (its fields go to the history, so the deletion can be undone). */
    qint64 remove(const QString& cameraId);
    /** Undoes an edit (restores the old values) / redoes it; each is itself kept in the history. */
    void undo(qint64 editId);
    void redo(qint64 editId);

    /** \brief One line of a camera's history. */
    struct Change {
        qint64 editId;
        QString time, user, field, oldValue, newValue;
    };
    QVector<Change> history(const QString& cameraId);

    /** \brief How complete the register is (the dashboard). */
    struct Completeness {
        int cameras = 0;
        QMap<QString, int> byOwner, byPurpose, byStatus;
        QStringList noOwner, noLegalBasis, noPurpose;
        QStringList unregistered;      ///< not in the official register (from OSM, or seen in the data)
        QStringList seenNotRegistered; ///< of those, the ones with reads in the ANPR data
        QStringList silent;            ///< registered and active, yet no reads (in the period, if given)
        QHash<QString, QString> names; ///< every camera's name by id (for lists people read)
    };
    /**
     * The gaps of the register. \a seenInPeriod: the cameras with reads in the period the planner selected;
     * without it, a camera is silent when it has no reads at all.
     */
    Completeness completeness(const QSet<QString>* seenInPeriod = nullptr);

    /** The fields of the public register (L3): nothing operational, nothing internal. */
    static const QStringList& publicFields();
    /**
     * Writes the register (\a publicOnly: the public fields only) as GeoJSON, CSV or GeoPackage by the file
     * name, and records it in the audit trail (layer L3 for the public register). Returns the rows written.
     */
    int exportRegister(const QString& path, bool publicOnly, const QString& purpose, bool overwrite = false);

private:
    qint64 write(const Camera& camera);
    void replay(qint64 editId, bool forward);
    Store& m_store;
};

} // namespace stroom
