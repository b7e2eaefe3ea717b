#include "importdialog.h"

#include "errorboundary.h"

#include "common/error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stroom::widgets {

namespace {

struct FormatChoice {
    ImportFormat format;
    const char* label;
};
const FormatChoice kFormats[] = {
    {ImportFormat::Auto, QT_TRANSLATE_NOOP("stroom::widgets::ImportDialog", "Detect from the header")},
    {ImportFormat::Standard,
     QT_TRANSLATE_NOOP("stroom::widgets::ImportDialog", "Standard (timestamp, camera_id, plate_hash …)")},
    {ImportFormat::Dutch,
     QT_TRANSLATE_NOOP("stroom::widgets::ImportDialog", "Flemish/Dutch (tijdstip; camera; kenteken_hash …)")},
    {ImportFormat::AnprMetrics,
     QT_TRANSLATE_NOOP("stroom::widgets::ImportDialog", "ANPR Metrics (Plate, Latitude, Longitude …)")},
    {ImportFormat::Counts,
     QT_TRANSLATE_NOOP("stroom::widgets::ImportDialog", "Counts from privacy-proof cameras")},
    {ImportFormat::PairFlows,
     QT_TRANSLATE_NOOP("stroom::widgets::ImportDialog", "Camera-pair flows from privacy-proof cameras")},
};

QString roleLabel(Role r) {
    switch (r) {
    case Role::Time:
        return ImportDialog::tr("Time");
    case Role::Camera:
        return ImportDialog::tr("Camera");
    case Role::Pseudonym:
        return ImportDialog::tr("Pseudonym");
    case Role::Class:
        return ImportDialog::tr("Vehicle class");
    case Role::Country:
        return ImportDialog::tr("Country");
    case Role::Latitude:
        return ImportDialog::tr("Latitude");
    case Role::Longitude:
        return ImportDialog::tr("Longitude");
    case Role::Name:
        return ImportDialog::tr("Camera name");
    case Role::PeriodStart:
        return ImportDialog::tr("Period start");
    case Role::PeriodMinutes:
        return ImportDialog::tr("Period (minutes)");
    case Role::Vehicles:
        return ImportDialog::tr("Vehicles");
    case Role::FromCamera:
        return ImportDialog::tr("From camera");
    case Role::ToCamera:
        return ImportDialog::tr("To camera");
    case Role::MeanSeconds:
        return ImportDialog::tr("Mean seconds");
    case Role::Pair:
        return ImportDialog::tr("Camera pair (from_to)");
    case Role::Passages:
        return ImportDialog::tr("Passages");
    case Role::Count_:
        break;
    }
    return QString();
}

std::vector<Role> rolesFor(ImportFormat f) {
    if (f == ImportFormat::Counts)
        return {Role::Camera, Role::PeriodStart, Role::PeriodMinutes,
                Role::Class,  Role::Vehicles,    Role::Passages};
    if (f == ImportFormat::PairFlows)
        return {Role::FromCamera,    Role::ToCamera, Role::Pair,       Role::PeriodStart,
                Role::PeriodMinutes, Role::Vehicles, Role::MeanSeconds};
    if (f == ImportFormat::AnprMetrics)
        return {Role::Time, Role::Camera, Role::Pseudonym, Role::Latitude, Role::Longitude, Role::Name};
    return {Role::Time, Role::Camera, Role::Pseudonym, Role::Class, Role::Country};
}

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

} // namespace

ImportDialog::ImportDialog(Session* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_watcher(new QFutureWatcher<ImportOutcome>(this)) {
    setObjectName(QStringLiteral("ImportDialog"));
    setWindowTitle(tr("Import ANPR data"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilesBox());
    layout->addWidget(buildOptionsBox());
    layout->addWidget(buildPreviewBox(), 1);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("ImportSummary"));
    m_summary->setVisible(false);
    m_summary->setMaximumHeight(160);
    layout->addWidget(m_summary);

    m_buttons = new QDialogButtonBox(this);
    m_importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(m_buttons);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancelImport();
        else
            reject();
    });
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::finished, this, &ImportDialog::onFinished);
    resize(980, 720);
    refreshPreview();
}

