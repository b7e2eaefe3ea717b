#include "simulate/simulationrun.h"

#include "common/error.h"
#include "common/timeformat.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace stroom::simulation {

SimulationRun::SimulationRun(const SimulationOptions& options, const Progress& progress)
    : o(options)
    , m_progress(progress)
    , m_out(options.outDir)
    , m_threads(options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency()))
    , m_city(options.cameras, options.seed)
    , m_wantPairs(options.formats.contains(QStringLiteral("pairflows"))) {}

SimulationSummary SimulationRun::run() {
    prepareTime();
    buildTables();
    buildFleet();
    m_progress(0.02);
    simulateDays();
    m_progress.checkCancel(QStringLiteral("simulate: cancelled"));
    m_progress(0.45);
    carryOverMidnight();
    m_progress(0.55);
    prepareLabels();
    writeReadsAndTruth();
    writeCounts();
    writePairs();
    writeCameras();
    writeParameters();
    m_progress(1.0);
    return m_summary;
}

/** UTC day starts and the Europe/Brussels offset of every UTC hour of the run. */
void SimulationRun::prepareTime() {
    const std::int64_t startDay = timefmt::daysFromCivil(o.start.year(), o.start.month(), o.start.day());
    m_t0 = startDay * 86400;
    const QTimeZone brussels(QByteArrayLiteral("Europe/Brussels"));
    if (!brussels.isValid())
        throw Error::store(
            QStringLiteral("the time zone Europe/Brussels is not known on this system (install tzdata)"));
    m_offsetByHour.resize(static_cast<std::size_t>((o.days + 3) * 24));
    for (std::size_t h = 0; h < m_offsetByHour.size(); ++h)
        m_offsetByHour[h] = brussels.offsetFromUtc(
            QDateTime::fromSecsSinceEpoch(m_t0 + static_cast<std::int64_t>(h) * 3600, Qt::UTC));
}

int SimulationRun::offsetAt(std::int64_t t) const {
    const std::int64_t h = (t - m_t0) / 3600;
    return m_offsetByHour[static_cast<std::size_t>(
        clamp(static_cast<double>(h), 0, static_cast<double>(m_offsetByHour.size() - 1)))];
}

std::int64_t SimulationRun::localToUtc(std::int64_t dayStart, int offset, double localHours) const {
    return dayStart + static_cast<std::int64_t>(localHours * 3600.0) - offset;
}

std::vector<double> SimulationRun::gravity(int fromNode, double scaleMetres, int excludeZone) const {
    const int zoneCount = m_city.zones().size();
    std::vector<double> w(static_cast<std::size_t>(zoneCount));
    for (int z = 0; z < zoneCount; ++z)
        w[static_cast<std::size_t>(z)] =
            z == excludeZone
                ? 0.0
                : m_city.zoneWeights()[static_cast<std::size_t>(z)] *
                      std::exp(-m_city.metresBetween(fromNode, m_city.centreNode(z)) / scaleMetres);
    return w;
}

/** Gravity tables: where residents work and shop, where commuters work, which gate through traffic leaves by.
 */
void SimulationRun::buildTables() {
    const int gates = m_city.gateCount();
    for (int z = 0; z < m_city.zones().size(); ++z) {
        m_workFromZone.push_back(gravity(m_city.centreNode(z), 4000.0, -1));
        m_errandFromZone.push_back(gravity(m_city.centreNode(z), 2000.0, z));
    }
    for (int g = 0; g < gates; ++g) {
        m_workFromGate.push_back(gravity(g, 6000.0, -1));
        std::vector<double> w(static_cast<std::size_t>(gates));
        for (int h = 0; h < gates; ++h) {
            const double sep = std::min(std::abs(g - h), gates - std::abs(g - h)) * 360.0 / gates;
            w[static_cast<std::size_t>(h)] = sep < 60.0 ? 0.0 : std::pow(sep / 180.0, 2.0);
        }
        m_gateToGate.push_back(w);
    }
}

