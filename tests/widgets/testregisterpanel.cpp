#include "cameradialog.h"
#include "cameraedittool.h"
#include "cameratablemodel.h"
#include "common/error.h"
#include "completenessdialog.h"
#include "qgistestmain.h"
#include "registerpanel.h"
#include "session/session.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace stroom;

class TestRegisterPanel : public QObject {
    Q_OBJECT

private slots:
    /** File > Import zones…: the districts go in by the chosen fields, cameras are assigned, views refresh.
     */
    void importZones() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(p);
        const QString districts = QStringLiteral(STROOM_TEST_DATA_DIR) +
                                  QStringLiteral("/../../resources/data/ghent-districts.geojson");
        const QStringList fields = widgets::RegisterPanel::fieldsOf(districts);
        QVERIFY2(fields.contains(QStringLiteral("wijknr")) && fields.contains(QStringLiteral("wijk")),
                 qPrintable(fields.join(QLatin1Char(','))));
        {
            // A project with cameras and no zones yet.
            Store s = Store::open(p);
            s.database().exec("DELETE FROM zones; UPDATE cameras SET zone = NULL");
        }
        widgets::RegisterPanel panel;
        const auto session = Session::open(p);
        panel.setSession(session.get());
        QSignalSpy changed(session.get(), &Session::changed);
        const QString summary =
            panel.importZones(districts, QStringLiteral("wijknr"), QStringLiteral("wijk"));
        QVERIFY2(summary.contains(QLatin1String("25 new zones")) &&
                     summary.contains(QLatin1String("25 zones in the project")),
                 qPrintable(summary));
        QVERIFY(changed.count() >= 1);
        auto st = session->store().database().prepare("SELECT count(*) FROM cameras WHERE zone <> ''");
        QVERIFY(st.step());
        QVERIFY(st.int64(0) > 50);
    }

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
        const auto session = Session::open(p);
        panel.setSession(session.get());
        QCOMPARE(panel.model()->rowCount(), 120);
        QVERIFY(panel.completenessText().contains(QLatin1String("<b>120</b> cameras")));
        QSignalSpy changed(session.get(), &Session::changed);
        Camera c = panel.model()->camera(0);
        c.purpose = QStringLiteral("police");
        c.legalBasis.clear();
        QString error;
        try {
            panel.applyEdit(c);
        } catch (const Error& e) {
            error = e.message();
        }
        QVERIFY(error.contains(QLatin1String("legal basis")));
        QCOMPARE(changed.count(), 0);
        c.legalBasis = QStringLiteral("Wet op het politieambt, art. 25/3");
        c.owner = QStringLiteral("Politiezone Gent");
        panel.applyEdit(c);
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
        panel.removeCamera(c.id);
        QCOMPARE(panel.model()->rowCount(), 119);
        QVERIFY(panel.undo());
        QCOMPARE(panel.model()->rowCount(), 120);
    }

    void completenessDashboard() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        try {
            createDemoProject(p);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        widgets::RegisterPanel panel;
        const auto session = Session::open(p);
        panel.setSession(session.get());
        // Every camera seen in the period except C002 and C003: the registered active ones among them are
        // silent, and nothing else is.
        QSet<QString> seen;
        QStringList expectSilent;
        for (int row = 0; row < panel.model()->rowCount(); ++row) {
            const Camera& c = panel.model()->camera(row);
            if (c.id != QLatin1String("C002") && c.id != QLatin1String("C003"))
                seen.insert(c.id);
            else if (c.registered && c.status == QLatin1String("active"))
                expectSilent << c.id;
        }
        QVERIFY(!expectSilent.isEmpty());
        panel.setPeriodActivity(seen, QStringLiteral("2026-03-03..2026-03-03"));
        QStringList silent = panel.completeness().silent;
        silent.sort();
        expectSilent.sort();
        QCOMPARE(silent, expectSilent);
        QVERIFY(panel.completenessText().contains(QLatin1String("silent in 2026-03-03..2026-03-03")));

        widgets::CompletenessDialog d(panel.completeness(), QStringLiteral("2026-03-03..2026-03-03"));
        QTreeWidget* tree = d.tree();
        QTreeWidgetItem* byOwner = tree->findItems(QStringLiteral("By owner"), Qt::MatchExactly).value(0);
        QVERIFY(byOwner);
        QCOMPARE(byOwner->childCount(), panel.completeness().byOwner.size());
        int owned = 0;
        for (int i = 0; i < byOwner->childCount(); ++i)
            owned += byOwner->child(i)->text(1).toInt();
        QCOMPARE(owned, panel.model()->rowCount());
        const QList<QTreeWidgetItem*> silentGroup =
            tree->findItems(QStringLiteral("Active but silent in 2026-03-03..2026-03-03"), Qt::MatchExactly);
        QCOMPARE(silentGroup.size(), 1);
        QCOMPARE(silentGroup.first()->childCount(), expectSilent.size());
        QSignalSpy activated(&d, &widgets::CompletenessDialog::cameraActivated);
        emit tree->itemDoubleClicked(silentGroup.first()->child(0), 0);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), expectSilent.first());
        emit tree->itemDoubleClicked(silentGroup.first(), 0); // a group is not a camera
        QCOMPARE(activated.count(), 1);
        // Fresh figures after an edit keep what was unfolded.
        silentGroup.first()->setExpanded(true);
        Inventory::Completeness fewer = panel.completeness();
        fewer.silent.removeFirst();
        d.setCompleteness(fewer, QStringLiteral("2026-03-03..2026-03-03"));
        const QList<QTreeWidgetItem*> again =
            tree->findItems(QStringLiteral("Active but silent in 2026-03-03..2026-03-03"), Qt::MatchExactly);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first()->childCount(), expectSilent.size() - 1);
        QVERIFY(again.first()->isExpanded());

        // Going to a camera clears a search that hides it.
        panel.findChild<QLineEdit*>()->setText(QStringLiteral("no such camera"));
        QVERIFY(panel.selectCamera(expectSilent.first()));
        const QModelIndexList rows = panel.view()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data().toString(), expectSilent.first());
        QVERIFY(!panel.selectCamera(QStringLiteral("C999")));
    }

    void wordsOnScreenKeysInTheStore() {
        Camera c;
        c.id = QStringLiteral("X1");
        c.owner = QStringLiteral("Stad Gent");
        c.purpose = QStringLiteral("section-control");
        c.status = QStringLiteral("out-of-service");
        c.role = QStringLiteral("cordon-in");
        widgets::CameraDialog d(c, false);
        const QList<QComboBox*> combos = d.findChildren<QComboBox*>();
        QStringList shown;
        for (QComboBox* box : combos)
            shown << box->currentText();
        QVERIFY2(shown.contains(QStringLiteral("Section control")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(QStringLiteral("Out of service")));
        QVERIFY(shown.contains(QStringLiteral("Cordon, inbound")));
        const Camera back = d.camera();
        QCOMPARE(back.purpose, QStringLiteral("section-control"));
        QCOMPARE(back.status, QStringLiteral("out-of-service"));
        QCOMPARE(back.role, QStringLiteral("cordon-in"));
        // A key from elsewhere is kept as it is, not silently emptied.
        c.status = QStringLiteral("decommissioned");
        QCOMPARE(widgets::CameraDialog(c, false).camera().status, QStringLiteral("decommissioned"));
    }

    void fromTheMap() {
        QCOMPARE(widgets::CameraEditTool::bearing(QgsPointXY(0, 0), QgsPointXY(0, 10)), 0);
        QCOMPARE(widgets::CameraEditTool::bearing(QgsPointXY(0, 0), QgsPointXY(10, 0)), 90);
        QCOMPARE(widgets::CameraEditTool::bearing(QgsPointXY(0, 0), QgsPointXY(-10, -10)), 225);
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(p);
        widgets::RegisterPanel panel;
        const auto session = Session::open(p);
        panel.setSession(session.get());
        const Camera c = panel.model()->camera(5);
        panel.moveCamera(c.id, 3.7301, 51.0402);
        panel.turnCamera(c.id, 270, false);
        panel.turnCamera(c.id, 90, true);
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
