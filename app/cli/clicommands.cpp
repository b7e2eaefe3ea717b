#include "clicommands.h"

#include "bench.h"
#include "error.h"
#include "importer.h"
#include "inventoryimport.h"
#include "simulator.h"
#include "store.h"
#include "timeparse.h"
#include "vectorsource.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <unistd.h>

namespace stroom::cli {

namespace {

QTextStream& utf8(QTextStream& s) {
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    s.setCodec("UTF-8"); // Qt 6 writes UTF-8 whatever the locale; Qt 5 follows it
#endif
    return s;
}
QTextStream& err() {
    static QTextStream s(stderr);
    static QTextStream& once = utf8(s);
    return once;
}
QTextStream& out() {
    static QTextStream s(stdout);
    static QTextStream& once = utf8(s);
    return once;
}

const char* const kUsage =
    "Usage: stroom-cli COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  simulate        generate the demo city (cameras, zones, ANPR exports, true trips)\n"
    "  init            create a new project (GeoPackage)\n"
    "  cameras import  add or update cameras from CSV, GeoJSON, GeoPackage, Shapefile\n"
    "  zones import    add or update zones from GeoJSON, GeoPackage, Shapefile\n"
    "  import          import ANPR exports (reads) or camera aggregates into a project\n"
    "  bench           measure the performance budgets (bench import)\n"
    "\n"
    "Run 'stroom-cli COMMAND --help' for a command's options.\n"
    "Exit codes: 0 done, 2 bad usage, 3 input rejected, 4 store problem.\n";

/** Progress on stderr, only when stderr is a terminal (DESIGN §11). */
std::function<void(double)> progressPrinter(const QString& what) {
    if (!isatty(fileno(stderr)))
        return {};
    return [what, last = -1](double p) mutable {
        const int pct = static_cast<int>(p * 100);
        if (pct == last)
            return;
        last = pct;
        err() << "\r" << what << " " << pct << "%" << (pct >= 100 ? "\n" : "");
        err().flush();
    };
}

/** Parses the command's options; returns false (after printing help) when --help was asked. */
bool parse(QCommandLineParser& p, const QString& command, const QStringList& args,
           const QString& description) {
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("stroom-cli %1").arg(command));
    if (!p.parse(withProgram))
        throw Error::usage(QStringLiteral("%1: %2").arg(command, p.errorText()));
    if (p.isSet(QStringLiteral("help"))) {
        out() << p.helpText();
        return false;
    }
    return true;
}

int integerOption(const QCommandLineParser& p, const QString& name, int fallback, int min, int max) {
    if (!p.isSet(name))
        return fallback;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min || v > max)
        throw Error::usage(QStringLiteral("--%1 must be a whole number from %2 to %3 (got '%4')")
                               .arg(name)
                               .arg(min)
                               .arg(max)
                               .arg(p.value(name)));
    return v;
}

