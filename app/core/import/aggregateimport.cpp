#include "common/error.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"
#include "import/importparts.h"

#include <QDateTime>

#include <unordered_map>

namespace stroom::importing {

namespace {

/**
 * Counts (camera, period, class, vehicles) and camera-pair flows (from, to, period, vehicles, mean
 * seconds) from privacy-proof cameras: small files, one thread, a row at a time.
 */
class AggregateImport {
public:
    explicit AggregateImport(ImportContext& ctx)
        : m_ctx(ctx)
        , m_L(ctx.file.layout)
        , m_zone(m_L.timezone.toUtf8())
        , m_counts(m_L.format == ImportFormat::Counts) {
        parsePeriodOption();
        if (m_L.col(Role::PeriodStart) < 0 && !m_havePeriod)
            ctx.warnings.add(
                QStringLiteral("no period in the file: flows stored without one (give --period START/END)"),
                1, QString());
    }

    void run() {
        for (;;) {
            m_ctx.checkCancel();
            const std::vector<std::string_view>* v = nullptr;
            qint64 line = 0;
            const ImportContext::Next next = m_ctx.nextRow(&v, &line);
            if (next == ImportContext::Next::End)
                break;
            if (next == ImportContext::Next::Row && importRow(*v, line))
                ++m_ctx.report.stored;
            if (m_ctx.rowsRead % 4096 == 0)
                m_ctx.reportConsumed(m_ctx.file.source->consumed());
        }
        m_ctx.report.rows = m_ctx.rowsRead;
    }

private:
    struct Period {
        bool known = false;
        std::int64_t start = 0, minutes = 0;
        QString text() const {
            return known ? QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate) : QString();
        }
    };

    /** --period START/END, for files without period columns. */
    void parsePeriodOption() {
        const QString& period = m_ctx.options.period;
        if (period.isEmpty())
            return;
        const QStringList parts = period.split(QLatin1Char('/'));
        std::int64_t a = 0, b = 0;
        const QByteArray pa = parts.value(0).toUtf8(), pb = parts.value(1).toUtf8();
        if (parts.size() != 2 ||
            timeparse::parseAny(std::string_view(pa.constData(), static_cast<std::size_t>(pa.size())), m_zone,
                                &a) != timeparse::Result::Ok ||
            timeparse::parseAny(std::string_view(pb.constData(), static_cast<std::size_t>(pb.size())), m_zone,
                                &b) != timeparse::Result::Ok ||
            b <= a)
            throw Error::usage(
                QStringLiteral("--period must be START/END with END after START (got '%1')").arg(period));
        m_period = Period{true, a, (b - a) / 60};
        m_havePeriod = true;
    }

    std::string_view field(const std::vector<std::string_view>& v, Role r) const {
        return CsvReader::trimmed(v[static_cast<std::size_t>(m_L.col(r))]);
    }
    void reject(qint64 line, Role r, const QString& why) { m_ctx.rejections.add(line, header(m_L, r), why); }

    /** The row's period: its own columns, else --period; false (rejected) when they are not readable. */
    bool periodOf(const std::vector<std::string_view>& v, qint64 line, Period* p) {
        *p = m_period;
        if (m_L.col(Role::PeriodStart) < 0)
            return true;
        const timeparse::Result tr = timeparse::parseAny(field(v, Role::PeriodStart), m_zone, &p->start);
        if (tr != timeparse::Result::Ok || p->start < kEarliest) {
            reject(line, Role::PeriodStart,
                   QStringLiteral("%1 is not a valid period start").arg(shown(field(v, Role::PeriodStart))));
            return false;
        }
        p->known = true;
        if (m_L.col(Role::PeriodMinutes) >= 0 &&
            (!parseInt(field(v, Role::PeriodMinutes), &p->minutes) || p->minutes <= 0)) {
            reject(line, Role::PeriodMinutes,
                   QStringLiteral("%1 is not a number of minutes").arg(shown(field(v, Role::PeriodMinutes))));
            return false;
        }
        return true;
    }

    bool importRow(const std::vector<std::string_view>& v, qint64 line) {
        std::int64_t vehicles = 0;
        if (!parseInt(field(v, Role::Vehicles), &vehicles) || vehicles < 0) {
            reject(line, Role::Vehicles,
                   QStringLiteral("%1 is not a vehicle count").arg(shown(field(v, Role::Vehicles))));
            return false;
        }
        Period period;
        if (!periodOf(v, line, &period))
            return false;
        return m_counts ? countRow(v, line, period, vehicles) : pairRow(v, line, period, vehicles);
    }

