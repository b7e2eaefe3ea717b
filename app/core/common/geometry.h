#pragma once

#include <QByteArray>
#include <QPointF>

#include <memory>
#include <vector>

class OGRGeometry;

namespace stroom::geo {

/** \brief An axis-aligned box; empty until the first point is added. */
struct Envelope {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool valid = false;
    void include(double x, double y);
    void include(const Envelope& other);
};

/** Great-circle distance in metres between two WGS84 points. */
double distanceMeters(double lon1, double lat1, double lon2, double lat2);
/** Initial compass bearing (0–360, north = 0) from the first point to the second. */
double bearingDegrees(double lon1, double lat1, double lon2, double lat2);

/**
 * The curved line a flow is drawn as (WGS84 lon/lat in and out): a quadratic arc of \a segments + 1
 * vertices that bends to the right of its direction, so A→B and B→A stay apart and QGIS's arrow symbol
 * (which curves only lines of three or more vertices) draws it curved.
 */
std::vector<QPointF> flowArc(double lon0, double lat0, double lon1, double lat1, int segments = 16);
/** ISO WKB of a 2D line string. */
QByteArray lineWkb(const std::vector<QPointF>& points);

/** ISO WKB of a 2D point. */
QByteArray pointWkb(double x, double y);
/** Reads a 2D point from WKB; false when the WKB is no point. */
bool readPointWkb(const QByteArray& wkb, double* x, double* y);

/**
 * \brief A polygon (or any OGR geometry) held for spatial tests: containment, centroid, envelope.
 */
class Shape {
public:
    Shape();
    ~Shape();
    Shape(Shape&&) noexcept;
    Shape& operator=(Shape&&) noexcept;

    /** Null Shape when the WKB cannot be read. */
    static Shape fromWkb(const QByteArray& wkb);
    bool isNull() const { return !m_geom; }
    bool contains(double x, double y) const;
    QPointF centroid() const;
    /** A point guaranteed to be inside the surface. */
    QPointF pointOnSurface() const;
    double area() const;
    Envelope envelope() const;
    QByteArray wkb() const;

private:
    std::unique_ptr<OGRGeometry> m_geom;
};

} // namespace stroom::geo
