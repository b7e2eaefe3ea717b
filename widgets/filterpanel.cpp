#include "filterpanel.h"

#include "common/vehicleclass.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace stroom::widgets {

FilterPanel::FilterPanel(QWidget* parent)
    : QDockWidget(tr("Filters"), parent) {
    setObjectName(QStringLiteral("FilterPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(buildWhen(body));
    layout->addWidget(buildVehicles(body));
    layout->addWidget(buildShow(body));
    layout->addWidget(buildTime(body));
    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("FilterSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    m_unique = new QLabel(body);
    m_unique->setObjectName(QStringLiteral("UniqueVehicles"));
    m_unique->setWordWrap(true);
    m_unique->hide();
    layout->addWidget(m_unique);
    layout->addStretch();
    // Scrolls instead of squeezing its rows when the dock is short (compare mode adds three).
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(scroll);
    connectControls();
    m_topNLabel->setText(QString::number(m_topN->value()));
}

QGroupBox* FilterPanel::buildWhen(QWidget* body) {
    auto* when = new QGroupBox(tr("When"), body);
    auto* form = new QFormLayout(when);
    m_allDates = new QCheckBox(tr("All days"), when);
    m_allDates->setChecked(true);
    form->addRow(m_allDates);
    m_from = new QDateEdit(when);
    m_to = new QDateEdit(when);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    m_fromLabel = new QLabel(tr("From"), when);
    m_toLabel = new QLabel(tr("To"), when);
    form->addRow(m_fromLabel, m_from);
    form->addRow(m_toLabel, m_to);
    // Compare mode: the dates above are the period before, these the period after.
    m_compare = new QCheckBox(tr("Compare with a later period"), when);
    m_compare->setObjectName(QStringLiteral("Compare"));
    m_compare->setToolTip(
        tr("Draws each flow's change in trips per day between the period above (before) and "
           "this one (after): blue less, red more, grey when the change is within the "
           "day-to-day variation (a permutation test over the days, 5 %)."));
    form->addRow(m_compare);
    m_afterFrom = new QDateEdit(when);
    m_afterTo = new QDateEdit(when);
    m_afterFrom->setObjectName(QStringLiteral("AfterFrom"));
    m_afterTo->setObjectName(QStringLiteral("AfterTo"));
    for (QDateEdit* d : {m_afterFrom, m_afterTo}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    form->addRow(tr("After from"), m_afterFrom);
    form->addRow(tr("After to"), m_afterTo);
    m_days = new QComboBox(when);
    m_days->addItems({tr("All days of the week"), tr("Weekdays"), tr("Weekend")});
    form->addRow(tr("Days"), m_days);
    auto* hours = new QHBoxLayout;
    m_hourFrom = new QSpinBox(when);
    m_hourFrom->setRange(0, 23);
    m_hourFrom->setSuffix(QStringLiteral(":00"));
    m_hourTo = new QSpinBox(when);
    m_hourTo->setRange(1, 24);
    m_hourTo->setValue(24);
    m_hourTo->setSuffix(QStringLiteral(":00"));
    hours->addWidget(m_hourFrom);
    hours->addWidget(new QLabel(QStringLiteral("–"), when));
    hours->addWidget(m_hourTo);
    form->addRow(tr("Start hour"), hours);
    return when;
}

QGroupBox* FilterPanel::buildVehicles(QWidget* body) {
    auto* what = new QGroupBox(tr("Vehicles"), body);
    auto* grid = new QGridLayout(what);
    for (int code : {vehicleclass::Car, vehicleclass::Van, vehicleclass::Truck, vehicleclass::Bus,
                     vehicleclass::Motorcycle, vehicleclass::Unknown}) {
        auto* box = new QCheckBox(vehicleclass::label(code), what);
        box->setChecked(true);
        box->setProperty("classCode", code);
        box->setObjectName(QStringLiteral("Class_%1").arg(QLatin1String(vehicleclass::key(code))));
        grid->addWidget(box, static_cast<int>(m_classes.size()) / 2, static_cast<int>(m_classes.size()) % 2);
        m_classes.push_back(box);
    }
    m_through = new QCheckBox(tr("Through traffic only"), what);
    m_through->setObjectName(QStringLiteral("ThroughOnly"));
    grid->addWidget(m_through, 3, 0);
    auto* how = new QPushButton(tr("Window…"), what);
    how->setObjectName(QStringLiteral("ThroughSettings"));
    how->setToolTip(tr("How through traffic is told: the cordon roles and each gate pair's crossing window, "
                       "or role-free"));
    connect(how, &QPushButton::clicked, this, &FilterPanel::throughSettingsRequested);
    grid->addWidget(how, 3, 1, Qt::AlignLeft);
    return what;
}

QGroupBox* FilterPanel::buildTime(QWidget* body) {
    auto* time = new QGroupBox(tr("Time"), body);
    auto* form = new QFormLayout(time);
    m_timeMode = new QComboBox(time);
    m_timeMode->setObjectName(QStringLiteral("TimeMode"));
    m_timeMode->addItems({tr("Whole period"), tr("Hour by hour"), tr("Day by day")});
    m_timeMode->setToolTip(tr("Steps the map through the hours of the day (the filter's days together) or "
                              "through the days, with one legend for every step"));
    form->addRow(tr("Show"), m_timeMode);
    auto* player = new QHBoxLayout;
    m_play = new QToolButton(time);
    m_play->setObjectName(QStringLiteral("Play"));
    m_play->setCheckable(true);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play / pause"));
    m_timeSlider = new QSlider(Qt::Horizontal, time);
    m_timeSlider->setObjectName(QStringLiteral("TimeSlider"));
    m_speed = new QComboBox(time);
    m_speed->setObjectName(QStringLiteral("Speed"));
    for (const int ms : {500, 1000, 2000})
        m_speed->addItem(tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'g', 2)), ms);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Time per step while playing"));
    player->addWidget(m_play);
    player->addWidget(m_timeSlider, 1);
    player->addWidget(m_speed);
    form->addRow(player);
    m_timeLabel = new QLabel(time);
    m_timeLabel->setObjectName(QStringLiteral("TimeLabel"));
    form->addRow(m_timeLabel);
    m_exportAnimation = new QPushButton(tr("Export animation…"), time);
    m_exportAnimation->setObjectName(QStringLiteral("ExportAnimation"));
    form->addRow(m_exportAnimation);
    m_timer = new QTimer(this);
    for (QWidget* w : std::initializer_list<QWidget*>{m_play, m_timeSlider, m_speed, m_exportAnimation})
        w->setEnabled(false);
    return time;
}

QGroupBox* FilterPanel::buildShow(QWidget* body) {
    auto* show = new QGroupBox(tr("Show"), body);
    auto* sform = new QFormLayout(show);
    auto* level = new QHBoxLayout;
    m_cameraLevel = new QRadioButton(tr("Cameras"), show);
    m_zoneLevel = new QRadioButton(tr("Zones"), show);
    m_zoneLevel->setObjectName(QStringLiteral("ZoneLevel"));
    m_cameraLevel->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_cameraLevel);
    group->addButton(m_zoneLevel);
    level->addWidget(m_cameraLevel);
    level->addWidget(m_zoneLevel);
    sform->addRow(tr("Between"), level);
    auto* top = new QHBoxLayout;
    m_topN = new QSlider(Qt::Horizontal, show);
    m_topN->setObjectName(QStringLiteral("TopN"));
    m_topN->setRange(10, 500);
    m_topN->setValue(100);
    m_topNLabel = new QLabel(show);
    m_topNLabel->setMinimumWidth(30);
    top->addWidget(m_topN);
    top->addWidget(m_topNLabel);
    sform->addRow(tr("Largest flows"), top);
    m_minTrips = new QSpinBox(show);
    m_minTrips->setObjectName(QStringLiteral("MinTrips"));
    m_minTrips->setRange(1, 1000000);
    m_minTrips->setValue(10);
    m_minTrips->setSuffix(tr(" trips"));
    sform->addRow(tr("At least"), m_minTrips);
    m_lockLegend = new QCheckBox(tr("Lock the legend"), show);
    m_lockLegend->setToolTip(tr("Keeps the legend's classes while you filter, to compare views"));
    m_lockLegend->setObjectName(QStringLiteral("LockLegend"));
    m_lockLegend->setToolTip(tr("Off: the classes follow the flows drawn, so a narrow filter uses the whole "
                                "colour ramp. On: the classes stay as they are while you filter."));
    sform->addRow(m_lockLegend);
    return show;
}

void FilterPanel::connectControls() {
    connect(m_allDates, &QCheckBox::toggled, this, [this](bool all) {
        m_from->setEnabled(!all);
        m_to->setEnabled(!all);
        emitChange();
    });
    for (QDateEdit* d : {m_from, m_to, m_afterFrom, m_afterTo})
        connect(d, &QDateEdit::dateChanged, this, &FilterPanel::emitChange);
    connect(m_compare, &QCheckBox::toggled, this, [this](bool on) {
        m_updating = true;
        if (on && m_allDates->isChecked()) {
            // A first proposal: the data's first half before, its second half after.
            const QDate first = m_from->minimumDate(), last = m_to->maximumDate();
            const QDate middle = first.addDays(first.daysTo(last) / 2);
            m_allDates->setChecked(false);
            m_from->setDate(first);
            m_to->setDate(middle);
            m_afterFrom->setDate(middle.addDays(1));
            m_afterTo->setDate(last);
        }
        m_afterFrom->setEnabled(on);
        m_afterTo->setEnabled(on);
        m_allDates->setEnabled(!on);
        m_fromLabel->setText(on ? tr("Before from") : tr("From"));
        m_toLabel->setText(on ? tr("Before to") : tr("To"));
        m_updating = false;
        emitChange();
    });
    connect(m_days, qOverload<int>(&QComboBox::currentIndexChanged), this, &FilterPanel::emitChange);
    for (QSpinBox* s : {m_hourFrom, m_hourTo, m_minTrips})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &FilterPanel::emitChange);
    for (QCheckBox* c : m_classes)
        connect(c, &QCheckBox::toggled, this, &FilterPanel::emitChange);
    for (QAbstractButton* b : std::initializer_list<QAbstractButton*>{m_through, m_zoneLevel, m_lockLegend})
        connect(b, &QAbstractButton::toggled, this, &FilterPanel::emitChange);
    connect(m_timeMode, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int mode) {
        for (QWidget* w : std::initializer_list<QWidget*>{m_play, m_timeSlider, m_speed, m_exportAnimation})
            w->setEnabled(mode != 0);
        if (mode == 0)
            setPlaying(false);
        if (mode != 0 && m_compare->isChecked()) {
            const QSignalBlocker block(m_compare); // one change below, not two
            m_compare->setChecked(false);
            m_afterFrom->setEnabled(false);
            m_afterTo->setEnabled(false);
            m_allDates->setEnabled(true);
            m_fromLabel->setText(tr("From"));
            m_toLabel->setText(tr("To"));
        }
        m_compare->setEnabled(mode == 0); // one at a time: a comparison does not play
        m_frames.clear();
        emitChange();
    });
    connect(m_timeSlider, &QSlider::valueChanged, this, [this](int i) {
        if (i >= 0 && i < static_cast<int>(m_frames.size()))
            m_timeLabel->setText(
                QStringLiteral("<b>%1</b>").arg(m_frames[static_cast<std::size_t>(i)].label));
        emitChange();
    });
    connect(m_play, &QToolButton::toggled, this, [this](bool on) { setPlaying(on); });
    connect(m_speed, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_timer->setInterval(m_speed->currentData().toInt()); });
    connect(m_timer, &QTimer::timeout, this, &FilterPanel::step);
    connect(m_exportAnimation, &QPushButton::clicked, this, &FilterPanel::exportAnimationRequested);
    connect(m_topN, &QSlider::valueChanged, this, [this](int v) {
        m_topNLabel->setText(QString::number(v));
        emitChange();
    });
}

