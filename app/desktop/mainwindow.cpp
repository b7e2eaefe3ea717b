#include "mainwindow.h"

#include "application.h"

#include "aboutdialog.h"
#include "auditlogdialog.h"
#include "cameraedittool.h"
#include "camerasymbology.h"
#include "common/error.h"
#include "detailspanel.h"
#include "errorboundary.h"
#include "filterpanel.h"
#include "flowpicktool.h"
#include "flows/flowengine.h"
#include "flows/importedaggregates.h"
#include "governance/transparency.h"
#include "helpbrowser.h"
#include "importdialog.h"
#include "inventory/inventory.h"
#include "layermanager.h"
#include "layerspanel.h"
#include "mapstatus.h"
#include "maptips.h"
#include "maptoolbar.h"
#include "odtablemodel.h"
#include "odtablepanel.h"
#include "privacy/recordkeys.h"
#include "publish/resultexport.h"
#include "purgedialog.h"
#include "registerlisting.h"
#include "registerpanel.h"
#include "reportdialog.h"
#include "riskdialog.h"
#include "session/session.h"
#include "simulate/demoproject.h"
#include "store/store.h"
#include "throughtrafficdialog.h"
#include "transparencylisting.h"

#include <qgsexpression.h>
#include <qgslayertree.h>
#include <qgslayertreemapcanvasbridge.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsmaptoolpan.h>
#include <qgsproject.h>
#include <qgsrasterlayer.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QThreadPool>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

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
    m_canvas->setSelectionColor(QColor(0xd6, 0x27, 0x28)); // a selected camera's flows stand out in red
    setCentralWidget(m_canvas);

    QgsProject* project = QgsProject::instance();
    auto* bridge = new QgsLayerTreeMapCanvasBridge(project->layerTreeRoot(), m_canvas, this);
    bridge->setAutoSetupOnFirstLayer(false); // the project's CRS (Lambert 72) rules, not the first layer's
    connect(project, &QgsProject::crsChanged, this,
            [this, project] { m_canvas->setDestinationCrs(project->crs()); });

    m_layersPanel = new widgets::LayersPanel(project, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_layersPanel);
    m_filterPanel = new widgets::FilterPanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_filterPanel);
    m_detailsPanel = new widgets::DetailsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsPanel);
    m_odPanel = new widgets::OdTablePanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_odPanel);
    m_registerPanel = new widgets::RegisterPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_registerPanel);
    m_registerPanel->hide(); // View > Camera register
    connect(m_registerPanel, &QDockWidget::visibilityChanged, this, [this](bool shown) {
        if (shown)
            updateSilentCameras();
    });
    m_placeTool = new widgets::CameraEditTool(m_canvas, widgets::CameraEditTool::Mode::Place);
    m_moveTool = new widgets::CameraEditTool(m_canvas, widgets::CameraEditTool::Mode::Move);
    m_turnTool = new widgets::CameraEditTool(m_canvas, widgets::CameraEditTool::Mode::Turn);
    connect(m_placeTool, &widgets::CameraEditTool::placeRequested, m_registerPanel,
            &widgets::RegisterPanel::placeAt);
    connect(m_moveTool, &widgets::CameraEditTool::moved, this,
            [this](const QString& id, double lon, double lat) {
                guarded([&] { m_registerPanel->moveCamera(id, lon, lat); });
            });
    connect(m_turnTool, &widgets::CameraEditTool::turned, this,
            [this](const QString& id, int bearing, bool add) {
                guarded([&] { m_registerPanel->turnCamera(id, bearing, add); });
            });
    resizeDocks({m_layersPanel, m_detailsPanel}, {300, 420}, Qt::Horizontal);
    // The side panels keep the full height; the register opens under the map only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_flowMap = new maps::FlowMap(this);
    m_pickTool = new widgets::FlowPickTool(m_canvas, nullptr, nullptr, nullptr);
    connect(m_pickTool, &widgets::FlowPickTool::picked, this, &MainWindow::onPicked);
    m_mapToolBar = new widgets::MapToolBar(
        m_canvas, m_pickTool,
        [this] {
            const QgsRectangle e = m_layers.homeExtent(QgsProject::instance());
            if (!e.isEmpty()) {
                m_canvas->setExtent(e);
                m_canvas->refresh();
            }
        },
        [this] { zoomToSelection(); }, this);
    addToolBar(Qt::TopToolBarArea, m_mapToolBar);
    m_canvas->setMapTool(m_mapToolBar->panTool());
    connect(m_mapToolBar->measureTool(), &widgets::MeasureTool::measured, this,
            [this](const QString& text) { statusBar()->showMessage(text); });
    m_mapTips = new widgets::MapTips(
        m_canvas, [this] { return m_layers.cameras(); },
        [this] { return m_flowMap ? m_flowMap->layer() : nullptr; });
    connect(m_pickTool, &widgets::FlowPickTool::pickedNothing, this, [this] {
        m_flowMap->clearFocus();
        if (m_layers.cameras())
            m_layers.cameras()->removeSelection();
        m_detailsPanel->clear();
        m_odPanel->selectFlows({});
    });
    m_layerManager = new widgets::LayerManager(QgsProject::instance(), m_canvas, this);
    m_layerManager->setCurrentLayer([this] { return m_layersPanel->view()->currentLayer(); });
    connect(m_layerManager, &widgets::LayerManager::failed, this, &MainWindow::showError);
    connect(m_filterPanel, &widgets::FilterPanel::viewChanged, this, &MainWindow::applyView);
    connect(m_filterPanel, &widgets::FilterPanel::exportAnimationRequested, this,
            &MainWindow::exportAnimation);
    connect(m_filterPanel, &widgets::FilterPanel::throughSettingsRequested, this,
            &MainWindow::showThroughTraffic);
    connect(m_odPanel, &widgets::OdTablePanel::flowsSelected, this, &MainWindow::selectFlowsOnMap);
    connect(m_odPanel, &widgets::OdTablePanel::exportRequested, this, &MainWindow::exportOdTable);
    connect(m_odPanel, &widgets::OdTablePanel::flowsLocated, this, &MainWindow::zoomToSelection);
    connect(m_registerPanel, &widgets::RegisterPanel::cameraChosen, this,
            [this](const QString& id) { showCamera(id, false); });
    connect(m_registerPanel, &widgets::RegisterPanel::cameraLocated, this,
            [this](const QString& id) { showCamera(id, true); });
    connect(m_canvas, &QgsMapCanvas::contextMenuAboutToShow, this,
            [this](QMenu* menu, QgsMapMouseEvent* event) { fillMapMenu(menu, event->mapPoint()); });
    m_odPanel->setCopyGate([this](const QString& text, int rows) { return auditCopy(text, rows); });

    buildMenus();
    widgets::MapStatus::install(m_canvas, statusBar());
}

