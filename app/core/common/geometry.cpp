#include "common/geometry.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stroom::geo {

void Envelope::include(double x, double y) {
    if (!valid) {
        minX = maxX = x;
        minY = maxY = y;
        valid = true;
        return;
    }
    minX = std::min(minX, x);
    maxX = std::max(maxX, x);
    minY = std::min(minY, y);
    maxY = std::max(maxY, y);
}

void Envelope::include(const Envelope& other) {
    if (!other.valid)
        return;
    include(other.minX, other.minY);
    include(other.maxX, other.maxY);
}

static constexpr double kPi = 3.14159265358979323846;
static double rad(double d) {
    return d * kPi / 180.0;
}

double distanceMeters(double lon1, double lat1, double lon2, double lat2) {
    const double dlat = rad(lat2 - lat1), dlon = rad(lon2 - lon1);
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371008.8 * std::asin(std::min(1.0, std::sqrt(a)));
}

double bearingDegrees(double lon1, double lat1, double lon2, double lat2) {
    const double y = std::sin(rad(lon2 - lon1)) * std::cos(rad(lat2));
    const double x = std::cos(rad(lat1)) * std::sin(rad(lat2)) -
                     std::sin(rad(lat1)) * std::cos(rad(lat2)) * std::cos(rad(lon2 - lon1));
    double b = std::atan2(y, x) * 180.0 / kPi;
    if (b < 0)
        b += 360.0;
    return b;
}

std::vector<QPointF> flowArc(double lon0, double lat0, double lon1, double lat1, int segments) {
    // In a local frame where a degree of longitude is as long as one of latitude.
    const double k = std::cos((lat0 + lat1) / 2 * kPi / 180.0);
    const double ax = lon0 * k, bx = lon1 * k;
    const double dx = bx - ax, dy = lat1 - lat0;
    const double cx = (ax + bx) / 2 + dy * 0.15, cy = (lat0 + lat1) / 2 - dx * 0.15;
    std::vector<QPointF> pts;
    pts.reserve(static_cast<std::size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i) {
        const double u = static_cast<double>(i) / segments;
        const double x = (1 - u) * (1 - u) * ax + 2 * (1 - u) * u * cx + u * u * bx;
        const double y = (1 - u) * (1 - u) * lat0 + 2 * (1 - u) * u * cy + u * u * lat1;
        pts.emplace_back(x / k, y);
    }
    return pts;
}

QByteArray lineWkb(const std::vector<QPointF>& points) {
    QByteArray wkb(9 + 16 * static_cast<int>(points.size()), Qt::Uninitialized);
    char* p = wkb.data();
    p[0] = 1;
    qToLittleEndian<quint32>(2, p + 1);
    qToLittleEndian<quint32>(static_cast<quint32>(points.size()), p + 5);
    for (std::size_t i = 0; i < points.size(); ++i) {
        qToLittleEndian<double>(points[i].x(), p + 9 + 16 * i);
        qToLittleEndian<double>(points[i].y(), p + 17 + 16 * i);
    }
    return wkb;
}

QByteArray pointWkb(double x, double y) {
    QByteArray wkb(21, Qt::Uninitialized);
    char* p = wkb.data();
    p[0] = 1; // little endian
    qToLittleEndian<quint32>(1, p + 1);
    std::memcpy(p + 5, &x, 8);
    std::memcpy(p + 13, &y, 8);
    if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN) {
        std::reverse(p + 5, p + 13);
        std::reverse(p + 13, p + 21);
    }
    return wkb;
}

bool readPointWkb(const QByteArray& wkb, double* x, double* y) {
    if (wkb.size() < 21)
        return false;
    const bool little = wkb.at(0) == 1;
    const auto* p = reinterpret_cast<const uchar*>(wkb.constData());
    const quint32 type = little ? qFromLittleEndian<quint32>(p + 1) : qFromBigEndian<quint32>(p + 1);
    if (type != 1)
        return false;
    char buf[16];
    std::memcpy(buf, p + 5, 16);
    if (little != (Q_BYTE_ORDER == Q_LITTLE_ENDIAN)) {
        std::reverse(buf, buf + 8);
        std::reverse(buf + 8, buf + 16);
    }
    std::memcpy(x, buf, 8);
    std::memcpy(y, buf + 8, 8);
    return true;
}

Shape::Shape() = default;
Shape::~Shape() = default;
Shape::Shape(Shape&&) noexcept = default;
Shape& Shape::operator=(Shape&&) noexcept = default;

Shape Shape::fromWkb(const QByteArray& wkb) {
    Shape s;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.constData(), nullptr, &g, wkb.size()) == OGRERR_NONE)
        s.m_geom.reset(g);
    return s;
}

bool Shape::contains(double x, double y) const {
    if (!m_geom)
        return false;
    OGREnvelope env;
    m_geom->getEnvelope(&env);
    if (x < env.MinX || x > env.MaxX || y < env.MinY || y > env.MaxY)
        return false;
    OGRPoint pt(x, y);
    return m_geom->Contains(&pt);
}

QPointF Shape::centroid() const {
    OGRPoint pt;
    if (!m_geom || m_geom->Centroid(&pt) != OGRERR_NONE)
        return {};
    return {pt.getX(), pt.getY()};
}

QPointF Shape::pointOnSurface() const {
    if (!m_geom)
        return {};
    OGRGeometryH pt = OGR_G_PointOnSurface(OGRGeometry::ToHandle(m_geom.get()));
    if (!pt)
        return centroid();
    const QPointF p(OGR_G_GetX(pt, 0), OGR_G_GetY(pt, 0));
    OGR_G_DestroyGeometry(pt);
    return p;
}

double Shape::area() const {
    if (!m_geom)
        return 0;
    const OGRwkbGeometryType t = wkbFlatten(m_geom->getGeometryType());
    if (t == wkbPolygon)
        return m_geom->toPolygon()->get_Area();
    if (t == wkbMultiPolygon)
        return m_geom->toMultiPolygon()->get_Area();
    return 0;
}

Envelope Shape::envelope() const {
    Envelope e;
    if (!m_geom)
        return e;
    OGREnvelope env;
    m_geom->getEnvelope(&env);
    e.include(env.MinX, env.MinY);
    e.include(env.MaxX, env.MaxY);
    return e;
}

QByteArray Shape::wkb() const {
    if (!m_geom)
        return {};
    QByteArray out(static_cast<int>(m_geom->WkbSize()), Qt::Uninitialized);
    m_geom->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(out.data()), wkbVariantIso);
    return out;
}

} // namespace stroom::geo
