#include "registerlisting.h"

#include "bytesource.h"
#include "inventory.h"
#include "projectlayers.h"
#include "store.h"

#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitemtexttable.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

namespace stroom::maps {

namespace {
QString tr(const char* s) {
    return QCoreApplication::translate("stroom::maps::RegisterListing", s);
}

QgsLayoutItemLabel* label(QgsLayout* l, const QString& text, double x, double y, double w, double h,
                          double size, bool bold) {
    auto* item = new QgsLayoutItemLabel(l);
    item->setText(text);
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(size);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferNoShaping);
    item->setFont(f);
    item->setFontColor(bold ? QColor(0x08, 0x51, 0x9c) : QColor(40, 40, 50));
    item->setHAlign(Qt::AlignLeft);
    l->addLayoutItem(item);
    item->attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes::LayoutMillimeters), true, false, 0);
    item->attemptResize(QgsLayoutSize(w, h, QgsUnitTypes::LayoutMillimeters));
    return item;
}

QgsLayoutItemTextTable* table(QgsLayout* l, double x, double y, double w, double h,
                              QgsLayoutMultiFrame::ResizeMode mode) {
    auto* t = new QgsLayoutItemTextTable(l);
    l->addMultiFrame(t);
    QgsTextFormat head, body;
    QFont hf(QStringLiteral("DejaVu Sans")), bf(QStringLiteral("DejaVu Sans"));
    hf.setBold(true);
    hf.setStyleStrategy(QFont::PreferNoShaping);
    bf.setStyleStrategy(QFont::PreferNoShaping);
    head.setFont(hf);
    head.setSize(8);
    body.setFont(bf);
    body.setSize(7.5);
    t->setHeaderTextFormat(head);
    t->setContentTextFormat(body);
    t->setGridStrokeWidth(0.1);
    t->setGridColor(QColor(190, 190, 200));
    t->setCellMargin(1);
    t->setResizeMode(mode);
    auto* frame = new QgsLayoutFrame(l, t);
    frame->attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes::LayoutMillimeters), true, false, 0);
    frame->attemptResize(QgsLayoutSize(w, h, QgsUnitTypes::LayoutMillimeters));
    t->addFrame(frame);
    return t;
}
} // namespace

