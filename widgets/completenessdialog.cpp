#include "completenessdialog.h"

#include "flows/cameraindex.h"
#include "store/vocabulary.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace stroom::widgets {

namespace {
constexpr int CameraRole = Qt::UserRole + 1;
}

CompletenessDialog::CompletenessDialog(const Inventory::Completeness& c, const QString& period,
                                       QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Completeness of the register"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    layout->addWidget(m_intro);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("CompletenessTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("What"), tr("Cameras")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    layout->addWidget(m_tree, 1);

    setCompleteness(c, period);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, CameraRole).toString();
        if (!id.isEmpty())
            emit cameraActivated(id);
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_locate = buttons->addButton(tr("Show on map"), QDialogButtonBox::ActionRole);
    m_locate->setObjectName(QStringLiteral("ShowOnMap"));
    m_locate->setEnabled(false);
    m_locate->setAutoDefault(false);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        m_locate->setEnabled(item && !item->data(0, CameraRole).toString().isEmpty());
    });
    connect(m_locate, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem* item = m_tree->currentItem();
        if (item && !item->data(0, CameraRole).toString().isEmpty())
            emit cameraLocated(item->data(0, CameraRole).toString());
    });
    layout->addWidget(buttons);
    resize(520, 560);
}

void CompletenessDialog::setCompleteness(const Inventory::Completeness& c, const QString& period) {
    m_intro->setText(
        tr("<b>%1</b> cameras in the register. Double-click a camera to fill its gaps.").arg(c.cameras));
    // Keep what the planner unfolded.
    QSet<QString> expanded;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->isExpanded())
            expanded.insert(m_tree->topLevelItem(i)->text(0));
    const bool first = m_tree->topLevelItemCount() == 0;
    m_tree->clear();
    // First what needs doing, then the picture.
    auto gaps = [this, &c](const QString& title, const QStringList& ids, const QString& why) {
        QTreeWidgetItem* top = group(title, ids.size(), why);
        for (const QString& id : ids) {
            // Names are what a council reads; the id stays beside them (and whole in the tooltip).
            const QString label = CameraIndex::label(c.names.value(id), id);
            auto* item = new QTreeWidgetItem(top, {label});
            item->setData(0, CameraRole, id);
            item->setToolTip(0, QStringLiteral("%1\n%2").arg(label, why));
        }
    };
    gaps(tr("Without owner"), c.noOwner, tr("Every camera needs an owner: who answers for it."));
    gaps(tr("Without legal basis"), c.noLegalBasis,
         tr("The law the camera is operated under; required for police cameras."));
    gaps(tr("Without purpose"), c.noPurpose, tr("What the camera is for: police, traffic, LEZ, …"));
    gaps(tr("Seen in the ANPR data, not in the register"), c.seenNotRegistered,
         tr("These cameras send reads but nobody registered them: find their owner and purpose."));
    gaps(tr("Not in the official register"), c.unregistered,
         tr("Known (from OpenStreetMap or the data) but not declared in the official register."));
    gaps(period.isEmpty() ? tr("Active but silent in the data") : tr("Active but silent in %1").arg(period),
         c.silent,
         tr("Registered and active, yet no reads (or fewer than k vehicles, which are never shown): possibly "
            "out "
            "of service."));

    auto breakdown = [this](const QString& title, const QMap<QString, int>& counts,
                            const std::function<QString(const QString&)>& label) {
        auto* top = new QTreeWidgetItem(m_tree, {title});
        for (auto it = counts.begin(); it != counts.end(); ++it)
            new QTreeWidgetItem(
                top, {it.key().isEmpty() ? tr("(none)") : label(it.key()), QString::number(it.value())});
        top->setText(1, QString::number(counts.size()));
        top->setExpanded(counts.size() <= 8); // long lists stay folded
    };
    const auto asIs = [](const QString& s) { return s; };
    breakdown(tr("By owner"), c.byOwner, asIs);
    breakdown(tr("By purpose"), c.byPurpose, &stroom::vocabulary::purpose);
    breakdown(tr("By status"), c.byStatus, &stroom::vocabulary::status);

    if (!first)
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
            m_tree->topLevelItem(i)->setExpanded(expanded.contains(m_tree->topLevelItem(i)->text(0)));
}

QTreeWidgetItem* CompletenessDialog::group(const QString& title, int count, const QString& why) {
    auto* top = new QTreeWidgetItem(m_tree, {title, QString::number(count)});
    top->setToolTip(0, why);
    if (count > 0) {
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        top->setFont(1, bold);
    }
    return top;
}

} // namespace stroom::widgets
