// The tamper-evident audit trail (issue 11, item 3): a hash chain from a genesis record; edited, deleted
// and inserted records are found and named; records from before the chain are sealed as its start.
#include "common/sqlite.h"
#include "store/auditlog.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stroom;

class TestAuditLog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    /** A project with the genesis record and five exports. */
    QString project() {
        const QString p = m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n));
        Store s = Store::create(p);
        for (int i = 0; i < 5; ++i) {
            Store::AuditEntry e;
            e.action = QStringLiteral("flows");
            e.purpose = QStringLiteral("purpose %1").arg(i);
            e.layer = QStringLiteral("L2");
            e.output = QStringLiteral("/tmp/od%1.csv").arg(i);
            e.k = 10;
            s.audit(e);
        }
        return p;
    }
    static AuditLog::Verification verify(const QString& p) {
        Store s = Store::open(p, Store::Access::ReadOnly);
        return AuditLog::verify(s.database());
    }
    static void tamper(const QString& p, const char* sql) { // as anyone with sqlite3 could
        sql::Database db;
        db.open(p, sql::Database::Mode::ReadWrite);
        db.exec(sql);
    }

private slots:
    void aNewProjectStartsTheChainAndItHolds() {
        const QString p = project();
        Store s = Store::open(p, Store::Access::ReadOnly);
        const QVector<AuditLog::Record> r = AuditLog::list(s.database());
        QCOMPARE(r.size(), 6);
        QCOMPARE(r[0].action, QStringLiteral("genesis"));
        QVERIFY(r[0].prevHash.isEmpty());
        for (int i = 1; i < r.size(); ++i)
            QCOMPARE(r[i].prevHash, r[i - 1].hash);
        const AuditLog::Verification v = AuditLog::verify(s.database());
        QVERIFY2(v.intact, qPrintable(v.problem));
        QCOMPARE(v.records, 6);
    }

    void theUserIsTheOsAccountNotTheEnvironment() {
        qputenv("USER", "somebody-else");
        const QString p = project();
        Store s = Store::open(p, Store::Access::ReadOnly);
        for (const AuditLog::Record& r : AuditLog::list(s.database()))
            QCOMPARE(r.user, AuditLog::osUser());
        QVERIFY(AuditLog::osUser() != QLatin1String("somebody-else"));
    }

    void anEditedRecordIsNamed() {
        const QString p = project();
        tamper(p, "UPDATE audit_log SET purpose = 'something innocent' WHERE id = 3");
        const AuditLog::Verification v = verify(p);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 3);
        QVERIFY2(v.problem.contains(QLatin1String("record 3 was changed")), qPrintable(v.problem));
    }

    void aDeletedRecordIsFoundAtTheNextOne() {
        const QString p = project();
        tamper(p, "DELETE FROM audit_log WHERE id = 4");
        const AuditLog::Verification v = verify(p);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 5);
    }

    void anInsertedRecordIsFound() {
        const QString p = project();
        // A forged record slipped in as number 3 (the later ones renumbered), linked to record 2's hash.
        tamper(p, "UPDATE audit_log SET id = 7 WHERE id = 6; UPDATE audit_log SET id = 6 WHERE id = 5; "
                  "UPDATE audit_log SET id = 5 WHERE id = 4; UPDATE audit_log SET id = 4 WHERE id = 3; "
                  "INSERT INTO audit_log (id, time, user, action, purpose, layer, prev_hash, hash) "
                  "SELECT 3, time, user, 'flows', 'forged', 'L2', hash, 'x' FROM audit_log WHERE id = 2");
        const AuditLog::Verification v = verify(p);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 3);
    }

    void theNewestRecordsCannotSimplyBeDropped() {
        const QString p = project();
        tamper(p, "DELETE FROM audit_log WHERE id >= 5");
        const AuditLog::Verification v = verify(p);
        QVERIFY(!v.intact);
        QVERIFY2(v.problem.contains(QLatin1String("newest records were deleted")), qPrintable(v.problem));
    }

    /** A project from before the chain: its records are sealed as the chain's start, then it holds. */
    void olderRecordsAreSealed() {
        const QString p = project();
        tamper(p, "DELETE FROM audit_log; ALTER TABLE audit_log DROP COLUMN prev_hash; "
                  "ALTER TABLE audit_log DROP COLUMN hash; "
                  "INSERT INTO audit_log (time, user, action, purpose, layer) VALUES "
                  "('2026-01-01T00:00:00Z', 'old', 'flows', 'then', 'L2'), "
                  "('2026-01-02T00:00:00Z', 'old', 'report', 'then', 'L2'); "
                  "UPDATE stroom_settings SET value = '6' WHERE key = 'schema_version';");
        tamper(p + QStringLiteral(".reads"),
               "DELETE FROM meta WHERE key = 'audit_head'"); // no head back then
        {
            Store s = Store::open(p); // migrates: seals
            QCOMPARE(s.schemaVersion(), Store::currentSchemaVersion());
        }
        Store s = Store::open(p, Store::Access::ReadOnly);
        const QVector<AuditLog::Record> r = AuditLog::list(s.database());
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[2].action, QStringLiteral("genesis"));
        QVERIFY(r[2].parameters.contains(QLatin1String("2 earlier records sealed")));
        QVERIFY(AuditLog::verify(s.database()).intact);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "testauditlog.moc"