void FilterPanel::setDataRange(const QDate& first, const QDate& last) {
    m_updating = true;
    for (QDateEdit* d : {m_from, m_to, m_afterFrom, m_afterTo})
        d->setDateRange(first, last);
    m_from->setDate(first);
    m_to->setDate(last);
    m_afterFrom->setDate(first);
    m_afterTo->setDate(last);
    m_updating = false;
}

std::optional<maps::FlowAnimation::Step> FilterPanel::timeStep() const {
    switch (m_timeMode->currentIndex()) {
    case 1:
        return maps::FlowAnimation::Step::HourOfDay;
    case 2:
        return maps::FlowAnimation::Step::Day;
    default:
        return std::nullopt;
    }
}

void FilterPanel::setFrames(const std::vector<maps::FlowAnimation::Frame>& frames) {
    m_frames = frames;
    const bool was = m_updating;
    m_updating = true;
    m_timeSlider->setRange(0, std::max(0, static_cast<int>(frames.size()) - 1));
    m_updating = was;
    const int i = m_timeSlider->value();
    m_timeLabel->setText(i < static_cast<int>(frames.size())
                             ? QStringLiteral("<b>%1</b>").arg(frames[static_cast<std::size_t>(i)].label)
                             : QString());
}

void FilterPanel::setPlaying(bool playing) {
    if (playing && !timeStep())
        playing = false;
    if (m_play->isChecked() != playing) {
        const QSignalBlocker block(m_play);
        m_play->setChecked(playing);
    }
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_timer->setInterval(m_speed->currentData().toInt());
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
}

