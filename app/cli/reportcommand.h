#pragma once

#include <QStringList>

namespace stroom::cli {

/** `stroom-cli report PROJECT.gpkg --out report.pdf …` (DESIGN §7, §11). Needs a QgsApplication. */
int report(const QStringList& args);

/** True when \a args need QGIS (and so a QgsApplication rather than a QCoreApplication). */
bool needsQgis(const QStringList& args);

} // namespace stroom::cli
