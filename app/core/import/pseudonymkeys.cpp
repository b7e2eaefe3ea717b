#include "import/pseudonymkeys.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "common/timeparse.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>

namespace stroom {

namespace {
constexpr std::int64_t kBoundarySeconds = 4 * 3600; ///< 04:00 local
constexpr std::int64_t kCutWindow = 1800;           ///< the default trip gap
} // namespace

PseudonymKeys::PseudonymKeys(Rotation rotation, QByteArray timeZone)
    : m_rotation(rotation)
    , m_zoneId(timeZone.isEmpty() ? QByteArray("Europe/Brussels") : std::move(timeZone))
    , m_zone(m_zoneId) {
    if (RAND_bytes(m_trackKey.data(), static_cast<int>(m_trackKey.size())) != 1)
        throw Error::store(QStringLiteral("no random numbers available for --pseudonymise"));
}

PseudonymKeys::~PseudonymKeys() {
    for (auto& kv : m_keys)
        std::fill(kv.second.begin(), kv.second.end(), 0);
    std::fill(m_trackKey.begin(), m_trackKey.end(), 0);
}

PseudonymKeys::Rotation PseudonymKeys::parse(const QString& text) {
    if (text.isEmpty() || text == QLatin1String("daily"))
        return Rotation::Daily;
    if (text == QLatin1String("weekly"))
        return Rotation::Weekly;
    throw Error::usage(QStringLiteral("--key-rotation is daily or weekly (got '%1')").arg(text));
}

QString PseudonymKeys::describe() const {
    return QStringLiteral("%1 04:00 %2")
        .arg(m_rotation == Rotation::Daily ? QStringLiteral("daily at") : QStringLiteral("weekly, Monday"),
             QString::fromLatin1(m_zoneId));
}

std::int64_t PseudonymKeys::periodOf(LocalTime& zone, Rotation rotation, std::int64_t t) {
    const std::int64_t local = t + zone.offsetAt(t) - kBoundarySeconds;
    const std::int64_t day = timefmt::epochDay(local);
    // 1970-01-01 was a Thursday: Monday-based weeks start 3 days earlier.
    return rotation == Rotation::Daily ? day : timefmt::floorDiv(day + 3, 7);
}

void PseudonymKeys::normalise(std::string_view plate, std::string& out) {
    // ASCII letters and digits only, whatever the process's locale (the same plate, the same key).
    out.clear();
    for (char c : plate) {
        if (c >= 'a' && c <= 'z')
            out.push_back(static_cast<char>(c - 'a' + 'A'));
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            out.push_back(c);
    }
}

void PseudonymKeys::pseudonymise(std::string_view plate, std::int64_t t, unsigned char* out) {
    std::string norm;
    normalise(plate, norm);
    std::array<unsigned char, 32> key{};
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const std::int64_t period = periodOf(t);
        auto it = m_keys.find(period);
        if (it == m_keys.end()) {
            std::array<unsigned char, 32> k{};
            if (RAND_bytes(k.data(), static_cast<int>(k.size())) != 1)
                throw Error::store(QStringLiteral("no random numbers available for --pseudonymise"));
            it = m_keys.emplace(period, k).first;
        }
        key = it->second;
        // Who was last seen when, under a hash keyed for this command only (never the plate itself).
        unsigned char tag[32];
        unsigned int tagLen = 0;
        HMAC(EVP_sha256(), m_trackKey.data(), static_cast<int>(m_trackKey.size()),
             reinterpret_cast<const unsigned char*>(norm.data()), norm.size(), tag, &tagLen);
        auto [last, fresh] =
            m_last.try_emplace(std::string(reinterpret_cast<const char*>(tag), tagLen), Last{t, period});
        if (!fresh) {
            if (last->second.period != period && std::abs(t - last->second.t) <= kCutWindow)
                ++m_cuts;
            last->second = Last{t, period};
        }
    }
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(norm.data()), norm.size(), out, &len);
    std::fill(key.begin(), key.end(), 0);
}

std::int64_t PseudonymKeys::cuts() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_cuts;
}

} // namespace stroom
