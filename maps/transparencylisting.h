#pragma once

#include <QString>

class QgsProject;

namespace stroom {
class Store;
struct Transparency;
} // namespace stroom

namespace stroom::maps {

/**
 * \brief The transparency report as a PDF (layer L3, citizen oversight): the cameras by owner and purpose
 * on a map, what data is held and for how long, how figures are protected, and what the data was used for
 * (from the audit trail, by month and purpose, without users or paths). Recorded in the audit trail.
 */
class TransparencyListing {
public:
    /** \a project holds the project's layers (cameras, zones). Throws stroom::Error. */
    static void write(Store& store, QgsProject* project, const Transparency& report, const QString& pdfPath,
                      const QString& purpose, bool overwrite = false);
    /** An audit action in words of the current language ("purge" → "purge", "verwijdering"). */
    static QString actionText(const QString& action);
};

} // namespace stroom::maps
