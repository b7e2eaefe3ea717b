#include "cliio.h"
#include "commands.h"
#include "common/helptext.h"

#include "common/error.h"
#include "common/random.h"
#include "common/sqlite.h"
#include "flows/flowengine.h"
#include "store/store.h"
#include "store/tripdays.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char** environ;

namespace stroom::cli {

namespace {

struct Run {
    int exitCode = -1;
    double seconds = 0;
    double peakMib = 0;
};

/** Runs a program to the end, timing it and reading its peak resident memory (wait4). */
Run runMeasured(const QString& program, const QStringList& args, const QString& stdinFile = QString()) {
    std::vector<QByteArray> storage;
    storage.push_back(program.toLocal8Bit());
    for (const QString& a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const QByteArray in = stdinFile.toLocal8Bit();
    if (!stdinFile.isEmpty())
        posix_spawn_file_actions_addopen(&actions, 0, in.constData(), O_RDONLY, 0);
    QElapsedTimer t;
    t.start();
    pid_t pid = 0;
    Run r;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return r;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    r.seconds = t.nsecsElapsed() / 1e9;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peakMib = usage.ru_maxrss / 1024.0; // ru_maxrss is in KiB (2 GB = 1,907 MiB)
    return r;
}

qint64 readsIn(const QString& dir) {
    QFile f(dir + QStringLiteral("/simulation.json"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<qint64>(QJsonDocument::fromJson(f.readAll())
                                   .object()
                                   .value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("reads"))
                                   .toDouble());
}

/**
 * The trip definition as window-function SQL in sqlite3 (flows/flowengine.cpp, referenceOdSql) over the same
 * CSV, imported by sqlite3 itself first (not timed): its wall time.
 */
double windowSqlSeconds(const QString& sqlite3, const QString& csv, const QString& project) {
    const QString db = project + QStringLiteral(".ref.db");
    QFile::remove(db);
    const QString load = project + QStringLiteral(".load.sql");
    QFile lf(load);
    lf.open(QIODevice::WriteOnly);
    lf.write(QStringLiteral(".mode csv\n.import %1 csv\nCREATE TABLE ref AS SELECT plate_hash AS v, "
                            "unixepoch(timestamp) AS t, camera_id AS cid FROM csv;\nDROP TABLE csv;\n")
                 .arg(csv)
                 .toUtf8());
    lf.close();
    runMeasured(sqlite3, {db}, load);
    const QString script = project + QStringLiteral(".ref.sql");
    QFile sf(script);
    sf.open(QIODevice::WriteOnly);
    sf.write((QStringLiteral("CREATE TEMP TABLE od AS ") +
              referenceOdSql(QStringLiteral("SELECT v, t, cid FROM ref")) + QStringLiteral(";\n"))
                 .toUtf8());
    sf.close();
    const double seconds = runMeasured(sqlite3, {db}, script).seconds;
    QFile::remove(db);
    return seconds;
}

} // namespace

/** Trips, cube and layers from the imported reads; cube query times; the SQL definition in sqlite3 beside. */
void benchTrips(QTextStream& out, QTextStream& err, const QString& self, const QString& sqlite3,
                const QString& project, const QString& csv, qint64 reads, bool reference,
                double* firstPerRead, double* lastPerRead) {
    err << "bench: building trips for " << reads << " reads...\n";
    err.flush();
    const Run s = runMeasured(self, {QStringLiteral("trips"), project, QStringLiteral("--rebuild")});
    if (s.exitCode != 0)
        throw Error::store(QStringLiteral("bench: building trips failed (exit %1)").arg(s.exitCode));
    const double perRead = s.seconds / reads;
    if (*firstPerRead == 0)
        *firstPerRead = perRead;
    *lastPerRead = perRead;
    // Filter queries on the cube, as the map issues them: random combinations, camera and zone level.
    Store store = Store::open(project, Store::Access::ReadOnly);
    FlowEngine engine(store);
    const FlowCube cube = engine.loadCube();
    const CameraIndex cams = engine.cameras();
    const qint64 tripsTotal = TripDays(store.database()).count();
    const std::vector<std::int64_t> days = cube.days();
    Random rng(42);
    auto timeQueries = [&](bool zones) {
        std::vector<double> ms;
        for (int i = 0; i < 200; ++i) {
            FlowFilter f;
            if (!days.empty() && rng.chance(0.5)) {
                const int a = rng.integer(0, static_cast<int>(days.size()) - 1);
                f.from = QDate(1970, 1, 1).addDays(days[static_cast<std::size_t>(a)]);
                f.to = f.from.addDays(rng.integer(0, 6));
            }
            f.days = static_cast<FlowFilter::Days>(rng.integer(0, 2));
            if (rng.chance(0.5)) {
                f.hourFrom = rng.integer(0, 20);
                f.hourTo = f.hourFrom + rng.integer(1, 4);
            }
            if (rng.chance(0.3))
                f.classMask = 1u << rng.integer(1, 4);
            f.throughOnly = rng.chance(0.2);
            QElapsedTimer t;
            t.start();
            const OdMatrix m = (zones ? cube.od(f, cams.zoneOf) : cube.od(f)).publish(DisclosurePolicy());
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (m.trips < 0)
                err << "";
        }
        std::sort(ms.begin(), ms.end());
        return QStringLiteral("%1 / %2").arg(ms[ms.size() / 2], 0, 'f', 2).arg(ms.back(), 0, 'f', 2);
    };
    const QString cameraMs = timeQueries(false), zoneMs = timeQueries(true);
    const double ref = reference ? windowSqlSeconds(sqlite3, csv, project) : 0;
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
               .arg(reads)
               .arg(s.seconds, 0, 'f', 2)
               .arg(s.peakMib, 0, 'f', 0)
               .arg(tripsTotal)
               .arg(cameraMs, zoneMs)
               .arg(reference ? QString::number(ref, 'f', 1) : QStringLiteral("–"))
               .arg(reference ? QStringLiteral("%1× faster").arg(ref / s.seconds, 0, 'f', 0)
                              : QStringLiteral("–"));
    out.flush();
}

namespace {

struct BenchOptions {
    bool trips = false;    ///< bench trips
    bool pipeline = false; ///< bench pipeline: import, trips, OD file (issue 15)
    int repeat = 1;
    QList<qint64> sizes;
    QString work;
    QString self, sqlite3;
    bool reference = false;
    qint64 referenceMax = 1000000;
};

/** The options of `bench`; false after printing the help. */
bool parseBench(const QStringList& args, BenchOptions* o, QTemporaryDir& tmp) {
    QCommandLineParser p;
    const QString description(
        QStringLiteral("Measures the import budget: the simulator's standard export into a "
                       "new project, wall time and peak memory of the import process, store "
                       "bytes per read; sqlite3's .import of the same file beside it; and "
                       "the scaling between sizes. 'trips' measures trip building and cube "
                       "queries beside the trip definition as sqlite3 window-function SQL. "
                       "'pipeline' measures import, trips and the OD matrix to a file, end to end. "
                       "The export is read once before each import, so that every size is measured "
                       "with it in memory. Prints a table on stdout."));
    helptext::addArgument(p, QStringLiteral("what"), QStringLiteral("import, trips or pipeline."));
    helptext::addOptions(
        p, {
               {QStringLiteral("reads"),
                QStringLiteral("Comma-separated sizes in reads (default 1000000,10000000)."),
                QStringLiteral("N,...")},
               {QStringLiteral("dir"),
                QStringLiteral("Working folder (default: a temporary one, removed afterwards)."),
                QStringLiteral("DIR")},
               {QStringLiteral("no-reference"), QStringLiteral("Skip the sqlite3 reference run.")},
               {QStringLiteral("repeat"),
                QStringLiteral("pipeline: runs of each size (default 1); the table gives the median."),
                QStringLiteral("N")},
               {QStringLiteral("reference-max"),
                QStringLiteral(
                    "trips: run the sqlite3 window-function reference only up to this many reads (default "
                    "1000000; at 10 million it takes minutes)."),
                QStringLiteral("N")},
           });
    if (!parse(p, QStringLiteral("bench"), args, description))
        return false;
    const QString what = p.positionalArguments().value(0);
    if (p.positionalArguments().size() != 1 ||
        (what != QLatin1String("import") && what != QLatin1String("trips") &&
         what != QLatin1String("pipeline")))
        throw Error::usage(
            QStringLiteral("bench: say what to measure: 'stroom-cli bench import', 'stroom-cli "
                           "bench trips' or 'stroom-cli bench pipeline'"));
    o->trips = what == QLatin1String("trips");
    o->pipeline = what == QLatin1String("pipeline");
    if (p.isSet(QStringLiteral("repeat"))) {
        bool ok = false;
        o->repeat = p.value(QStringLiteral("repeat")).toInt(&ok);
        if (!ok || o->repeat < 1 || o->repeat > 9)
            throw Error::usage(QStringLiteral("bench: --repeat takes 1 to 9"));
    }
    for (const QString& s : p.value(QStringLiteral("reads")).isEmpty()
                                ? QStringList{QStringLiteral("1000000"), QStringLiteral("10000000")}
                                : p.value(QStringLiteral("reads")).split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (!ok || n < 1000)
            throw Error::usage(QStringLiteral("bench: --reads takes sizes of at least 1000"));
        o->sizes << n;
    }
    o->work = p.value(QStringLiteral("dir")).isEmpty() ? tmp.path() : p.value(QStringLiteral("dir"));
    QDir().mkpath(o->work);
    o->self = QCoreApplication::applicationFilePath();
    o->sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    o->reference = !p.isSet(QStringLiteral("no-reference")) && !o->sqlite3.isEmpty();
    if (p.isSet(QStringLiteral("reference-max")))
        o->referenceMax = p.value(QStringLiteral("reference-max")).toLongLong();
    return true;
}

/**
 * Reads \a path once to its end (not timed), so that the import after it reads the export from memory at
 * every size: the 9.8 GB export of 100 million reads does not stay in the page cache of a 24 GB machine
 * between runs, and an import then waits on the disk (measured: 30 to 74 s for the same import), which is not
 * the engine's speed.
 */
void readThrough(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return; // the import itself says what is wrong with the file
    std::vector<char> buffer(std::size_t(8) << 20);
    while (f.read(buffer.data(), static_cast<qint64>(buffer.size())) > 0) {
    }
}

/** The simulated export of about \a target reads (made once, in a child process), in a new project. */
struct Prepared {
    qint64 reads;
    QString csv, project;
};
Prepared prepare(const BenchOptions& o, qint64 target) {
    // About 7.6 reads per vehicle and day in the demo city.
    const int days = 14;
    const int vehicles = static_cast<int>(std::max<qint64>(10, target / (7.57 * days)));
    const QString sim = QStringLiteral("%1/sim-%2").arg(o.work).arg(target);
    // In a child process: a peak measured later must not inherit this process's memory.
    if (readsIn(sim) == 0) {
        err() << "bench: simulating about " << target << " reads...\n";
        err().flush();
        runMeasured(o.self,
                    {QStringLiteral("simulate"), QStringLiteral("--out"), sim, QStringLiteral("--vehicles"),
                     QString::number(vehicles), QStringLiteral("--days"), QString::number(days)});
    }
    Prepared p{readsIn(sim), sim + QStringLiteral("/anpr-standard.csv"),
               QStringLiteral("%1/bench-%2.gpkg").arg(o.work).arg(target)};
    for (const char* suffix : {"", ".reads", ".cube", ".lock"})
        QFile::remove(p.project + QLatin1String(suffix));
    runMeasured(o.self, {QStringLiteral("init"), p.project});
    if (o.trips || o.pipeline) {
        runMeasured(o.self, {QStringLiteral("cameras"), QStringLiteral("import"), p.project,
                             sim + QStringLiteral("/cameras.csv")});
        runMeasured(o.self,
                    {QStringLiteral("zones"), QStringLiteral("import"), p.project,
                     sim + QStringLiteral("/zones.geojson"), QStringLiteral("--id-field"),
                     QStringLiteral("wijknr"), QStringLiteral("--name-field"), QStringLiteral("wijk")});
    }
    readThrough(p.csv);
    return p;
}

/** sqlite3's .import of the same file: its wall time. */
double sqliteImportSeconds(const BenchOptions& o, const Prepared& p, qint64 target) {
    err() << "bench: the same file with sqlite3 .import...\n";
    err().flush();
    const QString refDb = QStringLiteral("%1/sqlite3-%2.db").arg(o.work).arg(target);
    QFile::remove(refDb);
    const QString script = QStringLiteral("%1/import.sql").arg(o.work);
    QFile sf(script);
    sf.open(QIODevice::WriteOnly);
    sf.write(QStringLiteral(".mode csv\n.import %1 reads\n").arg(p.csv).toUtf8());
    sf.close();
    const double seconds = runMeasured(o.sqlite3, {refDb}, script).seconds;
    QFile::remove(refDb);
    return seconds;
}

/** The reads table alone (the budget), besides the whole file with the pseudonym dictionary. */
QString bytesPerRead(const Prepared& p) {
    const double fileBytes =
        static_cast<double>(QFileInfo(p.project + QStringLiteral(".reads")).size()) / p.reads;
    double tableBytes = 0;
    try {
        sql::Database readsDb;
        readsDb.open(Store::readsPath(p.project), sql::Database::Mode::ReadOnly);
        auto st = readsDb.prepare("SELECT sum(pgsize) FROM dbstat WHERE name = 'read_blocks'");
        if (st.step())
            tableBytes = st.real(0);
    } catch (const Error&) {
        tableBytes = 0; // dbstat is not compiled into this SQLite
    }
    return tableBytes > 0
               ? QStringLiteral("%1 (%2)").arg(tableBytes / p.reads, 0, 'f', 1).arg(fileBytes, 0, 'f', 1)
               : QString::number(fileBytes, 'f', 1);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

/** One size's pipeline runs: each step's seconds, the largest peak, and the project of the last run. */
struct PipelineRuns {
    std::vector<double> import, trips, flows, total;
    double peak = 0;
    Prepared p;
};

/**
 * One run of issue 15's pipeline: the standard export into a new project (import), trips with the cube,
 * journey times and layers (trips), the OD matrix to a file (flows), each a process of its own; end to end is
 * their sum, peak the largest of their peaks.
 */
void runPipeline(const BenchOptions& o, qint64 target, int run, PipelineRuns& runs) {
    Prepared& p = runs.p;
    p = prepare(o, target);
    err() << "bench: run " << run << " of " << o.repeat << ", " << p.reads << " reads...\n";
    err().flush();
    const Run a =
        runMeasured(o.self, {QStringLiteral("import"), p.project, p.csv, QStringLiteral("--no-trips")});
    const Run b = runMeasured(o.self, {QStringLiteral("trips"), p.project});
    const QString od = p.project + QStringLiteral(".od.csv");
    QFile::remove(od);
    const Run c = runMeasured(o.self, {QStringLiteral("flows"), p.project, QStringLiteral("--out"), od,
                                       QStringLiteral("--purpose"), QStringLiteral("benchmark")});
    if (a.exitCode != 0 || b.exitCode != 0 || c.exitCode != 0)
        throw Error::store(QStringLiteral("bench: a step failed (exit %1, %2, %3)")
                               .arg(a.exitCode)
                               .arg(b.exitCode)
                               .arg(c.exitCode));
    // Each step's figures of each run: the table gives medians and the largest peak of all.
    err() << QStringLiteral("bench: run %1: import %2 s, %3 MiB; trips %4 s, %5 MiB; flows %6 s, %7 MiB\n")
                 .arg(run)
                 .arg(a.seconds, 0, 'f', 2)
                 .arg(a.peakMib, 0, 'f', 0)
                 .arg(b.seconds, 0, 'f', 2)
                 .arg(b.peakMib, 0, 'f', 0)
                 .arg(c.seconds, 0, 'f', 2)
                 .arg(c.peakMib, 0, 'f', 0);
    err().flush();
    runs.import.push_back(a.seconds);
    runs.trips.push_back(b.seconds);
    runs.flows.push_back(c.seconds);
    runs.total.push_back(a.seconds + b.seconds + c.seconds);
    runs.peak = std::max({runs.peak, a.peakMib, b.peakMib, c.peakMib});
}

/** A size's row of the table (medians of its runs); bytes per read of the reads file (L0 and L1) and with the
 * aggregates file. Returns the median end-to-end time per read. */
double pipelineRow(QTextStream& out, const BenchOptions& o, qint64 target, const PipelineRuns& runs) {
    const Prepared& p = runs.p;
    const double readsBytes = static_cast<double>(QFileInfo(Store::readsPath(p.project)).size());
    const double cubeBytes = static_cast<double>(QFileInfo(p.project + QStringLiteral(".cube")).size());
    QString ref = QStringLiteral("–");
    if (o.reference) {
        const double imp = sqliteImportSeconds(o, p, target);
        ref = p.reads <= o.referenceMax ? QStringLiteral("%1 + %2")
                                              .arg(imp, 0, 'f', 1)
                                              .arg(windowSqlSeconds(o.sqlite3, p.csv, p.project), 0, 'f', 1)
                                        : QStringLiteral("%1 + –").arg(imp, 0, 'f', 1);
    }
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 (%9) | %10 |\n")
               .arg(p.reads)
               .arg(QFileInfo(p.csv).size() / 1e6, 0, 'f', 0)
               .arg(median(runs.import), 0, 'f', 2)
               .arg(median(runs.trips), 0, 'f', 2)
               .arg(median(runs.flows), 0, 'f', 2)
               .arg(median(runs.total), 0, 'f', 2)
               .arg(runs.peak, 0, 'f', 0)
               .arg(readsBytes / static_cast<double>(p.reads), 0, 'f', 1)
               .arg((readsBytes + cubeBytes) / static_cast<double>(p.reads), 0, 'f', 1)
               .arg(ref);
    out.flush();
    return median(runs.total) / static_cast<double>(p.reads);
}

/**
 * Issue 15's table. The sizes take turns, run by run (1M, 10M, 100M, 1M, 10M, ...): a machine whose speed
 * drifts over the minutes (a shared virtual machine) then weighs on every size alike, not on the size that
 * happened to run in a slow spell (measured: 10M runs of 5.3 s beside 100M runs of 69 s in one bench, 6.7 s
 * beside 71 s in the next).
 */
void benchPipeline(QTextStream& out, const BenchOptions& o, double* firstPerRead, double* lastPerRead) {
    std::vector<PipelineRuns> runs(static_cast<std::size_t>(o.sizes.size()));
    for (int r = 0; r < o.repeat; ++r)
        for (int i = 0; i < o.sizes.size(); ++i)
            runPipeline(o, o.sizes[i], r + 1, runs[static_cast<std::size_t>(i)]);
    for (int i = 0; i < o.sizes.size(); ++i) {
        const double perRead = pipelineRow(out, o, o.sizes[i], runs[static_cast<std::size_t>(i)]);
        if (i == 0)
            *firstPerRead = perRead;
        *lastPerRead = perRead;
    }
}

} // namespace

int bench(const QStringList& args) {
    QTextStream& out = stroom::cli::out();
    QTemporaryDir tmp;
    BenchOptions o;
    if (!parseBench(args, &o, tmp))
        return 0;
    if (o.pipeline)
        out << QStringLiteral(
            "| reads | CSV MB | import s | trips+cube+layers s | OD to a file s | end to end s | "
            "peak MiB | reads file B/read (with the cube) | sqlite3 .import + window SQL s |\n");
    else if (o.trips)
        out << "| reads | Stroom trips+cube+layers s | peak MiB | trips | cube query, camera level, ms "
               "(median / max of 200) | zone level ms | sqlite3 window SQL s | ratio |\n";
    else
        out << "| reads | file MB | Stroom import s | reads/s | peak MiB | reads table B/read (whole file) | "
               "sqlite3 .import s | ratio |\n";
    out << (o.pipeline ? "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                       : "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    out.flush();
    double firstPerRead = 0, lastPerRead = 0;
    if (o.pipeline)
        benchPipeline(out, o, &firstPerRead, &lastPerRead);
    for (qint64 target : o.sizes) {
        if (o.pipeline)
            break; // measured above, the sizes in turns
        const Prepared p = prepare(o, target);
        err() << "bench: importing " << p.reads << " reads with Stroom...\n";
        err().flush();
        const Run s =
            runMeasured(o.self, {QStringLiteral("import"), p.project, p.csv, QStringLiteral("--no-trips")});
        if (s.exitCode != 0)
            throw Error::store(QStringLiteral("bench: the import failed (exit %1)").arg(s.exitCode));
        if (o.trips) {
            benchTrips(out, err(), o.self, o.sqlite3, p.project, p.csv, p.reads,
                       o.reference && p.reads <= o.referenceMax, &firstPerRead, &lastPerRead);
            continue;
        }
        const double ref = o.reference ? sqliteImportSeconds(o, p, target) : 0;
        const double perRead = s.seconds / p.reads;
        if (firstPerRead == 0)
            firstPerRead = perRead;
        lastPerRead = perRead;
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                   .arg(p.reads)
                   .arg(QFileInfo(p.csv).size() / 1e6, 0, 'f', 0)
                   .arg(s.seconds, 0, 'f', 2)
                   .arg(static_cast<qint64>(p.reads / s.seconds))
                   .arg(s.peakMib, 0, 'f', 0)
                   .arg(bytesPerRead(p))
                   .arg(o.reference ? QString::number(ref, 'f', 2) : QStringLiteral("–"))
                   .arg(o.reference ? QStringLiteral("%1× faster").arg(ref / s.seconds, 0, 'f', 1)
                                    : QStringLiteral("–"));
        out.flush();
    }
    if (o.sizes.size() > 1)
        out << QStringLiteral("\nscaling: time per read at the largest size is %1 % of that at the smallest "
                              "(linear: within 15 %)\n")
                   .arg(100.0 * lastPerRead / firstPerRead, 0, 'f', 0);
    return 0;
}

} // namespace stroom::cli
