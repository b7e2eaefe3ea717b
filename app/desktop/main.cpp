#include "application.h"
#include "common/allocator.h"
#include "common/error.h"
#include "common/helptext.h"
#include "filterpanel.h"
#include "mainwindow.h"
#include "qgisruntime.h"
#include "registerpanel.h"
#include "simulate/demoproject.h"

#include <qgsapplication.h>
#include <qgsmapcanvas.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

/** The demo project in the user's data folder, created on first start. */
QString demoProjectPath(QString* error) {
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    const QString path =
        dir + QStringLiteral("/gent-demo-v3.gpkg"); // v2: with traffic; v3: with its road graph (the basemap)
    if (!QFileInfo::exists(path)) {
        try {
            std::fprintf(stderr,
                         "stroom: building the demo city (a week of simulated traffic in Ghent)...\n");
            stroom::createDemoProject(path, 1, 120, 20000, 7);
        } catch (const stroom::Error& e) {
            *error = e.message();
        }
    }
    return path;
}

/**
 * Dutch or English: as the system says, unless chosen in View > Language (not for --man: the manual page is
 * made for the language asked, whatever this user chose). True for Dutch.
 */
bool installLanguage(QTranslator& stroomTranslator, QTranslator& qtTranslator, bool systemOnly) {
    const QString language = systemOnly ? QStringLiteral("system")
                                        : stroom::widgets::Application::settings()
                                              ->value(QStringLiteral("language"), QStringLiteral("system"))
                                              .toString();
    const bool dutch =
        language == QLatin1String("nl") ||
        (language == QLatin1String("system") && QLocale::system().name().startsWith(QLatin1String("nl")));
    if (dutch) {
        QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Belgium));
        if (stroomTranslator.load(QStringLiteral(":/stroom/translations/stroom_nl.qm")))
            QCoreApplication::installTranslator(&stroomTranslator);
        if (qtTranslator.load(QLocale(QLocale::Dutch), QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::location(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
    }
    return dutch;
}

/** --filter hours=7-10,class=truck,through,zones,days=weekday,top=N: the start view; an exit code. */
int applyFilters(stroom::desktop::MainWindow& window, const QString& list) {
    // "class=car,truck": a word without '=' that is no flag continues the value before it.
    QStringList items;
    for (const QString& word : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const bool flag = word == QLatin1String("through") || word == QLatin1String("zones");
        if (!word.contains(QLatin1Char('=')) && !flag && !items.isEmpty())
            items.last() += QLatin1Char(',') + word;
        else
            items << word;
    }
    stroom::maps::FlowView v = window.filterPanel()->view();
    v.filter.from = v.filter.to = QDate(); // dates come from this list only, not from a restored view
    try {
        for (const QString& item : items) {
            const QString key = item.section(QLatin1Char('='), 0, 0).trimmed(),
                          value = item.section(QLatin1Char('='), 1).trimmed();
            if (key == QLatin1String("zones"))
                v.zones = true;
            else if (key == QLatin1String("top"))
                v.topN = value.toInt();
            else if (key == QLatin1String("compare")) {
                // compare=FROM/TO: the period after; from= and to= give the period before.
                v.compare = true;
                v.afterFrom = QDate::fromString(value.section(QLatin1Char('/'), 0, 0), Qt::ISODate);
                v.afterTo = QDate::fromString(value.section(QLatin1Char('/'), 1, 1), Qt::ISODate);
                if (!v.afterFrom.isValid() || !v.afterTo.isValid())
                    throw stroom::Error::usage(
                        QStringLiteral("--filter: compare is FROM/TO, two dates yyyy-mm-dd (got '%1')")
                            .arg(value));
            } else if (!v.filter.set(key, value))
                throw stroom::Error::usage(QStringLiteral("--filter: unknown filter '%1'").arg(key));
        }
    } catch (const stroom::Error& e) {
        std::fprintf(stderr, "stroom: %s\n", qPrintable(e.message()));
        return e.exitCode();
    }
    window.filterPanel()->setView(v);
    return 0;
}

/** Saves the window once the canvas has drawn everything (labels a moment later), then quits. */
void saveScreenshotWhenDrawn(stroom::desktop::MainWindow& window, const QString& file) {
    QObject::connect(window.canvas(), &QgsMapCanvas::mapCanvasRefreshed, &window, [&window, file] {
        QTimer::singleShot(300, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            std::fprintf(stderr, ok ? "stroom: screenshot saved to %s\n" : "stroom: cannot write %s\n",
                         qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 3);
        });
    });
    QTimer::singleShot(60000, qApp, [] {
        std::fprintf(stderr, "stroom: the map did not finish drawing within 60 s\n");
        QCoreApplication::exit(5);
    });
    window.canvas()->refresh();
}

