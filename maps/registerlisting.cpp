#include "registerlisting.h"

#include "camerasymbology.h"
#include "common/bytesource.h"
#include "inventory/inventory.h"
#include "layoutkit.h"
#include "projectlayers.h"
#include "store/outputfile.h"
#include "store/store.h"
#include "store/vocabulary.h"

#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitemtexttable.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgstablecell.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

#include <memory>

namespace stroom::maps {

namespace {
QString tr(const char* s) {
    return QCoreApplication::translate("stroom::maps::RegisterListing", s);
}

QgsLayoutItemLabel* label(QgsLayout* l, const QString& text, double x, double y, double w, double h,
                          double size, bool bold) {
    return LayoutKit::addLabel(l, 0, text, x, y, w, h, size, bold,
                               bold ? QColor(0x08, 0x51, 0x9c) : QColor(40, 40, 50));
}

template <class Table>
Table* table(QgsLayout* l, double x, double y, double w, double h, QgsLayoutMultiFrame::ResizeMode mode,
             double textSize = 7.5) {
    auto* t = new Table(l);
    l->addMultiFrame(t);
    LayoutKit::styleTable(t, textSize, 1);
    t->setResizeMode(mode);
    LayoutKit::addFrame(l, t, 0, x, y, w, h);
    return t;
}
} // namespace

namespace {

/** The pieces of the layout; their texts translate in the context of RegisterListing. */
class Pages {
    Q_DECLARE_TR_FUNCTIONS(stroom::maps::RegisterListing)

public:
    static QStringList addOwnerMap(QgsLayout* layout, QgsProject* project,
                                   std::unique_ptr<QgsVectorLayer>& byOwnerLayer) {
        QgsVectorLayer* cams = ProjectLayers::layerNamed(project, ProjectLayers::camerasLayerName());
        QgsVectorLayer* zones = ProjectLayers::layerNamed(project, ProjectLayers::zonesLayerName());
        // The map colours the cameras by owner whatever the app shows; the owner table beside it is its
        // legend.
        byOwnerLayer.reset(cams ? cams->clone() : nullptr);
        QStringList owners;
        if (byOwnerLayer)
            owners = CameraSymbology::applyOwnerStyle(byOwnerLayer.get());
        auto* map = new QgsLayoutItemMap(layout);
        map->attemptSetSceneRect(QRectF(10, 30, 117, 165));
        map->setFrameEnabled(true);
        layout->addLayoutItem(map);
        map->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
        QList<QgsMapLayer*> layers;
        if (byOwnerLayer)
            layers << byOwnerLayer.get();
        if (zones)
            layers << zones;
        map->setKeepLayerSet(true);
        map->setLayers(layers);
        const QgsRectangle e = ProjectLayers::extentOf({cams}, map->crs(), project->transformContext());
        if (!e.isEmpty())
            map->zoomToExtent(e);
        return owners;
    }

    static void addOwnerTable(QgsLayout* layout, const QVector<Camera>& cameras, const QStringList& owners) {
        // Counts per owner and purpose, each owner with its colour on the map.
        QMap<QString, QMap<QString, int>> byOwner;
        for (const Camera& c : cameras)
            byOwner[c.owner.trimmed()][c.purpose] += 1;
        constexpr int kMaxRows = 33; // what fits beside the map; the rest is summed in one row
        QgsTableContents counts;
        QMap<QString, int> others;
        int otherOwners = 0;
        // Purposes in words in one column ("traffic 50 · low-emission zone 14"): fits the page in any
        // language.
        auto row = [](const QColor& colour, const QString& owner, const QMap<QString, int>& perPurpose) {
            QgsTableRow r;
            QgsTableCell swatch;
            if (colour.isValid())
                swatch.setBackgroundColor(colour);
            r << swatch << QgsTableCell(owner);
            int total = 0;
            QStringList purposes;
            for (const QString& p : Camera::purposes()) {
                if (perPurpose.value(p) > 0)
                    purposes << QStringLiteral("%1 %2").arg(vocabulary::purpose(p)).arg(perPurpose.value(p));
                total += perPurpose.value(p);
            }
            for (auto it = perPurpose.cbegin(); it != perPurpose.cend(); ++it) // a purpose not in the list
                if (!Camera::purposes().contains(it.key())) {
                    purposes << QStringLiteral("%1 %2").arg(vocabulary::purpose(it.key())).arg(it.value());
                    total += it.value();
                }
            r << QgsTableCell(QString::number(total)) << QgsTableCell(purposes.join(QStringLiteral(" · ")));
            return r;
        };
        for (auto it = byOwner.cbegin(); it != byOwner.cend(); ++it) {
            const bool unknown = it.key().isEmpty();
            if (!unknown && counts.size() >= kMaxRows - 2) {
                for (auto p = it.value().cbegin(); p != it.value().cend(); ++p)
                    others[p.key()] += p.value();
                ++otherOwners;
                continue;
            }
            const int colourIndex = owners.indexOf(it.key());
            const QColor colour = unknown            ? CameraSymbology::unknownOwnerColor()
                                  : colourIndex >= 0 ? CameraSymbology::ownerColor(colourIndex)
                                                     : QColor();
            const QgsTableRow r = row(colour, unknown ? tr("owner unknown") : it.key().left(36), it.value());
            if (unknown)
                counts.prepend(r);
            else
                counts << r;
        }
        if (otherOwners > 0)
            counts << row(QColor(), tr("%1 other owners").arg(otherOwners), others);
        auto* summary = table<QgsLayoutItemManualTable>(layout, 140, 30, 147, 165,
                                                        QgsLayoutMultiFrame::UseExistingFrames);
        summary->setIncludeTableHeader(true);
        summary->setTableContents(counts);
        summary->setHeaders({QgsLayoutTableColumn(QString()), QgsLayoutTableColumn(tr("Owner")),
                             QgsLayoutTableColumn(tr("Cameras")), QgsLayoutTableColumn(tr("Purposes"))});
        // Fixed widths that fit the frame in either language; long owners and purposes wrap.
        summary->setWrapBehavior(QgsLayoutTable::WrapText);
        const QList<double> widths{3, 50, 14, 147.0 - 3 - 50 - 14 - 2.0 * 4};
        summary->setColumnWidths(widths);
    }