int FilterPanel::stepMilliseconds() const {
    return m_speed->currentData().toInt();
}

bool FilterPanel::isPlaying() const {
    return m_timer->isActive();
}

void FilterPanel::step() {
    if (m_timeSlider->maximum() <= 0)
        return;
    m_timeSlider->setValue(m_timeSlider->value() >= m_timeSlider->maximum() ? 0 : m_timeSlider->value() + 1);
}

maps::FlowView FilterPanel::view() const {
    maps::FlowView v = baseView();
    // The player's frame: its hour or its day of the base view, with the classes the frames share.
    const int i = m_timeSlider->value();
    if (timeStep() && i >= 0 && i < static_cast<int>(m_frames.size()))
        v = m_frames[static_cast<std::size_t>(i)].view;
    return v;
}

maps::FlowView FilterPanel::baseView() const {
    maps::FlowView v;
    if (!m_allDates->isChecked()) {
        v.filter.from = m_from->date();
        v.filter.to = m_to->date();
    }
    v.filter.days = static_cast<FlowFilter::Days>(m_days->currentIndex());
    v.filter.hourFrom = m_hourFrom->value();
    v.filter.hourTo = std::max(m_hourTo->value(), m_hourFrom->value() + 1);
    std::uint32_t mask = 0;
    bool all = true;
    for (QCheckBox* c : m_classes) {
        if (c->isChecked())
            mask |= 1u << c->property("classCode").toInt();
        else
            all = false;
    }
    v.filter.classMask = all ? 0 : (mask == 0 ? (1u << 31) : mask); // none ticked: nothing passes
    v.filter.throughOnly = m_through->isChecked();
    v.zones = m_zoneLevel->isChecked();
    v.topN = m_topN->value();
    v.minTrips = m_minTrips->value();
    v.lockLegend = m_lockLegend->isChecked();
    v.compare = m_compare->isChecked();
    if (v.compare) {
        v.filter.from = m_from->date();
        v.filter.to = m_to->date();
        v.afterFrom = m_afterFrom->date();
        v.afterTo = m_afterTo->date();
    }
    return v;
}

