#include "flows/flowcube.h"

#include "common/radixsort.h"

#include <QCoreApplication>
#include <QLocale>

#include "common/error.h"
#include "common/timeformat.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"
#include "privacy/recordkeys.h"

#include <QStringList>

#include <algorithm>
#include <cstring>
#include <iterator>
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

/** Sorted \a cells: each run of the same cell becomes one (\a merge adds the next into it). */
template <typename Cell, typename Same, typename Merge>
void mergeEqual(std::vector<Cell>& cells, Same same, Merge merge) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (w > 0 && same(cells[w - 1], cells[r]))
            merge(cells[w - 1], cells[r]);
        else
            cells[w++] = cells[r];
    }
    cells.resize(w);
}

template <typename Cell, typename Less, typename Same, typename Merge>
void compact(std::vector<Cell>& cells, Less less, Same same, Merge merge) {
    std::sort(cells.begin(), cells.end(), less);
    mergeEqual(cells, same, merge);
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

QString FlowFilter::describeForPeople() const {
    auto tr = [](const char* text) { return QCoreApplication::translate("FlowFilter", text); };
    QStringList parts;
    const QLocale loc;
    if (from.isValid() && to.isValid())
        parts << tr("%1 to %2")
                     .arg(loc.toString(from, QLocale::ShortFormat), loc.toString(to, QLocale::ShortFormat));
    else if (from.isValid())
        parts << tr("from %1").arg(loc.toString(from, QLocale::ShortFormat));
    else if (to.isValid())
        parts << tr("until %1").arg(loc.toString(to, QLocale::ShortFormat));
    if (days != Days::All)
        parts << (days == Days::Weekday ? tr("weekdays") : tr("weekends"));
    if (hourFrom != 0 || hourTo != 24)
        parts << tr("%1–%2 h").arg(hourFrom).arg(hourTo);
    if (classMask != 0) {
        QStringList c;
        for (int i = 0; i < vehicleclass::kCount; ++i)
            if (classMask >> i & 1u)
                c << vehicleclass::label(i).toLower();
        parts << c.join(QStringLiteral(", "));
    }
    if (throughOnly)
        parts << tr("through traffic only");
    return parts.join(QStringLiteral("; "));
}

void FlowCube::localDayHour(std::int64_t utc, LocalTime& zone, std::int64_t* day, int* hour) {
    const std::int64_t local = utc + zone.offsetAt(utc);
    *day = timefmt::epochDay(local);
    *hour = static_cast<int>((local - *day * 86400) / 3600);
}

namespace {
// Function objects, not functions: std::sort inlines them (a function pointer cost a tenth of a trip build).
struct OdLess {
    bool operator()(const FlowCube::OdCell& a, const FlowCube::OdCell& b) const {
        return std::tie(a.origin, a.destination, a.hour, a.cls, a.kind, a.single, a.vehicle) <
               std::tie(b.origin, b.destination, b.hour, b.cls, b.kind, b.single, b.vehicle);
    }
};
struct CountLess {
    bool operator()(const FlowCube::CountCell& a, const FlowCube::CountCell& b) const {
        return std::tie(a.camera, a.hour, a.cls, a.vehicle) < std::tie(b.camera, b.hour, b.cls, b.vehicle);
    }
};
constexpr OdLess odLess;
constexpr CountLess countLess;
} // namespace

void FlowCube::addTrips(const TripSet& set, LocalTime& zone, const RecordKeys& keys) {
    std::map<std::int64_t, std::vector<OdCell>> fresh;
    for (const Trip& t : set.trips) {
        std::int64_t day;
        int hour;
        localDayHour(t.start, zone, &day, &hour);
        fresh[day].push_back(OdCell{t.origin, t.destination, t.vehicle,
                                    keys.trip(t.vehicle, t.start, t.origin), 1,
                                    static_cast<std::uint8_t>(hour), t.cls, static_cast<std::uint8_t>(t.kind),
                                    static_cast<std::uint8_t>(t.reads == 1 ? 1 : 0)});
    }
    for (auto& [day, cells] : fresh) {
        auto& target = m_od[day];
        if (target.empty())
            target.swap(cells);
        else
            target.insert(target.end(), cells.begin(), cells.end());
        compact(
            target, odLess, [](const OdCell& a, const OdCell& b) { return !odLess(a, b) && !odLess(b, a); },
            [](OdCell& a, const OdCell& b) {
                a.trips += b.trips;
                a.key += b.key; // keys add mod 1 (32-bit fractions wrap)
            });
    }
}

void FlowCube::addCounts(const TripSet& set, LocalTime& zone, const RecordKeys& keys) {
    // Kept reads are the trips' paths: a cell per read, merged per (camera, hour, class, vehicle). The cells
    // of the set's first day (nearly all) are made straight into a place per camera, and each camera's
    // sorted while it is in the cache; the few of other days (past midnight) go to their day's list.
    std::uint32_t maxCamera = 0;
    std::size_t n = 0;
    for (const Trip& t : set.trips) {
        for (std::uint32_t i = 0; i < t.reads; ++i)
            maxCamera = std::max(maxCamera, set.path[t.pathOffset + i]);
        n += t.reads;
    }
    if (n == 0)
        return;
    const bool placed = maxCamera < (1u << 20); // else every day's cells in a list, sorted whole
    std::int64_t mainDay = INT64_MIN;
    std::vector<std::size_t> from, fill;
    std::vector<CountCell> main;
    if (placed) {
        int hour = 0;
        localDayHour(set.trips.front().start, zone, &mainDay, &hour);
        from.assign(maxCamera + 2, 0);
        for (const Trip& t : set.trips)
            for (std::uint32_t i = 0; i < t.reads; ++i)
                ++from[set.path[t.pathOffset + i] + 1];
        for (std::size_t c = 1; c < from.size(); ++c)
            from[c] += from[c - 1];
        fill.assign(from.begin(), from.end() - 1);
        main.resize(n);
    }
    std::map<std::int64_t, std::vector<CountCell>> fresh;
    std::uint32_t keyVehicle = 0, vehicleKey = 0;
    std::int64_t keyDay = INT64_MIN;
    for (const Trip& t : set.trips) {
        for (std::uint32_t i = 0; i < t.reads; ++i) {
            const std::uint32_t cam = set.path[t.pathOffset + i];
            const std::int64_t at = t.start + set.pathTimes[t.pathOffset + i];
            std::int64_t day;
            int hour;
            localDayHour(at, zone, &day, &hour);
            // A trip's reads share their vehicle and mostly their day: its key of the day is made once.
            if (day != keyDay || t.vehicle != keyVehicle) {
                vehicleKey = keys.vehicle(t.vehicle, day);
                keyDay = day;
                keyVehicle = t.vehicle;
            }
            const CountCell cell{cam,        t.vehicle, keys.read(t.vehicle, at, cam),
                                 vehicleKey, 1,         static_cast<std::uint8_t>(hour),
                                 t.cls,      0,         0};
            if (day == mainDay)
                main[fill[cam]++] = cell;
            else
                fresh[day].push_back(cell);
        }
    }
    const auto same = [](const CountCell& a, const CountCell& b) {
        return !countLess(a, b) && !countLess(b, a);
    };
    const auto merge = [](CountCell& a, const CountCell& b) {
        a.passages += b.passages;
        a.readKeys += b.readKeys;
    };
    if (placed) {
        // Each camera's cells by (hour, class, vehicle), merged and moved up behind the cameras before.
        std::size_t w = 0;
        for (std::size_t c = 0; c + 1 < from.size(); ++c) {
            CountCell* first = main.data() + from[c];
            const std::size_t count = fill[c] - from[c];
            radixSort(first, count, [](const CountCell& x) {
                return static_cast<std::uint64_t>(x.hour) << 40 | static_cast<std::uint64_t>(x.cls) << 32 |
                       x.vehicle;
            });
            for (std::size_t r = 0; r < count; ++r) {
                if (w > 0 && same(main[w - 1], first[r]))
                    merge(main[w - 1], first[r]);
                else
                    main[w++] = first[r];
            }
        }
        main.resize(w);
        auto& target = m_counts[mainDay];
        if (target.empty()) {
            target.swap(main);
        } else {
            target.insert(target.end(), main.begin(), main.end());
            fresh[mainDay]; // sorted again with the cells there were
        }
    }
    for (auto& [day, dayCells] : fresh) {
        auto& target = m_counts[day];
        if (target.empty())
            target.swap(dayCells);
        else
            target.insert(target.end(), dayCells.begin(), dayCells.end());
        std::vector<CountCell>().swap(dayCells);
        std::sort(target.begin(), target.end(), countLess);
        mergeEqual(target, same, merge);
    }
}

void FlowCube::mergeHoursBefore(const FlowCube& other, std::int64_t day, int hour) {
    if (const auto it = other.m_od.find(day); it != other.m_od.end()) {
        auto& target = m_od[day];
        for (const OdCell& c : it->second)
            if (c.hour < hour)
                target.push_back(c);
        std::sort(target.begin(), target.end(), odLess);
        if (target.empty())
            m_od.erase(day);
    }
    if (const auto it = other.m_counts.find(day); it != other.m_counts.end()) {
        auto& target = m_counts[day];
        for (const CountCell& c : it->second)
            if (c.hour < hour)
                target.push_back(c);
        std::sort(target.begin(), target.end(), countLess);
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

namespace {
/** Both sorted and compact: merged in one pass (no sort), equal cells added. */
template <typename Cell, typename Less, typename Merge>
void absorbSorted(std::map<std::int64_t, std::vector<Cell>>& into,
                  std::map<std::int64_t, std::vector<Cell>>& from, Less less, Merge add) {
    for (auto& [day, cells] : from) {
        auto& target = into[day];
        if (target.empty()) {
            target = std::move(cells);
            continue;
        }
        std::vector<Cell> merged;
        merged.reserve(target.size() + cells.size());
        std::merge(target.begin(), target.end(), cells.begin(), cells.end(), std::back_inserter(merged),
                   less);
        std::size_t w = 0;
        for (std::size_t r = 0; r < merged.size(); ++r) {
            if (w > 0 && !less(merged[w - 1], merged[r]) && !less(merged[r], merged[w - 1]))
                add(merged[w - 1], merged[r]);
            else
                merged[w++] = merged[r];
        }
        merged.resize(w);
        target = std::move(merged);
    }
    from.clear();
}
} // namespace

void FlowCube::absorb(FlowCube&& other) {
    absorbSorted(m_od, other.m_od, odLess, [](OdCell& a, const OdCell& b) {
        a.trips += b.trips;
        a.key += b.key;
    });
    absorbSorted(m_counts, other.m_counts, countLess, [](CountCell& a, const CountCell& b) {
        a.passages += b.passages;
        a.readKeys += b.readKeys;
    });
}

void FlowCube::replaceOd(std::int64_t localDay, FlowCube&& other) {
    const auto it = other.m_od.find(localDay);
    if (it == other.m_od.end())
        m_od.erase(localDay);
    else
        m_od[localDay] = std::move(it->second);
    other.clear();
}

void FlowCube::replaceOd(FlowCube&& other) {
    m_od = std::move(other.m_od);
    other.clear();
}

void FlowCube::eraseDay(std::int64_t localDay) {
    m_od.erase(localDay);
    m_counts.erase(localDay);
}

void DayDistinct::endDay() {
    radixSort(m_day);
    std::int64_t run = 0;
    for (std::size_t i = 0; i < m_day.size(); ++i) {
        if (i > 0 && m_day[i] == m_day[i - 1])
            continue;
        const auto fig = static_cast<std::size_t>(m_day[i] >> 32);
        run = i > 0 && (m_day[i - 1] >> 32) == fig ? run + 1 : 1;
        if (m_largest.size() <= fig)
            m_largest.resize(fig + 1, 0);
        m_largest[fig] = std::max(m_largest[fig], run);
    }
    m_day.clear();
}

std::vector<std::int64_t> DayDistinct::largest(std::size_t figures) const {
    std::vector<std::int64_t> out = m_largest;
    out.resize(std::max(figures, out.size()), 0);
    return out;
}

OdTally::OdTally(const FlowFilter& filter, std::vector<int> group)
    : m_filter(filter)
    , m_group(std::move(group))
    , m_figures(5) {
    m_index.reserve(4096);
}

void OdTally::add(std::int64_t day, const std::vector<FlowCube::OdCell>& cells) {
    const FlowFilter& f = m_filter;
    if (!f.acceptsDay(day))
        return;
    const bool grouped = !m_group.empty();
    const auto key = [&](std::uint32_t camera) -> std::int64_t {
        if (!grouped)
            return camera;
        return camera < m_group.size() ? m_group[camera] : -1;
    };
    for (const FlowCube::OdCell& c : cells) {
        if (c.hour < f.hourFrom || c.hour >= f.hourTo || !f.acceptsClass(c.cls))
            continue;
        if (f.throughOnly && c.kind != static_cast<std::uint8_t>(TripKind::Through))
            continue;
        const auto count = [&](std::uint32_t fig) {
            m_figures[fig].value += c.trips;
            m_figures[fig].key += c.key;
            m_seen.add(fig, c.vehicle);
        };
        if (c.single) {
            count(0);
            continue;
        }
        const std::int64_t o = key(c.origin), d = key(c.destination);
        if (o < 0 || d < 0)
            continue;
        const std::uint64_t pair = static_cast<std::uint64_t>(o) << 32 | static_cast<std::uint64_t>(d);
        const auto [it, added] = m_index.try_emplace(pair, static_cast<std::uint32_t>(m_figures.size()));
        if (added) {
            m_figures.emplace_back();
            m_pairOf.push_back(pair);
        }
        count(it->second);
        count(1 + (c.kind & 3u));
    }
    m_seen.endDay();
}

RawOd OdTally::result() const {
    RawOd m;
    std::vector<RawFigure> figures = m_figures;
    const std::vector<std::int64_t> largest = m_seen.largest(figures.size());
    for (std::size_t i = 0; i < figures.size(); ++i)
        figures[i].vehicles = largest[i];
    m.singleReadTrips = figures[0];
    for (int i = 0; i < 4; ++i)
        m.byKind[i] = figures[static_cast<std::size_t>(1 + i)];
    m.cells.reserve(m_pairOf.size());
    for (std::size_t i = 0; i < m_pairOf.size(); ++i)
        m.cells.push_back(RawOd::Cell{static_cast<std::uint32_t>(m_pairOf[i] >> 32),
                                      static_cast<std::uint32_t>(m_pairOf[i] & 0xffffffffu), figures[5 + i]});
    std::sort(m.cells.begin(), m.cells.end(), [](const RawOd::Cell& a, const RawOd::Cell& b) {
        return std::tie(a.origin, a.destination) < std::tie(b.origin, b.destination);
    });
    return m;
}

RawOd FlowCube::od(const FlowFilter& f, const std::vector<int>& group) const {
    OdTally tally(f, group);
    for (const auto& [day, cells] : m_od)
        tally.add(day, cells);
    return tally.result();
}

double TypicalDay::median(std::vector<std::int64_t>& values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? static_cast<double>(values[n / 2])
                 : (static_cast<double>(values[n / 2 - 1]) + static_cast<double>(values[n / 2])) / 2.0;
}

DailyVehicles DailyVehicles::of(const PublishedCounts& perDay) {
    DailyVehicles d;
    std::vector<std::int64_t> v;
    for (const CameraCount& c : perDay.rows)
        v.push_back(c.vehicles);
    if (v.empty())
        return d;
    d.days = static_cast<int>(v.size());
    d.lowest = *std::min_element(v.begin(), v.end());
    d.highest = *std::max_element(v.begin(), v.end());
    d.median = TypicalDay::median(v);
    return d;
}

TypicalDay::TypicalDay(const PublishedCounts& hourly) {
    std::map<std::tuple<std::uint32_t, int, int>, std::vector<std::int64_t>> byHour;
    for (const CameraCount& c : hourly.rows) {
        const QDate day = QDate(1970, 1, 1).addDays(c.period / 24);
        byHour[{c.camera, day.dayOfWeek() >= 6 ? 1 : 0, static_cast<int>(c.period % 24)}].push_back(
            c.passages);
    }
    for (auto& [key, values] : byHour)
        hours[key] = Hour{median(values), static_cast<int>(values.size())};
}

std::size_t CountTally::KeyHash::operator()(const Key& k) const {
    return std::hash<std::int64_t>()(k.period * 1000003 + static_cast<std::int64_t>(k.camera) * 131 + k.cls);
}

CountTally::CountTally(const FlowFilter& filter, CountPeriod per, bool perClass, bool perCamera,
                       std::uint32_t onlyCamera)
    : m_filter(filter)
    , m_per(per)
    , m_perClass(perClass)
    , m_perCamera(perCamera)
    , m_onlyCamera(onlyCamera) {}

void CountTally::expectLinked(const std::vector<std::uint32_t>& vehicles) {
    m_declared = true;
    for (const std::uint32_t v : vehicles) {
        if (v >= FlowCube::kUnlinkedBase)
            continue;
        if ((v >> 6) >= m_linked.size())
            m_linked.resize((v >> 6) + 1, 0);
        m_linked[v >> 6] |= std::uint64_t(1) << (v & 63);
    }
}

void CountTally::add(std::int64_t day, const std::vector<FlowCube::CountCell>& cells) {
    // Cells by (camera, period, class): hashed while the per-vehicle cube cells stream in, sorted once at
    // the end (this runs on every filter change in the app).
    const FlowFilter& f = m_filter;
    if (!f.acceptsDay(day))
        return;
    // Figures of one camera each, the cells in camera order (as the cube keeps them): a camera's sightings
    // are counted before the next camera's come, so one camera's are held rather than the day's.
    const bool byCamera =
        m_perCamera && std::is_sorted(cells.begin(), cells.end(),
                                      [](const FlowCube::CountCell& a, const FlowCube::CountCell& b) {
                                          return a.camera < b.camera;
                                      });
    std::uint32_t current = 0;
    for (const FlowCube::CountCell& c : cells) {
        if (c.hour < f.hourFrom || c.hour >= f.hourTo || !f.acceptsClass(c.cls) ||
            (m_onlyCamera != CameraCount::kAllCameras && c.camera != m_onlyCamera))
            continue;
        if (byCamera && c.camera != current && !m_day.empty())
            endDay();
        current = c.camera;
        const std::int64_t period = m_per == CountPeriod::Hour        ? day * 24 + c.hour
                                    : m_per == CountPeriod::Day       ? day
                                    : m_per == CountPeriod::HourOfDay ? c.hour
                                                                      : 0;
        const int cls = m_perClass ? c.cls : -1;
        const std::uint32_t camera = m_perCamera ? c.camera : CameraCount::kAllCameras;
        const auto [it, added] =
            m_index.try_emplace(Key{camera, period, cls}, static_cast<std::uint32_t>(m_cells.size()));
        if (added)
            m_cells.push_back(RawCounts::Cell{camera, period, cls, {}, {}});
        RawCounts::Cell& cell = m_cells[it->second];
        cell.passages.value += c.passages;
        cell.passages.key += c.readKeys;
        m_day.push_back(Sighting{static_cast<std::uint64_t>(it->second) << 32 | c.vehicle, c.vehicleKey});
    }
    endDay();
}

void CountTally::endDay() {
    // Each (figure, vehicle) of the day once, with its smallest key: the day's distinct vehicles per figure
    // (k's day), and the figure's vehicles: counted now for a figure of this day alone, kept for one that
    // spans days.
    radixSort(m_day, [](const Sighting& s) { return s.figureVehicle; });
    const bool dayAlone = m_per == CountPeriod::Hour || m_per == CountPeriod::Day;
    m_largest.resize(m_cells.size(), 0);
    if (!dayAlone) {
        m_vehicles.resize(m_cells.size());
        m_compacted.resize(m_cells.size(), 0);
    }
    std::int64_t run = 0;
    for (std::size_t i = 0, next; i < m_day.size(); i = next) {
        const std::uint64_t figureVehicle = m_day[i].figureVehicle;
        std::uint32_t key = m_day[i].key; // the smallest of the vehicle's keys in this figure today
        for (next = i + 1; next < m_day.size() && m_day[next].figureVehicle == figureVehicle; ++next)
            key = std::min(key, m_day[next].key);
        const auto fig = static_cast<std::size_t>(figureVehicle >> 32);
        run = i > 0 && (m_day[i - 1].figureVehicle >> 32) == fig ? run + 1 : 1;
        m_largest[fig] = std::max(m_largest[fig], run);
        if (dayAlone || !linked(static_cast<std::uint32_t>(figureVehicle))) {
            // Counted now: the figure is of this day, or the vehicle is of this day alone.
            ++m_cells[fig].vehicles.value;
            m_cells[fig].vehicles.key += key;
        } else {
            m_vehicles[fig].push_back((figureVehicle & 0xffffffffu) << 32 | key);
        }
    }
    m_day.clear();
    // A vehicle seen on many days (a key that does not rotate) is kept once: a figure's list is compacted
    // whenever it has doubled.
    if (!dayAlone)
        for (std::size_t fig = 0; fig < m_vehicles.size(); ++fig)
            if (m_vehicles[fig].size() >= 4096 && m_vehicles[fig].size() >= 2 * m_compacted[fig])
                compactVehicles(fig);
}

void CountTally::compactVehicles(std::size_t figure) {
    // (vehicle << 32 | key) sorted: each vehicle's first entry has its smallest key.
    std::vector<std::uint64_t>& v = m_vehicles[figure];
    radixSort(v);
    v.erase(
        std::unique(v.begin(), v.end(), [](std::uint64_t a, std::uint64_t b) { return a >> 32 == b >> 32; }),
        v.end());
    m_compacted[figure] = v.size();
}

RawCounts CountTally::result() {
    // The released vehicles: distinct pseudonyms once per cell, whatever hours, days or classes it spans;
    // k is tested on the largest day.
    m_largest.resize(m_cells.size(), 0);
    RawCounts out;
    out.cells.reserve(m_cells.size());
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        RawCounts::Cell c = m_cells[i];
        if (i < m_vehicles.size()) {
            compactVehicles(i);
            for (const std::uint64_t vk : m_vehicles[i]) {
                ++c.vehicles.value;
                c.vehicles.key += static_cast<std::uint32_t>(vk & 0xffffffffu);
            }
            std::vector<std::uint64_t>().swap(m_vehicles[i]);
        }
        c.passages.vehicles = c.vehicles.vehicles = m_largest[i];
        out.cells.push_back(c);
    }
    std::sort(out.cells.begin(), out.cells.end(), [](const RawCounts::Cell& a, const RawCounts::Cell& b) {
        return std::tie(a.camera, a.period, a.cls) < std::tie(b.camera, b.period, b.cls);
    });
    return out;
}

RawCounts FlowCube::counts(const FlowFilter& f, CountPeriod per, bool perClass, bool perCamera,
                           std::uint32_t onlyCamera) const {
    CountTally tally(f, per, perClass, perCamera, onlyCamera);
    for (const auto& [day, cells] : m_counts)
        tally.add(day, cells);
    return tally.result();
}

OdMatrix RawOd::publish(const DisclosurePolicy& policy) const {
    OdMatrix m;
    m.k = policy.k();
    m.exact = policy.exact();
    std::vector<RawFigure> figures;
    figures.reserve(cells.size());
    for (const Cell& c : cells)
        figures.push_back(c.trips);
    const DisclosurePolicy::Table t = policy.table(figures);
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (t.values[i] != DisclosurePolicy::kSuppressed)
            m.flows.push_back(OdFlow{cells[i].origin, cells[i].destination, t.values[i]});
    m.trips = t.total;
    m.suppressed = t.suppressed;
    m.singleReadTrips = policy.publish(singleReadTrips);
    for (int i = 0; i < 4; ++i)
        m.byKind[i] = policy.publish(byKind[i]);
    m.throughTrips = m.byKind[static_cast<int>(TripKind::Through)];
    return m;
}

PublishedCounts RawCounts::publish(const DisclosurePolicy& policy) const {
    PublishedCounts out;
    std::vector<RawFigure> passages, vehicles;
    for (const Cell& c : cells) {
        passages.push_back(c.passages);
        vehicles.push_back(c.vehicles);
    }
    const DisclosurePolicy::Table p = policy.table(passages), v = policy.table(vehicles);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (p.values[i] == DisclosurePolicy::kSuppressed || v.values[i] == DisclosurePolicy::kSuppressed) {
            ++out.suppressed;
            out.suppressedCells.push_back(CameraCount{cells[i].camera, cells[i].period, cells[i].cls,
                                                      DisclosurePolicy::kSuppressed,
                                                      DisclosurePolicy::kSuppressed, cells[i].source});
            continue;
        }
        // Noise is drawn for each figure on its own; a released row still never has more vehicles than
        // passages (which would give the noise away).
        out.rows.push_back(CameraCount{cells[i].camera, cells[i].period, cells[i].cls, p.values[i],
                                       std::min(v.values[i], p.values[i]), cells[i].source});
    }
    return out;
}

const std::vector<FlowCube::OdCell>& FlowCube::odCells(std::int64_t day) const {
    static const std::vector<OdCell> none;
    const auto it = m_od.find(day);
    return it == m_od.end() ? none : it->second;
}

const std::vector<FlowCube::CountCell>& FlowCube::countCells(std::int64_t day) const {
    static const std::vector<CountCell> none;
    const auto it = m_counts.find(day);
    return it == m_counts.end() ? none : it->second;
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

bool FlowCube::unlinkDay(std::int64_t localDay, std::uint32_t* next) {
    std::unordered_map<std::uint32_t, std::uint32_t> number;
    const auto renumber = [&](std::uint32_t vehicle) {
        if (vehicle >= kUnlinkedBase)
            return vehicle;
        const auto [it, added] = number.try_emplace(vehicle, *next);
        if (added) {
            if (*next == UINT32_MAX)
                throw Error::store(
                    QStringLiteral("the cube has run out of vehicle numbers for unlinked days"));
            ++*next;
        }
        return it->second;
    };
    std::unordered_map<std::uint32_t, std::uint32_t> freshKey;
    if (const auto it = m_od.find(localDay); it != m_od.end()) {
        for (OdCell& c : it->second)
            c.vehicle = renumber(c.vehicle);
        std::sort(it->second.begin(), it->second.end(), odLess);
    }
    if (const auto it = m_counts.find(localDay); it != m_counts.end()) {
        for (CountCell& c : it->second) {
            const std::uint32_t was = c.vehicle;
            c.vehicle = renumber(c.vehicle);
            if (c.vehicle != was) {
                const auto [k, added] = freshKey.try_emplace(c.vehicle, 0);
                if (added)
                    k->second = RecordKeys::randomKey();
                c.vehicleKey = k->second;
            }
        }
        std::sort(it->second.begin(), it->second.end(), countLess);
    }
    return !number.empty();
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
    return QByteArray::fromRawData(reinterpret_cast<const char*>(it->second.data()),
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

QByteArray FlowCube::odBytes(std::int64_t day) const {
    return pack(m_od, day);
}
QByteArray FlowCube::countBytes(std::int64_t day) const {
    return pack(m_counts, day);
}
void FlowCube::unpackOd(std::int64_t day, const QByteArray& blob) {
    unpack(m_od, day, blob);
}
void FlowCube::unpackCounts(std::int64_t day, const QByteArray& blob) {
    unpack(m_counts, day, blob);
}

} // namespace stroom
