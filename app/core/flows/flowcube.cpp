#include "flows/flowcube.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"

#include <QStringList>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace stroom {

namespace {
std::int64_t dayOf(const QDate& d) {
    return timefmt::daysFromCivil(d.year(), d.month(), d.day());
}
/** 1970-01-01 was a Thursday: day 0 → ISO weekday 4. */
int isoWeekday(std::int64_t day) {
    return static_cast<int>(((day % 7) + 7 + 3) % 7) + 1;
}

template <typename Cell, typename Less, typename Same, typename Merge>
void compact(std::vector<Cell>& cells, Less less, Same same, Merge merge) {
    std::sort(cells.begin(), cells.end(), less);
    std::size_t w = 0;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (w > 0 && same(cells[w - 1], cells[r]))
            merge(cells[w - 1], cells[r]);
        else
            cells[w++] = cells[r];
    }
    cells.resize(w);
}
} // namespace

bool FlowFilter::acceptsDay(std::int64_t day) const {
    if (from.isValid() && day < dayOf(from))
        return false;
    if (to.isValid() && day > dayOf(to))
        return false;
    if (days == Days::All)
        return true;
    const bool weekend = isoWeekday(day) >= 6;
    return days == Days::Weekend ? weekend : !weekend;
}

OriginShares::OriginShares(const OdMatrix& matrix) {
    for (const OdFlow& f : matrix.flows)
        m_fromOrigin[f.origin] += f.trips;
}

double OriginShares::of(const OdFlow& flow) const {
    const auto it = m_fromOrigin.find(flow.origin);
    return it == m_fromOrigin.end() || it->second <= 0
               ? 0.0
               : 100.0 * static_cast<double>(flow.trips) / static_cast<double>(it->second);
}

bool FlowFilter::set(const QString& key, const QString& value) {
    if (key == QLatin1String("from") || key == QLatin1String("to")) {
        const QDate d = QDate::fromString(value, Qt::ISODate);
        if (!d.isValid())
            throw Error::usage(QStringLiteral("--%1 must be a date yyyy-mm-dd (got '%2')").arg(key, value));
        (key == QLatin1String("from") ? from : to) = d;
        if (from.isValid() && to.isValid() && to < from)
            throw Error::usage(QStringLiteral("--to is before --from"));
    } else if (key == QLatin1String("days")) {
        if (value == QLatin1String("weekday"))
            days = Days::Weekday;
        else if (value == QLatin1String("weekend"))
            days = Days::Weekend;
        else if (value == QLatin1String("all"))
            days = Days::All;
        else
            throw Error::usage(QStringLiteral("--days is all, weekday or weekend (got '%1')").arg(value));
    } else if (key == QLatin1String("hours")) {
        const QStringList hh = value.split(QLatin1Char('-'));
        bool ok1 = false, ok2 = false;
        const int a = hh.value(0).toInt(&ok1), b = hh.value(1).toInt(&ok2);
        if (hh.size() != 2 || !ok1 || !ok2 || a < 0 || b > 24 || a >= b)
            throw Error::usage(
                QStringLiteral("--hours is H1-H2 with 0 <= H1 < H2 <= 24 (got '%1')").arg(value));
        hourFrom = a;
        hourTo = b;
    } else if (key == QLatin1String("class")) {
        for (const QString& c : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QByteArray u = c.trimmed().toUtf8();
            const int code =
                vehicleclass::fromLabel(std::string_view(u.constData(), static_cast<std::size_t>(u.size())));
            if (code < 0)
                throw Error::usage(
                    QStringLiteral("--class: unknown class '%1' (car, van, truck, bus, motorcycle, unknown)")
                        .arg(c));
            classMask |= 1u << code;
        }
    } else if (key == QLatin1String("through")) {
        throughOnly = true;
    } else {
        return false;
    }
    return true;
}

QString FlowFilter::describe() const {
    QStringList parts;
    if (from.isValid() || to.isValid())
        parts << QStringLiteral("%1..%2").arg(from.isValid() ? from.toString(Qt::ISODate) : QString(),
                                              to.isValid() ? to.toString(Qt::ISODate) : QString());
    if (days != Days::All)
        parts << (days == Days::Weekday ? QStringLiteral("weekday") : QStringLiteral("weekend"));
    if (hourFrom != 0 || hourTo != 24)
        parts << QStringLiteral("%1-%2 h").arg(hourFrom).arg(hourTo);
    if (classMask != 0) {
        QStringList c;
        for (int i = 0; i < vehicleclass::kCount; ++i)
            if (classMask >> i & 1u)
                c << QString::fromLatin1(vehicleclass::key(i));
        parts << c.join(QLatin1Char(','));
    }
    if (throughOnly)
        parts << QStringLiteral("through");
    return parts.isEmpty() ? QStringLiteral("all") : parts.join(QStringLiteral(", "));
}