    bool countRow(const std::vector<std::string_view>& v, qint64 line, const Period& period,
                  std::int64_t vehicles) {
        const std::string_view cam = field(v, Role::Camera);
        if (cam.empty() || !CsvReader::isValidUtf8(cam)) {
            reject(line, Role::Camera, QStringLiteral("no camera"));
            return false;
        }
        int cls = vehicleclass::Unknown;
        if (m_L.col(Role::Class) >= 0) {
            cls = vehicleclass::fromLabel(field(v, Role::Class));
            if (cls < 0) {
                m_ctx.warnings.add(QStringLiteral("unknown vehicle class stored as unknown"), line,
                                   shown(field(v, Role::Class)));
                cls = vehicleclass::Unknown;
            }
        }
        camera(cam, line);
        m_insCount.bind(1, m_ctx.report.importId).bind(2, view(cam)).bind(3, period.text());
        if (period.known)
            m_insCount.bind(4, period.minutes);
        else
            m_insCount.bindNull(4);
        m_insCount.bind(5, QString::fromLatin1(vehicleclass::key(cls))).bind(6, vehicles);
        // Passages beside distinct vehicles (stroom-edge writes both); without them, vehicles stand for both.
        std::int64_t passages = 0;
        if (m_L.col(Role::Passages) >= 0 && !field(v, Role::Passages).empty()) {
            if (!parseInt(field(v, Role::Passages), &passages) || passages < vehicles) {
                reject(line, Role::Passages,
                       QStringLiteral("%1 is not a passage count of at least the vehicles")
                           .arg(shown(field(v, Role::Passages))));
                return false;
            }
            m_insCount.bind(7, passages);
        } else {
            m_insCount.bindNull(7);
        }
        m_insCount.run();
        return true;
    }

    bool pairRow(const std::vector<std::string_view>& v, qint64 line, const Period& period,
                 std::int64_t vehicles) {
        std::string_view from, to;
        std::string pair;
        if (m_L.col(Role::FromCamera) >= 0 && m_L.col(Role::ToCamera) >= 0) {
            from = field(v, Role::FromCamera);
            to = field(v, Role::ToCamera);
        } else {
            pair = std::string(field(v, Role::Pair));
            const std::size_t sep = pair.find_first_of("_>|");
            if (sep == std::string::npos || pair.find_first_of("_>|", sep + 1) != std::string::npos) {
                reject(line, Role::Pair,
                       QStringLiteral("%1 is not a camera pair 'from_to'").arg(shown(pair)));
                return false;
            }
            from = std::string_view(pair).substr(0, sep);
            to = std::string_view(pair).substr(sep + 1);
        }
        if (from.empty() || to.empty() || !CsvReader::isValidUtf8(from) || !CsvReader::isValidUtf8(to)) {
            m_ctx.rejections.add(line, QString(), QStringLiteral("no camera pair"));
            return false;
        }
        double mean = 0;
        const bool hasMean = m_L.col(Role::MeanSeconds) >= 0 && !field(v, Role::MeanSeconds).empty();
        if (hasMean && (!parseDouble(field(v, Role::MeanSeconds), &mean) || mean < 0)) {
            reject(line, Role::MeanSeconds,
                   QStringLiteral("%1 is not a number of seconds").arg(shown(field(v, Role::MeanSeconds))));
            return false;
        }
        camera(from, line);
        camera(to, line);
        m_insFlow.bind(1, m_ctx.report.importId).bind(2, view(from)).bind(3, view(to)).bind(4, period.text());
        if (period.known)
            m_insFlow.bind(5, period.minutes);
        else
            m_insFlow.bindNull(5);
        m_insFlow.bind(6, vehicles);
        if (hasMean)
            m_insFlow.bind(7, mean);
        else
            m_insFlow.bindNull(7);
        m_insFlow.run();
        return true;
    }

    /** Creates an unknown camera (flagged unregistered) the first time the file names it. */
    void camera(std::string_view id, qint64 line) {
        std::string key(id);
        if (m_seen.count(key))
            return;
        refusePlateLikeCameraId(id, m_ctx.path, line, QString());
        NewCamera nc;
        nc.id = key;
        m_seen.emplace(key, m_ctx.cameras.resolve(nc));
    }

    ImportContext& m_ctx;
    const FileLayout& m_L;
    LocalTime m_zone;
    const bool m_counts;
    Period m_period;
    bool m_havePeriod = false;
    std::unordered_map<std::string, std::int64_t> m_seen;
    sql::Statement m_insCount =
        m_ctx.db.prepare("INSERT INTO cube.agg_counts (import_id, camera_id, period_start, period_minutes, "
                         "vehicle_class, vehicles, passages) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    sql::Statement m_insFlow =
        m_ctx.db.prepare("INSERT INTO cube.agg_pairflows (import_id, from_camera, to_camera, period_start, "
                         "period_minutes, vehicles, mean_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
};

} // namespace

void importAggregates(ImportContext& ctx) {
    AggregateImport(ctx).run();
}

} // namespace stroom::importing
