#pragma once

#include <QString>

#include <cstdint>

namespace stroom {

/**
 * \brief Creates the built-in demo project: the demo city's cameras (with owners, purposes and roles)
 * and Ghent's districts as zones, in a new GeoPackage at \a path; with \a vehicles > 0 also a week of
 * its simulated traffic, imported and built into trips and the cube.
 *
 * The same city as `stroom-cli simulate` with the same seed, so the simulator's exports import into it.
 */
void createDemoProject(const QString& path, std::uint64_t seed = 1, int cameras = 120, int vehicles = 0,
                       int days = 7);

/** Versions of the engine's libraries, for Help > About and bug reports. */
QString stroomVersion();
QString gdalVersion();
QString sqliteVersion();

} // namespace stroom
