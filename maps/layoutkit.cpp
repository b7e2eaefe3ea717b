#include "layoutkit.h"

#include "common/error.h"

#include <QCoreApplication>
#include <qgslayout.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayouttable.h>
#include <qgstextformat.h>

namespace stroom::maps {

QFont LayoutKit::font(double pointSize, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setBold(bold);
    f.setPointSizeF(pointSize);
    f.setStyleStrategy(QFont::PreferNoShaping); // no ligatures: the PDF's text stays searchable
    return f;
}

QgsLayoutItemLabel* LayoutKit::addLabel(QgsLayout* layout, int page, const QString& text, double x, double y,
                                        double w, double h, double pointSize, bool bold,
                                        const QColor& colour) {
    auto* label = new QgsLayoutItemLabel(layout);
    label->setText(text);
    label->setFont(font(pointSize, bold));
    label->setFontColor(colour);
    label->setVAlign(Qt::AlignTop);
    label->setHAlign(Qt::AlignLeft);
    layout->addLayoutItem(label);
    label->attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes::LayoutMillimeters), true, false, page);
    label->attemptResize(QgsLayoutSize(w, h, QgsUnitTypes::LayoutMillimeters));
    return label;
}

void LayoutKit::styleTable(QgsLayoutTable* table, double textSize, double cellMargin) {
    QgsTextFormat head, body;
    const QFont hf = font(textSize + 0.5, true), bf = font(textSize);
    head.setFont(hf);
    head.setSize(textSize + 0.5);
    body.setFont(bf);
    body.setSize(textSize);
    table->setHeaderTextFormat(head);
    table->setContentTextFormat(body);
    table->setGridStrokeWidth(0.1);
    table->setGridColor(QColor(190, 190, 200));
    table->setCellMargin(cellMargin);
}

QgsLayoutFrame* LayoutKit::addFrame(QgsLayout* layout, QgsLayoutMultiFrame* table, int page, double x,
                                    double y, double w, double h) {
    auto* frame = new QgsLayoutFrame(layout, table);
    frame->attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes::LayoutMillimeters), true, false, page);
    frame->attemptResize(QgsLayoutSize(w, h, QgsUnitTypes::LayoutMillimeters));
    table->addFrame(frame);
    return frame;
}

void LayoutKit::writePdf(QgsLayout* layout, const QString& path, double dpi) {
    QgsLayoutExporter exporter(layout);
    QgsLayoutExporter::PdfExportSettings settings;
    settings.dpi = dpi;
    settings.rasterizeWholeImage = false;
    settings.forceVectorOutput = false;
    settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText; // tables too: searchable, selectable text
    if (exporter.exportToPdf(path, settings) != QgsLayoutExporter::Success)
        throw Error::input(
            QCoreApplication::translate("stroom::maps::LayoutKit", "%1: the PDF could not be written (%2)")
                .arg(path, exporter.errorFile()));
}

} // namespace stroom::maps
