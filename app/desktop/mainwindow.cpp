#include "mainwindow.h"

#include "aboutdialog.h"
#include "error.h"
#include "importdialog.h"
#include "layerspanel.h"
#include "store.h"

#include <qgslayertreemapcanvasbridge.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsmaptoolpan.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace stroom::desktop {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setObjectName(QStringLiteral("StroomMainWindow"));
    setWindowTitle(tr("Stroom"));

    m_canvas = new QgsMapCanvas(this);
    m_canvas->setObjectName(QStringLiteral("MapCanvas"));
    m_canvas->setCanvasColor(QColor(250, 250, 248));
    m_canvas->setDestinationCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    m_canvas->setCachingEnabled(true);
    m_canvas->setParallelRenderingEnabled(true);
    setCentralWidget(m_canvas);
    m_panTool = new QgsMapToolPan(m_canvas);
    m_canvas->setMapTool(m_panTool);

    QgsProject* project = QgsProject::instance();
    auto* bridge = new QgsLayerTreeMapCanvasBridge(project->layerTreeRoot(), m_canvas, this);
    bridge->setAutoSetupOnFirstLayer(false); // the project's CRS (Lambert 72) rules, not the first layer's
    connect(project, &QgsProject::crsChanged, this,
            [this, project] { m_canvas->setDestinationCrs(project->crs()); });

    m_layersPanel = new widgets::LayersPanel(project, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_layersPanel);
    resizeDocks({m_layersPanel}, {300}, Qt::Horizontal);

    buildMenus();
    buildStatusBar();
}

MainWindow::~MainWindow() {
    m_canvas->setMapTool(nullptr);
    delete m_panTool;
    QgsProject::instance()->clear();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New project…"), this, &MainWindow::newProject);
    newAction->setShortcut(QKeySequence::New);
    QAction* openAction = file->addAction(tr("&Open project…"), this, &MainWindow::openProjectDialog);
    openAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* importAction = file->addAction(tr("&Import ANPR data…"), this, [this] { importData(); });
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setObjectName(QStringLiteral("ImportAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_layersPanel->toggleViewAction());
    QAction* home = view->addAction(tr("Zoom to &project"), this, [this] {
        const QgsRectangle e = m_layers.homeExtent(QgsProject::instance());
        if (!e.isEmpty()) {
            m_canvas->setExtent(e);
            m_canvas->refresh();
        }
    });
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stroom"), this, &MainWindow::about)->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildStatusBar() {
    m_coordinates = new QLabel(this);
    m_coordinates->setObjectName(QStringLiteral("CoordinatesLabel"));
    m_coordinates->setMinimumWidth(220);
    m_scale = new QLabel(this);
    m_scale->setObjectName(QStringLiteral("ScaleLabel"));
    m_scale->setMinimumWidth(110);
    auto* crs = new QLabel(QStringLiteral("EPSG:31370"), this);
    crs->setToolTip(tr("Belgian Lambert 72"));
    statusBar()->addPermanentWidget(m_coordinates);
    statusBar()->addPermanentWidget(m_scale);
    statusBar()->addPermanentWidget(crs);
    connect(m_canvas, &QgsMapCanvas::xyCoordinates, this, [this](const QgsPointXY& p) {
        m_coordinates->setText(tr("x %1  y %2").arg(p.x(), 0, 'f', 0).arg(p.y(), 0, 'f', 0));
    });
    connect(m_canvas, &QgsMapCanvas::scaleChanged, this, [this](double scale) {
        m_scale->setText(
            QStringLiteral("1:%1").arg(QLocale().toString(static_cast<qlonglong>(std::llround(scale)))));
    });
    connect(m_canvas, &QgsMapCanvas::destinationCrsChanged, this,
            [this, crs] { crs->setText(m_canvas->mapSettings().destinationCrs().authid()); });
}

bool MainWindow::openProject(const QString& path) {
    // Open through the store first: it checks the schema and migrates, and refuses what is no project.
    try {
        Store::open(path);
    } catch (const Error& e) {
        showError(e.message());
        return false;
    }
    const QString error = m_layers.load(path, QgsProject::instance());
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    m_projectPath = path;
    setWindowTitle(tr("%1 – Stroom").arg(QFileInfo(path).completeBaseName()));
    const QgsRectangle e = m_layers.homeExtent(QgsProject::instance());
    if (!e.isEmpty())
        m_canvas->setExtent(e);
    m_canvas->refresh();
    m_layersPanel->view()->expandAll();
    statusBar()->showMessage(
        tr("%n camera(s)", nullptr, static_cast<int>(m_layers.cameras()->featureCount())), 5000);
    emit projectOpened(path);
    return true;
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New Stroom project"), QString(),
                                                tr("Stroom project (*.gpkg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        path += QStringLiteral(".gpkg");
    try {
        Store::create(path);
    } catch (const Error& e) {
        showError(e.message());
        return;
    }
    openProject(path);
}

void MainWindow::openProjectDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Stroom project"), QString(),
                                                      tr("Stroom project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::importData(const QStringList& files) {
    if (m_projectPath.isEmpty()) {
        showError(tr("Open or create a project first."));
        return;
    }
    auto* dialog = new widgets::ImportDialog(m_projectPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!files.isEmpty())
        dialog->setFiles(files);
    connect(dialog, &widgets::ImportDialog::importFinished, this, [this](bool changed) {
        if (changed)
            reloadLayers();
    });
    dialog->open();
}

void MainWindow::reloadLayers() {
    const QgsRectangle extent = m_canvas->extent();
    const QString error = m_layers.load(m_projectPath, QgsProject::instance());
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    m_canvas->setExtent(extent);
    m_canvas->refresh();
    m_layersPanel->view()->expandAll();
}

void MainWindow::about() {
    widgets::AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showError(const QString& message) {
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_interactive)
        QMessageBox::warning(this, tr("Stroom"), message);
}

} // namespace stroom::desktop
