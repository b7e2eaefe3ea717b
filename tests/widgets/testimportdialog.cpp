#include "common/sqlite.h"
#include "importdialog.h"
#include "qgistestmain.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTimer>

using namespace stroom;

class TestImportDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sim;
    int m_n = 0;

    QString newProject() {
        const QString p = m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n));
        Store::create(p);
        return p;
    }
    /** The project's session, as the main window holds it while the dialog imports. */
    std::unique_ptr<Session> m_session;
    Session* open(const QString& project) {
        m_session.reset();
        m_session = Session::open(project);
        return m_session.get();
    }
    static qint64 reads(const QString& project) {
        Store s = Store::open(project, Store::Access::ReadOnly);
        auto st = s.database().prepare("SELECT count(*) FROM stroom_reads");
        st.step();
        return st.int64(0);
    }

private slots:
    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        SimulationOptions o;
        o.vehicles = 3000;
        o.days = 2;
        o.formats = QStringList{QStringLiteral("standard"), QStringLiteral("nl")};
        o.outDir = m_sim;
        Simulator(o).run();
    }

    void previewShowsTheDetectedLayout() {
        widgets::ImportDialog d(open(newProject()));
        d.setFiles({m_sim + QStringLiteral("/anpr-nl.csv")});
        QCOMPARE(d.previewError(), QString());
        QCOMPARE(d.previewLayout().format, ImportFormat::Dutch);
        QCOMPARE(d.previewLayout().delimiter, ';');
        QCOMPARE(d.previewModel()->columnCount(), 5);
        QCOMPARE(d.previewModel()->rowCount(), 20);
        QVERIFY(
            d.previewModel()->headerData(0, Qt::Horizontal).toString().startsWith(QLatin1String("tijdstip")));
        // The mapping editor offers the columns and follows a change.
        auto* camera = d.findChild<QComboBox*>(QStringLiteral("Mapping_camera"));
        QVERIFY(camera);
        QCOMPARE(camera->currentText(), QStringLiteral("camera"));
        d.setMapping(Role::Camera, QStringLiteral("land"));
        QCOMPARE(d.previewLayout().header.value(d.previewLayout().col(Role::Camera)), QStringLiteral("land"));
        QCOMPARE(d.options().mapping.value(QStringLiteral("camera")), QStringLiteral("land"));
    }

    void previewNamesWhatIsWrong() {
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("what,ever\n1,2\n");
        f.close();
        widgets::ImportDialog d(open(newProject()));
        d.setFiles({bad});
        QVERIFY(d.previewError().contains(QLatin1String("bad.csv line 1")));
    }

    void importsOnAWorkerAndSummarises() {
        const QString p = newProject();
        widgets::ImportDialog d(open(p));
        d.setFiles(
            {m_sim + QStringLiteral("/anpr-standard.csv"), m_sim + QStringLiteral("/anpr-standard.csv")});
        QSignalSpy done(&d, &widgets::ImportDialog::importFinished);
        d.startImport();
        QVERIFY(d.isRunning());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(reads(p) > 10000);
        const QString summary = d.summaryText();
        QVERIFY2(summary.contains(QLatin1String("0 rejected")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("imported before")),
                 qPrintable(summary)); // the second copy is refused
    }

    void cancelRollsBack() {
        const QString p = newProject();
        widgets::ImportDialog d(open(p));
        d.setFiles({m_sim + QStringLiteral("/anpr-standard.csv")});
        QSignalSpy done(&d, &widgets::ImportDialog::importFinished);
        d.startImport();
        d.cancelImport();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(reads(p), 0);
        QVERIFY(d.summaryText().contains(QLatin1String("Cancelled")));
    }

    /**
     * A measurement, not a check: with STROOM_UI_BENCH_FILE set to a big export, imports it from the dialog
     * and reports the longest the event loop was blocked (a 20 ms heartbeat) while the import ran.
     */
    void responsivenessDuringABigImport() {
        const QString file = qEnvironmentVariable("STROOM_UI_BENCH_FILE");
        if (file.isEmpty())
            QSKIP("set STROOM_UI_BENCH_FILE to an export (e.g. 10M reads) to measure");
        const QString p = newProject();
        widgets::ImportDialog d(open(p));
        d.show();
        d.setFiles({file});
        QSignalSpy done(&d, &widgets::ImportDialog::importFinished);
        QElapsedTimer clock;
        qint64 last = 0, worst = 0, ticks = 0;
        QTimer heartbeat;
        heartbeat.setInterval(20);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++ticks;
        });
        clock.start();
        heartbeat.start();
        d.startImport();
        QVERIFY(done.wait(600000));
        heartbeat.stop();
        qInfo("imported %lld reads in %.1f s; event loop: %lld heartbeats, longest gap %lld ms (20 ms "
              "expected)",
              reads(p), clock.elapsed() / 1000.0, ticks, worst);
    }
};

STROOM_QGIS_TEST_MAIN(TestImportDialog)
#include "testimportdialog.moc"
