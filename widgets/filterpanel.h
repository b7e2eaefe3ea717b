#pragma once

#include "flowmap.h"

#include <QDockWidget>

class QCheckBox;
class QGroupBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QRadioButton;
class QSlider;
class QSpinBox;

namespace stroom::widgets {

/**
 * \brief The filter panel (DESIGN §6): date range, weekday/weekend, hour range, vehicle classes, through
 * traffic only; camera or zone level, top N and minimum trips; and what the view shows (trips, k in force,
 * cells suppressed). Every change emits viewChanged() at once.
 */
class FilterPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit FilterPanel(QWidget* parent = nullptr);

    /** The days the data covers (the date pickers' bounds). */
    void setDataRange(const QDate& first, const QDate& last);
    maps::FlowView view() const;
    void setView(const maps::FlowView& view);
    /**
     * Shows the outcome of the view: trips, flows drawn, k and suppressed cells; in compare mode the two
     * periods, their days and the flows that changed significantly (or why nothing is compared).
     */
    void showResult(const maps::FlowViewResult& result);
    /**
     * Whether the project can tell through traffic (it has cordon roles): without, "Through traffic only" is
     * off and says why, and the summary says "unknown" instead of a false 0.
     */
    void setThroughAvailable(bool available);
    QString summaryText() const;

signals:
    void viewChanged(const stroom::maps::FlowView& view);

private:
    QGroupBox* buildWhen(QWidget* body);
    QGroupBox* buildVehicles(QWidget* body);
    QGroupBox* buildShow(QWidget* body);
    void connectControls();
    void emitChange();

    QCheckBox* m_allDates;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_fromLabel;
    QLabel* m_toLabel;
    QCheckBox* m_compare;
    QDateEdit* m_afterFrom;
    QDateEdit* m_afterTo;
    QComboBox* m_days;
    QSpinBox* m_hourFrom;
    QSpinBox* m_hourTo;
    std::vector<QCheckBox*> m_classes;
    QCheckBox* m_through;
    bool m_throughAvailable = true;
    QRadioButton* m_cameraLevel;
    QRadioButton* m_zoneLevel;
    QSlider* m_topN;
    QLabel* m_topNLabel;
    QSpinBox* m_minTrips;
    QCheckBox* m_lockLegend;
    QLabel* m_summary;
    bool m_updating = false;
};

} // namespace stroom::widgets
