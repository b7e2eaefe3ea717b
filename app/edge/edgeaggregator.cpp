#include "edgeaggregator.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "common/vehicleclass.h"
#include "flows/flowcube.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stroom::edge {

namespace {

/** The fields of one simple CSV line (quotes allowed around a field, no line breaks inside). */
int splitCsv(std::string_view line, std::array<std::string_view, 6>& out) {
    int n = 0;
    std::size_t i = 0;
    while (n < 6) {
        if (i < line.size() && line[i] == '"') {
            const std::size_t end = line.find('"', i + 1);
            if (end == std::string_view::npos)
                return -1;
            out[static_cast<std::size_t>(n++)] = line.substr(i + 1, end - i - 1);
            i = end + 1;
            if (i < line.size() && line[i] != ',')
                return -1;
        } else {
            const std::size_t end = std::min(line.find(',', i), line.size());
            out[static_cast<std::size_t>(n++)] = line.substr(i, end - i);
            i = end;
        }
        if (i >= line.size())
            return n;
        ++i; // the comma
    }
    return n;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

} // namespace

EdgeAggregator::EdgeAggregator(EdgeOptions options, const QStringList& knownCameras, Sink sink)
    : m_o(std::move(options))
    , m_sink(std::move(sink))
    , m_policy(m_o.k, m_o.exact)
    , m_zone(m_o.timeZone) {
    if (sodium_init() < 0)
        throw Error::store(QStringLiteral("stroom-edge: no random numbers available"));
    if (!m_zone.isValid())
        throw Error::usage(
            QStringLiteral("stroom-edge: unknown time zone '%1'").arg(QString::fromLatin1(m_o.timeZone)));
    if (m_o.intervalMinutes < 1 || 1440 % m_o.intervalMinutes != 0)
        throw Error::usage(
            QStringLiteral("stroom-edge: --interval must divide a day (1, 5, 15, 60, 1440 …)"));
    // Record keys of the cell key method under a secret of this run only (in memory, like the plate keys).
    QByteArray secret(16, '\0');
    randombytes_buf(secret.data(), static_cast<std::size_t>(secret.size()));
    m_recordKeys = std::make_unique<RecordKeys>(secret);
    sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()));
    for (const QString& id : knownCameras) {
        bool known = false;
        cameraIndex(id.trimmed().toStdString(), &known);
    }
    m_restrictCameras = !knownCameras.isEmpty();
}

EdgeAggregator::~EdgeAggregator() {
    for (auto& kv : m_keys)
        sodium_memzero(kv.second.data(), kv.second.size());
    sodium_memzero(m_plate.data(), m_plate.size());
}

std::uint32_t EdgeAggregator::cameraIndex(std::string_view id, bool* known) {
    const auto it = m_cameraIndex.find(id);
    if (it != m_cameraIndex.end()) {
        *known = true;
        return it->second;
    }
    if (m_restrictCameras) {
        *known = false;
        return UINT32_MAX;
    }
    const auto index = static_cast<std::uint32_t>(m_cameraIds.size());
    m_cameraIds.push_back(QString::fromUtf8(id.data(), static_cast<int>(id.size())));
    m_cameraNames.emplace_back(id);
    m_cameraIndex.emplace(std::string_view(m_cameraNames.back()), index);
    *known = true;
    return index;
}

EdgeAggregator::VKey EdgeAggregator::keyOf(std::string_view plate, std::int64_t period) {
    auto it = m_keys.find(period);
    if (it == m_keys.end()) {
        std::array<unsigned char, 16> k{};
        randombytes_buf(k.data(), k.size());
        it = m_keys.emplace(period, k).first;
        ++m_stats.keyPeriods;
        // A period two behind has no open trip left (a trip ends within one gap of its last read).
        for (auto old = m_keys.begin(); old != m_keys.end() && old->first < period - 1;) {
            sodium_memzero(old->second.data(), old->second.size());
            old = m_keys.erase(old);
        }
    }
    PseudonymKeys::normalise(plate, m_plate);
    unsigned char out[crypto_shorthash_siphashx24_BYTES];
    crypto_shorthash_siphashx24(out, reinterpret_cast<const unsigned char*>(m_plate.data()), m_plate.size(),
                                it->second.data());
    sodium_memzero(m_plate.data(), m_plate.size());
    VKey k;
    std::memcpy(&k.a, out, 8);
    std::memcpy(&k.b, out + 8, 8);
    sodium_memzero(out, sizeof out);
    return k;
}

