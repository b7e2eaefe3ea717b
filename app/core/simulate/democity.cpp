#include "simulate/democity.h"

#include "common/error.h"
#include "common/geometry.h"
#include "common/random.h"
#include "common/vectorsource.h"
#include "inventory/inventoryimport.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

static void initCoreResources() {
    Q_INIT_RESOURCE(core);
}

namespace stroom {

namespace {
constexpr double kCentreLon = 3.7250; // Korenmarkt, Ghent
constexpr double kCentreLat = 51.0543;
constexpr double kPi = 3.14159265358979323846;

struct OwnerProfile {
    const char* owner;
    const char* operatorName;
    const char* purpose;
    const char* legalBasis;
};

const OwnerProfile kFederal = {"Federale Politie", "Federale Politie - Wegpolitie", "police",
                               "Wet op het politieambt, art. 25/3 en 44/11/3decies"};
const OwnerProfile kCityTraffic = {"Stad Gent", "Mobiliteitsbedrijf Stad Gent", "traffic",
                                   "AVG art. 6.1.e; gemeenteraadsbesluit circulatieplan"};
const OwnerProfile kCityLez = {"Stad Gent", "Mobiliteitsbedrijf Stad Gent", "lez",
                               "Decreet van 27 november 2015 (lage-emissiezones)"};
const OwnerProfile kLocalPolice = {"Politiezone Gent", "Politiezone Gent", "police",
                                   "Wet op het politieambt, art. 25/3"};
const OwnerProfile kAwv = {"Agentschap Wegen en Verkeer", "Agentschap Wegen en Verkeer", "section-control",
                           "Wegverkeerswet, art. 62"};
const OwnerProfile kParking = {"Parkeerbedrijf Gent", "Parkeerbedrijf Gent", "parking",
                               "AVG art. 6.1.e; parkeerverordening"};

QString compassName(double bearing) {
    static const char* names[] = {"N", "NO", "O", "ZO", "Z", "ZW", "W", "NW"};
    return QString::fromLatin1(names[static_cast<int>(std::lround(bearing / 45.0)) % 8]);
}
} // namespace

QByteArray DemoCity::districtsGeoJson() {
    initCoreResources();
    QFile f(QStringLiteral(":/stroom/data/ghent-districts.geojson"));
    if (!f.open(QIODevice::ReadOnly))
        throw Error::store(QStringLiteral("the built-in Ghent districts are missing from this build"));
    return f.readAll();
}

DemoCity::DemoCity(int cameraCount, std::uint64_t seed) {
    if (cameraCount < 12)
        throw Error::usage(
            QStringLiteral("the demo city needs at least 12 cameras (asked for %1)").arg(cameraCount));
    buildZones();
    buildNodes(cameraCount, seed);
    buildGraph();
    buildCameras(seed);
    shortestPaths();
}

void DemoCity::buildZones() {
    const QVector<VectorFeature> features =
        readVectorBytes(districtsGeoJson(), QStringLiteral("ghent-districts.geojson"));
    m_zones = zonesFromFeatures(features, QStringLiteral("ghent-districts.geojson"), QStringLiteral("wijknr"),
                                QStringLiteral("wijk"));
    for (const Zone& z : m_zones) {
        const geo::Shape s = geo::Shape::fromWkb(z.wkb);
        const QPointF c = s.pointOnSurface();
        m_zoneCentre.push_back(c);
        const geo::Envelope e = s.envelope();
        const double km2 = s.area() * 111.32 * 111.32 * std::cos(kCentreLat * kPi / 180.0);
        const double d = geo::distanceMeters(c.x(), c.y(), kCentreLon, kCentreLat);
        Q_UNUSED(e);
        // Dense, busy districts near the centre; large rural ones at the edge weigh by their size.
        m_zoneWeight.push_back((1.0 + 5.0 * std::exp(-d / 2500.0)) * std::sqrt(std::max(km2, 0.5)));
    }
}

static int zoneOf(const std::vector<geo::Shape>& shapes, double lon, double lat) {
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].contains(lon, lat))
            return static_cast<int>(i);
    return -1;
}

