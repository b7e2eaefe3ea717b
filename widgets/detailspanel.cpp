#include "detailspanel.h"

#include "camerasymbology.h"

#include "store/vocabulary.h"

#include "common/vehicleclass.h"

#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

using namespace QtCharts;

namespace stroom::widgets {

namespace {
QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

} // namespace

DetailsPanel::DetailsPanel(QWidget* parent)
    : QDockWidget(tr("Details"), parent) {
    setObjectName(QStringLiteral("DetailsPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    m_text = new QTextBrowser(body);
    m_text->setObjectName(QStringLiteral("DetailsText"));
    m_text->setMinimumHeight(150);
    layout->addWidget(m_text, 1);
    m_chartView = new QChartView(new QChart(), body);
    m_chartView->setObjectName(QStringLiteral("HourlyChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_chartView->chart()->setMargins(QMargins(4, 4, 4, 4));
    layout->addWidget(m_chartView, 1);
    setWidget(body);
    clear();
}

void DetailsPanel::showEmptyProject() {
    clear();
    m_text->setHtml(tr(
        "<p><b>A new project.</b> Next:</p><ol>"
        "<li>File &gt; Import cameras… (the register: CSV, GeoJSON, GeoPackage, OpenStreetMap)</li>"
        "<li>File &gt; Import zones… (districts, for flows between them: GeoJSON, GeoPackage, Shapefile)</li>"
        "<li>File &gt; Import ANPR data… (pseudonymised exports, or counts from privacy-proof "
        "cameras)</li></ol><p>The flow map, the OD matrix and the counts follow each import.</p>"));
}

void DetailsPanel::clear() {
    m_text->setHtml(tr("<p>Click a camera, a zone or a flow on the map to see its details here.</p>"));
    m_chartView->chart()->removeAllSeries();
    for (QAbstractAxis* a : m_chartView->chart()->axes())
        m_chartView->chart()->removeAxis(a);
    m_chartView->chart()->setTitle(QString());
    m_chartView->setVisible(false);
}

QString DetailsPanel::text() const {
    return m_text->toPlainText();
}
QChart* DetailsPanel::chart() const {
    return m_chartView->chart();
}

void DetailsPanel::showCamera(const Camera& c, const maps::CameraProfile& profile, int k) {
    const QLocale l;
    // Released figures only: a class is a released cell, suppressed, or absent; the total is the sum of the
    // released classes; every bar of the chart is a released cell of its own.
    std::int64_t byClass[vehicleclass::kCount] = {};
    double perHour[vehicleclass::kCount][24] = {};
    std::int64_t total = 0;
    auto clsOf = [](int cls) { return std::max(0, std::min(cls, vehicleclass::kCount - 1)); };
    for (const CameraCount& cc : profile.byClass.rows) {
        byClass[clsOf(cc.cls)] = cc.passages;
        total += cc.passages;
    }
    for (const CameraCount& cc : profile.byClass.suppressedCells)
        byClass[clsOf(cc.cls)] = DisclosurePolicy::kSuppressed;
    for (const CameraCount& cc : profile.hourly.rows)
        perHour[clsOf(cc.cls)][std::clamp<std::int64_t>(cc.period, 0, 23)] = static_cast<double>(cc.passages);
    QString html = QStringLiteral("<h3>%1 %2</h3>").arg(esc(c.id), esc(c.name));
    html += QStringLiteral("<table>");
    auto row = [&](const QString& k1, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(k1), esc(v));
    };
    row(tr("Owner"), c.owner.isEmpty() ? tr("unknown") : c.owner);
    row(tr("Operator"), c.operatorName.isEmpty() ? tr("unknown") : c.operatorName);
    row(tr("Purpose"), c.purpose.isEmpty() ? tr("unknown") : vocabulary::purpose(c.purpose));
    row(tr("Legal basis"), c.legalBasis.isEmpty() ? tr("not recorded") : c.legalBasis);
    row(tr("Role"), c.role.isEmpty() ? tr("none") : vocabulary::role(c.role));
    row(tr("Zone"), c.zone.isEmpty() ? tr("none") : c.zone);
    row(tr("Registered"), c.registered ? tr("yes") : tr("no: seen in ANPR data, not in the register"));
    html += QStringLiteral("</table>");
    if (total <= 0) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Fewer than k = %1 vehicles under these filters: not shown.").arg(k)));
        m_text->setHtml(html);
        m_chartView->setVisible(false);
        return;
    }
    html +=
        QStringLiteral("<p><b>%1</b></p><ul>")
            .arg(esc(tr("%1 passages under these filters").arg(l.toString(static_cast<qlonglong>(total)))));
    // Classes not released, whether none passed or fewer than k, read the same.
    QStringList hidden;
    for (int cls = 0; cls < vehicleclass::kCount; ++cls) {
        if (byClass[cls] <= 0) {
            hidden << vehicleclass::label(cls).toLower();
            continue;
        }
        html += QStringLiteral("<li>%1: %2</li>")
                    .arg(esc(vehicleclass::label(cls)), l.toString(static_cast<qlonglong>(byClass[cls])));
    }
    if (!hidden.isEmpty())
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(
                        tr("%1: fewer than %2 vehicles each").arg(hidden.join(QStringLiteral(", "))).arg(k)));
    html += QStringLiteral("</ul>");
    // Unique vehicles per local day (each day released on its own) and the typical day's busiest hours.
    if (const DailyVehicles unique = DailyVehicles::of(profile.perDay); unique.days > 0)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Unique vehicles per day: median %1 (%2–%3 over %n day(s); a vehicle seen "
                                "several times on a day counts once)",
                                nullptr, unique.days)
                                 .arg(l.toString(unique.median, 'f', 0),
                                      l.toString(static_cast<qlonglong>(unique.lowest)),
                                      l.toString(static_cast<qlonglong>(unique.highest)))));
    const TypicalDay typical(profile.localHour);
    for (const int weekend : {0, 1}) {
        const TypicalDay::Hour* busiest = nullptr;
        int busiestHour = 0;
        for (const auto& [key, hour] : typical.hours)
            if (std::get<1>(key) == weekend && (!busiest || hour.median > busiest->median)) {
                busiest = &hour;
                busiestHour = std::get<2>(key);
            }
        if (busiest)
            html +=
                QStringLiteral("<p>%1</p>")
                    .arg(esc((weekend ? tr("Typical weekend day: busiest hour %1:00–%2:00, median %3 "
                                           "passages (over %4 days)")
                                      : tr("Typical weekday: busiest hour %1:00–%2:00, median %3 passages "
                                           "(over %4 days)"))
                                 .arg(busiestHour, 2, 10, QLatin1Char('0'))
                                 .arg(busiestHour + 1, 2, 10, QLatin1Char('0'))
                                 .arg(l.toString(busiest->median, 'f', 0))
                                 .arg(busiest->days)));
    }
    m_text->setHtml(html);

    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes())
        chart->removeAxis(a);
    auto* series = new QStackedBarSeries(chart);
    double peak = 0;
    double hourTotals[24] = {};
    for (int cls = 0; cls < vehicleclass::kCount; ++cls) {
        if (byClass[cls] <= 0)
            continue; // suppressed classes stay out of the chart too
        auto* set = new QBarSet(vehicleclass::label(cls));
        set->setColor(maps::CameraSymbology::classColor(cls));
        for (int h = 0; h < 24; ++h) {
            *set << perHour[cls][h];
            hourTotals[h] += perHour[cls][h];
        }
        series->append(set);
    }
    for (double v : hourTotals)
        peak = std::max(peak, v);
    chart->addSeries(series);
    // A value axis under the bars (bar i sits at x = i): a tick every three hours stays readable.
    auto* x = new QValueAxis(chart);
    x->setRange(-0.5, 23.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(3);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTitleText(tr("hour"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis(chart);
    y->setRange(0, peak * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->setTitle(tr("Passages per hour of the day"));
    m_chartView->setVisible(true);
}

void DetailsPanel::showZone(const QString& id, const QString& name, std::int64_t out, std::int64_t in,
                            int cameras) {
    const QLocale l;
    m_text->setHtml(QStringLiteral("<h3>%1</h3><p>%2</p><ul><li>%3</li><li>%4</li><li>%5</li></ul>")
                        .arg(esc(name.isEmpty() ? id : name), esc(tr("Zone %1").arg(id)),
                             esc(tr("Trips leaving: %1").arg(l.toString(static_cast<qlonglong>(out)))),
                             esc(tr("Trips arriving: %1").arg(l.toString(static_cast<qlonglong>(in)))),
                             esc(tr("Cameras in the zone: %1").arg(cameras))));
    m_chartView->setVisible(false);
}

void DetailsPanel::showFlow(const FlowDetails& d, int k) {
    const QLocale l;
    QString html = QStringLiteral("<h3>%1 → %2</h3><ul>").arg(esc(d.origin), esc(d.destination));
    if (d.change) {
        const PeriodComparison::Row& c = *d.change;
        auto perDay = [&](double v) {
            return c.released(v) ? tr("%1 trips per day").arg(l.toString(v, 'f', 1))
                                 : tr("fewer than k = %1 vehicles, no figure").arg(k);
        };
        html += QStringLiteral("<li>%1</li>").arg(esc(tr("Before: %1").arg(perDay(c.before))));
        html += QStringLiteral("<li>%1</li>").arg(esc(tr("After: %1").arg(perDay(c.after))));
        if (c.hasChange())
            html +=
                QStringLiteral("<li>%1</li>")
                    .arg(esc(c.before > 0 ? tr("Change: %1 per day (%2 %)")
                                                .arg(l.toString(c.change(), 'f', 1),
                                                     l.toString(100.0 * c.change() / c.before, 'f', 1))
                                          : tr("Change: %1 per day").arg(l.toString(c.change(), 'f', 1))));
        html += QStringLiteral("<li><b>%1</b></li>")
                    .arg(esc(c.significant ? tr("Significant: the change stands out from the day-to-day "
                                                "variation (5 %)")
                                           : tr("Not significant: within the day-to-day variation (5 %)")));
    } else {
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(tr("Trips: %1").arg(l.toString(static_cast<qlonglong>(d.trips)))));
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(tr("Share of the trips leaving %1: %2 %")
                                 .arg(d.origin, l.toString(d.shareOfOrigin, 'f', 1))));
    }
    if (d.durationN != DisclosurePolicy::kSuppressed && d.durationN > 0)
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(tr("Journey time: median %1 min (15th–85th percentile %2–%3 min, %4 trips)")
                                 .arg(l.toString(d.median / 60.0, 'f', 1), l.toString(d.p15 / 60.0, 'f', 1),
                                      l.toString(d.p85 / 60.0, 'f', 1),
                                      l.toString(static_cast<qlonglong>(d.durationN)))));
    else
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(tr("Journey time: fewer than k = %1 vehicles, not shown").arg(k)));
    html += QStringLiteral("</ul>");
    m_text->setHtml(html);
    m_chartView->setVisible(false);
}

} // namespace stroom::widgets