int simulate(const QStringList& args) {
    QCommandLineParser p;
    p.addOptions({
        {QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR")},
        {QStringLiteral("cameras"), QStringLiteral("Number of cameras (default 120)."), QStringLiteral("N")},
        {QStringLiteral("vehicles"), QStringLiteral("Vehicles in the fleet (default 20000)."),
         QStringLiteral("V")},
        {QStringLiteral("days"), QStringLiteral("Days to simulate (default 7)."), QStringLiteral("D")},
        {QStringLiteral("start"), QStringLiteral("First day, yyyy-mm-dd (default 2026-03-02)."),
         QStringLiteral("DATE")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S")},
        {QStringLiteral("format"),
         QStringLiteral(
             "Export format(s), comma-separated: standard, nl, anpr-metrics, counts, pairflows, or all "
             "(default standard)."),
         QStringLiteral("F")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
         QStringLiteral("T")},
    });
    if (!parse(p, QStringLiteral("simulate"), args,
               QStringLiteral(
                   "Generates the demo city around Ghent: cameras.csv, zones.geojson, ANPR exports, the "
                   "true trips (truth-trips.csv) and simulation.json. Deterministic for a seed.")))
        return 0;
    if (!p.positionalArguments().isEmpty())
        throw Error::usage(
            QStringLiteral("simulate: unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("simulate: --out DIR is required"));
    SimulationOptions o;
    o.outDir = p.value(QStringLiteral("out"));
    o.cameras = integerOption(p, QStringLiteral("cameras"), o.cameras, 12, 2000);
    o.vehicles = integerOption(p, QStringLiteral("vehicles"), o.vehicles, 1, 20000000);
    o.days = integerOption(p, QStringLiteral("days"), o.days, 1, 3660);
    o.threads = integerOption(p, QStringLiteral("threads"), 0, 0, 256);
    if (p.isSet(QStringLiteral("start"))) {
        o.start = QDate::fromString(p.value(QStringLiteral("start")), Qt::ISODate);
        if (!o.start.isValid())
            throw Error::usage(QStringLiteral("simulate: --start must be a date yyyy-mm-dd (got '%1')")
                                   .arg(p.value(QStringLiteral("start"))));
    }
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            throw Error::usage(QStringLiteral("simulate: --seed must be a non-negative whole number"));
    }
    if (p.isSet(QStringLiteral("format"))) {
        const QString f = p.value(QStringLiteral("format"));
        o.formats =
            f == QLatin1String("all") ? Simulator::formats() : f.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    QElapsedTimer timer;
    timer.start();
    const SimulationSummary s = Simulator(o).run(progressPrinter(QStringLiteral("simulate")));
    const double secs = timer.elapsed() / 1000.0;
    err() << QStringLiteral("simulate: %1 vehicles, %2 trips (%3 through), %4 reads (%5 duplicates) in %6 s "
                            "(%7 reads/s) -> %8\n")
                 .arg(s.vehicles)
                 .arg(s.trips)
                 .arg(s.tripsByType.value(QStringLiteral("through")))
                 .arg(s.reads)
                 .arg(s.duplicates)
                 .arg(secs, 0, 'f', 2)
                 .arg(secs > 0 ? static_cast<qint64>(s.reads / secs) : 0)
                 .arg(o.outDir);
    return 0;
}

int init(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project file to create."));
    if (!parse(p, QStringLiteral("init"), args,
               QStringLiteral("Creates a new, empty Stroom project (a GeoPackage).")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("init: give exactly one PROJECT.gpkg"));
    const QString path = p.positionalArguments().first();
    Store store = Store::create(path);
    err() << QStringLiteral("init: created %1 (schema %2)\n").arg(path).arg(store.schemaVersion());
    return 0;
}

int camerasImport(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("CSV (lon/lat or x/y), GeoJSON, GeoPackage, Shapefile."));
    p.addOptions({
        {QStringLiteral("layer"), QStringLiteral("Layer to read (default: the first)."),
         QStringLiteral("NAME")},
        {QStringLiteral("crs"),
         QStringLiteral("CRS of x/y columns in a CSV, e.g. EPSG:31370 (default WGS84 lon/lat)."),
         QStringLiteral("CRS")},
    });
    if (!parse(p, QStringLiteral("cameras import"), args,
               QStringLiteral("Adds cameras to the project's inventory, or updates them by id.")))
        return 0;
    if (p.positionalArguments().size() != 2)
        throw Error::usage(QStringLiteral("cameras import: give PROJECT.gpkg and FILE"));
    const QString project = p.positionalArguments().at(0), file = p.positionalArguments().at(1);
    Store store = Store::open(project);
    VectorReadOptions vo;
    vo.layer = p.value(QStringLiteral("layer"));
    vo.sourceCrs = p.value(QStringLiteral("crs"));
    QStringList warnings;
    const QVector<Camera> cameras = camerasFromFeatures(readVectorFile(file, vo), file, &warnings);
    for (const QString& w : warnings)
        err() << "warning: " << w << "\n";
    const Store::UpsertResult r = store.upsertCameras(cameras);
    const int inZones = store.assignCamerasToZones();
    err() << QStringLiteral("cameras import: %1: %2 new, %3 updated, %4 unchanged; %5 cameras in the "
                            "project, %6 in a zone\n")
                 .arg(file)
                 .arg(r.inserted)
                 .arg(r.updated)
                 .arg(r.unchanged)
                 .arg(store.cameraCount())
                 .arg(inZones);
    return 0;
}

int zonesImport(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("GeoJSON, GeoPackage or Shapefile with polygons."));
    p.addOptions({
        {QStringLiteral("id-field"),
         QStringLiteral("Field with the zone id (default: zone_id, id, code or wijknr)."),
         QStringLiteral("F")},
        {QStringLiteral("name-field"),
         QStringLiteral("Field with the zone name (default: name, naam or wijk)."), QStringLiteral("F")},
        {QStringLiteral("layer"), QStringLiteral("Layer to read (default: the first)."),
         QStringLiteral("NAME")},
    });
    if (!parse(
            p, QStringLiteral("zones import"), args,
            QStringLiteral("Adds zones to the project, or updates them by id, and assigns cameras to them.")))
        return 0;
    if (p.positionalArguments().size() != 2)
        throw Error::usage(QStringLiteral("zones import: give PROJECT.gpkg and FILE"));
    const QString project = p.positionalArguments().at(0), file = p.positionalArguments().at(1);
    Store store = Store::open(project);
    VectorReadOptions vo;
    vo.layer = p.value(QStringLiteral("layer"));
    const QVector<Zone> zones =
        zonesFromFeatures(readVectorFile(file, vo), file, p.value(QStringLiteral("id-field")),
                          p.value(QStringLiteral("name-field")));
    const Store::UpsertResult r = store.upsertZones(zones);
    err() << QStringLiteral("zones import: %1: %2 new, %3 updated, %4 unchanged; %5 zones in the project\n")
                 .arg(file)
                 .arg(r.inserted)
                 .arg(r.updated)
                 .arg(r.unchanged)
                 .arg(store.zoneCount());
    return 0;
}

int import(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("ANPR exports (.csv or .csv.gz), one or more."),
                            QStringLiteral("FILE..."));
    p.addOptions({
        {QStringLiteral("format"),
         QStringLiteral("auto (default), standard, nl, anpr-metrics, counts or pairflows."),
         QStringLiteral("F")},
        {QStringLiteral("timezone"),
         QStringLiteral("Time zone of local times (default Europe/Brussels for nl, UTC otherwise)."),
         QStringLiteral("TZ")},
        {QStringLiteral("on-error"),
         QStringLiteral(
             "abort (default): a bad row stops the file; skip: bad rows are counted and left out."),
         QStringLiteral("abort|skip")},
        {QStringLiteral("pseudonymise"),
         QStringLiteral("The file holds clear plates: hash them (HMAC-SHA256, random key per day, kept in "
                        "memory only).")},
        {QStringLiteral("force"), QStringLiteral("Import a file even if it was imported before.")},
        {QStringLiteral("mapping"),
         QStringLiteral(
             "Columns by role, e.g. time=tijdstip,camera=cam,pseudonym=hash (roles: time, camera, pseudonym, "
             "class, country, latitude, longitude, name, period_start, period_minutes, vehicles, "
             "from_camera, "
             "to_camera, mean_seconds, pair)."),
         QStringLiteral("ROLE=COLUMN,...")},
        {QStringLiteral("period"),
         QStringLiteral("For aggregate files without period columns: START/END, e.g. 2017-10-01/2017-11-30."),
         QStringLiteral("START/END")},
    });
    if (!parse(
            p, QStringLiteral("import"), args,
            QStringLiteral(
                "Imports pseudonymised ANPR exports (reads, into the project's L0 reads file) or aggregates "
                "from privacy-proof cameras (counts, pair flows). Each file is one transaction: a failure "
                "leaves the project as it was. Clear plates stop the import.")))
        return 0;
    if (p.positionalArguments().size() < 2)
        throw Error::usage(QStringLiteral("import: give PROJECT.gpkg and at least one FILE"));
    ImportOptions o;
    if (p.isSet(QStringLiteral("format")) && !formatFromKey(p.value(QStringLiteral("format")), &o.format))
        throw Error::usage(
            QStringLiteral(
                "import: unknown --format '%1' (auto, standard, nl, anpr-metrics, counts, pairflows)")
                .arg(p.value(QStringLiteral("format"))));
    o.timezone = p.value(QStringLiteral("timezone"));
    if (!o.timezone.isEmpty() && !LocalTime(o.timezone.toUtf8()).isValid())
        throw Error::usage(
            QStringLiteral("import: unknown --timezone '%1' (use an IANA name such as Europe/Brussels)")
                .arg(o.timezone));
    const QString onError = p.value(QStringLiteral("on-error"));
    if (!onError.isEmpty() && onError != QLatin1String("abort") && onError != QLatin1String("skip"))
        throw Error::usage(QStringLiteral("import: --on-error is abort or skip (got '%1')").arg(onError));
    o.onError =
        onError == QLatin1String("skip") ? ImportOptions::OnError::Skip : ImportOptions::OnError::Abort;
    o.pseudonymise = p.isSet(QStringLiteral("pseudonymise"));
    o.force = p.isSet(QStringLiteral("force"));
    o.period = p.value(QStringLiteral("period"));
    for (const QString& pair :
         p.value(QStringLiteral("mapping")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Error::usage(
                QStringLiteral("import: --mapping takes ROLE=COLUMN pairs (got '%1')").arg(pair));
        o.mapping.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    const QStringList positional = p.positionalArguments();
    Store store = Store::open(positional.first());
    Importer importer(store);
    int worst = 0;
    for (int i = 1; i < positional.size(); ++i) {
        const QString file = positional[i];
        try {
            const ImportReport r =
                importer.importFile(file, o, progressPrinter(QStringLiteral("import %1").arg(file)));
            err() << "import: " << r.summary()
                  << QStringLiteral(" in %1 s (%2 rows/s); import #%3\n")
                         .arg(r.seconds, 0, 'f', 2)
                         .arg(r.seconds > 0 ? static_cast<qint64>(r.rows / r.seconds) : 0)
                         .arg(r.importId);
            for (const RejectedLine& l : r.sample)
                err() << "  rejected: " << l.text() << "\n";
            if (r.rejected > r.sample.size())
                err() << "  ... and " << (r.rejected - r.sample.size())
                      << " more rejected rows (counted in the import record)\n";
            for (const QString& w : r.warnings)
                err() << "  warning: " << w << "\n";
        } catch (const Error& e) {
            err() << "stroom-cli: " << e.message() << "\n";
            worst = std::max(worst, e.exitCode());
        }
    }
    return worst;
}

} // namespace

int run(const QStringList& arguments) {
    try {
        if (arguments.isEmpty()) {
            err() << kUsage;
            return 2;
        }
        const QString cmd = arguments.first();
        QStringList rest = arguments.mid(1);
        if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h") || cmd == QLatin1String("help")) {
            out() << kUsage;
            return 0;
        }
        if (cmd == QLatin1String("--version")) {
            out() << "stroom-cli " << STROOM_VERSION << "\n";
            return 0;
        }
        if (cmd == QLatin1String("simulate"))
            return simulate(rest);
        if (cmd == QLatin1String("init"))
            return init(rest);
        if (cmd == QLatin1String("import"))
            return import(rest);
        if (cmd == QLatin1String("bench"))
            return bench(rest);
        if (cmd == QLatin1String("cameras") || cmd == QLatin1String("zones")) {
            if (rest.isEmpty() || rest.first() != QLatin1String("import"))
                throw Error::usage(
                    QStringLiteral("%1: expected '%1 import' (see stroom-cli --help)").arg(cmd));
            rest.removeFirst();
            return cmd == QLatin1String("cameras") ? camerasImport(rest) : zonesImport(rest);
        }
        throw Error::usage(QStringLiteral("unknown command '%1' (see stroom-cli --help)").arg(cmd));
    } catch (const Error& e) {
        err() << "stroom-cli: " << e.message() << "\n";
        return e.exitCode();
    } catch (const std::exception& e) {
        err() << "stroom-cli: internal error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace stroom::cli
