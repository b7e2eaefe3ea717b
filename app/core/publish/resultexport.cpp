#include "publish/resultexport.h"

#include "common/bytesource.h"
#include "common/error.h"
#include "common/geometry.h"
#include "common/sqlite.h"
#include "common/vectorsource.h"
#include "common/vectorwriter.h"
#include "common/vehicleclass.h"
#include "publish/linkeddata.h"
#include "store/geopackage.h"
#include "store/outputfile.h"
#include "store/store.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace stroom {

ResultExport::ResultExport(Store& store, const CameraIndex& cameras, const DisclosurePolicy& policy,
                           bool overwrite)
    : m_store(store)
    , m_cams(cameras)
    , m_policy(policy)
    , m_overwrite(overwrite) {}

QString ResultExport::label(std::uint32_t key, bool zones) const {
    return m_cams.idOf(key, zones);
}

QString ResultExport::name(std::uint32_t key, bool zones) const {
    return m_cams.nameOf(key, zones);
}

std::vector<OdFlow> ResultExport::sortedById(const OdMatrix& m, bool zones) const {
    std::vector<OdFlow> rows = m.flows;
    std::sort(rows.begin(), rows.end(), [&](const OdFlow& a, const OdFlow& b) {
        const QString ao = label(a.origin, zones), bo = label(b.origin, zones);
        if (ao != bo)
            return ao < bo;
        return label(a.destination, zones) < label(b.destination, zones);
    });
    return rows;
}

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw Error::input(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    if (f.write(text) != text.size() || !f.flush())
        throw Error::input(QStringLiteral("%1: write failed: %2").arg(path, f.errorString()));
}

QByteArray csvField(const QString& s) {
    std::string out;
    csv::appendField(out, s);
    return QByteArray::fromStdString(out);
}

bool isVector(const QString& path) {
    return path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".geojson"), Qt::CaseInsensitive);
}

/** Linked data is written for the OD matrix and the counts (LinkedData); other tables are refused, never
 * written as CSV under a .ttl or .jsonld name. */
void refuseLinkedData(const QString& path) {
    if (LinkedData::isLinkedDataPath(path))
        throw Error::usage(
            QStringLiteral("%1: linked data (.ttl, .jsonld) is written for flows and counts; write a .csv")
                .arg(path));
}

const char* sourceName(CountSource s) {
    return s == CountSource::Aggregate ? "aggregate" : "anpr";
}

QString periodLabel(std::int64_t period, bool perHour) {
    const QDate d = QDate(1970, 1, 1).addDays(perHour ? period / 24 : period);
    if (!perHour)
        return d.toString(Qt::ISODate);
    return QStringLiteral("%1T%2:00").arg(d.toString(Qt::ISODate)).arg(period % 24, 2, 10, QLatin1Char('0'));
}

} // namespace

QString ResultExport::baseIri() {
    return m_base.isEmpty()
               ? QStringLiteral("urn:stroom:%1:").arg(m_store.setting(QStringLiteral("project_id")))
               : m_base;
}

void ResultExport::commit(OutputFile& file, const QString& action, ExportResult& r, const QString& parameters,
                          const QString& purpose) {
    Store::AuditEntry e;
    e.action = action;
    e.purpose = purpose;
    e.layer = m_policy.layer();
    e.parameters = QStringLiteral("%1; release: %2").arg(parameters, m_policy.method());
    e.suppressedCells = r.suppressed;
    e.k = r.k;
    r.sha256 = file.commit(e);
}

namespace {

/** The flow's curved line (CameraIndex::flowLine) as \a feature's geometry. */
void setFlowLine(OGRFeatureH feature, const CameraIndex& cams, const OdFlow& flow, bool zones) {
    const std::vector<QPointF> arc = cams.flowLine(flow, zones);
    if (arc.empty())
        return; // a camera or zone without a position: the row without a geometry
    OGRGeometryH line = OGR_G_CreateGeometry(wkbLineString);
    for (const QPointF& pt : arc)
        OGR_G_AddPoint_2D(line, pt.x(), pt.y());
    OGR_F_SetGeometryDirectly(feature, line);
}

} // namespace

