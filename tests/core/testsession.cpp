#include "common/error.h"
#include "common/vectorsource.h"
#include "flows/flowengine.h"
#include "inventory/inventoryimport.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <thread>

using namespace stroom;

/**
 * The project session (issue 12): one after-import path, a connection per thread, changes announced in
 * the session's thread. The stress runs the two paths that raced before (a trip rebuild whose helper
 * thread used the main connection; the import dialog's worker beside the GUI's reads) many times.
 */
class TestSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sim;
    int m_n = 0;

    QString project() {
        const QString path = m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n));
        Store s = Store::create(path);
        const QString cams = m_sim + QStringLiteral("/cameras.csv");
        s.upsertCameras(camerasFromFeatures(readVectorFile(cams), cams, nullptr));
        return path;
    }
    /** The first \a rows reads of the simulated export, as a file of their own. */
    QString slice(int rows, int skip = 0) {
        QFile in(m_sim + QStringLiteral("/anpr-standard.csv"));
        if (!in.open(QIODevice::ReadOnly))
            return QString();
        const QString path = m_dir.filePath(QStringLiteral("slice-%1-%2.csv").arg(rows).arg(skip));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return QString();
        out.write(in.readLine()); // header
        for (int i = 0; i < skip && !in.atEnd(); ++i)
            in.readLine();
        for (int i = 0; i < rows && !in.atEnd(); ++i)
            out.write(in.readLine());
        return path;
    }
    static qint64 tripCount(Store& s) { return TripDays(s.database()).count(); }
    static int runs() {
        const int n = qEnvironmentVariableIntValue("STROOM_STRESS_RUNS");
        return n > 0 ? n : 1000;
    }

private slots:
    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        SimulationOptions o;
        o.vehicles = 600;
        o.days = 1;
        o.outDir = m_sim;
        Simulator(o).run();
    }

    void importUpdatesTripsAndAnnounces() {
        const auto session = Session::open(project());
        QSignalSpy changed(session.get(), &Session::changed);
        const ImportOutcome o = session->importFiles({slice(2000)}, ImportOptions());
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.reports.size(), 1);
        QVERIFY(o.trips.has_value());
        QVERIFY(o.trips->trips > 100);
        QCOMPARE(tripCount(session->store()), o.trips->trips);
        QCOMPARE(changed.count(), 1);
        const auto what = changed.first().first().value<Session::Changes>();
        QVERIFY(what.testFlag(Session::Reads));
        QVERIFY(what.testFlag(Session::Trips));
        // Up to date now: the after-import path has nothing to do.
        QVERIFY(!Session::afterImport(session->store()).has_value());
    }

    void noTripsWhenAskedAndAnErrorPerFile() {
        const auto session = Session::open(project());
        const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
        const ImportOutcome o =
            session->importFiles({slice(500), missing}, ImportOptions(), {}, nullptr, false);
        QCOMPARE(o.reports.size(), 1);
        QCOMPARE(o.errors.size(), 1);
        QVERIFY(o.errors.first().contains(QLatin1String("missing.csv")));
        QCOMPARE(o.exitCode, 3);
        QVERIFY(!o.trips.has_value());
        QCOMPARE(tripCount(session->store()), 0);
        QVERIFY(Session::afterImport(session->store()).has_value()); // the same path catches up later
        QVERIFY(tripCount(session->store()) > 0);
    }

    void aConnectionBelongsToItsThread() {
        Store s = Store::open(project());
        QString error;
        std::thread other([&] {
            try {
                s.cameraCount();
            } catch (const Error& e) {
                error = e.message();
            }
        });
        other.join();
        QVERIFY2(error.contains(QLatin1String("thread")), qPrintable(error));
        QCOMPARE(s.cameraCount(), 120); // and it still works in its own
    }

    void workerImportUsesAConnectionOfItsOwn() {
        const auto session = Session::open(project());
        QSignalSpy changed(session.get(), &Session::changed);
        ImportOutcome o;
        QThread* worker = QThread::create([&] { o = session->importFiles({slice(1500)}, ImportOptions()); });
        worker->start();
        // The GUI thread keeps reading its own connection meanwhile.
        while (!worker->isFinished()) {
            QCOMPARE(session->store().cameraCount(), 120);
            QCoreApplication::processEvents();
        }
        worker->wait();
        delete worker;
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.trips.has_value());
        QVERIFY(changed.wait(5000) || changed.count() == 1); // delivered in this thread, queued
        QCOMPARE(tripCount(session->store()), o.trips->trips);
    }

    /**
     * `trips --rebuild` and the GUI import path, many times over (STROOM_STRESS_RUNS, default 1000 each):
     * no "database is locked", no connection shared between threads.
     */
    void lockStress() {
        const auto session = Session::open(project());
        QCOMPARE(session->importFiles({slice(3000)}, ImportOptions()).exitCode, 0);
        const int n = runs();
        int failures = 0;
        QString firstError;
        for (int i = 0; i < n; ++i) {
            try {
                session->flows().rebuild(session->flows().storedParameters());
            } catch (const Error& e) {
                if (failures++ == 0)
                    firstError = e.message();
            }
        }
        QVERIFY2(
            failures == 0,
            qPrintable(QStringLiteral("%1 of %2 rebuilds failed: %3").arg(failures).arg(n).arg(firstError)));
        ImportOptions force;
        force.force = true;
        const QString file = slice(20, 3000);
        for (int i = 0; i < n; ++i) {
            ImportOutcome o;
            QThread* worker = QThread::create([&] { o = session->importFiles({file}, force); });
            worker->start();
            while (!worker->isFinished())
                session->store().cameraCount(); // the GUI's own reads, on its own connection
            worker->wait();
            delete worker;
            if (o.exitCode != 0 || !o.tripsError.isEmpty()) {
                if (failures++ == 0)
                    firstError = o.errors.value(0, o.tripsError);
            }
        }
        QVERIFY2(
            failures == 0,
            qPrintable(
                QStringLiteral("%1 of %2 worker imports failed: %3").arg(failures).arg(n).arg(firstError)));
        qInfo("lock stress: %d rebuilds and %d worker imports (with trip updates), no lock error", n, n);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "testsession.moc"
