#include "reportlayout.h"

#include "camerasymbology.h"
#include "common/bytesource.h"
#include "common/error.h"
#include "common/vehicleclass.h"
#include "flowmap.h"
#include "layoutkit.h"
#include "privacy/privacyguard.h"
#include "projectlayers.h"
#include "store/outputfile.h"
#include "store/store.h"

#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutitemtexttable.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsscalebarsettings.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QTemporaryFile>
#include <cmath>
#include <qgssymbollayerutils.h>

static void initMapsResources() {
    Q_INIT_RESOURCE(maps);
}

namespace stroom::maps {

namespace {

constexpr double kW = 297, kH = 210;

QgsLayoutItemLabel* addLabel(QgsLayout* l, int page, const QString& id, double x, double y, double w,
                             double h, double size, bool bold = false,
                             const QColor& colour = QColor(40, 40, 50)) {
    QgsLayoutItemLabel* label = LayoutKit::addLabel(l, page, id, x, y, w, h, size, bold, colour);
    label->setId(id);
    return label;
}

QgsLayoutItemTextTable* addTable(QgsLayout* l, int page, const QString& id, double x, double y, double w,
                                 double h) {
    auto* table = new QgsLayoutItemTextTable(l);
    l->addMultiFrame(table);
    LayoutKit::styleTable(table, 8, 1.2);
    table->setResizeMode(QgsLayoutMultiFrame::UseExistingFrames);
    LayoutKit::addFrame(l, table, page, x, y, w, h)->setId(id);
    return table;
}

template <typename T> T* find(QgsLayout* l, const QString& id) {
    return dynamic_cast<T*>(l->itemById(id));
}

QgsLayoutItemTextTable* findTable(QgsLayout* l, const QString& id) {
    if (auto* frame = find<QgsLayoutFrame>(l, id))
        return dynamic_cast<QgsLayoutItemTextTable*>(frame->multiFrame());
    return nullptr;
}

void setText(QgsLayout* l, const QString& id, const QString& text) {
    if (auto* label = find<QgsLayoutItemLabel>(l, id))
        label->setText(text);
}

/**
 * Fills a table; with \a widths (mm per column) the columns keep those widths and long text (names) wraps
 * inside its cell, so a table never grows over the text beside it.
 */
void setTable(QgsLayout* l, const QString& id, const QStringList& headers, const QVector<QStringList>& rows,
              const QVector<double>& widths = {}) {
    QgsLayoutItemTextTable* t = findTable(l, id);
    if (!t)
        return;
    QgsLayoutTableColumns cols;
    for (int i = 0; i < headers.size(); ++i) {
        QgsLayoutTableColumn c(headers[i]);
        if (i < widths.size())
            c.setWidth(widths[i]);
        cols << c;
    }
    if (!widths.isEmpty())
        t->setWrapBehavior(QgsLayoutTable::WrapText);
    t->setColumns(cols);
    t->setContents(rows);
}

QString number(std::int64_t v, const QLocale& l) {
    return l.toString(static_cast<qlonglong>(v));
}
/** A released figure: the number, or "< k" when it was suppressed. */
QString figure(std::int64_t v, int k, const QLocale& l) {
    return DisclosurePolicy::shown(v, k, l);
}

/**
 * Shows the cameras, \a flows (when there) and the zones in \a map, zoomed to the cameras and zones; false
 * when they have no extent (the template's stays).
 */
bool showProjectLayers(QgsLayoutItemMap* map, QgsProject* project, QgsVectorLayer* flows) {
    QList<QgsMapLayer*> layers;
    QgsVectorLayer* cameras = ProjectLayers::layerNamed(project, ProjectLayers::camerasLayerName());
    QgsVectorLayer* zones = ProjectLayers::layerNamed(project, ProjectLayers::zonesLayerName());
    for (QgsVectorLayer* v : {cameras, flows, zones})
        if (v)
            layers << v;
    map->setKeepLayerSet(true);
    map->setLayers(layers);
    map->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    const QgsRectangle extent =
        ProjectLayers::extentOf({zones, cameras}, map->crs(), project->transformContext());
    if (extent.isEmpty())
        return false;
    map->zoomToExtent(extent);
    return true;
}

/** Page 2 of the default template: the flow map with its legend, scale bar and north arrow. */
void addMapPage(QgsLayout* l, QgsProject* project, const QColor& accent) {
    addLabel(l, 1, QStringLiteral("h_map"), 10, 8, 277, 10, 15, true, accent);
    auto* map = new QgsLayoutItemMap(l);
    map->setId(QStringLiteral("map"));
    map->attemptSetSceneRect(QRectF(10, 20, 200, 180));
    map->setFrameEnabled(true);
    l->addLayoutItem(map);
    map->attemptMove(QgsLayoutPoint(10, 20, QgsUnitTypes::LayoutMillimeters), true, false, 1);
    map->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    // A valid extent in the template (Flanders, Lambert 72): without one the item's size turns NaN on load.
    map->zoomToExtent(QgsRectangle(20000, 150000, 260000, 250000));
    auto* legend = new QgsLayoutItemLegend(l);
    legend->setId(QStringLiteral("legend"));
    legend->setLinkedMap(map);
    l->addLayoutItem(legend);
    legend->attemptMove(QgsLayoutPoint(215, 20, QgsUnitTypes::LayoutMillimeters), true, false, 1);
    auto* bar = new QgsLayoutItemScaleBar(l);
    bar->setId(QStringLiteral("scalebar"));
    bar->setStyle(QStringLiteral("Single Box"));
    bar->setLinkedMap(map);
    bar->setUnits(QgsUnitTypes::DistanceKilometers);
    bar->setUnitLabel(QStringLiteral("km"));
    bar->setSegmentSizeMode(QgsScaleBarSettings::SegmentSizeFixed);
    bar->setUnitsPerSegment(2);
    bar->setNumberOfSegments(2);
    bar->setNumberOfSegmentsLeft(0);
    bar->setHeight(2.5);
    l->addLayoutItem(bar);
    bar->attemptMove(QgsLayoutPoint(215, 182, QgsUnitTypes::LayoutMillimeters), true, false, 1);
    auto* north = new QgsLayoutItemPicture(l);
    north->setId(QStringLiteral("north"));
    north->setPicturePath(QgsSymbolLayerUtils::svgSymbolNameToPath(QStringLiteral("arrows/NorthArrow_04.svg"),
                                                                   project->pathResolver()));
    north->setLinkedMap(map);
    l->addLayoutItem(north);
    north->attemptMove(QgsLayoutPoint(194, 24, QgsUnitTypes::LayoutMillimeters), true, false, 1);
    north->attemptResize(QgsLayoutSize(12, 12, QgsUnitTypes::LayoutMillimeters));
    addLabel(l, 1, QStringLiteral("map_caption"), 215, 150, 75, 30, 8);
}

} // namespace

QString ReportLayout::defaultTemplatePath() {
    initMapsResources();
    return QStringLiteral(":/stroom/templates/report.qpt");
}

std::unique_ptr<QgsPrintLayout> ReportLayout::createDefault(QgsProject* project) {
    auto layout = std::make_unique<QgsPrintLayout>(project);
    layout->initializeDefaults();
    layout->setName(QStringLiteral("Stroom report"));
    QgsLayoutPageCollection* pages = layout->pageCollection();
    pages->page(0)->setPageSize(QgsLayoutSize(kW, kH, QgsUnitTypes::LayoutMillimeters));
    for (int i = 1; i < 8; ++i) {
        auto* page = new QgsLayoutItemPage(layout.get());
        page->setPageSize(QgsLayoutSize(kW, kH, QgsUnitTypes::LayoutMillimeters));
        pages->addPage(page);
    }
    QgsLayout* l = layout.get();
    const QColor accent(0x08, 0x51, 0x9c);
    // 1: title
    addLabel(l, 0, QStringLiteral("title"), 20, 40, 138, 32, 24, true, accent);
    addLabel(l, 0, QStringLiteral("subtitle"), 20, 76, 138, 12, 14);
    addLabel(l, 0, QStringLiteral("meta"), 20, 94, 138, 95, 9.5);
    // A small overview of the flows on the title page.
    auto* overview = new QgsLayoutItemMap(l);
    overview->setId(QStringLiteral("title_map"));
    overview->attemptSetSceneRect(QRectF(165, 40, 122, 150));
    overview->setFrameEnabled(true);
    l->addLayoutItem(overview);
    overview->attemptMove(QgsLayoutPoint(165, 40, QgsUnitTypes::LayoutMillimeters), true, false, 0);
    overview->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    overview->zoomToExtent(QgsRectangle(20000, 150000, 260000, 250000));
    // 2: the flow map (size first, then zoom: DESIGN §10)
    addMapPage(l, project, accent);
    // 3: OD and through traffic
    addLabel(l, 2, QStringLiteral("h_od"), 10, 8, 170, 10, 15, true, accent);
    addTable(l, 2, QStringLiteral("od_table"), 10, 20, 170, 180);
    addLabel(l, 2, QStringLiteral("h_through"), 190, 8, 97, 10, 15, true, accent);
    addLabel(l, 2, QStringLiteral("through_text"), 190, 20, 97, 100, 9);
    // 4: counts and the hourly profile
    addLabel(l, 3, QStringLiteral("h_counts"), 10, 8, 277, 10, 15, true, accent);
    addTable(l, 3, QStringLiteral("counts_table"), 10, 20, 170, 180);
    auto* profile = new QgsLayoutItemPicture(l);
    profile->setId(QStringLiteral("profile"));
    l->addLayoutItem(profile);
    profile->attemptMove(QgsLayoutPoint(187, 20, QgsUnitTypes::LayoutMillimeters), true, false, 3);
    profile->attemptResize(QgsLayoutSize(100, 72, QgsUnitTypes::LayoutMillimeters));
    addLabel(l, 3, QStringLiteral("profile_caption"), 187, 95, 100, 30, 8);
    // 5: journey times
    addLabel(l, 4, QStringLiteral("h_journeys"), 10, 8, 277, 10, 15, true, accent);
    addTable(l, 4, QStringLiteral("journey_table"), 10, 20, 190, 180);
    addLabel(l, 4, QStringLiteral("journey_text"), 205, 20, 82, 60, 8);
    // 6: the camera inventory
    addLabel(l, 5, QStringLiteral("h_inventory"), 10, 8, 277, 10, 15, true, accent);
    addTable(l, 5, QStringLiteral("inventory_table"), 10, 20, 277, 130);
    addLabel(l, 5, QStringLiteral("inventory_text"), 10, 160, 277, 35, 9);
    // 7: methodology and privacy
    addLabel(l, 6, QStringLiteral("h_privacy"), 10, 8, 277, 10, 15, true, accent);
    addLabel(l, 6, QStringLiteral("privacy_text"), 10, 20, 277, 180, 9.5);
    // 8: before / after (only when the report compares two periods; else the page goes)
    addLabel(l, 7, QStringLiteral("h_compare"), 10, 8, 277, 10, 15, true, accent);
    auto* compareMap = new QgsLayoutItemMap(l);
    compareMap->setId(QStringLiteral("compare_map"));
    compareMap->attemptSetSceneRect(QRectF(10, 20, 140, 178));
    compareMap->setFrameEnabled(true);
    l->addLayoutItem(compareMap);
    compareMap->attemptMove(QgsLayoutPoint(10, 20, QgsUnitTypes::LayoutMillimeters), true, false, 7);
    compareMap->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    compareMap->zoomToExtent(QgsRectangle(20000, 150000, 260000, 250000));
    addTable(l, 7, QStringLiteral("compare_table"), 155, 20, 132, 82);
    addLabel(l, 7, QStringLiteral("compare_text"), 155, 106, 132, 28, 8);
    auto* compareLegend = new QgsLayoutItemLegend(l);
    compareLegend->setId(QStringLiteral("compare_legend"));
    compareLegend->setLinkedMap(compareMap);
    l->addLayoutItem(compareLegend);
    compareLegend->attemptMove(QgsLayoutPoint(155, 136, QgsUnitTypes::LayoutMillimeters), true, false, 7);
    for (int i = 0; i < 8; ++i)
        addLabel(l, i, QStringLiteral("footer_%1").arg(i + 1), 10, 202, 277, 6, 7, false,
                 QColor(120, 120, 130));
    return layout;
}

QImage ReportLayout::profileChart(const ReportData& d, QSize size) {
    QImage img(size, QImage::Format_ARGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const double left = 120, bottom = 70, top = 20, right = 20;
    const double w = size.width() - left - right, h = size.height() - top - bottom;
    double peak = 0;
    for (int hour = 0; hour < 24; ++hour) {
        double s = 0;
        for (int c = 0; c < 6; ++c)
            s += d.hourlyByClass[c][hour];
        peak = std::max(peak, s);
    }
    if (peak <= 0)
        peak = 1;
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(10, size.height() / 32));
    p.setFont(f);
    p.setPen(QColor(120, 120, 130));
    for (int i = 0; i <= 4; ++i) {
        const double y = top + h - h * i / 4;
        p.drawLine(QPointF(left, y), QPointF(left + w, y));
        p.drawText(QRectF(0, y - 10, left - 6, 20), Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().toString(peak * i / 4, 'f', 0));
    }
    const double bw = w / 24;
    for (int hour = 0; hour < 24; ++hour) {
        double y = top + h;
        for (int c = 0; c < 6; ++c) {
            const double v = d.hourlyByClass[c][hour];
            if (v <= 0)
                continue;
            const double bh = h * v / peak;
            p.fillRect(QRectF(left + hour * bw + 1, y - bh, bw - 2, bh), CameraSymbology::classColor(c));
            y -= bh;
        }
        if (hour % 3 == 0)
            p.drawText(QRectF(left + hour * bw - 10, top + h + 4, bw + 20, 18), Qt::AlignHCenter,
                       QString::number(hour));
    }
    // Legend
    double x = left;
    for (int c = 1; c <= 6; ++c) {
        const int cls = c % 6; // unknown last
        bool any = false;
        for (double v : d.hourlyByClass[cls])
            any = any || v > 0;
        if (!any)
            continue;
        p.fillRect(QRectF(x, size.height() - 30, 14, 14), CameraSymbology::classColor(cls));
        p.setPen(QColor(40, 40, 50));
        const QString name = vehicleclass::label(cls).toLower();
        p.drawText(QPointF(x + 18, size.height() - 18), name);
        x += 30 + p.fontMetrics().horizontalAdvance(name);
    }
    return img;
}

namespace {

/** The pieces of the layout; their texts translate in the context of ReportLayout. */
class Pages {
    Q_DECLARE_TR_FUNCTIONS(stroom::maps::ReportLayout)

public:
    static std::unique_ptr<QgsPrintLayout> loadTemplate(const QString& templatePath, QgsProject* project) {
        const QString path = templatePath.isEmpty() ? ReportLayout::defaultTemplatePath() : templatePath;
        QFile file(path);
        QDomDocument doc;
        if (!file.open(QIODevice::ReadOnly) || !doc.setContent(&file)) {
            throw Error::input(QCoreApplication::translate("stroom::maps::ReportLayout",
                                                           "%1: not a readable QGIS layout template (.qpt)")
                                   .arg(path));
        }
        auto layout = std::make_unique<QgsPrintLayout>(project);
        QgsReadWriteContext context;
        context.setPathResolver(project->pathResolver());
        bool ok = false;
        layout->loadFromTemplate(doc, context, true, &ok);
        if (!ok) {
            throw Error::input(QCoreApplication::translate("stroom::maps::ReportLayout",
                                                           "%1: the template could not be loaded")
                                   .arg(path));
        }
        return layout;
    }

