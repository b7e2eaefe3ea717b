#pragma once

#include "camera.h"

#include <QMap>
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
    void removeAlias(const QString& alias);
    QMap<QString, QString> aliases();
    /** The owner \a name stands for under the mapping table (itself when unmapped). */
    QString ownerFor(const QString& name);
    /** Applies the table to incoming cameras (owner from owner, else operator). */
    void normalise(QVector<Camera>& cameras);
    /** Applies the table to the stored cameras; returns how many changed. */
    int applyAliases();

    /** \brief Two spellings that probably mean one owner. */
    struct Suggestion {
        QString a, b;
        double score; ///< 0..1
    };
    /** Near-duplicate owner/operator names among the stored cameras, best first. */
    QVector<Suggestion> suggestMerges(double threshold = 0.75);
    /** How alike two names are (0..1), ignoring case, accents, punctuation and legal forms. */
    static double similarity(const QString& a, const QString& b);

    QMap<QString, int> countsByOwner();

    /** The fields of the public register (L3): nothing operational, nothing internal. */
    static const QStringList& publicFields();
    /**
     * Writes the register (\a publicOnly: the public fields only) as GeoJSON, CSV or GeoPackage by the file
     * name, and records it in the audit trail (layer L3 for the public register). Returns the rows written.
     */
    int exportRegister(const QString& path, bool publicOnly, const QString& purpose);

private:
    Store& m_store;
};

} // namespace stroom