void DemoCity::buildNodes(int cameraCount, std::uint64_t seed) {
    Random rng = Random::stream(seed, 0xC17E);
    std::vector<geo::Shape> shapes;
    for (const Zone& z : m_zones)
        shapes.push_back(geo::Shape::fromWkb(z.wkb));
    geo::Envelope all;
    for (const auto& s : shapes)
        all.include(s.envelope());

    m_gates = std::max(3, static_cast<int>(std::lround(cameraCount * 0.4 / 2.0)));
    const int sites = cameraCount - 2 * m_gates;

    // Gates: where radial roads leave the city, found by walking out from the centre.
    const double mPerDegLat = 111320.0, mPerDegLon = 111320.0 * std::cos(kCentreLat * kPi / 180.0);
    for (int g = 0; g < m_gates; ++g) {
        const double bearing = 360.0 * g / m_gates + rng.uniform(-4.0, 4.0);
        const double br = bearing * kPi / 180.0;
        double lastLon = kCentreLon, lastLat = kCentreLat;
        for (double r = 200; r < 15000; r += 100) {
            const double lon = kCentreLon + r * std::sin(br) / mPerDegLon;
            const double lat = kCentreLat + r * std::cos(br) / mPerDegLat;
            if (zoneOf(shapes, lon, lat) >= 0) {
                lastLon = lon;
                lastLat = lat;
            }
        }
        // A little inside the boundary, and inside a district (boundaries are not convex).
        double lon = lastLon, lat = lastLat;
        for (double back = 250.0; back < 5000.0; back += 100.0) {
            lon = lastLon - back * std::sin(br) / mPerDegLon;
            lat = lastLat - back * std::cos(br) / mPerDegLat;
            if (zoneOf(shapes, lon, lat) >= 0)
                break;
        }
        m_nodes.push_back(Node{NodeKind::Gate, lon, lat, zoneOf(shapes, lon, lat), -1, -1});
    }
    // Internal camera sites: in districts by weight, spread out.
    std::vector<double> w = m_zoneWeight;
    for (int s = 0; s < sites; ++s) {
        for (int attempt = 0; attempt < 200; ++attempt) {
            const int z = rng.weighted(w);
            const geo::Envelope e = shapes[static_cast<std::size_t>(z)].envelope();
            const double lon = rng.uniform(e.minX, e.maxX), lat = rng.uniform(e.minY, e.maxY);
            if (!shapes[static_cast<std::size_t>(z)].contains(lon, lat))
                continue;
            bool tooClose = false;
            for (const Node& n : m_nodes)
                tooClose =
                    tooClose || geo::distanceMeters(lon, lat, n.lon, n.lat) < (attempt < 150 ? 350.0 : 150.0);
            if (tooClose)
                continue;
            m_nodes.push_back(Node{NodeKind::Site, lon, lat, z, -1, -1});
            break;
        }
    }
    for (int z = 0; z < m_zones.size(); ++z) {
        m_centreNode.push_back(static_cast<int>(m_nodes.size()));
        m_nodes.push_back(Node{NodeKind::Centre, m_zoneCentre[static_cast<std::size_t>(z)].x(),
                               m_zoneCentre[static_cast<std::size_t>(z)].y(), z, -1, -1});
    }
}

double DemoCity::metresBetween(int a, int b) const {
    const Node& na = m_nodes[static_cast<std::size_t>(a)];
    const Node& nb = m_nodes[static_cast<std::size_t>(b)];
    return geo::distanceMeters(na.lon, na.lat, nb.lon, nb.lat);
}

std::vector<DemoCity::Road> DemoCity::roads() const {
    std::vector<Road> out;
    auto kind = [this](int n) { return m_nodes[static_cast<std::size_t>(n)].kind; };
    for (std::size_t a = 0; a < m_adj.size(); ++a)
        for (const Edge& e : m_adj[a]) {
            const int b = e.to;
            if (static_cast<int>(a) > b)
                continue; // each edge once
            const Node& na = m_nodes[a];
            const Node& nb = m_nodes[static_cast<std::size_t>(b)];
            const bool gate = kind(static_cast<int>(a)) == NodeKind::Gate || kind(b) == NodeKind::Gate;
            const bool centre = kind(static_cast<int>(a)) == NodeKind::Centre || kind(b) == NodeKind::Centre;
            out.push_back(Road{{QPointF(na.lon, na.lat), QPointF(nb.lon, nb.lat)},
                               gate     ? QStringLiteral("primary")
                               : centre ? QStringLiteral("residential")
                                        : QStringLiteral("secondary")});
        }
    // The roads beyond the gates lead away from the city's middle.
    double cx = 0, cy = 0;
    for (const QPointF& c : m_zoneCentre) {
        cx += c.x() / static_cast<double>(m_zoneCentre.size());
        cy += c.y() / static_cast<double>(m_zoneCentre.size());
    }
    const double mPerDegLat = 111320.0, mPerDegLon = 111320.0 * std::cos(cy * M_PI / 180.0);
    for (const Node& n : m_nodes) {
        if (n.kind != NodeKind::Gate)
            continue;
        const double dx = (n.lon - cx) * mPerDegLon, dy = (n.lat - cy) * mPerDegLat;
        const double len = std::hypot(dx, dy);
        if (len <= 0)
            continue;
        out.push_back(Road{{QPointF(n.lon, n.lat), QPointF(n.lon + 3000.0 * dx / len / mPerDegLon,
                                                           n.lat + 3000.0 * dy / len / mPerDegLat)},
                           QStringLiteral("primary")});
    }
    return out;
}

