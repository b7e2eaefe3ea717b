#include "flowmap.h"

#include "common/error.h"
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
#include <qgsrulebasedrenderer.h>
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

QString FlowMap::compareLayerName() {
    return QCoreApplication::translate("FlowMap", "Change in trips per day");
}

QString FlowMap::withinLayerName() {
    return QCoreApplication::translate("FlowMap", "Trips within a zone");
}

FlowMap::FlowMap(QObject* parent)
    : QObject(parent) {}

FlowMap::~FlowMap() = default;

void FlowMap::setData(FlowCube cube, CameraIndex cameras, const DisclosurePolicy& policy,
                      std::function<RawOd(const FlowFilter&, const std::vector<int>&)> imported) {
    m_cube = std::make_shared<const FlowCube>(std::move(cube));
    m_imported = std::move(imported);
    m_cams = std::move(cameras);
    m_policy = policy;
    m_layer = new QgsVectorLayer(
        QStringLiteral("LineString?crs=EPSG:4326&field=origin:string&field=destination:string"
                       "&field=trips:integer&field=share:double&field=origin_key:integer"
                       "&field=destination_key:integer&field=before:double&field=after:double"
                       "&field=change_pct:double&field=significant:integer&field=volume:double"
                       "&field=change_class:integer"),
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
    OdMatrix m = (zones ? m_cube->od(filter, m_cams.zoneOf) : m_cube->od(filter)).publish(m_policy);
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
    o.insert(QStringLiteral("compare"), compare);
    o.insert(QStringLiteral("after_from"), afterFrom.toString(Qt::ISODate));
    o.insert(QStringLiteral("after_to"), afterTo.toString(Qt::ISODate));
}

FlowFilter FlowView::afterFilter() const {
    FlowFilter f = filter;
    f.from = afterFrom;
    f.to = afterTo;
    return f;
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
    v.compare = o.value(QStringLiteral("compare")).toBool();
    v.afterFrom = QDate::fromString(o.value(QStringLiteral("after_from")).toString(), Qt::ISODate);
    v.afterTo = QDate::fromString(o.value(QStringLiteral("after_to")).toString(), Qt::ISODate);
    return v;
}

void FlowMap::replaceFeatures(QgsFeatureList features) {
    m_layer->removeSelection();
    m_layer->dataProvider()->truncate();
    m_layer->dataProvider()->addFeatures(features);
    m_byFeature.clear();
    m_changeByFeature.clear();
    QgsFeatureIterator it = m_layer->getFeatures();
    QgsFeature feat;
    while (it.nextFeature(feat))
        m_byFeature.insert(feat.id(), OdFlow{static_cast<std::uint32_t>(feat.attribute(4).toLongLong()),
                                             static_cast<std::uint32_t>(feat.attribute(5).toLongLong()),
                                             feat.attribute(2).toLongLong()});
}

FlowViewResult FlowMap::apply(const FlowView& view) {
    m_view = view;
    FlowViewResult r;
    r.k = m_policy.k();
    if (m_focusZones != view.zones) {
        m_focusKey.reset();
        m_focusPairs.clear();
    }
    if (view.compare) {
        applyCompare(view, r);
        m_result = r;
        return r;
    }
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
              << static_cast<qlonglong>(f.destination) << QVariant() << QVariant() << QVariant() << QVariant()
              << QVariant() << QVariant();
        feat.setAttributes(attrs);
        features << feat;
        r.tripsShown += f.trips;
    }
    replaceFeatures(features);
    if (view.lockLegend && !m_compareDrawn && !m_breaks.empty() && !candidates.empty()) {
        // Locked classes stay, but reach down to the smallest flow drawn now: a graduated renderer leaves out
        // what falls under its first class (a narrower filter's small flows would vanish from the map).
        double smallest = static_cast<double>(candidates.front().trips);
        for (const OdFlow& f : candidates)
            smallest = std::min(smallest, static_cast<double>(f.trips));
        if (smallest < m_breaks.front()) {
            m_breaks.front() = smallest;
            buildRenderer();
        }
    }
    if (!view.lockLegend || m_compareDrawn) {
        m_compareDrawn = false;
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

int FlowMap::changeClass(const PeriodComparison::Row& row) {
    if (!row.significant)
        return kNotSignificant;
    if (!row.released(row.before))
        return kChangeClasses - 1; // up from under k
    if (!row.released(row.after))
        return 0; // down to under k
    const double pct = row.before > 0 ? 100.0 * row.change() / row.before : 0;
    static const double upper[] = {-50, -20, -5, 5, 20, 50};
    int c = 0;
    while (c < kChangeClasses - 1 && pct > upper[c])
        ++c;
    return c;
}

QColor FlowMap::changeColor(int c) {
    // ColorBrewer's RdBu without its palest steps (each class at least 3:1 against white), grey in the
    // middle; the changes that are not significant a light grey under them.
    static const QColor ramp[kChangeClasses] = {QColor(0x05, 0x30, 0x61), QColor(0x21, 0x66, 0xac),
                                                QColor(0x43, 0x93, 0xc3), QColor(0x6f, 0x6f, 0x6f),
                                                QColor(0xd6, 0x60, 0x4d), QColor(0xb2, 0x18, 0x2b),
                                                QColor(0x67, 0x00, 0x1f)};
    if (c < 0 || c >= kChangeClasses)
        return QColor(0xb4, 0xb4, 0xb4);
    return ramp[c];
}

QString FlowMap::changeLabel(int c) {
    switch (c) {
    case 0:
        return QCoreApplication::translate("FlowMap", "−50 % or less (or under k after)");
    case 1:
        return QCoreApplication::translate("FlowMap", "−50 % to −20 %");
    case 2:
        return QCoreApplication::translate("FlowMap", "−20 % to −5 %");
    case 3:
        return QCoreApplication::translate("FlowMap", "−5 % to +5 %");
    case 4:
        return QCoreApplication::translate("FlowMap", "+5 % to +20 %");
    case 5:
        return QCoreApplication::translate("FlowMap", "+20 % to +50 %");
    case 6:
        return QCoreApplication::translate("FlowMap", "+50 % or more (or under k before)");
    default:
        return QCoreApplication::translate("FlowMap", "Not significant (5 %)");
    }
}

bool FlowMap::changeOf(qint64 fid, PeriodComparison::Row* out) const {
    const auto it = m_changeByFeature.constFind(fid);
    if (it == m_changeByFeature.cend())
        return false;
    *out = *it;
    return true;
}

void FlowMap::applyCompare(const FlowView& view, FlowViewResult& r) {
    r.matrix = released(view.filter, view.zones);
    r.suppressedCells = r.matrix.suppressed;
    std::vector<PeriodComparison::Row> rows;
    try {
        const PeriodComparison::Result c =
            PeriodComparison::compare(*m_cube, view.filter, view.afterFilter(),
                                      view.zones ? m_cams.zoneOf : std::vector<int>(), m_policy);
        r.beforeDays = c.beforeDays;
        r.afterDays = c.afterDays;
        r.suppressedCells = c.suppressed;
        rows = c.rows;
        r.comparison = c;
    } catch (const Error& e) {
        r.compareProblem = e.message();
    }
    auto volume = [](const PeriodComparison::Row& row) { return std::max(row.before, row.after); };
    std::vector<PeriodComparison::Row> drawn;
    for (const PeriodComparison::Row& row : rows)
        if (row.origin != row.destination)
            drawn.push_back(row);
    std::sort(drawn.begin(), drawn.end(),
              [&](const PeriodComparison::Row& a, const PeriodComparison::Row& b) {
                  if (volume(a) != volume(b))
                      return volume(a) > volume(b);
                  return std::tie(a.origin, a.destination) < std::tie(b.origin, b.destination);
              });
    // The top N by trips per day in the busier period; the focus's flows join whatever the top N.
    std::vector<PeriodComparison::Row> shown;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const PeriodComparison::Row& row = drawn[i];
        const bool focused = (m_focusKey && (row.origin == *m_focusKey || row.destination == *m_focusKey)) ||
                             m_focusPairs.contains(qMakePair(row.origin, row.destination));
        if (static_cast<int>(i) < view.topN || focused)
            shown.push_back(row);
    }
    QgsFeatureList features;
    double largest = 0;
    for (const PeriodComparison::Row& row : shown) {
        const OdFlow flow{row.origin, row.destination, std::llround(volume(row))};
        const std::vector<QPointF> arc = m_cams.flowLine(flow, view.zones);
        if (arc.empty())
            continue;
        QgsFeature feat(m_layer->fields());
        QgsPolylineXY line;
        for (const QPointF& p : arc)
            line << QgsPointXY(p.x(), p.y());
        feat.setGeometry(QgsGeometry::fromPolylineXY(line));
        auto perDay = [](double v) { return v >= 0 ? QVariant(std::round(v * 10) / 10) : QVariant(); };
        QgsAttributes attrs;
        attrs << label(row.origin, view.zones) << label(row.destination, view.zones)
              << static_cast<qlonglong>(flow.trips) << QVariant() << static_cast<qlonglong>(row.origin)
              << static_cast<qlonglong>(row.destination) << perDay(row.before) << perDay(row.after)
              << (row.hasChange() && row.before > 0
                      ? QVariant(std::round(1000 * row.change() / row.before) / 10)
                      : QVariant())
              << (row.significant ? 1 : 0) << volume(row) << changeClass(row);
        feat.setAttributes(attrs);
        features << feat;
        largest = std::max(largest, volume(row));
        r.changes.push_back(row);
        r.significant += row.significant ? 1 : 0;
        r.shown.push_back(flow);
        r.tripsShown += flow.trips;
    }
    replaceFeatures(features);
    QHash<Pair, const PeriodComparison::Row*> byPair;
    for (const PeriodComparison::Row& row : r.changes)
        byPair.insert(qMakePair(row.origin, row.destination), &row);
    for (auto it = m_byFeature.cbegin(); it != m_byFeature.cend(); ++it)
        if (const PeriodComparison::Row* row = byPair.value(qMakePair(it->origin, it->destination)))
            m_changeByFeature.insert(it.key(), *row);
    m_compareDrawn = true;
    buildCompareRenderer(largest);
    m_within->dataProvider()->truncate(); // trips within a zone are not compared
    m_within->triggerRepaint();
    selectFocus();
    m_layer->updateExtents();
    m_layer->triggerRepaint();
}

void FlowMap::buildCompareRenderer(double largest) {
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    // Width in proportion to trips per day in the busier period, never a hairline.
    const QString width =
        QStringLiteral("0.7 + 3.3 * \"volume\" / %1").arg(std::max(largest, 1.0), 0, 'g', 12);
    auto symbolFor = [&](int c) {
        auto* arrow = new QgsArrowSymbolLayer();
        arrow->setIsCurved(true);
        arrow->setIsRepeated(false);
        const double scale = c == kNotSignificant ? 0.6 : 1.0;
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertyArrowWidth,
            QgsProperty::fromExpression(QStringLiteral("%1 * (%2)").arg(scale).arg(width)));
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertyArrowStartWidth,
            QgsProperty::fromExpression(QStringLiteral("0.6 * %1 * (%2)").arg(scale).arg(width)));
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertyArrowHeadLength,
            QgsProperty::fromExpression(QStringLiteral("1.6 + %1 * (%2)").arg(scale).arg(width)));
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertyArrowHeadThickness,
            QgsProperty::fromExpression(QStringLiteral("0.9 + 0.7 * %1 * (%2)").arg(scale).arg(width)));
        arrow->setArrowWidth(2);
        arrow->setArrowStartWidth(1.2);
        arrow->setHeadLength(3);
        arrow->setHeadThickness(2);
        auto* fill = new QgsSimpleFillSymbolLayer(changeColor(c), Qt::SolidPattern,
                                                  QColor(255, 255, 255, 180), Qt::SolidLine, 0.15);
        arrow->setSubSymbol(new QgsFillSymbol(QgsSymbolLayerList() << fill));
        return new QgsLineSymbol(QgsSymbolLayerList() << arrow);
    };
    // Strongest fall first in the legend, then the rises, then what is not significant.
    for (int c = 0; c < kChangeClasses; ++c)
        root->appendChild(new QgsRuleBasedRenderer::Rule(
            symbolFor(c), 0, 0, QStringLiteral("\"change_class\" = %1").arg(c), changeLabel(c)));
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        symbolFor(kNotSignificant), 0, 0, QStringLiteral("\"change_class\" = %1").arg(kNotSignificant),
        changeLabel(kNotSignificant)));
    auto* renderer = new QgsRuleBasedRenderer(root);
    // The pale, not significant flows under the others; the largest on top within each.
    renderer->setOrderByEnabled(true);
    renderer->setOrderBy(
        QgsFeatureRequest::OrderBy({QgsFeatureRequest::OrderByClause(QStringLiteral("significant"), true),
                                    QgsFeatureRequest::OrderByClause(QStringLiteral("volume"), true)}));
    m_layer->setRenderer(renderer);
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
    if (m_compareDrawn) {
        // The selection colour (red) would read as a rise on the diverging ramp: the focus's flows are drawn
        // (whatever the top N) in their change colours, not selected.
        m_layer->removeSelection();
        return;
    }
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
    p.byClass = m_cube->counts(m_view.filter, CountPeriod::All, true, true, camera).publish(m_policy);
    p.hourly = m_cube->counts(m_view.filter, CountPeriod::HourOfDay, true, true, camera).publish(m_policy);
    p.perDay = m_cube->counts(m_view.filter, CountPeriod::Day, false, true, camera).publish(m_policy);
    p.localHour = m_cube->counts(m_view.filter, CountPeriod::Hour, false, true, camera).publish(m_policy);
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
