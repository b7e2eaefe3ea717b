#include "basemap.h"
#include "qgistestmain.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <qgsexpressioncontextutils.h>
#include <qgslinesymbol.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectorlayer.h>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <memory>

using namespace stroom;
using maps::Basemap;

class TestBasemap : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

    QString write(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(content);
        return path;
    }

    static QByteArray lines(const QString& field, const QStringList& values) {
        QByteArray json = R"({"type":"FeatureCollection","features":[)";
        for (int i = 0; i < values.size(); ++i) {
            json += QStringLiteral(
                        R"(%1{"type":"Feature","properties":{"%2":"%3"},"geometry":{"type":"LineString",)"
                        R"("coordinates":[[3.70,%4],[3.75,%4]]}})")
                        .arg(i ? QStringLiteral(",") : QString(), field, values[i])
                        .arg(51.03 + 0.01 * i)
                        .toUtf8();
        }
        return json + "]}";
    }

    /** The legend label of the rule that draws each feature, in feature order. */
    static QStringList classes(QgsVectorLayer* layer) {
        auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
        QStringList out;
        if (!renderer)
            return out;
        QgsExpressionContext context(QgsExpressionContextUtils::globalProjectLayerScopes(layer));
        QgsFeatureIterator it = layer->getFeatures();
        QgsFeature f;
        while (it.nextFeature(f)) {
            context.setFeature(f);
            QString label;
            for (QgsRuleBasedRenderer::Rule* rule : renderer->rootRule()->children()) {
                QgsExpression e(rule->filterExpression());
                if (e.evaluate(&context).toBool())
                    label = rule->label(); // the last match is drawn on top
            }
            out << label;
        }
        return out;
    }

    static std::unique_ptr<QgsVectorLayer> roads(const Basemap::Choice& c, const QString& gpkg,
                                                 QString* why) {
        return std::unique_ptr<QgsVectorLayer>(qobject_cast<QgsVectorLayer*>(Basemap::create(c, gpkg, why)));
    }

