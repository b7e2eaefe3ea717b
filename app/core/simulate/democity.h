#pragma once

#include "store/camera.h"

#include <QPointF>
#include <QVector>

#include <cstdint>
#include <vector>

namespace stroom {

/**
 * \brief The built-in demo city: Ghent's 25 districts with a synthetic but plausible ANPR network.
 *
 * A cordon of paired in/out cameras where the main roads cross the city boundary (about 40 % of the
 * cameras) and internal cameras inside the districts, each with owner, operator, purpose, legal basis,
 * direction and role. A road graph joins gates, camera sites and district centres; trips follow its
 * shortest paths, so flows show corridors rather than noise. Everything is deterministic for a seed.
 */
class DemoCity {
public:
    /** Builds the city with about \a cameraCount cameras (at least 12). */
    DemoCity(int cameraCount, std::uint64_t seed);

    enum class NodeKind { Gate, Site, Centre };
    struct Node {
        NodeKind kind;
        double lon, lat;
        int zone;      ///< index into zones(), or -1
        int cameraIn;  ///< gate: cordon-in camera; site: its camera; else -1
        int cameraOut; ///< gate: cordon-out camera; else -1
    };
    struct Edge {
        int to;
        double seconds;
    };

    const QVector<Camera>& cameras() const { return m_cameras; }
    const QVector<Zone>& zones() const { return m_zones; }
    /** The district GeoJSON (Stad Gent open data) the zones come from. */
    static QByteArray districtsGeoJson();

    const std::vector<Node>& nodes() const { return m_nodes; }
    int gateCount() const { return m_gates; }
    /** Node index of the centre of zone z. */
    int centreNode(int zone) const { return m_centreNode[static_cast<std::size_t>(zone)]; }
    /** Activity weight of each zone (population and jobs proxy). */
    const std::vector<double>& zoneWeights() const { return m_zoneWeight; }
    /** Shortest path (node indices, both ends included) and its free-flow time. */
    void path(int from, int to, std::vector<int>* nodes, std::vector<double>* secondsAtNode) const;
    double metresBetween(int nodeA, int nodeB) const;

    /** \brief A road of the graph, for the basemap: its line (WGS84) and an OpenStreetMap road class. */
    struct Road {
        std::vector<QPointF> line;
        QString
            highway; ///< primary (to and beyond the gates), secondary (between sites), residential (centres)
    };
    /**
     * The road graph as lines: every edge once, and an approach road beyond each gate (3 km outwards from
     * the city), so a basemap shows the roads the flows follow.
     */
    std::vector<Road> roads() const;

private:
    void buildZones();
    void buildNodes(int cameraCount, std::uint64_t seed);
    void buildGraph();
    void buildCameras(std::uint64_t seed);
    void shortestPaths();

    QVector<Camera> m_cameras;
    QVector<Zone> m_zones;
    std::vector<QPointF> m_zoneCentre;
    std::vector<double> m_zoneWeight;
    std::vector<Node> m_nodes;
    std::vector<std::vector<Edge>> m_adj;
    std::vector<int> m_centreNode;
    std::vector<int> m_prev; ///< n*n predecessor matrix
    std::vector<double> m_dist;
    int m_gates = 0;
};

} // namespace stroom
