#include "registerpanel.h"

#include "cameradialog.h"
#include "cameratablemodel.h"
#include "errorboundary.h"
#include "session/session.h"

#include "completenessdialog.h"
#include "store/vocabulary.h"

#include "common/error.h"
#include "common/vectorsource.h"
#include "inventory/inventory.h"
#include "inventory/inventoryimport.h"
#include "store/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

namespace stroom::widgets {

RegisterPanel::RegisterPanel(QWidget* parent)
    : QDockWidget(tr("Camera register"), parent) {
    setObjectName(QStringLiteral("RegisterPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    m_search = new QLineEdit(body);
    m_search->setPlaceholderText(tr("Search cameras, owners, purposes…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_model = new CameraTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("RegisterTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(20);
    m_view->sortByColumn(CameraTableModel::Id, Qt::AscendingOrder);
    // Room for what planners read first (name, owner, legal basis); the last column takes the rest.
    const int widths[CameraTableModel::ColumnCount] = {60, 260, 210, 190, 110, 280, 80, 80, 80, 60};
    // …and never narrower than the column's header in the user's language (with the sort arrow).
    const QFontMetrics fm(m_view->horizontalHeader()->font());
    for (int c = 0; c < CameraTableModel::ColumnCount; ++c)
        m_view->setColumnWidth(
            c, std::max(widths[c],
                        fm.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 32));
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    // A tool bar: what does not fit a narrow window goes behind its » button instead of squeezing the map.
    auto* bar = new QToolBar(body);
    bar->setObjectName(QStringLiteral("RegisterActions"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto button = [&](const QString& text, auto slot) {
        QAction* a = bar->addAction(text);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    button(tr("Add…"), [this] { editSelected(true); });
    button(tr("Edit…"), [this] { editSelected(false); });
    button(tr("Delete"), [this] {
        const Camera c = selected();
        if (!c.id.isEmpty())
            ErrorBoundary::run(this, tr("Camera register"), [&] { removeCamera(c.id); });
    });
    button(tr("History…"), [this] {
        const Camera c = selected();
        if (c.id.isEmpty())
            return;
        QDialog d(this);
        d.setWindowTitle(tr("History of %1").arg(c.id));
        auto* l = new QVBoxLayout(&d);
        auto* t = new QTextBrowser(&d);
        ErrorBoundary::run(this, tr("Camera register"), [&] { t->setPlainText(historyText(c.id)); });
        l->addWidget(t);
        d.resize(640, 400);
        d.exec();
    });
    button(tr("Show on map"), [this] {
        const Camera c = selected();
        if (!c.id.isEmpty())
            emit cameraLocated(c.id);
    })->setObjectName(QStringLiteral("ShowOnMap"));
    bar->addSeparator();
    button(tr("Completeness…"), [this] { completenessDialog(); });
    button(tr("Owners…"), [this] { ownersDialog(); });
    bar->addSeparator();
    button(tr("Undo"), [this] { ErrorBoundary::run(this, tr("Camera register"), [this] { undo(); }); });
    button(tr("Redo"), [this] { ErrorBoundary::run(this, tr("Camera register"), [this] { redo(); }); });
    layout->addWidget(bar);
    m_completeness = new QLabel(body);
    m_completeness->setObjectName(QStringLiteral("Completeness"));
    m_completeness->setWordWrap(true);
    m_completeness->setTextFormat(Qt::RichText);
    layout->addWidget(m_completeness);
    setWidget(body);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTableView::doubleClicked, this, [this] { editSelected(false); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const Camera c = selected();
        if (!c.id.isEmpty() && !m_selecting)
            emit cameraChosen(c.id);
    });
}

void RegisterPanel::setSession(Session* session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_undo.clear();
    m_redo.clear();
    if (m_session)
        connect(m_session, &Session::changed, this, [this](Session::Changes what) {
            if (what & (Session::Cameras | Session::Zones | Session::Reads))
                reload();
        });
    reload();
}

void RegisterPanel::reload() {
    if (!m_session) {
        m_model->setCameras({});
        m_completeness->clear();
        return;
    }
    try {
        m_model->setCameras(m_session->store().cameras());
        m_lastCompleteness = m_session->inventory().completeness(m_seenInPeriod ? &*m_seenInPeriod : nullptr);
        const Inventory::Completeness& c = m_lastCompleteness;
        m_completeness->setText(
            tr("<b>%1</b> cameras. Without owner: <b>%2</b>; without legal basis: <b>%3</b>; not in the "
               "official register: <b>%4</b> (<b>%5</b> of them seen in the data); registered and active but "
               "silent %6: <b>%7</b>.")
                .arg(c.cameras)
                .arg(c.noOwner.size())
                .arg(c.noLegalBasis.size())
                .arg(c.unregistered.size())
                .arg(c.seenNotRegistered.size())
                .arg(m_period.isEmpty() ? tr("in the data") : tr("in %1").arg(m_period.toHtmlEscaped()))
                .arg(c.silent.size()));
    } catch (const Error& e) {
        m_completeness->setText(e.message().toHtmlEscaped());
    }
}

QString RegisterPanel::completenessText() const {
    return m_completeness->text();
}

void RegisterPanel::setPeriodActivity(const QSet<QString>& seen, const QString& period) {
    m_seenInPeriod = seen;
    m_period = period;
    reload();
}

bool RegisterPanel::selectCamera(const QString& id) {
    // Selecting from elsewhere (the map) is not the planner choosing a row here.
    const QScopedValueRollback<bool> quiet(m_selecting, true);
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, CameraTableModel::Id);
            if (index.data().toString() == id) {
                m_view->selectRow(row);
                m_view->scrollTo(index);
                return true;
            }
        }
        m_search->clear(); // the search may hide it
    }
    return false;
}

void RegisterPanel::editCamera(const QString& id) {
    show();
    if (selectCamera(id))
        editSelected(false);
}

void RegisterPanel::completenessDialog() {
    CompletenessDialog d(m_lastCompleteness, m_period, this);
    connect(&d, &CompletenessDialog::cameraActivated, this, [this, &d](const QString& id) {
        if (selectCamera(id)) {
            editSelected(false);
            d.setCompleteness(m_lastCompleteness, m_period);
        }
    });
    connect(&d, &CompletenessDialog::cameraLocated, this, [this](const QString& id) {
        selectCamera(id);
        emit cameraLocated(id);
    });
    d.exec();
}

Camera RegisterPanel::selected() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return Camera();
    return m_model->camera(m_proxy->mapToSource(rows.first()).row());
}

void RegisterPanel::editSelected(bool isNew) {
    Camera c = isNew ? Camera() : selected();
    if (!isNew && c.id.isEmpty())
        return;
    if (isNew)
        c.status = QStringLiteral("active");
    openForm(c, isNew);
}

void RegisterPanel::openForm(const Camera& camera, bool isNew) {
    CameraDialog d(camera, isNew, this);
    if (d.exec() != QDialog::Accepted)
        return;
    const Camera edited = d.camera();
    ErrorBoundary::run(this, tr("Camera register"), [&] { applyEdit(edited); });
}

void RegisterPanel::applyEdit(const Camera& camera) {
    record([&camera](Inventory& inv) { return inv.edit(camera); });
}

void RegisterPanel::removeCamera(const QString& id) {
    record([&id](Inventory& inv) { return inv.remove(id); });
}

Session& RegisterPanel::session() const {
    if (!m_session)
        throw Error::usage(tr("Open or create a project first."));
    return *m_session;
}

void RegisterPanel::record(const std::function<qint64(Inventory&)>& change) {
    m_undo.append(change(session().inventory()));
    m_redo.clear();
    session().notifyChanged(Session::Cameras);
}

bool RegisterPanel::undo() {
    return replay(m_undo, m_redo, false);
}

bool RegisterPanel::redo() {
    return replay(m_redo, m_undo, true);
}

bool RegisterPanel::replay(QVector<qint64>& from, QVector<qint64>& to, bool forward) {
    if (from.isEmpty())
        return false;
    const qint64 id = from.last();
    forward ? session().inventory().redo(id) : session().inventory().undo(id);
    to.append(from.takeLast());
    session().notifyChanged(Session::Cameras);
    return true;
}

QString RegisterPanel::importZones(const QString& file, const QString& idField, const QString& nameField) {
    Store& s = session().store();
    const QVector<Zone> zones = zonesFromFeatures(readVectorFile(file), file, idField, nameField);
    const Store::UpsertResult r = s.upsertZones(zones); // assigns the cameras too
    session().notifyChanged(Session::Zones | Session::Cameras);
    return tr("%1: %2 new zones, %3 updated, %4 unchanged; %5 zones in the project.")
        .arg(QFileInfo(file).fileName())
        .arg(r.inserted)
        .arg(r.updated)
        .arg(r.unchanged)
        .arg(s.zoneCount());
}

QStringList RegisterPanel::fieldsOf(const QString& file) {
    const QVector<VectorFeature> features = readVectorFile(file);
    QStringList names = features.isEmpty() ? QStringList() : features.first().attributes.keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

QString RegisterPanel::importCameras(const QString& file) {
    Store& s = session().store();
    QStringList warnings;
    QVector<Camera> cams = camerasFromFeatures(readVectorFile(file), file, &warnings);
    session().inventory().normalise(cams);
    const Store::UpsertResult r = s.upsertCameras(cams);
    s.assignCamerasToZones();
    session().notifyChanged(Session::Cameras);
    return tr("%1: %2 new, %3 updated, %4 unchanged.")
               .arg(QFileInfo(file).fileName())
               .arg(r.inserted)
               .arg(r.updated)
               .arg(r.unchanged) +
           (warnings.isEmpty() ? QString()
                               : QStringLiteral("\n") + warnings.mid(0, 5).join(QLatin1Char('\n')));
}

void RegisterPanel::setOwnerAlias(const QString& alias, const QString& owner) {
    Inventory& inv = session().inventory();
    inv.setAlias(alias, owner);
    inv.applyAliases();
    session().notifyChanged(Session::Cameras);
}

QStringList RegisterPanel::ownerSuggestions() const {
    QStringList out;
    if (m_session)
        for (const Inventory::Suggestion& sg : m_session->inventory().suggestMerges())
            out << sg.a + QStringLiteral(" ⟷ ") + sg.b;
    return out;
}

void RegisterPanel::ownersDialog() {
    QDialog d(this);
    d.setWindowTitle(tr("Owners"));
    auto* l = new QVBoxLayout(&d);
    auto* intro =
        new QLabel(tr("Owner names that may mean the same owner. Choose a pair, check which spelling to "
                      "keep, and press Merge; the cameras are renamed and the choice is remembered for "
                      "later imports. Nothing changes until you press Merge."),
                   &d);
    intro->setWordWrap(true);
    l->addWidget(intro);
    auto* list = new QComboBox(&d);
    list->setObjectName(QStringLiteral("OwnerPairs"));
    const QStringList suggestions = ownerSuggestions();
    list->addItem(suggestions.isEmpty() ? tr("No similar owner names") : tr("Choose a pair…"));
    list->addItems(suggestions);
    l->addWidget(list);
    auto* form = new QFormLayout;
    auto* alias = new QLineEdit(&d);
    auto* owner = new QLineEdit(&d);
    alias->setObjectName(QStringLiteral("OwnerSpelling"));
    owner->setObjectName(QStringLiteral("OwnerMeans"));
    form->addRow(tr("Spelling"), alias);
    form->addRow(tr("Means owner"), owner);
    l->addLayout(form);
    auto* effect = new QLabel(&d);
    effect->setWordWrap(true);
    l->addWidget(effect);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &d);
    QPushButton* merge = buttons->addButton(tr("Merge"), QDialogButtonBox::AcceptRole);
    merge->setObjectName(QStringLiteral("OwnerMerge"));
    // Enter never merges: Cancel is the default, Merge needs a click.
    merge->setAutoDefault(false);
    merge->setDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    const QMap<QString, int> counts =
        m_session ? m_session->inventory().countsByOwner() : QMap<QString, int>();
    auto update = [=] {
        const QString from = alias->text().trimmed(), to = owner->text().trimmed();
        const bool ready = !from.isEmpty() && !to.isEmpty() && from != to;
        merge->setEnabled(ready);
        const int n = counts.value(from);
        effect->setText(
            !ready   ? QString()
            : n == 1 ? tr("Merge renames the owner of 1 camera from “%1” to “%2”.").arg(from, to)
                     : tr("Merge renames the owner of %1 cameras from “%2” to “%3”.").arg(n).arg(from, to));
    };
    connect(list, QOverload<int>::of(&QComboBox::currentIndexChanged), &d, [=](int i) {
        const QStringList parts =
            i > 0 ? list->itemText(i).split(QStringLiteral(" ⟷ ")) : QStringList{QString(), QString()};
        alias->setText(parts.value(0));
        owner->setText(parts.value(1));
        update();
    });
    connect(alias, &QLineEdit::textChanged, &d, update);
    connect(owner, &QLineEdit::textChanged, &d, update);
    update();
    connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    l->addWidget(buttons);
    d.resize(680, 260);
    if (d.exec() != QDialog::Accepted)
        return;
    ErrorBoundary::run(this, tr("Owners"), [&] { setOwnerAlias(alias->text(), owner->text()); });
}

void RegisterPanel::placeAt(double lon, double lat) {
    Camera c;
    c.lon = lon;
    c.lat = lat;
    c.status = QStringLiteral("active");
    openForm(c, true);
}

void RegisterPanel::moveCamera(const QString& id, double lon, double lat) {
    Camera c = session().store().requireCamera(id);
    c.lon = lon;
    c.lat = lat;
    applyEdit(c);
}

void RegisterPanel::turnCamera(const QString& id, int bearing, bool addDirection) {
    Camera c = session().store().requireCamera(id);
    if (addDirection)
        c.directions.append(bearing);
    else
        c.directions = {bearing};
    applyEdit(c);
}

QString RegisterPanel::historyText(const QString& cameraId) const {
    QString out;
    for (const Inventory::Change& ch : session().inventory().history(cameraId))
        out += tr("%1  %2  #%3  %4: '%5' → '%6'\n")
                   .arg(ch.time, ch.user)
                   .arg(ch.editId)
                   .arg(ch.field, ch.oldValue, ch.newValue);
    return out;
}

} // namespace stroom::widgets
