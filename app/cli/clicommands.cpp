#include "clicommands.h"

#include "bench.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "common/vectorsource.h"
#include "common/vehicleclass.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventory.h"
#include "inventory/inventoryimport.h"
#include "publish/resultexport.h"
#include "reportcommand.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/store.h"

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
    "  cameras import  add or update cameras from CSV, GeoJSON, GeoPackage, Shapefile, OpenStreetMap\n"
    "  cameras export  the camera register (--public: the public register)\n"
    "  cameras owners  cameras per owner; the owner mapping table; near-duplicate suggestions\n"
    "  zones import    add or update zones from GeoJSON, GeoPackage, Shapefile\n"
    "  import          import ANPR exports (reads) or camera aggregates into a project\n"
    "  trips           build (or rebuild) trips and the aggregate cube from the imported reads\n"
    "  flows           origin-destination matrix (od.csv, or .gpkg/.geojson with flow lines)\n"
    "  counts          passages and distinct vehicles per camera and hour or day\n"
    "  journey-times   journey times between consecutive cameras (median, p15, p85)\n"
    "  report          the PDF report (flow map, OD, counts, journey times, inventory, privacy)\n"
    "  bench           measure the performance budgets (bench import, bench trips)\n"
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
    QVector<Camera> normalised = cameras;
    Inventory(store).normalise(normalised); // owners as the project's mapping table spells them
    const Store::UpsertResult r = store.upsertCameras(normalised);
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

