#include "basemap.h"

#include "simulate/demoproject.h"

#include <qgsfeaturerequest.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsrasterlayer.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace stroom::maps {

namespace {

/** The server each online kind is asked first (a small request), and its layer's data source. */
struct Online {
    const char* probe;
    const char* uri;
};

Online online(Basemap::Kind kind) {
    switch (kind) {
    case Basemap::Kind::Osm:
        return {"https://tile.openstreetmap.org/0/0/0.png",
                "type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png&zmax=19&zmin=0"};
    case Basemap::Kind::Grb: // Digitaal Vlaanderen's WMTS, the grey GRB base map
        return {
            "https://geo.api.vlaanderen.be/GRB/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
            "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/"
            "png&layers=grb_bsk_grijs&styles=default"
            "&tileMatrixSet=GoogleMapsVL&url=https://geo.api.vlaanderen.be/GRB/wmts?SERVICE%3DWMTS%26REQUEST%"
            "3DGetCapabilities"};
    case Basemap::Kind::Orthophoto: // the most recent medium-scale orthophoto of Flanders
        return {
            "https://geo.api.vlaanderen.be/OMWRGBMRVL/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
            "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/png&layers=omwrgbmrvl&styles=default"
            "&tileMatrixSet=GoogleMapsVL&url=https://geo.api.vlaanderen.be/OMWRGBMRVL/wmts?SERVICE%3DWMTS%"
            "26REQUEST%3DGetCapabilities"};
    default:
        return {nullptr, nullptr};
    }
}

QgsLineSymbol* roadSymbol(const QColor& colour, double widthMm, int pass = 0) {
    auto* line = new QgsSimpleLineSymbolLayer(colour, widthMm);
    line->setRenderingPass(pass); // with symbol levels: minor roads first, main roads over them
    line->setPenCapStyle(Qt::RoundCap);
    line->setPenJoinStyle(Qt::RoundJoin);
    return new QgsLineSymbol(QgsSymbolLayerList() << line);
}

} // namespace

QString Basemap::Choice::toString() const {
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::ProjectRoads:
        return QStringLiteral("roads");
    case Kind::RoadFile:
        return QStringLiteral("file:") + file;
    case Kind::Osm:
        return QStringLiteral("osm");
    case Kind::Grb:
        return QStringLiteral("grb");
    case Kind::Orthophoto:
        return QStringLiteral("ortho");
    }
    return QStringLiteral("none");
}

Basemap::Choice Basemap::Choice::fromString(const QString& text) {
    Choice c;
    if (text == QLatin1String("roads"))
        c.kind = Kind::ProjectRoads;
    else if (text.startsWith(QLatin1String("file:")) && text.size() > 5) {
        c.kind = Kind::RoadFile;
        c.file = text.mid(5);
    } else if (text == QLatin1String("osm") || text == QLatin1String("true")) // "true": saved before 0.5
        c.kind = Kind::Osm;
    else if (text == QLatin1String("grb"))
        c.kind = Kind::Grb;
    else if (text == QLatin1String("ortho"))
        c.kind = Kind::Orthophoto;
    return c;
}

bool Basemap::isOnline(Kind kind) {
    return kind == Kind::Osm || kind == Kind::Grb || kind == Kind::Orthophoto;
}

QString Basemap::title(Kind kind) {
    switch (kind) {
    case Kind::None:
        return QCoreApplication::translate("Basemap", "No basemap");
    case Kind::ProjectRoads:
        return QCoreApplication::translate("Basemap", "Roads of the project");
    case Kind::RoadFile:
        return QCoreApplication::translate("Basemap", "Roads from a file");
    case Kind::Osm:
        return QCoreApplication::translate("Basemap", "OpenStreetMap (online)");
    case Kind::Grb:
        return QCoreApplication::translate("Basemap", "GRB base map, Flanders (online)");
    case Kind::Orthophoto:
        return QCoreApplication::translate("Basemap", "Orthophoto, Flanders (online)");
    }
    return QString();
}

QString Basemap::attribution(Kind kind) {
    switch (kind) {
    case Kind::Osm:
        return QCoreApplication::translate("Basemap", "© OpenStreetMap contributors, ODbL");
    case Kind::Grb:
    case Kind::Orthophoto:
        return QCoreApplication::translate("Basemap",
                                           "© Digitaal Vlaanderen, Flemish model licence for free reuse");
    case Kind::ProjectRoads:
        return QCoreApplication::translate("Basemap", "Roads: the project's road layer");
    default:
        return QString();
    }
}

bool Basemap::projectHasRoads(const QString& gpkgPath) {
    QgsVectorLayer::LayerOptions options;
    options.loadDefaultStyle = false;
    QgsVectorLayer roads(gpkgPath + QStringLiteral("|layername=roads"), QStringLiteral("roads"),
                         QStringLiteral("ogr"), options);
    return roads.isValid() && roads.featureCount() > 0;
}

