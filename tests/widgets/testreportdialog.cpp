#include "common/sqlite.h"
#include "flowmap.h"
#include "flows/flowengine.h"
#include "projectlayers.h"
#include "qgistestmain.h"
#include "reportdialog.h"
#include "session/session.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace stroom;

class TestReportDialog : public QObject {
    Q_OBJECT

private slots:
    void previewAndExport() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        try {
            createDemoProject(p, 1, 120, 3000, 2);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        maps::ProjectLayers layers;
        layers.load(p, QgsProject::instance());
        maps::FlowMap fm;
        {
            Store s = Store::open(p, Store::Access::ReadOnly);
            FlowEngine e(s);
            fm.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        }
        fm.apply(maps::FlowView());
        QgsProject::instance()->addMapLayer(fm.layer(), true);
        const auto session = Session::open(p);
        widgets::ReportDialog d(session.get(), FlowFilter(), QgsProject::instance());
        d.refreshPreview();
        QVERIFY(!d.preview().isNull());
        int ink = 0;
        for (int y = 0; y < d.preview().height(); ++y)
            for (int x = 0; x < d.preview().width(); ++x)
                ink += d.preview().pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(ink > 500);
        // The purpose is required.
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        d.setOutput(pdf);
        QVERIFY(!d.exportReport());
        QVERIFY(d.lastError().contains(QLatin1String("purpose")));
        d.setPurpose(QStringLiteral("Council"));
        d.setLanguage(QStringLiteral("nl"));
        QVERIFY2(d.exportReport(), qPrintable(d.lastError()));
        QVERIFY(QFile(pdf).size() > 10000);
        sql::Database db;
        db.open(p, sql::Database::Mode::ReadOnly);
        auto st = db.prepare("SELECT purpose, parameters FROM audit_log WHERE action = 'report'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("Council"));
        QVERIFY(st.text(1).startsWith(QLatin1String("language: nl")));
        QgsProject::instance()->clear();
    }

    /**
     * From the map's compare mode (issue 14): the report gets its before/after page, drawn in a project of
     * its own (the app's project, whose flow layer shows the comparison, stays as it is); 8 pages, audited.
     */
    void beforeAfterFromTheMap() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("weeks.gpkg"));
        createDemoProject(p, 2, 120, 3000, 8);
        maps::ProjectLayers layers;
        layers.load(p, QgsProject::instance());
        const int before = static_cast<int>(QgsProject::instance()->mapLayers().size());
        const auto session = Session::open(p);
        FlowFilter first, second;
        first.from = QDate(2026, 3, 2);
        first.to = QDate(2026, 3, 5);
        second.from = QDate(2026, 3, 6);
        second.to = QDate(2026, 3, 9);
        widgets::ReportDialog d(session.get(), first, QgsProject::instance());
        d.setComparison(second);
        d.refreshPreview();
        QVERIFY(!d.preview().isNull());
        const QString pdf = dir.filePath(QStringLiteral("ba.pdf"));
        d.setOutput(pdf);
        d.setPurpose(QStringLiteral("evaluation"));
        QVERIFY2(d.exportReport(), qPrintable(d.lastError()));
        QCOMPARE(static_cast<int>(QgsProject::instance()->mapLayers().size()), before);
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        QVERIFY2(info.readAllStandardOutput().contains("Pages:           8"), "eight pages");
        QgsProject::instance()->clear();
    }
};

STROOM_QGIS_TEST_MAIN(TestReportDialog)
#include "testreportdialog.moc"
