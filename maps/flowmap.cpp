#include "flowmap.h"

#include "common/geometry.h"

#include <qgsarrowsymbollayer.h>
#include <qgsclassificationprettybreaks.h>
#include <qgsdatadefinedsizelegend.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgsmarkersymbollayer.h>
#include <qgspropertytransformer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayerutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QLocale>

#include <map>

#include <algorithm>
#include <cmath>

namespace stroom::maps {

QString FlowMap::layerName() {
    return QCoreApplication::translate("FlowMap", "Flows (trips)");
}

QString FlowMap::withinLayerName() {
    return QCoreApplication::translate("FlowMap", "Trips within a zone");
}

FlowMap::FlowMap(QObject* parent)
    : QObject(parent) {}

FlowMap::~FlowMap() = default;

void FlowMap::setData(FlowCube cube, CameraIndex cameras, const DisclosurePolicy& policy,
                      std::function<RawOd(const FlowFilter&, const std::vector<int>&)> imported) {
    m_cube = std::move(cube);
    m_imported = std::move(imported);
    m_cams = std::move(cameras);
    m_policy = policy;
    m_layer = new QgsVectorLayer(
        QStringLiteral("LineString?crs=EPSG:4326&field=origin:string&field=destination:string"
                       "&field=trips:integer&field=share:double&field=origin_key:integer"
                       "&field=destination_key:integer"),
        layerName(), QStringLiteral("memory"));
    m_within = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=zone:string&field=trips:integer"
                                                 "&field=zone_key:integer"),
                                  withinLayerName(), QStringLiteral("memory"));
    buildWithinRenderer(1);
    // Classes for the unfiltered camera-level view until the first apply() draws something.
    std::vector<OdFlow> all = released(FlowFilter(), false).flows;
    std::sort(all.begin(), all.end(), [](const OdFlow& x, const OdFlow& y) { return x.trips > y.trips; });
    classify(all);
    buildRenderer();
}

OdMatrix FlowMap::released(const FlowFilter& filter, bool zones) const {
    OdMatrix m = (zones ? m_cube.od(filter, m_cams.zoneOf) : m_cube.od(filter)).publish(m_policy);
    if (!m_imported)
        return m;
    const OdMatrix extra = m_imported(filter, zones ? m_cams.zoneOf : std::vector<int>()).publish(m_policy);
    if (extra.flows.empty() && extra.suppressed == 0)
        return m;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> sum;
    for (const OdFlow& f : m.flows)
        sum[{f.origin, f.destination}] += f.trips;
    for (const OdFlow& f : extra.flows)
        sum[{f.origin, f.destination}] += f.trips;
    m.flows.clear();
    for (const auto& [pair, trips] : sum)
        m.flows.push_back(OdFlow{pair.first, pair.second, trips});
    m.trips += extra.trips;
    m.suppressed += extra.suppressed;
    return m;
}

QColor FlowMap::rampColor(std::size_t i) {
    // A sequential blue ramp without its palest steps: the smallest class still stands out from the
    // background and the district outlines; colour-blind safe, and apart from the selection's orange.
    static const QColor ramp[] = {QColor(0x6b, 0xae, 0xd6), QColor(0x42, 0x92, 0xc6),
                                  QColor(0x21, 0x71, 0xb5), QColor(0x08, 0x51, 0x9c),
                                  QColor(0x08, 0x30, 0x6b)};
    return ramp[std::min<std::size_t>(i, 4)];
}

double FlowMap::classWidth(std::size_t i) const {
    // In proportion to the class's middle value against the largest flow drawn, never a hairline.
    constexpr double kMin = 0.7, kMax = 4.0;
    if (m_breaks.empty() || m_largestDrawn <= 0)
        return kMin;
    const double lower = m_breaks[std::min(i, m_breaks.size() - 1)];
    const double upper = i + 1 < m_breaks.size() ? m_breaks[i + 1] : m_largestDrawn;
    const double middle = std::min(m_largestDrawn, (lower + std::max(lower, upper)) / 2.0);
    return std::max(kMin, kMax * middle / m_largestDrawn);
}

