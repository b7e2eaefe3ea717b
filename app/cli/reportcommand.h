#pragma once

#include <QStringList>

namespace stroom::cli {

/** `stroom-cli report PROJECT.gpkg --out report.pdf …` (DESIGN §7, §11). Needs a QgsApplication. */
int report(const QStringList& args);

/** The public register as a PDF listing (needs a QgsApplication). */
int publicRegisterPdf(const QString& projectPath, const QString& pdf, const QString& purpose);

/** True when \a args need QGIS (and so a QgsApplication rather than a QCoreApplication). */
bool needsQgis(const QStringList& args);

} // namespace stroom::cli