ExportResult ResultExport::flows(const OdMatrix& m, bool zones, const QString& path,
                                 const QString& parameters, const QString& purpose, bool imported) {
    // Imported pair flows count vehicles, and say where they come from.
    const char* value = imported ? "vehicles" : "trips";
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    r.suppressed = m.suppressed;
    const std::vector<OdFlow> rows = sortedById(m, zones);
    if (LinkedData::isLinkedDataPath(path)) {
        if (imported)
            throw Error::usage(
                QStringLiteral(
                    "%1: pair flows from privacy-proof cameras are written as .csv, .gpkg or .geojson")
                    .arg(path));
        LinkedData graph(m_cams, baseIri(), m_store.timeZone().toUtf8());
        for (const OdFlow& f : rows)
            graph.addFlow(f, zones, m_from, m_to, parameters);
        writeText(file.temporaryPath(), graph.serialise(path));
        r.rows = static_cast<qint64>(rows.size());
    } else if (isVector(path)) {
        VectorWriter out(file.temporaryPath(), zones ? "zone_flows" : "flows", wkbLineString);
        out.field("origin", OFTString);
        out.field("destination", OFTString);
        out.field(value, OFTInteger64);
        out.field("filters", OFTString);
        if (imported)
            out.field("source", OFTString);
        const int nameField = imported ? 5 : 4;
        if (m_names) {
            out.field("origin_name", OFTString);
            out.field("destination_name", OFTString);
        }
        for (const OdFlow& f : rows) {
            OGRFeatureH feat = out.feature();
            OGR_F_SetFieldString(feat, 0, label(f.origin, zones).toUtf8().constData());
            OGR_F_SetFieldString(feat, 1, label(f.destination, zones).toUtf8().constData());
            OGR_F_SetFieldInteger64(feat, 2, f.trips);
            OGR_F_SetFieldString(feat, 3, parameters.toUtf8().constData());
            if (imported)
                OGR_F_SetFieldString(feat, 4, "aggregate");
            if (m_names) {
                OGR_F_SetFieldString(feat, nameField, name(f.origin, zones).toUtf8().constData());
                OGR_F_SetFieldString(feat, nameField + 1, name(f.destination, zones).toUtf8().constData());
            }
            setFlowLine(feat, m_cams, f, zones);
            out.add(feat);
            ++r.rows;
        }
        out.close();
    } else {
        QByteArray text = imported ? "origin,destination,vehicles,source" : "origin,destination,trips";
        text += m_names ? ",origin_name,destination_name\n" : "\n";
        for (const OdFlow& f : rows) {
            text += csvField(label(f.origin, zones)) + ',' + csvField(label(f.destination, zones)) + ',' +
                    QByteArray::number(static_cast<qlonglong>(f.trips)) + (imported ? ",aggregate" : "");
            if (m_names)
                text += ',' + csvField(name(f.origin, zones)) + ',' + csvField(name(f.destination, zones));
            text += '\n';
            ++r.rows;
        }
        writeText(file.temporaryPath(), text);
    }
    commit(file,
           QStringLiteral("%1%2").arg(zones ? QStringLiteral("flows (zones)") : QStringLiteral("flows"),
                                      imported ? QStringLiteral(", imported aggregates") : QString()),
           r, parameters, purpose);
    return r;
}

namespace {
/** A camera's place as the feature's point (none when the camera has no place: the row stays, pointless). */
void setPoint(OGRFeatureH feature, const QPointF& at) {
    if (std::isnan(at.x()))
        return;
    OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(pt, 0, at.x(), at.y());
    OGR_F_SetGeometryDirectly(feature, pt);
}
} // namespace