void FlowMap::classify(const std::vector<OdFlow>& drawn) {
    const double k = std::max(1, m_policy.k());
    double lo = k, hi = k;
    if (!drawn.empty()) {
        hi = static_cast<double>(drawn.front().trips);
        lo = static_cast<double>(drawn.back().trips);
    }
    m_largestDrawn = hi;
    // Pretty breaks (QGIS's) over what is drawn: round numbers, and the whole ramp for a narrow filter too.
    QgsClassificationPrettyBreaks pretty;
    m_breaks.clear();
    if (hi > lo) {
        for (const QgsClassificationRange& r : pretty.classes(lo, hi, 5))
            if (r.upperBound() > lo && (m_breaks.empty() || r.lowerBound() > m_breaks.back()))
                m_breaks.push_back(std::max(r.lowerBound(), m_breaks.empty() ? lo : r.lowerBound()));
    }
    if (m_breaks.empty())
        m_breaks.push_back(lo);
    m_breaks.front() = std::min(m_breaks.front(), lo); // the smallest drawn flow is in the first class
}

void FlowMap::buildRenderer() {
    QgsRangeList ranges;
    // With fewer classes than colours, the strongest colours go to the largest flows.
    const std::size_t shift = m_breaks.size() < 5 ? 5 - m_breaks.size() : 0;
    for (std::size_t i = 0; i < m_breaks.size(); ++i) {
        const double lower = m_breaks[i];
        const double upper = i + 1 < m_breaks.size() ? m_breaks[i + 1] : 1e12;
        auto* arrow = new QgsArrowSymbolLayer();
        arrow->setIsCurved(true);
        arrow->setIsRepeated(false);
        const double width = classWidth(i);
        arrow->setArrowWidth(width);
        arrow->setArrowStartWidth(width * 0.6);
        arrow->setHeadLength(1.6 + width);
        arrow->setHeadThickness(0.9 + width * 0.7);
        auto* fill = new QgsSimpleFillSymbolLayer(rampColor(i + shift), Qt::SolidPattern,
                                                  QColor(255, 255, 255, 180), Qt::SolidLine, 0.15);
        arrow->setSubSymbol(new QgsFillSymbol(QgsSymbolLayerList() << fill));
        auto* symbol = new QgsLineSymbol(QgsSymbolLayerList() << arrow);
        const QLocale loc;
        const QString label =
            i + 1 < m_breaks.size()
                ? QCoreApplication::translate("FlowMap", "%1 – %2 trips")
                      .arg(loc.toString(lower, 'f', 0), loc.toString(std::ceil(upper) - 1, 'f', 0))
                : QCoreApplication::translate("FlowMap", "%1 trips or more").arg(loc.toString(lower, 'f', 0));
        ranges << QgsRendererRange(lower, upper, symbol, label);
    }
    auto* renderer = new QgsGraduatedSymbolRenderer(QStringLiteral("trips"), ranges);
    // The largest flows are drawn last, on top.
    renderer->setOrderByEnabled(true);
    renderer->setOrderBy(
        QgsFeatureRequest::OrderBy({QgsFeatureRequest::OrderByClause(QStringLiteral("trips"), true)}));
    m_layer->setRenderer(renderer);
}