    /** Every camera's public fields, grouped by owner, on as many pages as it takes. */
    static void addCameraList(QgsLayout* layout, const QVector<Camera>& cameras) {
        // Every camera, grouped by owner, on as many pages as it takes.
        auto* page2 = new QgsLayoutItemPage(layout);
        page2->setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes::LayoutMillimeters));
        layout->pageCollection()->addPage(page2);
        QVector<Camera> sorted = cameras;
        std::sort(sorted.begin(), sorted.end(), [](const Camera& a, const Camera& b) {
            return std::tie(a.owner, a.id) < std::tie(b.owner, b.id);
        });
        QVector<QStringList> rows;
        for (const Camera& c : sorted)
            rows << QStringList{c.owner,
                                c.id,
                                c.name.left(40),
                                vocabulary::purpose(c.purpose),
                                c.legalBasis.left(60),
                                c.directionsText(),
                                c.registered ? tr("yes") : tr("no"),
                                c.status};
        QgsLayoutItemTextTable* list = table<QgsLayoutItemTextTable>(
            layout, 10, 10 + 210 + 10, 277, 185, QgsLayoutMultiFrame::RepeatUntilFinished);
        list->frame(0)->attemptMove(QgsLayoutPoint(10, 10, QgsUnitTypes::LayoutMillimeters), true, false, 1);
        list->setColumns({QgsLayoutTableColumn(tr("Owner")), QgsLayoutTableColumn(tr("Id")),
                          QgsLayoutTableColumn(tr("Name")), QgsLayoutTableColumn(tr("Purpose")),
                          QgsLayoutTableColumn(tr("Legal basis")), QgsLayoutTableColumn(tr("Directions")),
                          QgsLayoutTableColumn(tr("Registered")), QgsLayoutTableColumn(tr("Status"))});
        list->setContents(rows);
        list->setHeaderMode(QgsLayoutTable::AllFrames);
    }
};

} // namespace

QStringList RegisterListing::addOwnerMap(QgsLayout* layout, QgsProject* project,
                                         std::unique_ptr<QgsVectorLayer>& byOwnerLayer) {
    return Pages::addOwnerMap(layout, project, byOwnerLayer);
}

void RegisterListing::addOwnerTable(QgsLayout* layout, const QVector<Camera>& cameras,
                                    const QStringList& owners) {
    Pages::addOwnerTable(layout, cameras, owners);
}

void RegisterListing::write(Store& store, QgsProject* project, const QString& pdfPath, const QString& purpose,
                            bool overwrite) {
    OutputFile file(store, pdfPath, overwrite);
    QgsPrintLayout layout(project);
    layout.initializeDefaults();
    layout.renderContext().setTextRenderFormat(Qgis::TextRenderFormat::AlwaysText);
    layout.pageCollection()->page(0)->setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes::LayoutMillimeters));
    const QLocale loc;
    const QVector<Camera> cameras = store.cameras();
    label(&layout, tr("Public register of ANPR cameras"), 10, 8, 277, 12, 16, true);
    label(&layout,
          tr("%1 · %2 cameras · as of %3. Public fields only: who owns each camera, what it is for and on "
             "what legal basis.")
              .arg(store.setting(QStringLiteral("title"), QFileInfo(store.path()).completeBaseName()))
              .arg(cameras.size())
              .arg(loc.toString(QDate::currentDate(), QLocale::ShortFormat)),
          10, 20, 277, 8, 9, false);
    std::unique_ptr<QgsVectorLayer> byOwnerLayer; // drawn by the map: lives until the PDF is written
    const QStringList owners = Pages::addOwnerMap(&layout, project, byOwnerLayer);
    Pages::addOwnerTable(&layout, cameras, owners);
    Pages::addCameraList(&layout, cameras);
    LayoutKit::writePdf(&layout, file.temporaryPath(), 300);
    Store::AuditEntry a;
    a.action = QStringLiteral("public register");
    a.purpose = purpose;
    a.layer = QStringLiteral("L3");
    a.parameters =
        QStringLiteral("PDF listing; fields: %1").arg(Inventory::publicFields().join(QLatin1Char(',')));
    file.commit(a);
}

} // namespace stroom::maps
