#include "flows/throughrule.h"

#include "flows/cameraindex.h"
#include "flows/journeytimes.h"
#include "flows/tripbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace stroom {

namespace {

bool isSet(const std::vector<bool>& v, std::uint32_t i) {
    return i < v.size() && v[i];
}

std::uint64_t pairKey(std::uint32_t origin, std::uint32_t destination) {
    return (static_cast<std::uint64_t>(origin) << 32) | destination;
}

} // namespace

ThroughRule::ThroughRule(const TripParameters& p, std::vector<bool> cordonIn, std::vector<bool> cordonOut)
    : m_in(std::move(cordonIn))
    , m_out(std::move(cordonOut))
    , m_min(p.throughMinSeconds)
    , m_max(p.throughMaxSeconds)
    , m_roleFree(p.throughMethod == ThroughMethod::RoleFree) {}

ThroughRule::ThroughRule(const TripParameters& p, const CameraIndex& cams,
                         const std::vector<PairWindow>& windows)
    : ThroughRule(p, cams.cordonIn, cams.cordonOut) {
    if (p.throughWindow != ThroughWindow::PerPair || m_roleFree)
        return;
    for (const PairWindow& w : windows) {
        const std::uint32_t o = cams.keyOf(w.origin), d = cams.keyOf(w.destination);
        if (isGatePair(o, d)) // a camera that lost its role since: the fixed window again
            setPairMax(o, d, w.maxSeconds);
    }
}

bool ThroughRule::available(const TripParameters& p, const CameraIndex& cams) {
    return p.throughMethod == ThroughMethod::RoleFree || cams.hasCordon();
}

void ThroughRule::setPairMax(std::uint32_t origin, std::uint32_t destination, int maxSeconds) {
    m_pairMax[pairKey(origin, destination)] = maxSeconds;
}

bool ThroughRule::isGatePair(std::uint32_t origin, std::uint32_t destination) const {
    return isSet(m_in, origin) && isSet(m_out, destination);
}

int ThroughRule::maxSeconds(std::uint32_t origin, std::uint32_t destination) const {
    const auto it = m_pairMax.find(pairKey(origin, destination));
    return it == m_pairMax.end() ? m_max : it->second;
}

TripKind ThroughRule::classify(std::uint32_t origin, std::uint32_t destination, std::int64_t seconds) const {
    if (m_roleFree)
        return TripKind::Internal; // through or not is decided per vehicle-day (roleFreeDay)
    const bool startsAtCordon = isSet(m_in, origin);
    const bool endsAtCordon = isSet(m_out, destination);
    if (startsAtCordon && endsAtCordon && seconds >= m_min && seconds <= maxSeconds(origin, destination))
        return TripKind::Through;
    if (startsAtCordon)
        return TripKind::Destination;
    if (endsAtCordon)
        return TripKind::Origin;
    return TripKind::Internal;
}

bool ThroughRule::reclassify(TripSet& set) const {
    bool changed = false;
    for (Trip& t : set.trips) {
        const TripKind kind = classify(t.origin, t.destination, t.end - t.start);
        changed = changed || kind != t.kind;
        t.kind = kind;
    }
    return changed;
}

bool ThroughRule::roleFreeDay(std::int64_t firstTime, std::int64_t lastTime,
                              std::vector<std::uint32_t>& cameras) {
    if (cameras.size() < 2 || lastTime - firstTime >= 3600)
        return false;
    std::sort(cameras.begin(), cameras.end());
    return std::adjacent_find(cameras.begin(), cameras.end()) == cameras.end();
}

void ThroughWindows::add(const TripSet& set, const std::vector<bool>& cordonIn,
                         const std::vector<bool>& cordonOut) {
    std::vector<std::uint32_t> path;
    for (const Trip& t : set.trips) {
        if (t.reads < 2 || !isSet(cordonIn, t.origin) || !isSet(cordonOut, t.destination))
            continue;
        const std::uint64_t key = pairKey(t.origin, t.destination);
        m_seconds[key].push_back(
            static_cast<std::int32_t>(std::min<std::int64_t>(t.end - t.start, INT32_MAX)));
        m_vehicles[key].push_back(dayVehicle(t.start / 86400, t.vehicle));
        path.assign(set.path.begin() + t.pathOffset, set.path.begin() + t.pathOffset + t.reads);
        ++m_paths[key][path];
    }
}

void ThroughWindows::absorb(ThroughWindows&& other) {
    for (auto& [key, v] : other.m_seconds) {
        auto& mine = m_seconds[key];
        mine.insert(mine.end(), v.begin(), v.end());
    }
    for (auto& [key, v] : other.m_vehicles) {
        auto& mine = m_vehicles[key];
        mine.insert(mine.end(), v.begin(), v.end());
    }
    for (auto& [key, paths] : other.m_paths)
        for (auto& [path, n] : paths)
            m_paths[key][path] += n;
    other = ThroughWindows();
}

