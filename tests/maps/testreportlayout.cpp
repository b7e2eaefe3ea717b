#include "flowmap.h"
#include "flows/cameraindex.h"
#include "flows/flowengine.h"
#include "projectlayers.h"
#include "publish/reportdata.h"
#include "qgistestmain.h"
#include "reportlayout.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include "../plantedchange.h"

#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemtexttable.h>
#include <qgslayoutpagecollection.h>
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

    /**
     * The before/after page (issue 14): a camera's reads gone in the second week. The page is there only when
     * the report compares (8 pages, else 7, numbered in the footers), lists the largest significant changes
     * with "< k" where a period released nothing, and its map draws the change (the strongest fall's colour).
     */
    void beforeAfterPage() {
        const QString project = m_dir.filePath(QStringLiteral("planted.gpkg"));
        stroomtest::createPlantedChangeProject(m_dir.filePath(QStringLiteral("sim-planted")), project,
                                               "C010");
        Store s = Store::open(project);
        FlowFilter before, after;
        before.from = QDate(2026, 3, 2);
        before.to = QDate(2026, 3, 8);
        after.from = QDate(2026, 3, 9);
        after.to = QDate(2026, 3, 15);
        const ReportData data = ReportData::collect(s, before, QStringLiteral("en"), QStringLiteral("test"),
                                                    s.disclosurePolicy(), 20, after);
        QVERIFY(data.compared);
        QCOMPARE(data.beforeDays, 7);
        QVERIFY(data.changesSignificant > 10);
        QVERIFY(!data.changes.isEmpty());
        int gone = 0;
        for (const ReportData::ChangeRow& r : data.changes) {
            QVERIFY(r.significant);
            gone +=
                (r.origin.contains(QLatin1String("C010")) || r.destination.contains(QLatin1String("C010"))) &&
                r.after < 0;
        }
        QVERIFY(gone >= 3);
        FlowEngine e(s);
        QgsProject qp;
        maps::ReportLayout::addLayers(&qp, project, e.loadCube(), e.cameras(), s.disclosurePolicy(), before,
                                      after);
        auto layout = maps::ReportLayout::build(data, &qp, QString());
        QCOMPARE(layout->pageCollection()->pageCount(), 8);
        auto* heading = dynamic_cast<QgsLayoutItemLabel*>(layout->itemById(QStringLiteral("h_compare")));
        QVERIFY(heading && heading->text().contains(QLatin1String("2026-03-09..2026-03-15")));
        auto* footer = dynamic_cast<QgsLayoutItemLabel*>(layout->itemById(QStringLiteral("footer_8")));
        QVERIFY(footer && footer->text().endsWith(QLatin1String("page 8 of 8")));
        auto* map = dynamic_cast<QgsLayoutItemMap*>(layout->itemById(QStringLiteral("compare_map")));
        QVERIFY(map);
        QVERIFY(
            map->layers().contains(maps::ProjectLayers::layerNamed(&qp, maps::FlowMap::compareLayerName())));
        const QImage page = maps::ReportLayout::renderPage(layout.get(), 7, 100);
        const double px = 100 / 25.4;
        int fall = 0;
        for (int y = int(20 * px); y < int(198 * px); ++y)
            for (int x = int(10 * px); x < int(150 * px); ++x)
                fall += page.pixel(x, y) == maps::FlowMap::changeColor(0).rgb();
        QVERIFY2(fall > 100, qPrintable(QString::number(fall)));
        // Without a comparison the page goes, and the footers count 7.
        const ReportData plain = ReportData::collect(s, before, QStringLiteral("en"), QStringLiteral("test"),
                                                     s.disclosurePolicy());
        auto seven = maps::ReportLayout::build(plain, &qp, QString());
        QCOMPARE(seven->pageCollection()->pageCount(), 7);
        QVERIFY(!seven->itemById(QStringLiteral("compare_map")));
        auto* last = dynamic_cast<QgsLayoutItemLabel*>(seven->itemById(QStringLiteral("footer_7")));
        QVERIFY(last && last->text().endsWith(QLatin1String("page 7 of 7")));
    }

    /** Names in the tables (a council reads them), long ones wrapped: no table runs over the text beside it.
     */
    void tablesWithLongNamesStayInTheirColumn() {
        Store s = Store::open(m_project);
        ReportData data = ReportData::collect(s, FlowFilter(), QStringLiteral("en"), QStringLiteral("test"),
                                              s.disclosurePolicy());
        QVERIFY(!data.topOd.isEmpty() && !data.journeys.isEmpty());
        // Names beside ids, as CameraIndex::label says them.
        const CameraIndex cams = FlowEngine(s).cameras();
        bool named = false;
        for (std::size_t i = 0; i < cams.id.size(); ++i)
            named = named || (!cams.id[i].isEmpty() &&
                              data.topOd.front().origin == cams.label(static_cast<std::uint32_t>(i), false));
        QVERIFY2(named, qPrintable(data.topOd.front().origin));
        const QString longName = QStringLiteral("Elisabethbegijnhof - Prinsenhof - Papegaai - Sint-Michiels, "
                                                "Rooigemlaan ter hoogte van de Brugse Poort (C070)");
        data.topOd.front().origin = longName;
        data.journeys.front().from = longName;
        QgsProject project;
        auto layout = maps::ReportLayout::build(data, &project, QString());
        QVERIFY(layout);
        auto rightEdge = [&](const QString& id) {
            for (QgsLayoutMultiFrame* m : layout->multiFrames())
                if (auto* t = dynamic_cast<QgsLayoutItemTextTable*>(m))
                    for (QgsLayoutFrame* f : t->frames())
                        if (f->id() == id)
                            return f->pos().x() + f->rect().width();
            return -1.0;
        };
        auto left = [&](const QString& id) {
            const QgsLayoutItem* item = layout->itemById(id);
            return item ? item->pos().x() : -1.0;
        };
        const double od = rightEdge(QStringLiteral("od_table")), through = left(QStringLiteral("h_through"));
        QVERIFY2(od > 0 && through > 0 && od < through,
                 qPrintable(QStringLiteral("%1 / %2").arg(od).arg(through)));
        // The long name wraps: the table is taller than one line per row.
        QVERIFY(rightEdge(QStringLiteral("journey_table")) > 0);
        int beside = 0;
        for (QgsLayoutItem* item : layout->pageCollection()->itemsOnPage(4)) // journey times page
            if (auto* label = dynamic_cast<QgsLayoutItemLabel*>(item))
                if (label->pos().x() > 100) { // the method text beside the table
                    ++beside;
                    QVERIFY2(rightEdge(QStringLiteral("journey_table")) < label->pos().x(),
                             qPrintable(label->text().left(40)));
                }
        QVERIFY(beside > 0);
    }
};

STROOM_QGIS_TEST_MAIN(TestReportLayout)
#include "testreportlayout.moc"
