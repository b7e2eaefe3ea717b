#include "commands.h"

#include "cliio.h"
#include "common/error.h"
#include "common/helptext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace stroom::cli {

namespace {

bool always(const QStringList&) {
    return true;
}

Renderer g_renderer;

int report(const QStringList& args) {
    return renderer().report(args);
}

int animate(const QStringList& args) {
    return renderer().animate(args);
}

/** Replaces this process with stroom-cli-render, same arguments: its output and exit code are ours. */
[[noreturn]] void handOver(const QString& command, const QStringList& arguments) {
    const QString dir = QCoreApplication::applicationDirPath();
    QStringList candidates{qEnvironmentVariable("STROOM_RENDERER"),
                           dir + QStringLiteral("/stroom-cli-render"),
                           dir + QStringLiteral("/../lib/stroom/stroom-cli-render")};
    for (const QString& c : candidates) {
        if (c.isEmpty() || !QFileInfo(c).isExecutable())
            continue;
        std::vector<QByteArray> words{QFile::encodeName(c)};
        for (const QString& a : arguments)
            words.push_back(a.toLocal8Bit());
        std::vector<char*> argv;
        for (QByteArray& w : words)
            argv.push_back(w.data());
        argv.push_back(nullptr);
        err().flush();
        out().flush();
        execv(argv[0], argv.data());
        throw Error::store(QStringLiteral("%1: cannot start %2: %3")
                               .arg(command, c, QString::fromLocal8Bit(std::strerror(errno))));
    }
    throw Error::store(
        QStringLiteral("%1 needs stroom-cli-render (it draws with QGIS), which is not installed "
                       "beside stroom-cli (looked in %2)")
            .arg(command, dir));
}

} // namespace

void installRenderer(const Renderer& r) {
    g_renderer = r;
}

const Renderer& renderer() {
    if (!g_renderer.report || !g_renderer.animate || !g_renderer.publicRegisterPdf ||
        !g_renderer.transparencyPdf)
        throw Error::store(QStringLiteral("this needs stroom-cli-render (it draws with QGIS)"));
    return g_renderer;
}

const std::vector<Command>& commands() {
    static const std::vector<Command> table{
        {QStringLiteral("simulate"), QStringLiteral("--out DIR"),
         QStringLiteral("generate the demo city (cameras, zones, ANPR exports, true trips)"), simulate},
        {QStringLiteral("init"), QStringLiteral("PROJECT"),
         QStringLiteral("create a new project (GeoPackage)"), init},
        {QStringLiteral("cameras import"), QStringLiteral("PROJECT FILE"),
         QStringLiteral("add or update cameras from CSV, GeoJSON, GeoPackage, Shapefile, OpenStreetMap"),
         camerasImport},
        {QStringLiteral("cameras export"), QStringLiteral("PROJECT --out FILE"),
         QStringLiteral("the camera register (--public: the public register; .pdf: its listing)"),
         camerasExport, outIsPdf},
        {QStringLiteral("cameras owners"), QStringLiteral("PROJECT"),
         QStringLiteral("cameras per owner; the owner mapping table; near-duplicate suggestions"),
         camerasOwners},
        {QStringLiteral("zones import"), QStringLiteral("PROJECT FILE"),
         QStringLiteral("add or update zones from GeoJSON, GeoPackage, Shapefile"), zonesImport},
        {QStringLiteral("import"), QStringLiteral("PROJECT FILE…"),
         QStringLiteral("import ANPR exports (reads) or camera aggregates into a project"), import},
        {QStringLiteral("trips"), QStringLiteral("PROJECT"),
         QStringLiteral("build (or rebuild) trips and the aggregate cube from the imported reads"), trips},
        {QStringLiteral("flows"), QStringLiteral("PROJECT --out FILE"),
         QStringLiteral("origin-destination matrix (od.csv, or .gpkg/.geojson with flow lines)"), flows},
        {QStringLiteral("compare"), QStringLiteral("PROJECT --before FROM/TO --after FROM/TO --out FILE"),
         QStringLiteral("the OD matrix of two periods: per-day change and whether it is significant"),
         compare},
        {QStringLiteral("counts"), QStringLiteral("PROJECT --out FILE"),
         QStringLiteral("passages and distinct vehicles per camera and hour or day"), counts},
        {QStringLiteral("journey-times"), QStringLiteral("PROJECT --out FILE"),
         QStringLiteral("journey times between consecutive cameras (median, p15, p85)"), journeyTimesCommand},
        {QStringLiteral("animate"), QStringLiteral("PROJECT --out FILE.gif"),
         QStringLiteral("the flow map per hour of the day or per day, as an animated GIF"), animate, always},
        {QStringLiteral("report"), QStringLiteral("PROJECT --out FILE.pdf"),
         QStringLiteral("the PDF report (flow map, OD, counts, journey times, inventory, privacy)"), report,
         always},
        {QStringLiteral("audit list"), QStringLiteral("PROJECT"),
         QStringLiteral("the audit trail: every export, report and copy, with user, purpose and layer"),
         auditList},
        {QStringLiteral("audit verify"), QStringLiteral("PROJECT"),
         QStringLiteral("check the audit trail's hash chain (exit 3 names the first broken record)"),
         auditVerify},
        {QStringLiteral("purge"),
         QStringLiteral("PROJECT (--before DATE | --older-than DAYS | --import N | --all)"),
         QStringLiteral(
             "remove pseudonymised reads (and trips) for a range, keeping every aggregate; retention"),
         purge},
        {QStringLiteral("risk"), QStringLiteral("PROJECT"),
         QStringLiteral("re-identification risk of the reads: unicity, linkability, trips under k"), risk},
        {QStringLiteral("transparency"), QStringLiteral("PROJECT --out FILE.pdf|FILE.geojson"),
         QStringLiteral("for citizens: cameras by owner and purpose, data held, protection, uses by purpose"),
         transparency, outIsPdf},
        {QStringLiteral("bench"), QStringLiteral("import|trips|pipeline"),
         QStringLiteral("measure the performance budgets against a reference tool"), bench},
    };
    return table;
}

