#pragma once

#include <QColor>
#include <QStringList>

class QgsVectorLayer;

namespace stroom::maps {

/**
 * \brief How cameras and zones look on the map: cameras as points coloured by owner (a categorised
 * renderer, so the legend lists the owners), zones as outlines.
 */
class CameraSymbology {
public:
    /** The colour of the i-th owner (sorted by name): Okabe–Ito, distinguishable for colour-blind readers. */
    static QColor ownerColor(int index);
    /** Colour for cameras without an owner: a warning grey. */
    static QColor unknownOwnerColor();
    /** Applies the owner renderer to a camera layer; returns the owners in legend order. */
    static QStringList applyOwnerStyle(QgsVectorLayer* cameras);
    /** Colours the cameras by purpose instead (police, traffic, LEZ, section control, parking, other). */
    static void applyPurposeStyle(QgsVectorLayer* cameras);
    static QColor purposeColor(const QString& purpose);
    /** The colour of a vehicle class in charts (Okabe–Ito; unknown grey). */
    static QColor classColor(int code);
    /** "Police", "Low-emission zone", … in the user's language; "Purpose unknown" for anything else. */
    /**
     * Draws the cameras smaller (2.2 mm instead of 3.2 mm, and their direction pointers) while flows are
     * drawn, so they do not hide the flows' ends; a layer variable, so it holds for either style.
     */
    static void setCompact(QgsVectorLayer* cameras, bool compact);
    static bool isCompact(const QgsVectorLayer* cameras);
    /** Applies the outline style (and district labels) to a zone layer. */
    static void applyZoneStyle(QgsVectorLayer* zones);
};

} // namespace stroom::maps
