#pragma once

#include "publish/reportdata.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QgsProject;

namespace stroom {
class Session;
}

namespace stroom::widgets {

/**
 * \brief File > Export report…: asks the purpose (kept in the audit trail), the language and the file,
 * shows the first page as it will print, and writes the PDF with the map's current filters.
 */
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    ReportDialog(Session* session, const FlowFilter& filter, QgsProject* project, QWidget* parent = nullptr);

    void setPurpose(const QString& purpose);
    void setOutput(const QString& path);
    void setLanguage(const QString& code); ///< en or nl
    /**
     * A before/after page comparing the filter's period with \a after (the map's compare mode); the report
     * then draws its maps in a project of its own (the flows of the period before, and the change).
     */
    void setComparison(const std::optional<FlowFilter>& after) { m_after = after; }
    /** The first page as it will print (empty when it cannot be built). */
    QImage preview() const { return m_preview; }
    QString lastError() const { return m_error; }

public slots:
    void refreshPreview();
    /** Writes the PDF; true on success. */
    bool exportReport();

private:
    void updateButtons();
    /** The project the report draws: the app's, or \a own filled for a before/after report. */
    QgsProject* reportProject(QgsProject& own);

    Session* m_session;
    FlowFilter m_filter;
    std::optional<FlowFilter> m_after;
    QgsProject* m_project;
    QLineEdit* m_purpose;
    QComboBox* m_language;
    QLineEdit* m_output;
    QLabel* m_previewLabel;
    QLabel* m_status;
    QPushButton* m_export;
    QImage m_preview;
    QString m_error;
};

} // namespace stroom::widgets
