#include "governance/purge.h"

#include "common/error.h"
#include "common/sqlite.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "flows/flowcube.h"
#include "store/pseudonymdictionary.h"
#include "store/readblocks.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QDateTime>

#include <algorithm>
#include <cstring>
#include <vector>

namespace stroom {

namespace {

/** Checks that an import range names an import with reads. */
void checkImport(Store& store, const Purge::Range& r) {
    if (r.kind != Purge::Range::Kind::Import)
        return;
    auto st = store.database().prepare("SELECT first_rowid FROM imports WHERE id = ?");
    st.bind(1, r.importId);
    if (!st.step())
        throw Error::usage(
            QStringLiteral("purge: there is no import %1 (see the imports table)").arg(r.importId));
    if (st.isNull(0))
        throw Error::usage(
            QStringLiteral(
                "purge: import %1 holds no reads (purged already, or aggregates, which are never purged)")
                .arg(r.importId));
}

/** The reads a range removes (with dryRun, what it would). */
ReadBlocks::Removed removeReads(Store& store, const Purge::Range& r, bool dryRun) {
    ReadBlocks blocks(store.database());
    switch (r.kind) {
    case Purge::Range::Kind::Before:
        return blocks.removeBefore(r.beforeUtc, dryRun);
    case Purge::Range::Kind::Import:
        return blocks.removeImport(r.importId, dryRun);
    case Purge::Range::Kind::All:
        break;
    }
    return blocks.removeAll(dryRun);
}

/** The boundary trips are not rebuilt before: the end of what goes, up to a whole local hour. */
std::int64_t boundaryOf(Store& store, const Purge::Range& r) {
    std::int64_t end = r.beforeUtc;
    if (r.kind != Purge::Range::Kind::Before)
        end =
            ReadBlocks(store.database()).totals(r.kind == Purge::Range::Kind::Import ? r.importId : 0).tMax +
            1;
    LocalTime zone(store.timeZone().toUtf8());
    const std::int64_t local = end + zone.offsetAt(end);
    const std::int64_t rest = ((local % 3600) + 3600) % 3600;
    return rest == 0 ? end : end + (3600 - rest);
}

Purge::Result measure(Store& store, const Purge::Range& r) {
    Purge::Result res;
    const ReadBlocks::Removed would = removeReads(store, r, true);
    res.reads = would.reads;
    res.pseudonyms = static_cast<qint64>(would.orphans.size());
    if (r.trips && r.kind != Purge::Range::Kind::Import) {
        TripDays trips(store.database());
        res.trips = r.kind == Purge::Range::Kind::All ? trips.count() : trips.countBefore(r.beforeUtc);
    }
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
    checkImport(store, range);
    return measure(store, range);
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
    sql::Database& db = store.database();
    res.boundary = boundaryOf(store, range);
    db.exec("PRAGMA l0.secure_delete = ON");
    {
        sql::Transaction tx(db);
        // The reads go, and the pseudonyms only they used with them. Their numbers are not given again
        // (the kept trips and cube cells count vehicles by number): the next import starts from the reads
        // meta's next_vehicle, which every import sets and a purge leaves.
        const ReadBlocks::Removed removed = removeReads(store, range, false);
        PseudonymDictionary(db).remove(removed.orphans);
        // The imports' row ranges shrink to the rows they still hold (none: no range); the next import's
        // rows start after the highest ever given (l0.meta next_row), never inside an earlier range.
        ReadBlocks(db).updateImportRanges();
        if (range.trips) {
            TripDays trips(db);
            if (range.kind == Range::Kind::All)
                trips.removeAll();
            else
                trips.removeBefore(range.beforeUtc);
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
            write.bindBlob(1, od ? cube.odBytes(day) : cube.countBytes(day)).bind(2, day);
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
