#pragma once

#include "flows/periodcomparison.h"

#include <optional>

#include "flowmap.h"
#include "flows/flowcube.h"
#include "store/camera.h"

#include <QDockWidget>

class QLabel;
class QTextBrowser;

namespace QtCharts {
class QChartView;
class QChart;
} // namespace QtCharts

namespace stroom::widgets {

/**
 * \brief What the planner clicked: a camera (owner, operator, purpose, role; counts by class and an
 * hourly profile chart by class), a zone (trips out and in), or a flow (trips, share of the origin's
 * trips, journey times).
 */
class DetailsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget* parent = nullptr);

    /** \a hourly: counts per (hour of the day, class) for this camera under the filters. */
    void showCamera(const Camera& camera, const maps::CameraProfile& profile, int k);
    void showZone(const QString& id, const QString& name, std::int64_t tripsOut, std::int64_t tripsIn,
                  int cameras);
    struct FlowDetails {
        QString origin, destination;
        std::int64_t trips = 0;
        double shareOfOrigin = 0;
        std::int64_t durationN = 0;
        double median = 0, p15 = 0, p85 = 0;
        /** Compare mode: the flow's trips per day before and after, its change and whether it is
         * significant (then trips and share are not shown). */
        std::optional<PeriodComparison::Row> change;
    };
    void showFlow(const FlowDetails& d, int k);
    void clear();
    /** A project with no cameras yet: what to do next. */
    void showEmptyProject();

    QString text() const;
    QtCharts::QChart* chart() const;

private:
    QTextBrowser* m_text;
    QtCharts::QChartView* m_chartView;
};

} // namespace stroom::widgets