    static void fillTitle(QgsLayout* l, const ReportData& d, const QString& generated) {
        const TripParameters& p = d.parameters;
        setText(l, QStringLiteral("title"), tr("Traffic flows from ANPR cameras"));
        setText(l, QStringLiteral("subtitle"), d.projectTitle);
        QString meta;
        meta +=
            tr("Period: %1").arg(d.periodText.isEmpty() ? tr("no data") : d.periodText) + QLatin1Char('\n');
        meta += tr("Filters: %1")
                    .arg(d.filter.describeForPeople().isEmpty() ? tr("none (all trips)")
                                                                : d.filter.describeForPeople()) +
                QLatin1Char('\n');
        meta +=
            tr("Parameters: duplicate window %1 s, trip gap %2 s, through traffic %3, minimum cell count k = "
               "%4")
                .arg(p.dedupeSeconds)
                .arg(p.gapSeconds)
                .arg(throughWindowShort(d))
                .arg(d.k) +
            QLatin1Char('\n');
        meta += tr("Purpose: %1").arg(d.purpose.isEmpty() ? tr("not given") : d.purpose) + QLatin1Char('\n');
        meta += tr("Generated: %1").arg(generated) + QLatin1Char('\n');
        meta +=
            (d.exact ? tr("Data layer: exact figures (L1, audited); every figure stands for at least k = %1 "
                          "distinct vehicles.")
                     : tr("Data layer: L2 aggregates; every figure stands for at least k = %1 distinct "
                          "vehicles and is perturbed (cell key method, at most ±2)."))
                .arg(d.k);
        setText(l, QStringLiteral("meta"), meta);
    }