private slots:
    void initTestCase() {
        m_demo = m_dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(m_demo);
    }

    void theDemoCityHasItsRoadGraph() {
        QVERIFY(Basemap::projectHasRoads(m_demo));
        Basemap::Choice c;
        c.kind = Basemap::Kind::ProjectRoads;
        QString why;
        auto layer = roads(c, m_demo, &why);
        QVERIFY2(layer, qPrintable(why));
        QCOMPARE(layer->geometryType(), QgsWkbTypes::LineGeometry);
        QVERIFY(layer->featureCount() > 150);
        // Every road is in a class, and the three classes are all there: main roads to and past the gates.
        const QStringList drawn = classes(layer.get());
        QCOMPARE(drawn.size(), static_cast<int>(layer->featureCount()));
        QVERIFY(!drawn.contains(QString()));
        QVERIFY(drawn.count(QStringLiteral("Main roads")) >= 40);
        QVERIFY(drawn.count(QStringLiteral("Secondary roads")) > 0);
        QVERIFY(drawn.count(QStringLiteral("Minor roads")) > 0);
        // Main roads wider than secondary ones, wider than minor ones.
        auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
        QVERIFY(renderer);
        QMap<QString, double> width;
        for (QgsRuleBasedRenderer::Rule* r : renderer->rootRule()->children())
            width[r->label()] = static_cast<QgsLineSymbol*>(r->symbol())->width();
        QVERIFY(width[QStringLiteral("Main roads")] > width[QStringLiteral("Secondary roads")]);
        QVERIFY(width[QStringLiteral("Secondary roads")] > width[QStringLiteral("Minor roads")]);

        // Drawn, the roads are there and stay grey: the flows' blues and the selection's orange keep the
        // colour.
        QgsMapSettings ms;
        ms.setLayers({layer.get()});
        ms.setDestinationCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
        ms.setOutputSize(QSize(800, 800));
        ms.setOutputDpi(96);
        ms.setBackgroundColor(Qt::white);
        ms.setExtent(ms.layerExtentToOutputExtent(layer.get(), layer->extent()));
        QgsMapRendererSequentialJob job(ms);
        job.start();
        job.waitForFinished();
        const QImage image = job.renderedImage().convertToFormat(QImage::Format_RGB32);
        int road = 0, coloured = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor p = image.pixelColor(x, y);
                if (p.lightness() < 245)
                    ++road;
                if (std::max({p.red(), p.green(), p.blue()}) - std::min({p.red(), p.green(), p.blue()}) > 12)
                    ++coloured;
            }
        QVERIFY2(road > 8000, qPrintable(QString::number(road)));
        QCOMPARE(coloured, 0);
    }

    void aProjectWithoutRoadsSaysSo() {
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.gpkg"));
        Store::create(fresh);
        QVERIFY(!Basemap::projectHasRoads(fresh));
        Basemap::Choice c;
        c.kind = Basemap::Kind::ProjectRoads;
        QString why;
        QVERIFY(!Basemap::create(c, fresh, &why));
        QVERIFY2(why.contains(QLatin1String("no road layer")), qPrintable(why));
    }

    void roadFilesOfEveryKind() {
        QString why;
        Basemap::Choice c;
        c.kind = Basemap::Kind::RoadFile;
        // OpenStreetMap's tags (as GeoJSON), Geofabrik's shapefile field in capitals, the Flemish road
        // register.
        c.file =
            write(QStringLiteral("osm.geojson"),
                  lines(QStringLiteral("highway"), {QStringLiteral("motorway"), QStringLiteral("residential"),
                                                    QStringLiteral("tertiary")}));
        auto osm = roads(c, QString(), &why);
        QVERIFY2(osm, qPrintable(why));
        QCOMPARE(classes(osm.get()), (QStringList{QStringLiteral("Main roads"), QStringLiteral("Minor roads"),
                                                  QStringLiteral("Secondary roads")}));
        QCOMPARE(osm->name(), QStringLiteral("Roads (osm.geojson)"));
        c.file =
            write(QStringLiteral("geofabrik.geojson"),
                  lines(QStringLiteral("FCLASS"), {QStringLiteral("service"), QStringLiteral("Primary")}));
        auto geofabrik = roads(c, QString(), &why);
        QVERIFY(geofabrik);
        QCOMPARE(classes(geofabrik.get()),
                 (QStringList{QStringLiteral("Minor roads"), QStringLiteral("Main roads")}));
        c.file =
            write(QStringLiteral("wegenregister.geojson"),
                  lines(QStringLiteral("MORF"), {QStringLiteral("autosnelweg"), QStringLiteral("rotonde"),
                                                 QStringLiteral("aardeweg")}));
        auto wr = roads(c, QString(), &why);
        QVERIFY(wr);
        QCOMPARE(classes(wr.get()),
                 (QStringList{QStringLiteral("Main roads"), QStringLiteral("Secondary roads"),
                              QStringLiteral("Minor roads")}));
        // No class field: one thin grey line for all.
        c.file =
            write(QStringLiteral("plain.geojson"), lines(QStringLiteral("naam"), {QStringLiteral("Kouter")}));
        auto plain = roads(c, QString(), &why);
        QVERIFY(plain);
        QVERIFY(dynamic_cast<QgsSingleSymbolRenderer*>(plain->renderer()));
        // An OpenStreetMap extract: its ways with a highway tag, not the rest.
        c.file = write(QStringLiteral("roads.osm"), R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
 <node id="1" lat="51.05" lon="3.70"/><node id="2" lat="51.06" lon="3.72"/>
 <node id="3" lat="51.04" lon="3.71"/><node id="4" lat="51.045" lon="3.73"/>
 <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="name" v="Kortrijksesteenweg"/></way>
 <way id="11"><nd ref="3"/><nd ref="4"/><tag k="waterway" v="canal"/></way>
</osm>
)");
        auto extract = roads(c, QString(), &why);
        QVERIFY2(extract, qPrintable(why));
        // (OGR's OpenStreetMap driver does not count ahead: the features are read.)
        QCOMPARE(classes(extract.get()), QStringList{QStringLiteral("Main roads")});
    }

    void aFileThatIsNoRoadLayerIsRefusedByName() {
        QString why;
        Basemap::Choice c;
        c.kind = Basemap::Kind::RoadFile;
        c.file = m_dir.filePath(QStringLiteral("gone.gpkg"));
        QVERIFY(!Basemap::create(c, QString(), &why));
        QVERIFY2(why.contains(QLatin1String("gone.gpkg")) && why.contains(QLatin1String("no such file")),
                 qPrintable(why));
        c.file = write(QStringLiteral("points.geojson"),
                       R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                       R"("geometry":{"type":"Point","coordinates":[3.7,51.05]}}]})");
        QVERIFY(!Basemap::create(c, QString(), &why));
        QVERIFY2(why.contains(QLatin1String("points.geojson")) &&
                     why.contains(QLatin1String("no road lines")),
                 qPrintable(why));
    }

    void theChoiceIsSavedAsText() {
        for (const QString& text :
             {QStringLiteral("none"), QStringLiteral("roads"), QStringLiteral("osm"), QStringLiteral("grb"),
              QStringLiteral("ortho"), QStringLiteral("file:/home/planner/wegen register/Wegsegment.shp")})
            QCOMPARE(Basemap::Choice::fromString(text).toString(), text);
        QCOMPARE(Basemap::Choice::fromString(QStringLiteral("true")).kind,
                 Basemap::Kind::Osm); // saved by 0.4
        QCOMPARE(Basemap::Choice::fromString(QStringLiteral("something else")).kind, Basemap::Kind::None);
        QVERIFY(Basemap::isOnline(Basemap::Kind::Grb) && !Basemap::isOnline(Basemap::Kind::ProjectRoads));
        QVERIFY(Basemap::attribution(Basemap::Kind::Osm).contains(QLatin1String("OpenStreetMap")));
    }

    void onlinePresetsSayWhenThereIsNoNetwork() {
        for (Basemap::Kind kind : {Basemap::Kind::Osm, Basemap::Kind::Grb, Basemap::Kind::Orthophoto}) {
            Basemap::Choice c;
            c.kind = kind;
            QString why;
            std::unique_ptr<QgsMapLayer> layer(Basemap::create(c, QString(), &why));
            if (layer) {
                QVERIFY(layer->isValid());
                QVERIFY(!layer->attribution().isEmpty());
                continue; // this machine is online
            }
            QVERIFY2(why.startsWith(QLatin1String("no network")), qPrintable(why));
        }
    }
};

STROOM_QGIS_TEST_MAIN(TestBasemap)
#include "testbasemap.moc"
