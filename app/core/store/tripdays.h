#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace stroom {

namespace sql {
class Database;
}

/** \brief How a trip relates to the cordon (DESIGN §5.6). */
enum class TripKind : std::uint8_t {
    Through = 0,     ///< first read cordon-in, last read cordon-out, duration within [min, max]
    Origin = 1,      ///< starts inside, last read at a cordon-out camera
    Destination = 2, ///< first read at a cordon-in camera, ends inside (or stays longer than max)
    Internal = 3,    ///< neither
};

/** \brief A trip (L1): no pseudonym, only where and when (DESIGN §5.2). */
struct Trip {
    std::int64_t start = 0, end = 0;
    std::uint32_t origin = 0, destination = 0; ///< camera keys
    std::uint32_t reads = 0;                   ///< kept reads
    std::uint8_t cls = 0;                      ///< class of the first kept read
    TripKind kind = TripKind::Internal;
    std::uint32_t pathOffset =
        0;                     ///< into TripSet::path (cameras) and TripSet::pathTimes (seconds from start)
    std::uint32_t vehicle = 0; ///< pseudonym key, for distinct-vehicle counts; kept in the reads file only
};

/** \brief Trips with their paths, and the counters the rules ask for. */
struct TripSet {
    std::vector<Trip> trips;
    std::vector<std::uint32_t> path;      ///< cameras of every trip, in order
    std::vector<std::uint32_t> pathTimes; ///< seconds since the trip's start, per path entry
    std::int64_t readsIn = 0;
    std::int64_t duplicates = 0; ///< reads dropped by §5.1
    std::int64_t singleReadTrips = 0;

    /** Appends \a t with its path from \a from (another set, or this one). */
    void append(const Trip& t, const TripSet& from);
};

/**
 * \brief L1 as one compressed block per local day of trip start (issue 15): the one place that writes,
 * reads and removes trips.
 *
 * A day's trips are stored sorted by start and vehicle, as columns (starts delta-coded, vehicles, reads,
 * classes, kinds, and the paths: cameras and seconds since the start), compressed with zstd. The row keeps
 * the day's first start and last end, so the trips running across a moment are found without decoding
 * every day.
 */
class TripDays {
public:
    explicit TripDays(sql::Database& db, const QString& schema = QStringLiteral("l0"));

    /** The bytes of \a set's trips (in the order given by \a order: indices into set.trips). */
    static QByteArray encode(const TripSet& set, const std::vector<std::uint32_t>& order);
    /** Appends the trips of \a data to \a out; throws Error::store when the bytes are damaged. */
    static void decode(const QByteArray& data, TripSet& out);

    /** A day's trips ready to store (sorted by start, vehicle; encoded): made on any thread. */
    struct Encoded {
        std::int64_t trips = 0, multi = 0, firstStart = 0, lastEnd = 0;
        QByteArray data;
    };
    static Encoded prepare(const TripSet& set);
    /** Replaces the trips of local day \a day by \a set's (none: the day goes). */
    void save(std::int64_t day, const TripSet& set);
    void save(std::int64_t day, const Encoded& trips);
    /** Appends the stored trips of \a day. */
    void loadDay(std::int64_t day, TripSet& out);
    /** The trips that start in [fromUtc, toUtc), ordered by start and vehicle. */
    TripSet load(std::int64_t fromUtc = INT64_MIN, std::int64_t toUtc = INT64_MAX);
    /** Calls \a f for each trip with the set that holds its path (day by day; memory: one day). */
    void forEach(const std::function<void(const Trip&, const TripSet&)>& f);
    /** Calls \a f with each stored local day and its trips (which it may take), in day order. */
    void forEachDay(const std::function<void(std::int64_t, TripSet&)>& f);
    /** Calls \a f with each stored local day and its trips' bytes (for decode() on another thread). */
    void forEachEncodedDay(const std::function<void(std::int64_t, const QByteArray&)>& f);

    /** Days with stored trips, ascending. */
    std::vector<std::int64_t> days();
    /** The earliest start of a trip that starts before \a utc and ends at or after it (or INT64_MAX). */
    std::int64_t earliestRunningAt(std::int64_t utc);
    /** All trips, or those with more than one read. */
    std::int64_t count(bool multiReadOnly = false);
    /** Trips starting before \a utc (count only). */
    std::int64_t countBefore(std::int64_t utc);

    /** Files every trip again under its local day of start in \a zone (after the project's time zone
     * changed). */
    void rekey(const QByteArray& zone);
    /** Removes the days from \a day on. */
    void removeFromDay(std::int64_t day);
    /** Removes the trips that start before \a utc (a day across it is rewritten). */
    std::int64_t removeBefore(std::int64_t utc);
    void removeAll();

private:
    QString table() const;
    sql::Database& m_db;
    QString m_schema;
};

} // namespace stroom
