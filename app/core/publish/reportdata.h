#pragma once

#include "flows/flowcube.h"
#include "flows/flowengine.h"
#include "governance/reidentification.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace stroom {

class Store;

/**
 * \brief Everything a report shows, gathered from the store as the project's DisclosurePolicy releases it
 * (DESIGN §2, §7): every figure has at least k vehicles behind it and is perturbed, totals are sums of
 * released figures, and what was left out is counted. The layout only arranges it.
 */
struct ReportData {
    QString language = QStringLiteral("en"); ///< en or nl (labels are chosen by the layout)
    QString projectTitle;
    QString purpose;
    QDateTime generated;
    QString periodText; ///< first and last local day under the filter
    QString filterText; ///< FlowFilter::describe()
    TripParameters parameters;
    ThroughEstimate through; ///< the windows per gate pair and the read rate in use
    int k = 10;
    QString method;     ///< DisclosurePolicy::method()
    bool exact = false; ///< exact figures (audited as L1)
    FlowFilter filter;

    struct OdRow {
        QString origin, destination;
        std::int64_t trips;
        double share; ///< of the origin's trips, %
    };
    QVector<OdRow> topOd; ///< the largest cells at camera level, all ≥ k
    std::int64_t odTrips = 0, odCells = 0, odSuppressed = 0;
    std::int64_t singleReadTrips = 0; ///< released figure, or DisclosurePolicy::kSuppressed
    std::int64_t byKind[4] = {0, 0, 0,
                              0}; ///< through, origin, destination, internal (released, or kSuppressed)

    struct CountRow {
        QString camera, name;
        std::int64_t passages;   ///< the sum of the released class cells
        std::int64_t byClass[6]; ///< released, 0 for none, or kSuppressed
    };
    QVector<CountRow> topCounts; ///< cameras with the most passages
    std::int64_t countsSuppressed = 0;
    /** Unique vehicles over every camera per local day (released per day; a vehicle seen at several cameras
     * on a day counts once): the median, lowest and highest day, and the days released. */
    double uniquePerDayMedian = 0;
    std::int64_t uniquePerDayMin = 0, uniquePerDayMax = 0;
    int uniqueDays = 0;
    double hourlyByClass[6][24] = {}; ///< passages per hour of the day and class, all cameras (each bar a
                                      ///< released cell; 0 when under k)

    struct JourneyRow {
        QString from, to;
        std::int64_t n;
        double median, p15, p85;
    };
    QVector<JourneyRow> journeys; ///< the pairs with the most observations, all ≥ k
    std::int64_t journeysSuppressed = 0;

    struct InventoryRow {
        QString owner;
        int total;
        int byPurpose[6]; ///< police, traffic, lez, section-control, parking, other
        int unregistered, noLegalBasis;
    };
    QVector<InventoryRow> inventory;
    int camerasTotal = 0;

    std::int64_t readsStored = 0; ///< pseudonymised reads (L0) the project keeps
    int retentionDays = 0;        ///< the project's retention period (0: none)
    ReidentificationRisk risk;    ///< of the kept reads (when there are any)
    QDate readsFrom, readsTo;     ///< the UTC days of the first and last of them

    /**
     * \brief Before / after (issue 14): the filter's period against a later one, as `stroom-cli compare`
     * releases it (PeriodComparison): each period on its own, trips per day.
     */
    struct ChangeRow {
        QString origin, destination;
        double before, after; ///< trips per day, or -1 where the period released no figure
        bool significant;
    };
    bool compared = false;
    QString beforeText, afterText; ///< the two periods, "2026-03-02..2026-03-08"
    int beforeDays = 0, afterDays = 0;
    QVector<ChangeRow> changes; ///< the largest significant changes (trips per day), at most 12
    int changesSignificant = 0; ///< cells that changed significantly
    int changesCompared = 0;    ///< cells released in at least one period
    std::int64_t changesSuppressed = 0;

    /** Suppressed cells in everything the report shows (OD, counts, journey times, the comparison). */
    std::int64_t suppressedTotal() const {
        return odSuppressed + countsSuppressed + journeysSuppressed + changesSuppressed;
    }

    /**
     * Gathers the report for \a filter (trips brought up to date first when the store is writable); with \a
     * after, the comparison of \a filter's period with that one (Error::usage as PeriodComparison::compare).
     */
    static ReportData collect(Store& store, const FlowFilter& filter, const QString& language,
                              const QString& purpose, const DisclosurePolicy& policy, int topRows = 20,
                              const std::optional<FlowFilter>& after = std::nullopt);
};

} // namespace stroom