int camerasExport(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addOptions({
        {QStringLiteral("out"),
         QStringLiteral("GeoJSON, CSV, GeoPackage or (with --public) a PDF listing, by the file name."),
         QStringLiteral("FILE")},
        {QStringLiteral("public"),
         QStringLiteral("The public register (L3): only the fields citizens may see.")},
        {QStringLiteral("purpose"), QStringLiteral("Why (kept in the audit trail)."), QStringLiteral("TEXT")},
    });
    if (!parse(p, QStringLiteral("cameras export"), args,
               QStringLiteral(
                   "Writes the camera register; with --public only its public fields (id, name, site, "
                   "directions, owner, operator, purpose, legal basis, registered, installed, status).")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("cameras export: give PROJECT.gpkg and --out FILE"));
    if (p.value(QStringLiteral("out")).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        if (!p.isSet(QStringLiteral("public")))
            throw Error::usage(
                QStringLiteral("cameras export: a PDF is the public register listing: add --public"));
        publicRegisterPdf(p.positionalArguments().first(), p.value(QStringLiteral("out")),
                          p.value(QStringLiteral("purpose")));
        err() << "cameras export: the public register written to " << p.value(QStringLiteral("out")) << "\n";
        return 0;
    }
    Store store = Store::open(p.positionalArguments().first());
    const int n =
        Inventory(store).exportRegister(p.value(QStringLiteral("out")), p.isSet(QStringLiteral("public")),
                                        p.value(QStringLiteral("purpose")));
    err() << QStringLiteral("cameras export: %1 cameras written to %2%3\n")
                 .arg(n)
                 .arg(p.value(QStringLiteral("out")), p.isSet(QStringLiteral("public"))
                                                          ? QStringLiteral(" (public fields only)")
                                                          : QString());
    return 0;
}

int camerasOwners(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addOptions({
        {QStringLiteral("alias"),
         QStringLiteral("Record that ALIAS (an owner or operator as written) means OWNER."),
         QStringLiteral("ALIAS=OWNER")},
        {QStringLiteral("suggest"), QStringLiteral("List spellings that probably mean the same owner.")},
    });
    if (!parse(
            p, QStringLiteral("cameras owners"), args,
            QStringLiteral("Cameras per owner, the owner mapping table (one owner however it is spelled) and "
                           "suggestions for near-duplicate names.")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("cameras owners: give PROJECT.gpkg"));
    Store store = Store::open(p.positionalArguments().first());
    Inventory inv(store);
    for (const QString& a : p.values(QStringLiteral("alias"))) {
        const int eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Error::usage(QStringLiteral("cameras owners: --alias takes ALIAS=OWNER"));
        inv.setAlias(a.left(eq), a.mid(eq + 1));
    }
    if (!p.values(QStringLiteral("alias")).isEmpty())
        err() << "cameras owners: " << inv.applyAliases() << " cameras given their owner's name\n";
    if (p.isSet(QStringLiteral("suggest"))) {
        for (const Inventory::Suggestion& s : inv.suggestMerges())
            out() << QStringLiteral("%1\t%2\t%3\n").arg(s.a, s.b).arg(s.score, 0, 'f', 2);
        return 0;
    }
    const QMap<QString, int> counts = inv.countsByOwner();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out() << (it.key().isEmpty() ? QStringLiteral("(owner unknown)") : it.key()) << '\t' << it.value()
              << '\n';
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
        {QStringLiteral("no-trips"),
         QStringLiteral("Do not update trips and the cube afterwards (run 'stroom-cli trips' later).")},
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
    const auto session = Session::open(positional.first());
    auto printFile = [](const QString&, const ImportReport* r, const QString& error) {
        if (!r) {
            err() << "stroom-cli: " << error << "\n";
            return;
        }
        err() << "import: " << r->summary()
              << QStringLiteral(" in %1 s (%2 rows/s); import #%3\n")
                     .arg(r->seconds, 0, 'f', 2)
                     .arg(r->seconds > 0 ? static_cast<qint64>(r->rows / r->seconds) : 0)
                     .arg(r->importId);
        for (const RejectedLine& l : r->sample)
            err() << "  rejected: " << l.text() << "\n";
        if (r->rejected > r->sample.size())
            err() << "  ... and " << (r->rejected - r->sample.size())
                  << " more rejected rows (counted in the import record)\n";
        for (const QString& w : r->warnings)
            err() << "  warning: " << w << "\n";
    };
    const ImportOutcome o2 =
        session->importFiles(positional.mid(1), o, progressPrinter(QStringLiteral("import")), nullptr,
                             !p.isSet(QStringLiteral("no-trips")), printFile);
    if (o2.trips)
        err() << "trips: " << o2.trips->summary() << "\n";
    if (!o2.tripsError.isEmpty())
        err() << "stroom-cli: the import is stored, but updating the trips failed: " << o2.tripsError << "\n";
    return o2.exitCode;
}

void addTripOptions(QCommandLineParser& p) {
    p.addOptions({
        {QStringLiteral("gap"), QStringLiteral("Trip gap in seconds (default: the stored one, 1800)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("dedupe"),
         QStringLiteral("Duplicate window in seconds (default: the stored one, 60)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("through-min"),
         QStringLiteral("Through traffic: at least this many minutes (default 1)."), QStringLiteral("MIN")},
        {QStringLiteral("through-max"),
         QStringLiteral("Through traffic: at most this many minutes (default 20)."), QStringLiteral("MIN")},
    });
}

TripParameters tripParameters(const QCommandLineParser& p, const TripParameters& stored, bool* given) {
    TripParameters t = stored;
    *given = false;
    if (p.isSet(QStringLiteral("gap"))) {
        t.gapSeconds = integerOption(p, QStringLiteral("gap"), t.gapSeconds, 1, 7 * 86400);
        *given = true;
    }
    if (p.isSet(QStringLiteral("dedupe"))) {
        t.dedupeSeconds = integerOption(p, QStringLiteral("dedupe"), t.dedupeSeconds, 0, 86400);
        *given = true;
    }
    if (p.isSet(QStringLiteral("through-min"))) {
        t.throughMinSeconds = 60 * integerOption(p, QStringLiteral("through-min"), 1, 0, 1440);
        *given = true;
    }
    if (p.isSet(QStringLiteral("through-max"))) {
        t.throughMaxSeconds = 60 * integerOption(p, QStringLiteral("through-max"), 20, 0, 1440);
        *given = true;
    }
    if (t.throughMaxSeconds < t.throughMinSeconds)
        throw Error::usage(QStringLiteral("--through-max must not be below --through-min"));
    return t;
}

void addFilterOptions(QCommandLineParser& p) {
    p.addOptions({
        {QStringLiteral("out"),
         QStringLiteral("Output file (.csv; flows and counts also .gpkg or .geojson)."),
         QStringLiteral("FILE")},
        {QStringLiteral("from"), QStringLiteral("First day (local date, yyyy-mm-dd)."),
         QStringLiteral("DATE")},
        {QStringLiteral("to"), QStringLiteral("Last day (local date, inclusive)."), QStringLiteral("DATE")},
        {QStringLiteral("days"), QStringLiteral("all (default), weekday or weekend."),
         QStringLiteral("all|weekday|weekend")},
        {QStringLiteral("hours"), QStringLiteral("Start hours H1-H2, local: 7-9 is 07:00 to 08:59."),
         QStringLiteral("H1-H2")},
        {QStringLiteral("class"), QStringLiteral("Vehicle classes, e.g. car,van (default all)."),
         QStringLiteral("C,...")},
        {QStringLiteral("through"), QStringLiteral("Through traffic only.")},
        {QStringLiteral("k"),
         QStringLiteral("Minimum cell count (default: the project's, 10); cells under it are left out."),
         QStringLiteral("N")},
        {QStringLiteral("purpose"), QStringLiteral("Why this export is made (kept in the audit trail)."),
         QStringLiteral("TEXT")},
    });
    addTripOptions(p);
}

FlowFilter flowFilter(const QCommandLineParser& p) {
    FlowFilter f;
    for (const char* key : {"from", "to", "days", "hours", "class"}) {
        const QString k = QString::fromLatin1(key);
        if (!p.value(k).isEmpty())
            f.set(k, p.value(k));
    }
    if (p.isSet(QStringLiteral("through")))
        f.set(QStringLiteral("through"), QString());
    return f;
}

/** The cube for a query: the stored one brought up to date, or one built in memory for other parameters. */
FlowCube queryCube(Store& store, const QCommandLineParser& p, TripParameters* used, TripSet* trips) {
    FlowEngine engine(store);
    bool given = false;
    const TripParameters stored = engine.storedParameters();
    const TripParameters params = tripParameters(p, stored, &given);
    *used = params;
    if (given && params != stored) {
        err() << "note: trips built in memory with the parameters given; the stored trips keep theirs\n";
        FlowCube cube;
        TripSet set = engine.buildInMemory(params, &cube);
        if (trips)
            *trips = std::move(set);
        return cube;
    }
    if (const auto r = Session::afterImport(store, progressPrinter(QStringLiteral("trips"))))
        err() << "trips: " << r->summary() << "\n";
    if (trips)
        *trips = engine.loadTrips();
    return engine.loadCube();
}

QString describeQuery(const FlowFilter& f, const TripParameters& t, const QString& extra) {
    return QStringLiteral("%1; filters: %2; parameters: %3").arg(extra, f.describe(), parametersText(t));
}

int trips(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    p.addOption({QStringLiteral("rebuild"),
                 QStringLiteral("Rebuild everything instead of updating what new imports change.")});
    addTripOptions(p);
    if (!parse(p, QStringLiteral("trips"), args,
               QStringLiteral(
                   "Builds trips (L1) from the imported reads exactly as DESIGN §5 defines them, with the "
                   "aggregate cube and the L2 layers od_flows, od_zone_flows and camera_counts. After an "
                   "import only the days the new reads can change are rebuilt.")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("trips: give PROJECT.gpkg"));
    Store store = Store::open(p.positionalArguments().first());
    FlowEngine engine(store);
    bool given = false;
    const TripParameters params = tripParameters(p, engine.storedParameters(), &given);
    const BuildReport r = p.isSet(QStringLiteral("rebuild"))
                              ? engine.rebuild(params, progressPrinter(QStringLiteral("trips")))
                              : engine.update(params, progressPrinter(QStringLiteral("trips")));
    err() << "trips: " << r.summary() << "\n";
    return 0;
}

int flows(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    p.addOption(
        {QStringLiteral("by"), QStringLiteral("camera (default) or zone."), QStringLiteral("camera|zone")});
    if (!parse(p, QStringLiteral("flows"), args,
               QStringLiteral(
                   "Writes the origin-destination matrix: origin,destination,trips sorted by origin then "
                   "destination; cells under k are left out and counted on stderr and in the audit trail. "
                   "Single-read trips are counted apart and left out.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("flows: give PROJECT.gpkg and --out FILE"));
    const QString by = p.value(QStringLiteral("by"));
    if (!by.isEmpty() && by != QLatin1String("camera") && by != QLatin1String("zone"))
        throw Error::usage(QStringLiteral("flows: --by is camera or zone"));
    const bool zones = by == QLatin1String("zone");
    const FlowFilter filter = flowFilter(p);
    Store store = Store::open(p.positionalArguments().first());
    const int k = integerOption(p, QStringLiteral("k"), store.threshold(), 1, 1000000);
    TripParameters params;
    const FlowCube cube = queryCube(store, p, &params, nullptr);
    const CameraIndex cams = FlowEngine(store).cameras();
    const OdMatrix m = zones ? cube.od(filter, cams.zoneOf) : cube.od(filter);
    const ExportResult r =
        ResultExport(store, cams)
            .flows(m, zones, p.value(QStringLiteral("out")), k,
                   describeQuery(filter, params,
                                 QStringLiteral("by %1").arg(zones ? QStringLiteral("zone")
                                                                   : QStringLiteral("camera"))),
                   p.value(QStringLiteral("purpose")));
    err() << QStringLiteral(
                 "flows: %1 OD pairs written to %2; %3 cells under k=%4 suppressed; %5 trips in the matrix "
                 "(%6 through), %7 single-read trips left out\n")
                 .arg(r.rows)
                 .arg(r.path)
                 .arg(r.suppressed)
                 .arg(k)
                 .arg(m.trips)
                 .arg(m.throughTrips)
                 .arg(m.singleReadTrips);
    return 0;
}

int counts(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    p.addOption(
        {QStringLiteral("per"), QStringLiteral("hour (default) or day."), QStringLiteral("hour|day")});
    if (!parse(
            p, QStringLiteral("counts"), args,
            QStringLiteral(
                "Writes passages (kept reads) and distinct vehicles per camera, period (local hour or day) "
                "and class; cells with fewer than k vehicles are left out and counted.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("counts: give PROJECT.gpkg and --out FILE"));
    const QString per = p.value(QStringLiteral("per"));
    if (!per.isEmpty() && per != QLatin1String("hour") && per != QLatin1String("day"))
        throw Error::usage(QStringLiteral("counts: --per is hour or day"));
    const bool perHour = per != QLatin1String("day");
    const FlowFilter filter = flowFilter(p);
    Store store = Store::open(p.positionalArguments().first());
    const int k = integerOption(p, QStringLiteral("k"), store.threshold(), 1, 1000000);
    TripParameters params;
    const FlowCube cube = queryCube(store, p, &params, nullptr);
    const CameraIndex cams = FlowEngine(store).cameras();
    const ExportResult r =
        ResultExport(store, cams)
            .counts(cube.counts(filter, perHour, true), perHour, p.value(QStringLiteral("out")), k,
                    describeQuery(filter, params,
                                  QStringLiteral("per %1").arg(perHour ? QStringLiteral("hour")
                                                                       : QStringLiteral("day"))),
                    p.value(QStringLiteral("purpose")));
    err() << QStringLiteral("counts: %1 rows written to %2; %3 cells under k=%4 suppressed\n")
                 .arg(r.rows)
                 .arg(r.path)
                 .arg(r.suppressed)
                 .arg(k);
    return 0;
}

int journeyTimesCommand(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    if (!parse(p, QStringLiteral("journey-times"), args,
               QStringLiteral(
                   "Writes journey times per consecutive camera pair inside trips: n, median, 15th and 85th "
                   "percentile in seconds, after dropping outliers beyond median ± 3 × MAD; pairs with fewer "
                   "than k observations are left out.")))
        return 0;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("journey-times: give PROJECT.gpkg and --out FILE"));
    const FlowFilter filter = flowFilter(p);
    Store store = Store::open(p.positionalArguments().first());
    const int k = integerOption(p, QStringLiteral("k"), store.threshold(), 1, 1000000);
    TripParameters params;
    TripSet trips;
    queryCube(store, p, &params, &trips);
    LocalTime zone(store.timeZone().toUtf8());
    const CameraIndex cams = FlowEngine(store).cameras();
    const ExportResult r =
        ResultExport(store, cams)
            .journeyTimes(journeyTimes(trips, filter, zone), p.value(QStringLiteral("out")), k,
                          describeQuery(filter, params, QStringLiteral("journey times")),
                          p.value(QStringLiteral("purpose")));
    err() << QStringLiteral("journey-times: %1 camera pairs written to %2; %3 pairs under k=%4 suppressed\n")
                 .arg(r.rows)
                 .arg(r.path)
                 .arg(r.suppressed)
                 .arg(k);
    return 0;
}

} // namespace

void addFilterOptionsTo(QCommandLineParser& p) {
    addFilterOptions(p);
}
FlowFilter flowFilterFrom(const QCommandLineParser& p) {
    return flowFilter(p);
}

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
        if (cmd == QLatin1String("trips"))
            return trips(rest);
        if (cmd == QLatin1String("flows"))
            return flows(rest);
        if (cmd == QLatin1String("report"))
            return report(rest);
        if (cmd == QLatin1String("counts"))
            return counts(rest);
        if (cmd == QLatin1String("journey-times"))
            return journeyTimesCommand(rest);
        if (cmd == QLatin1String("cameras") || cmd == QLatin1String("zones")) {
            const QString sub = rest.value(0);
            rest = rest.mid(1);
            if (sub == QLatin1String("import"))
                return cmd == QLatin1String("cameras") ? camerasImport(rest) : zonesImport(rest);
            if (cmd == QLatin1String("cameras") && sub == QLatin1String("export"))
                return camerasExport(rest);
            if (cmd == QLatin1String("cameras") && sub == QLatin1String("owners"))
                return camerasOwners(rest);
            throw Error::usage(QStringLiteral("%1: expected '%1 import'%2 (see stroom-cli --help)")
                                   .arg(cmd, cmd == QLatin1String("cameras")
                                                 ? QStringLiteral(", 'cameras export' or 'cameras owners'")
                                                 : QString()));
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