ExportResult ResultExport::counts(const PublishedCounts& counts, bool perHour, const QString& path,
                                  const QString& parameters, const QString& purpose) {
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    r.suppressed = counts.suppressed;
    std::vector<CameraCount> rows = counts.rows;
    std::sort(rows.begin(), rows.end(), [&](const CameraCount& a, const CameraCount& b) {
        const QString ia = label(a.camera, false), ib = label(b.camera, false);
        if (ia != ib)
            return ia < ib;
        if (a.period != b.period)
            return a.period < b.period;
        if (a.cls != b.cls)
            return a.cls < b.cls;
        return a.source < b.source;
    });
    if (LinkedData::isLinkedDataPath(path)) {
        LinkedData graph(m_cams, baseIri(), m_store.timeZone().toUtf8());
        for (const CameraCount& c : rows)
            graph.addCount(c, perHour);
        writeText(file.temporaryPath(), graph.serialise(path));
        r.rows = static_cast<qint64>(rows.size());
    } else if (isVector(path)) {
        VectorWriter out(file.temporaryPath(), "camera_counts", wkbPoint);
        out.field("camera_id", OFTString);
        out.field("period", OFTString);
        out.field("vehicle_class", OFTString);
        out.field("passages", OFTInteger64);
        out.field("vehicles", OFTInteger64);
        out.field("source", OFTString);
        for (const CameraCount& c : rows) {
            OGRFeatureH feat = out.feature();
            OGR_F_SetFieldString(feat, 0, label(c.camera, false).toUtf8().constData());
            OGR_F_SetFieldString(feat, 1, periodLabel(c.period, perHour).toUtf8().constData());
            OGR_F_SetFieldString(feat, 2, c.cls < 0 ? "all" : vehicleclass::key(c.cls));
            OGR_F_SetFieldInteger64(feat, 3, c.passages);
            OGR_F_SetFieldInteger64(feat, 4, c.vehicles);
            OGR_F_SetFieldString(feat, 5, sourceName(c.source));
            setPoint(feat, m_cams.at(c.camera, false));
            out.add(feat);
            ++r.rows;
        }
        out.close();
    } else {
        QByteArray text = "camera,period,vehicle_class,passages,vehicles,source\n";
        for (const CameraCount& c : rows) {
            text += csvField(label(c.camera, false)) + ',' + periodLabel(c.period, perHour).toUtf8() + ',' +
                    (c.cls < 0 ? QByteArray("all") : QByteArray(vehicleclass::key(c.cls))) + ',' +
                    QByteArray::number(static_cast<qlonglong>(c.passages)) + ',' +
                    QByteArray::number(static_cast<qlonglong>(c.vehicles)) + ',' + sourceName(c.source) +
                    '\n';
            ++r.rows;
        }
        writeText(file.temporaryPath(), text);
    }
    commit(file, QStringLiteral("counts"), r, parameters, purpose);
    return r;
}

ExportResult ResultExport::flowsPerPeriod(const std::vector<PeriodMatrix>& periods, bool zones, bool perHour,
                                          const QString& path, const QString& parameters,
                                          const QString& purpose) {
    refuseLinkedData(path);
    if (isVector(path))
        throw Error::usage(QStringLiteral("%1: flows per period are a long table: write a .csv").arg(path));
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    struct Row {
        QString origin, destination;
        std::int64_t period, trips;
        std::uint32_t o, d;
    };
    std::vector<Row> rows;
    for (const PeriodMatrix& p : periods) {
        r.suppressed += p.matrix.suppressed;
        for (const OdFlow& f : p.matrix.flows)
            rows.push_back(Row{label(f.origin, zones), label(f.destination, zones), p.period, f.trips,
                               f.origin, f.destination});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.origin, a.destination, a.period) < std::tie(b.origin, b.destination, b.period);
    });
    QByteArray text = "origin,destination,period,trips";
    text += m_names ? ",origin_name,destination_name\n" : "\n";
    for (const Row& row : rows) {
        text += csvField(row.origin) + ',' + csvField(row.destination) + ',' +
                periodLabel(row.period, perHour).toUtf8() + ',' +
                QByteArray::number(static_cast<qlonglong>(row.trips));
        if (m_names)
            text += ',' + csvField(name(row.o, zones)) + ',' + csvField(name(row.d, zones));
        text += '\n';
        ++r.rows;
    }
    writeText(file.temporaryPath(), text);
    commit(file, perHour ? QStringLiteral("flows (per hour)") : QStringLiteral("flows (per day)"), r,
           parameters, purpose);
    return r;
}

