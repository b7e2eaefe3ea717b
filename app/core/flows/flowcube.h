#pragma once

#include "flows/tripbuilder.h"

#include <QByteArray>
#include <QDate>

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace stroom {

class LocalTime;

/** \brief The filters of DESIGN §6 and §11, as planners use them (local dates and hours). */
struct FlowFilter {
    QDate from, to; ///< inclusive local dates of trip start; invalid = open
    enum class Days { All, Weekday, Weekend } days = Days::All;
    int hourFrom = 0, hourTo = 24; ///< start hour in [hourFrom, hourTo)
    std::uint32_t classMask = 0;   ///< bit per vehicleclass code; 0 = every class
    bool throughOnly = false;

    bool acceptsDay(std::int64_t localDay) const;
    bool acceptsClass(int cls) const { return classMask == 0 || (classMask >> cls & 1u) != 0; }
    /** "2026-03-02..2026-03-08, weekday, 7-9 h, truck, through" for records and legends. */
    QString describe() const;
    /**
     * Sets one filter from its text, as `stroom-cli --KEY VALUE` and the desktop's `--filter KEY=VALUE`
     * say it: from, to (yyyy-mm-dd), days (all, weekday, weekend), hours (H1-H2), class (labels separated
     * by commas; adds to the classes), through (no value). Throws Error::usage naming the key and the
     * value; false when the key is none of these.
     */
    bool set(const QString& key, const QString& value);
};

/** \brief One OD relation with its trips. */
struct OdFlow {
    std::uint32_t origin, destination; ///< camera keys, or group indices at zone level
    std::int64_t trips;
};

/** \brief Result of an OD query. */
struct OdMatrix {
    std::vector<OdFlow> flows; ///< sorted by origin, destination
    std::int64_t trips = 0;    ///< trips in the matrix (single-read trips are not)
    std::int64_t singleReadTrips = 0;
    std::int64_t throughTrips = 0;
    std::int64_t byKind[4] = {0, 0, 0, 0}; ///< trips per TripKind
};

/**
 * \brief Each flow's share (per cent) of the trips that leave its origin in a matrix: the one definition
 * the map, the OD table and the report use.
 */
class OriginShares {
public:
    explicit OriginShares(const OdMatrix& matrix);
    double of(const OdFlow& flow) const;

private:
    std::unordered_map<std::uint32_t, std::int64_t> m_fromOrigin;
};

/** \brief Passages and distinct vehicles at one camera. */
struct CameraCount {
    std::uint32_t camera;
    std::int64_t period; ///< local day (days since 1970-01-01) or local hour (hours since then)
    int cls;             ///< vehicleclass code, or -1 when classes are summed
    std::int64_t passages, vehicles;
};

/**
 * \brief The aggregate cube (issue 4): trips per (local day, start hour, class, kind, origin, destination)
 * and passages/distinct vehicles per (local day, hour, class, camera). Any combination of the filters at
 * camera or zone level is answered from it without reading L0; it is stored per day, so an import
 * rebuilds only the days it touches.
 */
class FlowCube {
public:
    struct OdCell {
        std::uint32_t origin, destination;
        std::uint8_t hour, cls, kind, single; ///< single: 1 for single-read trips (counted apart)
        std::uint32_t trips;
    };
    struct CountCell {
        std::uint32_t camera;
        std::uint8_t hour, cls, pad0, pad1;
        std::uint32_t passages, vehicles;
    };

    /** Adds the OD cells of every trip of \a set to the local day it starts in. */
    void addTrips(const TripSet& set, LocalTime& zone);
    /** Adds the passages and distinct vehicles of the kept reads of \a set. */
    void addCounts(const TripSet& set, LocalTime& zone);
    /** Adds the cells of \a other's day \a localDay with an hour before \a hour (an update keeps them). */
    void mergeHoursBefore(const FlowCube& other, std::int64_t localDay, int hour);
    /** Drops every day from \a localDay on. */
    void dropFrom(std::int64_t localDay);
    void clear();

    /**
     * OD matrix under \a filter. \a group maps camera keys to groups (zones); when empty the matrix is per
     * camera. Cameras mapped to -1 are left out. Loops (origin = destination) are kept.
     */
    OdMatrix od(const FlowFilter& filter, const std::vector<int>& group = {}) const;
    /** Counts per camera and hour or day; \a perClass keeps classes apart. */
    std::vector<CameraCount> counts(const FlowFilter& filter, bool perHour, bool perClass) const;

    std::vector<std::int64_t> days() const;
    std::size_t cellCount() const;

    /** The cells of one day as stored (little-endian packed). */
    QByteArray packOd(std::int64_t day) const;
    QByteArray packCounts(std::int64_t day) const;
    void unpackOd(std::int64_t day, const QByteArray& blob);
    void unpackCounts(std::int64_t day, const QByteArray& blob);

    /** The local day (days since 1970-01-01) and hour of a UTC instant. */
    static void localDayHour(std::int64_t utc, LocalTime& zone, std::int64_t* day, int* hour);

private:
    std::map<std::int64_t, std::vector<OdCell>> m_od;
    std::map<std::int64_t, std::vector<CountCell>> m_counts;
};

} // namespace stroom