QGroupBox* ImportDialog::buildFilesBox() {
    auto* filesBox = new QGroupBox(tr("Files"), this);
    auto* filesLayout = new QHBoxLayout(filesBox);
    m_files = new QListWidget(filesBox);
    m_files->setObjectName(QStringLiteral("ImportFiles"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setMaximumHeight(90);
    filesLayout->addWidget(m_files, 1);
    auto* fileButtons = new QVBoxLayout;
    auto* add = new QPushButton(tr("Add files…"), filesBox);
    auto* remove = new QPushButton(tr("Remove"), filesBox);
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch();
    filesLayout->addLayout(fileButtons);
    connect(add, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(remove, &QPushButton::clicked, this, &ImportDialog::removeFiles);
    connect(m_files, &QListWidget::currentRowChanged, this, &ImportDialog::refreshPreview);
    return filesBox;
}

QGroupBox* ImportDialog::buildOptionsBox() {
    auto* optionsBox = new QGroupBox(tr("How to read them"), this);
    auto* options = new QFormLayout(optionsBox);
    m_format = new QComboBox(optionsBox);
    for (const FormatChoice& c : kFormats)
        m_format->addItem(tr(c.label), static_cast<int>(c.format));
    options->addRow(tr("Format"), m_format);
    m_timezone = new QComboBox(optionsBox);
    m_timezone->setEditable(true);
    m_timezone->addItem(tr("Default (Europe/Brussels for Flemish exports, UTC otherwise)"), QString());
    for (const char* tz : {"Europe/Brussels", "UTC", "Europe/Amsterdam", "Europe/Paris", "Europe/London"})
        m_timezone->addItem(QString::fromLatin1(tz), QString::fromLatin1(tz));
    m_timezone->setToolTip(
        tr("For local times without a UTC offset. In the autumn hour that happens twice, the first "
           "pass is summer time until the file's clock steps back; times in the spring gap are "
           "rejected."));
    options->addRow(tr("Time zone"), m_timezone);
    m_onError = new QComboBox(optionsBox);
    m_onError->addItem(tr("Stop at the first bad row (nothing is stored)"));
    m_onError->addItem(tr("Skip bad rows, count them and keep a sample"));
    options->addRow(tr("Bad rows"), m_onError);
    m_pseudonymise =
        new QCheckBox(tr("The files hold clear plates: pseudonymise them on import (HMAC-SHA256, one set of "
                         "random keys for all files, rotating daily at 04:00, never stored)"),
                      optionsBox);
    options->addRow(QString(), m_pseudonymise);
    m_force = new QCheckBox(tr("Import again even if a file was imported before"), optionsBox);
    options->addRow(QString(), m_force);
    for (QComboBox* box : {m_format, m_onError})
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &ImportDialog::refreshPreview);
    connect(m_timezone, &QComboBox::currentTextChanged, this, &ImportDialog::refreshPreview);
    return optionsBox;
}

QGroupBox* ImportDialog::buildPreviewBox() {
    auto* previewBox = new QGroupBox(tr("Preview"), this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_detected = new QLabel(previewBox);
    m_detected->setObjectName(QStringLiteral("DetectedLabel"));
    m_detected->setWordWrap(true);
    m_detected->setTextFormat(Qt::RichText);
    previewLayout->addWidget(m_detected);
    auto* split = new QHBoxLayout;
    auto* mappingBox = new QWidget(previewBox);
    m_mappingForm = new QFormLayout(mappingBox);
    m_mappingForm->setContentsMargins(0, 0, 0, 0);
    split->addWidget(mappingBox);
    m_previewModel = new QStandardItemModel(this);
    m_previewView = new QTableView(previewBox);
    m_previewView->setObjectName(QStringLiteral("PreviewTable"));
    m_previewView->setModel(m_previewModel);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewView->setTextElideMode(Qt::ElideMiddle);
    m_previewView->verticalHeader()->setDefaultSectionSize(20);
    split->addWidget(m_previewView, 1);
    previewLayout->addLayout(split);
    return previewBox;
}

ImportDialog::~ImportDialog() {
    if (isRunning()) {
        m_cancel->store(true);
        m_watcher->waitForFinished();
    }
}

void ImportDialog::setFiles(const QStringList& files) {
    m_files->clear();
    m_files->addItems(files);
    if (!files.isEmpty())
        m_files->setCurrentRow(0);
    refreshPreview();
}

QStringList ImportDialog::files() const {
    QStringList out;
    for (int i = 0; i < m_files->count(); ++i)
        out << m_files->item(i)->text();
    return out;
}

void ImportDialog::addFiles() {
    const QStringList chosen = QFileDialog::getOpenFileNames(
        this, tr("ANPR exports"), QString(), tr("ANPR exports (*.csv *.csv.gz *.txt *.gz);;All files (*)"));
    if (chosen.isEmpty())
        return;
    setFiles(files() + chosen);
}

void ImportDialog::removeFiles() {
    qDeleteAll(m_files->selectedItems());
    refreshPreview();
}

ImportOptions ImportDialog::options() const {
    ImportOptions o;
    o.format = static_cast<ImportFormat>(m_format->currentData().toInt());
    const int tzIndex = m_timezone->findText(m_timezone->currentText());
    o.timezone =
        tzIndex >= 0 ? m_timezone->itemData(tzIndex).toString() : m_timezone->currentText().trimmed();
    o.onError = m_onError->currentIndex() == 1 ? ImportOptions::OnError::Skip : ImportOptions::OnError::Abort;
    o.pseudonymise = m_pseudonymise->isChecked();
    o.force = m_force->isChecked();
    o.mapping = m_mapping;
    return o;
}

void ImportDialog::setMapping(Role role, const QString& column) {
    if (column.isEmpty())
        m_mapping.remove(roleKey(role));
    else
        m_mapping.insert(roleKey(role), column);
    refreshPreview();
}

void ImportDialog::refreshPreview() {
    m_previewModel->clear();
    const int row = m_files->currentRow() >= 0 ? m_files->currentRow() : 0;
    if (m_files->count() == 0) {
        m_preview = ImportPreview();
        m_detected->setText(tr("Add one or more ANPR exports (CSV, optionally gzip-compressed)."));
        m_importButton->setEnabled(false);
        buildMappingEditors();
        return;
    }
    const ImportOptions o = options();
    if (!o.timezone.isEmpty() && !QTimeZone(o.timezone.toUtf8()).isValid() &&
        o.timezone != QLatin1String("UTC")) {
        m_detected->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                                .arg(esc(tr("Unknown time zone '%1'").arg(o.timezone))));
        m_importButton->setEnabled(false);
        return;
    }
    m_preview = Importer::preview(m_files->item(row)->text(), o);
    const FileLayout& L = m_preview.layout;
    if (!m_preview.error.isEmpty()) {
        m_detected->setText(
            QStringLiteral("<span style='color:#b00020'>%1</span>").arg(esc(m_preview.error)));
    } else {
        const QString delimiter =
            L.delimiter == '\t' ? tr("tab") : QStringLiteral("'%1'").arg(QLatin1Char(L.delimiter));
        m_detected->setText(tr("Read as <b>%1</b>, delimiter %2, local times in %3.")
                                .arg(esc(formatKey(L.format)), esc(delimiter), esc(L.timezone)));
    }
    m_previewModel->setHorizontalHeaderLabels(L.header);
    for (const QStringList& r : m_preview.rows) {
        QList<QStandardItem*> items;
        for (const QString& v : r)
            items << new QStandardItem(v);
        m_previewModel->appendRow(items);
    }
    // Columns in use are shown bold with their role.
    for (int i = 0; i < kRoleCount; ++i) {
        const int c = L.column[static_cast<std::size_t>(i)];
        if (c >= 0 && c < m_previewModel->columnCount()) {
            QStandardItem* h = m_previewModel->horizontalHeaderItem(c);
            if (h) {
                h->setText(
                    QStringLiteral("%1\n→ %2").arg(L.header.value(c), roleLabel(static_cast<Role>(i))));
                QFont f = h->font();
                f.setBold(true);
                h->setFont(f);
            }
        }
    }
    m_previewView->resizeColumnsToContents();
    for (int c = 0; c < m_previewModel->columnCount(); ++c)
        m_previewView->setColumnWidth(c, std::min(m_previewView->columnWidth(c), 200)); // pseudonyms are long
    m_importButton->setEnabled(m_preview.error.isEmpty() && !isRunning());
    buildMappingEditors();
}

void ImportDialog::buildMappingEditors() {
    if (m_updatingMapping)
        return;
    m_updatingMapping = true;
    while (m_mappingForm->rowCount() > 0)
        m_mappingForm->removeRow(0);
    m_roleBoxes.clear();
    const FileLayout& L = m_preview.layout;
    if (!L.header.isEmpty()) {
        for (Role r : rolesFor(L.format == ImportFormat::Auto ? ImportFormat::Standard : L.format)) {
            auto* box = new QComboBox(this);
            box->setObjectName(QStringLiteral("Mapping_%1").arg(roleKey(r)));
            box->addItem(tr("(none)"), QString());
            for (const QString& h : L.header)
                box->addItem(h, h);
            const int c = L.col(r);
            box->setCurrentIndex(c >= 0 ? c + 1 : 0);
            connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, r, box](int) {
                const QString column = box->currentData().toString();
                QMetaObject::invokeMethod(
                    this, [this, r, column] { setMapping(r, column); }, Qt::QueuedConnection);
            });
            m_mappingForm->addRow(roleLabel(r), box);
            m_roleBoxes.push_back(box);
        }
    }
    m_updatingMapping = false;
}

