#pragma once

#include "governance/purge.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace stroom {
class Store;
}

namespace stroom::widgets {

/**
 * \brief File > Purge reads…: removes pseudonymised reads (and trips, if asked) before a date, older than a
 * number of days, or all of them, after saying what goes and what stays (every aggregate); or sets the
 * retention period. A purpose is required; the purge is in the audit trail.
 */
class PurgeDialog : public QDialog {
    Q_OBJECT
public:
    explicit PurgeDialog(Store& store, QWidget* parent = nullptr);
    /** The range as chosen. */
    Purge::Range range() const;
    /** What the dialog says will go (and stay). */
    QString summaryText() const;
    void setBefore(const QDate& day);
    void setPurpose(const QString& purpose);
    /** Purges (throws stroom::Error); returns what went. */
    Purge::Result purge();

private:
    void updateSummary();

    Store& m_store;
    QRadioButton *m_beforeChoice, *m_olderChoice, *m_allChoice;
    QDateEdit* m_before;
    QSpinBox* m_days;
    QCheckBox* m_trips;
    QLineEdit* m_purpose;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
};

} // namespace stroom::widgets
