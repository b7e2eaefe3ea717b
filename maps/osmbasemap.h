#pragma once

#include <QString>

class QgsRasterLayer;

namespace stroom::maps {

/** \brief The OpenStreetMap tiles under the map: whether the server answers, and the layer. */
class OsmBasemap {
public:
    /** Asks the tile server once (3 s at most); false and why when there is no network. */
    static bool reachable(QString* why);
    /** The XYZ tile layer (the caller owns it). */
    static QgsRasterLayer* layer(const QString& name);
};

} // namespace stroom::maps
