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

#include <QFile>
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
};

STROOM_QGIS_TEST_MAIN(TestReportDialog)
#include "testreportdialog.moc"
