#include "flowmap.h"
#include "flows/flowengine.h"
#include "projectlayers.h"
#include "qgistestmain.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include "../plantedchange.h"

#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsmarkersymbol.h>
#include <qgsproject.h>
#include <qgspropertytransformer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectorlayer.h>

#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <map>

using namespace stroom;

class TestFlowMap : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_city;

    static int inkPixels(const QImage& img) {
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                n += img.pixel(x, y) != qRgb(255, 255, 255);
        return n;
    }
    QImage render(QgsVectorLayer* layer, const QgsRectangle& extent) {
        QgsMapSettings ms;
        ms.setLayers({layer});
        ms.setDestinationCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
        ms.setOutputSize(QSize(600, 600));
        ms.setBackgroundColor(Qt::white);
        ms.setExtent(extent);
        QgsMapRendererSequentialJob job(ms);
        job.start();
        job.waitForFinished();
        return job.renderedImage().convertToFormat(QImage::Format_RGB32);
    }
    void load(maps::FlowMap& fm, const QString& project = QString()) {
        Store s = Store::open(project.isEmpty() ? m_project : project, Store::Access::ReadOnly);
        FlowEngine e(s);
        fm.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
    }

private slots:
    void initTestCase() {
        m_project = m_dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(m_project, 1, 120, 4000, 3);
        // A city the size of the demo's, for what a planner sees at a narrow filter.
        m_city = m_dir.filePath(QStringLiteral("city.gpkg"));
        createDemoProject(m_city, 1, 120, 20000, 3);
    }

    void layerFollowsTheCube() {
        maps::FlowMap fm;
        load(fm);
        QVERIFY(fm.hasData());
        maps::FlowView v;
        v.topN = 50;
        const maps::FlowViewResult r = fm.apply(v);
        const std::vector<double> breaks = fm.breaks();
        QVERIFY(breaks.size() >= 3);
        // The classes are made for what is drawn: the smallest drawn flow opens the first class.
        QCOMPARE(breaks.front(), static_cast<double>(r.shown.back().trips));
        QVERIFY(breaks.front() >= 10.0); // never under k
        QCOMPARE(fm.layer()->featureCount(), static_cast<long>(r.shown.size()));
        QVERIFY(r.shown.size() <= 50);
        // Largest first, none under k or the minimum, no loops.
        for (std::size_t i = 0; i < r.shown.size(); ++i) {
            QVERIFY(r.shown[i].trips >= 10);
            QVERIFY(r.shown[i].origin != r.shown[i].destination);
            if (i)
                QVERIFY(r.shown[i].trips <= r.shown[i - 1].trips);
        }
        // Curved geometry: more than two vertices per flow.
        QgsFeature f;
        QVERIFY(fm.layer()->getFeatures().nextFeature(f));
        QVERIFY(f.geometry().constGet()->nCoordinates() > 2);
        // Filtering: the classes follow what is drawn (the largest drawn flow in the top class, the smallest
        // in the first); with the legend locked they stay.
        v.filter.hourFrom = 7;
        v.filter.hourTo = 9;
        const maps::FlowViewResult morning = fm.apply(v);
        QVERIFY(!morning.shown.empty());
        QVERIFY(fm.breaks().front() <= static_cast<double>(morning.shown.back().trips));
        QVERIFY(fm.breaks().back() <= static_cast<double>(morning.shown.front().trips));
        QVERIFY(fm.breaks().size() >= 3);
        const std::vector<double> morningBreaks = fm.breaks();
        v.lockLegend = true;
        v.filter.classMask = 1u << 3; // trucks
        fm.apply(v);
        QCOMPARE(fm.breaks(), morningBreaks);
        v.lockLegend = false;
        v.filter.classMask = 0;
        // Zone level.
        v = maps::FlowView();
        v.zones = true;
        const maps::FlowViewResult z = fm.apply(v);
        QVERIFY(!z.shown.empty());
        QCOMPARE(fm.label(z.shown.front().origin, true).isEmpty(), false);
    }

    /** Arrows are drawn, and what is drawn changes with the filter. */
    void arrowPixelsChangeWithTheFilter() {
        maps::FlowMap fm;
        load(fm);
        maps::ProjectLayers layers;
        layers.load(m_project, QgsProject::instance());
        const QgsRectangle extent = layers.homeExtent(QgsProject::instance());
        QgsProject::instance()->addMapLayer(fm.layer());
        fm.apply(maps::FlowView());
        const QImage all = render(fm.layer(), extent);
        maps::FlowView morning;
        morning.filter.hourFrom = 7;
        morning.filter.hourTo = 9;
        morning.filter.classMask = 1u << 3; // trucks
        fm.apply(morning);
        const QImage trucks = render(fm.layer(), extent);
        const int a = inkPixels(all), b = inkPixels(trucks);
        QVERIFY2(a > 5000, qPrintable(QString::number(a)));
        QVERIFY2(b < a, qPrintable(QStringLiteral("%1 vs %2").arg(b).arg(a)));
        // The colour of the largest flow's class is on the map: the legend's classes are what is drawn.
        const std::int64_t largest = fm.apply(maps::FlowView()).shown.front().trips;
        std::size_t cls = 0;
        while (cls + 1 < fm.breaks().size() && largest >= fm.breaks()[cls + 1])
            ++cls;
        const std::size_t shift = fm.breaks().size() < 5 ? 5 - fm.breaks().size() : 0;
        int classPixels = 0;
        for (int y = 0; y < all.height(); ++y)
            for (int x = 0; x < all.width(); ++x)
                classPixels += all.pixel(x, y) == maps::FlowMap::rampColor(cls + shift).rgb();
        QVERIFY2(classPixels > 20, qPrintable(QString::number(classPixels)));
        QgsProject::instance()->clear();
    }

    /**
     * Compare mode (issue 14): a camera's reads gone in the second week. The map draws the comparison's
     * rows (the top N by trips per day), the planted camera's flows in the strongest fall colour and in
     * front, the unchanged ones pale; every change colour readable on white (3:1), the pale grey still
     * visible; overlapping periods draw nothing and say why; back to the normal view, its ramp again.
     */
    void compareModeDrawsTheChange() {
        const QString project = m_dir.filePath(QStringLiteral("planted.gpkg"));
        stroomtest::createPlantedChangeProject(m_dir.filePath(QStringLiteral("sim-planted")), project,
                                               "C010");
        maps::FlowMap fm;
        load(fm, project);
        maps::ProjectLayers layers;
        layers.load(project, QgsProject::instance());
        const QgsRectangle extent = layers.homeExtent(QgsProject::instance());
        QgsProject::instance()->addMapLayer(fm.layer());
        maps::FlowView v;
        v.compare = true;
        v.filter.from = QDate(2026, 3, 2);
        v.filter.to = QDate(2026, 3, 8);
        v.afterFrom = QDate(2026, 3, 9);
        v.afterTo = QDate(2026, 3, 15);
        v.topN = 100;
        const maps::FlowViewResult r = fm.apply(v);
        QVERIFY(r.compareProblem.isEmpty());
        QCOMPARE(r.beforeDays, 7);
        QCOMPARE(static_cast<int>(r.changes.size()), 100);
        QCOMPARE(fm.layer()->featureCount(), 100L);
        const PeriodComparison::Result direct =
            PeriodComparison::compare(fm.cube(), v.filter, v.afterFilter(), {}, fm.policy());
        const std::uint32_t c010 = fm.cameras().keyOf(QStringLiteral("C010"));
        int gone = 0;
        for (const PeriodComparison::Row& row : r.changes) {
            // Each drawn row is the comparison's own.
            const auto it = std::find_if(direct.rows.begin(), direct.rows.end(), [&](const auto& d) {
                return d.origin == row.origin && d.destination == row.destination;
            });
            QVERIFY(it != direct.rows.end());
            QCOMPARE(it->before, row.before);
            QCOMPARE(it->significant, row.significant);
            if (row.origin == c010 || row.destination == c010) {
                QCOMPARE(maps::FlowMap::changeClass(row), 0);
                ++gone;
            }
        }
        QVERIFY2(gone >= 3, qPrintable(QString::number(gone)));
        const QImage img = render(fm.layer(), extent);
        auto count = [&](const QColor& c) {
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    n += img.pixel(x, y) == c.rgb();
            return n;
        };
        QVERIFY2(count(maps::FlowMap::changeColor(0)) > 200,
                 qPrintable(QString::number(count(maps::FlowMap::changeColor(0)))));
        QVERIFY2(
            count(maps::FlowMap::changeColor(maps::FlowMap::kNotSignificant)) > 200,
            qPrintable(QString::number(count(maps::FlowMap::changeColor(maps::FlowMap::kNotSignificant)))));
        auto contrast = [](const QColor& c) {
            auto lin = [](double x) { return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4); };
            return 1.05 /
                   (0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF()) + 0.05);
        };
        for (int c = 0; c < maps::FlowMap::kChangeClasses; ++c)
            QVERIFY2(contrast(maps::FlowMap::changeColor(c)) >= 3.0, qPrintable(QString::number(c)));
        QVERIFY(contrast(maps::FlowMap::changeColor(maps::FlowMap::kNotSignificant)) >= 1.8);
        // The significant flows are drawn over the pale ones: in the middle of each large fall, a significant
        // colour (its own, or a larger significant flow's) is on top, never the pale grey.
        QgsFeature f;
        int onTop = 0, checked = 0;
        const QgsMapSettings settings = [&] {
            QgsMapSettings ms;
            ms.setDestinationCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
            ms.setOutputSize(QSize(600, 600));
            ms.setExtent(extent);
            return ms;
        }();
        const QgsCoordinateTransform toMap(fm.layer()->crs(), settings.destinationCrs(),
                                           QgsProject::instance());
        for (QgsFeatureIterator it = fm.layer()->getFeatures(); it.nextFeature(f);) {
            if (f.attribute(QStringLiteral("change_class")).toInt() != 0 ||
                f.attribute(QStringLiteral("volume")).toDouble() < 20)
                continue;
            QgsGeometry g = f.geometry();
            g.transform(toMap);
            const QgsPointXY mid = g.interpolate(g.length() / 2).asPoint();
            const QgsPointXY px = settings.mapToPixel().transform(mid);
            ++checked;
            bool significant = false;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    for (int c = 0; c < maps::FlowMap::kChangeClasses; ++c)
                        significant = significant || img.pixel(static_cast<int>(px.x()) + dx,
                                                               static_cast<int>(px.y()) + dy) ==
                                                         maps::FlowMap::changeColor(c).rgb();
            onTop += significant ? 1 : 0;
        }
        QVERIFY(checked >= 3);
        QVERIFY2(onTop == checked, qPrintable(QStringLiteral("%1 of %2").arg(onTop).arg(checked)));
        // Overlapping periods: nothing drawn, and why.
        v.afterFrom = QDate(2026, 3, 8);
        const maps::FlowViewResult overlap = fm.apply(v);
        QVERIFY(overlap.compareProblem.contains(QLatin1String("overlap")));
        QCOMPARE(fm.layer()->featureCount(), 0L);
        // Back to the normal view: its classes and colours.
        const maps::FlowViewResult normal = fm.apply(maps::FlowView());
        QVERIFY(normal.changes.empty());
        const QImage back = render(fm.layer(), extent);
        int ramp = 0;
        for (int y = 0; y < back.height(); ++y)
            for (int x = 0; x < back.width(); ++x)
                ramp += back.pixel(x, y) == maps::FlowMap::rampColor(4).rgb();
        QVERIFY2(ramp > 30, qPrintable(QString::number(ramp)));
        QgsProject::instance()->clear();
    }

    /**
     * The selection is always visible (issue 13): at top N = 20 (weekday 7–9 h), a camera whose flows are
     * not among the 20 largest still has all its released flows drawn and selected; the selection survives
     * a filter change; an OD row outside the top N is drawn when selected; clearing the focus drops them.
     */
    void aSelectedCamerasFlowsAreDrawnAtTopTwenty() {
        maps::FlowMap fm;
        load(fm, m_city);
        maps::FlowView v;
        v.topN = 20;
        v.filter.days = FlowFilter::Days::Weekday;
        v.filter.hourFrom = 7;
        v.filter.hourTo = 9;
        const maps::FlowViewResult r = fm.apply(v);
        QCOMPARE(static_cast<int>(r.shown.size()), 20);
        // A camera with released flows, none of them drawn.
        std::map<std::uint32_t, int> released;
        for (const OdFlow& f : r.matrix.flows)
            if (f.origin != f.destination && f.trips >= v.minTrips) {
                ++released[f.origin];
                ++released[f.destination];
            }
        std::uint32_t camera = UINT32_MAX;
        for (const auto& [key, n] : released) {
            const bool drawn = std::any_of(r.shown.begin(), r.shown.end(), [&](const OdFlow& f) {
                return f.origin == key || f.destination == key;
            });
            if (!drawn && n >= 1) {
                camera = key;
                break;
            }
        }
        QVERIFY2(camera != UINT32_MAX, "a camera outside the top 20");
        const QList<maps::FlowMap::Pair> pairs = fm.selectTouching(camera);
        QCOMPARE(pairs.size(), released[camera]);
        QCOMPARE(fm.layer()->selectedFeatureCount(), static_cast<int>(released[camera]));
        QCOMPARE(fm.layer()->featureCount(), static_cast<long>(20 + released[camera]));
        // Another filter: still the camera's flows, as the new filter releases them.
        v.filter.hourTo = 10;
        const maps::FlowViewResult wider = fm.apply(v);
        int expected = 0;
        for (const OdFlow& f : wider.matrix.flows)
            expected += f.origin != f.destination && f.trips >= v.minTrips &&
                        (f.origin == camera || f.destination == camera);
        QCOMPARE(fm.layer()->selectedFeatureCount(), expected);
        // An OD row outside the top N.
        fm.clearFocus();
        fm.apply(v);
        QCOMPARE(fm.layer()->selectedFeatureCount(), 0);
        const OdFlow small =
            *std::min_element(wider.matrix.flows.begin(), wider.matrix.flows.end(),
                              [](const OdFlow& a, const OdFlow& b) { return a.trips < b.trips; });
        fm.selectFlows({qMakePair(small.origin, small.destination)});
        QCOMPARE(fm.layer()->selectedFeatureCount(), small.origin == small.destination ? 0 : 1);
    }

    /**
     * What a planner reads (issue 13): trucks only on weekdays, a few small flows. They are drawn in the
     * ramp's strong colours and at least the minimum width, not as pale hairlines: the largest drawn flow
     * wears the darkest colour, and every colour drawn contrasts with the white background.
     */
    void aNarrowFilterIsDrawnReadably() {
        maps::FlowMap fm;
        load(fm, m_city);
        maps::ProjectLayers layers;
        layers.load(m_city, QgsProject::instance());
        const QgsRectangle extent = layers.homeExtent(QgsProject::instance());
        QgsProject::instance()->addMapLayer(fm.layer());
        maps::FlowView trucks;
        trucks.filter.days = FlowFilter::Days::Weekday; // (k = 10 trucks on one day: whole days, not 7–9 h)
        trucks.filter.classMask = 1u << 3;
        const maps::FlowViewResult r = fm.apply(trucks);
        QVERIFY2(!r.shown.empty(), "the test city has truck flows on weekdays");
        const QImage img = render(fm.layer(), extent);
        int darkest = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                darkest += img.pixel(x, y) == maps::FlowMap::rampColor(4).rgb();
        QVERIFY2(darkest > 30, qPrintable(QString::number(darkest)));
        // Every class is at least 0.7 mm wide, and its colour has a contrast of at least 2.3:1 on white.
        for (std::size_t i = 0; i < fm.breaks().size(); ++i)
            QVERIFY(fm.classWidth(i) >= 0.7);
        auto luminance = [](const QColor& c) {
            auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
        };
        for (std::size_t i = 0; i < 5; ++i)
            QVERIFY2((1.05) / (luminance(maps::FlowMap::rampColor(i)) + 0.05) >= 2.3,
                     qPrintable(QString::number(i)));
        QgsProject::instance()->clear();
    }

    void tripsWithinAZoneAreProportionalCircles() {
        maps::FlowMap fm;
        load(fm, m_city);
        maps::FlowView v;
        v.zones = true;
        const maps::FlowViewResult r = fm.apply(v);
        // Trips that start and end in one zone are not lost: each released one (≥ the minimum) is a circle.
        QVERIFY(r.within.size() >= 10);
        QCOMPARE(fm.withinLayer()->featureCount(), static_cast<long>(r.within.size()));
        std::size_t loops = 0;
        for (const OdFlow& f : r.matrix.flows)
            loops += f.origin == f.destination && f.trips >= v.minTrips;
        QCOMPARE(r.within.size(), loops);
        for (std::size_t i = 0; i < r.within.size(); ++i) {
            QCOMPARE(r.within[i].origin, r.within[i].destination);
            QVERIFY(r.within[i].trips >= fm.k());
            if (i)
                QVERIFY(r.within[i].trips <= r.within[i - 1].trips);
        }
        QgsFeature first;
        QgsFeatureRequest largest;
        largest.setFilterExpression(QStringLiteral("trips = %1").arg(r.within.front().trips));
        QVERIFY(fm.withinLayer()->getFeatures(largest).nextFeature(first));
        QCOMPARE(first.attribute(QStringLiteral("zone")).toString(), fm.label(r.within.front().origin, true));
        // Area in proportion to trips: the largest 12 mm across, a quarter of its trips half as wide.
        auto* renderer = dynamic_cast<QgsSingleSymbolRenderer*>(fm.withinLayer()->renderer());
        QVERIFY(renderer);
        const QgsProperty size = static_cast<QgsMarkerSymbol*>(renderer->symbol())->dataDefinedSize();
        const auto* scale = dynamic_cast<const QgsSizeScaleTransformer*>(size.transformer());
        QVERIFY(scale);
        const double top = static_cast<double>(r.within.front().trips);
        QCOMPARE(scale->size(top), 12.0);
        QVERIFY(std::abs(scale->size(top / 4) - 6.0) < 0.01);
        QVERIFY(renderer->dataDefinedSizeLegend());
        // Drawn: the circles are there, in the flows' blue.
        maps::ProjectLayers layers;
        layers.load(m_city, QgsProject::instance());
        const QImage img = render(fm.withinLayer(), layers.homeExtent(QgsProject::instance()));
        int blue = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                blue += c.blue() > c.red() + 40;
            }
        QVERIFY2(blue > 2000, qPrintable(QString::number(blue)));
        // At camera level there are none.
        v.zones = false;
        QVERIFY(fm.apply(v).within.empty());
        QCOMPARE(fm.withinLayer()->featureCount(), 0L);
        QgsProject::instance()->clear();
    }

    /**
     * A measurement, not a check: with STROOM_MAP_BENCH_PROJECT set (e.g. the 10M-read bench project), the
     * time from a filter change to the flow layer updated, over 200 random views.
     */
    void filterToLayerTime() {
        const QString project = qEnvironmentVariable("STROOM_MAP_BENCH_PROJECT");
        if (project.isEmpty())
            QSKIP("set STROOM_MAP_BENCH_PROJECT to a project with trips to measure");
        maps::FlowMap fm;
        Store s = Store::open(project, Store::Access::ReadOnly);
        FlowEngine e(s);
        fm.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        std::vector<double> ms;
        for (int i = 0; i < 200; ++i) {
            maps::FlowView v;
            v.filter.hourFrom = i % 20;
            v.filter.hourTo = v.filter.hourFrom + 1 + i % 4;
            v.filter.days = static_cast<FlowFilter::Days>(i % 3);
            v.filter.classMask = i % 5 == 0 ? 0 : 1u << (1 + i % 4);
            v.filter.throughOnly = i % 7 == 0;
            v.zones = i % 2 == 0;
            QElapsedTimer t;
            t.start();
            fm.apply(v);
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        qInfo("filter change to flow layer updated: median %.1f ms, 95th percentile %.1f ms, max %.1f ms",
              ms[100], ms[190], ms.back());
        // And drawing the updated map (flows, cameras, zones) at the size the window shows it.
        maps::ProjectLayers layers;
        layers.load(project, QgsProject::instance());
        const QgsRectangle extent = layers.homeExtent(QgsProject::instance());
        std::vector<double> draw;
        for (int i = 0; i < 20; ++i) {
            maps::FlowView v;
            v.filter.hourFrom = i % 20;
            v.filter.hourTo = v.filter.hourFrom + 3;
            QElapsedTimer t;
            t.start();
            fm.apply(v);
            QgsMapSettings settings;
            settings.setLayers({fm.layer(), layers.cameras(), layers.zones()});
            settings.setDestinationCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
            settings.setOutputSize(QSize(1100, 900));
            settings.setExtent(extent);
            QgsMapRendererSequentialJob job(settings);
            job.start();
            job.waitForFinished();
            draw.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(draw.begin(), draw.end());
        qInfo("filter change to the map redrawn (flows, cameras, zones at 1100x900): median %.0f ms, max "
              "%.0f ms",
              draw[10], draw.back());
        QgsProject::instance()->clear();
    }
};

STROOM_QGIS_TEST_MAIN(TestFlowMap)
#include "testflowmap.moc"
