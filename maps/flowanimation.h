#pragma once

#include "flowmap.h"

#include <QImage>
#include <QString>

#include <vector>

class QgsProject;
class QgsRectangle;

namespace stroom {
class Store;
}

namespace stroom::maps {

/**
 * \brief The flow map through time (issue 14): one frame per hour of the day (all the filter's days
 * together) or per local day, each frame's flows released as a query for that period alone would be (k,
 * cell key noise), drawn with one set of classes for the whole animation (the largest flow of any frame sets
 * them, so widths and colours compare between frames), with the period written on the frame and a legend.
 * The desktop's time player steps through the same frames; `stroom-cli animate` and the player's export
 * write them as an animated GIF (GifWriter), audited like every output.
 */
class FlowAnimation {
public:
    enum class Step { HourOfDay, Day };
    struct Frame {
        FlowView view;
        QString label; ///< "08:00–09:00", "Mon 2026-03-02"
    };
    /**
     * The frames: each hour within \a base's hours, or each local day with data that \a base's filter takes
     * (at most 400).
     */
    static std::vector<Frame> frames(const FlowMap& map, const FlowView& base, Step step);
    /** The label of a frame at \a step: an hour of the day (0–23), or a local day (days since 1970-01-01). */
    static QString label(Step step, std::int64_t value);
    /**
     * Fixes \a map's classes for all \a frames (from the frame with the largest flow) and locks them in every
     * frame's view.
     */
    static void lockClasses(FlowMap& map, std::vector<Frame>& frames);
    /**
     * One frame as a picture: the flows (and circles within zones), the cameras and zones of \a project over
     * \a extent (EPSG:31370), the frame's label, the filter and the legend. Returns the frame's suppressed
     * cells in \a suppressed.
     */
    static QImage render(FlowMap& map, const Frame& frame, QgsProject* project, const QgsRectangle& extent,
                         QSize size, std::int64_t* suppressed = nullptr);
    /**
     * Renders \a frames into the GIF \a path (each shown \a delayMs), through OutputFile with its audit
     * record
     * ("animation", \a purpose, \a parameters, the suppressed cells of every frame). Throws stroom::Error.
     */
    static void write(Store& store, FlowMap& map, std::vector<Frame> frames, QgsProject* project,
                      const QgsRectangle& extent, QSize size, int delayMs, const QString& path,
                      const QString& purpose, const QString& parameters, bool overwrite);
};

} // namespace stroom::maps