void FilterPanel::setView(const maps::FlowView& v) {
    m_updating = true;
    m_allDates->setChecked(!v.filter.from.isValid() && !v.filter.to.isValid());
    if (v.filter.from.isValid())
        m_from->setDate(v.filter.from);
    if (v.filter.to.isValid())
        m_to->setDate(v.filter.to);
    m_days->setCurrentIndex(static_cast<int>(v.filter.days));
    m_hourFrom->setValue(v.filter.hourFrom);
    m_hourTo->setValue(v.filter.hourTo);
    for (QCheckBox* c : m_classes)
        c->setChecked(v.filter.classMask == 0 ||
                      (v.filter.classMask >> c->property("classCode").toInt() & 1u));
    m_through->setChecked(v.filter.throughOnly && m_throughAvailable); // never checked while it cannot be
    (v.zones ? m_zoneLevel : m_cameraLevel)->setChecked(true);
    m_topN->setValue(v.topN);
    m_minTrips->setValue(v.minTrips);
    m_lockLegend->setChecked(v.lockLegend);
    if (v.afterFrom.isValid())
        m_afterFrom->setDate(v.afterFrom);
    if (v.afterTo.isValid())
        m_afterTo->setDate(v.afterTo);
    m_compare->setChecked(v.compare);
    m_updating = false;
    emitChange();
}

void FilterPanel::emitChange() {
    if (!m_updating)
        emit viewChanged(view());
}

void FilterPanel::setThroughAvailable(bool available) {
    m_throughAvailable = available;
    if (!available && m_through->isChecked())
        m_through->setChecked(false);
    m_through->setEnabled(available);
    m_through->setToolTip(available
                              ? tr("Trips that enter at the cordon and leave it again within the crossing "
                                   "window")
                              : tr("This project has no cameras with the roles cordon-in and cordon-out, so "
                                   "through traffic cannot be told: give the cameras on the city's boundary "
                                   "their roles in the register, or count it role-free (Window…)."));
}

QString FilterPanel::throughShareText(const maps::FlowViewResult& r) const {
    if (!m_throughAvailable || r.matrix.throughTrips < r.k || r.matrix.trips <= 0)
        return QString();
    const QLocale l;
    const double share = static_cast<double>(r.matrix.throughTrips) / static_cast<double>(r.matrix.trips);
    if (m_throughParams.throughMethod == ThroughMethod::RoleFree)
        return tr("Through traffic (role-free): %1 % of these trips.").arg(l.toString(100 * share, 'f', 1));
    const double corrected = m_throughEstimate.correctedShare(r.matrix.trips, r.matrix.throughTrips);
    if (corrected < 0)
        return tr("Through traffic: %1 % of these trips.").arg(l.toString(100 * share, 'f', 1));
    return tr("Through traffic: %1 % of these trips; about %2 % with the through trips whose gate read the "
              "cameras missed (read rate %3 %).")
        .arg(l.toString(100 * share, 'f', 1), l.toString(100 * corrected, 'f', 1),
             l.toString(100 * m_throughEstimate.readRate, 'f', 1));
}