    static void fillMaps(QgsLayout* l, const ReportData& d, QgsProject* project) {
        // Map page: the project's layers are already in the project.
        setText(l, QStringLiteral("h_map"), tr("Where trips go: the largest flows"));
        bool nothingToMap = false;
        for (const QString& mapId : {QStringLiteral("map"), QStringLiteral("title_map")}) {
            auto* map = find<QgsLayoutItemMap>(l, mapId);
            if (!map)
                continue;
            if (!std::isfinite(map->rect().height()) || !std::isfinite(map->rect().width()))
                map->attemptResize(QgsLayoutSize(
                    200, 180, QgsUnitTypes::LayoutMillimeters)); // a template saved without extent
            QgsVectorLayer* flows = ProjectLayers::layerNamed(project, FlowMap::layerName());
            QgsVectorLayer* cameras = ProjectLayers::layerNamed(project, ProjectLayers::camerasLayerName());
            if (!showProjectLayers(map, project, flows))
                nothingToMap = true; // the template's extent (Flanders) stays
            auto* legend = find<QgsLayoutItemLegend>(l, QStringLiteral("legend"));
            if (legend && mapId == QLatin1String("map")) {
                legend->setAutoUpdateModel(false);
                QgsLayerTree* root = legend->model()->rootGroup();
                root->removeAllChildren();
                for (QgsVectorLayer* v : {flows, cameras})
                    if (v)
                        root->addLayer(v);
                legend->setTitle(tr("Legend"));
                legend->adjustBoxSize();
            }
        }
        setText(l, QStringLiteral("map_caption"),
                nothingToMap
                    ? tr("Nothing to map yet: the project has no cameras or zones with a position.")
                    : tr("Arrows: the largest flows between cameras (at least k = %1 vehicles each), width "
                         "and colour by trips. Dots: cameras by owner. Outlines: districts. Belgian Lambert "
                         "72.")
                          .arg(d.k));
    }

