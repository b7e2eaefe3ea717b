#include "camerasymbology.h"

#include <qgsexpressioncontextutils.h>

#include <memory>

#include "store/vocabulary.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsmarkersymbol.h>
#include <qgsmarkersymbollayer.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include "store/camera.h"

#include <QCoreApplication>
#include <QSet>

namespace stroom::maps {

namespace {

/** Label text with a white halo, so it reads over arrows and outlines. */
QgsTextFormat haloText(double size, const QColor& colour, double halo, int haloAlpha) {
    QgsTextFormat format;
    format.setSize(size);
    format.setColor(colour);
    QgsTextBufferSettings buffer;
    buffer.setEnabled(true);
    buffer.setSize(halo);
    buffer.setColor(QColor(255, 255, 255, haloAlpha));
    format.setBuffer(buffer);
    return format;
}
QgsMarkerSymbol* cameraSymbol(const QColor& fill) {
    QgsSymbolLayerList layers;
    // A small pointer for each direction the camera reads ("335;45" → two), up to four.
    for (int i = 0; i < 4; ++i) {
        auto* arrow =
            new QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase::EquilateralTriangle, 1.8, 0.0);
        arrow->setColor(fill.darker(140));
        arrow->setStrokeStyle(Qt::NoPen);
        arrow->setOffset(QPointF(0, -2.6));
        // Smaller with the flows drawn (the layer's compact variable), so the cameras do not hide them.
        arrow->setDataDefinedProperty(QgsSymbolLayer::PropertyOffset,
                                      QgsProperty::fromExpression(QStringLiteral(
                                          "if(coalesce(@stroom_compact, 0), '0,-1.9', '0,-2.6')")));
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertySize,
            QgsProperty::fromExpression(QStringLiteral("if(coalesce(@stroom_compact, 0), 1.3, 1.8)")));
        const QString list = QStringLiteral("string_to_array(coalesce(\"directions\", ''), ';')");
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertyAngle,
            QgsProperty::fromExpression(QStringLiteral("to_real(array_get(%1, %2))").arg(list).arg(i)));
        arrow->setDataDefinedProperty(
            QgsSymbolLayer::PropertyLayerEnabled,
            QgsProperty::fromExpression(QStringLiteral("array_length(%1) > %2").arg(list).arg(i)));
        layers << arrow;
    }
    auto* dot = new QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase::Circle, 3.2, 0.0);
    dot->setColor(fill);
    dot->setStrokeColor(QColor(255, 255, 255));
    dot->setStrokeWidth(0.3);
    dot->setDataDefinedProperty(
        QgsSymbolLayer::PropertySize,
        QgsProperty::fromExpression(QStringLiteral("if(coalesce(@stroom_compact, 0), 2.2, 3.2)")));
    layers << dot;
    return new QgsMarkerSymbol(layers);
}

void labelOnZoom(QgsVectorLayer* cameras) {
    // Camera ids once zoomed in to a neighbourhood (1:25,000 or closer).
    QgsPalLayerSettings label;
    label.fieldName = QStringLiteral("camera_id");
    label.placement = QgsPalLayerSettings::OrderedPositionsAroundPoint;
    label.scaleVisibility = true;
    label.minimumScale = 25000;
    label.maximumScale = 0;
    label.setFormat(haloText(7.5, QColor(40, 40, 50), 0.7, 220));
    cameras->setLabeling(new QgsVectorLayerSimpleLabeling(label));
    cameras->setLabelsEnabled(true);
}
} // namespace

void CameraSymbology::setCompact(QgsVectorLayer* cameras, bool compact) {
    QgsExpressionContextUtils::setLayerVariable(cameras, QStringLiteral("stroom_compact"), compact ? 1 : 0);
    cameras->triggerRepaint();
}

bool CameraSymbology::isCompact(const QgsVectorLayer* cameras) {
    const std::unique_ptr<QgsExpressionContextScope> scope(QgsExpressionContextUtils::layerScope(cameras));
    return scope->variable(QStringLiteral("stroom_compact")).toInt() != 0;
}

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
    labelOnZoom(cameras);
    cameras->triggerRepaint();
    return owners;
}

QColor CameraSymbology::purposeColor(const QString& purpose) {
    const int i = Camera::purposes().indexOf(purpose);
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9)};
    return i >= 0 ? colours[i] : unknownOwnerColor();
}

QColor CameraSymbology::classColor(int code) {
    static const QColor colours[] = {QColor(0x99, 0x99, 0x99), QColor(0x00, 0x72, 0xB2),
                                     QColor(0xE6, 0x9F, 0x00), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7)};
    return colours[code >= 0 && code < 6 ? code : 0];
}

void CameraSymbology::applyPurposeStyle(QgsVectorLayer* cameras) {
    QgsCategoryList categories;
    for (const QString& purpose : Camera::purposes())
        categories << QgsRendererCategory(purpose, cameraSymbol(purposeColor(purpose)),
                                          vocabulary::purpose(purpose));
    categories << QgsRendererCategory(QVariant(), cameraSymbol(unknownOwnerColor()),
                                      QCoreApplication::translate("CameraSymbology", "Purpose unknown"));
    cameras->setRenderer(new QgsCategorizedSymbolRenderer(QStringLiteral("purpose"), categories));
    labelOnZoom(cameras);
    cameras->triggerRepaint();
}

void CameraSymbology::applyZoneStyle(QgsVectorLayer* zones) {
    auto* outline = new QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt::NoBrush, QColor(90, 90, 110),
                                                 Qt::SolidLine, 0.35);
    auto* symbol = new QgsFillSymbol(QgsSymbolLayerList() << outline);
    zones->setRenderer(new QgsSingleSymbolRenderer(symbol));

    QgsPalLayerSettings label;
    label.fieldName = QStringLiteral("name");
    label.placement = QgsPalLayerSettings::OverPoint;
    label.setFormat(haloText(8, QColor(90, 90, 110), 0.8, 200));
    zones->setLabeling(new QgsVectorLayerSimpleLabeling(label));
    zones->setLabelsEnabled(true);
    zones->triggerRepaint();
}

} // namespace stroom::maps