QString usage() {
    QString text = helptext::tr(QStringLiteral("Usage: stroom-cli COMMAND [options] …\n\nCommands:\n"));
    for (const Command& c : commands())
        text += QStringLiteral("  %1 %2\n      %3\n")
                    .arg(c.name,
                         c.synopsis.isEmpty()
                             ? QString()
                             : helptext::tr(QStringLiteral("[options]")) + QLatin1Char(' ') + c.synopsis,
                         helptext::tr(c.summary));
    text += QLatin1Char('\n') + exitCodes() + QLatin1Char('\n');
    return text;
}

QString exitCodes() {
    return helptext::tr(
        QStringLiteral("Run 'stroom-cli COMMAND --help' for a command's options.\n"
                       "Exit codes: 0 done, 2 bad usage, 3 input rejected, 4 store problem."));
}

QString manPage() {
    // Each command's page section is its --help, as that command prints it (report's comes from
    // stroom-cli-render): the page cannot say other things than --help does.
    QList<helptext::Help> helps;
    for (const Command& c : commands()) {
        QProcess run;
        run.setProcessChannelMode(QProcess::SeparateChannels);
        run.start(QCoreApplication::applicationFilePath(), c.name.split(QLatin1Char(' '))
                                                               << QStringLiteral("--help"));
        if (!run.waitForFinished(60000) || run.exitCode() != 0)
            throw Error::store(QStringLiteral("--man: 'stroom-cli %1 --help' failed: %2")
                                   .arg(c.name, QString::fromLocal8Bit(run.readAllStandardError())));
        helps << helptext::Help{QStringLiteral("stroom-cli ") + c.name,
                                QString::fromUtf8(run.readAllStandardOutput())};
    }
    const bool nl = helptext::dutch();
    return helptext::manPage(
        QStringLiteral("stroom-cli"),
        helptext::tr(
            QStringLiteral("origin-destination flows, counts and the camera register from pseudonymised "
                           "ANPR data, on the command line")),
        QStringLiteral(STROOM_VERSION), helps, nl,
        {{nl ? QStringLiteral("AFSLUITSTATUS") : QStringLiteral("EXIT STATUS"), exitCodes()},
         {nl ? QStringLiteral("ZIE OOK") : QStringLiteral("SEE ALSO"),
          QStringLiteral("stroom(1), stroom-edge(1)")}});
}

int dispatch(const QStringList& arguments) {
    try {
        if (arguments.isEmpty()) {
            err() << usage();
            return 2;
        }
        const QString first = arguments.first();
        if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
            first == QLatin1String("help")) {
            out() << usage();
            return 0;
        }
        if (first == QLatin1String("--man")) { // the manual page, made from every command's --help
            out() << manPage();
            return 0;
        }
        if (first == QLatin1String("--version")) {
            out() << "stroom-cli " << STROOM_VERSION << "\n";
            return 0;
        }
        // The longest command name the arguments start with ("cameras import" before "cameras").
        const Command* found = nullptr;
        int words = 0;
        for (const Command& c : commands()) {
            const QStringList name = c.name.split(QLatin1Char(' '));
            if (name.size() > words && arguments.mid(0, name.size()) == name) {
                found = &c;
                words = static_cast<int>(name.size());
            }
        }
        if (!found) {
            QStringList known;
            for (const Command& c : commands())
                if (c.name.startsWith(first + QLatin1Char(' ')))
                    known << QStringLiteral("'%1'").arg(c.name);
            throw Error::usage(known.isEmpty()
                                   ? QStringLiteral("unknown command '%1' (see stroom-cli --help)").arg(first)
                                   : QStringLiteral("%1: expected %2 (see stroom-cli --help)")
                                         .arg(first, known.join(QStringLiteral(", "))));
        }
        const QStringList rest = arguments.mid(words);
        if (found->rendered && found->rendered(rest) && !g_renderer.report)
            handOver(found->name, arguments);
        return found->run(rest);
    } catch (const Error& e) {
        err() << "stroom-cli: " << e.message() << "\n";
        return e.exitCode();
    } catch (const std::exception& e) {
        err() << "stroom-cli: internal error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace stroom::cli
