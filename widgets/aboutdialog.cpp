#include "aboutdialog.h"

#include "simulate/demoproject.h"

#include <qgis.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace stroom::widgets {

QString AboutDialog::html() {
    return tr("<h2>Stroom %1</h2>"
              "<p>Origin–destination flows, counts, through traffic and journey times from pseudonymised "
              "ANPR "
              "camera data, with the camera register and privacy built in: no clear plates are stored, small "
              "figures are suppressed, every export is audited.</p>"
              "<table>"
              "<tr><td>Qt</td><td>%2</td></tr>"
              "<tr><td>QGIS</td><td>%3</td></tr>"
              "<tr><td>GDAL</td><td>%4</td></tr>"
              "<tr><td>SQLite</td><td>%5</td></tr>"
              "</table>"
              "<h3>Data</h3>"
              "<p>Ghent districts (demo zones): Stad Gent open data, Flemish model licence for free reuse "
              "(source: Stad Gent).</p>"
              "<p>Map data, where an OpenStreetMap basemap or OSM cameras are used: © OpenStreetMap "
              "contributors, "
              "ODbL 1.0.</p>")
        .arg(stroomVersion(), QString::fromLatin1(qVersion()), Qgis::version(), gdalVersion(),
             sqliteVersion());
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("About Stroom"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QTextBrowser(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setOpenExternalLinks(true);
    text->setHtml(html());
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 420);
}

} // namespace stroom::widgets
