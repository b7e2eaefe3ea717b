#pragma once

#include <QString>

class QgsProject;

namespace stroom {
class Store;
}

namespace stroom::maps {

/**
 * \brief The public camera register as a PDF (layer L3): a map of the cameras by owner, the count per
 * owner and purpose, and every camera's public fields, grouped by owner. Recorded in the audit trail.
 */
class RegisterListing {
public:
    /** \a project holds the project's layers (cameras, zones). Throws stroom::Error. */
    static void write(Store& store, QgsProject* project, const QString& pdfPath, const QString& purpose,
                      bool overwrite = false);
};

} // namespace stroom::maps