    static void fillOd(QgsLayout* l, const ReportData& d, const QLocale& loc) {
        // OD table and through traffic.
        setText(l, QStringLiteral("h_od"), tr("The largest origin–destination flows"));
        QVector<QStringList> od;
        for (const ReportData::OdRow& r : d.topOd)
            od << QStringList{r.origin, r.destination, number(r.trips, loc),
                              loc.toString(r.share, 'f', 1) + QStringLiteral(" %")};
        setTable(
            l, QStringLiteral("od_table"),
            {tr("Origin"), tr("Destination"), tr("Trips"), tr("Share of origin")}, od,
            {62, 62, 18, 26}); // 168 mm and the cell margins: beside it, from 190 mm, the through traffic
        setText(l, QStringLiteral("h_through"), tr("Through traffic"));
        // Shares of the released kind figures (each a figure of its own: k and noise).
        std::int64_t kinds = 0;
        for (std::int64_t v : d.byKind)
            kinds += std::max<std::int64_t>(v, 0);
        const double total = static_cast<double>(std::max<std::int64_t>(1, kinds));
        auto pct = [&](std::int64_t v) {
            return v == DisclosurePolicy::kSuppressed
                       ? QStringLiteral("–")
                       : loc.toString(100.0 * static_cast<double>(v) / total, 'f', 1);
        };
        auto fig = [&](std::int64_t v) { return figure(v, d.k, loc); };
        setText(
            l, QStringLiteral("through_text"),
            tr("%1 trips between two or more cameras.\n\nThrough traffic (%2): %3 trips (%4 %).\nDestination "
               "traffic (in at the cordon, ending inside): %5 (%6 %).\nOrigin traffic (starting inside, out "
               "at "
               "the cordon): %7 (%8 %).\nInternal traffic: %9 (%10 %).\n\n%11 trips were seen by one camera "
               "only and are left out of the matrix. %12 OD cells under k = %13 are not shown.")
                    .arg(number(d.odTrips, loc), throughWindowText(d), fig(d.byKind[0]), pct(d.byKind[0]),
                         fig(d.byKind[2]), pct(d.byKind[2]), fig(d.byKind[1]), pct(d.byKind[1]),
                         fig(d.byKind[3]))
                    .arg(pct(d.byKind[3]), fig(d.singleReadTrips), number(d.odSuppressed, loc))
                    .arg(d.k) +
                missedGateReads(d, loc));
    }

