#pragma once

#include <QDialog>

namespace stroom::widgets {

/**
 * \brief Help > About: what Stroom is, the versions of Stroom, Qt, QGIS, GDAL and SQLite, and the
 * attributions of the data it ships.
 */
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    /** The text shown, as HTML (also used in bug reports and tests). */
    static QString html();
};

} // namespace stroom::widgets