void DemoCity::buildGraph() {
    const int n = static_cast<int>(m_nodes.size());
    m_adj.assign(static_cast<std::size_t>(n), {});
    auto addEdge = [this](int a, int b) {
        for (const Edge& e : m_adj[static_cast<std::size_t>(a)])
            if (e.to == b)
                return;
        const bool gate = m_nodes[static_cast<std::size_t>(a)].kind == NodeKind::Gate ||
                          m_nodes[static_cast<std::size_t>(b)].kind == NodeKind::Gate;
        const double kmh = gate ? 70.0 : 42.0;
        const double seconds = metresBetween(a, b) * 1.25 / (kmh / 3.6); // 1.25: roads are not straight
        m_adj[static_cast<std::size_t>(a)].push_back(Edge{b, seconds});
        m_adj[static_cast<std::size_t>(b)].push_back(Edge{a, seconds});
    };
    for (int a = 0; a < n; ++a) {
        std::vector<std::pair<double, int>> near;
        for (int b = 0; b < n; ++b)
            if (b != a && m_nodes[static_cast<std::size_t>(b)].kind != NodeKind::Gate)
                near.emplace_back(metresBetween(a, b), b);
        std::sort(near.begin(), near.end());
        const int k = m_nodes[static_cast<std::size_t>(a)].kind == NodeKind::Gate ? 2 : 4;
        for (int i = 0; i < k && i < static_cast<int>(near.size()); ++i)
            addEdge(a, near[static_cast<std::size_t>(i)].second);
    }
    // Join components, if the k-nearest graph left any apart.
    for (;;) {
        std::vector<int> comp(static_cast<std::size_t>(n), -1);
        std::vector<int> stack = {0};
        comp[0] = 0;
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (const Edge& e : m_adj[static_cast<std::size_t>(v)])
                if (comp[static_cast<std::size_t>(e.to)] < 0 &&
                    m_nodes[static_cast<std::size_t>(e.to)].kind != NodeKind::Gate) {
                    comp[static_cast<std::size_t>(e.to)] = 0;
                    stack.push_back(e.to);
                } else if (comp[static_cast<std::size_t>(e.to)] < 0) {
                    comp[static_cast<std::size_t>(e.to)] = 0; // gates are leaves
                }
        }
        double best = std::numeric_limits<double>::max();
        int ba = -1, bb = -1;
        for (int a = 0; a < n; ++a) {
            if (comp[static_cast<std::size_t>(a)] != 0 ||
                m_nodes[static_cast<std::size_t>(a)].kind == NodeKind::Gate)
                continue;
            for (int b = 0; b < n; ++b) {
                if (comp[static_cast<std::size_t>(b)] == 0 ||
                    m_nodes[static_cast<std::size_t>(b)].kind == NodeKind::Gate)
                    continue;
                const double d = metresBetween(a, b);
                if (d < best) {
                    best = d;
                    ba = a;
                    bb = b;
                }
            }
        }
        if (ba < 0)
            break;
        addEdge(ba, bb);
    }
}

