#pragma once

#include "flows/tripbuilder.h"
#include "privacy/disclosurepolicy.h"

#include <QByteArray>
#include <QDate>

#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace stroom {

class LocalTime;
class RecordKeys;

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
     * The same for people, in the user's language ("weekdays, 7–9 h, trucks"; "weekdagen, 7–9 u,
     * vrachtwagens"); empty for no filter. describe() stays the audit trail's fixed English.
     */
    QString describeForPeople() const;
    /**
     * Sets one filter from its text, as `stroom-cli --KEY VALUE` and the desktop's `--filter KEY=VALUE`
     * say it: from, to (yyyy-mm-dd), days (all, weekday, weekend), hours (H1-H2), class (labels separated
     * by commas; adds to the classes), through (no value). Throws Error::usage naming the key and the
     * value; false when the key is none of these.
     */
    bool set(const QString& key, const QString& value);
};

/** \brief One OD relation with its trips, as released (perturbed unless exact). */
struct OdFlow {
    std::uint32_t origin, destination; ///< camera keys, or group indices at zone level
    std::int64_t trips;
};

/**
 * \brief An OD matrix as released by the privacy policy: only cells with at least k distinct vehicles,
 * perturbed; `trips` is the sum of the released cells; the summary figures are figures of their own
 * (DisclosurePolicy::kSuppressed when under k).
 */
struct OdMatrix {
    std::vector<OdFlow> flows;        ///< sorted by origin, destination
    std::int64_t trips = 0;           ///< the sum of the released cells (single-read trips are not in it)
    std::int64_t suppressed = 0;      ///< cells under k left out
    std::int64_t singleReadTrips = 0; ///< released figure, or kSuppressed
    std::int64_t throughTrips = 0;    ///< released figure, or kSuppressed
    std::int64_t byKind[4] = {0, 0, 0, 0}; ///< released figure per TripKind, or kSuppressed
    int k = DisclosurePolicy::kDefaultK;
    bool exact = false;
};

/** \brief An OD query before the privacy policy: trips, distinct vehicles and cell keys per cell. */
struct RawOd {
    struct Cell {
        std::uint32_t origin, destination;
        RawFigure trips;
    };
    std::vector<Cell> cells; ///< sorted by origin, destination
    RawFigure singleReadTrips;
    RawFigure byKind[4];
    /** The matrix as \a policy releases it. */
    OdMatrix publish(const DisclosurePolicy& policy) const;
};

/**
 * \brief Each flow's share (per cent) of the trips that leave its origin in a released matrix (so shares
 * never reveal suppressed cells): the one definition the map, the OD table and the report use.
 */
class OriginShares {
public:
    explicit OriginShares(const OdMatrix& matrix);
    double of(const OdFlow& flow) const;

private:
    std::unordered_map<std::uint32_t, std::int64_t> m_fromOrigin;
};

/** \brief Where a count comes from: Stroom's own reads, or cells imported from privacy-proof cameras. */
enum class CountSource : std::uint8_t { Anpr = 0, Aggregate = 1 };

/** \brief The period of a count: local hour, local day, or the whole filter. */
enum class CountPeriod { Hour, Day, HourOfDay, All };

/** \brief Passages and distinct vehicles at one camera, as released (or kSuppressed). */
struct CameraCount {
    std::uint32_t camera;
    std::int64_t
        period; ///< local day (days since 1970-01-01), local hour (hours since then), hour of day, or 0
    int cls;    ///< vehicleclass code, or -1 when classes are summed
    std::int64_t passages, vehicles;
    CountSource source = CountSource::Anpr;
    static constexpr std::uint32_t kAllCameras = 0xffffffffu; ///< camera of counts summed over cameras
};

/** \brief Counts as released: the cells with at least k vehicles, and how many were not. */
struct PublishedCounts {
    std::vector<CameraCount> rows;
    std::vector<CameraCount>
        suppressedCells; ///< where a cell had traffic but was suppressed (values kSuppressed)
    std::int64_t suppressed = 0;
};

/**
 * \brief The typical day (issue 14): per camera, for weekdays and for weekends apart, the median over the
 * days of the released passages in each local hour of the day, and how many days had a released figure there.
 * A median of published figures only: an hour under k on a day is not among them. `counts --profile` and the
 * details panel read it.
 */
struct TypicalDay {
    struct Hour {
        double median;
        int days;
    };
    /** (camera, weekend 0/1, hour of day) → its median; from released counts per local hour. */
    std::map<std::tuple<std::uint32_t, int, int>, Hour> hours;
    explicit TypicalDay(const PublishedCounts& hourly);
    /** The median of \a values (sorted in place); 0 for none. */
    static double median(std::vector<std::int64_t>& values);
};

/** \brief Unique vehicles per local day as released (one row per day, each day released on its own): the
 * median day, the lowest and highest. The one summary of the details panel, the map's summary and the report.
 */
struct DailyVehicles {
    double median = 0;
    std::int64_t lowest = 0, highest = 0;
    int days = 0; ///< days with a released figure
    /** From released counts with period = local day (per camera or over all of them, classes together). */
    static DailyVehicles of(const PublishedCounts& perDay);
};

