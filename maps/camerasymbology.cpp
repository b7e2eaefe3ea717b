#include "camerasymbology.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsmarkersymbol.h>
#include <qgsmarkersymbollayer.h>
#include <qgspallabeling.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <QCoreApplication>
#include <QSet>

namespace stroom::maps {

namespace {
QgsMarkerSymbol* cameraSymbol(const QColor& fill) {
    auto* layer = new QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase::Circle, 3.2, 0.0);
    layer->setColor(fill);
    layer->setStrokeColor(QColor(255, 255, 255));
    layer->setStrokeWidth(0.3);
    return new QgsMarkerSymbol(QgsSymbolLayerList() << layer);
}
} // namespace

QColor CameraSymbology::ownerColor(int index) {
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                     QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                                     QColor(0xF0, 0xE4, 0x42), QColor(0x44, 0x44, 0x44)};
    constexpr int n = sizeof(palette) / sizeof(palette[0]);
    if (index < n)
        return palette[index];
    // Beyond the palette: spread hues evenly, still deterministic.
    return QColor::fromHsv((index * 137) % 360, 170, 200);
}

QColor CameraSymbology::unknownOwnerColor() {
    return QColor(0xA0, 0xA0, 0xA0);
}

QStringList CameraSymbology::applyOwnerStyle(QgsVectorLayer* cameras) {
    const int field = cameras->fields().indexOf(QStringLiteral("owner"));
    QStringList owners;
    bool hasUnknown = false;
    for (const QVariant& v : cameras->uniqueValues(field)) {
        const QString s = v.toString().trimmed();
        if (v.isNull() || s.isEmpty())
            hasUnknown = true;
        else
            owners << s;
    }
    owners.sort(Qt::CaseInsensitive);
    QgsCategoryList categories;
    for (int i = 0; i < owners.size(); ++i)
        categories << QgsRendererCategory(owners[i], cameraSymbol(ownerColor(i)), owners[i]);
    if (hasUnknown)
        categories << QgsRendererCategory(QVariant(), cameraSymbol(unknownOwnerColor()),
                                          QCoreApplication::translate("CameraSymbology", "Owner unknown"));
    auto* renderer = new QgsCategorizedSymbolRenderer(QStringLiteral("owner"), categories);
    cameras->setRenderer(renderer);
    cameras->triggerRepaint();
    return owners;
}

void CameraSymbology::applyZoneStyle(QgsVectorLayer* zones) {
    auto* outline = new QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt::NoBrush, QColor(90, 90, 110),
                                                 Qt::SolidLine, 0.35);
    auto* symbol = new QgsFillSymbol(QgsSymbolLayerList() << outline);
    zones->setRenderer(new QgsSingleSymbolRenderer(symbol));

    QgsPalLayerSettings label;
    label.fieldName = QStringLiteral("name");
    label.placement = QgsPalLayerSettings::OverPoint;
    QgsTextFormat format;
    format.setSize(8);
    format.setColor(QColor(90, 90, 110));
    QgsTextBufferSettings buffer;
    buffer.setEnabled(true);
    buffer.setSize(0.8);
    buffer.setColor(QColor(255, 255, 255, 200));
    format.setBuffer(buffer);
    label.setFormat(format);
    zones->setLabeling(new QgsVectorLayerSimpleLabeling(label));
    zones->setLabelsEnabled(true);
    zones->triggerRepaint();
}

} // namespace stroom::maps
