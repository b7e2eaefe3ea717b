#include "bench.h"

#include "error.h"
#include "sqlite.h"
#include "store.h"

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

#include <cstdio>
#include <vector>

extern char** environ;

namespace stroom::cli {

namespace {

struct Run {
    int exitCode = -1;
    double seconds = 0;
    double peakMb = 0;
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
    r.peakMb = usage.ru_maxrss / 1024.0;
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

} // namespace

int bench(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    out.setCodec("UTF-8");
    err.setCodec("UTF-8");
#endif
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Measures the import budget (issue 3): the simulator's "
                                               "standard export into a new project, wall time and peak "
                                               "memory of the import process, store bytes per read; "
                                               "sqlite3's .import of the same file beside it; and the "
                                               "scaling between sizes. Prints a table on stdout."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("import"), QStringLiteral("What to measure (import)."));
    p.addOptions({
        {QStringLiteral("reads"),
         QStringLiteral("Comma-separated sizes in reads (default 1000000,10000000)."),
         QStringLiteral("N,...")},
        {QStringLiteral("dir"),
         QStringLiteral("Working folder (default: a temporary one, removed afterwards)."),
         QStringLiteral("DIR")},
        {QStringLiteral("no-reference"), QStringLiteral("Skip the sqlite3 reference run.")},
    });
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("stroom-cli bench"));
    if (!p.parse(withProgram))
        throw Error::usage(QStringLiteral("bench: %1").arg(p.errorText()));
    if (p.isSet(QStringLiteral("help"))) {
        out << p.helpText();
        return 0;
    }
    if (p.positionalArguments() != QStringList{QStringLiteral("import")})
        throw Error::usage(QStringLiteral("bench: say what to measure: 'stroom-cli bench import'"));
    QList<qint64> sizes;
    for (const QString& s : p.value(QStringLiteral("reads")).isEmpty()
                                ? QStringList{QStringLiteral("1000000"), QStringLiteral("10000000")}
                                : p.value(QStringLiteral("reads")).split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (!ok || n < 1000)
            throw Error::usage(QStringLiteral("bench: --reads takes sizes of at least 1000"));
        sizes << n;
    }
    QTemporaryDir tmp;
    const QString work =
        p.value(QStringLiteral("dir")).isEmpty() ? tmp.path() : p.value(QStringLiteral("dir"));
    QDir().mkpath(work);
    const QString self = QCoreApplication::applicationFilePath();
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    const bool reference = !p.isSet(QStringLiteral("no-reference")) && !sqlite3.isEmpty();

    out << "| reads | file MB | Stroom import s | reads/s | peak MB | reads table B/read (whole file) | "
           "sqlite3 .import s | ratio |\n";
    out << "|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    out.flush();
    double firstPerRead = 0, lastPerRead = 0;
    for (qint64 target : sizes) {
        // About 7.6 reads per vehicle and day in the demo city.
        const int days = 14;
        const int vehicles = static_cast<int>(std::max<qint64>(10, target / (7.57 * days)));
        const QString sim = QStringLiteral("%1/sim-%2").arg(work).arg(target);
        err << "bench: simulating about " << target << " reads...\n";
        err.flush();
        // In a child process: a peak measured later must not inherit this process's memory.
        if (readsIn(sim) == 0)
            runMeasured(self, {QStringLiteral("simulate"), QStringLiteral("--out"), sim,
                               QStringLiteral("--vehicles"), QString::number(vehicles),
                               QStringLiteral("--days"), QString::number(days)});
        const qint64 reads = readsIn(sim);
        const QString csv = sim + QStringLiteral("/anpr-standard.csv");
        const QString project = QStringLiteral("%1/bench-%2.gpkg").arg(work).arg(target);
        QFile::remove(project);
        QFile::remove(project + QStringLiteral(".reads"));
        runMeasured(self, {QStringLiteral("init"), project});
        err << "bench: importing " << reads << " reads with Stroom...\n";
        err.flush();
        const Run s =
            runMeasured(self, {QStringLiteral("import"), project, csv, QStringLiteral("--no-trips")});
        if (s.exitCode != 0)
            throw Error::store(QStringLiteral("bench: the import failed (exit %1)").arg(s.exitCode));
        const double bytesPerRead =
            static_cast<double>(QFileInfo(project + QStringLiteral(".reads")).size()) / reads;
        double ref = 0;
        if (reference) {
            err << "bench: the same file with sqlite3 .import...\n";
            err.flush();
            const QString refDb = QStringLiteral("%1/sqlite3-%2.db").arg(work).arg(target);
            QFile::remove(refDb);
            const QString script = QStringLiteral("%1/import.sql").arg(work);
            QFile sf(script);
            sf.open(QIODevice::WriteOnly);
            sf.write(QStringLiteral(".mode csv\n.import %1 reads\n").arg(csv).toUtf8());
            sf.close();
            ref = runMeasured(sqlite3, {refDb}, script).seconds;
            QFile::remove(refDb);
        }
        const double perRead = s.seconds / reads;
        if (firstPerRead == 0)
            firstPerRead = perRead;
        lastPerRead = perRead;
        // The reads table alone (the budget), besides the whole file with the pseudonym dictionary.
        double tableBytes = 0;
        try {
            sql::Database readsDb;
            readsDb.open(Store::readsPath(project), sql::Database::Mode::ReadOnly);
            auto st = readsDb.prepare("SELECT sum(pgsize) FROM dbstat WHERE name = 'reads'");
            if (st.step())
                tableBytes = st.real(0);
        } catch (const Error&) {
            tableBytes = 0; // dbstat is not compiled into this SQLite
        }
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                   .arg(reads)
                   .arg(QFileInfo(csv).size() / 1e6, 0, 'f', 0)
                   .arg(s.seconds, 0, 'f', 2)
                   .arg(static_cast<qint64>(reads / s.seconds))
                   .arg(s.peakMb, 0, 'f', 0)
                   .arg(tableBytes > 0 ? QStringLiteral("%1 (%2)")
                                             .arg(tableBytes / reads, 0, 'f', 1)
                                             .arg(bytesPerRead, 0, 'f', 1)
                                       : QString::number(bytesPerRead, 'f', 1))
                   .arg(reference ? QString::number(ref, 'f', 2) : QStringLiteral("–"))
                   .arg(reference ? QStringLiteral("%1× faster").arg(ref / s.seconds, 0, 'f', 1)
                                  : QStringLiteral("–"));
        out.flush();
    }
    if (sizes.size() > 1)
        out << QStringLiteral("\nscaling: time per read at the largest size is %1 % of that at the smallest "
                              "(linear: within 15 %)\n")
                   .arg(100.0 * lastPerRead / firstPerRead, 0, 'f', 0);
    return 0;
}

} // namespace stroom::cli
