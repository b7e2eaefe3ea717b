#pragma once

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>

namespace stroom {

/** \brief Parameters of a demo-city simulation (DESIGN §11 `stroom-cli simulate`). */
struct SimulationOptions {
    QString outDir;
    int cameras = 120;
    int vehicles = 20000;
    int days = 7;
    QDate start = QDate(2026, 3, 2); ///< a Monday
    std::uint64_t seed = 1;
    QStringList formats = {QStringLiteral("standard")};
    double readProbability = 0.92; ///< chance that a camera reads a passing vehicle
    double duplicateRate = 0.03;   ///< share of reads that the camera reports twice (1–20 s later)
    std::array<double, 4> classMix = {0.78, 0.13, 0.07, 0.02}; ///< car, van, truck, bus
    int threads = 0;                                           ///< 0: every core
};

/** \brief What a simulation produced (the same figures go to simulation.json). */
struct SimulationSummary {
    qint64 vehicles = 0;
    qint64 trips = 0;
    qint64 passes = 0; ///< camera passes (read or not)
    qint64 reads = 0;  ///< rows in each read export, duplicates included
    qint64 duplicates = 0;
    QMap<QString, qint64> tripsByType; ///< through, origin, destination, internal
    QStringList files;
};

/**
 * \brief Generates the demo city's traffic and writes it as ANPR exports, with the true trips.
 *
 * Vehicles (class mix, country) live in Ghent's districts or come from outside; each day they commute
 * with morning and evening peaks, run errands (gravity model between districts) or cross the city
 * (through traffic). Trips follow the DemoCity road graph and pass its cameras; each pass is read with
 * readProbability, and duplicateRate of reads are reported twice. Plates are pseudonymised as
 * HMAC-SHA256 hex with a key that changes each UTC day. Output is bit-identical for a seed, whatever
 * the number of threads.
 *
 * Files in outDir: cameras.csv, zones.geojson, truth-trips.csv, simulation.json and, per format,
 * anpr-standard.csv, anpr-nl.csv, anpr-metrics.csv, counts.csv, pairflows.csv.
 */
class Simulator {
public:
    explicit Simulator(SimulationOptions options);

    /** Runs the simulation; \a progress gets 0..1. Throws stroom::Error on bad options or I/O failure. */
    SimulationSummary run(const std::function<void(double)>& progress = {},
                          const std::atomic_bool* cancel = nullptr);

    /** The formats the simulator writes: standard, nl, anpr-metrics, counts, pairflows. */
    static const QStringList& formats();
    static QString fileNameFor(const QString& format);

private:
    SimulationOptions m_options;
};

} // namespace stroom