ExportResult ResultExport::comparison(const PeriodComparison::Result& result, bool zones, const QString& path,
                                      const QString& parameters, const QString& purpose) {
    refuseLinkedData(path);
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    r.suppressed = result.suppressed;
    std::vector<const PeriodComparison::Row*> rows;
    for (const PeriodComparison::Row& row : result.rows)
        rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), [&](const PeriodComparison::Row* a, const PeriodComparison::Row* b) {
        return std::make_tuple(label(a->origin, zones), label(a->destination, zones)) <
               std::make_tuple(label(b->origin, zones), label(b->destination, zones));
    });
    auto number = [](double v) { return QByteArray::number(v, 'f', 1); };
    auto pct = [](const PeriodComparison::Row& row) -> std::optional<double> {
        if (!row.hasChange() || row.before <= 0)
            return std::nullopt;
        return 100.0 * row.change() / row.before;
    };
    if (isVector(path)) {
        VectorWriter out(file.temporaryPath(), zones ? "zone_comparison" : "comparison", wkbLineString);
        out.field("origin", OFTString);
        out.field("destination", OFTString);
        out.field("before", OFTReal);
        out.field("after", OFTReal);
        out.field("change", OFTReal);
        out.field("change_pct", OFTReal);
        out.field("significant", OFTInteger);
        out.field("filters", OFTString);
        for (const PeriodComparison::Row* row : rows) {
            OGRFeatureH feat = out.feature();
            OGR_F_SetFieldString(feat, 0, label(row->origin, zones).toUtf8().constData());
            OGR_F_SetFieldString(feat, 1, label(row->destination, zones).toUtf8().constData());
            auto real = [&](int field, bool has, double v) {
                if (has)
                    OGR_F_SetFieldDouble(feat, field, std::round(v * 10) / 10);
                else
                    OGR_F_SetFieldNull(feat, field);
            };
            real(2, row->released(row->before), row->before);
            real(3, row->released(row->after), row->after);
            real(4, row->hasChange(), row->change());
            const std::optional<double> p = pct(*row);
            real(5, p.has_value(), p.value_or(0));
            OGR_F_SetFieldInteger(feat, 6, row->significant ? 1 : 0);
            OGR_F_SetFieldString(feat, 7, parameters.toUtf8().constData());
            setFlowLine(feat, m_cams, OdFlow{row->origin, row->destination, 0}, zones);
            out.add(feat);
            ++r.rows;
        }
        out.close();
    } else {
        QByteArray text = "origin,destination,before,after,change,change_pct,significant";
        text += m_names ? ",origin_name,destination_name\n" : "\n";
        for (const PeriodComparison::Row* row : rows) {
            const std::optional<double> p = pct(*row);
            text += csvField(label(row->origin, zones)) + ',' + csvField(label(row->destination, zones)) +
                    ',' + (row->released(row->before) ? number(row->before) : QByteArray()) + ',' +
                    (row->released(row->after) ? number(row->after) : QByteArray()) + ',' +
                    (row->hasChange() ? number(row->change()) : QByteArray()) + ',' +
                    (p ? number(*p) : QByteArray()) + ',' + (row->significant ? "true" : "false");
            if (m_names)
                text +=
                    ',' + csvField(name(row->origin, zones)) + ',' + csvField(name(row->destination, zones));
            text += '\n';
            ++r.rows;
        }
        writeText(file.temporaryPath(), text);
    }
    commit(file, zones ? QStringLiteral("compare (by zone)") : QStringLiteral("compare"), r, parameters,
           purpose);
    return r;
}

ExportResult ResultExport::profile(const PublishedCounts& hourly, const QString& path,
                                   const QString& parameters, const QString& purpose) {
    refuseLinkedData(path);
    if (isVector(path))
        throw Error::usage(QStringLiteral("%1: a profile is a table: write a .csv").arg(path));
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    r.suppressed = hourly.suppressed;
    // Sorted as the CSV is: by camera label, then weekday before weekend, then hour.
    const TypicalDay typical(hourly);
    std::map<std::tuple<QString, int, int>, TypicalDay::Hour> rows;
    for (const auto& [key, hour] : typical.hours)
        rows[{label(std::get<0>(key), false), std::get<1>(key), std::get<2>(key)}] = hour;
    QByteArray text = "camera,day_type,hour,median_passages,days\n";
    for (const auto& [key, hour] : rows) {
        text += csvField(std::get<0>(key)) + ',' + (std::get<1>(key) ? "weekend" : "weekday") + ',' +
                QByteArray::number(std::get<2>(key)) + ',' + QByteArray::number(hour.median, 'f', 1) + ',' +
                QByteArray::number(hour.days) + '\n';
        ++r.rows;
    }
    writeText(file.temporaryPath(), text);
    commit(file, QStringLiteral("counts (typical day)"), r, parameters, purpose);
    return r;
}