std::int64_t EdgeAggregator::intervalStart(std::int64_t t) {
    const std::int64_t length = static_cast<std::int64_t>(m_o.intervalMinutes) * 60;
    const std::int64_t local = t + m_zone.offsetAt(t);
    return t - (((local % length) + length) % length);
}

EdgeAggregator::Interval& EdgeAggregator::intervalOf(std::int64_t t) {
    if (m_cached && t >= m_cachedFrom && t < m_cachedTo)
        return *m_cached;
    const std::int64_t start = intervalStart(t);
    m_cached = &m_intervals[start]; // std::map: the reference stays valid until the interval is released
    m_cachedFrom = start;
    m_cachedTo = start + static_cast<std::int64_t>(m_o.intervalMinutes) * 60;
    // A clock change inside the interval shortens it; the next read outside looks it up again.
    if (intervalStart(m_cachedTo - 1) != start)
        m_cachedTo = m_cachedFrom + 1;
    return *m_cached;
}

std::int64_t EdgeAggregator::periodOf(std::int64_t t) {
    if (t >= m_periodFrom && t < m_periodTo)
        return m_period;
    m_period = PseudonymKeys::periodOf(m_zone, m_o.rotation, t);
    // The period holds for the rest of this hour at least (boundaries are whole local hours).
    m_periodFrom = t;
    m_periodTo = t - (t % 3600) + 3600;
    if (PseudonymKeys::periodOf(m_zone, m_o.rotation, m_periodTo - 1) != m_period)
        m_periodTo = t + 1;
    return m_period;
}

std::int64_t EdgeAggregator::openIntervalStart() const {
    return m_intervals.empty() ? INT64_MIN : m_intervals.rbegin()->first;
}

EdgeAggregator::Line EdgeAggregator::addLine(std::string_view line, QString* why) {
    ++m_stats.lines;
    line = trimmed(line);
    if (line.empty())
        return Line::Empty;
    std::array<std::string_view, 6> f;
    const int n = splitCsv(line, f);
    auto bad = [&](const QString& reason) {
        ++m_stats.bad;
        if (why)
            *why = reason;
        return Line::Bad;
    };
    if (n < 3)
        return bad(QStringLiteral("fewer than three fields (timestamp, camera_id, plate)"));
    const std::string_view time = trimmed(f[0]);
    if (time == "timestamp") // the header
        return Line::Header;
    std::int64_t t = 0;
    if (timeparse::parseIso(time, m_zone, &t) != timeparse::Result::Ok)
        return bad(QStringLiteral("the timestamp is not ISO 8601"));
    const std::string_view camera = trimmed(f[1]), plate = trimmed(f[2]);
    if (camera.empty())
        return bad(QStringLiteral("no camera"));
    if (plate.empty())
        return bad(QStringLiteral("no plate"));
    int cls = vehicleclass::Unknown;
    if (n >= 4 && !trimmed(f[3]).empty()) {
        const std::string_view label = trimmed(f[3]);
        if (label != m_lastClassLabel) { // a feed repeats a handful of labels
            m_lastClassLabel.assign(label.data(), label.size());
            m_lastClass = vehicleclass::fromLabel(label);
        }
        cls = m_lastClass < 0 ? static_cast<int>(vehicleclass::Unknown) : m_lastClass;
    }
    return addRead(t, camera, plate, cls);
}

