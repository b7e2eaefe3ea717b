#pragma once

#include "common/timeparse.h"
#include "flows/tripbuilder.h"
#include "import/pseudonymkeys.h"
#include "privacy/disclosurepolicy.h"
#include "privacy/recordkeys.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stroom::edge {

/** \brief How stroom-edge aggregates: intervals, trip rules, privacy, keys. */
struct EdgeOptions {
    int intervalMinutes = 15; ///< divides a day; intervals start on local multiples of it
    TripParameters trip;      ///< the duplicate window and the trip gap of DESIGN §5
    int k = DisclosurePolicy::kDefaultK;
    bool exact = false; ///< no perturbation (validation runs; stated in every file)
    QByteArray timeZone = "Europe/Brussels";
    PseudonymKeys::Rotation rotation = PseudonymKeys::Rotation::Daily;
    int latenessSeconds = 60; ///< reads may arrive this much out of order; older ones are late
};

/** \brief One closed interval as released by the privacy policy: what its two files hold. */
struct EdgeInterval {
    std::int64_t start = 0; ///< UTC seconds
    int minutes = 15;
    bool exact = false;
    int k = DisclosurePolicy::kDefaultK;
    struct Count {
        QString camera;
        int cls = 0;
        std::int64_t passages = 0, vehicles = 0;
    };
    struct Flow {
        QString from, to;
        std::int64_t trips = 0;
        double meanSeconds = 0; ///< of the trips of the cell, rounded to 10 s
    };
    std::vector<Count> counts; ///< by camera, class
    std::vector<Flow> flows;   ///< by origin, destination
    std::int64_t suppressedCounts = 0, suppressedFlows = 0;
};

/**
 * \brief The privacy-proof camera's engine (issue 16): clear plates in, only released aggregates out.
 *
 * A plate is normalised (PseudonymKeys::normalise) and keyed at once with SipHash-2-4 (128-bit) under a
 * random key of its key period (PseudonymKeys::periodOf: daily at 04:00 local by default), so the clear
 * plate is never kept, not even in memory past the call. Keys live in memory only, are wiped when their
 * period has passed, and a new aggregator (a restart) has new ones. Reads become trips by the rules of
 * DESIGN §5 (TripBuilder's: a read at the same camera within the duplicate window of any earlier read is
 * dropped; a gap longer than the trip gap ends a trip; single-read trips are counted apart); a vehicle's
 * state goes once its trip has ended and its duplicate window has passed, so memory is bounded by the
 * vehicles seen within one gap.
 *
 * Per interval: passages and distinct vehicles per camera × class (a read in the interval, the trip's
 * class, as in Stroom's cube), and trips per origin → destination that ended (last read) in the interval,
 * with their mean travel time. An interval is closed once no read can change it (stream time past its
 * end, the trip gap and the lateness), then released through the one DisclosurePolicy (k in distinct
 * vehicles, the cell key method with record keys under a random per-run secret) and handed to the sink.
 * Nothing per vehicle ever leaves.
 */
class EdgeAggregator {
public:
    using Sink = std::function<void(const EdgeInterval&)>;
    /** \a knownCameras: the register's ids; empty accepts every camera. */
    EdgeAggregator(EdgeOptions options, const QStringList& knownCameras, Sink sink);
    ~EdgeAggregator();
    EdgeAggregator(const EdgeAggregator&) = delete;
    EdgeAggregator& operator=(const EdgeAggregator&) = delete;

    enum class Line { Read, Header, Empty, Bad, Late, UnknownCamera };
    /**
     * One CSV line `timestamp,camera_id,plate,vehicle_class,country` (ISO 8601 with Z or an offset;
     * without one, local time). \a why gets the problem of a Bad line, in words that never quote it.
     */
    Line addLine(std::string_view line, QString* why = nullptr);
    /** One read, parsed. */
    Line addRead(std::int64_t t, std::string_view camera, std::string_view plate, int cls);
    /** Closes what stream time \a utc (minus the lateness) leaves unchangeable: trips, then intervals. */
    void advanceTo(std::int64_t utc);
    /** The end of the stream: every trip ends, every interval with reads is released. */
    void finish();
    /** The latest read time seen (stream time), or INT64_MIN. */
    std::int64_t streamTime() const { return m_maxSeen; }
    /** The start of the interval still open (reads are still landing in it), or INT64_MIN. */
    std::int64_t openIntervalStart() const;