void DemoCity::buildCameras(std::uint64_t seed) {
    Random rng = Random::stream(seed, 0xCA3E);
    int next = 1;
    auto newCamera = [&](const Node& n) {
        Camera c;
        c.id = QStringLiteral("C%1").arg(next++, 3, 10, QLatin1Char('0'));
        c.lon = std::round(n.lon * 1e6) / 1e6;
        c.lat = std::round(n.lat * 1e6) / 1e6;
        c.zone = n.zone >= 0 ? m_zones[n.zone].id : QString();
        c.status = QStringLiteral("active");
        c.registered = true;
        c.installed = QDate(2016, 1, 1).addDays(rng.integer(0, 7 * 365));
        c.source = QStringLiteral("stroom-simulate");
        c.sourceId = c.id;
        return c;
    };
    auto applyOwner = [&](Camera& c, const OwnerProfile& p) {
        c.owner = QString::fromUtf8(p.owner);
        c.operatorName = QString::fromUtf8(p.operatorName);
        c.purpose = QString::fromUtf8(p.purpose);
        c.legalBasis = QString::fromUtf8(p.legalBasis);
    };
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node& n = m_nodes[i];
        if (n.kind == NodeKind::Gate) {
            const int g = static_cast<int>(i);
            const double inward = geo::bearingDegrees(n.lon, n.lat, kCentreLon, kCentreLat);
            const QString where = n.zone >= 0 ? m_zones[n.zone].name : QStringLiteral("Gent");
            const QString label = QStringLiteral("Poort %1 %2")
                                      .arg(g + 1, 2, 10, QLatin1Char('0'))
                                      .arg(compassName(std::fmod(inward + 180.0, 360.0)));
            for (int dir = 0; dir < 2; ++dir) {
                Camera c = newCamera(n);
                const bool in = dir == 0;
                c.name =
                    QStringLiteral("%1 %2").arg(label, in ? QStringLiteral("in") : QStringLiteral("uit"));
                c.site = QStringLiteral("%1 (%2)").arg(label, where);
                c.role = in ? QStringLiteral("cordon-in") : QStringLiteral("cordon-out");
                c.directions = {
                    static_cast<int>(std::lround(in ? inward : std::fmod(inward + 180.0, 360.0))) % 360};
                c.lanes = rng.integer(1, 3);
                applyOwner(c, g % 3 == 0 ? kFederal : kCityTraffic);
                (in ? n.cameraIn : n.cameraOut) = m_cameras.size();
                m_cameras.append(c);
            }
        } else if (n.kind == NodeKind::Site) {
            Camera c = newCamera(n);
            const double d = geo::distanceMeters(n.lon, n.lat, kCentreLon, kCentreLat);
            const int a = rng.integer(0, 179);
            c.directions = {a, a + 180};
            c.lanes = rng.integer(1, 2);
            c.role = QStringLiteral("internal");
            c.name = QStringLiteral("%1 %2").arg(m_zones[n.zone].name).arg(c.id);
            c.site = m_zones[n.zone].name;
            if (d < 1500.0) {
                applyOwner(c, kCityLez);
            } else {
                const double r = rng.uniform();
                applyOwner(c, r < 0.40 ? kLocalPolice : r < 0.65 ? kCityTraffic : r < 0.87 ? kAwv : kParking);
            }
            // The real inventory has gaps: a few without legal basis, a few never registered.
            if (rng.chance(0.05))
                c.legalBasis.clear();
            if (rng.chance(0.03))
                c.registered = false;
            n.cameraIn = m_cameras.size();
            m_cameras.append(c);
        }
    }
}

void DemoCity::shortestPaths() {
    const int n = static_cast<int>(m_nodes.size());
    m_prev.assign(static_cast<std::size_t>(n) * n, -1);
    m_dist.assign(static_cast<std::size_t>(n) * n, std::numeric_limits<double>::infinity());
    using Item = std::pair<double, int>;
    for (int s = 0; s < n; ++s) {
        double* dist = &m_dist[static_cast<std::size_t>(s) * n];
        int* prev = &m_prev[static_cast<std::size_t>(s) * n];
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> pq;
        dist[s] = 0;
        pq.emplace(0.0, s);
        while (!pq.empty()) {
            const auto [d, v] = pq.top();
            pq.pop();
            if (d > dist[v])
                continue;
            // Gates end or start a trip; nobody drives through one.
            if (v != s && m_nodes[static_cast<std::size_t>(v)].kind == NodeKind::Gate)
                continue;
            for (const Edge& e : m_adj[static_cast<std::size_t>(v)]) {
                const double nd = d + e.seconds;
                if (nd < dist[e.to]) {
                    dist[e.to] = nd;
                    prev[e.to] = v;
                    pq.emplace(nd, e.to);
                }
            }
        }
    }
}

void DemoCity::path(int from, int to, std::vector<int>* nodes, std::vector<double>* secondsAtNode) const {
    const int n = static_cast<int>(m_nodes.size());
    nodes->clear();
    secondsAtNode->clear();
    const int* prev = &m_prev[static_cast<std::size_t>(from) * n];
    const double* dist = &m_dist[static_cast<std::size_t>(from) * n];
    if (from != to && prev[to] < 0)
        return;
    for (int v = to; v != -1; v = (v == from ? -1 : prev[v])) {
        nodes->push_back(v);
        secondsAtNode->push_back(dist[v]);
    }
    std::reverse(nodes->begin(), nodes->end());
    std::reverse(secondsAtNode->begin(), secondsAtNode->end());
}

} // namespace stroom