EdgeAggregator::Line EdgeAggregator::addRead(std::int64_t t, std::string_view camera, std::string_view plate,
                                             int cls) {
    const std::int64_t watermark = m_maxSeen == INT64_MIN ? INT64_MIN : m_maxSeen - m_o.latenessSeconds;
    if (t < watermark || t < m_closedBefore) {
        ++m_stats.late;
        return Line::Late;
    }
    bool known = false;
    const std::uint32_t cam = cameraIndex(camera, &known);
    if (!known) {
        ++m_stats.unknownCamera;
        return Line::UnknownCamera;
    }
    ++m_stats.reads;
    const std::int64_t period = periodOf(t);
    const VKey key = keyOf(plate, period);
    auto [slot, fresh] = m_vehicles.emplace(key);
    Vehicle& v = *slot;
    if (fresh) {
        // The same plate in the same key period is the same vehicle, even after its state went (a new trip
        // an hour later is still one vehicle in that hour's distinct count, as in Stroom).
        v.id = key.a;
        v.period = period;
        m_stats.vehicles = m_vehicles.size();
        m_stats.peakVehicles = std::max(m_stats.peakVehicles, m_stats.vehicles);
    }
    // §5.1: a read at the same camera within the window of any earlier read (kept or not) is a duplicate.
    bool duplicate = false;
    {
        const auto t32 = static_cast<std::uint32_t>(t);
        std::uint8_t kept = 0, at = UINT8_MAX;
        for (std::uint8_t i = 0; i < v.recentCount; ++i) {
            const Vehicle::Recent r = v.recent[i];
            if (t - static_cast<std::int64_t>(r.t) > m_o.trip.dedupeSeconds)
                continue; // out of the window: dropped
            if (r.camera == cam) {
                duplicate = duplicate || r.t <= t32;
                at = kept;
            }
            v.recent[kept++] = r;
        }
        if (at < kept) {
            v.recent[at].t = std::max(v.recent[at].t, t32);
        } else {
            if (kept == v.recent.size()) { // four other cameras within the window: the oldest goes
                std::move(v.recent.begin() + 1, v.recent.end(), v.recent.begin());
                --kept;
            }
            v.recent[kept++] = Vehicle::Recent{cam, t32};
        }
        v.recentCount = kept;
    }
    v.lastAny = std::max(v.lastAny, t);
    if (duplicate) {
        ++m_stats.duplicates;
    } else {
        // §5.2: a gap longer than the trip gap starts a new trip.
        if (v.open && t - v.last > m_o.trip.gapSeconds)
            closeTrip(v);
        if (!v.open) {
            v.open = true;
            v.start = t;
            v.origin = cam;
            v.reads = 0;
            v.cls = static_cast<std::uint8_t>(cls); // the trip's class is its first kept read's
        }
        v.last = std::max(v.last, t);
        v.lastCamera = cam;
        ++v.reads;
        // The passage, in the interval of its read, with the trip's class (as Stroom's cube counts it).
        CountCell& c = intervalOf(t).counts[static_cast<std::uint64_t>(cam) << 8 | v.cls];
        ++c.passages;
        c.readKeys += m_recordKeys->read(keyIdOf(v.id), t, cam);
        if (c.vehicles.empty() || c.vehicles.back() != v.id)
            c.vehicles.push_back(v.id);
    }
    if (!v.queued)
        schedule(key, v);
    if (t > m_maxSeen) {
        m_maxSeen = t;
        advanceTo(t);
    }
    return Line::Read;
}

EdgeAggregator::VehicleTable::VehicleTable() {
    clear();
}

void EdgeAggregator::VehicleTable::clear() {
    m_slots.assign(1 << 12, Slot()); // grows by doubling: a small town keeps a small, cache-friendly table
    m_mask = m_slots.size() - 1;
    m_size = 0;
}

void EdgeAggregator::VehicleTable::grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    m_mask = m_slots.size() - 1;
    for (Slot& s : old) {
        if (!s.used)
            continue;
        std::size_t i = slotOf(s.key);
        while (m_slots[i].used)
            i = (i + 1) & m_mask;
        m_slots[i] = std::move(s);
    }
}