void SimulationRun::buildFleet() {
    const int gates = m_city.gateCount();
    const std::vector<double> classMix(o.classMix.begin(), o.classMix.end());
    m_fleet.resize(static_cast<std::size_t>(o.vehicles));
    for (int v = 0; v < o.vehicles; ++v) {
        Random r = Random::stream(o.seed, 7, static_cast<std::uint64_t>(v));
        Vehicle& veh = m_fleet[static_cast<std::size_t>(v)];
        veh.cls = static_cast<std::uint8_t>(r.weighted(classMix));
        veh.country = static_cast<std::uint8_t>(r.weighted(kCountryMix));
        const double p = r.uniform();
        const double throughShare = veh.cls == 2 ? 0.55 : 0.27;
        if (p < throughShare) {
            veh.profile = Profile::Through;
            veh.home = r.integer(0, gates - 1);
            veh.work = r.weighted(m_gateToGate[static_cast<std::size_t>(veh.home)]);
        } else if (p < throughShare + 0.16) {
            veh.profile = Profile::Commuter;
            veh.home = r.integer(0, gates - 1);
            veh.work = m_city.centreNode(r.weighted(m_workFromGate[static_cast<std::size_t>(veh.home)]));
        } else {
            veh.profile = Profile::Resident;
            const int hz = r.weighted(m_city.zoneWeights());
            veh.home = m_city.centreNode(hz);
            veh.work = m_city.centreNode(r.weighted(m_workFromZone[static_cast<std::size_t>(hz)]));
        }
        if (veh.country != 0 && veh.profile == Profile::Resident) // foreign plates mostly pass through
            veh.profile = Profile::Through, veh.home = r.integer(0, gates - 1),
            veh.work = r.weighted(m_gateToGate[static_cast<std::size_t>(veh.home)]);
    }
}

/** A vehicle's trips of one day: commuting with peaks, errands (residents), crossing (through traffic). */
std::vector<Plan> SimulationRun::plansFor(const Vehicle& veh, Random& r, bool weekend) const {
    std::vector<Plan> plans;
    switch (veh.profile) {
    case Profile::Resident:
    case Profile::Commuter: {
        const bool commute = r.chance(weekend ? 0.12 : (veh.profile == Profile::Commuter ? 0.85 : 0.72));
        if (commute && veh.home != veh.work) {
            const double leave = clamp(r.normal(7.8, 0.8), 5.0, 11.0);
            plans.push_back({leave, veh.home, veh.work});
            plans.push_back({clamp(r.normal(17.0, 1.1), leave + 5.0, 22.5), veh.work, veh.home});
        }
        if (veh.profile == Profile::Resident) {
            const int homeZone = m_city.nodes()[static_cast<std::size_t>(veh.home)].zone;
            const int errands = r.poisson(weekend ? 0.9 : 0.45);
            for (int e = 0; e < errands; ++e) {
                const double h = r.uniform(8.5, 20.5);
                const int dest =
                    m_city.centreNode(r.weighted(m_errandFromZone[static_cast<std::size_t>(homeZone)]));
                plans.push_back({h, veh.home, dest});
                plans.push_back({h + r.uniform(0.5, 2.5), dest, veh.home});
            }
        }
        break;
    }
    case Profile::Through:
        if (r.chance(weekend ? 0.45 : 0.8)) {
            const double m = r.uniform();
            const double h = m < 0.4    ? r.normal(8.0, 1.0)
                             : m < 0.75 ? r.normal(17.0, 1.2)
                                        : r.uniform(0.0, 24.0);
            const double first = clamp(h, 0.0, 23.9);
            plans.push_back({first, veh.home, veh.work});
            if (r.chance(0.55))
                plans.push_back({first + r.uniform(3.0, 9.0), veh.work, veh.home});
        }
        break;
    }
    std::sort(plans.begin(), plans.end(), [](const Plan& a, const Plan& b) { return a.hour < b.hour; });
    return plans;
}

