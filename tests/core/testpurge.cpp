// Retention and purge (issue 11, item 2): reads go, every aggregate stays and reads as before, the purged
// pseudonyms' bytes are nowhere in the project's files, and a rebuild never reaches back before the purge.
#include "common/error.h"
#include "common/sqlite.h"
#include "flows/flowengine.h"
#include "governance/purge.h"
#include "simulate/demoproject.h"
#include "store/auditlog.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
            auto st = s.database().prepare("SELECT min(t) FROM l0.reads");
            st.step();
            return st.int64(0);
        }();
        const QDate third = QDateTime::fromSecsSinceEpoch(first + 3600, Qt::UTC).date().addDays(2);
        const std::int64_t cut = QDateTime(third, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 3600; // UTC+1
        // The pseudonyms only the purged reads use, to look for afterwards.
        QList<QByteArray> gone;
        {
            auto st = s.database().prepare(
                "SELECT key FROM l0.pseudonyms WHERE id IN (SELECT vehicle FROM l0.reads "
                "WHERE t < ?) AND id NOT IN (SELECT vehicle FROM l0.reads WHERE t >= ?)");
            st.bind(1, cut).bind(2, cut);
            while (st.step())
                gone << st.blob(0);
        }
        QVERIFY(gone.size() > 100);
        Purge::Range r;
        r.beforeUtc = cut;
        r.text = QStringLiteral("test");
        const Purge::Result res = Purge::run(s, r, QStringLiteral("retention test"));
        QVERIFY(res.reads > 0);
        QCOMPARE(res.pseudonyms, static_cast<qint64>(gone.size()));
        auto left = s.database().prepare("SELECT count(*) FROM l0.reads WHERE t < ?");
        left.bind(1, cut);
        QVERIFY(left.step());
        QCOMPARE(left.int64(0), 0);
        left.reset();
        // Every released figure reads as before, and a rebuild does not reach back before the purge.
        QCOMPARE(released(s), before);
        FlowEngine(s).rebuild(TripParameters());
        QCOMPARE(released(s), before);
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
