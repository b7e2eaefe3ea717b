// Retention and purge (issue 11, item 2): reads go, every aggregate stays and reads as before, the purged
// pseudonyms' bytes are nowhere in the project's files, and a rebuild never reaches back before the purge.
#include "common/error.h"
#include "common/sqlite.h"
#include "common/timeparse.h"
#include "flows/flowengine.h"
#include "governance/purge.h"
#include "session/session.h"
#include "simulate/demoproject.h"
#include "store/auditlog.h"
#include "store/pseudonymdictionary.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <map>
#include <set>

using namespace stroom;

namespace {
QByteArray released(Store& s) {
    const FlowCube cube = FlowEngine(s).loadCube();
    QByteArray out;
    for (const OdFlow& f : cube.od(FlowFilter()).publish(s.disclosurePolicy()).flows)
        out += QByteArray::number(f.origin) + ',' + QByteArray::number(f.destination) + ',' +
               QByteArray::number(static_cast<qlonglong>(f.trips)) + '\n';
    for (const CameraCount& c :
         cube.counts(FlowFilter(), CountPeriod::Day, true).publish(s.disclosurePolicy()).rows)
        out += QByteArray::number(c.camera) + ',' + QByteArray::number(static_cast<qlonglong>(c.period)) +
               ',' + QByteArray::number(c.cls) + ',' +
               QByteArray::number(static_cast<qlonglong>(c.passages)) + '\n';
    return out;
}
/** Every vehicle number of each cube day before \a beforeDay (OD and counts cells). */
std::map<std::int64_t, std::set<std::uint32_t>> vehiclesByDay(Store& s, std::int64_t beforeDay) {
    std::map<std::int64_t, std::set<std::uint32_t>> out;
    for (const char* table : {"cube_od", "cube_counts"}) {
        auto st = s.database().prepare(
            QStringLiteral("SELECT day, cells FROM cube.%1 WHERE day < ?").arg(QLatin1String(table)));
        st.bind(1, beforeDay);
        while (st.step()) {
            FlowCube c;
            const bool od = table[5] == 'o';
            od ? c.unpackOd(st.int64(0), st.blob(1)) : c.unpackCounts(st.int64(0), st.blob(1));
            const QByteArray blob = od ? c.odBytes(st.int64(0)) : c.countBytes(st.int64(0));
            const std::size_t size = od ? sizeof(FlowCube::OdCell) : sizeof(FlowCube::CountCell);
            for (int i = 0; i + static_cast<int>(size) <= blob.size(); i += static_cast<int>(size)) {
                std::uint32_t v;
                // vehicle: the third field of an OD cell, the second of a counts cell
                std::memcpy(&v, blob.constData() + i + (od ? 8 : 4), sizeof v);
                out[st.int64(0)].insert(v);
            }
        }
    }
    return out;
}
/** No vehicle number of an unlinked day is a pseudonym's, and none appears on two days. */
void checkUnlinked(const std::map<std::int64_t, std::set<std::uint32_t>>& days) {
    QVERIFY(!days.empty());
    std::set<std::uint32_t> all;
    std::size_t total = 0;
    for (const auto& [day, vehicles] : days) {
        QVERIFY(*vehicles.begin() >= FlowCube::kUnlinkedBase);
        total += vehicles.size();
        all.insert(vehicles.begin(), vehicles.end());
    }
    QCOMPARE(all.size(), total);
}
QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestPurge : public QObject {
    Q_OBJECT

private slots:
    void purgeByDateKeepsEveryAggregateAndLeavesNoTrace() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 5, 120, 2000, 4);
        Store s = Store::open(p);
        const QByteArray before = released(s);
        // The purge boundary: local midnight starting the third day.
        const std::int64_t first = [&] {
            auto st = s.database().prepare("SELECT min(t) FROM stroom_reads");
            st.step();
            return st.int64(0);
        }();
        const QDate third = QDateTime::fromSecsSinceEpoch(first + 3600, Qt::UTC).date().addDays(2);
        const std::int64_t cut = QDateTime(third, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 3600; // UTC+1
        // The pseudonyms only the purged reads use, to look for afterwards.
        QList<QByteArray> gone;
        {
            QSet<qint64> goneIds;
            auto st = s.database().prepare("SELECT DISTINCT vehicle FROM stroom_reads WHERE t < ? AND "
                                           "vehicle NOT IN (SELECT vehicle FROM "
                                           "stroom_reads WHERE t >= ?)");
            st.bind(1, cut).bind(2, cut);
            while (st.step())
                goneIds.insert(st.int64(0));
            PseudonymDictionary(s.database()).forEach([&](const PseudonymDictionary::Entry& e) {
                if (goneIds.contains(e.id))
                    gone << QByteArray(reinterpret_cast<const char*>(e.key), e.len);
            });
            QCOMPARE(gone.size(), goneIds.size());
        }
        QVERIFY(gone.size() > 100);
        Purge::Range r;
        r.beforeUtc = cut;
        r.text = QStringLiteral("test");
        const Purge::Result res = Purge::run(s, r, QStringLiteral("retention test"));
        QVERIFY(res.reads > 0);
        QCOMPARE(res.pseudonyms, static_cast<qint64>(gone.size()));
        auto left = s.database().prepare("SELECT count(*) FROM stroom_reads WHERE t < ?");
        left.bind(1, cut);
        QVERIFY(left.step());
        QCOMPARE(left.int64(0), 0);
        left.reset();
        // Every released figure reads as before, and a rebuild does not reach back before the purge.
        QCOMPARE(released(s), before);
        FlowEngine(s).rebuild(TripParameters());
        QCOMPARE(released(s), before);
        // The days wholly before the boundary are unlinked: no pseudonym number, none on two days; the days
        // after it still count by pseudonym number.
        std::int64_t boundaryDay;
        int hour;
        LocalTime zone(s.timeZone().toUtf8());
        FlowCube::localDayHour(cut, zone, &boundaryDay, &hour);
        QCOMPARE(hour, 0);
        checkUnlinked(vehiclesByDay(s, boundaryDay));
        QVERIFY(*vehiclesByDay(s, INT64_MAX).rbegin()->second.begin() < FlowCube::kUnlinkedBase);
        // The purged pseudonyms' bytes are in neither file.
        s = Store();
        const QByteArray gpkg = bytesOf(p), reads = bytesOf(Store::readsPath(p));
        QVERIFY(reads.size() > 0);
        for (const QByteArray& key : gone)
            QVERIFY(!gpkg.contains(key) && !reads.contains(key));
        // Recorded in the audit trail, which still verifies.
        Store again = Store::open(p, Store::Access::ReadOnly);
        bool recorded = false;
        for (const AuditLog::Record& rec : AuditLog::list(again.database()))
            recorded = recorded || (rec.action == QLatin1String("purge") &&
                                    rec.purpose == QLatin1String("retention test"));
        QVERIFY(recorded);
        QVERIFY(AuditLog::verify(again.database()).intact);
    }

