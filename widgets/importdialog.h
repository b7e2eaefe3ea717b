#pragma once

#include "import/importer.h"
#include "session/session.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTextBrowser;

namespace stroom::widgets {

/**
 * \brief File > Import…: choose ANPR exports, check how Stroom reads them (format, delimiter, column
 * mapping, time zone) on a preview of the first rows, and import them on a worker thread with progress
 * and Cancel. Ends with a summary per file: stored, rejected (with the first reasons), refused.
 */
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    /** Imports into \a session's project; the session must outlive the dialog. */
    ImportDialog(Session* session, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setFiles(const QStringList& files);
    QStringList files() const;
    /** The options as the controls say. */
    ImportOptions options() const;
    /** The layout the preview detected for the selected file. */
    FileLayout previewLayout() const { return m_preview.layout; }
    QStandardItemModel* previewModel() const { return m_previewModel; }
    QString previewError() const { return m_preview.error; }
    /** Sets a column for a role in the mapping (as a user would in its combo box). */
    void setMapping(Role role, const QString& column);
    QString summaryText() const;
    bool isRunning() const;

public slots:
    void startImport();
    void cancelImport();

signals:
    /** Emitted when an import run ends (also when cancelled or failed); \a changed when anything was stored.
     */
    void importFinished(bool changed);

private slots:
    void addFiles();
    void removeFiles();
    void refreshPreview();
    void onFinished();

private:
    QGroupBox* buildFilesBox();
    QGroupBox* buildOptionsBox();
    QGroupBox* buildPreviewBox();
    void buildMappingEditors();
    void setBusy(bool busy);

    Session* m_session;
    QListWidget* m_files;
    QComboBox* m_format;
    QComboBox* m_timezone;
    QComboBox* m_onError;
    QCheckBox* m_pseudonymise;
    QCheckBox* m_force;
    QLabel* m_detected;
    QFormLayout* m_mappingForm;
    std::vector<QComboBox*> m_roleBoxes;
    QTableView* m_previewView;
    QStandardItemModel* m_previewModel;
    QProgressBar* m_progress;
    QTextBrowser* m_summary;
    QPushButton* m_importButton;
    QPushButton* m_cancelButton;
    QDialogButtonBox* m_buttons;
    ImportPreview m_preview;
    QHash<QString, QString> m_mapping;
    bool m_updatingMapping = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<ImportOutcome>* m_watcher;
};

} // namespace stroom::widgets
