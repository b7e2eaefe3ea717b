#pragma once

#include <QString>
#include <QStringList>

namespace stroom::maps {

/**
 * \brief Starts and checks the QGIS libraries for Stroom (DESIGN §10).
 *
 * A wrong prefix path makes QGIS fall back silently to its built-in providers only; initialise()
 * checks that the providers Stroom needs (ogr, spatialite) are there and says what is missing.
 */
class QgisRuntime {
public:
    /** The install prefix QGIS was found at when Stroom was built (overridden by STROOM_QGIS_PREFIX). */
    static QString prefixPath();
    /**
     * Calls QgsApplication::setPrefixPath and initQgis. A QgsApplication must exist already.
     * Throws stroom::Error with a message for the user when a provider Stroom needs is missing.
     */
    static void initialise();
    /** Providers Stroom needs that this QGIS lacks. */
    static QStringList missingProviders();
};

} // namespace stroom::maps