void FlowMap::buildWithinRenderer(double largest) {
    // Area in proportion to trips (QGIS's area scaling from 0), so two circles compare as their trips do.
    constexpr double kLargestMm = 12.0;
    auto* circle = new QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase::Circle, kLargestMm);
    QColor fill = rampColor(2);
    fill.setAlpha(110);
    circle->setColor(fill);
    circle->setStrokeColor(rampColor(4));
    circle->setStrokeWidth(0.35);
    auto* symbol = new QgsMarkerSymbol(QgsSymbolLayerList() << circle);
    QgsProperty size = QgsProperty::fromField(QStringLiteral("trips"));
    size.setTransformer(new QgsSizeScaleTransformer(QgsSizeScaleTransformer::Area, 0, std::max(1.0, largest),
                                                    0, kLargestMm, 0, 0.5));
    symbol->setDataDefinedSize(size);
    auto* renderer = new QgsSingleSymbolRenderer(symbol);
    auto* legend = new QgsDataDefinedSizeLegend();
    legend->setLegendType(QgsDataDefinedSizeLegend::LegendCollapsed);
    legend->setTitle(QCoreApplication::translate("FlowMap", "Trips within the zone"));
    // Pretty values up to the largest circle drawn, in the user's number format.
    QList<QgsDataDefinedSizeLegend::SizeClass> classes;
    const QLocale loc;
    for (double v : QgsSymbolLayerUtils::prettyBreaks(0, std::max(1.0, largest), 3))
        if (v > 0 && v <= largest)
            classes << QgsDataDefinedSizeLegend::SizeClass(v, loc.toString(v, 'f', 0));
    legend->setClasses(classes);
    renderer->setDataDefinedSizeLegend(legend);
    // The largest circles first, so the small ones stay visible on top.
    renderer->setOrderByEnabled(true);
    renderer->setOrderBy(
        QgsFeatureRequest::OrderBy({QgsFeatureRequest::OrderByClause(QStringLiteral("trips"), false)}));
    m_within->setRenderer(renderer);
}

QString FlowMap::label(std::uint32_t key, bool zones) const {
    return m_cams.label(key, zones);
}

void FlowView::writeJson(QJsonObject& o) const {
    o.insert(QStringLiteral("from"), filter.from.toString(Qt::ISODate));
    o.insert(QStringLiteral("to"), filter.to.toString(Qt::ISODate));
    o.insert(QStringLiteral("days"), static_cast<int>(filter.days));
    o.insert(QStringLiteral("hour_from"), filter.hourFrom);
    o.insert(QStringLiteral("hour_to"), filter.hourTo);
    o.insert(QStringLiteral("classes"), static_cast<qint64>(filter.classMask));
    o.insert(QStringLiteral("through"), filter.throughOnly);
    o.insert(QStringLiteral("zones"), zones);
    o.insert(QStringLiteral("top_n"), topN);
    o.insert(QStringLiteral("min_trips"), minTrips);
    o.insert(QStringLiteral("lock_legend"), lockLegend);
}

FlowView FlowView::fromJson(const QJsonObject& o) {
    FlowView v;
    v.filter.from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    v.filter.to = QDate::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    v.filter.days = static_cast<FlowFilter::Days>(std::clamp(o.value(QStringLiteral("days")).toInt(), 0, 2));
    v.filter.hourFrom = o.value(QStringLiteral("hour_from")).toInt(0);
    v.filter.hourTo = o.value(QStringLiteral("hour_to")).toInt(24);
    v.filter.classMask = static_cast<std::uint32_t>(o.value(QStringLiteral("classes")).toDouble());
    v.filter.throughOnly = o.value(QStringLiteral("through")).toBool();
    v.zones = o.value(QStringLiteral("zones")).toBool();
    v.topN = o.value(QStringLiteral("top_n")).toInt(100);
    v.minTrips = o.value(QStringLiteral("min_trips")).toInt(10);
    v.lockLegend = o.value(QStringLiteral("lock_legend")).toBool();
    return v;
}

