#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <string_view>
#include <vector>

namespace stroom {

/** \brief The input formats of DESIGN §4. */
enum class ImportFormat { Auto, Standard, Dutch, AnprMetrics, Counts, PairFlows };

QString formatKey(ImportFormat f);
/** Parses standard, nl, anpr-metrics, counts, pairflows, auto; false when unknown. */
bool formatFromKey(const QString& key, ImportFormat* out);
bool isReadFormat(ImportFormat f);

/** \brief What a column means to the importer. */
enum class Role {
    Time,
    Camera,
    Pseudonym,
    Class,
    Country,
    Latitude,
    Longitude,
    Name,
    PeriodStart,
    PeriodMinutes,
    Vehicles,
    FromCamera,
    ToCamera,
    MeanSeconds,
    Pair,     ///< "from_to" in one column (the Bath survey's ID)
    Passages, ///< counts: passages beside distinct vehicles (stroom-edge)
    Count_
};
constexpr int kRoleCount = static_cast<int>(Role::Count_);
/** The key used in --mapping and the import record: time, camera, pseudonym, class, … */
QString roleKey(Role r);
bool roleFromKey(const QString& key, Role* out);

/**
 * \brief How one file is laid out: format, delimiter, header, and which column holds which role.
 */
struct FileLayout {
    ImportFormat format = ImportFormat::Auto;
    char delimiter = ',';
    QStringList header;
    std::vector<int> column = std::vector<int>(kRoleCount, -1); ///< per Role; -1 when absent
    QString timezone;                                           ///< IANA id used for local times

    int col(Role r) const { return column[static_cast<std::size_t>(r)]; }
    /** "time=timestamp, camera=camera_id, …": the mapping as the import record keeps it. */
    QString mappingText() const;
};

/**
 * \brief Works out the layout from the header line: delimiter sniffing, header-name aliases (English and
 * Dutch), the format (unless given) and explicit overrides (role key → column name or 1-based number).
 *
 * Throws Error::input naming the file when a required column is missing or an override names none.
 */
FileLayout detectLayout(std::string_view headerLine, ImportFormat requested,
                        const QHash<QString, QString>& overrides, const QString& timezone,
                        const QString& fileName);

/** Roles a format needs. */
std::vector<Role> requiredRoles(ImportFormat f);
/** The header names Stroom recognises for a role (lower case). */
QStringList aliases(Role r);

} // namespace stroom
