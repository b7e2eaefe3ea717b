#include "cameradialog.h"

#include "store/vocabulary.h"

#include "inventory/inventory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stroom::widgets {

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
    m_purpose = combo(Camera::purposes(), camera.purpose, &stroom::vocabulary::purpose);
    m_status = combo(Camera::statuses(), camera.status, &stroom::vocabulary::status);
    m_role = combo(Camera::roles(), camera.role, &stroom::vocabulary::role);
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

} // namespace stroom::widgets
