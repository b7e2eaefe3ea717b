#pragma once

#include "publish/reportdata.h"

#include <QImage>
#include <QString>

#include <memory>
#include <optional>

class QgsPrintLayout;
class QgsProject;

namespace stroom {
class Store;
}

namespace stroom::maps {

/**
 * \brief The PDF report (DESIGN §7) as a QGIS print layout: A4 landscape pages for the title, the flow
 * map (legend, scale bar, north arrow), the top OD table and through traffic, counts per camera with an
 * hourly profile by class, journey times, the camera inventory, and methodology and privacy.
 *
 * The layout comes from a template (resources/templates/report.qpt, or one an analyst restyled in
 * QGIS); Stroom fills its items by id ("title", "map", "od_table", …) and leaves out what a template
 * lacks.
 */
class ReportLayout {
public:
    /** The shipped template, built in code: what `stroom-cli report --write-template` saves. */
    static std::unique_ptr<QgsPrintLayout> createDefault(QgsProject* project);
    static QString defaultTemplatePath();

    /**
     * Loads \a templatePath (the default when empty) into a layout for \a project (which holds the
     * project's layers) and fills it from \a data. Throws stroom::Error when the template is unusable.
     */
    static std::unique_ptr<QgsPrintLayout> build(const ReportData& data, QgsProject* project,
                                                 const QString& templatePath);
    static QImage renderPage(QgsPrintLayout* layout, int page, double dpi = 60);

    /**
     * Builds and writes the report for \a data with \a project's layers, and records it in \a store's audit
     * trail (time, user, purpose, filters, output SHA-256, cells suppressed, k). Throws stroom::Error.
     */
    static void write(Store& store, const ReportData& data, QgsProject* project, const QString& templatePath,
                      const QString& pdfPath, bool overwrite = false);

    /**
     * Fills \a project with what the report draws, as the app shows it: the project file's layers (\a
     * projectPath), the flows of \a filter (top 80) and, with \a after, the change from \a filter's period to
     * that one (FlowMap's compare mode, named FlowMap::compareLayerName()). The layers belong to \a project.
     */
    static void addLayers(QgsProject* project, const QString& projectPath, const FlowCube& cube,
                          const CameraIndex& cameras, const DisclosurePolicy& policy,
                          const FlowFilter& filter, const std::optional<FlowFilter>& after);

    /** The hourly profile by class as a picture (for the layout; also used by tests). */
    static QImage profileChart(const ReportData& data, QSize size);
};

} // namespace stroom::maps
