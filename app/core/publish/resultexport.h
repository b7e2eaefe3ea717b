#pragma once

#include "flows/flowcube.h"
#include "flows/flowengine.h"
#include "flows/journeytimes.h"
#include "flows/periodcomparison.h"

#include <QString>

namespace stroom {

class OutputFile;

class Store;

/** \brief What an export wrote, for the message and the audit record. */
struct ExportResult {
    QString path;
    qint64 rows = 0;
    qint64 suppressed = 0; ///< cells under k left out (by the DisclosurePolicy)
    int k = 0;
    QString sha256;
};

/**
 * \brief Writes results that leave the store (DESIGN §2, §11) as the DisclosurePolicy released them (cells
 * under k left out and counted, figures perturbed unless exact), each with an audit record (time, user,
 * purpose, layer L2 or L1 for exact figures, parameters and method, output).
 *
 * The format follows the file name: .csv (LF line ends, sorted), .gpkg / .geojson through GDAL with
 * geometries QGIS shows as they are (curved flow lines, camera points), or linked data for flows and counts:
 * .ttl (Turtle) and .jsonld (JSON-LD), SOSA observations about OSLO ANPR cameras (LinkedData).
 */
class ResultExport {
public:
    /** \a overwrite: an existing output file may be replaced (never a file of the project). */
    ResultExport(Store& store, const CameraIndex& cameras, const DisclosurePolicy& policy,
                 bool overwrite = false);

    /**
     * od.csv is origin,destination,trips sorted by origin then destination (DESIGN §11); \a imported: pair
     * flows from privacy-proof cameras, origin,destination,vehicles,source (source "aggregate").
     */
    ExportResult flows(const OdMatrix& m, bool zones, const QString& path, const QString& parameters,
                       const QString& purpose, bool imported = false);
    /**
     * counts.csv: camera,period,vehicle_class,passages,vehicles,source (per hour or day, local time; source
     * "anpr" for Stroom's reads, "aggregate" for counts imported from privacy-proof cameras).
     */
    ExportResult counts(const PublishedCounts& counts, bool perHour, const QString& path,
                        const QString& parameters, const QString& purpose);
    /** journey-times.csv: from_camera,to_camera,n,median_s,p15_s,p85_s,outliers_dropped (empty when the
     * outliers came from fewer than k vehicles). */
    /** \brief The released OD matrix of one local day (period = day) or hour (period = day × 24 + hour). */
    struct PeriodMatrix {
        std::int64_t period;
        OdMatrix matrix;
    };
    /**
     * `flows --per hour|day`: one long CSV, origin,destination,period,trips (period a local date or local
     * hour, as counts.csv writes them), sorted by origin, destination and period; each period's cells
     * released on their own, as a query for that period alone would be. CSV only.
     */
    ExportResult flowsPerPeriod(const std::vector<PeriodMatrix>& periods, bool zones, bool perHour,
                                const QString& path, const QString& parameters, const QString& purpose);
    /**
     * `counts --profile`: the typical day per camera, camera,day_type,hour,median_passages,days: for weekdays
     * and for weekends apart, the median over the days of a camera's released passages in each local hour of
     * the day (classes together), and how many days had a released figure there. A median of published
     * figures only: hours under k on a day are not among them (they are left out, as everywhere).
     */
    ExportResult profile(const PublishedCounts& hourly, const QString& path, const QString& parameters,
                         const QString& purpose);
    /**
     * Distinct vehicles (`counts --distinct`): per camera (camera,period,vehicles) or, with \a byCity, over
     * every camera at once (period,vehicles: a vehicle seen at several cameras counts once), per local day or
     * hour, as released. CSV only for the city; the audit record says which.
     */
    ExportResult distinctVehicles(const PublishedCounts& counts, bool perHour, bool byCity,
                                  const QString& path, const QString& parameters, const QString& purpose);
    /**
     * `compare`: origin,destination,before,after,change,change_pct,significant (trips per day in each period
     * as released, one decimal; empty where a period did not release the cell; change_pct against before;
     * significant true/false, PeriodComparison's test), sorted by origin then destination. .gpkg/.geojson
     * carry the same fields on the flow lines.
     */
    ExportResult comparison(const PeriodComparison::Result& result, bool zones, const QString& path,
                            const QString& parameters, const QString& purpose);
    ExportResult journeyTimes(const PublishedTimes& times, const QString& path, const QString& parameters,
                              const QString& purpose);

    /** The ids of the rows of \a m, sorted as the CSV is (by origin id, then destination id). */
    std::vector<OdFlow> sortedById(const OdMatrix& m, bool zones) const;
    QString label(std::uint32_t key, bool zones) const;
    /** The camera's or zone's name (empty where the register has none). */
    QString name(std::uint32_t key, bool zones) const;
    /**
     * With names: flows add origin_name and destination_name after the DESIGN §11 columns (`flows
     * --names`), so a council reads names while scripts keep their columns.
     */
    ResultExport& withNames(bool on) {
        m_names = on;
        return *this;
    }
    /** Linked data: the base IRI of what it names (empty: urn:stroom:PROJECT-ID:) and the flows' local dates.
     */
    ResultExport& withLinkedData(const QString& baseIri, const QDate& from, const QDate& to) {
        m_base = baseIri;
        m_from = from;
        m_to = to;
        return *this;
    }

private:
    void commit(OutputFile& file, const QString& action, ExportResult& r, const QString& parameters,
                const QString& purpose);
    Store& m_store;
    const CameraIndex& m_cams;
    DisclosurePolicy m_policy;
    bool m_overwrite;
    bool m_names = false;
    QString m_base;
    QDate m_from, m_to;
    QString baseIri();
};

} // namespace stroom
