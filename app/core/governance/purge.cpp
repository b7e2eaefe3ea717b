#include "governance/purge.h"

#include "common/error.h"
#include "common/sqlite.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "flows/flowcube.h"
#include "store/store.h"

#include <QDateTime>

#include <algorithm>
#include <cstring>
#include <vector>

namespace stroom {

namespace {

std::int64_t scalar(sql::Database& db, const QString& sql, std::int64_t a = 0, std::int64_t b = 0) {
    auto st = db.prepare(sql);
    if (sql.contains(QLatin1String("?1")))
        st.bind(1, a);
    if (sql.contains(QLatin1String("?2")))
        st.bind(2, b);
    return st.step() && !st.isNull(0) ? st.int64(0) : 0;
}

/** The WHERE clause on l0.reads for a range, with its two bound values. */
struct Where {
    QString reads;
    std::int64_t a = 0, b = 0;
};

Where whereOf(Store& store, const Purge::Range& r) {
    switch (r.kind) {
    case Purge::Range::Kind::Before:
        return Where{QStringLiteral("t < ?1"), r.beforeUtc, 0};
    case Purge::Range::Kind::Import: {
        auto st = store.database().prepare("SELECT first_rowid, last_rowid FROM imports WHERE id = ?");
        st.bind(1, r.importId);
        if (!st.step())
            throw Error::usage(
                QStringLiteral("purge: there is no import %1 (see the imports table)").arg(r.importId));
        if (st.isNull(0))
            throw Error::usage(
                QStringLiteral(
                    "purge: import %1 holds no reads (purged already, or aggregates, which are never purged)")
                    .arg(r.importId));
        return Where{QStringLiteral("rowid BETWEEN ?1 AND ?2"), st.int64(0), st.int64(1)};
    }
    case Purge::Range::Kind::All:
        return Where{QStringLiteral("1 = 1"), 0, 0};
    }
    return {};
}

/** The boundary trips are not rebuilt before: the end of what goes, up to a whole local hour. */
std::int64_t boundaryOf(Store& store, const Purge::Range& r, const Where& w) {
    sql::Database& db = store.database();
    std::int64_t end =
        r.kind == Purge::Range::Kind::Before
            ? r.beforeUtc
            : scalar(db, QStringLiteral("SELECT max(t) + 1 FROM l0.reads WHERE %1").arg(w.reads), w.a, w.b);
    LocalTime zone(store.timeZone().toUtf8());
    const std::int64_t local = end + zone.offsetAt(end);
    const std::int64_t rest = ((local % 3600) + 3600) % 3600;
    return rest == 0 ? end : end + (3600 - rest);
}

Purge::Result measure(Store& store, const Purge::Range& r, const Where& w) {
    sql::Database& db = store.database();
    Purge::Result res;
    res.reads = scalar(db, QStringLiteral("SELECT count(*) FROM l0.reads WHERE %1").arg(w.reads), w.a, w.b);
    if (r.trips && r.kind != Purge::Range::Kind::Import)
        res.trips =
            r.kind == Purge::Range::Kind::All
                ? scalar(db, QStringLiteral("SELECT count(*) FROM l0.trips"))
                : scalar(db, QStringLiteral("SELECT count(*) FROM l0.trips WHERE start < ?1"), r.beforeUtc);
    res.pseudonyms =
        scalar(db,
               QStringLiteral("SELECT count(*) FROM l0.pseudonyms WHERE id IN (SELECT vehicle FROM "
                              "l0.reads WHERE %1) AND id NOT IN (SELECT vehicle FROM l0.reads "
                              "WHERE NOT (%1))")
                   .arg(w.reads),
               w.a, w.b);
    return res;
}

} // namespace

QString Purge::Result::summary() const {
    return QStringLiteral("%1 reads, %2 trips and %3 pseudonyms removed; every aggregate kept")
        .arg(reads)
        .arg(trips)
        .arg(pseudonyms);
}

Purge::Result Purge::preview(Store& store, const Range& range) {
    if (range.trips && range.kind == Range::Kind::Import)
        throw Error::usage(
            QStringLiteral("purge: --trips goes with --before, --older-than or --all (a trip may span "
                           "imports)"));
    return measure(store, range, whereOf(store, range));
}

Purge::Result Purge::run(Store& store, const Range& range, const QString& purpose) {
    if (store.isReadOnly())
        throw Error::store(QStringLiteral("%1: opened read-only; cannot purge").arg(store.path()));
    if (purpose.trimmed().isEmpty())
        throw Error::usage(
            QStringLiteral("purge: --purpose TEXT is required (a purge is recorded with why)"));
    Result res = preview(store, range);
    if (res.reads == 0 && res.trips == 0)
        return res; // nothing matched: nothing to do, nothing to record
    const Where w = whereOf(store, range);
    sql::Database& db = store.database();
    res.boundary = boundaryOf(store, range, w);
    db.exec("PRAGMA l0.secure_delete = ON");
    {
        sql::Transaction tx(db);
        // Numbers are never given twice: the kept trips and cube cells count vehicles by number.
        const std::int64_t nextVehicle = std::max<std::int64_t>(
            store.meta(Store::Sidecar::Reads, QStringLiteral("next_vehicle")).toLongLong(),
            scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM l0.pseudonyms")));
        store.setMeta(Store::Sidecar::Reads, QStringLiteral("next_vehicle"), QString::number(nextVehicle));
        // The pseudonyms only the purged reads use go with them.
        auto orphans =
            db.prepare(QStringLiteral("DELETE FROM l0.pseudonyms WHERE id IN (SELECT vehicle FROM l0.reads "
                                      "WHERE %1) AND id NOT IN (SELECT vehicle FROM l0.reads WHERE NOT (%1))")
                           .arg(w.reads));
        auto reads = db.prepare(QStringLiteral("DELETE FROM l0.reads WHERE %1").arg(w.reads));
        for (sql::Statement* st : {&orphans, &reads}) {
            if (w.reads.contains(QLatin1String("?1")))
                st->bind(1, w.a);
            if (w.reads.contains(QLatin1String("?2")))
                st->bind(2, w.b);
            st->run();
        }
        // The imports' row ranges shrink to the rows they still hold (none: no range), so the rows of a
        // later import never fall in an earlier one's range.
        db.exec(R"sql(
UPDATE imports SET
  first_rowid = (SELECT min(rowid) FROM l0.reads WHERE rowid BETWEEN imports.first_rowid AND imports.last_rowid),
  last_rowid = (SELECT max(rowid) FROM l0.reads WHERE rowid BETWEEN imports.first_rowid AND imports.last_rowid)
WHERE first_rowid IS NOT NULL
)sql");
        if (range.trips) {
            auto trips = db.prepare(range.kind == Range::Kind::All ? "DELETE FROM l0.trips"
                                                                   : "DELETE FROM l0.trips WHERE start < ?");
            if (range.kind != Range::Kind::All)
                trips.bind(1, range.beforeUtc);
            trips.run();
        }
        // Trips and the cube are never rebuilt before the boundary: their reads are gone.
        const std::int64_t earlier =
            store.meta(Store::Sidecar::Cube, QStringLiteral("purged_before")).toLongLong();
        store.setMeta(Store::Sidecar::Cube, QStringLiteral("purged_before"),
                      QString::number(std::max(earlier, res.boundary)));
        Store::AuditEntry e;
        e.action = QStringLiteral("purge");
        e.purpose = purpose;
        e.layer = range.trips ? QStringLiteral("L0+L1") : QStringLiteral("L0");
        e.parameters = QStringLiteral("%1; %2").arg(range.text, res.summary());
        store.audit(e);
        unlinkKept(store);
        tx.commit();
    }
    db.exec("VACUUM l0");   // the freed pages go too
    db.exec("VACUUM cube"); // and the cube's pages from before the unlinking
    return res;
}

int Purge::unlinkKept(Store& store) {
    if (store.isReadOnly())
        return 0;
    const QString boundary = store.meta(Store::Sidecar::Cube, QStringLiteral("purged_before"));
    if (boundary.isEmpty())
        return 0;
    // Days wholly before the boundary: the boundary day keeps its early hours linked to the rebuilt rest.
    LocalTime zone(store.timeZone().toUtf8());
    std::int64_t boundaryDay;
    int hour;
    FlowCube::localDayHour(boundary.toLongLong(), zone, &boundaryDay, &hour);
    const std::int64_t done =
        store.meta(Store::Sidecar::Cube, QStringLiteral("unlinked_before")).toLongLong();
    const bool any = !store.meta(Store::Sidecar::Cube, QStringLiteral("unlinked_before")).isEmpty();
    if (any && done >= boundaryDay)
        return 0;
    sql::Database& db = store.database();
    sql::Transaction tx(db);
    std::uint32_t next = static_cast<std::uint32_t>(
        std::max<qint64>(FlowCube::kUnlinkedBase,
                         store.meta(Store::Sidecar::Cube, QStringLiteral("unlinked_next")).toLongLong()));
    int days = 0;
    for (const char* table : {"cube_od", "cube_counts"}) {
        // One day at a time: memory bounded by the largest day.
        std::vector<std::int64_t> list;
        {
            auto st =
                db.prepare(QStringLiteral("SELECT day FROM cube.%1 WHERE day < ?1 AND day >= ?2 ORDER BY day")
                               .arg(QLatin1String(table)));
            st.bind(1, boundaryDay).bind(2, any ? done : INT64_MIN);
            while (st.step())
                list.push_back(st.int64(0));
        }
        const bool od = std::strcmp(table, "cube_od") == 0;
        auto read =
            db.prepare(QStringLiteral("SELECT cells FROM cube.%1 WHERE day = ?").arg(QLatin1String(table)));
        auto write = db.prepare(
            QStringLiteral("UPDATE cube.%1 SET cells = ? WHERE day = ?").arg(QLatin1String(table)));
        for (const std::int64_t day : list) {
            read.bind(1, day);
            if (!read.step())
                continue;
            FlowCube cube;
            if (od)
                cube.unpackOd(day, read.blob(0));
            else
                cube.unpackCounts(day, read.blob(0));
            read.reset();
            if (!cube.unlinkDay(day, &next))
                continue;
            write.bindBlob(1, od ? cube.packOd(day) : cube.packCounts(day)).bind(2, day);
            write.run();
            days += od ? 1 : 0;
        }
    }
    store.setMeta(Store::Sidecar::Cube, QStringLiteral("unlinked_next"), QString::number(next));
    store.setMeta(Store::Sidecar::Cube, QStringLiteral("unlinked_before"), QString::number(boundaryDay));
    if (store.readsWereReplaced()) {
        Store::AuditEntry e;
        e.action = QStringLiteral("reads file replaced");
        e.purpose = QStringLiteral("the reads file was missing when the project was opened");
        e.layer = QStringLiteral("L0");
        e.parameters =
            QStringLiteral("a new empty reads file; every aggregate kept, %1 days unlinked, nothing "
                           "rebuilt before %2")
                .arg(days)
                .arg(QDateTime::fromSecsSinceEpoch(boundary.toLongLong(), Qt::UTC).toString(Qt::ISODate));
        store.audit(e);
    }
    tx.commit();
    return days;
}

std::int64_t Purge::localMidnight(Store& store, const QDate& day) {
    LocalTime zone(store.timeZone().toUtf8());
    LocalTime::Kind kind;
    return zone.toUtc(QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch(), &kind);
}

int Purge::retentionDays(Store& store) {
    return std::max(0, store.setting(QStringLiteral("retention_days"), QStringLiteral("0")).toInt());
}

Purge::Result Purge::setRetention(Store& store, int days, const QString& purpose) {
    if (purpose.trimmed().isEmpty())
        throw Error::usage(
            QStringLiteral("purge: --purpose TEXT is required to change the retention period"));
    {
        sql::Transaction tx(store.database());
        const int before = retentionDays(store);
        store.setSetting(QStringLiteral("retention_days"), QString::number(std::max(0, days)));
        Store::AuditEntry e;
        e.action = QStringLiteral("retention period changed");
        e.purpose = purpose;
        e.layer = QStringLiteral("L0");
        e.parameters = QStringLiteral("from %1 to %2 days (0: none)").arg(before).arg(days);
        store.audit(e);
        tx.commit();
    }
    return applyRetention(store);
}

Purge::Result Purge::applyRetention(Store& store) {
    const int days = retentionDays(store);
    if (days <= 0 || store.isReadOnly())
        return {};
    // Whole local days: reads from before local midnight, `days` days ago.
    LocalTime zone(store.timeZone().toUtf8());
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    const std::int64_t today = timefmt::epochDay(now + zone.offsetAt(now));
    Range r;
    r.kind = Range::Kind::Before;
    r.beforeUtc = localMidnight(store, QDate(1970, 1, 1).addDays(today - days));
    r.text = QStringLiteral("retention: reads older than %1 days").arg(days);
    return run(store, r, QStringLiteral("retention period of %1 days").arg(days));
}

} // namespace stroom