bool ImportDialog::isRunning() const {
    return m_watcher->isRunning();
}

void ImportDialog::setBusy(bool busy) {
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_files, m_format, m_timezone, m_onError, m_pseudonymise, m_force})
        w->setEnabled(!busy);
    for (QComboBox* b : m_roleBoxes)
        b->setEnabled(!busy);
    m_importButton->setEnabled(!busy);
    m_cancelButton->setText(busy ? tr("Cancel") : tr("Close"));
    m_progress->setVisible(busy || m_progress->value() > 0);
}

void ImportDialog::startImport() {
    if (isRunning() || m_files->count() == 0)
        return;
    const QStringList list = files();
    const ImportOptions o = options();
    Session* session = m_session;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancel;
    QPointer<ImportDialog> self(this);
    m_progress->setValue(0);
    m_summary->clear();
    m_summary->setVisible(false);
    setBusy(true);
    m_progress->setVisible(true);
    // On a worker thread: the session gives it a connection of its own, imports, then updates trips.
    m_watcher->setFuture(QtConcurrent::run([list, o, session, cancel, self]() {
        auto progress = [self, last = -1](double p) mutable {
            const int v = static_cast<int>(1000.0 * p);
            if (v == last)
                return;
            last = v;
            QMetaObject::invokeMethod(
                self.data(),
                [self, v] {
                    if (self)
                        self->m_progress->setValue(v);
                },
                Qt::QueuedConnection);
        };
        try {
            return session->importFiles(list, o, progress, cancel.get());
        } catch (...) { // the worker's connection could not be opened, or worse
            ImportOutcome out;
            out.errors << ErrorBoundary::currentMessage();
            out.exitCode = 4;
            return out;
        }
    }));
}

