#include "throughtrafficdialog.h"

#include "common/error.h"
#include "session/session.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stroom::widgets {

namespace {
QLabel* explanation(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setContentsMargins(24, 0, 0, 0); // under its choice's text, past the radio button
    return l;
}

QTableWidgetItem* number(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

ThroughTrafficDialog::ThroughTrafficDialog(Session* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_stored(session->flows().storedParameters())
    , m_watcher(new QFutureWatcher<Outcome>(this)) {
    setWindowTitle(tr("Through traffic"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Through traffic crosses the city without stopping: it enters at a cordon-in "
                                "camera and leaves at a cordon-out camera within the crossing window."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* method = new QGroupBox(tr("Method"), this);
    auto* methodLayout = new QVBoxLayout(method);
    m_cordon = new QRadioButton(tr("By the cameras' cordon roles"), method);
    m_cordon->setObjectName(QStringLiteral("ThroughByRoles"));
    m_roleFree = new QRadioButton(tr("Role-free (ANPR Metrics' definition)"), method);
    m_roleFree->setObjectName(QStringLiteral("ThroughRoleFree"));
    methodLayout->addWidget(m_cordon);
    methodLayout->addWidget(m_roleFree);
    methodLayout->addWidget(
        explanation(tr("A vehicle whose reads of a day span less than an hour, with no camera "
                       "read twice, is through traffic: for projects without cordon roles."),
                    method));
    if (!session->flows().cameras().hasCordon()) {
        auto* none = new QLabel(tr("No camera of this project has the role cordon-in or cordon-out: give the "
                                   "cameras on the city's boundary their roles in the register, or count "
                                   "through traffic role-free."),
                                method);
        none->setObjectName(QStringLiteral("NoCordonRoles"));
        none->setWordWrap(true);
        methodLayout->addWidget(none);
    }
    layout->addWidget(method);

    auto* window = new QGroupBox(tr("Crossing window"), this);
    auto* windowLayout = new QVBoxLayout(window);
    m_perPair = new QRadioButton(tr("Each gate pair its own, from its trips"), window);
    m_perPair->setObjectName(QStringLiteral("WindowPerPair"));
    m_fixed = new QRadioButton(tr("One window for every gate pair"), window);
    m_fixed->setObjectName(QStringLiteral("WindowFixed"));
    auto* range = new QHBoxLayout;
    m_min = new QSpinBox(window);
    m_min->setObjectName(QStringLiteral("WindowMin"));
    m_max = new QSpinBox(window);
    m_max->setObjectName(QStringLiteral("WindowMax"));
    for (QSpinBox* s : {m_min, m_max}) {
        s->setRange(0, 1440);
        s->setSuffix(tr(" min"));
    }
    m_min->setValue(m_stored.throughMinSeconds / 60);
    m_max->setValue(m_stored.throughMaxSeconds / 60);
    range->addWidget(new QLabel(tr("From"), window));
    range->addWidget(m_min);
    range->addWidget(new QLabel(tr("to"), window));
    range->addWidget(m_max);
    auto* also = new QLabel(tr("(also for the gate pairs with too few trips of their own)"), window);
    also->setWordWrap(true);
    range->addWidget(also, 1);
    windowLayout->addWidget(m_perPair);
    windowLayout->addWidget(
        explanation(tr("The pair's median crossing time + 3 robust standard deviations "
                       "(1.4826 × MAD), at least 5 min, for pairs with 30 trips and k vehicles on a day or "
                       "more."),
                    window));
    windowLayout->addWidget(m_fixed);
    windowLayout->addLayout(range);
    m_windows = new QTableWidget(0, 5, window);
    m_windows->setObjectName(QStringLiteral("GatePairWindows"));
    m_windows->setHorizontalHeaderLabels(
        {tr("Enters at"), tr("Leaves at"), tr("Trips"), tr("Median"), tr("Window")});
    m_windows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_windows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_windows->verticalHeader()->hide();
    m_windows->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_windows->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int c = 2; c < 5; ++c)
        m_windows->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_windows->setMinimumHeight(200);
    windowLayout->addWidget(m_windows, 1);
    layout->addWidget(window, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("ThroughStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* form = new QFormLayout;
    m_purpose = new QLineEdit(this);
    m_purpose->setObjectName(QStringLiteral("ThroughPurpose"));
    m_purpose->setPlaceholderText(tr("Why the definition changes (kept in the audit trail)"));
    form->addRow(tr("Purpose"), m_purpose);
    layout->addLayout(form);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->hide();
    layout->addWidget(m_progress);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("ThroughBuild"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ThroughTrafficDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ThroughTrafficDialog::reject);
    layout->addWidget(buttons);

    (m_stored.throughMethod == ThroughMethod::RoleFree ? m_roleFree : m_cordon)->setChecked(true);
    (m_stored.throughWindow == ThroughWindow::Fixed ? m_fixed : m_perPair)->setChecked(true);
    for (QRadioButton* b : {m_cordon, m_roleFree, m_perPair, m_fixed})
        connect(b, &QRadioButton::toggled, this, &ThroughTrafficDialog::updateControls);
    for (QSpinBox* s : {m_min, m_max})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &ThroughTrafficDialog::updateControls);
    connect(m_purpose, &QLineEdit::textChanged, this, &ThroughTrafficDialog::updateControls);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &ThroughTrafficDialog::onFinished);
    fillWindows();
    updateControls();
    resize(760, 780);
}

ThroughTrafficDialog::~ThroughTrafficDialog() {
    m_cancel = true; // a build still running ends (its transaction rolls back) before the dialog goes
    m_watcher->waitForFinished();
}

TripParameters ThroughTrafficDialog::parameters() const {
    TripParameters p = m_stored;
    p.throughMethod = m_roleFree->isChecked() ? ThroughMethod::RoleFree : ThroughMethod::Cordon;
    p.throughWindow = m_fixed->isChecked() ? ThroughWindow::Fixed : ThroughWindow::PerPair;
    p.throughMinSeconds = 60 * m_min->value();
    p.throughMaxSeconds = 60 * m_max->value();
    return p;
}

bool ThroughTrafficDialog::isBuilding() const {
    return m_watcher->isRunning();
}

QString ThroughTrafficDialog::statusText() const {
    return m_status->text();
}

void ThroughTrafficDialog::fillWindows() {
    const ThroughEstimate e = m_session->flows().throughEstimate();
    const CameraIndex cams = m_session->flows().cameras();
    const QLocale l;
    m_windows->setRowCount(static_cast<int>(e.windows.size()));
    int row = 0;
    for (const PairWindow& w : e.windows) {
        m_windows->setItem(row, 0, new QTableWidgetItem(cams.label(cams.keyOf(w.origin), false)));
        m_windows->setItem(row, 1, new QTableWidgetItem(cams.label(cams.keyOf(w.destination), false)));
        m_windows->setItem(row, 2, number(l.toString(static_cast<qlonglong>(w.trips))));
        m_windows->setItem(row, 3, number(tr("%1 min").arg(l.toString(w.medianSeconds / 60.0, 'f', 1))));
        m_windows->setItem(row, 4, number(tr("%1 min").arg(l.toString(w.maxSeconds / 60.0, 'f', 1))));
        ++row;
    }
}

void ThroughTrafficDialog::updateControls() {
    const bool building = isBuilding();
    const bool cordon = m_cordon->isChecked();
    m_perPair->setEnabled(cordon && !building);
    m_fixed->setEnabled(cordon && !building);
    m_min->setEnabled(cordon && !building);
    m_max->setEnabled(cordon && !building);
    m_windows->setEnabled(cordon && m_perPair->isChecked());
    m_cordon->setEnabled(!building);
    m_roleFree->setEnabled(!building);
    m_purpose->setEnabled(!building);
    const TripParameters p = parameters();
    const bool change = p != m_stored;
    QString status;
    if (m_max->value() < m_min->value()) {
        status = tr("The window's end lies before its start.");
    } else if (change) {
        status = tr("Changing the definition builds every trip again and changes every figure from then on; "
                    "give its purpose.");
    } else {
        const ThroughEstimate e = m_session->flows().throughEstimate();
        const QLocale l;
        if (p.throughMethod == ThroughMethod::RoleFree)
            status = tr("Through traffic is counted role-free.");
        else if (p.throughWindow == ThroughWindow::PerPair)
            status = tr("Gate pairs with a window of their own: %1, from %2 days of trips; the others keep "
                        "%3–%4 min.")
                         .arg(l.toString(static_cast<qlonglong>(e.windows.size())))
                         .arg(e.days)
                         .arg(m_min->value())
                         .arg(m_max->value());
        else
            status = tr("One window for every gate pair: %1–%2 min.").arg(m_min->value()).arg(m_max->value());
        if (e.readRate > 0 && p.throughMethod == ThroughMethod::Cordon)
            status +=
                QLatin1Char(' ') +
                tr("The cameras read %1 % of the vehicles that pass (estimated from %2 passages on the "
                   "gate pairs' usual paths): a through trip needs both its gates to read, so about "
                   "%3 % of through traffic is not seen as such.")
                    .arg(l.toString(100 * e.readRate, 'f', 1), l.toString(static_cast<qlonglong>(e.chances)),
                         l.toString(100 * (1 - e.readRate * e.readRate), 'f', 0));
    }
    m_status->setText(status);
    m_ok->setText(change ? tr("Build trips") : tr("OK"));
    m_ok->setEnabled(!building && m_max->value() >= m_min->value() &&
                     (!change || !m_purpose->text().trimmed().isEmpty()));
}

void ThroughTrafficDialog::accept() {
    if (isBuilding())
        return;
    const TripParameters p = parameters();
    if (p == m_stored) {
        QDialog::accept();
        return;
    }
    m_cancel = false;
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Building the trips with the new definition…"));
    Session* session = m_session;
    const QString purpose = m_purpose->text();
    std::atomic_bool* cancel = &m_cancel;
    const QPointer<QProgressBar> bar = m_progress;
    m_watcher->setFuture(QtConcurrent::run([session, p, purpose, cancel, bar] {
        Outcome o;
        try {
            const BuildReport r = session->buildTrips(
                p, true, purpose,
                [bar](double f) {
                    QMetaObject::invokeMethod(
                        bar, [bar, f] { bar->setValue(static_cast<int>(1000 * f)); }, Qt::QueuedConnection);
                },
                cancel);
            o.ok = true;
            o.message = r.summary();
        } catch (const Error& e) {
            o.message = e.message();
        } catch (const std::exception& e) {
            o.message = QString::fromLocal8Bit(e.what());
        }
        return o;
    }));
    updateControls();
    m_status->setText(tr("Building the trips with the new definition…"));
}

void ThroughTrafficDialog::reject() {
    if (isBuilding()) {
        m_cancel = true; // the build stops at its next step and leaves the trips as they were
        return;
    }
    QDialog::reject();
}

void ThroughTrafficDialog::onFinished() {
    m_progress->hide();
    const Outcome o = m_watcher->result();
    if (o.ok) {
        m_stored = m_session->flows().storedParameters();
        emit built(true);
        QDialog::accept();
        return;
    }
    updateControls();
    m_status->setText(m_cancel ? tr("Cancelled: the trips are as they were.")
                               : tr("The trips could not be built: %1").arg(o.message));
    emit built(false);
}

} // namespace stroom::widgets
