#include "purgedialog.h"

#include "common/timeparse.h"
#include "errorboundary.h"
#include "store/store.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stroom::widgets {

PurgeDialog::PurgeDialog(Store& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store) {
    setWindowTitle(tr("Purge reads"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Pseudonymised reads (L0) are removed for good; every aggregate (the flows, "
                      "counts and journey times Stroom has computed) stays, so every released figure "
                      "reads as before."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout();
    m_beforeChoice = new QRadioButton(tr("Reads before"), this);
    m_before = new QDateEdit(QDate::currentDate().addDays(-90), this);
    m_before->setCalendarPopup(true);
    form->addRow(m_beforeChoice, m_before);
    m_olderChoice = new QRadioButton(tr("Reads older than (days)"), this);
    m_days = new QSpinBox(this);
    m_days->setRange(0, 36500);
    m_days->setValue(90);
    form->addRow(m_olderChoice, m_days);
    m_allChoice = new QRadioButton(tr("Every read"), this);
    form->addRow(m_allChoice, new QLabel(this));
    m_beforeChoice->setChecked(true);
    m_trips = new QCheckBox(tr("Also the trips (L1) of that period"), this);
    form->addRow(QString(), m_trips);
    m_purpose = new QLineEdit(this);
    m_purpose->setPlaceholderText(tr("e.g. retention period of 90 days (council decision)"));
    form->addRow(tr("Purpose (required)"), m_purpose);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* go = m_buttons->addButton(tr("Purge"), QDialogButtonBox::DestructiveRole);
    connect(go, &QPushButton::clicked, this, [this] {
        if (ErrorBoundary::run(this, tr("Purge reads"), [this] { purge(); }))
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    for (QRadioButton* b : {m_beforeChoice, m_olderChoice, m_allChoice})
        connect(b, &QRadioButton::toggled, this, &PurgeDialog::updateSummary);
    connect(m_before, &QDateEdit::dateChanged, this, &PurgeDialog::updateSummary);
    connect(m_days, qOverload<int>(&QSpinBox::valueChanged), this, &PurgeDialog::updateSummary);
    connect(m_trips, &QCheckBox::toggled, this, &PurgeDialog::updateSummary);
    connect(m_purpose, &QLineEdit::textChanged, this, &PurgeDialog::updateSummary);
    updateSummary();
}

Purge::Range PurgeDialog::range() const {
    Purge::Range r;
    r.trips = m_trips->isChecked();
    if (m_allChoice->isChecked()) {
        r.kind = Purge::Range::Kind::All;
        r.text = QStringLiteral("every read");
    } else {
        const QDate day =
            m_olderChoice->isChecked() ? QDate::currentDate().addDays(-m_days->value()) : m_before->date();
        r.beforeUtc = Purge::localMidnight(m_store, day);
        r.text = QStringLiteral("reads before %1 (local)").arg(day.toString(Qt::ISODate));
    }
    return r;
}

void PurgeDialog::updateSummary() {
    m_days->setEnabled(m_olderChoice->isChecked());
    m_before->setEnabled(m_beforeChoice->isChecked());
    const Purge::Result r = Purge::preview(m_store, range());
    const QLocale l;
    m_summary->setText(r.reads == 0 && r.trips == 0
                           ? tr("Nothing matches: no read is that old.")
                           : tr("Goes: %1 reads, %2 trips, %3 pseudonyms. Stays: every aggregate, the camera "
                                "register and the audit trail.")
                                 .arg(l.toString(r.reads), l.toString(r.trips), l.toString(r.pseudonyms)));
    for (QAbstractButton* b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::DestructiveRole)
            b->setEnabled(r.reads + r.trips > 0 && !m_purpose->text().trimmed().isEmpty());
}

QString PurgeDialog::summaryText() const {
    return m_summary->text();
}

void PurgeDialog::setBefore(const QDate& day) {
    m_beforeChoice->setChecked(true);
    m_before->setDate(day);
}

void PurgeDialog::setPurpose(const QString& purpose) {
    m_purpose->setText(purpose);
}

Purge::Result PurgeDialog::purge() {
    const Purge::Result r = Purge::run(m_store, range(), m_purpose->text().trimmed());
    updateSummary();
    return r;
}

} // namespace stroom::widgets
