#pragma once

#include <QStringList>

namespace stroom::cli {

/** `stroom-cli report PROJECT --out report.pdf …` (DESIGN §7, §11), in stroom-cli-render. */
int renderReport(const QStringList& args);

/** `stroom-cli animate PROJECT --out flows.gif …`: the flow map per hour or day as a GIF, in
 * stroom-cli-render. */
int renderAnimation(const QStringList& args);

/** The public register as a PDF listing (`cameras export --public --out x.pdf`), in stroom-cli-render. */
void renderPublicRegister(const QString& projectPath, const QString& pdf, const QString& purpose,
                          bool overwrite);

/** The transparency report as a PDF (`transparency PROJECT --out x.pdf`), in stroom-cli-render. */
void renderTransparency(const QString& projectPath, const QString& pdf, const QString& purpose,
                        bool overwrite);

} // namespace stroom::cli