ExportResult ResultExport::distinctVehicles(const PublishedCounts& counts, bool perHour, bool byCity,
                                            const QString& path, const QString& parameters,
                                            const QString& purpose) {
    refuseLinkedData(path);
    if (byCity && isVector(path))
        throw Error::usage(
            QStringLiteral("%1: distinct vehicles over the city have no place: write a .csv").arg(path));
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    r.suppressed = counts.suppressed;
    std::vector<CameraCount> rows = counts.rows;
    std::sort(rows.begin(), rows.end(), [&](const CameraCount& a, const CameraCount& b) {
        if (!byCity && a.camera != b.camera)
            return label(a.camera, false) < label(b.camera, false);
        return a.period < b.period;
    });
    if (isVector(path)) {
        VectorWriter out(file.temporaryPath(), "camera_vehicles", wkbPoint);
        out.field("camera_id", OFTString);
        out.field("period", OFTString);
        out.field("vehicles", OFTInteger64);
        for (const CameraCount& c : rows) {
            OGRFeatureH feat = out.feature();
            OGR_F_SetFieldString(feat, 0, label(c.camera, false).toUtf8().constData());
            OGR_F_SetFieldString(feat, 1, periodLabel(c.period, perHour).toUtf8().constData());
            OGR_F_SetFieldInteger64(feat, 2, c.vehicles);
            setPoint(feat, m_cams.at(c.camera, false));
            out.add(feat);
            ++r.rows;
        }
        out.close();
    } else {
        QByteArray text = byCity ? "period,vehicles\n" : "camera,period,vehicles\n";
        for (const CameraCount& c : rows) {
            if (!byCity)
                text += csvField(label(c.camera, false)) + ',';
            text += periodLabel(c.period, perHour).toUtf8() + ',' +
                    QByteArray::number(static_cast<qlonglong>(c.vehicles)) + '\n';
            ++r.rows;
        }
        writeText(file.temporaryPath(), text);
    }
    commit(file,
           byCity ? QStringLiteral("counts (distinct vehicles, city)")
                  : QStringLiteral("counts (distinct vehicles)"),
           r, parameters, purpose);
    return r;
}

ExportResult ResultExport::journeyTimes(const PublishedTimes& times, const QString& path,
                                        const QString& parameters, const QString& purpose) {
    refuseLinkedData(path);
    OutputFile file(m_store, path, m_overwrite);
    ExportResult r;
    r.path = path;
    r.k = m_policy.k();
    r.suppressed = times.suppressed;
    std::vector<PairTimes> rows = times.rows;
    std::sort(rows.begin(), rows.end(), [&](const PairTimes& a, const PairTimes& b) {
        const QString fa = label(a.from, false), fb = label(b.from, false);
        if (fa != fb)
            return fa < fb;
        return label(a.to, false) < label(b.to, false);
    });
    QByteArray text = "from_camera,to_camera,n,median_s,p15_s,p85_s,outliers_dropped\n";
    for (const PairTimes& t : rows) {
        text += csvField(label(t.from, false)) + ',' + csvField(label(t.to, false)) + ',' +
                QByteArray::number(static_cast<qlonglong>(t.n)) + ',' + QByteArray::number(t.median, 'f', 1) +
                ',' + QByteArray::number(t.p15, 'f', 1) + ',' + QByteArray::number(t.p85, 'f', 1) + ',' +
                (t.dropped == DisclosurePolicy::kSuppressed
                     ? QByteArray()
                     : QByteArray::number(static_cast<qlonglong>(t.dropped))) +
                '\n';
        ++r.rows;
    }
    writeText(file.temporaryPath(), text);
    commit(file, QStringLiteral("journey-times"), r, parameters, purpose);
    return r;
}

} // namespace stroom