std::vector<PairWindow> ThroughWindows::windows(const CameraIndex& cams, int k) const {
    std::vector<PairWindow> out;
    for (const auto& [key, seconds] : m_seconds) {
        if (static_cast<std::int64_t>(seconds.size()) < kMinTrips)
            continue;
        // The most distinct vehicles on one day (pseudonyms may change daily), as journey times count them.
        std::vector<std::uint64_t> seen = m_vehicles.at(key);
        const std::int64_t vehicles = mostVehiclesOnADay(seen);
        if (vehicles < k)
            continue;
        std::vector<double> sorted(seconds.begin(), seconds.end());
        std::sort(sorted.begin(), sorted.end());
        PairWindow w;
        w.origin = cams.idOf(static_cast<std::uint32_t>(key >> 32), false);
        w.destination = cams.idOf(static_cast<std::uint32_t>(key & 0xffffffffu), false);
        w.trips = static_cast<std::int64_t>(seconds.size());
        w.vehicles = vehicles;
        w.medianSeconds = percentile(sorted, 0.5);
        w.madSeconds = medianAbsoluteDeviation(sorted, w.medianSeconds);
        // 1.4826 × MAD estimates the standard deviation of normal data: the window holds the pair's
        // crossings up to three of them above the median (a congested peak, a slow truck).
        w.maxSeconds =
            std::max(kFloorSeconds, static_cast<int>(std::ceil(w.medianSeconds + 3 * 1.4826 * w.madSeconds)));
        out.push_back(w);
    }
    std::sort(out.begin(), out.end(), [](const PairWindow& a, const PairWindow& b) {
        return std::tie(a.origin, a.destination) < std::tie(b.origin, b.destination);
    });
    return out;
}

double ThroughWindows::readRate(std::int64_t* chances) const {
    std::int64_t hit = 0, miss = 0;
    for (const auto& [key, paths] : m_paths) {
        Q_UNUSED(key);
        const std::vector<std::uint32_t>* modal = nullptr;
        std::int64_t best = 0;
        for (const auto& [path, n] : paths)
            if (n > best) {
                best = n;
                modal = &path;
            }
        if (!modal)
            continue;
        for (std::size_t i = 1; i + 1 < modal->size(); ++i) {
            const std::uint32_t a = (*modal)[i - 1], c = (*modal)[i], b = (*modal)[i + 1];
            if (a == b || a == c || b == c)
                continue;
            for (const auto& [path, n] : paths) {
                const auto ia = std::find(path.begin(), path.end(), a);
                if (ia == path.end())
                    continue;
                const auto ib = std::find(ia + 1, path.end(), b);
                if (ib == path.end())
                    continue;
                if (ib - ia == 2 && *(ia + 1) == c)
                    hit += n;
                else if (ib - ia == 1)
                    miss += n;
            }
        }
    }
    if (chances)
        *chances = hit + miss;
    return hit + miss < 100 ? -1.0 : static_cast<double>(hit) / static_cast<double>(hit + miss);
}

QString ThroughWindows::toText(const std::vector<PairWindow>& windows) {
    QJsonArray a;
    for (const PairWindow& w : windows)
        a.append(QJsonObject{{QStringLiteral("origin"), w.origin},
                             {QStringLiteral("destination"), w.destination},
                             {QStringLiteral("trips"), static_cast<qint64>(w.trips)},
                             {QStringLiteral("vehicles"), static_cast<qint64>(w.vehicles)},
                             {QStringLiteral("median_seconds"), std::round(w.medianSeconds * 10) / 10},
                             {QStringLiteral("mad_seconds"), std::round(w.madSeconds * 10) / 10},
                             {QStringLiteral("max_seconds"), w.maxSeconds}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

std::vector<PairWindow> ThroughWindows::fromText(const QString& text) {
    std::vector<PairWindow> out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& v : a) {
        const QJsonObject o = v.toObject();
        PairWindow w;
        w.origin = o.value(QStringLiteral("origin")).toString();
        w.destination = o.value(QStringLiteral("destination")).toString();
        w.trips = static_cast<std::int64_t>(o.value(QStringLiteral("trips")).toDouble());
        w.vehicles = static_cast<std::int64_t>(o.value(QStringLiteral("vehicles")).toDouble());
        w.medianSeconds = o.value(QStringLiteral("median_seconds")).toDouble();
        w.madSeconds = o.value(QStringLiteral("mad_seconds")).toDouble();
        w.maxSeconds = o.value(QStringLiteral("max_seconds")).toInt();
        if (!w.origin.isEmpty() && !w.destination.isEmpty() && w.maxSeconds > 0)
            out.push_back(w);
    }
    return out;
}

} // namespace stroom
