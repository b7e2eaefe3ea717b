#include "common/sqlite.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace stroom;

/** stroom-cli import as a process: exit codes, a crash halfway, a full disk (issue 3). */
class TestCliImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sim;

    struct Result {
        int code;
        QString err;
    };
    static Result cli(const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(STROOM_CLI), args);
        p.waitForFinished(300000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }
    /** The store as the next Stroom sees it (opening for writing rolls back what a failure left). */
    static QString fingerprint(const QString& project) {
        Store s = Store::open(project);
        QStringList parts;
        for (const char* q :
             {"SELECT count(*) FROM stroom_reads", "SELECT coalesce(sum(n), 0) FROM l0.pseudonym_buckets",
              "SELECT count(*) FROM imports", "SELECT count(*) FROM cameras", "PRAGMA integrity_check",
              "PRAGMA l0.integrity_check"}) {
            auto st = s.database().prepare(q);
            st.step();
            parts << st.text(0);
        }
        return parts.join(QLatin1Char('/'));
    }
    QString project(const char* name) {
        const QString p = m_dir.filePath(QString::fromLatin1(name));
        const Result r = cli({QStringLiteral("init"), p});
        return r.code == 0 ? p : QString();
    }

private slots:
    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        QCOMPARE(
            cli({QStringLiteral("simulate"), QStringLiteral("--out"), m_sim, QStringLiteral("--vehicles"),
                 QStringLiteral("20000"), QStringLiteral("--days"), QStringLiteral("7")})
                .code,
            0);
    }

    void exitCodes() {
        const QString p = project("codes.gpkg");
        QVERIFY(!p.isEmpty());
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--help")}).code, 0);
        QCOMPARE(cli({QStringLiteral("import"), p}).code, 2);
        QCOMPARE(cli({QStringLiteral("import"), p, QStringLiteral("x.csv"), QStringLiteral("--format"),
                      QStringLiteral("xml")})
                     .code,
                 2);
        QCOMPARE(cli({QStringLiteral("import"), p, QStringLiteral("x.csv"), QStringLiteral("--on-error"),
                      QStringLiteral("maybe")})
                     .code,
                 2);
        QCOMPARE(cli({QStringLiteral("import"), p, QStringLiteral("x.csv"), QStringLiteral("--timezone"),
                      QStringLiteral("Mars/Base")})
                     .code,
                 2);
        const QString plates = m_dir.filePath(QStringLiteral("plates.csv"));
        QFile f(plates);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("timestamp,camera_id,plate_hash\n2026-03-02T07:00:00Z,C1,1-ABC-234\n");
        f.close();
        Result r = cli({QStringLiteral("import"), p, plates});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("plates.csv line 2")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("ABC"))); // the suspected plate is not repeated
        QCOMPARE(cli({QStringLiteral("import"), m_dir.filePath(QStringLiteral("none.gpkg")), plates}).code,
                 4);
        r = cli({QStringLiteral("import"), p, m_sim + QStringLiteral("/anpr-standard.csv")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("0 rejected")), qPrintable(r.err));
        r = cli({QStringLiteral("import"), p, m_sim + QStringLiteral("/anpr-standard.csv")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QLatin1String("imported before")));
        {
            Store holder = Store::open(p); // another writer holds the project
            r = cli({QStringLiteral("import"), p, m_sim + QStringLiteral("/anpr-standard.csv"),
                     QStringLiteral("--force")});
            QCOMPARE(r.code, 4);
            QVERIFY2(r.err.contains(QLatin1String("open for writing")), qPrintable(r.err));
        }
    }

    /** SIGKILL halfway through an import: the project opens afterwards exactly as it was. */
    void killedHalfway() {
        const QString p = project("killed.gpkg");
        QVERIFY(!p.isEmpty());
        const QString big = m_sim + QStringLiteral("/anpr-standard.csv");
        // Something stored before, that must survive.
        QFile small(m_dir.filePath(QStringLiteral("small.csv")));
        QVERIFY(small.open(QIODevice::WriteOnly));
        small.write("timestamp,camera_id,plate_hash\n2026-03-02T07:00:00Z,C1,"
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c\n");
        small.close();
        QCOMPARE(cli({QStringLiteral("import"), p, small.fileName()}).code, 0);
        const QString before = fingerprint(p);

        QProcess child;
        child.start(QStringLiteral(STROOM_CLI), {QStringLiteral("import"), p, big});
        QVERIFY(child.waitForStarted());
        // Wait until the import is writing (its journal exists and the reads file grows), then kill it.
        const QString journal = Store::readsPath(p) + QStringLiteral("-journal");
        QElapsedTimer t;
        t.start();
        while (!(QFile::exists(journal) && QFileInfo(Store::readsPath(p)).size() > (4 << 20)) &&
               t.elapsed() < 60000 && child.state() == QProcess::Running)
            QThread::msleep(5);
        QVERIFY2(child.state() == QProcess::Running,
                 "the import finished before it could be killed; use a bigger file");
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        child.waitForFinished();
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFile::exists(journal)); // a hot journal: the next open rolls it back
        // The writer lock of the dead process is stale, so this opens; the hot journal is rolled back.
        QCOMPARE(fingerprint(p), before);
        QVERIFY(!QFile::exists(journal));
        // And the import can simply be run again.
        QCOMPARE(cli({QStringLiteral("import"), p, big}).code, 0);
    }

    /** A disk that fills up mid-import (a 3 MB tmpfs): exit 4, nothing half-written. */
    void diskFull() {
        const QString mnt = m_dir.filePath(QStringLiteral("small-disk"));
        QDir().mkpath(mnt);
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=3m"), QStringLiteral("tmpfs"), mnt});
        mount.waitForFinished();
        if (mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); the full-disk path is untested in this run");
        struct Unmount {
            QString dir;
            ~Unmount() { QProcess::execute(QStringLiteral("umount"), {dir}); }
        } unmount{mnt};
        const QString p = mnt + QStringLiteral("/full.gpkg");
        QCOMPARE(cli({QStringLiteral("init"), p}).code, 0);
        const QString before = fingerprint(p);
        const Result r = cli({QStringLiteral("import"), p, m_sim + QStringLiteral("/anpr-standard.csv")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QLatin1String("disk is full")), qPrintable(r.err));
        QCOMPARE(fingerprint(p), before);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "testcliimport.moc"