/** \brief A counts query before the privacy policy. */
struct RawCounts {
    struct Cell {
        std::uint32_t camera;
        std::int64_t period;
        int cls;
        RawFigure passages, vehicles;
        CountSource source = CountSource::Anpr;
    };
    std::vector<Cell> cells; ///< sorted by camera, period, class
    /** The cells as \a policy releases them: a cell goes when it has fewer than k vehicles. */
    PublishedCounts publish(const DisclosurePolicy& policy) const;
};

/**
 * \brief The aggregate cube (issue 4): trips per (local day, start hour, class, kind, origin, destination,
 * vehicle) and passages per (local day, hour, class, camera, vehicle), each with the sum of its record keys.
 * It holds vehicle numbers, so it is never shared: it lives in the aggregates file (PROJECT.gpkg.cube), which
 * a purge keeps (the purged days are unlinked, \ref unlinkDay); queries return raw figures (with distinct
 * vehicles and cell keys) that only the DisclosurePolicy turns into released ones. Any combination of the
 * filters at camera or zone level is answered from it without reading L0; it is stored per day, so an import
 * rebuilds only the days it touches.
 */
class FlowCube {
public:
    /** Trips of one vehicle in one fine cell, with the sum of their record keys. */
    struct OdCell {
        std::uint32_t origin, destination, vehicle, key, trips;
        std::uint8_t hour, cls, kind, single; ///< single: 1 for single-read trips (counted apart)
    };
    /** Passages of one vehicle at one camera in one hour and class, with their keys. */
    struct CountCell {
        std::uint32_t camera, vehicle, readKeys, vehicleKey, passages;
        std::uint8_t hour, cls, pad0, pad1;
    };

    /** Adds the OD cells of every trip of \a set to the local day it starts in. */
    void addTrips(const TripSet& set, LocalTime& zone, const RecordKeys& keys);
    /** Adds the passages of the kept reads of \a set, per vehicle. */
    void addCounts(const TripSet& set, LocalTime& zone, const RecordKeys& keys);
    /** Adds the cells of \a other's day \a localDay with an hour before \a hour (an update keeps them). */
    void mergeHoursBefore(const FlowCube& other, std::int64_t localDay, int hour);
    /** Vehicle numbers from here on are those of unlinked days; a pseudonym's number never gets this high. */
    static constexpr std::uint32_t kUnlinkedBase = 0x80000000u;
    /**
     * Unlinks a day whose reads are gone (a purge): each vehicle of \a localDay gets a number of its own on
     * that day (from \a *next on, at least kUnlinkedBase) and a fresh random vehicle key, so the day's cells
     * no longer link to other days, nor (through the record secret) to the pseudonyms' numbers. Every figure
     * of the day stays exact (k is tested per day); a vehicle seen on several unlinked days counts once per
     * day in a `vehicles` figure that spans them. Vehicles already unlinked keep their numbers. Returns
     * whether anything changed.
     */
    bool unlinkDay(std::int64_t localDay, std::uint32_t* next);
    /** Drops every day from \a localDay on. */
    void dropFrom(std::int64_t localDay);
    void clear();
    /** Adds every cell of \a other (cells of the same vehicle in the same fine cell add up); \a other is
     * emptied. */
    void absorb(FlowCube&& other);
    /** The OD cells of \a localDay become \a other's (its counts stay): trips classified again. */
    void replaceOd(std::int64_t localDay, FlowCube&& other);
    /** Every day's OD cells become \a other's. */
    void replaceOd(FlowCube&& other);
    /** Forgets local day \a localDay (stored, it need not stay in memory). */
    void eraseDay(std::int64_t localDay);

    /**
     * OD matrix under \a filter. \a group maps camera keys to groups (zones); when empty the matrix is per
     * camera. Cameras mapped to -1 are left out. Loops (origin = destination) are kept.
     */
    RawOd od(const FlowFilter& filter, const std::vector<int>& group = {}) const;
    /**
     * Counts per camera (or summed over cameras) and period, distinct vehicles exact over each cell;
     * \a perClass keeps classes apart; \a onlyCamera restricts to one camera (kAllCameras: every one).
     */
    RawCounts counts(const FlowFilter& filter, CountPeriod per, bool perClass, bool perCamera = true,
                     std::uint32_t onlyCamera = CameraCount::kAllCameras) const;

    std::vector<std::int64_t> days() const;
    std::size_t cellCount() const;
    /** The cells of one day (empty when it has none), to feed an OdTally or a CountTally. */
    const std::vector<OdCell>& odCells(std::int64_t day) const;
    const std::vector<CountCell>& countCells(std::int64_t day) const;

    /** The cells of one day as stored (little-endian packed): a view of the cube's memory, valid while the
     * day's cells are unchanged (a day's cells are stored without a copy). */
    QByteArray odBytes(std::int64_t day) const;
    QByteArray countBytes(std::int64_t day) const;
    void unpackOd(std::int64_t day, const QByteArray& blob);
    void unpackCounts(std::int64_t day, const QByteArray& blob);

