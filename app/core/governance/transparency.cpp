#include "governance/transparency.h"

#include "common/error.h"
#include "common/sqlite.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "governance/purge.h"
#include "inventory/inventory.h"
#include "privacy/disclosurepolicy.h"
#include "privacy/privacyguard.h"
#include "store/auditlog.h"
#include "store/outputfile.h"
#include "store/readblocks.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <map>
#include <tuple>

namespace stroom {

namespace {

QDate localDate(LocalTime& zone, std::int64_t utc) {
    return QDate(1970, 1, 1).addDays(timefmt::epochDay(utc + zone.offsetAt(utc)));
}

QString dateText(const QDate& d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

QString Transparency::maskedPurpose(const QString& purpose) {
    // Words only: a plate written with spaces ("1 ABC 234") is caught whole by the guard's own patterns
    // when it is one word, and word by word it is short digits and letters, which say nothing.
    static const QRegularExpression word(QStringLiteral("[^\\s,;:()\\[\\]\"']+"));
    QString out = purpose;
    auto it = word.globalMatch(purpose);
    QVector<QRegularExpressionMatch> hits;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (PrivacyGuard::looksLikeIdentifier(m.captured(0).toStdString()))
            hits << m;
    }
    for (auto h = hits.crbegin(); h != hits.crend(); ++h)
        out.replace(h->capturedStart(0), h->capturedLength(0), QStringLiteral("[…]"));
    return out.simplified();
}

Transparency Transparency::collect(Store& store) {
    Transparency t;
    t.title = store.setting(QStringLiteral("title"), QFileInfo(store.path()).completeBaseName());
    t.timeZone = store.timeZone();
    LocalTime zone(t.timeZone.toUtf8());
    if (!zone.isValid())
        throw Error::store(QStringLiteral("the project's time zone '%1' is unknown").arg(t.timeZone));
    sql::Database& db = store.database();

    const QVector<Camera> cameras = store.cameras();
    t.cameras = cameras.size();
    QMap<QString, Owner> owners;
    for (const Camera& c : cameras) {
        Owner& o = owners[c.owner.trimmed()];
        o.owner = c.owner.trimmed();
        o.perPurpose[c.purpose] += 1;
        o.total += 1;
    }
    for (const Owner& o : owners) // QMap: sorted, the unknown owner ("") first
        t.owners << o;

    // The reads kept, per local month: one pass over the times.
    {
        std::map<QString, qint64> months;
        std::int64_t first = INT64_MAX, last = INT64_MIN;
        std::int64_t monthStart = INT64_MAX, monthEnd = INT64_MIN;
        QString month;
        ReadBlocks(db).forEach([&](const StoredRead& read) {
            const std::int64_t at = read.t;
            ++t.readsKept;
            first = std::min(first, at);
            last = std::max(last, at);
            if (at < monthStart || at >= monthEnd) {
                const QDate d = localDate(zone, at);
                month = d.toString(QStringLiteral("yyyy-MM"));
                const QDate from(d.year(), d.month(), 1);
                monthStart = Purge::localMidnight(store, from);
                monthEnd = Purge::localMidnight(store, from.addMonths(1));
            }
            ++months[month];
        });
        if (t.readsKept > 0) {
            t.readsFrom = localDate(zone, first);
            t.readsTo = localDate(zone, last);
        }
        for (const auto& [m, n] : months)
            t.readsPerMonth << qMakePair(m, n);
    }
    {
        auto st =
            db.prepare("SELECT min(day), max(day) FROM (SELECT day FROM cube.cube_od UNION ALL SELECT day "
                       "FROM cube.cube_counts)");
        if (st.step() && !st.isNull(0)) {
            t.aggregatesFrom = QDate(1970, 1, 1).addDays(st.int64(0));
            t.aggregatesTo = QDate(1970, 1, 1).addDays(st.int64(1));
        }
        auto agg = db.prepare(
            "SELECT (SELECT count(*) FROM cube.agg_counts) + (SELECT count(*) FROM cube.agg_pairflows)");
        if (agg.step())
            t.importedAggregateCells = agg.int64(0);
    }
    t.retentionDays = Purge::retentionDays(store);
    if (const QString purged = store.meta(Store::Sidecar::Cube, QStringLiteral("purged_before"));
        !purged.isEmpty())
        t.purgedBefore = localDate(zone, purged.toLongLong());
    t.k = store.threshold();
    t.perturbation = store.setting(QStringLiteral("ptable"), PTable::text());

    // The uses, from the audit trail: no user, no output path, no hash.
    std::map<std::tuple<QString, QString, QString, QString>, int> uses;
    for (const AuditLog::Record& r : AuditLog::list(db)) {
        const QDateTime at = QDateTime::fromString(r.time, Qt::ISODateWithMs);
        if (!at.isValid())
            continue;
        const std::int64_t utc = at.toSecsSinceEpoch();
        const QString month = localDate(zone, utc).toString(QStringLiteral("yyyy-MM"));
        // The kind of action only ("copy (OD table, 12 rows)" → "copy", "flows, imported aggregates" →
        // "flows").
        const QString action =
            r.action.section(QLatin1Char('('), 0, 0).section(QLatin1Char(','), 0, 0).trimmed();
        uses[{month, action, maskedPurpose(r.purpose), r.layer}] += 1;
    }
    for (const auto& [key, n] : uses)
        t.uses << Use{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), n};
    return t;
}

QJsonObject Transparency::toJson() const {
    QJsonObject o;
    o[QStringLiteral("project")] = title;
    o[QStringLiteral("time_zone")] = timeZone;
    QJsonArray ownerList;
    for (const Owner& w : owners) {
        QJsonObject per;
        for (auto it = w.perPurpose.cbegin(); it != w.perPurpose.cend(); ++it)
            per[it.key()] = it.value();
        ownerList.append(QJsonObject{{QStringLiteral("owner"), w.owner},
                                     {QStringLiteral("cameras"), w.total},
                                     {QStringLiteral("by_purpose"), per}});
    }
    o[QStringLiteral("cameras")] =
        QJsonObject{{QStringLiteral("total"), cameras}, {QStringLiteral("by_owner"), ownerList}};
    QJsonArray months;
    for (const auto& m : readsPerMonth)
        months.append(QJsonObject{{QStringLiteral("month"), m.first}, {QStringLiteral("reads"), m.second}});
    o[QStringLiteral("data_held")] = QJsonObject{
        {QStringLiteral("reads_kept"), readsKept},
        {QStringLiteral("reads_from"), dateText(readsFrom)},
        {QStringLiteral("reads_to"), dateText(readsTo)},
        {QStringLiteral("reads_per_month"), months},
        {QStringLiteral("aggregates_from"), dateText(aggregatesFrom)},
        {QStringLiteral("aggregates_to"), dateText(aggregatesTo)},
        {QStringLiteral("imported_aggregate_cells"), importedAggregateCells},
        {QStringLiteral("retention_days"), retentionDays},
        {QStringLiteral("purged_before"), dateText(purgedBefore)},
    };
    o[QStringLiteral("privacy")] = QJsonObject{
        {QStringLiteral("k"), k},
        {QStringLiteral("k_unit"), QStringLiteral("distinct vehicles on one local day")},
        {QStringLiteral("perturbation"), QStringLiteral("cell key method")},
        {QStringLiteral("ptable"), perturbation},
        {QStringLiteral("max_deviation"), PTable::kMaxDeviation},
    };
    QJsonArray useList;
    for (const Use& u : uses)
        useList.append(QJsonObject{{QStringLiteral("month"), u.month},
                                   {QStringLiteral("action"), u.action},
                                   {QStringLiteral("purpose"), u.purpose},
                                   {QStringLiteral("layer"), u.layer},
                                   {QStringLiteral("count"), u.count}});
    o[QStringLiteral("uses")] = useList;
    return o;
}

int Transparency::writeGeoJson(Store& store, const QString& path, const QString& purpose,
                               bool overwrite) const {
    OutputFile file(store, path, overwrite);
    // GDAL 3.6 (Debian 12) cannot add a member to a FeatureCollection, so the file is written here; the
    // features carry the public register's fields, nothing more.
    QJsonArray features;
    int n = 0;
    for (const Camera& c : store.cameras()) {
        QMap<QString, QString> v = c.fields();
        v.insert(QStringLiteral("camera_id"), c.id);
        QJsonObject props;
        for (const QString& f : Inventory::publicFields())
            props[f] = v.value(f);
        QJsonObject feature{{QStringLiteral("type"), QStringLiteral("Feature")},
                            {QStringLiteral("properties"), props}};
        feature[QStringLiteral("geometry")] =
            c.hasPosition()
                ? QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")},
                                         {QStringLiteral("coordinates"), QJsonArray{c.lon, c.lat}}})
                : QJsonValue(QJsonValue::Null);
        features.append(feature);
        ++n;
    }
    QJsonObject doc{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                    {QStringLiteral("name"), QStringLiteral("transparency")},
                    {QStringLiteral("transparency"), toJson()},
                    {QStringLiteral("features"), features}};
    QFile out(file.temporaryPath());
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(doc).toJson(QJsonDocument::Indented)) < 0)
        throw Error::input(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
    out.close();
    file.commit(auditEntry(QStringLiteral("GeoJSON"), purpose));
    return n;
}

Store::AuditEntry Transparency::auditEntry(const QString& format, const QString& purpose) const {
    Store::AuditEntry a;
    a.action = QStringLiteral("transparency report");
    a.purpose = purpose;
    a.layer = QStringLiteral("L3");
    a.parameters = QStringLiteral("%1; cameras by owner and purpose, data held, privacy parameters, uses by "
                                  "month and purpose")
                       .arg(format);
    a.k = k;
    return a;
}

} // namespace stroom
