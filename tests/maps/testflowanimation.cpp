// FlowAnimation and GifWriter (issue 14, the time player and its export): frames per hour and per day,
// one set of classes for every frame, frames that differ by hour as the cube says, and the GIF that a
// decoder reads back frame by frame, audited.

#include "common/sqlite.h"
#include "flowanimation.h"
#include "flows/flowengine.h"
#include "gifwriter.h"
#include "projectlayers.h"
#include "qgistestmain.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QImageReader>
#include <QTemporaryDir>

using namespace stroom;

class TestFlowAnimation : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_project;

    static int differing(const QImage& a, const QImage& b) {
        int n = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                n += a.pixel(x, y) != b.pixel(x, y);
        return n;
    }
    static int ink(const QImage& img) {
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                n += img.pixel(x, y) != qRgb(255, 255, 255);
        return n;
    }

private slots:
    void initTestCase() {
        m_project = m_dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(m_project, 1, 120, 4000, 3);
    }

    void framesPerHourAndPerDay() {
        Store s = Store::open(m_project, Store::Access::ReadOnly);
        FlowEngine e(s);
        maps::FlowMap map;
        map.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        maps::FlowView base;
        const auto hours = maps::FlowAnimation::frames(map, base, maps::FlowAnimation::Step::HourOfDay);
        QCOMPARE(hours.size(), std::size_t(24));
        QCOMPARE(hours[8].label, QStringLiteral("08:00–09:00"));
        QCOMPARE(hours[8].view.filter.hourFrom, 8);
        QCOMPARE(hours[8].view.filter.hourTo, 9);
        base.filter.hourFrom = 6;
        base.filter.hourTo = 10;
        QCOMPARE(maps::FlowAnimation::frames(map, base, maps::FlowAnimation::Step::HourOfDay).size(),
                 std::size_t(4));
        const auto days = maps::FlowAnimation::frames(map, maps::FlowView(), maps::FlowAnimation::Step::Day);
        QCOMPARE(days.size(), map.cube().days().size());
        for (const auto& f : days)
            QCOMPARE(f.view.filter.from, f.view.filter.to);
    }

    /**
     * One set of classes for every frame, set by the busiest; the morning peak's frame has more flows drawn
     * than the night's, and the two pictures differ where the flows are.
     */
    void framesDifferByHourWithOneLegend() {
        Store s = Store::open(m_project, Store::Access::ReadOnly);
        FlowEngine e(s);
        maps::FlowMap map;
        map.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        QgsProject project;
        maps::ProjectLayers layers;
        layers.load(m_project, &project);
        auto frames =
            maps::FlowAnimation::frames(map, maps::FlowView(), maps::FlowAnimation::Step::HourOfDay);
        maps::FlowAnimation::lockClasses(map, frames);
        const std::vector<double> classes = map.breaks();
        std::int64_t busiest = 0;
        for (const auto& f : frames) {
            const maps::FlowViewResult r = map.apply(f.view);
            QCOMPARE(map.breaks(), classes); // the legend stays
            if (!r.shown.empty())
                busiest = std::max(busiest, r.shown.front().trips);
        }
        QVERIFY(busiest >= static_cast<std::int64_t>(classes.back())); // the top class is reached
        const QgsRectangle extent = layers.homeExtent(&project);
        const QImage night = maps::FlowAnimation::render(map, frames[3], &project, extent, QSize(480, 360));
        const int nightFlows = static_cast<int>(map.result().shown.size());
        const QImage peak = maps::FlowAnimation::render(map, frames[8], &project, extent, QSize(480, 360));
        const int peakFlows = static_cast<int>(map.result().shown.size());
        QVERIFY2(peakFlows > nightFlows,
                 qPrintable(QStringLiteral("%1 vs %2").arg(peakFlows).arg(nightFlows)));
        QVERIFY2(ink(peak) > ink(night),
                 qPrintable(QStringLiteral("%1 vs %2").arg(ink(peak)).arg(ink(night))));
        QVERIFY2(differing(peak, night) > 800, qPrintable(QString::number(differing(peak, night))));
        // The strongest class's colour is on the peak frame: the legend's classes are what is drawn.
        int strongest = 0;
        const std::size_t shift = classes.size() < 5 ? 5 - classes.size() : 0;
        const QRgb top = maps::FlowMap::rampColor(classes.size() - 1 + shift).rgb();
        for (int y = 0; y < peak.height(); ++y)
            for (int x = 0; x < peak.width(); ++x)
                strongest += peak.pixel(x, y) == top;
        QVERIFY2(strongest > 10, qPrintable(QString::number(strongest)));
    }

    /** The GIF: a decoder reads 24 frames of the asked size, the morning unlike the night; audited. */
    void writesAnAuditedGif() {
        Store s = Store::open(m_project);
        FlowEngine e(s);
        maps::FlowMap map;
        map.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        QgsProject project;
        maps::ProjectLayers layers;
        layers.load(m_project, &project);
        const QString gif = m_dir.filePath(QStringLiteral("flows.gif"));
        maps::FlowAnimation::write(
            s, map, maps::FlowAnimation::frames(map, maps::FlowView(), maps::FlowAnimation::Step::HourOfDay),
            &project, layers.homeExtent(&project), QSize(320, 240), 500, gif, QStringLiteral("test"),
            QStringLiteral("per hour"), false);
        QImageReader reader(gif);
        QVERIFY(reader.canRead());
        QCOMPARE(reader.imageCount(), 24);
        std::vector<QImage> frames;
        for (QImage img; reader.read(&img);)
            frames.push_back(img.convertToFormat(QImage::Format_RGB32));
        QCOMPARE(frames.size(), std::size_t(24));
        QCOMPARE(frames[0].size(), QSize(320, 240));
        QVERIFY(differing(frames[3], frames[8]) > 500);
        QCOMPARE(reader.nextImageDelay(), 500);
        sql::Database db;
        db.open(m_project, sql::Database::Mode::ReadOnly);
        auto st =
            db.prepare("SELECT count(*) FROM audit_log WHERE action = 'animation' AND purpose = 'test'");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 1);
        // Not a GIF name, or an existing file without overwrite: refused, nothing written.
        QVERIFY_EXCEPTION_THROWN(
            maps::FlowAnimation::write(
                s, map,
                maps::FlowAnimation::frames(map, maps::FlowView(), maps::FlowAnimation::Step::HourOfDay),
                &project, layers.homeExtent(&project), QSize(320, 240), 500,
                m_dir.filePath(QStringLiteral("flows.mp4")), QStringLiteral("test"), QString(), false),
            Error);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("flows.mp4"))));
        QVERIFY_EXCEPTION_THROWN(
            maps::FlowAnimation::write(
                s, map,
                maps::FlowAnimation::frames(map, maps::FlowView(), maps::FlowAnimation::Step::HourOfDay),
                &project, layers.homeExtent(&project), QSize(320, 240), 500, gif, QStringLiteral("test"),
                QString(), false),
            Error);
    }
};

STROOM_QGIS_TEST_MAIN(TestFlowAnimation)
#include "testflowanimation.moc"
