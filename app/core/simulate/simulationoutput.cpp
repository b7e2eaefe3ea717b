#include "simulate/simulationrun.h"

#include "common/timeformat.h"
#include "common/vectorwriter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <map>
#include <memory>
#include <tuple>

namespace stroom::simulation {

namespace {
/** Pseudonyms (HMAC-SHA256 hex, a key per UTC day), computed once per vehicle and day. */
class Pseudonyms {
public:
    Pseudonyms(int vehicles, const std::function<QByteArray(std::int64_t)>& keyForDay)
        : m_pseudo(static_cast<std::size_t>(vehicles))
        , m_day(static_cast<std::size_t>(vehicles), INT64_MIN)
        , m_keyForDay(keyForDay) {}
    const std::array<char, 64>& of(std::int32_t v, std::int64_t t) {
        const std::int64_t epochDay = timefmt::epochDay(t);
        auto& slot = m_pseudo[static_cast<std::size_t>(v)];
        if (m_day[static_cast<std::size_t>(v)] == epochDay)
            return slot;
        if (m_keyDay != epochDay) {
            m_key = m_keyForDay(epochDay);
            m_keyDay = epochDay;
        }
        char msg[8];
        for (int b = 0; b < 8; ++b)
            msg[b] = static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * b)) & 0xff);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(QByteArray(msg, 8), m_key, QCryptographicHash::Sha256).toHex();
        std::copy(mac.constBegin(), mac.constEnd(), slot.begin());
        m_day[static_cast<std::size_t>(v)] = epochDay;
        return slot;
    }

private:
    std::vector<std::array<char, 64>> m_pseudo;
    std::vector<std::int64_t> m_day;
    std::function<QByteArray(std::int64_t)> m_keyForDay;
    std::int64_t m_keyDay = INT64_MIN;
    QByteArray m_key;
};
} // namespace

void SimulationRun::prepareLabels() {
    for (const Camera& c : m_city.cameras()) {
        m_camIds.push_back(c.id.toStdString());
        m_metricsBefore.push_back(QString::number(c.lat, 'f', 6).toStdString() + ',' +
                                  QString::number(c.lon, 'f', 6).toStdString() + ',');
        std::string after = "," + c.id.toStdString() + ',';
        csv::appendField(after, c.name);
        m_metricsAfter.push_back(after);
    }
    for (const QString& f : o.formats)
        if (f == QLatin1String("standard") || f == QLatin1String("nl") ||
            f == QLatin1String("anpr-metrics") || f == QLatin1String("plates"))
            m_readFormats << f;
}

QByteArray SimulationRun::keyForDay(std::int64_t epochDay) const {
    QByteArray seedBytes = QByteArray::number(static_cast<qulonglong>(o.seed)) + '/' +
                           QByteArray::number(static_cast<qlonglong>(epochDay));
    return QCryptographicHash::hash(QByteArrayLiteral("stroom-simulate-key/") + seedBytes,
                                    QCryptographicHash::Sha256);
}

std::string SimulationRun::nodeLabel(int node) const {
    const DemoCity::Node& n = m_city.nodes()[static_cast<std::size_t>(node)];
    if (n.kind == DemoCity::NodeKind::Gate)
        return "ext-" + std::to_string(node + 1);
    return m_city.zones()[n.zone].id.toStdString();
}

/** A synthetic Belgian-style plate ("1-ABC-234"), one per vehicle, different for each seed. */
std::string SimulationRun::plateOf(int vehicle) const {
    const std::uint64_t n =
        (static_cast<std::uint64_t>(vehicle) + o.seed * 7919u) % (9ull * 17576ull * 1000ull);
    std::string p;
    p.push_back(static_cast<char>('1' + n / (17576ull * 1000ull)));
    p.push_back('-');
    const std::uint64_t letters = (n / 1000ull) % 17576ull;
    p.push_back(static_cast<char>('A' + letters / 676));
    p.push_back(static_cast<char>('A' + (letters / 26) % 26));
    p.push_back(static_cast<char>('A' + letters % 26));
    p.push_back('-');
    const std::uint64_t digits = n % 1000ull;
    p.push_back(static_cast<char>('0' + digits / 100));
    p.push_back(static_cast<char>('0' + (digits / 10) % 10));
    p.push_back(static_cast<char>('0' + digits % 10));
    return p;
}

