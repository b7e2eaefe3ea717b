#include "registerpanel.h"

#include "completenessdialog.h"
#include "vocabulary.h"

#include "error.h"
#include "inventory.h"
#include "inventoryimport.h"
#include "store.h"
#include "vectorsource.h"

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
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace stroom::widgets {

namespace {
enum Col { Id, Name, Owner, Operator, Purpose, LegalBasis, Registered, Status, Role, Zone, Cols };
}

void CameraTableModel::setCameras(QVector<Camera> cameras) {
    beginResetModel();
    m_cameras = std::move(cameras);
    endResetModel();
}

int CameraTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_cameras.size();
}
int CameraTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Cols;
}

QVariant CameraTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_cameras.size() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QVariant();
    const Camera& c = m_cameras[index.row()];
    switch (index.column()) {
    case Id:
        return c.id;
    case Name:
        return c.name;
    case Owner:
        return c.owner;
    case Operator:
        return c.operatorName;
    case Purpose:
        return vocabulary::purpose(c.purpose);
    case LegalBasis:
        return c.legalBasis;
    case Registered:
        return c.registered ? tr("yes") : tr("no");
    case Status:
        return vocabulary::status(c.status);
    case Role:
        return vocabulary::role(c.role);
    case Zone:
        return c.zone;
    }
    return QVariant();
}

QVariant CameraTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Id:
        return tr("Id");
    case Name:
        return tr("Name");
    case Owner:
        return tr("Owner");
    case Operator:
        return tr("Operator");
    case Purpose:
        return tr("Purpose");
    case LegalBasis:
        return tr("Legal basis");
    case Registered:
        return tr("Registered");
    case Status:
        return tr("Status");
    case Role:
        return tr("Role");
    case Zone:
        return tr("Zone");
    }
    return QVariant();
}

CameraDialog::CameraDialog(const Camera& camera, bool isNew, QWidget* parent)
    : QDialog(parent)
    , m_original(camera) {
    setWindowTitle(isNew ? tr("New camera") : tr("Camera %1").arg(camera.id));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto line = [&](const QString& v) {
        auto* e = new QLineEdit(v, this);
        connect(e, &QLineEdit::textChanged, this, &CameraDialog::check);
        return e;
    };
    m_id = line(camera.id);
    m_id->setReadOnly(!isNew);
    m_name = line(camera.name);
    m_site = line(camera.site);
    m_lon = line(camera.hasPosition() ? QString::number(camera.lon, 'f', 6) : QString());
    m_lat = line(camera.hasPosition() ? QString::number(camera.lat, 'f', 6) : QString());
    m_directions = line(camera.directionsText());
    m_directions->setPlaceholderText(tr("degrees, several with ';' (e.g. 335;45)"));
    m_owner = line(camera.owner);
    m_operator = line(camera.operatorName);
    m_legal = line(camera.legalBasis);
    m_zone = line(camera.zone);
    m_notes = line(camera.notes);
    // The words on screen, the keys in the store; a key from elsewhere is kept as it is.
    auto combo = [&](const QStringList& keys, const QString& v, QString (*label)(const QString&)) {
        auto* c = new QComboBox(this);
        c->addItem(QString(), QString());
        for (const QString& k : keys)
            c->addItem(label(k), k);
        if (!v.isEmpty() && c->findData(v) < 0)
            c->addItem(v, v);
        c->setCurrentIndex(std::max(0, c->findData(v)));
        connect(c, &QComboBox::currentTextChanged, this, &CameraDialog::check);
        return c;
    };
    m_purpose = combo(Camera::purposes(), camera.purpose, &vocabulary::purpose);
    m_status = combo(Camera::statuses(), camera.status, &vocabulary::status);
    m_role = combo(Camera::roles(), camera.role, &vocabulary::role);
    m_registered = new QCheckBox(tr("Registered with the supervisory authority"), this);
    m_registered->setChecked(camera.registered);
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Site"), m_site);
    form->addRow(tr("Longitude"), m_lon);
    form->addRow(tr("Latitude"), m_lat);
    form->addRow(tr("Directions"), m_directions);
    form->addRow(tr("Owner"), m_owner);
    form->addRow(tr("Operator"), m_operator);
    form->addRow(tr("Purpose"), m_purpose);
    form->addRow(tr("Legal basis"), m_legal);
    form->addRow(QString(), m_registered);
    form->addRow(tr("Status"), m_status);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Zone"), m_zone);
    form->addRow(tr("Notes"), m_notes);
    layout->addLayout(form);
    m_problems = new QLabel(this);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    check();
}