MainWindow::~MainWindow() {
    // A refresh while the map draws leaves the old drawing to end on its own (QGIS cancels it without
    // waiting), and when it ends it still writes into the canvas's cache: every drawing ends before the
    // canvas goes, and nothing starts another.
    m_canvas->freeze(true);
    m_canvas->cancelJobs();
    do {
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::FutureCallOut);
    } while (QThreadPool::globalInstance()->activeThreadCount() > 0);
    // An import still running works on the session (and holds its write transaction): it is cancelled and
    // ends (its dialog waits) before the view is saved and the session goes.
    qDeleteAll(findChildren<widgets::ImportDialog*>());
    if (!m_viewSaved)
        saveViewState();
    m_registerPanel->setSession(nullptr);
    m_canvas->setMapTool(nullptr);
    delete m_mapToolBar; // its tools go with it, before the canvas
    m_mapToolBar = nullptr;
    delete m_pickTool;
    delete m_placeTool;
    delete m_moveTool;
    delete m_turnTool;
    QgsProject::instance()->clear();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_persistView) // the window's size and place, for the next start
        widgets::Application::settings()->setValue(QStringLiteral("window/geometry"), saveGeometry());
    saveViewState();
    m_viewSaved = true;
    QMainWindow::closeEvent(event);
}

