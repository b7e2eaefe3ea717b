#include "flowmap.h"
#include "flows/flowengine.h"
#include "projectlayers.h"
#include "publish/reportdata.h"
#include "qgistestmain.h"
#include "reportlayout.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <qgslayoutitemmap.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

using namespace stroom;

class TestReportLayout : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

private slots:
    void initTestCase() {
        m_project = m_dir.filePath(QStringLiteral("demo.gpkg"));
        try {
            createDemoProject(m_project, 1, 120, 4000, 3);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

    void mapPageHasAMap() {
        Store s = Store::open(m_project);
        const ReportData data = ReportData::collect(s, FlowFilter(), QStringLiteral("en"),
                                                    QStringLiteral("test"), s.disclosurePolicy());
        QgsProject project;
        maps::ProjectLayers layers;
        layers.load(m_project, &project);
        FlowEngine e(s);
        maps::FlowMap fm;
        fm.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        fm.apply(maps::FlowView());
        project.addMapLayer(fm.layer());
        auto layout = maps::ReportLayout::build(data, &project, QString());
        QVERIFY(layout);
        auto* map = dynamic_cast<QgsLayoutItemMap*>(layout->itemById(QStringLiteral("map")));
        QVERIFY(map);
        qInfo() << "map extent" << map->extent().toString() << "layers" << map->layers().size() << "size"
                << map->rect();
        QVERIFY(!map->extent().isEmpty());
        QCOMPARE(map->layers().size(), 3);
        const QImage page = maps::ReportLayout::renderPage(layout.get(), 1, 60);
        // Inside the map frame (10–210 mm × 20–200 mm): coloured pixels (arrows, cameras, outlines).
        int ink = 0;
        const double px = 60 / 25.4;
        for (int y = int(30 * px); y < int(190 * px); ++y)
            for (int x = int(20 * px); x < int(200 * px); ++x)
                ink += page.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(ink > 2000, qPrintable(QString::number(ink)));
    }
};

STROOM_QGIS_TEST_MAIN(TestReportLayout)
#include "testreportlayout.moc"