Camera CameraDialog::camera() const {
    Camera c = m_original;
    c.id = m_id->text().trimmed();
    c.name = m_name->text().trimmed();
    c.site = m_site->text().trimmed();
    bool okLon = false, okLat = false;
    const double lon = m_lon->text().toDouble(&okLon), lat = m_lat->text().toDouble(&okLat);
    c.lon = okLon ? lon : std::nan("");
    c.lat = okLat ? lat : std::nan("");
    Camera::parseDirections(m_directions->text(), &c.directions);
    c.owner = m_owner->text().trimmed();
    c.operatorName = m_operator->text().trimmed();
    c.purpose = m_purpose->currentData().toString();
    c.legalBasis = m_legal->text().trimmed();
    c.registered = m_registered->isChecked();
    c.status = m_status->currentData().toString();
    c.role = m_role->currentData().toString();
    c.zone = m_zone->text().trimmed();
    c.notes = m_notes->text().trimmed();
    return c;
}

QStringList CameraDialog::problems() const {
    QStringList p = Inventory::validate(camera());
    QVector<int> dirs;
    if (!Camera::parseDirections(m_directions->text(), &dirs))
        p << tr("directions are degrees from 0 to 359, several separated by ';'");
    return p;
}

void CameraDialog::check() {
    const QStringList p = problems();
    m_problems->setText(p.join(QLatin1Char('\n')));
    m_ok->setEnabled(p.isEmpty());
}

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
    m_view->sortByColumn(Id, Qt::AscendingOrder);
    // Room for what planners read first (name, owner, legal basis); the last column takes the rest.
    const int widths[Cols] = {60, 260, 210, 190, 110, 280, 80, 80, 80, 60};
    for (int c = 0; c < Cols; ++c)
        m_view->setColumnWidth(c, widths[c]);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    auto* bar = new QHBoxLayout;
    auto button = [&](const QString& text, auto slot) {
        auto* b = new QPushButton(text, body);
        connect(b, &QPushButton::clicked, this, slot);
        bar->addWidget(b);
        return b;
    };
    button(tr("Add…"), [this] { editSelected(true); });
    button(tr("Edit…"), [this] { editSelected(false); });
    button(tr("Delete"), [this] {
        const Camera c = selected();
        QString error;
        if (!c.id.isEmpty() && !removeCamera(c.id, &error))
            QMessageBox::warning(this, tr("Camera register"), error);
    });
    button(tr("History…"), [this] {
        const Camera c = selected();
        if (c.id.isEmpty())
            return;
        QDialog d(this);
        d.setWindowTitle(tr("History of %1").arg(c.id));
        auto* l = new QVBoxLayout(&d);
        auto* t = new QTextBrowser(&d);
        t->setPlainText(historyText(c.id));
        l->addWidget(t);
        d.resize(640, 400);
        d.exec();
    });
    button(tr("Completeness…"), [this] { completenessDialog(); });
    button(tr("Owners…"), [this] { ownersDialog(); });
    button(tr("Undo"), [this] { undo(); });
    button(tr("Redo"), [this] { redo(); });
    layout->addLayout(bar);
    m_completeness = new QLabel(body);
    m_completeness->setObjectName(QStringLiteral("Completeness"));
    m_completeness->setWordWrap(true);
    m_completeness->setTextFormat(Qt::RichText);
    layout->addWidget(m_completeness);
    setWidget(body);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTableView::doubleClicked, this, [this] { editSelected(false); });
}

void RegisterPanel::setProject(const QString& path) {
    m_path = path;
    m_undo.clear();
    m_redo.clear();
    reload();
}