    /**
     * Files follow the layers (issue 11, item 1): a project whose reads file is gone opens, answers every
     * aggregate question as before, unlinks the kept days, says so in the audit trail, and never rebuilds
     * over them; a later import's pseudonyms and rows do not merge with what the cube counted.
     */
    void withoutItsReadsFileEveryAggregateStays() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 6, 120, 1500, 2);
        QByteArray before;
        {
            Store s = Store::open(p);
            before = released(s);
        }
        QVERIFY(!before.isEmpty());
        QVERIFY(QFile::remove(Store::readsPath(p)));
        {
            const auto session = Session::open(p);
            Store& s = session->store();
            QVERIFY(s.readsWereReplaced());
            QVERIFY(!s.hasReads());
            QCOMPARE(released(s), before);
            checkUnlinked(vehiclesByDay(s, INT64_MAX));
            QVERIFY_EXCEPTION_THROWN(s.requireReads(QStringLiteral("risk")), stroom::Error);
            bool recorded = false;
            for (const AuditLog::Record& rec : AuditLog::list(s.database()))
                recorded = recorded || rec.action == QLatin1String("reads file replaced");
            QVERIFY(recorded);
            QVERIFY(AuditLog::verify(s.database()).intact);
            // A rebuild has nothing to rebuild from and keeps what there is.
            FlowEngine(s).rebuild(TripParameters());
            QCOMPARE(released(s), before);
        }
        // Opened again (the reads file is there now, empty): nothing changes, nothing is recorded twice.
        {
            const auto session = Session::open(p, Store::Access::ReadWrite);
            QVERIFY(!session->store().readsWereReplaced());
            QCOMPARE(released(session->store()), before);
            int replaced = 0;
            for (const AuditLog::Record& rec : AuditLog::list(session->store().database()))
                replaced += rec.action == QLatin1String("reads file replaced") ? 1 : 0;
            QCOMPARE(replaced, 1);
        }
        // Read-only, without any reads file at all, it answers too.
        QVERIFY(QFile::remove(Store::readsPath(p)));
        {
            Store ro = Store::open(p, Store::Access::ReadOnly);
            QCOMPARE(released(ro), before);
        }
        // Another project's aggregates file is refused (exit 4), untouched.
        const QString other = dir.filePath(QStringLiteral("other.gpkg"));
        Store::create(other);
        QVERIFY(QFile::remove(Store::cubePath(p)));
        QVERIFY(QFile::copy(Store::cubePath(other), Store::cubePath(p)));
        try {
            Store::open(p);
            QFAIL("a foreign aggregates file must be refused");
        } catch (const stroom::Error& e) {
            QCOMPARE(e.kind(), stroom::Error::Kind::Store);
            QVERIFY2(e.message().contains(QLatin1String("belongs to another project")),
                     qPrintable(e.message()));
        }
    }

    /** A purge of the newest import: the next import's rows and pseudonyms get numbers of their own. */
    void numbersAreNeverGivenTwice() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 7, 120, 600, 1);
        Store s = Store::open(p);
        auto scalar = [&](const char* sql) {
            auto st = s.database().prepare(sql);
            return st.step() ? st.int64(0) : -1;
        };
        const qint64 last = scalar("SELECT max(id) FROM imports WHERE first_rowid IS NOT NULL");
        qint64 highestVehicle = 0;
        PseudonymDictionary(s.database()).forEach([&](const PseudonymDictionary::Entry& e) {
            highestVehicle = std::max<qint64>(highestVehicle, e.id);
        });
        QVERIFY(highestVehicle > 0);
        Purge::Range r;
        r.kind = Purge::Range::Kind::Import;
        r.importId = last;
        r.text = QStringLiteral("import %1").arg(last);
        QVERIFY(Purge::run(s, r, QStringLiteral("test")).reads > 0);
        QCOMPARE(scalar("SELECT count(*) FROM imports WHERE id = (SELECT max(id) FROM imports) AND "
                        "first_rowid IS NULL"),
                 1);
        QVERIFY(s.meta(Store::Sidecar::Reads, QStringLiteral("next_vehicle")).toLongLong() > highestVehicle);
        // Purging it again: it holds no reads now.
        QVERIFY_EXCEPTION_THROWN(Purge::run(s, r, QStringLiteral("test")), stroom::Error);
    }

    void anEmptyRangeChangesNothing() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 5, 120, 300, 1);
        Store s = Store::open(p);
        Purge::Range r;
        r.beforeUtc = 0; // 1970: nothing that old
        const Purge::Result res = Purge::run(s, r, QStringLiteral("nothing"));
        QCOMPARE(res.reads, 0);
        for (const AuditLog::Record& rec : AuditLog::list(s.database()))
            QVERIFY(rec.action != QLatin1String("purge"));
        Purge::Range all;
        all.kind = Purge::Range::Kind::All;
        QVERIFY_EXCEPTION_THROWN(Purge::run(s, all, QString()), stroom::Error); // a purge needs its purpose
    }
};

QTEST_GUILESS_MAIN(TestPurge)
#include "testpurge.moc"
