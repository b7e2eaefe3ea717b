// View > Re-identification risk…: measured off the GUI thread, the same figures as the engine's measure,
// and a plain answer for a project that keeps no reads.
#include "qgistestmain.h"
#include "riskdialog.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace stroom;

class TestRiskDialog : public QObject {
    Q_OBJECT

private slots:
    void showsTheEnginesMeasure() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 6, 120, 1500, 2);
        widgets::RiskDialog dialog(p);
        QSignalSpy done(&dialog, &widgets::RiskDialog::measured);
        QVERIFY(dialog.statusText().contains(QLatin1String("Measuring")));
        QVERIFY(done.wait(60000));
        QVERIFY(dialog.risk().has_value());
        Store s = Store::open(p, Store::Access::ReadOnly);
        const ReidentificationRisk expected = ReidentificationRisk::measure(s);
        QCOMPARE(dialog.risk()->reads, expected.reads);
        QCOMPARE(dialog.risk()->unicity, expected.unicity);
        QCOMPARE(dialog.table()->rowCount(), 6);
        // What the planner reads: the value of each row, as a percentage with one decimal.
        const QString unicity2 = dialog.table()->item(1, 1)->text();
        QVERIFY2(unicity2 == QLocale().toString(expected.unicity[1] * 100.0, 'f', 1) + QStringLiteral(" %"),
                 qPrintable(unicity2));
        QVERIFY(dialog.statusText().contains(QLocale().toString(expected.vehicles)));
        if (const QString shots = qEnvironmentVariable("STROOM_SHOTS"); !shots.isEmpty()) // to look at it
            dialog.grab().save(shots + QStringLiteral("/riskdialog.png"));
    }

    void aProjectWithoutReadsSaysSo() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 6, 120, 300, 1);
        QVERIFY(QFile::remove(Store::readsPath(p)));
        widgets::RiskDialog dialog(p);
        QSignalSpy done(&dialog, &widgets::RiskDialog::measured);
        QVERIFY(done.wait(60000));
        QVERIFY(!dialog.risk().has_value());
        QVERIFY2(dialog.statusText().contains(QLatin1String("keeps no pseudonymised reads")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.table()->rowCount(), 0);
    }
};

STROOM_QGIS_TEST_MAIN(TestRiskDialog)
#include "testriskdialog.moc"