QString RegisterListing::write(Store& store, QgsProject* project, const QString& pdfPath,
                               const QString& purpose) {
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
    // The map of the cameras, by owner.
    QgsVectorLayer* cams = nullptr;
    QgsVectorLayer* zones = nullptr;
    for (QgsMapLayer* ml : project->mapLayers()) {
        if (ml->name() == ProjectLayers::camerasLayerName())
            cams = qobject_cast<QgsVectorLayer*>(ml);
        else if (ml->name() == ProjectLayers::zonesLayerName())
            zones = qobject_cast<QgsVectorLayer*>(ml);
    }
    auto* map = new QgsLayoutItemMap(&layout);
    map->attemptSetSceneRect(QRectF(10, 30, 125, 165));
    map->setFrameEnabled(true);
    layout.addLayoutItem(map);
    map->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    QList<QgsMapLayer*> layers;
    if (cams)
        layers << cams;
    if (zones)
        layers << zones;
    map->setKeepLayerSet(true);
    map->setLayers(layers);
    if (cams && cams->featureCount() > 0) {
        QgsRectangle e = QgsCoordinateTransform(cams->crs(), map->crs(), project->transformContext())
                             .transformBoundingBox(cams->extent());
        e.scale(1.1);
        map->zoomToExtent(e);
    }
    auto* legend = new QgsLayoutItemLegend(&layout);
    legend->setLinkedMap(map);
    legend->setAutoUpdateModel(false);
    legend->model()->rootGroup()->removeAllChildren();
    if (cams)
        legend->model()->rootGroup()->addLayer(cams);
    legend->setTitle(QString());
    layout.addLayoutItem(legend);
    legend->attemptMove(QgsLayoutPoint(140, 30, QgsUnitTypes::LayoutMillimeters));
    // Counts per owner and purpose.
    QMap<QString, QMap<QString, int>> byOwner;
    for (const Camera& c : cameras)
        byOwner[c.owner.isEmpty() ? tr("owner unknown") : c.owner][c.purpose] += 1;
    QVector<QStringList> counts;
    for (auto it = byOwner.cbegin(); it != byOwner.cend(); ++it) {
        int total = 0;
        QStringList row{it.key()};
        for (const QString& p : Camera::purposes()) {
            row << QString::number(it.value().value(p));
            total += it.value().value(p);
        }
        row.insert(1, QString::number(total));
        counts << row;
    }
    QgsLayoutItemTextTable* summary =
        table(&layout, 140, 100, 147, 95, QgsLayoutMultiFrame::UseExistingFrames);
    summary->setColumns({QgsLayoutTableColumn(tr("Owner")), QgsLayoutTableColumn(tr("Cameras")),
                         QgsLayoutTableColumn(tr("Police")), QgsLayoutTableColumn(tr("Traffic")),
                         QgsLayoutTableColumn(tr("LEZ")), QgsLayoutTableColumn(tr("Section control")),
                         QgsLayoutTableColumn(tr("Parking")), QgsLayoutTableColumn(tr("Other"))});
    summary->setContents(counts);
    // Every camera, grouped by owner, on as many pages as it takes.
    auto* page2 = new QgsLayoutItemPage(&layout);
    page2->setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes::LayoutMillimeters));
    layout.pageCollection()->addPage(page2);
    QVector<Camera> sorted = cameras;
    std::sort(sorted.begin(), sorted.end(), [](const Camera& a, const Camera& b) {
        return std::tie(a.owner, a.id) < std::tie(b.owner, b.id);
    });
    QVector<QStringList> rows;
    for (const Camera& c : sorted)
        rows << QStringList{c.owner,
                            c.id,
                            c.name.left(40),
                            c.purpose,
                            c.legalBasis.left(60),
                            c.directionsText(),
                            c.registered ? tr("yes") : tr("no"),
                            c.status};
    QgsLayoutItemTextTable* list =
        table(&layout, 10, 10 + 210 + 10, 277, 185, QgsLayoutMultiFrame::RepeatUntilFinished);
    list->frame(0)->attemptMove(QgsLayoutPoint(10, 10, QgsUnitTypes::LayoutMillimeters), true, false, 1);
    list->setColumns({QgsLayoutTableColumn(tr("Owner")), QgsLayoutTableColumn(tr("Id")),
                      QgsLayoutTableColumn(tr("Name")), QgsLayoutTableColumn(tr("Purpose")),
                      QgsLayoutTableColumn(tr("Legal basis")), QgsLayoutTableColumn(tr("Directions")),
                      QgsLayoutTableColumn(tr("Registered")), QgsLayoutTableColumn(tr("Status"))});
    list->setContents(rows);
    list->setHeaderMode(QgsLayoutTable::AllFrames);

    QgsLayoutExporter exporter(&layout);
    QgsLayoutExporter::PdfExportSettings settings;
    settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
    if (exporter.exportToPdf(pdfPath, settings) != QgsLayoutExporter::Success)
        return tr("%1: the PDF could not be written").arg(pdfPath);
    Store::AuditEntry a;
    a.action = QStringLiteral("public register");
    a.purpose = purpose;
    a.layer = QStringLiteral("L3");
    a.parameters =
        QStringLiteral("PDF listing; fields: %1").arg(Inventory::publicFields().join(QLatin1Char(',')));
    a.output = QFileInfo(pdfPath).absoluteFilePath();
    a.outputSha256 = ByteSource::fileSha256(pdfPath);
    store.audit(a);
    return QString();
}

} // namespace stroom::maps
