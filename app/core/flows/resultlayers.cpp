#include "flows/resultlayers.h"

#include "common/geometry.h"
#include "common/sqlite.h"
#include "store/geopackage.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <future>

namespace stroom {

ResultLayers::ResultLayers(sql::Database& db, const DisclosurePolicy& policy)
    : m_db(db)
    , m_policy(policy) {}

ResultLayers::Tally::Tally(const CameraIndex& cams)
    : zones(FlowFilter(), cams.zoneOf)
    , counts(FlowFilter(), CountPeriod::All, false) {}

void ResultLayers::Tally::addOd(std::int64_t day, const std::vector<FlowCube::OdCell>& cells) {
    if (cells.empty())
        return;
    firstDay = std::min(firstDay, day);
    lastDay = std::max(lastDay, day);
    cameras.add(day, cells);
    zones.add(day, cells);
}

void ResultLayers::Tally::addCounts(std::int64_t day, const std::vector<FlowCube::CountCell>& cells) {
    if (cells.empty())
        return;
    firstDay = std::min(firstDay, day);
    lastDay = std::max(lastDay, day);
    counts.add(day, cells);
}

void ResultLayers::writeFlows(Tally& tally, const CameraIndex& cams, const TripParameters& p) {
    m_params = parametersText(p);
    const bool any = tally.firstDay <= tally.lastDay;
    m_periodFrom = any ? QDate(1970, 1, 1).addDays(tally.firstDay).toString(Qt::ISODate) : QString();
    m_periodTo = any ? QDate(1970, 1, 1).addDays(tally.lastDay).toString(Qt::ISODate) : QString();
    // The counts' vehicles counted on a worker thread, the layers written here on the connection's thread.
    auto counts = std::async(std::launch::async, [&] { return tally.counts.result().publish(m_policy); });
    writeOd("od_flows", tally.cameras.result().publish(m_policy), false, cams);
    writeOd("od_zone_flows", tally.zones.result().publish(m_policy), true, cams);
    writeCounts(counts.get(), cams);
}

void ResultLayers::createLayer(const char* table, const char* type, const char* columns,
                               const QString& description) {
    m_db.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(table)));
    m_db.exec(QStringLiteral("CREATE TABLE %1 (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom %2, %3)")
                  .arg(QLatin1String(table), QLatin1String(type), QLatin1String(columns)));
    gpkg::registerFeatureTable(m_db, QLatin1String(table), QStringLiteral("geom"), QLatin1String(type),
                               gpkg::kWgs84, QLatin1String(table), description);
}

void ResultLayers::writeOd(const char* table, const OdMatrix& m, bool zones, const CameraIndex& cams) {
    createLayer(
        table, "LINESTRING",
        "origin TEXT, destination TEXT, trips INTEGER, period_from TEXT, period_to TEXT, filters TEXT, "
        "k INTEGER, parameters TEXT",
        zones ? QStringLiteral("Trips between zones (L2, cells under k left out; Stroom)")
              : QStringLiteral("Trips between cameras (L2, cells under k left out; Stroom)"));
    auto ins = m_db.prepare(
        QStringLiteral("INSERT INTO %1 (geom, origin, destination, trips, period_from, period_to, "
                       "filters, k, parameters) VALUES (?,?,?,?,?,?,?,?,?)")
            .arg(QLatin1String(table)));
    for (const OdFlow& f : m.flows) {
        const std::vector<QPointF> arc = cams.flowLine(f, zones);
        if (!arc.empty()) {
            geo::Envelope env;
            for (const QPointF& pt : arc)
                env.include(pt.x(), pt.y());
            const QByteArray wkb = geo::lineWkb(arc);
            ins.bindBlob(1, gpkg::geometryBlob(wkb, gpkg::kWgs84, &env));
        } else {
            ins.bindNull(1);
        }
        ins.bind(2, zones ? cams.zoneIds.value(static_cast<int>(f.origin)) : cams.id[f.origin]);
        ins.bind(3, zones ? cams.zoneIds.value(static_cast<int>(f.destination)) : cams.id[f.destination]);
        ins.bind(4, f.trips)
            .bind(5, m_periodFrom)
            .bind(6, m_periodTo)
            .bind(7, FlowFilter().describe())
            .bind(8, m_policy.k())
            .bind(9, m_params);
        ins.run();
    }
    gpkg::refreshExtent(m_db, QLatin1String(table), QStringLiteral("geom"));
}

void ResultLayers::writeCounts(const PublishedCounts& counts, const CameraIndex& cams) {
    createLayer(
        "camera_counts", "POINT",
        "camera_id TEXT, passages INTEGER, vehicles INTEGER, period_from TEXT, period_to "
        "TEXT, k INTEGER",
        QStringLiteral("Passages and distinct vehicles per camera (L2, cameras under k left out; Stroom)"));
    auto ins = m_db.prepare("INSERT INTO camera_counts (geom, camera_id, passages, vehicles, "
                            "period_from, period_to, k) "
                            "VALUES (?,?,?,?,?,?,?)");
    for (const CameraCount& c : counts.rows) {
        const std::uint32_t cam = c.camera;
        if (cam >= cams.id.size())
            continue;
        const QPointF at = cams.at(cam, false);
        if (!std::isnan(at.x()))
            ins.bindBlob(1, gpkg::geometryBlob(geo::pointWkb(at.x(), at.y()), gpkg::kWgs84));
        else
            ins.bindNull(1);
        ins.bind(2, cams.id[cam])
            .bind(3, c.passages)
            .bind(4, c.vehicles)
            .bind(5, m_periodFrom)
            .bind(6, m_periodTo)
            .bind(7, m_policy.k());
        ins.run();
    }
    gpkg::refreshExtent(m_db, QStringLiteral("camera_counts"), QStringLiteral("geom"));
}

void ResultLayers::writeJourneyTimes(const std::vector<PairTimes>& times, const CameraIndex& cams,
                                     const TripParameters& p) {
    sql::Database& db = m_db;
    const int k = m_policy.k();
    db.exec("DROP TABLE IF EXISTS journey_times");
    db.exec("CREATE TABLE journey_times (fid INTEGER PRIMARY KEY AUTOINCREMENT, from_camera TEXT, to_camera "
            "TEXT, n INTEGER, "
            "median_s REAL, p15_s REAL, p85_s REAL, outliers_dropped INTEGER, k INTEGER, parameters TEXT)");
    db.exec("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
            "('journey_times', "
            "'attributes', 'journey_times', 'Journey times between consecutive cameras (L2, pairs under k "
            "left out; Stroom)')");
    auto ins = db.prepare(
        "INSERT INTO journey_times (from_camera, to_camera, n, median_s, p15_s, p85_s, outliers_dropped, k, "
        "parameters) VALUES (?,?,?,?,?,?,?,?,?)");
    const QString params = parametersText(p);
    for (const PairTimes& t : publishTimes(times, m_policy).rows) {
        if (t.from >= cams.id.size() || t.to >= cams.id.size())
            continue;
        ins.bind(1, cams.id[t.from])
            .bind(2, cams.id[t.to])
            .bind(3, t.n)
            .bind(4, t.median)
            .bind(5, t.p15)
            .bind(6, t.p85);
        if (t.dropped == DisclosurePolicy::kSuppressed)
            ins.bindNull(7);
        else
            ins.bind(7, t.dropped);
        ins.bind(8, k).bind(9, params);
        ins.run();
    }
}

} // namespace stroom