/** One day's reads in every read format (text[f] for m_readFormats[f]). */
void SimulationRun::formatReads(const DayResult& dr, std::vector<std::string>& text) const {
    Pseudonyms pseudonyms(o.vehicles, [this](std::int64_t day) { return keyForDay(day); });
    for (int f = 0; f < m_readFormats.size(); ++f) {
        std::string& s = text[static_cast<std::size_t>(f)];
        s.reserve(dr.reads.size() * 110);
        const QString& fmt = m_readFormats[f];
        const int kind = fmt == QLatin1String("standard") ? 0
                         : fmt == QLatin1String("nl")     ? 1
                         : fmt == QLatin1String("plates") ? 3
                                                          : 2;
        for (const Read& rd : dr.reads) {
            const Vehicle& veh = m_fleet[static_cast<std::size_t>(rd.vehicle)];
            if (kind == 3) { // the camera's side, for stroom-edge: a clear (synthetic) plate
                timefmt::appendIsoUtc(s, rd.t);
                s.push_back(',');
                s += m_camIds[rd.camera];
                s.push_back(',');
                s += plateOf(rd.vehicle);
                s.push_back(',');
                s += kClassEn[veh.cls];
                s.push_back(',');
                s += kCountries[veh.country];
                s.push_back('\n');
                continue;
            }
            const auto& p = pseudonyms.of(rd.vehicle, rd.t);
            if (kind == 2) {
                s.append(p.data(), 64);
                s.push_back(',');
                s += m_metricsBefore[rd.camera];
                timefmt::appendIsoUtc(s, rd.t, true);
                s += m_metricsAfter[rd.camera];
                s.push_back('\n');
                continue;
            }
            const char sep = kind == 0 ? ',' : ';';
            if (kind == 0)
                timefmt::appendIsoUtc(s, rd.t);
            else
                timefmt::appendDutchLocal(s, rd.t + offsetAt(rd.t));
            s.push_back(sep);
            s += m_camIds[rd.camera];
            s.push_back(sep);
            s.append(p.data(), 64);
            s.push_back(sep);
            s += kind == 0 ? kClassEn[veh.cls] : kClassNl[veh.cls];
            s.push_back(sep);
            s += kCountries[veh.country];
            s.push_back('\n');
        }
    }
}

/** One day's true trips as truth-trips.csv rows; counts them in the summary. */
std::string SimulationRun::truthText(const DayResult& dr, qint64* tripId) {
    std::string s;
    s.reserve(dr.trips.size() * 90);
    for (const TruthTrip& t : dr.trips) {
        const Vehicle& veh = m_fleet[static_cast<std::size_t>(t.vehicle)];
        timefmt::appendInt(s, ++*tripId);
        s.push_back(',');
        timefmt::appendInt(s, t.vehicle);
        for (const std::string& field :
             {std::string(kClassEn[veh.cls]), std::string(kCountries[veh.country]),
              std::string(kTripType[t.type]), nodeLabel(t.origin), nodeLabel(t.destination)}) {
            s.push_back(',');
            s += field;
        }
        s.push_back(',');
        timefmt::appendIsoUtc(s, t.depart);
        s.push_back(',');
        timefmt::appendIsoUtc(s, t.arrive);
        s.push_back(',');
        for (std::uint16_t k = 0; k < t.pathLength; ++k) {
            if (k)
                s.push_back(';');
            s += m_camIds[dr.paths[t.pathStart + k]];
        }
        s.push_back('\n');
        m_summary.tripsByType[QString::fromLatin1(kTripType[t.type])] += 1;
        ++m_summary.trips;
    }
    return s;
}

void SimulationRun::writeReadsAndTruth() {
    std::vector<std::unique_ptr<Writer>> writers;
    for (const QString& f : m_readFormats) {
        writers.push_back(std::make_unique<Writer>(m_out.filePath(Simulator::fileNameFor(f))));
        m_summary.files << Simulator::fileNameFor(f);
        if (f == QLatin1String("standard"))
            writers.back()->write("timestamp,camera_id,plate_hash,vehicle_class,country\n");
        else if (f == QLatin1String("nl"))
            writers.back()->write("tijdstip;camera;kenteken_hash;voertuigcategorie;land\n");
        else if (f == QLatin1String("plates"))
            writers.back()->write("timestamp,camera_id,plate,vehicle_class,country\n");
        else
            writers.back()->write("Plate,Latitude,Longitude,TimeStamp,DeviceId,Name\n");
    }
    Writer truth(m_out.filePath(QStringLiteral("truth-trips.csv")));
    truth.write("trip_id,vehicle,class,country,type,origin,destination,departure,arrival,path\n");
    m_summary.files << QStringLiteral("truth-trips.csv");
    qint64 tripId = 0;
    const int chunk = std::max(1, m_threads);
    for (int first = 0; first < o.days; first += chunk) {
        m_progress.checkCancel(QStringLiteral("simulate: cancelled"));
        const int n = std::min(chunk, o.days - first);
        std::vector<std::vector<std::string>> text(
            static_cast<std::size_t>(n),
            std::vector<std::string>(static_cast<std::size_t>(m_readFormats.size())));
        parallelFor(n, m_threads, [&](int i) {
            formatReads(m_days[static_cast<std::size_t>(first + i)], text[static_cast<std::size_t>(i)]);
        });
        for (int i = 0; i < n; ++i) {
            for (std::size_t f = 0; f < writers.size(); ++f)
                writers[f]->write(text[static_cast<std::size_t>(i)][f]);
            truth.write(truthText(m_days[static_cast<std::size_t>(first + i)], &tripId));
        }
        m_progress(0.55 + 0.4 * (first + n) / o.days);
    }
    for (auto& w : writers)
        w->close();
    truth.close();
}