/** One trip along the road graph: camera passes, reads (and duplicates), the true trip, camera pairs. */
void SimulationRun::drive(int v, const Plan& plan, std::int64_t depart, Random& r, DayResult& res,
                          std::int64_t* arrive) {
    thread_local std::vector<int> pathNodes;
    thread_local std::vector<double> pathSeconds;
    thread_local std::vector<std::int64_t> tripReadTimes;
    thread_local std::vector<std::uint16_t> tripReadCams;
    const auto& nodes = m_city.nodes();
    m_city.path(plan.from, plan.to, &pathNodes, &pathSeconds);
    if (pathNodes.empty())
        return;
    const double lh = plan.hour;
    const bool peak = (lh > 7.0 && lh < 9.0) || (lh > 16.0 && lh < 18.5);
    const double factor = r.uniform(0.9, 1.3) * (peak ? 1.25 : 1.0);
    TruthTrip trip;
    trip.vehicle = v;
    const bool fromGate = nodes[static_cast<std::size_t>(plan.from)].kind == DemoCity::NodeKind::Gate;
    const bool toGate = nodes[static_cast<std::size_t>(plan.to)].kind == DemoCity::NodeKind::Gate;
    trip.type = fromGate && toGate ? Through : toGate ? Origin : fromGate ? Destination : Internal;
    trip.origin = plan.from;
    trip.destination = plan.to;
    trip.depart = depart;
    trip.pathStart = static_cast<std::uint32_t>(res.paths.size());
    tripReadTimes.clear();
    tripReadCams.clear();
    const std::size_t last = pathNodes.size() - 1;
    for (std::size_t i = 0; i < pathNodes.size(); ++i) {
        const DemoCity::Node& n = nodes[static_cast<std::size_t>(pathNodes[i])];
        int cam = -1;
        if (n.kind == DemoCity::NodeKind::Gate)
            cam = i == 0 ? n.cameraIn : (i == last ? n.cameraOut : -1);
        else if (n.kind == DemoCity::NodeKind::Site)
            cam = n.cameraIn;
        if (cam < 0)
            continue;
        const std::int64_t t = depart + static_cast<std::int64_t>(std::lround(pathSeconds[i] * factor));
        res.paths.push_back(static_cast<std::uint16_t>(cam));
        ++res.passes;
        if (!r.chance(o.readProbability))
            continue;
        res.reads.push_back(Read{t, v, static_cast<std::uint16_t>(cam), 0});
        tripReadTimes.push_back(t);
        tripReadCams.push_back(static_cast<std::uint16_t>(cam));
        if (r.chance(o.duplicateRate)) {
            res.reads.push_back(Read{t + r.integer(1, 20), v, static_cast<std::uint16_t>(cam), 1});
            ++res.duplicates;
        }
    }
    trip.pathLength = static_cast<std::uint16_t>(res.paths.size() - trip.pathStart);
    trip.arrive = depart + static_cast<std::int64_t>(std::lround(pathSeconds.back() * factor));
    *arrive = trip.arrive;
    res.trips.push_back(trip);
    if (m_wantPairs)
        for (std::size_t i = 1; i < tripReadTimes.size(); ++i)
            res.pairs.push_back(Pair{(tripReadTimes[i - 1] / 3600) * 3600, tripReadCams[i - 1],
                                     tripReadCams[i],
                                     static_cast<std::int32_t>(tripReadTimes[i] - tripReadTimes[i - 1])});
}

void SimulationRun::simulateDay(int day, DayResult& res) {
    const std::int64_t dayStart = m_t0 + static_cast<std::int64_t>(day) * 86400;
    const int offset = offsetAt(dayStart + 12 * 3600);
    const bool weekend = o.start.addDays(day).dayOfWeek() >= 6;
    for (int v = 0; v < o.vehicles; ++v) {
        Random r =
            Random::stream(o.seed, 1000 + static_cast<std::uint64_t>(day), static_cast<std::uint64_t>(v));
        std::int64_t busyUntil = 0;
        for (const Plan& plan : plansFor(m_fleet[static_cast<std::size_t>(v)], r, weekend)) {
            const std::int64_t depart = std::max(localToUtc(dayStart, offset, plan.hour), busyUntil + 300);
            drive(v, plan, depart, r, res, &busyUntil);
        }
    }
}

void SimulationRun::simulateDays() {
    m_days.assign(static_cast<std::size_t>(o.days), DayResult());
    parallelFor(o.days, m_threads, [&](int d) {
        if (!m_progress.cancelled())
            simulateDay(d, m_days[static_cast<std::size_t>(d)]);
    });
}

/** Reads of trips that run past midnight UTC belong to the next day's file (and pseudonym key). */
void SimulationRun::carryOverMidnight() {
    m_summary.vehicles = o.vehicles;
    std::vector<Read> carry;
    for (int d = 0; d < o.days; ++d) {
        auto& reads = m_days[static_cast<std::size_t>(d)].reads;
        reads.insert(reads.end(), carry.begin(), carry.end());
        carry.clear();
        std::sort(reads.begin(), reads.end());
        if (d + 1 < o.days) {
            const std::int64_t end = m_t0 + static_cast<std::int64_t>(d + 1) * 86400;
            auto it = std::lower_bound(reads.begin(), reads.end(), Read{end, -1, 0, 0});
            carry.assign(it, reads.end());
            reads.erase(it, reads.end());
        }
        m_summary.passes += m_days[static_cast<std::size_t>(d)].passes;
        m_summary.duplicates += m_days[static_cast<std::size_t>(d)].duplicates;
        m_summary.reads += static_cast<qint64>(reads.size());
    }
}

} // namespace stroom::simulation
