#pragma once

#include <QJsonObject>

#include <array>
#include <cstdint>
#include <vector>

namespace stroom {

class Store;

/**
 * \brief How re-identifiable the project's L0 reads are (DESIGN §5.9, issue 11).
 *
 * - **Unicity** (de Montjoye et al., "Unique in the crowd", 2013): for p = 1..4, the share of vehicles
 *   (pseudonyms) that p points drawn at random from their own reads single out. A point is (camera, UTC
 *   hour); a vehicle is singled out when no other vehicle's reads hold all p points. Vehicles with fewer
 *   than p distinct points are judged on all of theirs. Up to \a sample vehicles are drawn (seeded, so the
 *   figure repeats); the rest of the data set is searched in full.
 * - **Linkability**: the share of pseudonyms seen on more than one local day (a source that does not
 *   rotate its keys daily lets trips be linked over time).
 * - **Trips below k**: the share of trips (two or more reads) whose (local day, start hour, origin,
 *   destination, class) group has fewer than k distinct vehicles.
 */
struct ReidentificationRisk {
    std::array<double, 4> unicity{};      ///< p = 1..4, shares 0..1
    std::array<std::int64_t, 4> tested{}; ///< vehicles drawn per p
    double linkableShare = 0;
    double tripsBelowKShare = 0;
    std::int64_t vehicles = 0, reads = 0, trips = 0;
    int k = 10;

    /** Measures the project (reads file attached); trips come from the stored cube. */
    static ReidentificationRisk measure(Store& store, int sample = 5000, std::uint64_t seed = 1);
    /** The unicity of traces: one sorted vector of points per vehicle (exposed for tests). */
    static std::array<double, 4> unicityOf(const std::vector<std::vector<std::uint64_t>>& traces, int sample,
                                           std::uint64_t seed, std::array<std::int64_t, 4>* tested = nullptr);
    /** JSON: unicity {"1".."4"}, linkable_share, trips_below_k_share, vehicles, reads (and k, trips). */
    QJsonObject toJson() const;
};

} // namespace stroom
