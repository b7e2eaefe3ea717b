#pragma once

#include <QString>

class QgsMapLayer;
class QgsVectorLayer;

namespace stroom::maps {

/**
 * \brief What lies under the flows: nothing, a road layer that works offline (the project's own `roads`
 * layer, or a local road file: GeoPackage, Shapefile, GeoJSON, OpenStreetMap), or, online, OpenStreetMap
 * tiles, the Flemish large-scale reference map (GRB) or the Flemish orthophoto (WMTS).
 *
 * Roads are drawn in muted greys, major roads wider, so the flows (blue) and the selection (orange) stay
 * what the eye reads first.
 */
class Basemap {
public:
    enum class Kind { None, ProjectRoads, RoadFile, Osm, Grb, Orthophoto };
    /** \brief A basemap as the view saves it: the kind, and the file for a road file. */
    struct Choice {
        Kind kind = Kind::None;
        QString file;
        /** "none", "roads", "file:PATH", "osm", "grb", "ortho". */
        QString toString() const;
        static Choice fromString(const QString& text);
        bool operator==(const Choice& o) const { return kind == o.kind && file == o.file; }
    };

    /** Whether the kind needs the network (tiles from a server). */
    static bool isOnline(Kind kind);
    /** The name of the layer (and menu entry) in the user's language. */
    static QString title(Kind kind);
    /** Whose data it is, for the map and the report: licence and source. */
    static QString attribution(Kind kind);
    /** True when the project's GeoPackage has a `roads` layer with features. */
    static bool projectHasRoads(const QString& gpkgPath);
    /**
     * The layer for \a choice (the caller owns it): nullptr and \a why when it cannot be made (no such file,
     * no lines in it, no network, no roads in the project), never an invalid layer. Without \a probe an
     * online basemap is not asked first (it was when chosen: a reload does not wait for the network again).
     */
    static QgsMapLayer* create(const Choice& choice, const QString& gpkgPath, QString* why,
                               bool probe = true);
    /**
     * Styles a road layer: three widths and greys by the road-class field it has, if any (`highway` from
     * OpenStreetMap, `fclass` from Geofabrik's shapefiles, `morf` or `wegcat` from the Flemish road register
     * (Wegenregister), `class`), else one thin grey line.
     */
    static void applyRoadStyle(QgsVectorLayer* roads);
    /** Asks \a url once (3 s at most); false and why when the server does not answer. */
    static bool reachable(const QString& url, QString* why);
};

} // namespace stroom::maps
