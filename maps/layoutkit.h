#pragma once

#include <QColor>
#include <QFont>
#include <QString>

class QgsLayout;
class QgsLayoutFrame;
class QgsLayoutItemLabel;
class QgsLayoutMultiFrame;
class QgsLayoutTable;

namespace stroom::maps {

/**
 * \brief What every Stroom print layout shares (the report and the public register): the text style
 * (DejaVu Sans, no ligatures so the PDF stays searchable), labels and tables placed in millimetres, and
 * the PDF export with text kept as text.
 */
class LayoutKit {
public:
    static QFont font(double pointSize, bool bold = false);
    /** A label at (x, y) mm of size w × h mm on \a page. */
    static QgsLayoutItemLabel* addLabel(QgsLayout* layout, int page, const QString& text, double x, double y,
                                        double w, double h, double pointSize, bool bold = false,
                                        const QColor& colour = QColor(40, 40, 50));
    /** Header and body text, grid and margins of a table in Stroom's style. */
    static void styleTable(QgsLayoutTable* table, double textSize, double cellMargin);
    /** Adds \a table's first frame at (x, y) mm of size w × h mm on \a page. */
    static QgsLayoutFrame* addFrame(QgsLayout* layout, QgsLayoutMultiFrame* table, int page, double x,
                                    double y, double w, double h);
    /**
     * Writes the layout as a PDF (text as text); throws Error::input naming the file when it cannot (an
     * output the user named is input: exit 3, as for CSV and GeoPackage outputs).
     */
    static void writePdf(QgsLayout* layout, const QString& path, double dpi = 150);
};

} // namespace stroom::maps
