#pragma once

#include <QJsonObject>

#include "flows/flowcube.h"

#include "flows/flowengine.h"
#include "flows/periodcomparison.h"
#include <functional>
#include <memory>
#include <optional>

#include <qgsfeature.h>

#include <QObject>
#include <QString>

#include <vector>

class QgsProject;
class QgsVectorLayer;

namespace stroom::maps {

/** \brief What the planner asked the map to show. */
struct FlowView {
    FlowFilter filter;
    bool zones = false; ///< zone level (flows between zone points) instead of camera level
    int topN = 100;     ///< at most this many flows, the largest first
    int minTrips = 10;  ///< and none smaller (never below k)
    /** Keep the legend's classes as they are while filtering (to compare views); else they follow what is
     * drawn. */
    bool lockLegend = false;
    /**
     * Compare mode (issue 14): the filter's dates are the period before, afterFrom..afterTo the period after;
     * the map draws each flow's change in trips per day (PeriodComparison), coloured on a diverging ramp,
     * the significant changes strong and the others pale.
     */
    bool compare = false;
    QDate afterFrom, afterTo;
    /** The filter of the period after (the view's filter with the after dates). */
    FlowFilter afterFilter() const;

    /** The view as saved with the project (keys from, to, days, hour_from, hour_to, classes, …). */
    void writeJson(QJsonObject& o) const;
    static FlowView fromJson(const QJsonObject& o);
};

/** \brief What the map shows after apply(). */
struct FlowViewResult {
    OdMatrix matrix;            ///< the released cells under the filter (before top N and minimum)
    std::vector<OdFlow> shown;  ///< the flows drawn, largest first
    std::vector<OdFlow> within; ///< zone level: the trips within a zone drawn as circles, largest first
    std::int64_t tripsShown = 0;
    std::int64_t suppressedCells = 0; ///< cells under k (never drawn, never listed)
    int k = 10;
    /** Compare mode: the rows drawn (by volume, largest first), the days of each period, why nothing is
     * drawn.
     */
    std::vector<PeriodComparison::Row> changes;
    int beforeDays = 0, afterDays = 0, significant = 0;
    /** Compare mode: the whole comparison (every cell released in a period), for the OD table and exports. */
    std::optional<PeriodComparison::Result> comparison;
    QString compareProblem;
};

/** \brief One camera under the current filter, as released: per class, and per hour of the day and class. */
struct CameraProfile {
    PublishedCounts byClass;   ///< period 0, one row per class
    PublishedCounts hourly;    ///< period = hour of the day
    PublishedCounts perDay;    ///< period = local day, classes together: passages and distinct vehicles
    PublishedCounts localHour; ///< period = local hour, classes together (for the typical day)
};

/**
 * \brief The flow layer: a memory layer of curved arrows between cameras (or zone points), rebuilt from
 * the aggregate cube on every filter change. Width and colour follow trips in classes whose breaks are
 * fixed when the data is loaded (from the unfiltered matrix), so the legend stays put while filtering.
 */
class FlowMap : public QObject {
    Q_OBJECT
public:
    explicit FlowMap(QObject* parent = nullptr);
    ~FlowMap() override;

    /**
     * The data: the cube, the cameras and zones, and the release every figure of the map goes through.
     * Creates the layer (not yet in a project).
     */
    void setData(FlowCube cube, CameraIndex cameras, const DisclosurePolicy& policy,
                 std::function<RawOd(const FlowFilter&, const std::vector<int>&)> imported = {});
    /**
     * The released OD matrix under \a filter (zones: per zone): the cube's flows and, when the project has
     * them, the pair flows imported from privacy-proof cameras (stroom-edge), each released by the policy
     * on its own and added per pair.
     */
    OdMatrix released(const FlowFilter& filter, bool zones) const;
    bool hasData() const { return m_layer != nullptr; }
    const FlowCube& cube() const { return *m_cube; }
    /** The cube, kept alive for a query on another thread (a reload gives the map a new one). */
    std::shared_ptr<const FlowCube> sharedCube() const { return m_cube; }
    const CameraIndex& cameras() const { return m_cams; }
    int k() const { return m_policy.k(); }
    const DisclosurePolicy& policy() const { return m_policy; }

    /** The memory layer (owned by the project once added). */
    QgsVectorLayer* layer() const { return m_layer; }
    /**
     * Trips that start and end in the same zone, at zone level: proportional circles (area in proportion to
     * trips, the largest drawn 12 mm across) at the zone's point; empty at camera level. Owned by the project
     * once added; drawn under the flows.
     */
    QgsVectorLayer* withinLayer() const { return m_within; }
    static QString withinLayerName();
    /** Recomputes the flows for \a view and replaces the layer's features. */
    FlowViewResult apply(const FlowView& view);
    const FlowViewResult& result() const { return m_result; }
    const FlowView& view() const { return m_view; }