    /** How through traffic is told, for the parameters line and the through-traffic page. */
    static QString throughWindowText(const ReportData& d) {
        const TripParameters& p = d.parameters;
        if (p.throughMethod == ThroughMethod::RoleFree)
            return tr("role-free: a vehicle whose reads of a day span less than an hour, no camera twice");
        if (p.throughWindow == ThroughWindow::PerPair && !d.through.windows.empty())
            return tr("in at the cordon, out at the cordon within each gate pair's own window, its median "
                      "crossing time + 3 robust SD (%1 pairs; the others %2–%3 min)")
                .arg(d.through.windows.size())
                .arg(p.throughMinSeconds / 60)
                .arg(p.throughMaxSeconds / 60);
        return tr("in at the cordon, out at the cordon within %1–%2 min")
            .arg(p.throughMinSeconds / 60)
            .arg(p.throughMaxSeconds / 60);
    }

    /** The same, short, for the parameters line under the title. */
    static QString throughWindowShort(const ReportData& d) {
        const TripParameters& p = d.parameters;
        if (p.throughMethod == ThroughMethod::RoleFree)
            return tr("role-free");
        if (p.throughWindow == ThroughWindow::PerPair && !d.through.windows.empty())
            return tr("a window per gate pair (%1 pairs; others %2–%3 min)")
                .arg(d.through.windows.size())
                .arg(p.throughMinSeconds / 60)
                .arg(p.throughMaxSeconds / 60);
        return tr("%1–%2 min").arg(p.throughMinSeconds / 60).arg(p.throughMaxSeconds / 60);
    }

    /** The read rate and through traffic's share corrected for the gate reads it misses. */
    static QString missedGateReads(const ReportData& d, const QLocale& loc) {
        // Of the same total as the kinds' shares: the released figures of the four kinds.
        std::int64_t kinds = 0;
        for (std::int64_t v : d.byKind)
            kinds += std::max<std::int64_t>(v, 0);
        if (d.parameters.throughMethod == ThroughMethod::RoleFree || d.byKind[0] < d.k || kinds <= 0)
            return QString();
        const double share = d.through.correctedShare(kinds, d.byKind[0]);
        if (share < 0)
            return QString();
        return QStringLiteral("\n\n") +
               tr("The cameras read %1 % of the vehicles that pass (estimated from the gate pairs' usual "
                  "paths). A through trip needs both its gates to read: corrected for the reads they miss, "
                  "through traffic is about %2 % of the trips.")
                   .arg(loc.toString(100 * d.through.readRate, 'f', 1), loc.toString(100 * share, 'f', 1));
    }

    static void fillCounts(QgsLayout* l, const ReportData& d, const QLocale& loc) {
        // Counts and the hourly profile.
        setText(l, QStringLiteral("h_counts"), tr("Passages per camera"));
        QVector<QStringList> counts;
        for (const ReportData::CountRow& r : d.topCounts) {
            const QString name = r.name.size() > 30 ? r.name.left(29) + QStringLiteral("…") : r.name;
            QStringList row{r.camera, name, number(r.passages, loc)};
            for (int cls : {1, 2, 3, 4})
                row << figure(r.byClass[cls] > 0 ? r.byClass[cls] : DisclosurePolicy::kSuppressed, d.k,
                              loc); // none and under k read the same
            counts << row;
        }
        setTable(l, QStringLiteral("counts_table"),
                 {tr("Camera"), tr("Name"), tr("Passages"), vehicleclass::label(vehicleclass::Car),
                  vehicleclass::label(vehicleclass::Van), vehicleclass::label(vehicleclass::Truck),
                  vehicleclass::label(vehicleclass::Bus)},
                 counts);
        if (auto* pic = find<QgsLayoutItemPicture>(l, QStringLiteral("profile"))) {
            const QString png = QDir::temp().filePath(
                QStringLiteral("stroom-profile-%1.png").arg(reinterpret_cast<quintptr>(l)));
            ReportLayout::profileChart(d, QSize(1050, 750)).save(png);
            pic->setPicturePath(png);
        }
        setText(
            l, QStringLiteral("profile_caption"),
            tr("Passages per hour of the day (local time), all cameras, by vehicle class. Each bar is a "
               "published figure; hours with fewer than k = %1 vehicles of a class are left out.")
                    .arg(d.k) +
                (d.uniqueDays > 0
                     ? QStringLiteral("\n\n") +
                           tr("Unique vehicles per day, all cameras: median %1 (%2–%3 over %4 days). A "
                              "vehicle seen at several cameras on a day counts once; each day is released "
                              "on its own.")
                               .arg(loc.toString(d.uniquePerDayMedian, 'f', 0),
                                    number(d.uniquePerDayMin, loc), number(d.uniquePerDayMax, loc))
                               .arg(d.uniqueDays)
                     : QString()));
    }

