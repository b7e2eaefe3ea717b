#include "reportdialog.h"

#include "errorboundary.h"
#include "session/session.h"

#include "common/error.h"
#include "reportlayout.h"
#include "store/store.h"

#include <qgsprintlayout.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stroom::widgets {

ReportDialog::ReportDialog(Session* session, const FlowFilter& filter, QgsProject* project, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_filter(filter)
    , m_project(project) {
    setObjectName(QStringLiteral("ReportDialog"));
    setWindowTitle(tr("Export report"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    auto* form = new QFormLayout;
    m_purpose = new QLineEdit(this);
    m_purpose->setPlaceholderText(tr("e.g. evaluation of the circulation plan for the city council"));
    form->addRow(tr("Purpose (required)"), m_purpose);
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Nederlands"), QStringLiteral("nl"));
    if (QLocale().language() == QLocale::Dutch)
        m_language->setCurrentIndex(1);
    form->addRow(tr("Language"), m_language);
    auto* file = new QHBoxLayout;
    m_output = new QLineEdit(QFileInfo(session->path()).absolutePath() + QStringLiteral("/report.pdf"), this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    file->addWidget(m_output);
    file->addWidget(browse);
    form->addRow(tr("File"), file);
    left->addLayout(form);
    auto* filters = new QLabel(
        tr("Filters: %1")
            .arg(filter.describeForPeople().isEmpty() ? tr("none (all trips)") : filter.describeForPeople()),
        this);
    filters->setWordWrap(true);
    left->addWidget(filters);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    left->addWidget(m_status);
    left->addStretch();
    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export PDF"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    left->addWidget(buttons);
    layout->addLayout(left, 1);
    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(QStringLiteral("ReportPreview"));
    m_previewLabel->setMinimumSize(420, 300);
    m_previewLabel->setFrameShape(QFrame::StyledPanel);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_previewLabel, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export report"), m_output->text(), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            m_output->setText(path);
    });
    connect(m_purpose, &QLineEdit::textChanged, this, &ReportDialog::updateButtons);
    connect(m_output, &QLineEdit::textChanged, this, &ReportDialog::updateButtons);
    connect(m_language, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReportDialog::refreshPreview);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (exportReport())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    resize(1000, 420);
}

void ReportDialog::setPurpose(const QString& purpose) {
    m_purpose->setText(purpose);
}
void ReportDialog::setOutput(const QString& path) {
    m_output->setText(path);
}
void ReportDialog::setLanguage(const QString& code) {
    m_language->setCurrentIndex(m_language->findData(code));
}

void ReportDialog::updateButtons() {
    m_export->setEnabled(!m_purpose->text().trimmed().isEmpty() && !m_output->text().trimmed().isEmpty());
}

QgsProject* ReportDialog::reportProject(QgsProject& own) {
    if (!m_after)
        return m_project;
    FlowEngine& flows = m_session->flows();
    maps::ReportLayout::addLayers(&own, m_session->store().path(), flows.loadCube(), flows.cameras(),
                                  m_session->store().disclosurePolicy(), m_filter, m_after);
    return &own;
}

void ReportDialog::refreshPreview() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_preview = QImage();
    try {
        const ReportData data =
            ReportData::collect(m_session->store(), m_filter, m_language->currentData().toString(),
                                m_purpose->text(), m_session->store().disclosurePolicy(), 20, m_after);
        QgsProject own;
        auto layout = maps::ReportLayout::build(data, reportProject(own), QString());
        m_preview = maps::ReportLayout::renderPage(layout.get(), 0, 40);
    } catch (...) {
        m_status->setText(ErrorBoundary::currentMessage());
    }
    m_previewLabel->setPixmap(QPixmap::fromImage(m_preview).scaled(
        m_previewLabel->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    QApplication::restoreOverrideCursor();
}

bool ReportDialog::exportReport() {
    m_error.clear();
    if (m_purpose->text().trimmed().isEmpty()) {
        m_error = tr("Say what the report is for: the purpose is kept in the audit trail.");
        m_status->setText(m_error);
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        Session::afterImport(m_session->store()); // trips as the data and the register now say
        const ReportData data = ReportData::collect(
            m_session->store(), m_filter, m_language->currentData().toString(), m_purpose->text().trimmed(),
            m_session->store().disclosurePolicy(), 20, m_after);
        QgsProject own;
        maps::ReportLayout::write(m_session->store(), data, reportProject(own), QString(),
                                  m_output->text().trimmed(), true);
    } catch (...) {
        m_error = ErrorBoundary::currentMessage();
    }
    QApplication::restoreOverrideCursor();
    m_status->setText(m_error.isEmpty() ? tr("Written to %1.").arg(m_output->text()) : m_error);
    return m_error.isEmpty();
}

} // namespace stroom::widgets