    struct Stats {
        std::int64_t lines = 0, reads = 0, bad = 0, late = 0, unknownCamera = 0, duplicates = 0;
        std::int64_t trips = 0, singleReadTrips = 0, intervals = 0, keyPeriods = 0;
        std::size_t vehicles = 0, peakVehicles = 0; ///< vehicle states held now and at most
    };
    const Stats& stats() const { return m_stats; }

private:
    struct VKey {
        std::uint64_t a = 0, b = 0;
        bool operator==(const VKey& o) const { return a == o.a && b == o.b; }
    };
    struct Vehicle {
        std::uint64_t id = 0; ///< the keyed plate's first 64 bits: the vehicle in distinct counts
        std::int64_t period = 0;
        /**
         * The latest read per camera within the duplicate window (a read is a duplicate of the latest one at
         * its camera; older ones there add nothing). Inline and small (times as unsigned 32-bit seconds,
         * good until 2106): a vehicle passes few cameras in a minute, and the table stays in cache.
         */
        struct Recent {
            std::uint32_t camera, t;
        };
        std::array<Recent, 4> recent{};
        std::uint8_t recentCount = 0;
        std::int64_t lastAny = INT64_MIN;
        bool open = false, queued = false;
        std::int64_t start = 0, last = 0;
        std::uint32_t origin = 0, lastCamera = 0, reads = 0;
        std::uint8_t cls = 0;
    };
    /** Vehicles are listed per cell and counted distinct (sorted) when the interval is released. */
    struct CountCell {
        std::int64_t passages = 0;
        std::uint32_t readKeys = 0;
        std::vector<std::uint64_t> vehicles;
    };
    struct FlowCell {
        std::int64_t trips = 0, seconds = 0;
        std::uint32_t keys = 0;
        std::vector<std::uint64_t> vehicles;
    };
    struct Interval {
        std::unordered_map<std::uint64_t, CountCell> counts; ///< camera << 8 | class
        std::unordered_map<std::uint64_t, FlowCell> flows;   ///< origin << 32 | destination
    };
    /** A 32-bit number of a vehicle for its record keys (the keyed plate, not the plate). */
    static std::uint32_t keyIdOf(std::uint64_t id) { return static_cast<std::uint32_t>(id ^ (id >> 32)); }

    VKey keyOf(std::string_view plate, std::int64_t period);
    std::int64_t intervalStart(std::int64_t t);
    Interval& intervalOf(std::int64_t t);
    std::int64_t periodOf(std::int64_t t);
    void schedule(const VKey& key, Vehicle& v);
    void closeTrip(Vehicle& v);
    void expire(std::int64_t watermark);
    void release(std::int64_t start, Interval& iv);
    std::uint32_t cameraIndex(std::string_view id, bool* known);

    EdgeOptions m_o;
    Sink m_sink;
    DisclosurePolicy m_policy;
    std::unique_ptr<RecordKeys> m_recordKeys;
    LocalTime m_zone;
    std::map<std::int64_t, std::array<unsigned char, 16>> m_keys; ///< per key period, wiped when it passes
    /**
     * Vehicle states in one flat table (open addressing, linear probing, deletion by backward shift): a
     * lookup touches one slot, not a bucket and a node. Pointers stay valid until the next insert or erase.
     */
    class VehicleTable {
    public:
        VehicleTable();
        Vehicle* find(const VKey& key);
        /** The state of \a key, made when missing (second: made now). */
        std::pair<Vehicle*, bool> emplace(const VKey& key);
        void erase(const VKey& key);
        std::size_t size() const { return m_size; }
        template <class F> void forEach(F f) {
            for (Slot& s : m_slots)
                if (s.used)
                    f(s.v);
        }
        void clear();

    private:
        struct Slot {
            VKey key;
            bool used = false;
            Vehicle v;
        };
        std::size_t slotOf(const VKey& key) const { return static_cast<std::size_t>(key.a) & m_mask; }
        void grow();
        std::vector<Slot> m_slots;
        std::size_t m_mask = 0, m_size = 0;
    };
    VehicleTable m_vehicles;
    struct Deadline {
        std::int64_t at;
        VKey vehicle;
        bool operator>(const Deadline& o) const { return at > o.at; }
    };
    /** When to look at a vehicle again, earliest first: a trip is closed before its interval is released. */
    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<Deadline>> m_deadlines;
    std::map<std::int64_t, Interval> m_intervals;  ///< by UTC start
    std::int64_t m_cachedFrom = 1, m_cachedTo = 0; ///< the interval of the last read, [from, to)
    Interval* m_cached = nullptr;
    std::int64_t m_periodFrom = 1, m_periodTo = 0, m_period = 0;       ///< the key period of the last read
    std::unordered_map<std::string_view, std::uint32_t> m_cameraIndex; ///< views into m_cameraNames
    std::deque<std::string> m_cameraNames;
    std::vector<QString> m_cameraIds;
    bool m_restrictCameras = false;
    std::int64_t m_maxSeen = INT64_MIN;
    std::int64_t m_closedBefore = INT64_MIN; ///< intervals before this are released
    std::string m_plate;                     ///< scratch: the normalised plate, wiped after each read
    std::string m_lastClassLabel;            ///< the last class label read, and its code (-1: unknown)
    int m_lastClass = -1;
    Stats m_stats;
};

} // namespace stroom::edge
