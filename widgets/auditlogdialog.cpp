#include "auditlogdialog.h"

#include "store/auditlog.h"
#include "store/store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stroom::widgets {

AuditLogDialog::AuditLogDialog(Store& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store) {
    setWindowTitle(tr("Audit log"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Every export, report, copy and parameter change of this project, newest first. "
                      "Each record carries the hash of the one before it, so an edited, deleted or "
                      "inserted record breaks the chain."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setObjectName(QStringLiteral("AuditVerdict"));
    layout->addWidget(m_verdict);
    m_table = new QTableWidget(this);
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("Record"), tr("Time (UTC)"), tr("User"), tr("Action"),
                                        tr("Purpose"), tr("Layer"), tr("Output"), tr("k"), tr("Suppressed")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* verify = buttons->addButton(tr("Verify again"), QDialogButtonBox::ActionRole);
    connect(verify, &QPushButton::clicked, this, &AuditLogDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 520);
    reload();
}

QString AuditLogDialog::verdict() const {
    return m_verdict->text();
}

void AuditLogDialog::reload() {
    const QVector<AuditLog::Record> records = AuditLog::list(m_store.database());
    const AuditLog::Verification v = AuditLog::verify(m_store.database());
    m_table->setRowCount(static_cast<int>(records.size()));
    int broken = -1;
    for (int i = 0; i < records.size(); ++i) {
        const AuditLog::Record& r = records[records.size() - 1 - i]; // newest first
        const QStringList cells{QString::number(r.id),
                                r.time,
                                r.user,
                                r.action,
                                r.purpose,
                                r.layer,
                                r.output,
                                QString::number(r.k),
                                QString::number(r.suppressedCells)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
        if (r.id == v.firstBroken)
            broken = i;
    }
    m_table->resizeColumnsToContents();
    if (v.intact) {
        m_verdict->setText(tr("The chain is intact: %n record(s), none edited, deleted or inserted.", nullptr,
                              static_cast<int>(v.records)));
        m_verdict->setStyleSheet(QStringLiteral("color: #1a7f37; font-weight: bold;"));
    } else {
        m_verdict->setText(tr("The chain is broken: %1").arg(v.problem));
        m_verdict->setStyleSheet(QStringLiteral("color: #b42318; font-weight: bold;"));
        if (broken >= 0)
            m_table->selectRow(broken);
    }
}

} // namespace stroom::widgets
