#include "mapstatus.h"

#include <qgsmapcanvas.h>

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

#include <cmath>

namespace stroom::widgets {

void MapStatus::install(QgsMapCanvas* canvas, QStatusBar* bar) {
    auto* coordinates = new QLabel(bar);
    coordinates->setObjectName(QStringLiteral("CoordinatesLabel"));
    coordinates->setMinimumWidth(220);
    auto* scale = new QLabel(bar);
    scale->setObjectName(QStringLiteral("ScaleLabel"));
    scale->setMinimumWidth(110);
    auto* crs = new QLabel(QStringLiteral("EPSG:31370"), bar);
    crs->setToolTip(tr("Belgian Lambert 72"));
    bar->addPermanentWidget(coordinates);
    bar->addPermanentWidget(scale);
    bar->addPermanentWidget(crs);
    connect(canvas, &QgsMapCanvas::xyCoordinates, coordinates, [coordinates](const QgsPointXY& p) {
        coordinates->setText(tr("x %1  y %2").arg(p.x(), 0, 'f', 0).arg(p.y(), 0, 'f', 0));
    });
    connect(canvas, &QgsMapCanvas::scaleChanged, scale, [scale](double s) {
        scale->setText(
            QStringLiteral("1:%1").arg(QLocale().toString(static_cast<qlonglong>(std::llround(s)))));
    });
    connect(canvas, &QgsMapCanvas::destinationCrsChanged, crs,
            [canvas, crs] { crs->setText(canvas->mapSettings().destinationCrs().authid()); });
}

} // namespace stroom::widgets
