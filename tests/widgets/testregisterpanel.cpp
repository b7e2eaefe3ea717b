#include "cameraedittool.h"
#include "demoproject.h"
#include "qgistestmain.h"
#include "registerpanel.h"
#include "store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace stroom;

class TestRegisterPanel : public QObject {
    Q_OBJECT

private slots:
    void editValidateUndo() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        try {
            createDemoProject(p);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        widgets::RegisterPanel panel;
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setProject(p);
        QCOMPARE(panel.model()->rowCount(), 120);
        QVERIFY(panel.completenessText().contains(QLatin1String("<b>120</b> cameras")));
        QSignalSpy changed(&panel, &widgets::RegisterPanel::registerChanged);
        Camera c = panel.model()->camera(0);
        c.purpose = QStringLiteral("police");
        c.legalBasis.clear();
        QString error;
        QVERIFY(!panel.applyEdit(c, &error));
        QVERIFY(error.contains(QLatin1String("legal basis")));
        QCOMPARE(changed.count(), 0);
        c.legalBasis = QStringLiteral("Wet op het politieambt, art. 25/3");
        c.owner = QStringLiteral("Politiezone Gent");
        QVERIFY2(panel.applyEdit(c, &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(panel.model()->camera(0).owner, QStringLiteral("Politiezone Gent"));
        QVERIFY(panel.historyText(c.id).contains(QLatin1String("owner")));
        const QString ownerBefore = Store::open(p, Store::Access::ReadOnly).cameras().first().owner;
        QCOMPARE(ownerBefore, QStringLiteral("Politiezone Gent"));
        QVERIFY(panel.undo());
        QVERIFY(panel.model()->camera(0).owner != QStringLiteral("Politiezone Gent") ||
                panel.model()->camera(0).purpose != QStringLiteral("police"));
        QVERIFY(panel.redo());
        QCOMPARE(panel.model()->camera(0).purpose, QStringLiteral("police"));
        QVERIFY(panel.removeCamera(c.id, &error));
        QCOMPARE(panel.model()->rowCount(), 119);
        QVERIFY(panel.undo());
        QCOMPARE(panel.model()->rowCount(), 120);
    }

    void fromTheMap() {
        QCOMPARE(widgets::CameraEditTool::bearing(QgsPointXY(0, 0), QgsPointXY(0, 10)), 0);
        QCOMPARE(widgets::CameraEditTool::bearing(QgsPointXY(0, 0), QgsPointXY(10, 0)), 90);
        QCOMPARE(widgets::CameraEditTool::bearing(QgsPointXY(0, 0), QgsPointXY(-10, -10)), 225);
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(p);
        widgets::RegisterPanel panel;
        panel.setProject(p);
        const Camera c = panel.model()->camera(5);
        QString error;
        QVERIFY2(panel.moveCamera(c.id, 3.7301, 51.0402, &error), qPrintable(error));
        QVERIFY2(panel.turnCamera(c.id, 270, false, &error), qPrintable(error));
        QVERIFY2(panel.turnCamera(c.id, 90, true, &error), qPrintable(error));
        Store s = Store::open(p, Store::Access::ReadOnly);
        for (const Camera& x : s.cameras())
            if (x.id == c.id) {
                QCOMPARE(x.lon, 3.7301);
                QCOMPARE(x.lat, 51.0402);
                QCOMPARE(x.directions, (QVector<int>{270, 90}));
            }
        QVERIFY(panel.historyText(c.id).contains(QLatin1String("directions")));
        QVERIFY(panel.undo()); // the added direction goes
        QVERIFY(panel.undo()); // and the turn
    }
};

STROOM_QGIS_TEST_MAIN(TestRegisterPanel)
#include "testregisterpanel.moc"
