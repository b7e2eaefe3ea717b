#include "import/importformat.h"

#include "common/csvreader.h"
#include "common/error.h"

#include <QRegularExpression>

namespace stroom {

QString formatKey(ImportFormat f) {
    switch (f) {
    case ImportFormat::Auto:
        return QStringLiteral("auto");
    case ImportFormat::Standard:
        return QStringLiteral("standard");
    case ImportFormat::Dutch:
        return QStringLiteral("nl");
    case ImportFormat::AnprMetrics:
        return QStringLiteral("anpr-metrics");
    case ImportFormat::Counts:
        return QStringLiteral("counts");
    case ImportFormat::PairFlows:
        return QStringLiteral("pairflows");
    }
    return QString();
}

bool formatFromKey(const QString& key, ImportFormat* out) {
    for (ImportFormat f : {ImportFormat::Auto, ImportFormat::Standard, ImportFormat::Dutch,
                           ImportFormat::AnprMetrics, ImportFormat::Counts, ImportFormat::PairFlows}) {
        if (formatKey(f) == key) {
            *out = f;
            return true;
        }
    }
    return false;
}

bool isReadFormat(ImportFormat f) {
    return f == ImportFormat::Standard || f == ImportFormat::Dutch || f == ImportFormat::AnprMetrics;
}

QString roleKey(Role r) {
    static const char* keys[] = {"time",         "camera",         "pseudonym", "class",
                                 "country",      "latitude",       "longitude", "name",
                                 "period_start", "period_minutes", "vehicles",  "from_camera",
                                 "to_camera",    "mean_seconds",   "pair",      "passages"};
    return QString::fromLatin1(keys[static_cast<int>(r)]);
}

bool roleFromKey(const QString& key, Role* out) {
    for (int i = 0; i < kRoleCount; ++i) {
        if (roleKey(static_cast<Role>(i)) == key) {
            *out = static_cast<Role>(i);
            return true;
        }
    }
    return false;
}

QStringList aliases(Role r) {
    switch (r) {
    case Role::Time:
        return {QStringLiteral("timestamp"),     QStringLiteral("tijdstip"),     QStringLiteral("time"),
                QStringLiteral("datetime"),      QStringLiteral("date_time"),    QStringLiteral("datumtijd"),
                QStringLiteral("datum_tijd"),    QStringLiteral("passage_time"), QStringLiteral("read_time"),
                QStringLiteral("timestamp_utc"), QStringLiteral("passagetijd"),  QStringLiteral("tijd")};
    case Role::Camera:
        return {QStringLiteral("camera_id"),   QStringLiteral("camera"),    QStringLiteral("cameraid"),
                QStringLiteral("deviceid"),    QStringLiteral("device_id"), QStringLiteral("device"),
                QStringLiteral("camera_code"), QStringLiteral("site_id")};
    case Role::Pseudonym:
        return {
            QStringLiteral("plate_hash"), QStringLiteral("kenteken_hash"), QStringLiteral("pseudonym"),
            QStringLiteral("pseudoniem"), QStringLiteral("hash"),          QStringLiteral("plate"),
            QStringLiteral("kenteken"),   QStringLiteral("nummerplaat"),   QStringLiteral("vehicle_id"),
            QStringLiteral("plate_id"),   QStringLiteral("license_plate"), QStringLiteral("registration")};
    case Role::Class:
        return {QStringLiteral("vehicle_class"),  QStringLiteral("voertuigcategorie"),
                QStringLiteral("class"),          QStringLiteral("categorie"),
                QStringLiteral("voertuigklasse"), QStringLiteral("category"),
                QStringLiteral("vehicle_type"),   QStringLiteral("voertuigtype")};
    case Role::Country:
        return {QStringLiteral("country"),  QStringLiteral("land"),        QStringLiteral("country_code"),
                QStringLiteral("landcode"), QStringLiteral("nationality"), QStringLiteral("nationaliteit")};
    case Role::Latitude:
        return {QStringLiteral("latitude"), QStringLiteral("lat"), QStringLiteral("breedtegraad")};
    case Role::Longitude:
        return {QStringLiteral("longitude"), QStringLiteral("lon"), QStringLiteral("lng"),
                QStringLiteral("lengtegraad")};
    case Role::Name:
        return {QStringLiteral("name"), QStringLiteral("naam"), QStringLiteral("camera_name"),
                QStringLiteral("location")};
    case Role::PeriodStart:
        return {QStringLiteral("period_start"), QStringLiteral("periode_start"), QStringLiteral("start"),
                QStringLiteral("interval_start"), QStringLiteral("begin")};
    case Role::PeriodMinutes:
        return {QStringLiteral("period_minutes"), QStringLiteral("periode_minuten"),
                QStringLiteral("minutes"), QStringLiteral("interval_minutes"),
                QStringLiteral("duur_minuten")};
    case Role::Vehicles:
        return {QStringLiteral("vehicles"), QStringLiteral("voertuigen"), QStringLiteral("count"),
                QStringLiteral("aantal"),   QStringLiteral("total"),      QStringLiteral("n")};
    case Role::FromCamera:
        return {QStringLiteral("from_camera"), QStringLiteral("van_camera"), QStringLiteral("from"),
                QStringLiteral("origin")};
    case Role::ToCamera:
        return {QStringLiteral("to_camera"), QStringLiteral("naar_camera"), QStringLiteral("to"),
                QStringLiteral("destination")};
    case Role::MeanSeconds:
        return {QStringLiteral("mean_seconds"), QStringLiteral("gemiddelde_seconden"),
                QStringLiteral("avg_time"), QStringLiteral("mean_time"), QStringLiteral("avg_seconds")};
    case Role::Pair:
        return {QStringLiteral("pair"), QStringLiteral("id"), QStringLiteral("od"),
                QStringLiteral("from_to")};
    case Role::Passages:
        return {QStringLiteral("passages"), QStringLiteral("passages_count"), QStringLiteral("doorgangen")};
    case Role::Count_:
        break;
    }
    return {};
}

std::vector<Role> requiredRoles(ImportFormat f) {
    switch (f) {
    case ImportFormat::Standard:
    case ImportFormat::Dutch:
        return {Role::Time, Role::Camera, Role::Pseudonym};
    case ImportFormat::AnprMetrics:
        return {Role::Time, Role::Camera, Role::Pseudonym, Role::Latitude, Role::Longitude};
    case ImportFormat::Counts:
        return {Role::Camera, Role::PeriodStart, Role::PeriodMinutes, Role::Vehicles};
    case ImportFormat::PairFlows:
        return {Role::Vehicles};
    case ImportFormat::Auto:
        break;
    }
    return {};
}

QString FileLayout::mappingText() const {
    QStringList parts;
    for (int i = 0; i < kRoleCount; ++i)
        if (column[static_cast<std::size_t>(i)] >= 0)
            parts << QStringLiteral("%1=%2").arg(roleKey(static_cast<Role>(i)),
                                                 header.value(column[static_cast<std::size_t>(i)]));
    return parts.join(QStringLiteral(", "));
}

namespace {

QString normaliseName(QString s) {
    s = s.trimmed().toLower();
    if (s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')) && s.size() >= 2)
        s = s.mid(1, s.size() - 2);
    s.replace(QLatin1Char(' '), QLatin1Char('_'));
    s.replace(QLatin1Char('-'), QLatin1Char('_'));
    return s;
}

} // namespace

namespace {

/** The header's fields, split with the same quoting rules as the data. */
void splitHeader(FileLayout& L, std::string_view headerLine) {
    QString field;
    bool q = false;
    const QString h = QString::fromUtf8(headerLine.data(), static_cast<int>(headerLine.size()));
    for (QChar c : h) {
        if (c == QLatin1Char('"')) {
            q = !q;
            continue;
        }
        if (!q && c == QLatin1Char(L.delimiter)) {
            L.header << field.trimmed();
            field.clear();
            continue;
        }
        field += c;
    }
    L.header << field.trimmed();
}

/** Aliases first, earlier aliases winning; each column serves one role. */
void mapByAliases(FileLayout& L, const QStringList& names) {
    std::vector<bool> used(static_cast<std::size_t>(names.size()), false);
    for (int r = 0; r < kRoleCount; ++r) {
        for (const QString& a : aliases(static_cast<Role>(r))) {
            const int idx = names.indexOf(a);
            if (idx >= 0 && !used[static_cast<std::size_t>(idx)]) {
                L.column[static_cast<std::size_t>(r)] = idx;
                used[static_cast<std::size_t>(idx)] = true;
                break;
            }
        }
    }
}

/** An explicit --mapping wins over aliases. */
void mapExplicitly(FileLayout& L, const QStringList& names, const QHash<QString, QString>& overrides,
                   const QString& fileName) {
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        Role role;
        if (!roleFromKey(it.key(), &role))
            throw Error::usage(
                QStringLiteral(
                    "--mapping: unknown role '%1' (known: time, camera, pseudonym, class, country, "
                    "latitude, longitude, name, period_start, period_minutes, vehicles, "
                    "from_camera, to_camera, mean_seconds, pair)")
                    .arg(it.key()));
        bool isNumber = false;
        const int number = it.value().toInt(&isNumber);
        int idx = isNumber ? number - 1 : names.indexOf(normaliseName(it.value()));
        if (idx < 0 || idx >= names.size())
            throw Error::input(
                QStringLiteral("%1 line 1: --mapping %2=%3 names no column (the header has: %4)")
                    .arg(fileName, it.key(), it.value(), L.header.join(QStringLiteral(", "))));
        for (auto& c : L.column)
            if (c == idx)
                c = -1;
        L.column[static_cast<std::size_t>(role)] = idx;
    }
}

/** The format the columns say (when not asked for one). */
ImportFormat detectFormat(const FileLayout& L, const QStringList& names, const QString& fileName) {
    auto has = [&](Role r) { return L.col(r) >= 0; };
    if ((has(Role::FromCamera) && has(Role::ToCamera)) ||
        (has(Role::Pair) && has(Role::Vehicles) && !has(Role::Pseudonym)))
        return ImportFormat::PairFlows;
    if (has(Role::PeriodStart) && has(Role::Vehicles) && has(Role::Camera))
        return ImportFormat::Counts;
    if (has(Role::Pseudonym) && has(Role::Latitude) && has(Role::Longitude))
        return ImportFormat::AnprMetrics;
    if (!has(Role::Pseudonym) && !has(Role::Time))
        throw Error::input(
            QStringLiteral("%1 line 1: the header (%2) is not one Stroom knows: expected ANPR reads "
                           "(timestamp, camera_id, plate_hash …), counts or pair flows; name the "
                           "columns with --mapping")
                .arg(fileName, L.header.join(QStringLiteral(", "))));
    static const QStringList dutch = {QStringLiteral("tijdstip"),          QStringLiteral("kenteken_hash"),
                                      QStringLiteral("voertuigcategorie"), QStringLiteral("land"),
                                      QStringLiteral("kenteken"),          QStringLiteral("datumtijd")};
    bool isDutch = L.delimiter == ';';
    for (const QString& n : names)
        isDutch = isDutch || dutch.contains(n);
    return isDutch ? ImportFormat::Dutch : ImportFormat::Standard;
}

/** Refuses a layout that misses a column its format needs. */
void checkRequired(FileLayout& L, const QString& fileName) {
    auto has = [&](Role r) { return L.col(r) >= 0; };
    if (L.format != ImportFormat::PairFlows)
        L.column[static_cast<std::size_t>(Role::Pair)] = -1;
    for (Role r : requiredRoles(L.format)) {
        if (!has(r))
            throw Error::input(
                QStringLiteral("%1 line 1: no column for '%2' in the %3 format (looked for %4); the "
                               "header has: %5. Name it with --mapping %2=COLUMN")
                    .arg(fileName, roleKey(r), formatKey(L.format), aliases(r).join(QStringLiteral(", ")),
                         L.header.join(QStringLiteral(", "))));
    }
    if (L.format == ImportFormat::PairFlows && !has(Role::Pair) &&
        !(has(Role::FromCamera) && has(Role::ToCamera)))
        throw Error::input(
            QStringLiteral("%1 line 1: pair flows need from_camera and to_camera columns (or one 'from_to' "
                           "column such as ID)")
                .arg(fileName));
}

} // namespace

FileLayout detectLayout(std::string_view headerLine, ImportFormat requested,
                        const QHash<QString, QString>& overrides, const QString& timezone,
                        const QString& fileName) {
    FileLayout L;
    L.delimiter = CsvReader::sniffDelimiter(headerLine);
    splitHeader(L, headerLine);
    QStringList names;
    for (const QString& h : L.header)
        names << normaliseName(h);
    mapByAliases(L, names);
    mapExplicitly(L, names, overrides, fileName);
    // A "pair" alias such as "id" only counts for pair flows when no from/to columns exist.
    L.format = requested == ImportFormat::Auto ? detectFormat(L, names, fileName) : requested;
    checkRequired(L, fileName);
    L.timezone = !timezone.isEmpty() ? timezone
                                     : (L.format == ImportFormat::Dutch ? QStringLiteral("Europe/Brussels")
                                                                        : QStringLiteral("UTC"));
    return L;
}

} // namespace stroom
