#include "riskdialog.h"

#include "common/error.h"
#include "store/store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stroom::widgets {

namespace {
QString percent(double share) {
    return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}
} // namespace

RiskDialog::RiskDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent)
    , m_watcher(new QFutureWatcher<Outcome>(this)) {
    setWindowTitle(tr("Re-identification risk"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("How easily the pseudonymised reads this project keeps could point to one "
                                "vehicle. Only aggregates "
                                "of at least k vehicles leave the store; these figures say why that rule "
                                "matters, and what a purge "
                                "or a shorter retention period would remove."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status = new QLabel(tr("Measuring…"), this);
    m_status->setObjectName(QStringLiteral("RiskStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // the measure has no steps to count
    layout->addWidget(m_busy);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Measure"), tr("Value"), tr("What it means")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    // Rows follow the wrapped text of the last column whatever the dialog's width.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 540);

    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &RiskDialog::onFinished);
    // A connection of its own, opened in the worker (a connection belongs to its thread), read-only. Errors
    // come back as values: QtConcurrent (Qt 5) carries only QException across threads.
    m_watcher->setFuture(QtConcurrent::run([projectPath] {
        Outcome o;
        try {
            Store store = Store::open(projectPath, Store::Access::ReadOnly);
            if (!store.hasReads())
                o.noReads = true;
            else
                o.risk = ReidentificationRisk::measure(store);
        } catch (const Error& e) {
            o.problem = e.message();
        } catch (const std::exception& e) {
            o.problem = QString::fromLocal8Bit(e.what());
        }
        return o;
    }));
}

RiskDialog::~RiskDialog() {
    m_watcher->waitForFinished(); // the worker holds no pointer to the dialog, but let it end first
}

QString RiskDialog::statusText() const {
    return m_status->text();
}

void RiskDialog::onFinished() {
    m_busy->hide();
    const Outcome o = m_watcher->result();
    if (!o.risk) {
        m_status->setText(
            o.noReads ? tr("This project keeps no pseudonymised reads (never imported, purged, or the "
                           "reads file moved away): there is nothing to re-identify. Its "
                           "aggregates carry no pseudonyms.")
                      : tr("The risk could not be measured: %1").arg(o.problem));
        emit measured();
        return;
    }
    m_risk = o.risk;
    const ReidentificationRisk& r = *m_risk;
    const QLocale loc;
    m_status->setText(tr("%1 reads of %2 vehicles (pseudonyms) kept; unicity drawn from %3 vehicles.")
                          .arg(loc.toString(r.reads), loc.toString(r.vehicles), loc.toString(r.tested[0])));
    struct Row {
        QString measure, value, meaning;
    };
    QVector<Row> rows;
    for (int p = 1; p <= 4; ++p)
        rows << Row{
            p == 1 ? tr("Unicity, 1 point") : tr("Unicity, %1 points").arg(p),
            percent(r.unicity[static_cast<std::size_t>(p - 1)]),
            p == 1 ? tr("Share of vehicles that one random (camera, hour) point of their own reads singles "
                        "out: someone who saw the vehicle there and then finds its whole trace.")
                   : tr("Share of vehicles that %1 random (camera, hour) points of their own reads single "
                        "out.")
                         .arg(p)};
    rows
        << Row{tr("Linkable over days"), percent(r.linkableShare),
               tr("Share of pseudonyms seen on more than one local day: the source does not change its keys "
                  "daily, so days can be joined into longer traces.")}
        << Row{tr("Trips in groups under k = %1").arg(r.k), percent(r.tripsBelowKShare),
               tr("Share of trips whose (day, start hour, origin, destination, class) group has fewer than k "
                  "vehicles: figures that are never published on their own.")};
    m_table->setRowCount(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].measure));
        auto* value = new QTableWidgetItem(rows[i].value);
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i, 1, value);
        m_table->setItem(i, 2, new QTableWidgetItem(rows[i].meaning));
    }
    emit measured();
}

} // namespace stroom::widgets