void MainWindow::buildMenus() {
    buildFileMenu();
    QMenu* view = buildViewMenu();
    buildLanguageMenu(view);
    buildMapMenu(view);
    menuBar()->insertMenu(m_mapMenu->menuAction(), m_layerManager->menu());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* manual = help->addAction(tr("&Manual"), this, [this] {
        // In the language the app speaks (the Dutch translation sets the default locale).
        auto* browser = new widgets::HelpBrowser(
            QLocale().language() == QLocale::Dutch ? QStringLiteral("nl") : QStringLiteral("en"), this);
        browser->setAttribute(Qt::WA_DeleteOnClose);
        browser->show();
    });
    manual->setShortcut(QKeySequence::HelpContents); // F1
    manual->setObjectName(QStringLiteral("ManualAction"));
    help->addAction(tr("&About Stroom"), this, &MainWindow::about)->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New project…"), this, &MainWindow::newProject);
    newAction->setShortcut(QKeySequence::New);
    QAction* openAction = file->addAction(tr("&Open project…"), this, &MainWindow::openProjectDialog);
    openAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* importAction = file->addAction(tr("&Import ANPR data…"), this, [this] { importData(); });
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setObjectName(QStringLiteral("ImportAction"));
    file->addAction(tr("Import &cameras…"), this, [this] {
        if (!m_session)
            return;
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Cameras"), QString(),
            tr("Cameras (*.csv *.geojson *.json *.gpkg *.shp *.osm);;All files (*)"));
        if (f.isEmpty())
            return;
        guarded([&] {
            const QString summary = m_registerPanel->importCameras(f);
            m_registerPanel->show();
            statusBar()->showMessage(summary, 10000);
        });
    });
    file->addAction(
            tr("Import &zones…"), this,
            [this] {
                if (!m_session)
                    return;
                const QString f = QFileDialog::getOpenFileName(
                    this, tr("Zones"), QString(), tr("Zones (*.geojson *.json *.gpkg *.shp);;All files (*)"));
                if (f.isEmpty())
                    return;
                guarded([&] {
                    const QStringList fields = widgets::RegisterPanel::fieldsOf(f);
                    if (fields.isEmpty())
                        throw Error::input(tr("%1: no features with attributes in it").arg(f));
                    // The fields as stroom-cli zones import guesses them, offered first.
                    auto guess = [&](const QStringList& names) {
                        for (const QString& n : names)
                            for (int i = 0; i < fields.size(); ++i)
                                if (fields[i].compare(n, Qt::CaseInsensitive) == 0)
                                    return i;
                        return 0;
                    };
                    bool ok = false;
                    const QString id = QInputDialog::getItem(
                        this, tr("Zones"), tr("Which field holds each zone's id?"), fields,
                        guess({QStringLiteral("zone_id"), QStringLiteral("id"), QStringLiteral("code"),
                               QStringLiteral("wijknr")}),
                        false, &ok);
                    if (!ok)
                        return;
                    const QString name = QInputDialog::getItem(
                        this, tr("Zones"), tr("Which field holds its name?"), fields,
                        guess({QStringLiteral("name"), QStringLiteral("naam"), QStringLiteral("wijk")}),
                        false, &ok);
                    if (!ok)
                        return;
                    statusBar()->showMessage(m_registerPanel->importZones(f, id, name), 10000);
                });
            })
        ->setObjectName(QStringLiteral("ImportZonesAction"));
    file->addAction(tr("&Publish the camera register…"), this, [this] {
        if (!m_session)
            return;
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Public camera register"), QStringLiteral("camera-register.pdf"),
            tr("PDF listing (*.pdf);;GeoJSON (*.geojson);;CSV (*.csv)"));
        if (f.isEmpty())
            return;
        bool ok = false;
        const QString purpose = QInputDialog::getText(
            this, tr("Purpose"), tr("What is this publication for? (kept in the audit trail)"),
            QLineEdit::Normal, tr("publication of the camera register"), &ok);
        if (!ok)
            return;
        guarded([&] {
            if (f.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                maps::RegisterListing::write(m_session->store(), QgsProject::instance(), f, purpose, true);
            else
                m_session->inventory().exportRegister(f, true, purpose, true);
            statusBar()->showMessage(tr("The public register was written to %1").arg(f), 10000);
        });
    });
    file->addAction(
            tr("Publish the &transparency report…"), this,
            [this] {
                if (!m_session)
                    return;
                const QString f = QFileDialog::getSaveFileName(this, tr("Transparency report"),
                                                               QStringLiteral("transparency-report.pdf"),
                                                               tr("PDF (*.pdf);;GeoJSON (*.geojson)"));
                if (f.isEmpty())
                    return;
                guarded([&] {
                    const Transparency t = Transparency::collect(m_session->store());
                    const QString purpose = tr("publication for citizen oversight");
                    if (f.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                        maps::TransparencyListing::write(m_session->store(), QgsProject::instance(), t, f,
                                                         purpose, true);
                    else
                        t.writeGeoJson(m_session->store(), f, purpose, true);
                    statusBar()->showMessage(tr("The transparency report was written to %1").arg(f), 10000);
                });
            })
        ->setObjectName(QStringLiteral("TransparencyAction"));
    QAction* reportAction = file->addAction(tr("Export &report…"), this, [this] {
        if (!m_session)
            return;
        widgets::ReportDialog dialog(m_session.get(), m_flowMap->view().filter, QgsProject::instance(), this);
        if (m_flowMap->view().compare)
            dialog.setComparison(m_flowMap->view().afterFilter());
        dialog.show();
        dialog.refreshPreview();
        dialog.exec();
    });
    reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* purgeAction = file->addAction(tr("P&urge reads…"), this, [this] {
        if (!m_session)
            return;
        widgets::PurgeDialog dialog(m_session->store(), this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(dialog.summaryText(), 10000);
    });
    purgeAction->setObjectName(QStringLiteral("PurgeAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

QMenu* MainWindow::buildViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_layersPanel->toggleViewAction());
    view->addAction(m_filterPanel->toggleViewAction());
    view->addAction(m_detailsPanel->toggleViewAction());
    view->addAction(m_odPanel->toggleViewAction());
    view->addAction(m_registerPanel->toggleViewAction());
    view->addSeparator();
    m_byPurposeAction = view->addAction(tr("Cameras by &purpose (else by owner)"));
    m_byPurposeAction->setCheckable(true);
    m_byPurposeAction->setObjectName(QStringLiteral("ByPurposeAction"));
    connect(m_byPurposeAction, &QAction::toggled, this, [this](bool byPurpose) {
        if (!m_layers.cameras())
            return;
        if (byPurpose)
            maps::CameraSymbology::applyPurposeStyle(m_layers.cameras());
        else
            maps::CameraSymbology::applyOwnerStyle(m_layers.cameras());
        m_layersPanel->view()->refreshLayerSymbology(m_layers.cameras()->id());
    });
    view->addSeparator();
    QAction* audit = view->addAction(tr("&Audit log…"));
    audit->setObjectName(QStringLiteral("AuditLogAction"));
    connect(audit, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        guarded([&] {
            auto* dialog = new widgets::AuditLogDialog(m_session->store(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
    });
    QAction* through = view->addAction(tr("&Through traffic…"));
    through->setObjectName(QStringLiteral("ThroughTrafficAction"));
    connect(through, &QAction::triggered, this, &MainWindow::showThroughTraffic);
    QAction* risk = view->addAction(tr("&Re-identification risk…"));
    risk->setObjectName(QStringLiteral("RiskAction"));
    connect(risk, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        auto* dialog = new widgets::RiskDialog(m_session->store().path(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    view->addSeparator();
    return view;
}

widgets::ThroughTrafficDialog* MainWindow::showThroughTraffic() {
    if (!m_session)
        return nullptr;
    widgets::ThroughTrafficDialog* dialog = nullptr;
    guarded([&] {
        dialog = new widgets::ThroughTrafficDialog(m_session.get(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setModal(true); // the trips are built again behind it
        dialog->show();
    });
    return dialog;
}

void MainWindow::buildLanguageMenu(QMenu* view) {
    QMenu* language = view->addMenu(tr("&Language"));
    const QString current = stroom::widgets::Application::settings()
                                ->value(QStringLiteral("language"), QStringLiteral("system"))
                                .toString();
    auto* languages = new QActionGroup(this);
    for (const auto& [code, name] : {std::pair<const char*, QString>{"system", tr("As the system")},
                                     std::pair<const char*, QString>{"nl", QStringLiteral("Nederlands")},
                                     std::pair<const char*, QString>{"en", QStringLiteral("English")}}) {
        QAction* a = language->addAction(name);
        a->setObjectName(QStringLiteral("Language_%1").arg(QLatin1String(code)));
        a->setCheckable(true);
        a->setChecked(current == QLatin1String(code));
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, c = QString::fromLatin1(code)] {
            stroom::widgets::Application::settings()->setValue(QStringLiteral("language"), c);
            statusBar()->showMessage(tr("The language changes when Stroom starts again."), 10000);
            if (widgets::ErrorBoundary::isInteractive())
                QMessageBox::information(this, tr("Language"),
                                         tr("The language changes when Stroom starts again."));
        });
    }
}

void MainWindow::buildMapMenu(QMenu* view) {
    view->addSeparator();
    QAction* home = view->addAction(tr("Zoom to &project"), this, [this] {
        const QgsRectangle e = m_layers.homeExtent(QgsProject::instance());
        if (!e.isEmpty()) {
            m_canvas->setExtent(e);
            m_canvas->refresh();
        }
    });
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    QMenu* tools = menuBar()->addMenu(tr("&Map"));
    m_mapMenu = tools;
    tools->addActions(m_mapToolBar->actions()); // the toolbar's tools, one set of actions and shortcuts
    tools->addSeparator();
    tools->addAction(tr("P&lace a camera"), this, [this] {
        m_registerPanel->show();
        m_canvas->setMapTool(m_placeTool);
    });
    tools->addAction(tr("&Move a camera"), this, [this] { m_canvas->setMapTool(m_moveTool); });
    tools->addAction(tr("&Turn a camera (Shift adds a direction)"), this,
                     [this] { m_canvas->setMapTool(m_turnTool); });
}

void MainWindow::zoomToSelection() {
    // The selected flows and camera together; nothing selected: nothing moves.
    QgsRectangle box;
    bool any = false;
    for (QgsVectorLayer* layer : {m_flowMap ? m_flowMap->layer() : nullptr, m_layers.cameras()}) {
        if (!layer || layer->selectedFeatureCount() == 0)
            continue;
        const QgsRectangle e =
            m_canvas->mapSettings().layerExtentToOutputExtent(layer, layer->boundingBoxOfSelected());
        if (!any)
            box = e;
        else
            box.combineExtentWith(e);
        any = true;
    }
    if (!any)
        return;
    // A single camera: its neighbourhood (metres, Lambert 72); else the selection and a margin.
    box = box.width() < 1000 && box.height() < 1000
              ? QgsRectangle(box.center().x() - 800, box.center().y() - 800, box.center().x() + 800,
                             box.center().y() + 800)
              : box.buffered(std::max(box.width(), box.height()) * 0.08);
    m_canvas->setExtent(box);
    m_canvas->refresh();
}

bool MainWindow::openProject(const QString& path) {
    if (m_session && !m_viewSaved)
        saveViewState();
    // The session holds the project's writer lock: the same project is let go before it is opened again.
    if (m_session && QFileInfo(m_session->path()) == QFileInfo(path))
        closeSession();
    std::unique_ptr<Session> session;
    QByteArray state;
    const bool opened = guarded([&] {
        // The store checks the schema and migrates, and refuses what is no project.
        session = Session::open(path);
        Session::afterImport(session->store()); // imports made meanwhile by the command line
        state = session->store().setting(QStringLiteral("view_state")).toUtf8();
        m_layers.load(path, QgsProject::instance());
    });
    if (!opened)
        return false;
    closeSession();
    m_session = std::move(session);
    m_viewSaved = false;
    connect(m_session.get(), &Session::changed, this, [this](Session::Changes what) {
        if (what & (Session::Reads | Session::Trips | Session::Cameras | Session::Zones))
            reloadLayers();
    });
    setWindowTitle(tr("%1 – Stroom").arg(QFileInfo(path).completeBaseName()));
    const QgsRectangle e = m_layers.homeExtent(QgsProject::instance());
    if (!e.isEmpty())
        m_canvas->setExtent(e);
    loadFlows();
    m_registerPanel->setSession(m_session.get());
    m_layerManager->setProjectPath(path);
    const QJsonObject saved = m_persistView ? QJsonDocument::fromJson(state).object() : QJsonObject();
    if (!saved.isEmpty()) {
        restoreViewState(state);
    } else {
        // A project without a saved view starts from the defaults, not from the last project's filters.
        m_filterPanel->setView(maps::FlowView());
    }
    m_layerManager->fromJson(saved); // its basemap (the project's roads by default) and added layers
    applyVisibility(saved.value(QStringLiteral("visible")).toObject()); // theirs too, now they are there
    m_odPanel->clearSearch();
    if (m_layers.cameras() && m_layers.cameras()->featureCount() == 0)
        m_detailsPanel->showEmptyProject();
    m_canvas->setMapTool(m_pickTool);
    m_canvas->refresh();
    m_layersPanel->view()->expandAll();
    statusBar()->showMessage(
        tr("%n camera(s)", nullptr, static_cast<int>(m_layers.cameras()->featureCount())), 5000);
    emit projectOpened(path);
    return true;
}

void MainWindow::closeSession() {
    m_registerPanel->setSession(nullptr);
    m_session.reset();
}

bool MainWindow::guarded(const std::function<void()>& action) {
    if (widgets::ErrorBoundary::run(this, tr("Stroom"), action))
        return true;
    m_lastError = widgets::ErrorBoundary::lastMessage();
    statusBar()->showMessage(m_lastError, 10000);
    return false;
}

QString MainWindow::projectPath() const {
    return m_session ? m_session->path() : QString();
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New Stroom project"), QString(),
                                                tr("Stroom project (*.gpkg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        path += QStringLiteral(".gpkg");
    if (guarded([&] { Store::create(path); }))
        openProject(path);
}

void MainWindow::openProjectDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Stroom project"), QString(),
                                                      tr("Stroom project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::importData(const QStringList& files) {
    if (!m_session) {
        showError(tr("Open or create a project first."));
        return;
    }
    // The dialog imports on a worker thread through the session, which announces the new data: the map,
    // the table and the register refresh from that.
    auto* dialog = new widgets::ImportDialog(m_session.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!files.isEmpty())
        dialog->setFiles(files);
    dialog->open();
}

void MainWindow::reloadLayers() {
    const QgsRectangle extent = m_canvas->extent();
    const maps::FlowView view = m_filterPanel->view();
    const QJsonObject visible = visibility(); // what the planner hid stays hidden
    if (!m_session || !guarded([&] { m_layers.load(m_session->path(), QgsProject::instance()); }))
        return;
    loadFlows();
    m_layerManager->restore(); // the basemap and the added layers went with the project's layers
    applyVisibility(visible);
    if (m_byPurposeAction->isChecked())
        maps::CameraSymbology::applyPurposeStyle(m_layers.cameras());
    m_filterPanel->setView(view);
    m_canvas->setExtent(extent);
    m_canvas->refresh();
    m_layersPanel->view()->expandAll();
}

void MainWindow::loadFlows() {
    // The previous flow layers went with the project's layers: nothing may point at them, even when the cube
    // below cannot be loaded.
    delete m_flowMap;
    m_flowMap = new maps::FlowMap(this);
    m_pickTool->setLayers(m_layers.cameras(), nullptr, m_layers.zones());
    const bool loaded = guarded([&] {
        FlowCube cube = m_session->flows().loadCube();
        // Pair flows from privacy-proof cameras (stroom-edge) are drawn beside the cube's, each released
        // on its own; the query runs on this thread's connection when the filter changes.
        std::function<RawOd(const FlowFilter&, const std::vector<int>&)> imported;
        {
            auto any = m_session->store().database().prepare("SELECT 1 FROM cube.agg_pairflows LIMIT 1");
            if (any.step()) {
                Store* store = &m_session->store();
                auto cams = std::make_shared<CameraIndex>(m_session->flows().cameras());
                auto zone = std::make_shared<LocalTime>(store->timeZone().toUtf8());
                auto keys = std::make_shared<RecordKeys>(RecordKeys::load(store->database()));
                imported = [store, cams, zone, keys](const FlowFilter& f, const std::vector<int>& group) {
                    return ImportedAggregates(store->database(), *cams, *zone, *keys).pairFlows(f, group);
                };
            }
        }
        m_flowMap->setData(std::move(cube), m_session->flows().cameras(),
                           m_session->store().disclosurePolicy(), std::move(imported));
    });
    if (!loaded)
        return;
    QgsProject* project = QgsProject::instance();
    project->addMapLayer(m_flowMap->layer(), false);
    project->addMapLayer(m_flowMap->withinLayer(), false);
    // Flows between the zones (below) and the cameras (on top); the trips within a zone under the flows.
    project->layerTreeRoot()->insertLayer(1, m_flowMap->layer());
    project->layerTreeRoot()->insertLayer(2, m_flowMap->withinLayer());
    if (QgsLayerTreeLayer* node = project->layerTreeRoot()->findLayer(m_flowMap->layer()))
        connect(node, &QgsLayerTreeNode::visibilityChanged, this, &MainWindow::updateCompactCameras);
    m_pickTool->setLayers(m_layers.cameras(), m_flowMap->layer(), m_layers.zones());
    for (widgets::CameraEditTool* t : {m_placeTool, m_moveTool, m_turnTool})
        t->setCameras(m_layers.cameras());
    // The dates the data covers: the cube's days and the periods of imported aggregates.
    QDate first, last;
    const std::vector<std::int64_t> days = m_flowMap->cube().days();
    if (!days.empty()) {
        first = QDate(1970, 1, 1).addDays(days.front());
        last = QDate(1970, 1, 1).addDays(days.back());
    }
    guarded([&] {
        auto st = m_session->store().database().prepare(
            "SELECT min(p), max(p) FROM (SELECT period_start AS p FROM cube.agg_counts UNION ALL "
            "SELECT period_start FROM cube.agg_pairflows) WHERE p IS NOT NULL");
        if (st.step() && !st.isNull(0)) {
            const QTimeZone zone(m_session->store().timeZone().toUtf8());
            const QDate a = QDateTime::fromString(st.text(0), Qt::ISODate).toTimeZone(zone).date();
            const QDate b = QDateTime::fromString(st.text(1), Qt::ISODate).toTimeZone(zone).date();
            first = first.isValid() ? std::min(first, a) : a;
            last = last.isValid() ? std::max(last, b) : b;
        }
    });
    if (first.isValid())
        m_filterPanel->setDataRange(first, last);
    const TripParameters params = m_session->flows().storedParameters();
    m_filterPanel->setThroughAvailable(ThroughRule::available(params, m_flowMap->cameras()));
    m_filterPanel->setThroughEstimate(params, m_session->flows().throughEstimate());
    m_detailsPanel->clear();
    applyView(m_filterPanel->view());
}

void MainWindow::applyView(const maps::FlowView& asked) {
    if (!m_flowMap || !m_flowMap->hasData()) {
        ++m_uniqueGeneration; // a count still running was for another project
        m_filterPanel->showUniqueVehicles(std::nullopt, false);
        return;
    }
    maps::FlowView view = asked;
    if (const std::optional<maps::FlowAnimation::Step> step = m_filterPanel->timeStep()) {
        // The time player: its frames (and their shared classes) made again when the view they step through
        // changed; then the frame the slider is on.
        QJsonObject key;
        m_filterPanel->baseView().writeJson(key);
        key.insert(QStringLiteral("step"), static_cast<int>(*step));
        if (key != m_framesKey) {
            std::vector<maps::FlowAnimation::Frame> frames =
                maps::FlowAnimation::frames(*m_flowMap, m_filterPanel->baseView(), *step);
            maps::FlowAnimation::lockClasses(*m_flowMap, frames);
            m_filterPanel->setFrames(frames);
            m_framesKey = key;
        }
        view = m_filterPanel->view();
    } else {
        m_framesKey = QJsonObject();
    }
    const maps::FlowViewResult r = m_flowMap->apply(view);
    updateCompactCameras();
    m_filterPanel->showResult(r);
    m_odPanel->model()->setResult(r, *m_flowMap, view.zones);
    // The selection survives the filter: a selected camera is picked again (its details and flows under
    // the new filter); otherwise the details are cleared.
    QgsFeature selectedCamera;
    if (m_layers.cameras() && m_layers.cameras()->selectedFeatureCount() == 1 &&
        m_layers.cameras()->getSelectedFeatures().nextFeature(selectedCamera))
        onPicked(m_layers.cameras(), selectedCamera);
    else
        m_detailsPanel->clear();
    updateSilentCameras();
    countUniqueVehicles(view);
}

void MainWindow::countUniqueVehicles(const maps::FlowView& view) {
    ++m_uniqueGeneration;
    if (view.compare) { // the summary speaks of the comparison
        m_uniquePending.reset();
        m_filterPanel->showUniqueVehicles(std::nullopt, false);
        return;
    }
    m_uniquePending = view.filter;
    m_filterPanel->showUniqueVehicles(std::nullopt, true);
    startUniqueCount();
}

void MainWindow::startUniqueCount() {
    if (!m_uniqueWatcher) {
        m_uniqueWatcher = new QFutureWatcher<UniqueCount>(this);
        connect(m_uniqueWatcher, &QFutureWatcher<UniqueCount>::finished, this, [this] {
            const UniqueCount r = m_uniqueWatcher->result();
            if (r.generation == m_uniqueGeneration)
                m_filterPanel->showUniqueVehicles(r.vehicles, false);
            startUniqueCount(); // the filter that came meanwhile
        });
    }
    if (m_uniqueWatcher->isRunning() || !m_uniquePending || !m_flowMap || !m_flowMap->hasData())
        return;
    // The worker holds the cube (a reload gives the map another) and copies of the filter and the policy.
    const std::shared_ptr<const FlowCube> cube = m_flowMap->sharedCube();
    const DisclosurePolicy policy = m_flowMap->policy();
    const FlowFilter filter = *m_uniquePending;
    const int generation = m_uniqueGeneration;
    m_uniquePending.reset();
    m_uniqueWatcher->setFuture(QtConcurrent::run([cube, policy, filter, generation] {
        UniqueCount r;
        r.generation = generation;
        r.vehicles = DailyVehicles::of(cube->counts(filter, CountPeriod::Day, false, false).publish(policy));
        return r;
    }));
}

void MainWindow::exportAnimation() {
    const std::optional<maps::FlowAnimation::Step> step = m_filterPanel->timeStep();
    if (!m_session || !m_flowMap || !m_flowMap->hasData() || !step)
        return;
    const bool playing = m_filterPanel->isPlaying();
    m_filterPanel->setPlaying(false);
    const QString f = QFileDialog::getSaveFileName(this, tr("Export animation"), QStringLiteral("flows.gif"),
                                                   tr("Animated GIF (*.gif)"));
    bool ok = !f.isEmpty();
    const QString purpose =
        ok ? QInputDialog::getText(this, tr("Purpose"),
                                   tr("What is this animation for? (kept in the audit trail)"),
                                   QLineEdit::Normal, QString(), &ok)
           : QString();
    if (ok && !purpose.trimmed().isEmpty())
        guarded([&] {
            QApplication::setOverrideCursor(Qt::WaitCursor);
            const maps::FlowView base = m_filterPanel->baseView();
            try {
                maps::FlowAnimation::write(
                    m_session->store(), *m_flowMap, maps::FlowAnimation::frames(*m_flowMap, base, *step),
                    QgsProject::instance(), m_canvas->extent(), m_canvas->size(),
                    m_filterPanel->stepMilliseconds(), f, purpose.trimmed(),
                    QStringLiteral("%1; animation per %2, %3, top %4")
                        .arg(base.filter.describe(),
                             *step == maps::FlowAnimation::Step::Day ? QStringLiteral("day")
                                                                     : QStringLiteral("hour"),
                             base.zones ? QStringLiteral("by zone") : QStringLiteral("by camera"))
                        .arg(base.topN),
                    true);
            } catch (...) {
                QApplication::restoreOverrideCursor();
                throw;
            }
            QApplication::restoreOverrideCursor();
            statusBar()->showMessage(tr("The animation was written to %1").arg(f), 10000);
        });
    m_framesKey = QJsonObject(); // the export drew its own frames: draw the player's again
    applyView(m_filterPanel->view());
    m_filterPanel->setPlaying(playing);
}

void MainWindow::updateCompactCameras() {
    if (!m_layers.cameras() || !m_flowMap || !m_flowMap->layer())
        return;
    // Smaller cameras while flows are drawn; full size when the flows are off or there are none.
    const QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(m_flowMap->layer());
    const bool flows = node && node->isVisible() && !m_flowMap->result().shown.empty();
    if (flows != maps::CameraSymbology::isCompact(m_layers.cameras()))
        maps::CameraSymbology::setCompact(m_layers.cameras(), flows);
}

void MainWindow::updateSilentCameras() {
    // Only while the register shows it: it is a counts query over the cube on every filter change.
    if (!m_flowMap || !m_flowMap->hasData() || !m_registerPanel->isVisible())
        return;
    // Silent cameras are judged on the selected period (dates, days, hours), whatever the vehicle class. Even
    // "seen or not" says something about a cell, so a camera counts as seen when its count is released.
    FlowFilter period = m_flowMap->view().filter;
    period.classMask = 0;
    period.throughOnly = false;
    QSet<QString> seen;
    for (const CameraCount& c :
         m_flowMap->cube().counts(period, CountPeriod::All, false).publish(m_flowMap->policy()).rows)
        if (c.camera < m_flowMap->cameras().id.size())
            seen.insert(m_flowMap->cameras().id[c.camera]);
    m_registerPanel->setPeriodActivity(seen, period.describeForPeople());
}

void MainWindow::onPicked(QgsVectorLayer* layer, const QgsFeature& feature) {
    QList<maps::FlowMap::Pair> selected;
    // The picked camera itself is highlighted too (in the selection colour, apart from the flow ramp).
    if (m_layers.cameras()) {
        if (layer == m_layers.cameras())
            m_layers.cameras()->selectByIds(QgsFeatureIds{feature.id()});
        else
            m_layers.cameras()->removeSelection();
    }
    if (layer == m_layers.cameras())
        selected = pickCamera(feature.attribute(QStringLiteral("camera_id")).toString());
    else if (layer == m_layers.zones())
        selected = pickZone(feature.attribute(QStringLiteral("zone_id")).toString(),
                            feature.attribute(QStringLiteral("name")).toString());
    else if (layer == m_flowMap->layer())
        selected = pickFlow(feature);
    m_odPanel->selectFlows(selected);
}

QList<maps::FlowMap::Pair> MainWindow::pickCamera(const QString& id) {
    if (m_registerPanel->isVisible()) // the register follows the map
        m_registerPanel->selectCamera(id);
    const std::uint32_t key = m_flowMap->cameras().keyOf(id);
    if (const std::optional<Camera> c = m_session->store().camera(id))
        m_detailsPanel->showCamera(*c, m_flowMap->cameraProfile(key), m_flowMap->k());
    if (!m_flowMap->view().zones)
        return m_flowMap->selectTouching(key);
    const int z = key < m_flowMap->cameras().zoneOf.size() ? m_flowMap->cameras().zoneOf[key] : -1;
    return z >= 0 ? m_flowMap->selectTouching(static_cast<std::uint32_t>(z)) : QList<maps::FlowMap::Pair>();
}

QList<maps::FlowMap::Pair> MainWindow::pickZone(const QString& id, const QString& name) {
    const int z = m_flowMap->cameras().zoneIds.indexOf(id);
    std::int64_t out = 0, in = 0;
    m_flowMap->zoneTrips(z, &out, &in);
    m_detailsPanel->showZone(
        id, name, out, in,
        static_cast<int>(m_flowMap->camerasOf(static_cast<std::uint32_t>(std::max(z, 0)), true).size()));
    if (z >= 0 && m_flowMap->view().zones)
        return m_flowMap->selectTouching(static_cast<std::uint32_t>(z));
    return {};
}

QList<maps::FlowMap::Pair> MainWindow::pickFlow(const QgsFeature& feature) {
    OdFlow f;
    if (!m_flowMap->flowOf(feature.id(), &f))
        return {};
    const bool zones = m_flowMap->view().zones;
    if (!m_flowMap->view().compare) // in compare mode red reads as a rise: the details say which flow
        m_flowMap->layer()->selectByIds(QgsFeatureIds{feature.id()});
    widgets::DetailsPanel::FlowDetails d;
    d.origin = m_flowMap->label(f.origin, zones);
    d.destination = m_flowMap->label(f.destination, zones);
    d.trips = f.trips;
    d.shareOfOrigin = feature.attribute(QStringLiteral("share")).toDouble();
    PeriodComparison::Row change;
    if (m_flowMap->changeOf(feature.id(), &change))
        d.change = change;
    const PairTimes t = m_session->flows().tripDurations(m_flowMap->camerasOf(f.origin, zones),
                                                         m_flowMap->camerasOf(f.destination, zones),
                                                         m_flowMap->view().filter);
    const PublishedTimes released = publishTimes({t}, m_flowMap->policy());
    d.durationN = released.rows.empty() ? DisclosurePolicy::kSuppressed : released.rows.front().n;
    const PairTimes& shown = released.rows.empty() ? t : released.rows.front();
    d.median = shown.median;
    d.p15 = shown.p15;
    d.p85 = shown.p85;
    m_detailsPanel->showFlow(d, m_flowMap->k());
    return {qMakePair(f.origin, f.destination)};
}

bool MainWindow::selectCamera(const QString& cameraId) {
    if (!m_layers.cameras())
        return false;
    QgsFeatureRequest request;
    request.setFilterExpression(
        QgsExpression::createFieldEqualityExpression(QStringLiteral("camera_id"), cameraId));
    QgsFeature f;
    if (!m_layers.cameras()->getFeatures(request).nextFeature(f))
        return false;
    onPicked(m_layers.cameras(), f);
    return true;
}

bool MainWindow::showCamera(const QString& cameraId, bool zoom) {
    if (!selectCamera(cameraId))
        return false;
    if (zoom) {
        zoomToSelectedCamera();
        return true;
    }
    QgsFeature f;
    if (m_layers.cameras()->getSelectedFeatures().nextFeature(f) && f.hasGeometry()) {
        const QgsPointXY at =
            m_canvas->mapSettings().layerToMapCoordinates(m_layers.cameras(), f.geometry().asPoint());
        if (!m_canvas->extent().contains(at)) { // out of view: brought to the middle, the scale kept
            m_canvas->setCenter(at);
            m_canvas->refresh();
        }
    }
    return true;
}

void MainWindow::zoomToSelectedCamera() {
    QgsVectorLayer* cameras = m_layers.cameras();
    if (!cameras || cameras->selectedFeatureCount() == 0)
        return;
    const QgsPointXY c =
        m_canvas->mapSettings().layerExtentToOutputExtent(cameras, cameras->boundingBoxOfSelected()).center();
    m_canvas->setExtent(
        QgsRectangle(c.x() - 800, c.y() - 800, c.x() + 800, c.y() + 800)); // metres, EPSG:31370
    m_canvas->refresh();
}

void MainWindow::fillMapMenu(QMenu* menu, const QgsPointXY& mapPoint) {
    QgsFeature camera;
    if (m_session && m_pickTool->cameraAt(mapPoint, &camera)) {
        const QString id = camera.attribute(QStringLiteral("camera_id")).toString();
        QAction* title =
            menu->addAction(CameraIndex::label(camera.attribute(QStringLiteral("name")).toString(), id));
        title->setEnabled(false);
        menu->addSeparator();
        menu->addAction(tr("Show its flows"), this, [this, id] { showCamera(id, false); })
            ->setObjectName(QStringLiteral("CameraFlows"));
        menu->addAction(tr("Zoom to the camera"), this, [this, id] { showCamera(id, true); })
            ->setObjectName(QStringLiteral("CameraZoom"));
        menu->addAction(tr("Show in the register"), this,
                        [this, id] {
                            m_registerPanel->show();
                            m_registerPanel->selectCamera(id);
                        })
            ->setObjectName(QStringLiteral("CameraInRegister"));
        menu->addAction(tr("Edit the camera…"), this, [this, id] { m_registerPanel->editCamera(id); })
            ->setObjectName(QStringLiteral("CameraEdit"));
        menu->addAction(tr("Copy the camera id"), this, [id] { QGuiApplication::clipboard()->setText(id); })
            ->setObjectName(QStringLiteral("CameraCopyId"));
        menu->addSeparator();
    }
    menu->addAction(tr("Zoom to project"), this, [this] {
        const QgsRectangle e = m_layers.homeExtent(QgsProject::instance());
        if (!e.isEmpty()) {
            m_canvas->setExtent(e);
            m_canvas->refresh();
        }
    });
    menu->addAction(tr("Zoom to selection"), this, &MainWindow::zoomToSelection);
}

void MainWindow::selectFlowsOnMap(const QList<QPair<std::uint32_t, std::uint32_t>>& flows) {
    m_flowMap->selectFlows(flows);
}

void MainWindow::exportOdTable() {
    if (!m_session)
        return;
    guarded([&] {
        const QString done = m_odPanel->exportMatrix(m_session->store(), *m_flowMap);
        if (!done.isEmpty())
            statusBar()->showMessage(done, 10000);
    });
}

bool MainWindow::auditCopy(const QString& text, int rows) {
    if (!m_session || !m_flowMap)
        return false;
    // A copy leaves the store like an export does (DESIGN §2): it is recorded, with what and how much.
    return guarded([&] {
        Store::AuditEntry e;
        e.action = QStringLiteral("copy (OD table, %1 rows)").arg(rows);
        e.layer = m_flowMap->policy().layer();
        e.parameters = QStringLiteral("filters: %1; release: %2")
                           .arg(m_flowMap->view().filter.describe(), m_flowMap->policy().method());
        e.output = QStringLiteral("clipboard");
        e.outputSha256 =
            QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
        e.suppressedCells = m_flowMap->result().suppressedCells;
        e.k = m_flowMap->k();
        m_session->store().audit(e);
    });
}

QJsonObject MainWindow::visibility() const {
    QJsonObject visible;
    for (QgsLayerTreeLayer* l : QgsProject::instance()->layerTreeRoot()->findLayers())
        if (l->layer())
            visible.insert(l->layer()->name(), l->isVisible());
    return visible;
}

void MainWindow::applyVisibility(const QJsonObject& visible) {
    for (QgsLayerTreeLayer* l : QgsProject::instance()->layerTreeRoot()->findLayers())
        if (l->layer() && visible.contains(l->layer()->name()))
            l->setItemVisibilityChecked(visible.value(l->layer()->name()).toBool());
}

QByteArray MainWindow::viewState() const {
    QJsonObject o;
    m_filterPanel->view().writeJson(o);
    const QgsRectangle e = m_canvas->extent();
    o.insert(QStringLiteral("extent"), QJsonArray{e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()});
    o.insert(QStringLiteral("visible"), visibility());
    const QJsonObject layers = m_layerManager->toJson(); // the basemap and the layers the planner added
    for (auto it = layers.begin(); it != layers.end(); ++it)
        o.insert(it.key(), it.value());
    o.insert(QStringLiteral("cameras_by_purpose"), m_byPurposeAction->isChecked());
    o.insert(QStringLiteral("window"), QString::fromLatin1(saveState().toBase64()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void MainWindow::restoreViewState(const QByteArray& json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return;
    restoreState(QByteArray::fromBase64(o.value(QStringLiteral("window")).toString().toLatin1()));
    m_filterPanel->setView(maps::FlowView::fromJson(o));
    applyVisibility(o.value(QStringLiteral("visible")).toObject());
    const QJsonArray e = o.value(QStringLiteral("extent")).toArray();
    if (e.size() == 4)
        m_canvas->setExtent(QgsRectangle(e[0].toDouble(), e[1].toDouble(), e[2].toDouble(), e[3].toDouble()));
    m_byPurposeAction->setChecked(o.value(QStringLiteral("cameras_by_purpose")).toBool());
}

void MainWindow::saveViewState() {
    if (!m_session || !m_persistView)
        return;
    try {
        m_session->store().setSetting(QStringLiteral("view_state"), QString::fromUtf8(viewState()));
    } catch (const Error& e) {
        statusBar()->showMessage(tr("The view was not saved: %1").arg(e.message()), 10000);
    }
}

void MainWindow::about() {
    widgets::AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showError(const QString& message) {
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    widgets::ErrorBoundary::show(this, tr("Stroom"), message);
}

} // namespace stroom::desktop