/** Counts per camera, hour and class, as a privacy-proof camera would send them. */
void SimulationRun::writeCounts() {
    if (!o.formats.contains(QStringLiteral("counts")))
        return;
    std::map<std::tuple<std::uint16_t, std::int64_t, std::uint8_t>, qint64> counts;
    for (const DayResult& dr : m_days)
        for (const Read& rd : dr.reads)
            if (!rd.duplicate)
                ++counts[{rd.camera, (rd.t / 3600) * 3600,
                          m_fleet[static_cast<std::size_t>(rd.vehicle)].cls}];
    Writer w(m_out.filePath(Simulator::fileNameFor(QStringLiteral("counts"))));
    std::string s = "camera,period_start,period_minutes,vehicle_class,vehicles\n";
    for (const auto& [k, n] : counts) {
        s += m_camIds[std::get<0>(k)] + ',';
        timefmt::appendIsoUtc(s, std::get<1>(k));
        s += ",60,";
        s += kClassEn[std::get<2>(k)];
        s.push_back(',');
        timefmt::appendInt(s, n);
        s.push_back('\n');
    }
    w.write(s);
    w.close();
    m_summary.files << Simulator::fileNameFor(QStringLiteral("counts"));
}

/** Flows between consecutive cameras per hour, with their mean travel time. */
void SimulationRun::writePairs() {
    if (!m_wantPairs)
        return;
    std::map<std::tuple<std::uint16_t, std::uint16_t, std::int64_t>, std::pair<qint64, qint64>> flows;
    for (const DayResult& dr : m_days)
        for (const Pair& p : dr.pairs) {
            auto& acc = flows[{p.from, p.to, p.hour}];
            acc.first += 1;
            acc.second += p.seconds;
        }
    Writer w(m_out.filePath(Simulator::fileNameFor(QStringLiteral("pairflows"))));
    std::string s = "from_camera,to_camera,period_start,period_minutes,vehicles,mean_seconds\n";
    for (const auto& [k, v] : flows) {
        s += m_camIds[std::get<0>(k)] + ',' + m_camIds[std::get<1>(k)] + ',';
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
    m_summary.files << Simulator::fileNameFor(QStringLiteral("pairflows"));
}

/** cameras.csv (the register's columns) and zones.geojson. */
void SimulationRun::writeCameras() {
    Writer w(m_out.filePath(QStringLiteral("cameras.csv")));
    std::string s =
        "camera_id,name,site,lon,lat,directions,lanes,owner,operator,purpose,legal_basis,registered,"
        "installed,status,role,zone,source,source_id,notes\n";
    for (const Camera& c : m_city.cameras()) {
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
    m_summary.files.prepend(QStringLiteral("cameras.csv"));
    Writer z(m_out.filePath(QStringLiteral("zones.geojson")));
    z.write(DemoCity::districtsGeoJson().toStdString());
    z.close();
    m_summary.files.insert(1, QStringLiteral("zones.geojson"));
}

/** simulation.json: the parameters and what came out. */
void SimulationRun::writeParameters() {
    QJsonObject params{{QStringLiteral("cameras"), o.cameras},
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
    for (auto it = m_summary.tripsByType.cbegin(); it != m_summary.tripsByType.cend(); ++it)
        types.insert(it.key(), it.value());
    m_summary.files << QStringLiteral("simulation.json");
    QStringList filesBefore = m_summary.files;
    filesBefore.removeLast(); // the file lists what was written before it
    QJsonObject result{{QStringLiteral("trips"), m_summary.trips},
                       {QStringLiteral("trips_by_type"), types},
                       {QStringLiteral("passes"), m_summary.passes},
                       {QStringLiteral("reads"), m_summary.reads},
                       {QStringLiteral("duplicates"), m_summary.duplicates},
                       {QStringLiteral("files"), QJsonArray::fromStringList(filesBefore)}};
    QJsonObject doc{
        {QStringLiteral("generator"), QStringLiteral("stroom-cli simulate")},
        {QStringLiteral("parameters"), params},
        {QStringLiteral("result"), result},
        {QStringLiteral("zones_attribution"),
         QStringLiteral("Ghent districts: Stad Gent open data (Flemish model licence for free reuse)")}};
    Writer w(m_out.filePath(QStringLiteral("simulation.json")));
    w.write(QJsonDocument(doc).toJson().toStdString());
    w.close();
}

} // namespace stroom::simulation