void FlowCube::localDayHour(std::int64_t utc, LocalTime& zone, std::int64_t* day, int* hour) {
    const std::int64_t local = utc + zone.offsetAt(utc);
    *day = timefmt::epochDay(local);
    *hour = static_cast<int>((local - *day * 86400) / 3600);
}

void FlowCube::addTrips(const TripSet& set, LocalTime& zone) {
    std::map<std::int64_t, std::vector<OdCell>> fresh;
    for (const Trip& t : set.trips) {
        std::int64_t day;
        int hour;
        localDayHour(t.start, zone, &day, &hour);
        fresh[day].push_back(OdCell{t.origin, t.destination, static_cast<std::uint8_t>(hour), t.cls,
                                    static_cast<std::uint8_t>(t.kind),
                                    static_cast<std::uint8_t>(t.reads == 1 ? 1 : 0), 1});
    }
    for (auto& [day, cells] : fresh) {
        auto& target = m_od[day];
        target.insert(target.end(), cells.begin(), cells.end());
        compact(
            target,
            [](const OdCell& a, const OdCell& b) {
                return std::tie(a.origin, a.destination, a.hour, a.cls, a.kind, a.single) <
                       std::tie(b.origin, b.destination, b.hour, b.cls, b.kind, b.single);
            },
            [](const OdCell& a, const OdCell& b) {
                return a.origin == b.origin && a.destination == b.destination && a.hour == b.hour &&
                       a.cls == b.cls && a.kind == b.kind && a.single == b.single;
            },
            [](OdCell& a, const OdCell& b) { a.trips += b.trips; });
    }
}

void FlowCube::addCounts(const TripSet& set, LocalTime& zone) {
    // Kept reads are the trips' paths; a vehicle's trips are consecutive in the set.
    struct Key {
        std::int64_t day;
        std::uint32_t camera;
        std::uint8_t hour, cls;
        bool operator==(const Key& o) const {
            return day == o.day && camera == o.camera && hour == o.hour && cls == o.cls;
        }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return std::hash<std::int64_t>()(k.day * 1000003 + k.camera * 131 + k.hour * 7 + k.cls);
        }
    };
    std::map<std::int64_t, std::vector<CountCell>> fresh;
    std::unordered_set<Key, KeyHash> seenByVehicle;
    std::uint32_t currentVehicle = 0;
    bool first = true;
    for (const Trip& t : set.trips) {
        if (first || t.vehicle != currentVehicle) {
            seenByVehicle.clear();
            currentVehicle = t.vehicle;
            first = false;
        }
        for (std::uint32_t i = 0; i < t.reads; ++i) {
            const std::uint32_t cam = set.path[t.pathOffset + i];
            std::int64_t day;
            int hour;
            localDayHour(t.start + set.pathTimes[t.pathOffset + i], zone, &day, &hour);
            const Key k{day, cam, static_cast<std::uint8_t>(hour), t.cls};
            const bool newVehicle = seenByVehicle.insert(k).second;
            fresh[day].push_back(
                CountCell{cam, static_cast<std::uint8_t>(hour), t.cls, 0, 0, 1, newVehicle ? 1u : 0u});
        }
    }
    for (auto& [day, cells] : fresh) {
        auto& target = m_counts[day];
        target.insert(target.end(), cells.begin(), cells.end());
        compact(
            target,
            [](const CountCell& a, const CountCell& b) {
                return std::tie(a.camera, a.hour, a.cls) < std::tie(b.camera, b.hour, b.cls);
            },
            [](const CountCell& a, const CountCell& b) {
                return a.camera == b.camera && a.hour == b.hour && a.cls == b.cls;
            },
            [](CountCell& a, const CountCell& b) {
                a.passages += b.passages;
                a.vehicles += b.vehicles;
            });
    }
}

void FlowCube::mergeHoursBefore(const FlowCube& other, std::int64_t day, int hour) {
    if (const auto it = other.m_od.find(day); it != other.m_od.end()) {
        auto& target = m_od[day];
        for (const OdCell& c : it->second)
            if (c.hour < hour)
                target.push_back(c);
        std::sort(target.begin(), target.end(), [](const OdCell& a, const OdCell& b) {
            return std::tie(a.origin, a.destination, a.hour, a.cls, a.kind, a.single) <
                   std::tie(b.origin, b.destination, b.hour, b.cls, b.kind, b.single);
        });
        if (target.empty())
            m_od.erase(day);
    }
    if (const auto it = other.m_counts.find(day); it != other.m_counts.end()) {
        auto& target = m_counts[day];
        for (const CountCell& c : it->second)
            if (c.hour < hour)
                target.push_back(c);
        std::sort(target.begin(), target.end(), [](const CountCell& a, const CountCell& b) {
            return std::tie(a.camera, a.hour, a.cls) < std::tie(b.camera, b.hour, b.cls);
        });
        if (target.empty())
            m_counts.erase(day);
    }
}

void FlowCube::dropFrom(std::int64_t day) {
    m_od.erase(m_od.lower_bound(day), m_od.end());
    m_counts.erase(m_counts.lower_bound(day), m_counts.end());
}