    static void fillJourneys(QgsLayout* l, const ReportData& d, const QLocale& loc) {
        // Journey times.
        setText(l, QStringLiteral("h_journeys"), tr("Journey times between consecutive cameras"));
        QVector<QStringList> jt;
        for (const ReportData::JourneyRow& r : d.journeys)
            jt << QStringList{r.from,
                              r.to,
                              number(r.n, loc),
                              loc.toString(r.median / 60, 'f', 1),
                              loc.toString(r.p15 / 60, 'f', 1),
                              loc.toString(r.p85 / 60, 'f', 1)};
        setTable(l, QStringLiteral("journey_table"),
                 {tr("From"), tr("To"), tr("Trips"), tr("Median (min)"), tr("15th pct (min)"),
                  tr("85th pct (min)")},
                 jt,
                 {50, 50, 17, 19, 19, 19}); // 174 mm and the cell margins: the method text starts at 205 mm
        setText(l, QStringLiteral("journey_text"),
                tr("The camera pairs with the most observations. Outliers further than three median absolute "
                   "deviations from "
                   "the median are left out before the median and percentiles are taken. %1 pairs with fewer "
                   "than k = %2 distinct vehicles are not shown.")
                    .arg(number(d.journeysSuppressed, loc))
                    .arg(d.k));
    }

    static void fillInventory(QgsLayout* l, const ReportData& d) {
        // Inventory.
        setText(l, QStringLiteral("h_inventory"), tr("The cameras: who owns them and what for"));
        QVector<QStringList> inv;
        for (const ReportData::InventoryRow& r : d.inventory) {
            QStringList row{r.owner.isEmpty() ? tr("owner unknown") : r.owner, QString::number(r.total)};
            for (int i = 0; i < 6; ++i)
                row << QString::number(r.byPurpose[i]);
            row << QString::number(r.unregistered) << QString::number(r.noLegalBasis);
            inv << row;
        }
        setTable(l, QStringLiteral("inventory_table"),
                 {tr("Owner"), tr("Cameras"), tr("Police"), tr("Traffic"), tr("LEZ"), tr("Section control"),
                  tr("Parking"), tr("Other"), tr("Unregistered"), tr("No legal basis")},
                 inv);
        setText(
            l, QStringLiteral("inventory_text"),
            tr("%1 cameras in the register. Unregistered: seen in the ANPR data but not in the register. The "
               "register is "
               "public information (layer L3).")
                .arg(d.camerasTotal));
    }

