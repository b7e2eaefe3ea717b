#pragma once

#include "flows/flowcube.h"
#include "flows/flowengine.h"
#include "flows/journeytimes.h"

#include <QString>

namespace stroom {

class OutputFile;

class Store;

/** \brief What an export wrote, for the message and the audit record. */
struct ExportResult {
    QString path;
    qint64 rows = 0;
    qint64 suppressed = 0; ///< cells under k left out
    int k = 0;
    QString sha256;
};

/**
 * \brief Writes L2 results that leave the store (DESIGN §2, §11): every cell under k is left out and
 * counted, and every export leaves an audit record (time, user, purpose, layer, parameters, output).
 *
 * The format follows the file name: .csv (LF line ends, sorted), or .gpkg / .geojson through GDAL with
 * geometries QGIS shows as they are (curved flow lines, camera points).
 */
class ResultExport {
public:
    /** \a overwrite: an existing output file may be replaced (never a file of the project). */
    ResultExport(Store& store, const CameraIndex& cameras, bool overwrite = false);

    /** od.csv is origin,destination,trips sorted by origin then destination (DESIGN §11). */
    ExportResult flows(const OdMatrix& m, bool zones, const QString& path, int k, const QString& parameters,
                       const QString& purpose);
    /** counts.csv: camera,period,vehicle_class,passages,vehicles (per hour or day, local time). */
    ExportResult counts(const std::vector<CameraCount>& counts, bool perHour, const QString& path, int k,
                        const QString& parameters, const QString& purpose);
    /** journey-times.csv: from_camera,to_camera,n,median_s,p15_s,p85_s,outliers_dropped. */
    ExportResult journeyTimes(const std::vector<PairTimes>& times, const QString& path, int k,
                              const QString& parameters, const QString& purpose);

    /** The ids of the rows of \a m, sorted as the CSV is (by origin id, then destination id). */
    std::vector<OdFlow> sortedById(const OdMatrix& m, bool zones) const;
    QString label(std::uint32_t key, bool zones) const;

private:
    void commit(OutputFile& file, const QString& action, ExportResult& r, const QString& parameters,
                const QString& purpose);
    Store& m_store;
    const CameraIndex& m_cams;
    bool m_overwrite;
};

} // namespace stroom