EdgeAggregator::Vehicle* EdgeAggregator::VehicleTable::find(const VKey& key) {
    for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
        Slot& s = m_slots[i];
        if (!s.used)
            return nullptr;
        if (s.key == key)
            return &s.v;
    }
}

std::pair<EdgeAggregator::Vehicle*, bool> EdgeAggregator::VehicleTable::emplace(const VKey& key) {
    if ((m_size + 1) * 2 > m_slots.size()) // at most half full: probes stay short
        grow();
    std::size_t i = slotOf(key);
    for (; m_slots[i].used; i = (i + 1) & m_mask)
        if (m_slots[i].key == key)
            return {&m_slots[i].v, false};
    m_slots[i].used = true;
    m_slots[i].key = key;
    m_slots[i].v = Vehicle();
    ++m_size;
    return {&m_slots[i].v, true};
}

void EdgeAggregator::VehicleTable::erase(const VKey& key) {
    std::size_t i = slotOf(key);
    while (m_slots[i].used && !(m_slots[i].key == key))
        i = (i + 1) & m_mask;
    if (!m_slots[i].used)
        return;
    // Backward shift: later slots of the run move up when their home lies at or before the hole.
    for (std::size_t j = (i + 1) & m_mask; m_slots[j].used; j = (j + 1) & m_mask) {
        const std::size_t home = slotOf(m_slots[j].key);
        const bool movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            m_slots[i] = std::move(m_slots[j]);
            i = j;
        }
    }
    m_slots[i].used = false;
    --m_size;
}

void EdgeAggregator::schedule(const VKey& key, Vehicle& v) {
    // One entry per vehicle: when its trip can have ended, or else when its duplicate window has passed.
    m_deadlines.push(
        Deadline{v.open ? v.last + m_o.trip.gapSeconds : v.lastAny + m_o.trip.dedupeSeconds, key});
    v.queued = true;
}

void EdgeAggregator::closeTrip(Vehicle& v) {
    if (!v.open)
        return;
    v.open = false;
    ++m_stats.trips;
    if (v.reads < 2) {
        ++m_stats.singleReadTrips; // counted apart, never in the flows (DESIGN §5.3)
        return;
    }
    const std::int64_t interval = intervalStart(v.last);
    if (interval < m_closedBefore) { // cannot happen with ordered deadlines; never reopen a released one
        ++m_stats.late;
        return;
    }
    FlowCell& f = intervalOf(v.last).flows[static_cast<std::uint64_t>(v.origin) << 32 | v.lastCamera];
    ++f.trips;
    f.seconds += v.last - v.start;
    f.keys += m_recordKeys->trip(keyIdOf(v.id), v.start, v.origin);
    f.vehicles.push_back(v.id);
}

void EdgeAggregator::expire(std::int64_t watermark) {
    while (!m_deadlines.empty() && m_deadlines.top().at < watermark) {
        const VKey key = m_deadlines.top().vehicle;
        m_deadlines.pop();
        Vehicle* found = m_vehicles.find(key);
        if (!found)
            continue;
        Vehicle& v = *found;
        v.queued = false;
        if (v.open && v.last + m_o.trip.gapSeconds < watermark)
            closeTrip(v);
        if (!v.open && v.lastAny + m_o.trip.dedupeSeconds < watermark) {
            m_vehicles.erase(key);
            m_stats.vehicles = m_vehicles.size();
            continue;
        }
        schedule(key, v); // still going: look again later
    }
}

void EdgeAggregator::advanceTo(std::int64_t utc) {
    const std::int64_t watermark = utc - m_o.latenessSeconds;
    expire(watermark);
    // An interval is final once every trip that can end in it has ended: its end plus one gap is past.
    const std::int64_t length = static_cast<std::int64_t>(m_o.intervalMinutes) * 60;
    while (!m_intervals.empty()) {
        auto first = m_intervals.begin();
        const std::int64_t end = first->first + length;
        if (end + m_o.trip.gapSeconds >= watermark)
            break;
        Interval iv = std::move(first->second);
        const std::int64_t start = first->first;
        if (m_cached == &first->second)
            m_cached = nullptr;
        m_intervals.erase(first);
        m_closedBefore = std::max(m_closedBefore, end);
        release(start, iv);
    }
}