    static void fillPrivacy(QgsLayout* l, const ReportData& d, const QLocale& loc, const QString& generated) {
        const TripParameters& p = d.parameters;
        // Methodology and privacy.
        setText(l, QStringLiteral("h_privacy"), tr("Method and privacy"));
        QString privacy;
        privacy += tr("Method. Number-plate reads arrive pseudonymised: clear plates never enter Stroom. "
                      "Reads of one "
                      "pseudonym are taken in time order; a read at the same camera within %1 s of an "
                      "earlier one is a "
                      "duplicate; reads form one trip while the gap between them is at most %2 s. Origin and "
                      "destination are "
                      "the first and last camera of a trip. Trips seen by one camera only are counted apart. "
                      "Journey "
                      "times "
                      "are taken between consecutive cameras of a trip.")
                       .arg(p.dedupeSeconds)
                       .arg(p.gapSeconds) +
                   QStringLiteral("\n\n");
        privacy +=
            (d.exact
                 ? tr("Data layer. This report shows exact figures (layer L1, recorded in the audit trail "
                      "with its purpose). Every cell, count and journey time in it stands for at least "
                      "k = %1 distinct vehicles; %2 cells under k were suppressed in total (OD %3, counts "
                      "%4, journey times %5).")
                 : tr("Data layer. This report shows L2 aggregates only. Every cell, count and journey "
                      "time in it stands for at least k = %1 distinct vehicles on one day; %2 cells under k "
                      "were suppressed in total (OD %3, counts %4, journey times %5). Every figure is "
                      "perturbed by the cell key method: each trip and read carries a secret random key, "
                      "a cell's key is the sum of its records' keys, and a published table adds noise of "
                      "-2 to +2 (zero mean, variance 1) chosen by that key. The same cell always reads "
                      "the same, so the difference of two overlapping queries hits a suppressed value no "
                      "more often than two equal noises do (about one time in four); many queries combined "
                      "can do better, and every query is in the audit trail. Totals are sums of the "
                      "published figures. Exact figures are released only for a stated purpose and are "
                      "audited as layer L1."))
                .arg(d.k)
                .arg(number(d.suppressedTotal(), loc), number(d.odSuppressed, loc),
                     number(d.countsSuppressed, loc), number(d.journeysSuppressed, loc)) +
            QStringLiteral("\n\n");
        if (d.readsStored == 0) {
            privacy += tr("Retention. No pseudonymised reads (L0) are kept in this project.") +
                       QStringLiteral("\n\n");
        } else {
            privacy += tr("Retention. The project keeps %1 pseudonymised reads (L0) from %2 to %3, in a "
                          "separate file "
                          "that is "
                          "never shared with the project; they can be purged once aggregated, and the "
                          "aggregates stay.")
                           .arg(number(d.readsStored, loc), d.readsFrom.toString(Qt::ISODate),
                                d.readsTo.toString(Qt::ISODate)) +
                       QStringLiteral("\n\n");
        }
        privacy +=
            (d.retentionDays > 0
                 ? tr("Retention period: %1 days; older reads are purged whenever the project is opened or "
                      "data is imported, and every purge is in the audit trail.")
                       .arg(d.retentionDays)
                 : tr("No retention period is set: reads are kept until they are purged (stroom-cli "
                      "purge).")) +
            QStringLiteral("\n\n");
        if (d.readsStored > 0) {
            const auto pct = [&](double share) { return loc.toString(100.0 * share, 'f', 1); };
            privacy +=
                tr("Re-identification risk of the kept reads: %1 %, %2 %, %3 % and %4 % of vehicles are "
                   "singled out by 1, 2, 3 and 4 of their own (camera, hour) points (unicity, after de "
                   "Montjoye et al. 2013); %5 % of pseudonyms are seen on more than one day; %6 % of trips "
                   "fall in groups of fewer than k vehicles, which is why only aggregates leave the store.")
                    .arg(pct(d.risk.unicity[0]), pct(d.risk.unicity[1]), pct(d.risk.unicity[2]),
                         pct(d.risk.unicity[3]), pct(d.risk.linkableShare), pct(d.risk.tripsBelowKShare)) +
                QStringLiteral("\n\n");
        }
        privacy += tr("Purpose of this report: %1.").arg(d.purpose.isEmpty() ? tr("not given") : d.purpose) +
                   QStringLiteral("\n");
        privacy += tr("Generated on %1 by Stroom; this report is recorded in the project's audit trail.")
                       .arg(generated);
        setText(l, QStringLiteral("privacy_text"), privacy);
    }

    static void keepTextSearchable(QgsLayout* l) {
        // No ligatures ("ffi", "fl"): the PDF's text must stay searchable and readable by screen readers.
        // (QFont's style strategy is not kept in templates, so it is set here.)
        QList<QgsLayoutItemLabel*> labels;
        l->layoutItems(labels);
        for (QgsLayoutItemLabel* label : labels) {
            QFont f = label->font();
            f.setStyleStrategy(QFont::PreferNoShaping);
            label->setFont(f);
        }
        for (QgsLayoutMultiFrame* mf : l->multiFrames()) {
            if (auto* t = dynamic_cast<QgsLayoutTable*>(mf)) {
                QgsTextFormat head = t->headerTextFormat(), body = t->contentTextFormat();
                QFont hf = head.font(), bf = body.font();
                hf.setStyleStrategy(QFont::PreferNoShaping);
                bf.setStyleStrategy(QFont::PreferNoShaping);
                head.setFont(hf);
                body.setFont(bf);
                t->setHeaderTextFormat(head);
                t->setContentTextFormat(body);
            }
        }
    }

    static void fillFooters(QgsLayout* l, const ReportData& d, const QString& generated) {
        // Footers by the page they stand on (a page left out renumbers the ones after it).
        const int pages = l->pageCollection()->pageCount();
        for (int i = 0; i < 8; ++i)
            if (auto* label = find<QgsLayoutItemLabel>(l, QStringLiteral("footer_%1").arg(i + 1)))
                label->setText(tr("%1 · %2 · generated %3 · page %4 of %5")
                                   .arg(d.projectTitle, d.periodText, generated)
                                   .arg(label->page() + 1)
                                   .arg(pages));
    }