void ImportDialog::cancelImport() {
    if (m_cancel)
        m_cancel->store(true);
    m_cancelButton->setEnabled(false);
}

void ImportDialog::onFinished() {
    const ImportOutcome out = m_watcher->result();
    m_cancelButton->setEnabled(true);
    setBusy(false);
    m_progress->setValue(1000);
    QString html;
    const qint64 stored = out.stored();
    for (const ImportReport& r : out.reports) {
        html +=
            QStringLiteral("<p><b>%1</b>: %2</p>")
                .arg(esc(QFileInfo(r.file).fileName()),
                     esc(tr("%1 rows, %2 stored, %3 rejected; %4 new camera(s) flagged unregistered; %5 s")
                             .arg(r.rows)
                             .arg(r.stored)
                             .arg(r.rejected)
                             .arg(r.camerasCreated)
                             .arg(r.seconds, 0, 'f', 1)));
        if (!r.sample.isEmpty()) {
            html += QStringLiteral("<ul>");
            for (int i = 0; i < std::min<int>(5, r.sample.size()); ++i)
                html += QStringLiteral("<li>%1</li>").arg(esc(r.sample[i].text()));
            html += QStringLiteral("</ul>");
        }
        for (const QString& w : r.warnings)
            html += QStringLiteral("<p style='color:#8a5300'>%1</p>").arg(esc(w));
    }
    for (const QString& e : out.errors)
        html += QStringLiteral("<p style='color:#b00020'>%1</p>").arg(esc(e));
    if (out.trips)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Trips brought up to date: %n trip(s) built from %1 reads.", nullptr,
                                static_cast<int>(out.trips->trips))
                                 .arg(out.trips->reads)));
    if (!out.tripsError.isEmpty())
        html +=
            QStringLiteral("<p style='color:#b00020'>%1</p>")
                .arg(esc(tr("The data is stored, but updating the trips failed: %1").arg(out.tripsError)));
    if (m_cancel && m_cancel->load())
        html +=
            QStringLiteral("<p>%1</p>").arg(esc(tr("Cancelled: the file being imported was rolled back.")));
    m_summary->setHtml(html);
    m_summary->setVisible(true);
    emit importFinished(stored > 0);
}

QString ImportDialog::summaryText() const {
    return m_summary->toPlainText();
}

} // namespace stroom::widgets