FlowViewResult FlowMap::apply(const FlowView& view) {
    m_view = view;
    FlowViewResult r;
    r.k = m_policy.k();
    r.matrix = released(view.filter, view.zones);
    r.suppressedCells = r.matrix.suppressed;
    const OriginShares shares(r.matrix);
    std::vector<OdFlow> candidates;
    for (const OdFlow& f : r.matrix.flows)
        if (f.trips >= view.minTrips && f.origin != f.destination)
            candidates.push_back(f);
        else if (f.trips >= view.minTrips && view.zones)
            r.within.push_back(f); // drawn as a circle at the zone's point
    std::sort(r.within.begin(), r.within.end(),
              [](const OdFlow& a, const OdFlow& b) { return a.trips > b.trips; });
    std::sort(candidates.begin(), candidates.end(), [](const OdFlow& a, const OdFlow& b) {
        if (a.trips != b.trips)
            return a.trips > b.trips;
        return std::tie(a.origin, a.destination) < std::tie(b.origin, b.destination);
    });
    if (static_cast<int>(candidates.size()) > view.topN)
        candidates.resize(static_cast<std::size_t>(std::max(0, view.topN)));
    // The focus (a selected camera, zone or OD row) is drawn whatever the top N: its released flows join.
    if (m_focusZones != view.zones) {
        m_focusKey.reset();
        m_focusPairs.clear();
    }
    if (m_focusKey || !m_focusPairs.isEmpty()) {
        for (const OdFlow& f : r.matrix.flows) {
            const bool focused = (m_focusKey && (f.origin == *m_focusKey || f.destination == *m_focusKey)) ||
                                 m_focusPairs.contains(qMakePair(f.origin, f.destination));
            if (!focused || f.origin == f.destination)
                continue;
            const bool drawn = std::any_of(candidates.begin(), candidates.end(), [&](const OdFlow& c) {
                return c.origin == f.origin && c.destination == f.destination;
            });
            if (!drawn)
                candidates.push_back(f);
        }
    }
    r.shown = candidates;

    QgsFeatureList features;
    features.reserve(static_cast<int>(candidates.size()));
    for (const OdFlow& f : candidates) {
        const std::vector<QPointF> arc = m_cams.flowLine(f, view.zones);
        if (arc.empty())
            continue;
        QgsFeature feat(m_layer->fields());
        QgsPolylineXY line;
        for (const QPointF& p : arc)
            line << QgsPointXY(p.x(), p.y());
        feat.setGeometry(QgsGeometry::fromPolylineXY(line));
        const double share = shares.of(f);
        QgsAttributes attrs;
        attrs << label(f.origin, view.zones) << label(f.destination, view.zones)
              << static_cast<qlonglong>(f.trips) << share << static_cast<qlonglong>(f.origin)
              << static_cast<qlonglong>(f.destination);
        feat.setAttributes(attrs);
        features << feat;
        r.tripsShown += f.trips;
    }
    m_layer->removeSelection();
    m_layer->dataProvider()->truncate();
    m_layer->dataProvider()->addFeatures(features);
    m_byFeature.clear();
    QgsFeatureIterator it = m_layer->getFeatures();
    QgsFeature feat;
    while (it.nextFeature(feat))
        m_byFeature.insert(feat.id(), OdFlow{static_cast<std::uint32_t>(feat.attribute(4).toLongLong()),
                                             static_cast<std::uint32_t>(feat.attribute(5).toLongLong()),
                                             feat.attribute(2).toLongLong()});
    if (!view.lockLegend) {
        std::vector<OdFlow> byTrips = candidates;
        std::sort(byTrips.begin(), byTrips.end(),
                  [](const OdFlow& a, const OdFlow& b) { return a.trips > b.trips; });
        classify(byTrips);
        buildRenderer(); // the legend is rebuilt from what is drawn
    }
    QgsFeatureList circles;
    for (const OdFlow& f : r.within) {
        const QPointF at = m_cams.at(f.origin, true);
        if (std::isnan(at.x()))
            continue;
        QgsFeature circle(m_within->fields());
        circle.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(at.x(), at.y())));
        circle.setAttributes(QgsAttributes() << label(f.origin, true) << static_cast<qlonglong>(f.trips)
                                             << static_cast<qlonglong>(f.origin));
        circles << circle;
    }
    m_within->dataProvider()->truncate();
    m_within->dataProvider()->addFeatures(circles);
    // Circle sizes follow the largest drawn, unless the legend is locked (then the first sizes hold).
    if (!r.within.empty() && (!view.lockLegend || m_withinLargest <= 0)) {
        m_withinLargest = static_cast<double>(r.within.front().trips);
        buildWithinRenderer(m_withinLargest);
    }
    m_within->updateExtents();
    m_within->triggerRepaint();
    selectFocus();
    m_layer->updateExtents();
    m_layer->triggerRepaint();
    m_result = r;
    return r;
}