    static void fillCompare(QgsLayout* l, const ReportData& d, QgsProject* project, const QLocale& loc) {
        QgsLayoutItem* heading = l->itemById(QStringLiteral("h_compare"));
        if (!heading)
            return; // a template without the page
        if (!d.compared) {
            // The page and what stands on it (the table's frame with its table).
            const int page = heading->page();
            for (QgsLayoutItem* item : l->pageCollection()->itemsOnPage(page)) {
                if (auto* frame = dynamic_cast<QgsLayoutFrame*>(item); frame && frame->multiFrame())
                    l->removeMultiFrame(frame->multiFrame());
                l->removeLayoutItem(item);
            }
            l->pageCollection()->deletePage(page);
            return;
        }
        setText(l, QStringLiteral("h_compare"),
                tr("Before and after: %1 against %2").arg(d.beforeText, d.afterText));
        if (auto* map = find<QgsLayoutItemMap>(l, QStringLiteral("compare_map"))) {
            QgsVectorLayer* change = ProjectLayers::layerNamed(project, FlowMap::compareLayerName());
            showProjectLayers(map, project, change);
            if (auto* legend = find<QgsLayoutItemLegend>(l, QStringLiteral("compare_legend"))) {
                legend->setAutoUpdateModel(false);
                QgsLayerTree* root = legend->model()->rootGroup();
                root->removeAllChildren();
                if (change)
                    root->addLayer(change);
                legend->setTitle(QString()); // the layer's name says it
                legend->adjustBoxSize();
            }
        }
        auto perDay = [&](double v) { return v >= 0 ? loc.toString(v, 'f', 1) : tr("< k"); };
        QVector<QStringList> rows;
        for (const ReportData::ChangeRow& r : d.changes) {
            auto shortName = [](const QString& n) {
                return n.size() > 26 ? n.left(25) + QStringLiteral("…") : n;
            };
            QString change = QStringLiteral("–");
            if (r.before > 0 && r.after >= 0)
                change = (r.after >= r.before ? QStringLiteral("+") : QString()) +
                         loc.toString(100.0 * (r.after - r.before) / r.before, 'f', 0) + QStringLiteral(" %");
            rows << QStringList{shortName(r.origin), shortName(r.destination), perDay(r.before),
                                perDay(r.after), change};
        }
        setTable(l, QStringLiteral("compare_table"),
                 {tr("Origin"), tr("Destination"), tr("Before"), tr("After"), tr("Change")}, rows,
                 {38, 38, 15, 15, 16});
        setText(l, QStringLiteral("compare_text"),
                tr("Trips per day: before %1 (%2 days), after %3 (%4 days). %5 of %6 flows changed "
                   "significantly (a permutation test over the days, weekdays with weekdays, 5 %: about 1 in "
                   "20 unchanged flows is flagged by chance); the table lists the largest. Each period is "
                   "released on its own: \"< k\" where a period had fewer than k = %7 vehicles; %8 flows "
                   "under k in both are left out.")
                    .arg(d.beforeText)
                    .arg(d.beforeDays)
                    .arg(d.afterText)
                    .arg(d.afterDays)
                    .arg(d.changesSignificant)
                    .arg(d.changesCompared)
                    .arg(d.k)
                    .arg(number(d.changesSuppressed, loc)));
    }
};

} // namespace

std::unique_ptr<QgsPrintLayout> ReportLayout::build(const ReportData& d, QgsProject* project,
                                                    const QString& templatePath) {
    std::unique_ptr<QgsPrintLayout> layout = Pages::loadTemplate(templatePath, project);
    QgsLayout* l = layout.get();
    l->renderContext().setTextRenderFormat(Qgis::TextRenderFormat::AlwaysText);
    const QLocale loc = d.language == QLatin1String("nl") ? QLocale(QLocale::Dutch, QLocale::Belgium)
                                                          : QLocale(QLocale::English);
    const QString generated = loc.toString(d.generated, QLocale::ShortFormat);
    Pages::fillTitle(l, d, generated);
    Pages::fillMaps(l, d, project);
    Pages::fillOd(l, d, loc);
    Pages::fillCounts(l, d, loc);
    Pages::fillJourneys(l, d, loc);
    Pages::fillInventory(l, d);
    Pages::fillPrivacy(l, d, loc, generated);
    Pages::fillCompare(l, d, project, loc);
    Pages::keepTextSearchable(l);
    Pages::fillFooters(l, d, generated);
    l->refresh();
    return layout;
}

void ReportLayout::write(Store& store, const ReportData& data, QgsProject* project,
                         const QString& templatePath, const QString& pdfPath, bool overwrite) {
    OutputFile file(store, pdfPath, overwrite);
    std::unique_ptr<QgsPrintLayout> layout = build(data, project, templatePath);
    LayoutKit::writePdf(layout.get(), file.temporaryPath());
    Store::AuditEntry e;
    e.action = QStringLiteral("report");
    e.purpose = data.purpose;
    e.layer = data.exact ? QStringLiteral("L1") : QStringLiteral("L2");
    e.parameters =
        QStringLiteral("language: %1; filters: %2; parameters: %3; release: %4")
            .arg(data.language, data.filter.describe(), parametersText(data.parameters), data.method);
    e.suppressedCells = data.suppressedTotal();
    e.k = data.k;
    file.commit(e);
}

void ReportLayout::addLayers(QgsProject* project, const QString& projectPath, const FlowCube& cube,
                             const CameraIndex& cameras, const DisclosurePolicy& policy,
                             const FlowFilter& filter, const std::optional<FlowFilter>& after) {
    ProjectLayers layers;
    layers.load(projectPath, project);
    FlowView view;
    view.filter = filter;
    view.topN = 80;
    FlowMap flows;
    flows.setData(cube, cameras, policy);
    flows.apply(view);
    project->addMapLayer(flows.layer());
    delete flows.withinLayer(); // not drawn in the report
    if (!after)
        return;
    FlowMap change;
    change.setData(cube, cameras, policy);
    view.compare = true;
    view.afterFrom = after->from;
    view.afterTo = after->to;
    change.apply(view);
    change.layer()->setName(FlowMap::compareLayerName());
    project->addMapLayer(change.layer());
    delete change.withinLayer();
}

QImage ReportLayout::renderPage(QgsPrintLayout* layout, int page, double dpi) {
    QgsLayoutExporter exporter(layout);
    return exporter.renderPageToImage(page, QSize(), dpi);
}

} // namespace stroom::maps
