#pragma once

#include "edgeaggregator.h"

#include <QString>

namespace stroom::edge {

/**
 * \brief Writes each released interval as two CSV files that `stroom-cli import` takes as they are:
 * `counts-YYYYMMDDTHHMMZ.csv` (camera_id, period_start, period_minutes, vehicle_class, vehicles, passages,
 * release) and `pairflows-YYYYMMDDTHHMMZ.csv` (from_camera, to_camera, period_start, period_minutes,
 * vehicles — the trips —, mean_seconds, release). Each file is written beside its name as a hidden
 * temporary file and renamed into place, so a killed process never leaves half a file; stale temporary
 * files are removed at start. `release` says `ckm k=10` (perturbed, k in vehicles) or `exact k=N`.
 */
class EdgeWriter {
public:
    /** Makes \a dir if needed and removes temporary files a killed run left. Throws stroom::Error. */
    explicit EdgeWriter(const QString& dir);
    void write(const EdgeInterval& interval);
    int filesWritten() const { return m_files; }

private:
    void writeFile(const QString& name, const QByteArray& text);
    QString m_dir;
    int m_files = 0;
};

} // namespace stroom::edge
