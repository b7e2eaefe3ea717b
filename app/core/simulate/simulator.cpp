#include "simulate/simulator.h"

#include "common/error.h"
#include "common/progress.h"
#include "common/random.h"
#include "common/timeformat.h"
#include "common/vectorwriter.h"
#include "simulate/democity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>

namespace stroom {

namespace {

constexpr int kClasses = 4;
const char* const kClassEn[kClasses] = {"car", "van", "truck", "bus"};
const char* const kClassNl[kClasses] = {"personenwagen", "bestelwagen", "vrachtwagen", "bus"};
const char* const kCountries[] = {"BE", "NL", "FR", "DE", "LU", "PL"};
const std::vector<double> kCountryMix = {0.86, 0.06, 0.04, 0.02, 0.01, 0.01};

enum class Profile : std::uint8_t { Resident, Commuter, Through };
enum TripType : std::uint8_t { Through = 0, Origin = 1, Destination = 2, Internal = 3 };
const char* const kTripType[] = {"through", "origin", "destination", "internal"};

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

double clamp(double v, double lo, double hi) {
    return std::max(lo, std::min(hi, v));
}

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

} // namespace

const QStringList& Simulator::formats() {
    static const QStringList list = {QStringLiteral("standard"), QStringLiteral("nl"),
                                     QStringLiteral("anpr-metrics"), QStringLiteral("counts"),
                                     QStringLiteral("pairflows")};
    return list;
}

QString Simulator::fileNameFor(const QString& format) {
    if (format == QLatin1String("counts") || format == QLatin1String("pairflows"))
        return format + QStringLiteral(".csv");
    if (format == QLatin1String("anpr-metrics"))
        return QStringLiteral("anpr-metrics.csv");
    return QStringLiteral("anpr-%1.csv").arg(format);
}

Simulator::Simulator(SimulationOptions options)
    : m_options(std::move(options)) {}

SimulationSummary Simulator::run(const std::function<void(double)>& progress,
                                 const std::atomic_bool* cancel) {
    const SimulationOptions& o = m_options;
    if (o.vehicles < 1 || o.days < 1 || o.days > 3660)
        throw Error::usage(
            QStringLiteral("simulate: --vehicles must be at least 1 and --days between 1 and 3660"));
    if (!o.start.isValid())
        throw Error::usage(QStringLiteral("simulate: --start is not a valid date"));
    for (const QString& f : o.formats)
        if (!formats().contains(f))
            throw Error::usage(QStringLiteral("simulate: unknown format '%1' (known: %2, all)")
                                   .arg(f, formats().join(QStringLiteral(", "))));
    if (!QDir().mkpath(o.outDir))
        throw Error::input(QStringLiteral("%1: cannot create the output folder").arg(o.outDir));
    const QDir out(o.outDir);
    const int threads = o.threads > 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    const Progress report(progress, cancel);
    auto checkCancel = [&] { report.checkCancel(QStringLiteral("simulate: cancelled")); };

    const DemoCity city(o.cameras, o.seed);
    const auto& nodes = city.nodes();
    const int gates = city.gateCount();
    const int zoneCount = city.zones().size();
    const auto& zoneWeight = city.zoneWeights();

    // --- time: UTC day starts and Europe/Brussels offsets per UTC hour -------------------------
    const std::int64_t startDay = timefmt::daysFromCivil(o.start.year(), o.start.month(), o.start.day());
    const std::int64_t t0 = startDay * 86400;
    const QTimeZone brussels(QByteArrayLiteral("Europe/Brussels"));
    if (!brussels.isValid())
        throw Error::store(
            QStringLiteral("the time zone Europe/Brussels is not known on this system (install tzdata)"));
    std::vector<int> offsetByHour(static_cast<std::size_t>((o.days + 3) * 24));
    for (std::size_t h = 0; h < offsetByHour.size(); ++h)
        offsetByHour[h] = brussels.offsetFromUtc(
            QDateTime::fromSecsSinceEpoch(t0 + static_cast<std::int64_t>(h) * 3600, Qt::UTC));
    auto offsetAt = [&](std::int64_t t) {
        const std::int64_t h = (t - t0) / 3600;
        return offsetByHour[static_cast<std::size_t>(
            clamp(static_cast<double>(h), 0, static_cast<double>(offsetByHour.size() - 1)))];
    };

    // --- gravity tables -------------------------------------------------------------------------
    auto gravity = [&](int fromNode, double scaleMetres, int excludeZone) {
        std::vector<double> w(static_cast<std::size_t>(zoneCount));
        for (int z = 0; z < zoneCount; ++z)
            w[static_cast<std::size_t>(z)] =
                z == excludeZone
                    ? 0.0
                    : zoneWeight[static_cast<std::size_t>(z)] *
                          std::exp(-city.metresBetween(fromNode, city.centreNode(z)) / scaleMetres);
        return w;
    };
    std::vector<std::vector<double>> workFromZone, errandFromZone, workFromGate, gateToGate;
    for (int z = 0; z < zoneCount; ++z) {
        workFromZone.push_back(gravity(city.centreNode(z), 4000.0, -1));
        errandFromZone.push_back(gravity(city.centreNode(z), 2000.0, z));
    }
    for (int g = 0; g < gates; ++g) {
        workFromGate.push_back(gravity(g, 6000.0, -1));
        std::vector<double> w(static_cast<std::size_t>(gates));
        for (int h = 0; h < gates; ++h) {
            const double sep = std::min(std::abs(g - h), gates - std::abs(g - h)) * 360.0 / gates;
            w[static_cast<std::size_t>(h)] = sep < 60.0 ? 0.0 : std::pow(sep / 180.0, 2.0);
        }
        gateToGate.push_back(w);
    }

    // --- the fleet ------------------------------------------------------------------------------
    const std::vector<double> classMix(o.classMix.begin(), o.classMix.end());
    std::vector<Vehicle> fleet(static_cast<std::size_t>(o.vehicles));
    for (int v = 0; v < o.vehicles; ++v) {
        Random r = Random::stream(o.seed, 7, static_cast<std::uint64_t>(v));
        Vehicle& veh = fleet[static_cast<std::size_t>(v)];
        veh.cls = static_cast<std::uint8_t>(r.weighted(classMix));
        veh.country = static_cast<std::uint8_t>(r.weighted(kCountryMix));
        const double p = r.uniform();
        const double throughShare = veh.cls == 2 ? 0.55 : 0.27;
        if (p < throughShare) {
            veh.profile = Profile::Through;
            veh.home = r.integer(0, gates - 1);
            veh.work = r.weighted(gateToGate[static_cast<std::size_t>(veh.home)]);
        } else if (p < throughShare + 0.16) {
            veh.profile = Profile::Commuter;
            veh.home = r.integer(0, gates - 1);
            veh.work = city.centreNode(r.weighted(workFromGate[static_cast<std::size_t>(veh.home)]));
        } else {
            veh.profile = Profile::Resident;
            const int hz = r.weighted(zoneWeight);
            veh.home = city.centreNode(hz);
            veh.work = city.centreNode(r.weighted(workFromZone[static_cast<std::size_t>(hz)]));
        }
        if (veh.country != 0 && veh.profile == Profile::Resident) // foreign plates mostly pass through
            veh.profile = Profile::Through, veh.home = r.integer(0, gates - 1),
            veh.work = r.weighted(gateToGate[static_cast<std::size_t>(veh.home)]);
    }
    report(0.02);

    const bool wantPairs = o.formats.contains(QStringLiteral("pairflows"));

    // --- one day of traffic ---------------------------------------------------------------------
    auto simulateDay = [&](int day, DayResult& res) {
        const std::int64_t dayStart = t0 + static_cast<std::int64_t>(day) * 86400;
        const int offset = offsetAt(dayStart + 12 * 3600);
        const QDate date = o.start.addDays(day);
        const bool weekend = date.dayOfWeek() >= 6;
        std::vector<int> pathNodes;
        std::vector<double> pathSeconds;
        std::vector<std::int64_t> tripReadTimes;
        std::vector<std::uint16_t> tripReadCams;
        auto localToUtc = [&](double localHours) {
            return dayStart + static_cast<std::int64_t>(localHours * 3600.0) - offset;
        };

        for (int v = 0; v < o.vehicles; ++v) {
            Random r =
                Random::stream(o.seed, 1000 + static_cast<std::uint64_t>(day), static_cast<std::uint64_t>(v));
            const Vehicle& veh = fleet[static_cast<std::size_t>(v)];
            struct Plan {
                double hour;
                int from, to;
            };
            std::vector<Plan> plans;
            switch (veh.profile) {
            case Profile::Resident:
            case Profile::Commuter: {
                const bool commute =
                    r.chance(weekend ? 0.12 : (veh.profile == Profile::Commuter ? 0.85 : 0.72));
                if (commute && veh.home != veh.work) {
                    const double leave = clamp(r.normal(7.8, 0.8), 5.0, 11.0);
                    plans.push_back({leave, veh.home, veh.work});
                    plans.push_back({clamp(r.normal(17.0, 1.1), leave + 5.0, 22.5), veh.work, veh.home});
                }
                if (veh.profile == Profile::Resident) {
                    const int homeZone = nodes[static_cast<std::size_t>(veh.home)].zone;
                    const int errands = r.poisson(weekend ? 0.9 : 0.45);
                    for (int e = 0; e < errands; ++e) {
                        const double h = r.uniform(8.5, 20.5);
                        const int dest =
                            city.centreNode(r.weighted(errandFromZone[static_cast<std::size_t>(homeZone)]));
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
            std::sort(plans.begin(), plans.end(),
                      [](const Plan& a, const Plan& b) { return a.hour < b.hour; });

            std::int64_t busyUntil = 0;
            for (const Plan& plan : plans) {
                std::int64_t depart = localToUtc(plan.hour);
                depart = std::max(depart, busyUntil + 300);
                city.path(plan.from, plan.to, &pathNodes, &pathSeconds);
                if (pathNodes.empty())
                    continue;
                const double lh = plan.hour;
                const bool peak = (lh > 7.0 && lh < 9.0) || (lh > 16.0 && lh < 18.5);
                const double factor = r.uniform(0.9, 1.3) * (peak ? 1.25 : 1.0);
                TruthTrip trip;
                trip.vehicle = v;
                const bool fromGate =
                    nodes[static_cast<std::size_t>(plan.from)].kind == DemoCity::NodeKind::Gate;
                const bool toGate = nodes[static_cast<std::size_t>(plan.to)].kind == DemoCity::NodeKind::Gate;
                trip.type = fromGate && toGate ? Through
                            : toGate           ? Origin
                            : fromGate         ? Destination
                                               : Internal;
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
                    const std::int64_t t =
                        depart + static_cast<std::int64_t>(std::lround(pathSeconds[i] * factor));
                    res.paths.push_back(static_cast<std::uint16_t>(cam));
                    ++res.passes;
                    if (!r.chance(o.readProbability))
                        continue;
                    res.reads.push_back(Read{t, v, static_cast<std::uint16_t>(cam), 0});
                    tripReadTimes.push_back(t);
                    tripReadCams.push_back(static_cast<std::uint16_t>(cam));
                    if (r.chance(o.duplicateRate)) {
                        res.reads.push_back(
                            Read{t + r.integer(1, 20), v, static_cast<std::uint16_t>(cam), 1});
                        ++res.duplicates;
                    }
                }
                trip.pathLength = static_cast<std::uint16_t>(res.paths.size() - trip.pathStart);
                trip.arrive = depart + static_cast<std::int64_t>(std::lround(pathSeconds.back() * factor));
                busyUntil = trip.arrive;
                res.trips.push_back(trip);
                if (wantPairs)
                    for (std::size_t i = 1; i < tripReadTimes.size(); ++i)
                        res.pairs.push_back(
                            Pair{(tripReadTimes[i - 1] / 3600) * 3600, tripReadCams[i - 1], tripReadCams[i],
                                 static_cast<std::int32_t>(tripReadTimes[i] - tripReadTimes[i - 1])});
            }
        }
    };

    std::vector<DayResult> days(static_cast<std::size_t>(o.days));
    std::atomic<int> done{0};
    parallelFor(o.days, threads, [&](int d) {
        if (cancel && cancel->load())
            return;
        simulateDay(d, days[static_cast<std::size_t>(d)]);
        ++done;
    });
    checkCancel();
    report(0.45);

    // Reads of trips that run past midnight UTC belong to the next day's file (and pseudonym key).
    SimulationSummary summary;
    summary.vehicles = o.vehicles;
    std::vector<Read> carry;
    for (int d = 0; d < o.days; ++d) {
        auto& reads = days[static_cast<std::size_t>(d)].reads;
        reads.insert(reads.end(), carry.begin(), carry.end());
        carry.clear();
        std::sort(reads.begin(), reads.end());
        if (d + 1 < o.days) {
            const std::int64_t end = t0 + static_cast<std::int64_t>(d + 1) * 86400;
            auto it = std::lower_bound(reads.begin(), reads.end(), Read{end, -1, 0, 0});
            carry.assign(it, reads.end());
            reads.erase(it, reads.end());
        }
        summary.passes += days[static_cast<std::size_t>(d)].passes;
        summary.duplicates += days[static_cast<std::size_t>(d)].duplicates;
        summary.reads += static_cast<qint64>(reads.size());
    }
    report(0.55);

    // --- writing ------------------------------------------------------------------------------
    const QVector<Camera>& cams = city.cameras();
    std::vector<std::string> camIds, metricsBefore, metricsAfter; // ANPR Metrics: "lat,lon," ts ",id,name"
    for (const Camera& c : cams) {
        camIds.push_back(c.id.toStdString());
        metricsBefore.push_back(QString::number(c.lat, 'f', 6).toStdString() + ',' +
                                QString::number(c.lon, 'f', 6).toStdString() + ',');
        std::string after = "," + c.id.toStdString() + ',';
        csv::appendField(after, c.name);
        metricsAfter.push_back(after);
    }
    auto keyForDay = [&](std::int64_t epochDay) {
        QByteArray seedBytes = QByteArray::number(static_cast<qulonglong>(o.seed)) + '/' +
                               QByteArray::number(static_cast<qlonglong>(epochDay));
        return QCryptographicHash::hash(QByteArrayLiteral("stroom-simulate-key/") + seedBytes,
                                        QCryptographicHash::Sha256);
    };
    const QStringList readFormats = [&] {
        QStringList l;
        for (const QString& f : o.formats)
            if (f == QLatin1String("standard") || f == QLatin1String("nl") ||
                f == QLatin1String("anpr-metrics"))
                l << f;
        return l;
    }();
    std::vector<std::unique_ptr<Writer>> writers;
    for (const QString& f : readFormats) {
        writers.push_back(std::make_unique<Writer>(out.filePath(fileNameFor(f))));
        summary.files << fileNameFor(f);
        if (f == QLatin1String("standard"))
            writers.back()->write("timestamp,camera_id,plate_hash,vehicle_class,country\n");
        else if (f == QLatin1String("nl"))
            writers.back()->write("tijdstip;camera;kenteken_hash;voertuigcategorie;land\n");
        else
            writers.back()->write("Plate,Latitude,Longitude,TimeStamp,DeviceId,Name\n");
    }
    Writer truth(out.filePath(QStringLiteral("truth-trips.csv")));
    truth.write("trip_id,vehicle,class,country,type,origin,destination,departure,arrival,path\n");
    summary.files << QStringLiteral("truth-trips.csv");

    auto nodeLabel = [&](int node) -> std::string {
        const DemoCity::Node& n = nodes[static_cast<std::size_t>(node)];
        if (n.kind == DemoCity::NodeKind::Gate)
            return "ext-" + std::to_string(node + 1);
        return city.zones()[n.zone].id.toStdString();
    };

    qint64 tripId = 0;
    const int chunk = std::max(1, threads);
    for (int first = 0; first < o.days; first += chunk) {
        checkCancel();
        const int n = std::min(chunk, o.days - first);
        std::vector<std::vector<std::string>> text(
            static_cast<std::size_t>(n),
            std::vector<std::string>(static_cast<std::size_t>(readFormats.size())));
        parallelFor(n, threads, [&](int i) {
            const DayResult& dr = days[static_cast<std::size_t>(first + i)];
            // Pseudonyms: computed once per vehicle and UTC day.
            std::vector<std::array<char, 64>> pseudo(static_cast<std::size_t>(o.vehicles));
            std::vector<std::int64_t> pseudoDay(static_cast<std::size_t>(o.vehicles), INT64_MIN);
            std::int64_t keyDay = INT64_MIN;
            QByteArray key;
            auto pseudonym = [&](std::int32_t v, std::int64_t t) -> const std::array<char, 64>& {
                const std::int64_t epochDay = timefmt::epochDay(t);
                auto& slot = pseudo[static_cast<std::size_t>(v)];
                if (pseudoDay[static_cast<std::size_t>(v)] != epochDay) {
                    if (keyDay != epochDay) {
                        key = keyForDay(epochDay);
                        keyDay = epochDay;
                    }
                    char msg[8];
                    for (int b = 0; b < 8; ++b)
                        msg[b] = static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * b)) & 0xff);
                    const QByteArray mac =
                        QMessageAuthenticationCode::hash(QByteArray(msg, 8), key, QCryptographicHash::Sha256)
                            .toHex();
                    std::copy(mac.constBegin(), mac.constEnd(), slot.begin());
                    pseudoDay[static_cast<std::size_t>(v)] = epochDay;
                }
                return slot;
            };
            for (int f = 0; f < readFormats.size(); ++f) {
                std::string& s = text[static_cast<std::size_t>(i)][static_cast<std::size_t>(f)];
                s.reserve(dr.reads.size() * 110);
                const QString& fmt = readFormats[f];
                const int kind = fmt == QLatin1String("standard") ? 0 : fmt == QLatin1String("nl") ? 1 : 2;
                for (const Read& rd : dr.reads) {
                    const Vehicle& veh = fleet[static_cast<std::size_t>(rd.vehicle)];
                    const auto& p = pseudonym(rd.vehicle, rd.t);
                    if (kind == 0) {
                        timefmt::appendIsoUtc(s, rd.t);
                        s.push_back(',');
                        s += camIds[rd.camera];
                        s.push_back(',');
                        s.append(p.data(), 64);
                        s.push_back(',');
                        s += kClassEn[veh.cls];
                        s.push_back(',');
                        s += kCountries[veh.country];
                    } else if (kind == 1) {
                        timefmt::appendDutchLocal(s, rd.t + offsetAt(rd.t));
                        s.push_back(';');
                        s += camIds[rd.camera];
                        s.push_back(';');
                        s.append(p.data(), 64);
                        s.push_back(';');
                        s += kClassNl[veh.cls];
                        s.push_back(';');
                        s += kCountries[veh.country];
                    } else {
                        s.append(p.data(), 64);
                        s.push_back(',');
                        s += metricsBefore[rd.camera];
                        timefmt::appendIsoUtc(s, rd.t, true);
                        s += metricsAfter[rd.camera];
                    }
                    s.push_back('\n');
                }
            }
        });
        for (int i = 0; i < n; ++i) {
            for (std::size_t f = 0; f < writers.size(); ++f)
                writers[f]->write(text[static_cast<std::size_t>(i)][f]);
            const DayResult& dr = days[static_cast<std::size_t>(first + i)];
            std::string s;
            s.reserve(dr.trips.size() * 90);
            for (const TruthTrip& t : dr.trips) {
                const Vehicle& veh = fleet[static_cast<std::size_t>(t.vehicle)];
                timefmt::appendInt(s, ++tripId);
                s.push_back(',');
                timefmt::appendInt(s, t.vehicle);
                s.push_back(',');
                s += kClassEn[veh.cls];
                s.push_back(',');
                s += kCountries[veh.country];
                s.push_back(',');
                s += kTripType[t.type];
                s.push_back(',');
                s += nodeLabel(t.origin);
                s.push_back(',');
                s += nodeLabel(t.destination);
                s.push_back(',');
                timefmt::appendIsoUtc(s, t.depart);
                s.push_back(',');
                timefmt::appendIsoUtc(s, t.arrive);
                s.push_back(',');
                for (std::uint16_t k = 0; k < t.pathLength; ++k) {
                    if (k)
                        s.push_back(';');
                    s += camIds[dr.paths[t.pathStart + k]];
                }
                s.push_back('\n');
                summary.tripsByType[QString::fromLatin1(kTripType[t.type])] += 1;
                ++summary.trips;
            }
            truth.write(s);
        }
        report(0.55 + 0.4 * (first + n) / o.days);
    }
    for (auto& w : writers)
        w->close();
    truth.close();

    // --- aggregates from privacy-proof cameras ------------------------------------------------
    if (o.formats.contains(QStringLiteral("counts"))) {
        std::map<std::tuple<std::uint16_t, std::int64_t, std::uint8_t>, qint64> counts;
        for (const DayResult& dr : days)
            for (const Read& rd : dr.reads)
                if (!rd.duplicate)
                    ++counts[{rd.camera, (rd.t / 3600) * 3600,
                              fleet[static_cast<std::size_t>(rd.vehicle)].cls}];
        Writer w(out.filePath(fileNameFor(QStringLiteral("counts"))));
        std::string s = "camera,period_start,period_minutes,vehicle_class,vehicles\n";
        for (const auto& [k, n] : counts) {
            s += camIds[std::get<0>(k)] + ',';
            timefmt::appendIsoUtc(s, std::get<1>(k));
            s += ",60,";
            s += kClassEn[std::get<2>(k)];
            s.push_back(',');
            timefmt::appendInt(s, n);
            s.push_back('\n');
        }
        w.write(s);
        w.close();
        summary.files << fileNameFor(QStringLiteral("counts"));
    }
    if (wantPairs) {
        std::map<std::tuple<std::uint16_t, std::uint16_t, std::int64_t>, std::pair<qint64, qint64>> flows;
        for (const DayResult& dr : days)
            for (const Pair& p : dr.pairs) {
                auto& acc = flows[{p.from, p.to, p.hour}];
                acc.first += 1;
                acc.second += p.seconds;
            }
        Writer w(out.filePath(fileNameFor(QStringLiteral("pairflows"))));
        std::string s = "from_camera,to_camera,period_start,period_minutes,vehicles,mean_seconds\n";
        for (const auto& [k, v] : flows) {
            s += camIds[std::get<0>(k)] + ',' + camIds[std::get<1>(k)] + ',';
            timefmt::appendIsoUtc(s, std::get<2>(k));
            s += ",60,";
            timefmt::appendInt(s, v.first);
            s.push_back(',');
            s += QString::number(static_cast<double>(v.second) / static_cast<double>(v.first), 'f', 1)
                     .toStdString();
            s.push_back('\n');
        }
        w.write(s);
        w.close();
        summary.files << fileNameFor(QStringLiteral("pairflows"));
    }

    // --- cameras, zones, parameters -------------------------------------------------------------
    {
        Writer w(out.filePath(QStringLiteral("cameras.csv")));
        std::string s =
            "camera_id,name,site,lon,lat,directions,lanes,owner,operator,purpose,legal_basis,registered,"
            "installed,status,role,zone,source,source_id,notes\n";
        for (const Camera& c : cams) {
            const QStringList fields = {c.id,
                                        c.name,
                                        c.site,
                                        QString::number(c.lon, 'f', 6),
                                        QString::number(c.lat, 'f', 6),
                                        c.directionsText(),
                                        QString::number(c.lanes),
                                        c.owner,
                                        c.operatorName,
                                        c.purpose,
                                        c.legalBasis,
                                        c.registered ? QStringLiteral("true") : QStringLiteral("false"),
                                        c.installed.toString(Qt::ISODate),
                                        c.status,
                                        c.role,
                                        c.zone,
                                        c.source,
                                        c.sourceId,
                                        c.notes};
            for (int i = 0; i < fields.size(); ++i) {
                if (i)
                    s.push_back(',');
                csv::appendField(s, fields[i]);
            }
            s.push_back('\n');
        }
        w.write(s);
        w.close();
        summary.files.prepend(QStringLiteral("cameras.csv"));
    }
    {
        Writer w(out.filePath(QStringLiteral("zones.geojson")));
        w.write(DemoCity::districtsGeoJson().toStdString());
        w.close();
        summary.files.insert(1, QStringLiteral("zones.geojson"));
    }
    {
        QJsonObject params{
            {QStringLiteral("cameras"), o.cameras},
            {QStringLiteral("vehicles"), o.vehicles},
            {QStringLiteral("days"), o.days},
            {QStringLiteral("start"), o.start.toString(Qt::ISODate)},
            {QStringLiteral("seed"), QString::number(static_cast<qulonglong>(o.seed))},
            {QStringLiteral("formats"), QJsonArray::fromStringList(o.formats)},
            {QStringLiteral("read_probability"), o.readProbability},
            {QStringLiteral("duplicate_rate"), o.duplicateRate},
            {QStringLiteral("class_mix"), QJsonObject{{QStringLiteral("car"), o.classMix[0]},
                                                      {QStringLiteral("van"), o.classMix[1]},
                                                      {QStringLiteral("truck"), o.classMix[2]},
                                                      {QStringLiteral("bus"), o.classMix[3]}}}};
        QJsonObject types;
        for (auto it = summary.tripsByType.cbegin(); it != summary.tripsByType.cend(); ++it)
            types.insert(it.key(), it.value());
        QJsonObject result{{QStringLiteral("trips"), summary.trips},
                           {QStringLiteral("trips_by_type"), types},
                           {QStringLiteral("passes"), summary.passes},
                           {QStringLiteral("reads"), summary.reads},
                           {QStringLiteral("duplicates"), summary.duplicates},
                           {QStringLiteral("files"), QJsonArray::fromStringList(summary.files)}};
        QJsonObject doc{
            {QStringLiteral("generator"), QStringLiteral("stroom-cli simulate")},
            {QStringLiteral("parameters"), params},
            {QStringLiteral("result"), result},
            {QStringLiteral("zones_attribution"),
             QStringLiteral("Ghent districts: Stad Gent open data (Flemish model licence for free reuse)")}};
        Writer w(out.filePath(QStringLiteral("simulation.json")));
        w.write(QJsonDocument(doc).toJson().toStdString());
        w.close();
        summary.files << QStringLiteral("simulation.json");
    }
    report(1.0);
    return summary;
}

} // namespace stroom
