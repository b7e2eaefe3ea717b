#pragma once

#include "governance/reidentification.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace stroom::widgets {

/**
 * \brief View > Re-identification risk…: how re-identifiable the project's kept reads are (unicity for
 * 1–4 points, linkability over days, trips in groups under k), measured off the GUI thread on a read-only
 * connection of its own, with what each figure means. The same measure as `stroom-cli risk` and the report.
 */
class RiskDialog : public QDialog {
    Q_OBJECT
public:
    /** Starts measuring the project at \a projectPath at once. */
    explicit RiskDialog(const QString& projectPath, QWidget* parent = nullptr);
    ~RiskDialog() override;
    /** The measurement, once it is done (none while measuring, or when it failed). */
    const std::optional<ReidentificationRisk>& risk() const { return m_risk; }
    /** What the dialog says above the table ("Measuring…", the summary, or why nothing was measured). */
    QString statusText() const;
    QTableWidget* table() const { return m_table; }

signals:
    void measured();

private:
    /** What the worker hands back: the measure, or why there is none. */
    struct Outcome {
        std::optional<ReidentificationRisk> risk;
        bool noReads = false;
        QString problem;
    };
    void onFinished();

    QLabel* m_status;
    QProgressBar* m_busy;
    QTableWidget* m_table;
    QFutureWatcher<Outcome>* m_watcher;
    std::optional<ReidentificationRisk> m_risk;
};

} // namespace stroom::widgets
