#pragma once

#include "flows/flowengine.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>

class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QPushButton;

namespace stroom {
class Session;
}

namespace stroom::widgets {

/**
 * \brief How through traffic is told (issue 14): by the cordon roles with each gate pair's window from the
 * data or one fixed window, or role-free; the windows per gate pair and the read rate the last build found.
 *
 * A change rebuilds the trips in the background (progress, cancel) through Session::buildTrips, with a
 * purpose for the audit trail; the views follow through Session::changed.
 */
class ThroughTrafficDialog : public QDialog {
    Q_OBJECT
public:
    explicit ThroughTrafficDialog(Session* session, QWidget* parent = nullptr);
    ~ThroughTrafficDialog() override;

    /** The parameters the controls say (the stored ones with the through traffic's choices). */
    TripParameters parameters() const;
    bool isBuilding() const;
    /** What the dialog says under its table (the read rate, or why a change cannot be built). */
    QString statusText() const;

public slots:
    void accept() override;
    void reject() override;

signals:
    /** A rebuild with new parameters ended (\a ok false: cancelled or failed; statusText() says why). */
    void built(bool ok);

private:
    struct Outcome {
        bool ok = false;
        QString message;
    };
    void fillWindows();
    void updateControls();
    void onFinished();

    Session* m_session;
    TripParameters m_stored;
    QRadioButton* m_cordon;
    QRadioButton* m_roleFree;
    QRadioButton* m_perPair;
    QRadioButton* m_fixed;
    QSpinBox* m_min;
    QSpinBox* m_max;
    QTableWidget* m_windows;
    QLabel* m_status;
    QLineEdit* m_purpose;
    QProgressBar* m_progress;
    QPushButton* m_ok;
    QFutureWatcher<Outcome>* m_watcher;
    std::atomic_bool m_cancel{false};
};

} // namespace stroom::widgets