/** The desktop's command line. */
struct Options {
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a screenshot of the window and quit."),
        QStringLiteral("FILE")};
    QCommandLineOption size{QStringLiteral("size"),
                            QCoreApplication::translate("main", "Window size, e.g. 1400x900."),
                            QStringLiteral("WxH"), QStringLiteral("1400x900")};
    QCommandLineOption importFiles{
        QStringLiteral("import"),
        QCoreApplication::translate("main", "Open the import dialog with FILE chosen (repeatable)."),
        QStringLiteral("FILE")};
    QCommandLineOption select{
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Select a camera (by id) and show its details."),
        QStringLiteral("CAMERA")};
    QCommandLineOption filter{
        QStringLiteral("filter"),
        QCoreApplication::translate(
            "main", "Start with these filters, e.g. hours=7-10,class=truck,through,zones,days=weekday; "
                    "from=DATE,to=DATE,compare=FROM/TO compares that period with a later one."),
        QStringLiteral("LIST")};
    QCommandLineOption showRegister{
        QStringLiteral("register"),
        QCoreApplication::translate("main", "Open with the camera register shown.")};
    QCommandLineOption man{QStringLiteral("man"), QStringLiteral("Print the manual page (roff) and quit.")};

    static Options add(QCommandLineParser& parser) {
        Options o;
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Stroom: origin-destination flows, counts and the camera "
                                                "register from pseudonymised ANPR data."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(
            QStringLiteral("project"),
            QCoreApplication::translate("main", "Project to open (default: the demo city)."));
        for (const QCommandLineOption& option :
             {o.importFiles, o.select, o.filter, o.showRegister, o.screenshot, o.size})
            parser.addOption(option);
        o.man.setFlags(QCommandLineOption::HiddenFromHelp); // for the package's build
        parser.addOption(o.man);
        return o;
    }
};

} // namespace

int main(int argc, char* argv[]) {
    stroom::keepLargeBuffers();
    stroom::widgets::Application app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stroom"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stroom"));
    QCoreApplication::setApplicationVersion(stroom::stroomVersion());
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Stroom"));
    QGuiApplication::setDesktopFileName(QStringLiteral("be.stroom.Stroom"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/stroom/icons/stroom.svg")));

    QTranslator stroomTranslator, qtTranslator;
    const bool manPage = QCoreApplication::arguments().contains(QStringLiteral("--man"));
    const bool dutch = installLanguage(stroomTranslator, qtTranslator, manPage);

    QCommandLineParser parser;
    const Options opt = Options::add(parser);
    parser.process(app);
    if (parser.isSet(opt.man)) { // made from --help: the page cannot say other things
        const QString page = stroom::helptext::manPage(
            QStringLiteral("stroom"),
            QCoreApplication::translate("main",
                                        "origin-destination flows, counts and the camera register from "
                                        "pseudonymised ANPR data, on a map"),
            stroom::stroomVersion(), {{QStringLiteral("stroom"), parser.helpText()}}, dutch,
            {{dutch ? QStringLiteral("ZIE OOK") : QStringLiteral("SEE ALSO"),
              QStringLiteral("stroom-cli(1), stroom-edge(1)")}});
        std::fputs(page.toUtf8().constData(), stdout);
        return 0;
    }

    QString qgisProblem;
    try {
        stroom::maps::QgisRuntime::initialise();
    } catch (const stroom::Error& e) {
        qgisProblem = e.message();
        std::fprintf(stderr, "stroom: %s\n", qPrintable(qgisProblem));
    }

    QString error;
    const QString project = parser.positionalArguments().isEmpty() ? demoProjectPath(&error)
                                                                   : parser.positionalArguments().first();
    stroom::desktop::MainWindow window;
    const bool batch = parser.isSet(opt.screenshot);
    window.setInteractive(!batch);
    window.setPersistView(!batch); // a screenshot shows what its options ask for, and changes nothing
    const QStringList wh = parser.value(opt.size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1400,
                  wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 900);
    const QByteArray geometry =
        stroom::widgets::Application::settings()->value(QStringLiteral("window/geometry")).toByteArray();
    if (batch || parser.isSet(opt.size))
        window.show();
    else if (!geometry.isEmpty() && window.restoreGeometry(geometry))
        window.show(); // as it was left
    else
        window.showMaximized(); // the first start: the whole screen for the map
    if (!qgisProblem.isEmpty() && !batch)
        QMessageBox::warning(&window, QStringLiteral("Stroom"), qgisProblem);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "stroom: %s\n", qPrintable(error));
        if (!batch)
            QMessageBox::warning(&window, QStringLiteral("Stroom"), error);
    } else if (!window.openProject(project)) {
        std::fprintf(stderr, "stroom: %s\n", qPrintable(window.lastError()));
        if (batch)
            return 4;
    }

    if (parser.isSet(opt.filter) && !window.projectPath().isEmpty()) {
        const int rc = applyFilters(window, parser.value(opt.filter));
        if (rc != 0 && batch) // a screenshot must show what was asked; a person gets the window anyway
            return rc;
    }
    if (parser.isSet(opt.showRegister))
        window.registerPanel()->show();
    if (parser.isSet(opt.select) && !window.projectPath().isEmpty())
        window.selectCamera(parser.value(opt.select));
    if (parser.isSet(opt.importFiles) && !window.projectPath().isEmpty())
        QTimer::singleShot(0, &window,
                           [&window, files = parser.values(opt.importFiles)] { window.importData(files); });

    if (batch)
        saveScreenshotWhenDrawn(window, parser.value(opt.screenshot));
    const int rc = QgsApplication::exec();
    QgsApplication::exitQgis();
    return rc;
}