void EdgeAggregator::finish() {
    m_vehicles.forEach([this](Vehicle& v) { closeTrip(v); });
    m_vehicles.clear();
    m_deadlines = decltype(m_deadlines)();
    m_stats.vehicles = 0;
    m_cached = nullptr;
    while (!m_intervals.empty()) {
        auto first = m_intervals.begin();
        Interval iv = std::move(first->second);
        const std::int64_t start = first->first;
        m_intervals.erase(first);
        release(start, iv);
    }
}

void EdgeAggregator::release(std::int64_t start, Interval& iv) {
    // Through the one policy, as Stroom releases its own counts and flows.
    // Distinct vehicles per cell (sorted once), each with its record key.
    const auto distinct = [&](std::vector<std::uint64_t>& vehicles, std::uint32_t* keys) {
        std::sort(vehicles.begin(), vehicles.end());
        vehicles.erase(std::unique(vehicles.begin(), vehicles.end()), vehicles.end());
        if (keys)
            for (const std::uint64_t id : vehicles)
                *keys += m_recordKeys->vehicle(keyIdOf(id), 0); // ids are per key period already
        return static_cast<std::int64_t>(vehicles.size());
    };
    RawCounts counts;
    for (auto& [key, c] : iv.counts) {
        RawCounts::Cell cell;
        cell.camera = static_cast<std::uint32_t>(key >> 8);
        cell.cls = static_cast<int>(key & 0xff);
        std::uint32_t vehicleKeys = 0;
        const std::int64_t vehicles = distinct(c.vehicles, &vehicleKeys);
        cell.passages = RawFigure{c.passages, vehicles, c.readKeys};
        cell.vehicles = RawFigure{vehicles, vehicles, vehicleKeys};
        counts.cells.push_back(cell);
    }
    std::sort(counts.cells.begin(), counts.cells.end(),
              [](const RawCounts::Cell& a, const RawCounts::Cell& b) {
                  return std::tie(a.camera, a.cls) < std::tie(b.camera, b.cls);
              });
    RawOd od;
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> mean;
    for (auto& [key, f] : iv.flows) {
        const std::pair<std::uint32_t, std::uint32_t> pair{static_cast<std::uint32_t>(key >> 32),
                                                           static_cast<std::uint32_t>(key & 0xffffffffu)};
        od.cells.push_back(
            RawOd::Cell{pair.first, pair.second, RawFigure{f.trips, distinct(f.vehicles, nullptr), f.keys}});
        mean[pair] = std::round(static_cast<double>(f.seconds) / static_cast<double>(f.trips) / 10.0) * 10.0;
    }
    std::sort(od.cells.begin(), od.cells.end(), [](const RawOd::Cell& a, const RawOd::Cell& b) {
        return std::tie(a.origin, a.destination) < std::tie(b.origin, b.destination);
    });
    const PublishedCounts pc = counts.publish(m_policy);
    const OdMatrix m = od.publish(m_policy);
    EdgeInterval out;
    out.start = start;
    out.minutes = m_o.intervalMinutes;
    out.exact = m_o.exact;
    out.k = m_o.k;
    for (const CameraCount& c : pc.rows)
        out.counts.push_back(EdgeInterval::Count{m_cameraIds[c.camera], c.cls, c.passages, c.vehicles});
    out.suppressedCounts = pc.suppressed;
    for (const OdFlow& f : m.flows)
        out.flows.push_back(EdgeInterval::Flow{m_cameraIds[f.origin], m_cameraIds[f.destination], f.trips,
                                               mean[{f.origin, f.destination}]});
    out.suppressedFlows = m.suppressed;
    ++m_stats.intervals;
    m_sink(out);
}

} // namespace stroom::edge