void RegisterPanel::reload() {
    if (m_path.isEmpty())
        return;
    try {
        Store s = Store::open(m_path, Store::Access::ReadOnly);
        m_model->setCameras(s.cameras());
        m_lastCompleteness = Inventory(s).completeness(m_seenInPeriod ? &*m_seenInPeriod : nullptr);
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
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, Id);
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

void RegisterPanel::completenessDialog() {
    CompletenessDialog d(m_lastCompleteness, m_period, this);
    connect(&d, &CompletenessDialog::cameraActivated, this, [this, &d](const QString& id) {
        if (selectCamera(id)) {
            editSelected(false);
            d.setCompleteness(m_lastCompleteness, m_period);
        }
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
    CameraDialog d(c, isNew, this);
    if (d.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!applyEdit(d.camera(), &error))
        QMessageBox::warning(this, tr("Camera register"), error);
}

bool RegisterPanel::applyEdit(const Camera& camera, QString* error) {
    return record([&camera](Inventory& inv) { return inv.edit(camera); }, error);
}

bool RegisterPanel::removeCamera(const QString& id, QString* error) {
    return record([&id](Inventory& inv) { return inv.remove(id); }, error);
}

bool RegisterPanel::record(const std::function<qint64(Inventory&)>& change, QString* error) {
    try {
        Store s = Store::open(m_path);
        Inventory inv(s);
        m_undo.append(change(inv));
        m_redo.clear();
    } catch (const Error& e) {
        if (error)
            *error = e.message();
        return false;
    }
    reload();
    emit registerChanged();
    return true;
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
    try {
        Store s = Store::open(m_path);
        const qint64 id = from.takeLast();
        forward ? Inventory(s).redo(id) : Inventory(s).undo(id);
        to.append(id);
    } catch (const Error&) {
        return false;
    }
    reload();
    emit registerChanged();
    return true;
}

QString RegisterPanel::importCameras(const QString& file, bool* ok) {
    if (ok)
        *ok = false;
    try {
        Store s = Store::open(m_path);
        QStringList warnings;
        QVector<Camera> cams = camerasFromFeatures(readVectorFile(file), file, &warnings);
        Inventory(s).normalise(cams);
        const Store::UpsertResult r = s.upsertCameras(cams);
        s.assignCamerasToZones();
        if (ok)
            *ok = true;
        reload();
        emit registerChanged();
        return tr("%1: %2 new, %3 updated, %4 unchanged.")
                   .arg(QFileInfo(file).fileName())
                   .arg(r.inserted)
                   .arg(r.updated)
                   .arg(r.unchanged) +
               (warnings.isEmpty() ? QString()
                                   : QLatin1Char('\n') + warnings.mid(0, 5).join(QLatin1Char('\n')));
    } catch (const Error& e) {
        return e.message();
    }
}

bool RegisterPanel::setOwnerAlias(const QString& alias, const QString& owner, QString* error) {
    try {
        Store s = Store::open(m_path);
        Inventory inv(s);
        inv.setAlias(alias, owner);
        inv.applyAliases();
    } catch (const Error& e) {
        if (error)
            *error = e.message();
        return false;
    }
    reload();
    emit registerChanged();
    return true;
}

QStringList RegisterPanel::ownerSuggestions() const {
    QStringList out;
    try {
        Store s = Store::open(m_path, Store::Access::ReadOnly);
        for (const Inventory::Suggestion& sg : Inventory(s).suggestMerges())
            out << sg.a + QStringLiteral(" ⟷ ") + sg.b;
    } catch (const Error&) {
    }
    return out;
}

void RegisterPanel::ownersDialog() {
    QDialog d(this);
    d.setWindowTitle(tr("Owners"));
    auto* l = new QVBoxLayout(&d);
    l->addWidget(
        new QLabel(tr("Names that probably mean the same owner. Pick one and say which spelling to keep; the "
                      "cameras are renamed and the choice is remembered for later imports."),
                   &d));
    auto* list = new QComboBox(&d);
    list->addItems(ownerSuggestions());
    l->addWidget(list);
    auto* form = new QFormLayout;
    auto* alias = new QLineEdit(&d);
    auto* owner = new QLineEdit(&d);
    form->addRow(tr("Spelling"), alias);
    form->addRow(tr("Means owner"), owner);
    l->addLayout(form);
    auto fill = [list, alias, owner] {
        const QStringList parts = list->currentText().split(QStringLiteral(" ⟷ "));
        alias->setText(parts.value(0));
        owner->setText(parts.value(1));
    };
    connect(list, &QComboBox::currentTextChanged, &d, fill);
    fill();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    l->addWidget(buttons);
    d.resize(640, 220);
    if (d.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!setOwnerAlias(alias->text(), owner->text(), &error))
        QMessageBox::warning(this, tr("Owners"), error);
}

void RegisterPanel::placeAt(double lon, double lat) {
    Camera c;
    c.lon = lon;
    c.lat = lat;
    c.status = QStringLiteral("active");
    CameraDialog d(c, true, this);
    if (d.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!applyEdit(d.camera(), &error))
        QMessageBox::warning(this, tr("Camera register"), error);
}

namespace {
bool findCamera(const QString& path, const QString& id, Camera* out) {
    Store s = Store::open(path, Store::Access::ReadOnly);
    for (const Camera& c : s.cameras())
        if (c.id == id) {
            *out = c;
            return true;
        }
    return false;
}
} // namespace

bool RegisterPanel::moveCamera(const QString& id, double lon, double lat, QString* error) {
    Camera c;
    if (!findCamera(m_path, id, &c))
        return false;
    c.lon = lon;
    c.lat = lat;
    return applyEdit(c, error);
}

bool RegisterPanel::turnCamera(const QString& id, int bearing, bool addDirection, QString* error) {
    Camera c;
    if (!findCamera(m_path, id, &c))
        return false;
    if (addDirection)
        c.directions.append(bearing);
    else
        c.directions = {bearing};
    return applyEdit(c, error);
}

QString RegisterPanel::historyText(const QString& cameraId) const {
    QString out;
    try {
        Store s = Store::open(m_path, Store::Access::ReadOnly);
        for (const Inventory::Change& ch : Inventory(s).history(cameraId))
            out += tr("%1  %2  #%3  %4: '%5' → '%6'\n")
                       .arg(ch.time, ch.user)
                       .arg(ch.editId)
                       .arg(ch.field, ch.oldValue, ch.newValue);
    } catch (const Error& e) {
        out = e.message();
    }
    return out;
}

} // namespace stroom::widgets