void FlowCube::clear() {
    m_od.clear();
    m_counts.clear();
}

OdMatrix FlowCube::od(const FlowFilter& f, const std::vector<int>& group) const {
    OdMatrix m;
    const bool grouped = !group.empty();
    auto key = [&](std::uint32_t camera) -> std::int64_t {
        if (!grouped)
            return camera;
        return camera < group.size() ? group[camera] : -1;
    };
    std::unordered_map<std::uint64_t, std::int64_t> acc;
    acc.reserve(4096);
    for (const auto& [day, cells] : m_od) {
        if (!f.acceptsDay(day))
            continue;
        for (const OdCell& c : cells) {
            if (c.hour < f.hourFrom || c.hour >= f.hourTo || !f.acceptsClass(c.cls))
                continue;
            if (f.throughOnly && c.kind != static_cast<std::uint8_t>(TripKind::Through))
                continue;
            if (c.single) {
                m.singleReadTrips += c.trips;
                continue;
            }
            const std::int64_t o = key(c.origin), d = key(c.destination);
            if (o < 0 || d < 0)
                continue;
            acc[static_cast<std::uint64_t>(o) << 32 | static_cast<std::uint64_t>(d)] += c.trips;
            m.trips += c.trips;
            m.byKind[c.kind & 3] += c.trips;
        }
    }
    m.throughTrips = m.byKind[static_cast<int>(TripKind::Through)];
    m.flows.reserve(acc.size());
    for (const auto& [k, n] : acc)
        m.flows.push_back(
            OdFlow{static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k & 0xffffffffu), n});
    std::sort(m.flows.begin(), m.flows.end(), [](const OdFlow& a, const OdFlow& b) {
        return std::tie(a.origin, a.destination) < std::tie(b.origin, b.destination);
    });
    return m;
}

std::vector<CameraCount> FlowCube::counts(const FlowFilter& f, bool perHour, bool perClass) const {
    std::map<std::tuple<std::uint32_t, std::int64_t, int>, std::pair<std::int64_t, std::int64_t>> acc;
    for (const auto& [day, cells] : m_counts) {
        if (!f.acceptsDay(day))
            continue;
        for (const CountCell& c : cells) {
            if (c.hour < f.hourFrom || c.hour >= f.hourTo || !f.acceptsClass(c.cls))
                continue;
            const std::int64_t period = perHour ? day * 24 + c.hour : day;
            auto& a = acc[{c.camera, period, perClass ? c.cls : -1}];
            a.first += c.passages;
            // Distinct vehicles add up across hours of a day only approximately (a vehicle seen in two hours
            // counts twice); per day the cube keeps hours apart, so per-day figures sum hourly distinct
            // counts.
            a.second += c.vehicles;
        }
    }
    std::vector<CameraCount> out;
    out.reserve(acc.size());
    for (const auto& [k, v] : acc)
        out.push_back(CameraCount{std::get<0>(k), std::get<1>(k), std::get<2>(k), v.first, v.second});
    return out;
}

std::vector<std::int64_t> FlowCube::days() const {
    std::vector<std::int64_t> out;
    for (const auto& kv : m_od)
        out.push_back(kv.first);
    for (const auto& kv : m_counts)
        if (!m_od.count(kv.first))
            out.push_back(kv.first);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t FlowCube::cellCount() const {
    std::size_t n = 0;
    for (const auto& kv : m_od)
        n += kv.second.size();
    for (const auto& kv : m_counts)
        n += kv.second.size();
    return n;
}

namespace {
template <typename Cell>
QByteArray pack(const std::map<std::int64_t, std::vector<Cell>>& m, std::int64_t day) {
    const auto it = m.find(day);
    if (it == m.end())
        return QByteArray();
    static_assert(std::is_trivially_copyable_v<Cell>);
    return QByteArray(reinterpret_cast<const char*>(it->second.data()),
                      static_cast<int>(it->second.size() * sizeof(Cell)));
}
template <typename Cell>
void unpack(std::map<std::int64_t, std::vector<Cell>>& m, std::int64_t day, const QByteArray& blob) {
    std::vector<Cell> cells(static_cast<std::size_t>(blob.size()) / sizeof(Cell));
    std::memcpy(cells.data(), blob.constData(), cells.size() * sizeof(Cell));
    if (!cells.empty())
        m[day] = std::move(cells);
}
} // namespace

QByteArray FlowCube::packOd(std::int64_t day) const {
    return pack(m_od, day);
}
QByteArray FlowCube::packCounts(std::int64_t day) const {
    return pack(m_counts, day);
}
void FlowCube::unpackOd(std::int64_t day, const QByteArray& blob) {
    unpack(m_od, day, blob);
}
void FlowCube::unpackCounts(std::int64_t day, const QByteArray& blob) {
    unpack(m_counts, day, blob);
}

} // namespace stroom
