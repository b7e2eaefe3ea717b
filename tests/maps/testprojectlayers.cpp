#include "camerasymbology.h"
#include "common/error.h"
#include "projectlayers.h"
#include "qgistestmain.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>

using namespace stroom;

class TestProjectLayers : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

    QImage render(const QList<QgsMapLayer*>& layers, const QgsRectangle& extent,
                  QSize size = QSize(900, 900)) {
        QgsMapSettings ms;
        ms.setLayers(layers);
        ms.setDestinationCrs(QgsProject::instance()->crs());
        ms.setOutputSize(size);
        ms.setOutputDpi(96);
        ms.setBackgroundColor(Qt::white);
        ms.setExtent(extent);
        ms.setFlag(Qgis::MapSettingsFlag::Antialiasing, true);
        QgsMapRendererSequentialJob job(ms);
        job.start();
        job.waitForFinished();
        return job.renderedImage().convertToFormat(QImage::Format_RGB32);
    }

private slots:
    void initTestCase() {
        m_demo = m_dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(m_demo);
    }

    void camerasAreSmallerWhileFlowsAreDrawn() {
        maps::ProjectLayers layers;
        layers.load(m_demo, QgsProject::instance());
        const QgsRectangle extent = layers.homeExtent(QgsProject::instance());
        auto ink = [&] {
            const QImage img = render({layers.cameras()}, extent);
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    n += img.pixel(x, y) != qRgb(255, 255, 255);
            return n;
        };
        QVERIFY(!maps::CameraSymbology::isCompact(layers.cameras()));
        const int full = ink();
        maps::CameraSymbology::setCompact(layers.cameras(), true);
        QVERIFY(maps::CameraSymbology::isCompact(layers.cameras()));
        const int compact = ink();
        // 2.2 mm against 3.2 mm across: about half the ink, and never gone.
        QVERIFY2(compact < full * 0.65 && compact > full * 0.3,
                 qPrintable(QStringLiteral("%1 of %2").arg(compact).arg(full)));
        // Either style (by purpose too).
        maps::CameraSymbology::applyPurposeStyle(layers.cameras());
        QVERIFY(ink() < full * 0.65);
        maps::CameraSymbology::setCompact(layers.cameras(), false);
        QVERIFY(ink() > full * 0.9);
        QgsProject::instance()->clear();
    }

    void loadsStyledLayersInLambert72() {
        maps::ProjectLayers layers;
        layers.load(m_demo, QgsProject::instance());
        QCOMPARE(QgsProject::instance()->crs().authid(), QStringLiteral("EPSG:31370"));
        QVERIFY(layers.cameras() && layers.cameras()->isValid());
        QCOMPARE(layers.cameras()->featureCount(), 120);
        QCOMPARE(layers.zones()->featureCount(), 25);
        QCOMPARE(QgsProject::instance()->mapLayers().size(), 2);

        // Every owner of the store has a category, in the legend, coloured as the palette says.
        QSet<QString> storeOwners;
        Store store = Store::open(m_demo);
        for (const Camera& c : store.cameras())
            storeOwners.insert(c.owner);
        const QStringList owners = layers.owners();
        QCOMPARE(QSet<QString>(owners.begin(), owners.end()), storeOwners);
        auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(layers.cameras()->renderer());
        QVERIFY(renderer);
        QCOMPARE(renderer->classAttribute(), QStringLiteral("owner"));
        QCOMPARE(renderer->categories().size(), storeOwners.size());
        const QgsRectangle home = layers.homeExtent(QgsProject::instance());
        // Ghent in Lambert 72 lies around x 105 km, y 194 km.
        QVERIFY2(home.contains(QgsPointXY(105000, 194000)), qPrintable(home.toString()));
    }

    /** The camera layer renders: pixels of each owner's colour are on the map. */
    void cameraLayerRendersEveryOwnerColour() {
        maps::ProjectLayers layers;
        layers.load(m_demo, QgsProject::instance());
        const QImage img = render({layers.cameras()}, layers.homeExtent(QgsProject::instance()));
        QHash<QRgb, int> histogram;
        for (int y = 0; y < img.height(); ++y) {
            const QRgb* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
            for (int x = 0; x < img.width(); ++x)
                histogram[line[x] | 0xff000000u] += 1;
        }
        for (int i = 0; i < layers.owners().size(); ++i) {
            const QRgb c = maps::CameraSymbology::ownerColor(i).rgb() | 0xff000000u;
            QVERIFY2(
                histogram.value(c) >= 10,
                qPrintable(QStringLiteral("%1: %2 pixels").arg(layers.owners()[i]).arg(histogram.value(c))));
        }
        // Background dominates, and nothing is drawn in the unknown-owner grey (all demo cameras have
        // owners).
        QVERIFY(histogram.value(qRgb(255, 255, 255)) > img.width() * img.height() / 2);
        QCOMPARE(histogram.value(maps::CameraSymbology::unknownOwnerColor().rgb()), 0);
    }

    void zonesRenderAsOutlines() {
        maps::ProjectLayers layers;
        layers.load(m_demo, QgsProject::instance());
        const QImage img =
            render({layers.zones()}, layers.homeExtent(QgsProject::instance()), QSize(600, 600));
        int white = 0, ink = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                (img.pixel(x, y) == qRgb(255, 255, 255) ? white : ink) += 1;
        QVERIFY2(ink > 2000, qPrintable(QString::number(ink)));      // outlines and labels are drawn
        QVERIFY2(white > ink * 4, qPrintable(QString::number(ink))); // but no fill
    }

    void missingFileIsAMessage() {
        maps::ProjectLayers layers;
        QString err;
        try {
            layers.load(m_dir.filePath(QStringLiteral("nope.gpkg")), QgsProject::instance());
        } catch (const Error& e) {
            err = e.message();
        }
        QVERIFY(err.contains(QLatin1String("nope.gpkg")));
        QVERIFY(!layers.cameras());
    }
};

STROOM_QGIS_TEST_MAIN(TestProjectLayers)
#include "testprojectlayers.moc"