    /** The local day (days since 1970-01-01) and hour of a UTC instant. */
    static void localDayHour(std::int64_t utc, LocalTime& zone, std::int64_t* day, int* hour);

private:
    std::map<std::int64_t, std::vector<OdCell>> m_od;
    std::map<std::int64_t, std::vector<CountCell>> m_counts;
};

/**
 * \brief The most distinct vehicles behind each figure on any one local day: what k is tested on. Many
 * sources rotate pseudonyms daily, so one commuter is a new pseudonym every day and distinct pseudonyms over
 * a week would count him seven times; the largest day is a lower bound of the people behind the figure
 * either way.
 */
class DayDistinct {
public:
    void add(std::uint32_t figure, std::uint32_t vehicle) {
        m_day.push_back(static_cast<std::uint64_t>(figure) << 32 | vehicle);
    }
    /** Closes a day: each figure keeps the largest day it has seen. */
    void endDay();
    /** Per figure index, its largest day (0 for figures never seen; \a figures long). */
    std::vector<std::int64_t> largest(std::size_t figures) const;

private:
    std::vector<std::uint64_t> m_day;
    std::vector<std::int64_t> m_largest;
};

/**
 * \brief An OD query fed one local day at a time: FlowCube::od() is this over the cube's days, and a trip
 * build tallies the layers' matrices while the days go past, without the whole cube in memory. Each day is
 * added once; days in any order.
 */
class OdTally {
public:
    /** As FlowCube::od(\a filter, \a group). */
    explicit OdTally(const FlowFilter& filter = FlowFilter(), std::vector<int> group = {});
    void add(std::int64_t day, const std::vector<FlowCube::OdCell>& cells);
    RawOd result() const;

private:
    FlowFilter m_filter;
    std::vector<int> m_group;
    std::vector<RawFigure> m_figures; ///< 0: single-read trips, 1..4: the kinds, then one per OD pair
    std::unordered_map<std::uint64_t, std::uint32_t> m_index;
    std::vector<std::uint64_t> m_pairOf;
    DayDistinct m_seen;
};

/**
 * \brief A counts query fed one local day at a time (FlowCube::counts() is this over the cube's days). A
 * figure over several days counts each vehicle once, with its smallest key of those days; its memory is a
 * vehicle and a key per distinct vehicle of each such figure (figures of one hour or day are done with
 * their day).
 */
class CountTally {
public:
    /** As FlowCube::counts() with the same arguments. */
    CountTally(const FlowFilter& filter, CountPeriod per, bool perClass, bool perCamera = true,
               std::uint32_t onlyCamera = CameraCount::kAllCameras);
    /**
     * Declares (before the first add()) the vehicles that may be seen on more than one of the days added;
     * more may be declared between days, before the first day that has them. Every other vehicle of a figure
     * that spans days is counted with its day instead of being kept to the end: where pseudonyms rotate
     * daily, memory stays that of one day rather than growing with the days. Without a declaration every
     * such vehicle is kept. The figures are the same either way, as long as the declaration holds (the
     * caller answers for it). Numbers of unlinked days (FlowCube::kUnlinkedBase on) are each of one day.
     */
    void expectLinked(const std::vector<std::uint32_t>& vehicles);
    void add(std::int64_t day, const std::vector<FlowCube::CountCell>& cells);
    /** The cells, sorted by camera, period, class (the tally is used up). */
    RawCounts result();

private:
    struct Key {
        std::uint32_t camera;
        std::int64_t period;
        int cls;
        bool operator==(const Key& o) const {
            return camera == o.camera && period == o.period && cls == o.cls;
        }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    struct Sighting {
        std::uint64_t figureVehicle;
        std::uint32_t key;
    };
    /** Counts the sightings held (a day's, or all of one camera's on the day) and lets them go. */
    void endDay();
    /** Whether \a vehicle may be seen on more than one day (see expectLinked()). */
    bool linked(std::uint32_t vehicle) const {
        return !m_declared || (vehicle < FlowCube::kUnlinkedBase && (vehicle >> 6) < m_linked.size() &&
                               (m_linked[vehicle >> 6] >> (vehicle & 63) & 1u) != 0);
    }
    /** Sorts \a figure's vehicles and keeps each once, with its smallest key. */
    void compactVehicles(std::size_t figure);

    FlowFilter m_filter;
    CountPeriod m_per;
    bool m_perClass, m_perCamera;
    std::uint32_t m_onlyCamera;
    std::unordered_map<Key, std::uint32_t, KeyHash> m_index;
    std::vector<RawCounts::Cell> m_cells;
    std::vector<Sighting> m_day;         ///< this day's (figure, vehicle) with the vehicle's key
    std::vector<std::int64_t> m_largest; ///< per figure, its most distinct vehicles on one day
    /// figures over several days: per figure, (vehicle << 32 | key) once per day, compacted as they grow
    std::vector<std::vector<std::uint64_t>> m_vehicles;
    std::vector<std::size_t> m_compacted;
    bool m_declared = false;
    std::vector<std::uint64_t> m_linked; ///< a bit per vehicle number declared linked
};

} // namespace stroom
