#pragma once

#include "flowanimation.h"
#include "flowmap.h"
#include "flows/flowengine.h"

#include <optional>

#include <QDockWidget>

class QCheckBox;
class QGroupBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QRadioButton;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;
class QPushButton;

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
    /** The through-traffic definition in use and the read rate: the summary gives the share and its
     * correction for missed gate reads. */
    void setThroughEstimate(const TripParameters& params, const ThroughEstimate& estimate);
    /**
     * Unique vehicles per day over every camera under the filter (counted in the background: \a counting
     * says so meanwhile); none hides the line (compare mode).
     */
    void showUniqueVehicles(const std::optional<DailyVehicles>& vehicles, bool counting);
    /** The line as shown; empty when hidden. */
    QString uniqueVehiclesText() const;
    QString summaryText() const;
    /**
     * The time player (issue 14): off, hour by hour (each hour of the day, the filter's days together) or day
     * by day. While it is on, view() is the player's frame (its hour or day) of baseView().
     */
    std::optional<maps::FlowAnimation::Step> timeStep() const;
    /** The view without the player's frame (what the frames step through). */
    maps::FlowView baseView() const;
    /** Starts or stops playing (a step every speed's interval, round and round). */
    void setPlaying(bool playing);
    bool isPlaying() const;
    /** The player's time per step (ms), also each frame's in an exported animation. */
    int stepMilliseconds() const;
    /** The player's frames of the current base view, given by the main window (it has the data's days). */
    void setFrames(const std::vector<maps::FlowAnimation::Frame>& frames);

signals:
    void viewChanged(const stroom::maps::FlowView& view);
    /** "Export animation…": the player's frames as a GIF. */
    void exportAnimationRequested();
    /** The through-traffic button beside "Through traffic only": how it is told, and its windows. */
    void throughSettingsRequested();

private:
    QGroupBox* buildWhen(QWidget* body);
    QGroupBox* buildVehicles(QWidget* body);
    QGroupBox* buildShow(QWidget* body);
    QGroupBox* buildTime(QWidget* body);
    void step();
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
    /** Through traffic's share of the trips, and with the through trips whose gate read was missed. */
    QString throughShareText(const maps::FlowViewResult& r) const;
    bool m_throughAvailable = true;
    TripParameters m_throughParams;
    ThroughEstimate m_throughEstimate;
    QRadioButton* m_cameraLevel;
    QRadioButton* m_zoneLevel;
    QSlider* m_topN;
    QLabel* m_topNLabel;
    QSpinBox* m_minTrips;
    QCheckBox* m_lockLegend;
    QLabel* m_summary;
    QLabel* m_unique;
    QComboBox* m_timeMode;
    QSlider* m_timeSlider;
    QToolButton* m_play;
    QComboBox* m_speed;
    QLabel* m_timeLabel;
    QPushButton* m_exportAnimation;
    QTimer* m_timer;
    std::vector<maps::FlowAnimation::Frame> m_frames;
    bool m_updating = false;
};

} // namespace stroom::widgets