    /**
     * The class breaks in trips (lower bounds): pretty breaks (QgsClassificationPrettyBreaks) over the flows
     * drawn, so a narrow filter still spans the whole ramp; kept while the view's lockLegend is on.
     */
    const std::vector<double>& breaks() const { return m_breaks; }
    /** The change classes of compare mode, from the strongest fall (0) to the strongest rise (kChangeClasses
     * - 1); kNotSignificant for a change within the day-to-day variation. */
    static constexpr int kChangeClasses = 7;
    static constexpr int kNotSignificant = -1;
    static int changeClass(const PeriodComparison::Row& row);
    /** The colour of change class \a c (a diverging ramp, blue for less, red for more; grey: not
     * significant), each readable on a light basemap. */
    static QColor changeColor(int c);
    /** The legend label of change class \a c. */
    static QString changeLabel(int c);
    /** The comparison row drawn as feature \a fid. */
    bool changeOf(qint64 fid, PeriodComparison::Row* out) const;
    /** The colour of class \a i (0: smallest flows), strong enough to read on the map at every class. */
    static QColor rampColor(std::size_t i);
    /** The arrow width (mm) of class \a i: in proportion to its flows' trips against the largest drawn. */
    double classWidth(std::size_t i) const;
    QString label(std::uint32_t key, bool zones) const;
    /** Feature ids of the flows that start or end at \a key (camera or zone index). */
    QList<qint64> featuresTouching(std::uint32_t key) const;
    using Pair = QPair<std::uint32_t, std::uint32_t>; ///< (origin, destination)
    /**
     * Selects every released flow that starts or ends at \a key (a camera, or a zone at zone level), drawn
     * on top whatever the top N (they are added to the layer when they were not drawn); their pairs. The
     * selection is the map's focus: it survives filter changes while it still has flows.
     */
    QList<Pair> selectTouching(std::uint32_t key);
    /** Selects the flows of these pairs (an OD row), drawn even outside the top N; the focus too. */
    void selectFlows(const QList<Pair>& pairs);
    /** No focus: nothing selected, the top N alone drawn. */
    void clearFocus();
    /** Trips leaving and entering zone \a zone (its index) under the current filter: sums of released cells.
     */
    void zoneTrips(int zone, std::int64_t* out, std::int64_t* in) const;
    /** One camera under the current filter, as released. */
    CameraProfile cameraProfile(std::uint32_t camera) const;
    /** Camera keys of a flow end: the camera itself, or every camera of the zone. */
    std::vector<std::uint32_t> camerasOf(std::uint32_t key, bool zones) const;
    /** The flow drawn as feature \a fid. */
    bool flowOf(qint64 fid, OdFlow* out) const;

    static QString layerName();
    /** The name a flow layer in compare mode goes by beside a normal one (the report's before/after page). */
    static QString compareLayerName();

signals:

private:
    void buildRenderer();
    /** Compare mode's renderer: a rule per change class, widths in proportion to trips per day against \a
     * largest. */
    void buildCompareRenderer(double largest);
    /** apply() in compare mode. */
    void applyCompare(const FlowView& view, FlowViewResult& r);
    /** Puts \a features in the layer and indexes them (m_byFeature). */
    void replaceFeatures(QgsFeatureList features);
    /** The circles' renderer: sizes against the largest drawn (\a largest trips), its legend classes. */
    void buildWithinRenderer(double largest);
    /** Breaks from the flows drawn (largest first). */
    void classify(const std::vector<OdFlow>& drawn);
    /** Selects the drawn features of the focus. */
    void selectFocus();

    std::shared_ptr<const FlowCube> m_cube = std::make_shared<const FlowCube>();
    std::function<RawOd(const FlowFilter&, const std::vector<int>&)> m_imported;
    CameraIndex m_cams;
    DisclosurePolicy m_policy;
    QgsVectorLayer* m_layer = nullptr;
    QgsVectorLayer* m_within = nullptr;
    double m_withinLargest = 0; ///< trips of the largest circle the sizes were made for
    std::vector<double> m_breaks;
    double m_largestDrawn = 0; ///< trips of the largest flow the classes were made for
    FlowView m_view;
    FlowViewResult m_result;
    QHash<qint64, OdFlow> m_byFeature;
    QHash<qint64, PeriodComparison::Row> m_changeByFeature;
    std::optional<std::uint32_t> m_focusKey; ///< a selected camera or zone (at the view's level)
    QList<Pair> m_focusPairs;                ///< selected OD rows
    bool m_focusZones = false;               ///< the level the focus was made at
    bool m_compareDrawn = false;             ///< the layer has compare mode's renderer
};

} // namespace stroom::maps
