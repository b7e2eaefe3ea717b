#pragma once

// One simulation under way (Simulator::run): the model (time, tables, fleet, days of traffic) in
// simulationrun.cpp, its files in simulationoutput.cpp. Internal to simulate/.

#include "common/progress.h"
#include "common/random.h"
#include "simulate/democity.h"
#include "simulate/simulator.h"

#include <QDir>
#include <QFile>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace stroom::simulation {

constexpr int kClasses = 4;
inline const char* const kClassEn[kClasses] = {"car", "van", "truck", "bus"};
inline const char* const kClassNl[kClasses] = {"personenwagen", "bestelwagen", "vrachtwagen", "bus"};
inline const char* const kCountries[] = {"BE", "NL", "FR", "DE", "LU", "PL"};
inline const std::vector<double> kCountryMix = {0.86, 0.06, 0.04, 0.02, 0.01, 0.01};

enum class Profile : std::uint8_t { Resident, Commuter, Through };
enum TripType : std::uint8_t { Through = 0, Origin = 1, Destination = 2, Internal = 3 };
inline const char* const kTripType[] = {"through", "origin", "destination", "internal"};

struct Vehicle {
    std::uint8_t cls;
    std::uint8_t country;
    Profile profile;
    int home; ///< node index: zone centre (resident) or gate (commuter, through)
    int work; ///< node index: zone centre, or the far gate for through traffic
};

struct Read {
    std::int64_t t;
    std::int32_t vehicle;
    std::uint16_t camera;
    std::uint8_t duplicate;
    bool operator<(const Read& o) const {
        if (t != o.t)
            return t < o.t;
        if (camera != o.camera)
            return camera < o.camera;
        if (vehicle != o.vehicle)
            return vehicle < o.vehicle;
        return duplicate < o.duplicate;
    }
};

struct Pair {
    std::int64_t hour;
    std::uint16_t from, to;
    std::int32_t seconds;
};

struct TruthTrip {
    std::int32_t vehicle;
    std::uint8_t type;
    std::int32_t origin, destination; ///< node indices
    std::int64_t depart, arrive;
    std::uint32_t pathStart;
    std::uint16_t pathLength;
};

struct DayResult {
    std::vector<Read> reads;
    std::vector<Pair> pairs;
    std::vector<TruthTrip> trips;
    std::vector<std::uint16_t> paths;
    qint64 passes = 0;
    qint64 duplicates = 0;
};

/** Runs f(i) for i in [0, n) on up to \a threads threads; i is handed out in order. */
template <typename F> void parallelFor(int n, int threads, F f) {
    std::atomic<int> next{0};
    auto worker = [&] {
        for (int i = next++; i < n; i = next++)
            f(i);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min(threads, n); ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& th : pool)
        th.join();
}

inline double clamp(double v, double lo, double hi) {
    return std::max(lo, std::min(hi, v));
}

/** A file written whole, with clear messages on failure. */
class Writer {
public:
    explicit Writer(const QString& path)
        : m_file(path) {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw Error::input(QStringLiteral("%1: cannot write: %2").arg(path, m_file.errorString()));
    }
    void write(const std::string& s) {
        if (m_file.write(s.data(), static_cast<qint64>(s.size())) != static_cast<qint64>(s.size()))
            throw Error::input(
                QStringLiteral("%1: write failed: %2").arg(m_file.fileName(), m_file.errorString()));
    }
    void close() {
        if (!m_file.flush())
            throw Error::input(
                QStringLiteral("%1: write failed: %2").arg(m_file.fileName(), m_file.errorString()));
        m_file.close();
    }

private:
    QFile m_file;
};

/** One trip a vehicle means to make: when (local hours), from and to which node. */
struct Plan {
    double hour;
    int from, to;
};

class SimulationRun {
public:
    SimulationRun(const SimulationOptions& options, const Progress& progress);
    SimulationSummary run();

private:
    // the model (simulationrun.cpp)
    void prepareTime();
    std::vector<double> gravity(int fromNode, double scaleMetres, int excludeZone) const;
    void buildTables();
    void buildFleet();
    std::vector<Plan> plansFor(const Vehicle& veh, Random& r, bool weekend) const;
    void drive(int v, const Plan& plan, std::int64_t depart, Random& r, DayResult& res, std::int64_t* arrive);
    void simulateDay(int day, DayResult& res);
    void simulateDays();
    void carryOverMidnight();
    std::int64_t localToUtc(std::int64_t dayStart, int offset, double localHours) const;
    int offsetAt(std::int64_t t) const;

    // the files (simulationoutput.cpp)
    void prepareLabels();
    QByteArray keyForDay(std::int64_t epochDay) const;
    void formatReads(const DayResult& dr, std::vector<std::string>& text) const;
    std::string truthText(const DayResult& dr, qint64* tripId);
    void writeReadsAndTruth();
    void writeCounts();
    void writePairs();
    void writeCameras();
    void writeParameters();
    std::string nodeLabel(int node) const;

    const SimulationOptions& o;
    const Progress& m_progress;
    const QDir m_out;
    const int m_threads;
    const DemoCity m_city;
    const bool m_wantPairs;
    std::int64_t m_t0 = 0;
    std::vector<int> m_offsetByHour;
    std::vector<std::vector<double>> m_workFromZone, m_errandFromZone, m_workFromGate, m_gateToGate;
    std::vector<Vehicle> m_fleet;
    std::vector<DayResult> m_days;
    SimulationSummary m_summary;
    QStringList m_readFormats;
    std::string plateOf(int vehicle) const;
    std::vector<std::string> m_camIds, m_metricsBefore,
        m_metricsAfter; // ANPR Metrics: "lat,lon," ts ",id,name"
};

} // namespace stroom::simulation