QList<FlowMap::Pair> FlowMap::selectTouching(std::uint32_t key) {
    if (!m_layer)
        return {};
    const bool same = m_focusKey == key && m_focusPairs.isEmpty() && m_focusZones == m_view.zones;
    m_focusKey = key;
    m_focusPairs.clear();
    m_focusZones = m_view.zones;
    if (same)
        selectFocus(); // apply() drew this focus already (a filter change re-picks the camera)
    else
        apply(m_view); // draws the focus's flows that were not drawn, and selects them
    const QList<qint64> ids = featuresTouching(key);
    QList<Pair> pairs;
    for (qint64 id : ids) {
        OdFlow f;
        if (flowOf(id, &f))
            pairs << qMakePair(f.origin, f.destination);
    }
    return pairs;
}

void FlowMap::selectFlows(const QList<Pair>& pairs) {
    if (!m_layer)
        return;
    m_focusKey.reset();
    m_focusPairs = pairs;
    m_focusZones = m_view.zones;
    bool missing = false;
    for (const Pair& p : pairs)
        missing = missing || std::none_of(m_byFeature.cbegin(), m_byFeature.cend(), [&](const OdFlow& f) {
                      return f.origin == p.first && f.destination == p.second;
                  });
    if (missing)
        apply(m_view); // an OD row outside the top N: drawn now
    else
        selectFocus();
}

void FlowMap::clearFocus() {
    m_focusKey.reset();
    m_focusPairs.clear();
    if (m_layer)
        m_layer->removeSelection();
}

void FlowMap::selectFocus() {
    QgsFeatureIds ids;
    for (auto it = m_byFeature.cbegin(); it != m_byFeature.cend(); ++it)
        if ((m_focusKey && (it->origin == *m_focusKey || it->destination == *m_focusKey)) ||
            m_focusPairs.contains(qMakePair(it->origin, it->destination)))
            ids.insert(it.key());
    m_layer->selectByIds(ids);
}

void FlowMap::zoneTrips(int zone, std::int64_t* out, std::int64_t* in) const {
    *out = *in = 0;
    for (const OdFlow& f : released(m_view.filter, true).flows) {
        if (static_cast<int>(f.origin) == zone)
            *out += f.trips;
        if (static_cast<int>(f.destination) == zone)
            *in += f.trips;
    }
}

QList<qint64> FlowMap::featuresTouching(std::uint32_t key) const {
    QList<qint64> ids;
    for (auto it = m_byFeature.cbegin(); it != m_byFeature.cend(); ++it)
        if (it->origin == key || it->destination == key)
            ids << it.key();
    std::sort(ids.begin(), ids.end());
    return ids;
}

CameraProfile FlowMap::cameraProfile(std::uint32_t camera) const {
    CameraProfile p;
    if (camera >= m_cams.id.size()) // not in the index (e.g. added since): nothing, never every camera
        return p;
    p.byClass = m_cube.counts(m_view.filter, CountPeriod::All, true, true, camera).publish(m_policy);
    p.hourly = m_cube.counts(m_view.filter, CountPeriod::HourOfDay, true, true, camera).publish(m_policy);
    return p;
}

std::vector<std::uint32_t> FlowMap::camerasOf(std::uint32_t key, bool zones) const {
    if (!zones)
        return {key};
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < m_cams.zoneOf.size(); ++i)
        if (m_cams.zoneOf[i] == static_cast<int>(key))
            out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

bool FlowMap::flowOf(qint64 fid, OdFlow* out) const {
    const auto it = m_byFeature.constFind(fid);
    if (it == m_byFeature.cend())
        return false;
    *out = *it;
    return true;
}

} // namespace stroom::maps