void FilterPanel::showUniqueVehicles(const std::optional<DailyVehicles>& vehicles, bool counting) {
    const QLocale l;
    if (counting) {
        m_unique->setText(tr("Unique vehicles per day, all cameras: counting…"));
    } else if (!vehicles) {
        m_unique->hide();
        return;
    } else if (vehicles->days == 0) {
        m_unique->setText(
            tr("Unique vehicles per day, all cameras: no day has k = %1 vehicles or more under this filter.")
                .arg(m_minTrips->minimum()));
    } else {
        m_unique->setText(tr("Unique vehicles per day, all cameras: median %1 (%2–%3 over %4 days; a vehicle "
                             "seen at several cameras on a day counts once).")
                              .arg(l.toString(vehicles->median, 'f', 0),
                                   l.toString(static_cast<qlonglong>(vehicles->lowest)),
                                   l.toString(static_cast<qlonglong>(vehicles->highest)))
                              .arg(vehicles->days));
    }
    m_unique->show();
}

QString FilterPanel::uniqueVehiclesText() const {
    return m_unique->isHidden() ? QString() : m_unique->text();
}

void FilterPanel::setThroughEstimate(const TripParameters& params, const ThroughEstimate& estimate) {
    m_throughParams = params;
    m_throughEstimate = estimate;
}

void FilterPanel::showResult(const maps::FlowViewResult& r) {
    const QLocale l;
    m_minTrips->setMinimum(r.k);
    if (r.comparison || !r.compareProblem.isEmpty()) {
        const maps::FlowView v = view();
        if (!r.compareProblem.isEmpty()) {
            m_summary->setText(QStringLiteral("<b>") + r.compareProblem.toHtmlEscaped() +
                               QStringLiteral("</b>"));
            return;
        }
        m_summary->setText(
            tr("Trips per day, <b>%1</b> (%2 days) before and <b>%3</b> (%4 days) after: %5 flows drawn, "
               "<b>%6</b> changed significantly (permutation test over the days, 5 %; about 1 in 20 "
               "unchanged "
               "flows is flagged by chance).<br>Privacy: each period is released on its own: cells with "
               "fewer "
               "than <b>k = %7</b> vehicles in a period have no figure there; %8 cells under k in both.")
                .arg(PeriodComparison::periodText(v.filter))
                .arg(r.beforeDays)
                .arg(PeriodComparison::periodText(v.afterFilter()))
                .arg(r.afterDays)
                .arg(r.shown.size())
                .arg(r.significant)
                .arg(r.k)
                .arg(l.toString(static_cast<qlonglong>(r.suppressedCells))));
        return;
    }
    const QString share = throughShareText(r);
    m_summary->setText(
        tr("<b>%1</b> trips in the released cells, <b>%2</b> through traffic; %3 flows drawn "
           "(%4 trips).<br>Privacy: cells with fewer than <b>k = %5</b> vehicles are never shown: <b>%6</b> "
           "suppressed; figures are perturbed (±2 at most). %7 single-read trips are left out of the matrix.")
            .arg(l.toString(static_cast<qlonglong>(r.matrix.trips)),
                 m_throughAvailable ? DisclosurePolicy::shown(r.matrix.throughTrips, r.k, l).toHtmlEscaped()
                                    : tr("unknown (no cordon roles)")) // "< 10" is not a tag
            .arg(r.shown.size())
            .arg(l.toString(static_cast<qlonglong>(r.tripsShown)))
            .arg(r.k)
            .arg(l.toString(static_cast<qlonglong>(r.suppressedCells)),
                 DisclosurePolicy::shown(r.matrix.singleReadTrips, r.k, l).toHtmlEscaped()) +
        (share.isEmpty() ? QString() : QStringLiteral("<br>") + share.toHtmlEscaped()) +
        (r.shown.empty() && r.suppressedCells > 0
             ? QStringLiteral("<br><b>") +
                   tr("No flow has %1 or more vehicles on one day under this filter: widen it (more hours, "
                      "more classes, zones instead of cameras).")
                       .arg(r.k) +
                   QStringLiteral("</b>")
             : QString()));
}

QString FilterPanel::summaryText() const {
    return m_summary->text();
}

} // namespace stroom::widgets