QgsMapLayer* Basemap::create(const Choice& choice, const QString& gpkgPath, QString* why, bool probe) {
    auto fail = [why](const QString& reason) -> QgsMapLayer* {
        if (why)
            *why = reason;
        return nullptr;
    };
    if (choice.kind == Kind::None)
        return fail(QCoreApplication::translate("Basemap", "no basemap chosen"));
    if (isOnline(choice.kind)) {
        QString error;
        if (probe && !reachable(QString::fromLatin1(online(choice.kind).probe), &error))
            return fail(QCoreApplication::translate("Basemap", "no network: %1").arg(error));
        auto* layer = new QgsRasterLayer(QString::fromLatin1(online(choice.kind).uri), title(choice.kind),
                                         QStringLiteral("wms"));
        if (!layer->isValid()) {
            delete layer;
            return fail(QCoreApplication::translate("Basemap", "the server did not give the layer"));
        }
        layer->setAttribution(attribution(choice.kind));
        return layer;
    }
    QString source;
    QString name = title(choice.kind);
    if (choice.kind == Kind::ProjectRoads) {
        source = gpkgPath + QStringLiteral("|layername=roads");
    } else {
        const QFileInfo file(choice.file);
        if (!file.isFile())
            return fail(QCoreApplication::translate("Basemap", "%1: no such file").arg(choice.file));
        source = file.absoluteFilePath();
        name = QCoreApplication::translate("Basemap", "Roads (%1)").arg(file.fileName());
        const QString suffix = file.suffix().toLower();
        if (suffix == QLatin1String("osm") || suffix == QLatin1String("pbf"))
            source += QStringLiteral("|layername=lines"); // OGR's OSM driver: ways as lines
    }
    QgsVectorLayer::LayerOptions options;
    options.loadDefaultStyle = false;
    auto* layer = new QgsVectorLayer(source, name, QStringLiteral("ogr"), options);
    if (!layer->isValid() || layer->geometryType() != QgsWkbTypes::LineGeometry) { // roads are lines
        delete layer;
        return fail(choice.kind == Kind::ProjectRoads
                        ? QCoreApplication::translate("Basemap", "the project has no road layer")
                        : QCoreApplication::translate("Basemap", "%1: no road lines in it").arg(choice.file));
    }
    if (source.endsWith(QLatin1String("|layername=lines")))
        layer->setSubsetString(QStringLiteral("\"highway\" IS NOT NULL"));
    layer->setReadOnly(true);
    applyRoadStyle(layer);
    return layer;
}

void Basemap::applyRoadStyle(QgsVectorLayer* roads) {
    // The first road-class field the layer has, and which of its values are major and medium roads.
    struct Scheme {
        const char* field;
        QStringList major, medium;
    };
    const Scheme schemes[] = {
        {"highway",
         {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link"},
         {"secondary", "secondary_link", "tertiary", "tertiary_link"}},
        {"fclass",
         {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link"},
         {"secondary", "secondary_link", "tertiary", "tertiary_link"}},
        {"wegcat", {"h", "pi", "pii", "pii-4"}, {"piii", "l1", "l2"}},
        {"morf",
         {"autosnelweg", "weg met gescheiden rijbanen",
          "op- of afrit, behorende tot een niet-gelijkgrondse "
          "verbinding"},
         {"weg bestaande uit één rijbaan", "rotonde", "ventweg"}},
        {"class", {"motorway", "trunk", "primary", "main", "major"}, {"secondary", "tertiary", "medium"}},
    };
    QString field;
    const Scheme* scheme = nullptr;
    for (const Scheme& s : schemes) {
        const int i = roads->fields().lookupField(QString::fromLatin1(s.field)); // case-insensitive
        if (i >= 0) {
            field = roads->fields().at(i).name();
            scheme = &s;
            break;
        }
    }
    // Greys only: the flows' blue ramp and the selection's orange keep the colour.
    const QColor majorColour(0xbd, 0xbd, 0xbd), mediumColour(0xcc, 0xcc, 0xcc), minorColour(0xda, 0xda, 0xda);
    if (!scheme) {
        roads->setRenderer(new QgsSingleSymbolRenderer(roadSymbol(mediumColour, 0.35)));
        return;
    }
    auto list = [](const QStringList& values) {
        QStringList quoted;
        for (const QString& v : values)
            quoted << QgsExpression::quotedString(v);
        return quoted.join(QLatin1Char(','));
    };
    const QString column = QStringLiteral("lower(%1)").arg(QgsExpression::quotedColumnRef(field));
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    root->appendChild(
        new QgsRuleBasedRenderer::Rule(roadSymbol(minorColour, 0.3, 0), 0, 0,
                                       QStringLiteral("%1 IS NULL OR %1 NOT IN (%2, %3)")
                                           .arg(column, list(scheme->major), list(scheme->medium)),
                                       QCoreApplication::translate("Basemap", "Minor roads")));
    root->appendChild(
        new QgsRuleBasedRenderer::Rule(roadSymbol(mediumColour, 0.55, 1), 0, 0,
                                       QStringLiteral("%1 IN (%2)").arg(column, list(scheme->medium)),
                                       QCoreApplication::translate("Basemap", "Secondary roads")));
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        roadSymbol(majorColour, 0.9, 2), 0, 0, QStringLiteral("%1 IN (%2)").arg(column, list(scheme->major)),
        QCoreApplication::translate("Basemap", "Main roads")));
    auto* renderer = new QgsRuleBasedRenderer(root);
    renderer->setUsingSymbolLevels(
        true); // the rendering passes, not the features' order, decide what lies on top
    roads->setRenderer(renderer);
}

bool Basemap::reachable(const QString& url, QString* why) {
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Stroom/%1").arg(stroomVersion()));
    request.setTransferTimeout(3000);
    QNetworkReply* reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    const bool ok = reply->error() == QNetworkReply::NoError;
    if (!ok && why)
        *why = reply->errorString();
    reply->deleteLater();
    return ok;
}

} // namespace stroom::maps
