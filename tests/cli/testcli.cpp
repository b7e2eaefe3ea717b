#include "common/bytesource.h"
#include "common/sqlite.h"
#include "privacy/disclosurepolicy.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <QTest>

#include <algorithm>
#include <cmath>

/** The command line as a contract (DESIGN §11): help, exit codes, and the walking skeleton's commands. */
class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Result {
        int code;
        QString out;
        QString err;
    };
    static Result cli(const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(STROOM_CLI), args);
        if (!p.waitForFinished(120000))
            return {-1, {}, QStringLiteral("timeout")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    /**
     * A project of the simulated city with its cameras and one standard export imported: the folder \a sim
     * and project \a name under the test's folder; empty when a step failed.
     */
    QString simulatedProject(const QString& sim, const QString& name, int vehicles, int days,
                             const QStringList& simulateArgs = {}) {
        const QString dir = m_dir.filePath(sim), project = m_dir.filePath(name);
        const bool ok =
            cli(QStringList{QStringLiteral("simulate"), QStringLiteral("--out"), dir,
                            QStringLiteral("--vehicles"), QString::number(vehicles), QStringLiteral("--days"),
                            QString::number(days)} +
                simulateArgs)
                    .code == 0 &&
            cli({QStringLiteral("init"), project}).code == 0 &&
            cli({QStringLiteral("cameras"), QStringLiteral("import"), project,
                 dir + QStringLiteral("/cameras.csv")})
                    .code == 0 &&
            cli({QStringLiteral("import"), project, dir + QStringLiteral("/anpr-standard.csv")}).code == 0;
        return ok ? project : QString();
    }

private slots:
    void helpEverywhere() {
        QCOMPARE(cli({QStringLiteral("--help")}).code, 0);
        for (const QStringList& cmd :
             {QStringList{QStringLiteral("simulate")}, QStringList{QStringLiteral("init")},
              QStringList{QStringLiteral("cameras"), QStringLiteral("import")},
              QStringList{QStringLiteral("zones"), QStringLiteral("import")}}) {
            const Result r = cli(cmd + QStringList{QStringLiteral("--help")});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains(QLatin1String("Usage")), qPrintable(r.out));
        }
    }

    void badUsageIsTwo() {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(cli({QStringLiteral("simulate")}).code, 2); // no --out
        const Result r =
            cli({QStringLiteral("simulate"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x")),
                 QStringLiteral("--days"), QStringLiteral("zero")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--days")));
    }

    void simulateInitImport() {
        const QString sim = m_dir.filePath(QStringLiteral("sim"));
        Result r = cli({QStringLiteral("simulate"), QStringLiteral("--out"), sim,
                        QStringLiteral("--vehicles"), QStringLiteral("300"), QStringLiteral("--days"),
                        QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("all")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty()); // results go to files, the summary to stderr
        for (const char* f :
             {"cameras.csv", "zones.geojson", "anpr-standard.csv", "anpr-nl.csv", "anpr-metrics.csv",
              "counts.csv", "pairflows.csv", "truth-trips.csv", "simulation.json"})
            QVERIFY2(QFile::exists(sim + QLatin1Char('/') + QLatin1String(f)), f);

        const QString project = m_dir.filePath(QStringLiteral("p.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
        QCOMPARE(cli({QStringLiteral("init"), project}).code, 4); // exists already

        r = cli({QStringLiteral("cameras"), QStringLiteral("import"), project,
                 sim + QStringLiteral("/cameras.csv")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("120 new")), qPrintable(r.err));
        r = cli({QStringLiteral("zones"), QStringLiteral("import"), project,
                 sim + QStringLiteral("/zones.geojson"), QStringLiteral("--id-field"),
                 QStringLiteral("wijknr"), QStringLiteral("--name-field"), QStringLiteral("wijk")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("25 new")), qPrintable(r.err));
        r = cli({QStringLiteral("cameras"), QStringLiteral("import"), project,
                 sim + QStringLiteral("/cameras.csv")});
        QVERIFY2(r.err.contains(QLatin1String("120 unchanged")), qPrintable(r.err));
    }

    /** flows/counts/journey-times: the od.csv contract of DESIGN §11, k, the audit trail. */
    void flowsContract() {
        const QString sim = m_dir.filePath(QStringLiteral("sim2"));
        QCOMPARE(cli({QStringLiteral("simulate"), QStringLiteral("--out"), sim, QStringLiteral("--vehicles"),
                      QStringLiteral("3000"), QStringLiteral("--days"), QStringLiteral("2")})
                     .code,
                 0);
        const QString project = m_dir.filePath(QStringLiteral("flows.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
        QCOMPARE(cli({QStringLiteral("cameras"), QStringLiteral("import"), project,
                      sim + QStringLiteral("/cameras.csv")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("zones"), QStringLiteral("import"), project,
                      sim + QStringLiteral("/zones.geojson"), QStringLiteral("--id-field"),
                      QStringLiteral("wijknr"), QStringLiteral("--name-field"), QStringLiteral("wijk")})
                     .code,
                 0);
        Result r = cli({QStringLiteral("import"), project, sim + QStringLiteral("/anpr-standard.csv")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("trips: full build")), qPrintable(r.err));

        const QString od = m_dir.filePath(QStringLiteral("od.csv"));
        r = cli({QStringLiteral("flows"), project, QStringLiteral("--out"), od, QStringLiteral("--purpose"),
                 QStringLiteral("test")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("suppressed")), qPrintable(r.err));
        QFile f(od);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains('\r'));
        QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines.takeFirst(), QByteArray("origin,destination,trips"));
        QCOMPARE(lines.takeLast(), QByteArray()); // ends with a line end
        QVERIFY(lines.size() > 50);
        // --names: the names of the register after the contract's columns.
        const QString named = m_dir.filePath(QStringLiteral("od-names.csv"));
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--out"), named,
                      QStringLiteral("--names"), QStringLiteral("--purpose"), QStringLiteral("test")})
                     .code,
                 0);
        {
            QFile n(named);
            QVERIFY(n.open(QIODevice::ReadOnly));
            const QList<QByteArray> namedLines = n.readAll().split('\n');
            QCOMPARE(namedLines.first(), QByteArray("origin,destination,trips,origin_name,destination_name"));
            QVERIFY2(namedLines.value(1).split(',').size() >= 5 && namedLines.value(1).contains("Poort"),
                     namedLines.value(1).constData());
        }
        QList<QPair<QByteArray, QByteArray>> keys;
        for (const QByteArray& l : lines) {
            const QList<QByteArray> c = l.split(',');
            QCOMPARE(c.size(), 3);
            // Released values: cells of at least k vehicles, perturbed, never under k.
            QVERIFY(c[2].toLongLong() >= 10);
            keys << qMakePair(c[0], c[1]);
        }
        QList<QPair<QByteArray, QByteArray>> sorted = keys;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(keys, sorted);
        // The same query twice: byte-identical (the cell key method is deterministic).
        const QString again = m_dir.filePath(QStringLiteral("again.csv"));
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), again})
                     .code,
                 0);
        QFile g(again);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll(), text);
        // --k below the project's only for exact, audited figures; then every cell shows and the zone
        // matrix sums to the camera one.
        const QString all = m_dir.filePath(QStringLiteral("all.csv")),
                      zones = m_dir.filePath(QStringLiteral("zones.csv"));
        const Result low =
            cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                 QStringLiteral("--out"), all, QStringLiteral("--k"), QStringLiteral("1")});
        QCOMPARE(low.code, 2);
        QVERIFY2(low.err.contains(QLatin1String("--exact")), qPrintable(low.err));
        QCOMPARE(
            cli({QStringLiteral("flows"), project, QStringLiteral("--out"), all, QStringLiteral("--exact")})
                .code,
            2); // --exact needs a purpose
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--out"), all, QStringLiteral("--k"),
                      QStringLiteral("1"), QStringLiteral("--exact"), QStringLiteral("--purpose"),
                      QStringLiteral("test")})
                     .code,
                 0);
        QCOMPARE(
            cli({QStringLiteral("flows"), project, QStringLiteral("--out"), zones, QStringLiteral("--by"),
                 QStringLiteral("zone"), QStringLiteral("--k"), QStringLiteral("1"),
                 QStringLiteral("--exact"), QStringLiteral("--purpose"), QStringLiteral("test")})
                .code,
            0);
        auto total = [](const QString& path) {
            QFile in(path);
            in.open(QIODevice::ReadOnly);
            in.readLine();
            qint64 n = 0;
            while (!in.atEnd())
                n += in.readLine().trimmed().split(',').value(2).toLongLong();
            return n;
        };
        QVERIFY(total(all) > total(od));
        QCOMPARE(total(zones), total(all));
        // Filters and the other two commands; a GeoPackage that GDAL reads as lines.
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), m_dir.filePath(QStringLiteral("f.gpkg")),
                      QStringLiteral("--days"), QStringLiteral("weekday"), QStringLiteral("--hours"),
                      QStringLiteral("7-9"), QStringLiteral("--class"), QStringLiteral("car,van")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("counts"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), m_dir.filePath(QStringLiteral("c.csv")),
                      QStringLiteral("--per"), QStringLiteral("day")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("journey-times"), QStringLiteral("--purpose"), QStringLiteral("test"),
                      project, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("j.csv"))})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), od, QStringLiteral("--hours"), QStringLiteral("9-7")})
                     .code,
                 2);
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), od, QStringLiteral("--class"), QStringLiteral("tank")})
                     .code,
                 2);
        // A --gap sweep (other trip definitions move single trips between cells): exact figures only.
        const QString gap = m_dir.filePath(QStringLiteral("gap.csv"));
        const Result sweep =
            cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                 QStringLiteral("--out"), gap, QStringLiteral("--gap"), QStringLiteral("1700")});
        QCOMPARE(sweep.code, 2);
        QVERIFY2(sweep.err.contains(QLatin1String("--exact")), qPrintable(sweep.err));
        QVERIFY(!QFile::exists(gap));
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--out"), gap, QStringLiteral("--gap"),
                      QStringLiteral("1700"), QStringLiteral("--exact"), QStringLiteral("--purpose"),
                      QStringLiteral("test")})
                     .code,
                 0);
        // Every export is in the audit trail, with its purpose, k, layer and what was suppressed.
        stroom::sql::Database db;
        db.open(project, stroom::sql::Database::Mode::ReadOnly);
        auto st =
            db.prepare("SELECT count(*), sum(purpose = 'test'), min(k), sum(layer = 'L1'), "
                       "sum(layer = 'L1' AND purpose = 'test') FROM audit_log WHERE action <> 'genesis'");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 9);
        QCOMPARE(st.int64(1), 9); // every export has its purpose (required)
        QCOMPARE(st.int64(2), 1);
        QCOMPARE(st.int64(3), 3); // the exact ones, each with its purpose
        QCOMPARE(st.int64(4), 3);
        st.reset(); // no read lock held while the CLI writes
        // A k sweep would tell how many vehicles a cell has: any k but the project's needs --exact.
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), gap, QStringLiteral("--overwrite"), QStringLiteral("--k"),
                      QStringLiteral("11")})
                     .code,
                 2);
        // Changing the stored trip parameters needs a purpose and is recorded (layer L1).
        QCOMPARE(
            cli({QStringLiteral("trips"), project, QStringLiteral("--gap"), QStringLiteral("1700")}).code, 2);
        QCOMPARE(cli({QStringLiteral("trips"), project, QStringLiteral("--gap"), QStringLiteral("1700"),
                      QStringLiteral("--purpose"), QStringLiteral("test")})
                     .code,
                 0);
        // The audit trail: listed, verified, and an edit found and named.
        const Result list = cli({QStringLiteral("audit"), QStringLiteral("list"), project});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.startsWith(QLatin1String("id\ttime\tuser")));
        QVERIFY(list.out.contains(QLatin1String("trip parameters changed")));
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), project}).code, 0);
        {
            stroom::sql::Database w;
            w.open(project, stroom::sql::Database::Mode::ReadWrite);
            w.exec("UPDATE audit_log SET purpose = 'nothing to see' WHERE id = 3");
        }
        const Result broken = cli({QStringLiteral("audit"), QStringLiteral("verify"), project});
        QCOMPARE(broken.code, 3);
        QVERIFY2(broken.err.contains(QLatin1String("record 3 was changed")), qPrintable(broken.err));
    }

    /**
     * Files follow the layers (issue 11): a purge of every read, then a project whose reads file is gone,
     * answers every aggregate command as before; the commands that need reads or trips say so (exit 3); a
     * reads file of another project is refused (exit 4).
     */
    void aProjectWithoutItsReads() {
        const QString sim = m_dir.filePath(QStringLiteral("sim-purge"));
        const QString project =
            simulatedProject(QStringLiteral("sim-purge"), QStringLiteral("purged.gpkg"), 1500, 2);
        QVERIFY(!project.isEmpty());
        const auto released = [&](const QString& name) {
            const QString out = m_dir.filePath(name);
            const Result r = cli({QStringLiteral("flows"), project, QStringLiteral("--out"), out,
                                  QStringLiteral("--purpose"), QStringLiteral("test")});
            if (r.code != 0)
                return QByteArray("exit ") + QByteArray::number(r.code) + ' ' + r.err.toUtf8();
            QFile f(out);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        };
        const QByteArray before = released(QStringLiteral("purged-1.csv"));
        QVERIFY(before.count('\n') > 5);
        QCOMPARE(cli({QStringLiteral("risk"), project}).code, 0);
        QCOMPARE(cli({QStringLiteral("purge"), project, QStringLiteral("--all")}).code, 2); // no purpose
        Result r =
            cli({QStringLiteral("purge"), project, QStringLiteral("--all"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("would go")), qPrintable(r.out));
        r = cli({QStringLiteral("purge"), project, QStringLiteral("--all"), QStringLiteral("--purpose"),
                 QStringLiteral("end of the study")});
        QCOMPARE(r.code, 0);
        QCOMPARE(released(QStringLiteral("purged-2.csv")), before);
        r = cli({QStringLiteral("risk"), project});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("needs the reads")), qPrintable(r.err));
        // The reads file moved away: every aggregate command still answers.
        QVERIFY(QFile::rename(project + QStringLiteral(".reads"), project + QStringLiteral(".reads.away")));
        QCOMPARE(released(QStringLiteral("purged-3.csv")), before);
        QCOMPARE(cli({QStringLiteral("counts"), project, QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("purged-counts.csv")), QStringLiteral("--purpose"),
                      QStringLiteral("test")})
                     .code,
                 0);
        QCOMPARE(
            cli({QStringLiteral("cameras"), QStringLiteral("export"), project, QStringLiteral("--public"),
                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("purged-register.geojson")),
                 QStringLiteral("--purpose"), QStringLiteral("test")})
                .code,
            0);
        r = cli({QStringLiteral("journey-times"), project, QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("purged-jt.csv")), QStringLiteral("--purpose"),
                 QStringLiteral("test")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("needs the trips")), qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("trips"), project, QStringLiteral("--rebuild")}).code, 3);
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), project}).code, 0);
        const Result list = cli({QStringLiteral("audit"), QStringLiteral("list"), project});
        QVERIFY(list.out.contains(QLatin1String("reads file replaced")));
        QVERIFY(list.out.contains(QLatin1String("end of the study")));
        // Another project's reads file in its place is refused, and left as it was.
        const QString other = m_dir.filePath(QStringLiteral("other.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), other}).code, 0);
        QVERIFY(QFile::remove(project + QStringLiteral(".reads")));
        QVERIFY(QFile::copy(other + QStringLiteral(".reads"), project + QStringLiteral(".reads")));
        QVERIFY(released(QStringLiteral("purged-4.csv")).startsWith("exit 4 "));
    }

    /**
     * An --out that names the project, its reads file or its lock changes nothing (exit 2, both files byte
     * for byte as they were); an existing file is replaced only with --overwrite; every written file has its
     * audit record and no refused one has.
     */
    void outputsNeverReplaceTheProject() {
        const QString project = simulatedProject(QStringLiteral("sim3"), QStringLiteral("out.gpkg"), 500, 1);
        QVERIFY(!project.isEmpty());
        auto bytes = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QString reads = project + QStringLiteral(".reads");
        const QByteArray projectBefore = bytes(project), readsBefore = bytes(reads);
        QVERIFY(!readsBefore.isEmpty());
        const QStringList targets = {project, reads, project + QStringLiteral(".lock"),
                                     m_dir.filePath(QStringLiteral("./out.gpkg.reads"))};
        for (const QString& target : targets)
            for (const QString& command :
                 {QStringLiteral("flows"), QStringLiteral("counts"), QStringLiteral("journey-times")}) {
                const Result r =
                    cli({command, project, QStringLiteral("--out"), target, QStringLiteral("--overwrite")});
                QCOMPARE(r.code, 2);
                QVERIFY2(r.err.contains(QLatin1String("file of the project")), qPrintable(r.err));
            }
        QCOMPARE(cli({QStringLiteral("cameras"), QStringLiteral("export"), QStringLiteral("--purpose"),
                      QStringLiteral("test"), project, QStringLiteral("--out"), reads,
                      QStringLiteral("--overwrite")})
                     .code,
                 2);
        QCOMPARE(bytes(project), projectBefore);
        QCOMPARE(bytes(reads), readsBefore);
        // An existing file: refused without --overwrite (left as it was), replaced with it.
        const QString od = m_dir.filePath(QStringLiteral("existing.csv"));
        QFile f(od);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mine\n");
        f.close();
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), od})
                     .code,
                 2);
        QCOMPARE(bytes(od), QByteArray("mine\n"));
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), project,
                      QStringLiteral("--out"), od, QStringLiteral("--overwrite")})
                     .code,
                 0);
        QVERIFY(bytes(od).startsWith("origin,destination,trips\n"));
        // One audit record per written file, with the file's SHA-256; no temporary file left behind.
        stroom::sql::Database db;
        db.open(project, stroom::sql::Database::Mode::ReadOnly);
        auto st = db.prepare("SELECT count(*), max(output_sha256) FROM audit_log WHERE action <> 'genesis'");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 1);
        QCOMPARE(st.text(1), stroom::ByteSource::fileSha256(od));
        QVERIFY(QDir(m_dir.path())
                    .entryList({QStringLiteral(".stroom-*")}, QDir::Hidden | QDir::Files)
                    .isEmpty());
    }

    /**
     * A project whose cameras have no cordon roles cannot tell through traffic: --through is refused with why
     * (exit 3), and the summary says "unknown", never a false 0.
     */
    void throughTrafficWithoutRolesIsSaidSo() {
        const QString sim = m_dir.filePath(QStringLiteral("sim-noroles"));
        QCOMPARE(cli({QStringLiteral("simulate"), QStringLiteral("--out"), sim, QStringLiteral("--vehicles"),
                      QStringLiteral("2000"), QStringLiteral("--days"), QStringLiteral("1")})
                     .code,
                 0);
        // The register without its role column: what many cities' exports look like.
        QFile in(sim + QStringLiteral("/cameras.csv")), out(sim + QStringLiteral("/cameras-noroles.csv"));
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        const QList<QByteArray> header = in.readLine().trimmed().split(',');
        const int role = header.indexOf("role");
        QVERIFY(role >= 0);
        auto without = [role](QList<QByteArray> fields) {
            fields.removeAt(role);
            return fields.join(',') + '\n';
        };
        out.write(without(header));
        while (!in.atEnd())
            out.write(without(in.readLine().trimmed().split(',')));
        out.close();
        const QString project = m_dir.filePath(QStringLiteral("noroles.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
        Result r = cli({QStringLiteral("cameras"), QStringLiteral("import"), project, out.fileName()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("import"), project, sim + QStringLiteral("/anpr-standard.csv")}).code,
                 0);
        r = cli({QStringLiteral("flows"), project, QStringLiteral("--through"), QStringLiteral("--purpose"),
                 QStringLiteral("test"), QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("through.csv"))});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("cordon-in")) && r.err.contains(QLatin1String("roles")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("through.csv"))));
        r = cli({QStringLiteral("flows"), project, QStringLiteral("--purpose"), QStringLiteral("test"),
                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("noroles-all.csv"))});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("unknown (no cameras with the cordon roles)")),
                 qPrintable(r.err));
        // The report says so too, and counts (per read, whatever trip) never take --through.
        r = cli({QStringLiteral("report"), project, QStringLiteral("--through"), QStringLiteral("--purpose"),
                 QStringLiteral("test"), QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("noroles.pdf"))});
        QCOMPARE(r.code, 3);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("noroles.pdf"))));
        r = cli({QStringLiteral("counts"), project, QStringLiteral("--through"), QStringLiteral("--purpose"),
                 QStringLiteral("test"), QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("noroles-counts.csv"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--through is for flows")), qPrintable(r.err));
    }

    /** flows --per day|hour: one long table; per-day cells add up to the whole period's (exact, k = 1). */
    void flowsPerPeriod() {
        const QString sim = m_dir.filePath(QStringLiteral("sim-periods"));
        const QString project =
            simulatedProject(QStringLiteral("sim-periods"), QStringLiteral("periods.gpkg"), 10000, 2);
        QVERIFY(!project.isEmpty());
        auto lines = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly)
                       ? QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                       : QStringList();
        };
        const QString whole = m_dir.filePath(QStringLiteral("whole.csv")),
                      days = m_dir.filePath(QStringLiteral("days.csv")),
                      hours = m_dir.filePath(QStringLiteral("hours.csv"));
        const QStringList exact{QStringLiteral("--exact"), QStringLiteral("-k"), QStringLiteral("1"),
                                QStringLiteral("--purpose"), QStringLiteral("test")};
        Result r = cli(QStringList{QStringLiteral("flows"), project, QStringLiteral("--out"), whole} + exact);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(QStringList{QStringLiteral("flows"), project, QStringLiteral("--per"), QStringLiteral("day"),
                            QStringLiteral("--out"), days} +
                exact);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList perDay = lines(days);
        QCOMPARE(perDay.first(), QStringLiteral("origin,destination,period,trips"));
        QHash<QString, qint64> sum;
        QSet<QString> periods;
        for (const QString& line : perDay.mid(1)) {
            const QStringList c = line.split(QLatin1Char(','));
            sum[c[0] + QLatin1Char(',') + c[1]] += c[3].toLongLong();
            periods.insert(c[2]);
            QVERIFY2(QDate::fromString(c[2], Qt::ISODate).isValid(), qPrintable(c[2]));
        }
        QVERIFY(periods.size() >= 2);
        const QStringList total = lines(whole);
        QCOMPARE(sum.size(), total.size() - 1);
        for (const QString& line : total.mid(1))
            QCOMPARE(sum.value(line.section(QLatin1Char(','), 0, 1)),
                     line.section(QLatin1Char(','), 2, 2).toLongLong());
        // Per hour, released (k = 10, perturbed): local hours within the filter, each cell on its own.
        r = cli({QStringLiteral("flows"), project, QStringLiteral("--per"), QStringLiteral("hour"),
                 QStringLiteral("--hours"), QStringLiteral("7-9"), QStringLiteral("--purpose"),
                 QStringLiteral("test"), QStringLiteral("--out"), hours});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList perHour = lines(hours);
        QVERIFY(perHour.size() > 5);
        const QRegularExpression hour(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T0[78]:00$"));
        for (const QString& line : perHour.mid(1)) {
            const QStringList c = line.split(QLatin1Char(','));
            QVERIFY2(hour.match(c[2]).hasMatch(), qPrintable(line));
            QVERIFY2(c[3].toLongLong() >= 8, qPrintable(line)); // ≥ k vehicles, less at most the noise
        }
        // A long table has no map: a vector file is refused, and so is a word --per does not know.
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--per"), QStringLiteral("day"),
                      QStringLiteral("--purpose"), QStringLiteral("test"), QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("days.gpkg"))})
                     .code,
                 2);
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--per"), QStringLiteral("week"),
                      QStringLiteral("--purpose"), QStringLiteral("test"), QStringLiteral("--out"), days})
                     .code,
                 2);
    }

    /**
     * compare (issue 14): the CSV contract, the period's released figures per day, the audit record; the
     * periods given wrong are refused (exit 2) and nothing is written.
     */
    void compareContract() {
        const QString project =
            simulatedProject(QStringLiteral("sim-compare"), QStringLiteral("compare.gpkg"), 6000, 8,
                             {QStringLiteral("--cameras"), QStringLiteral("40")});
        QVERIFY(!project.isEmpty());
        const QString out = m_dir.filePath(QStringLiteral("compare.csv")),
                      week = m_dir.filePath(QStringLiteral("week.csv"));
        const QStringList common{QStringLiteral("--purpose"), QStringLiteral("evaluation"),
                                 QStringLiteral("--names")};
        Result r = cli(QStringList{QStringLiteral("compare"), project, QStringLiteral("--before"),
                                   QStringLiteral("2026-03-02/2026-03-05"), QStringLiteral("--after"),
                                   QStringLiteral("2026-03-06/2026-03-09"), QStringLiteral("--out"), out} +
                       common);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("changed significantly")), qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("origin,destination,before,after,change,change_pct,significant,"
                                "origin_name,destination_name"));
        QVERIFY(lines.size() > 20);
        // before = the released figure of flows over the same days, per day (4 days with data).
        r = cli({QStringLiteral("flows"), project, QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                 QStringLiteral("--to"), QStringLiteral("2026-03-05"), QStringLiteral("--purpose"),
                 QStringLiteral("evaluation"), QStringLiteral("--out"), week});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile w(week);
        QVERIFY(w.open(QIODevice::ReadOnly));
        QHash<QString, double> released;
        for (const QString& line :
             QString::fromUtf8(w.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1))
            released[line.section(QLatin1Char(','), 0, 1)] = line.section(QLatin1Char(','), 2, 2).toDouble();
        int both = 0;
        for (const QString& line : lines.mid(1)) {
            const QStringList c = line.split(QLatin1Char(','));
            QVERIFY2(c.size() == 9, qPrintable(line));
            QVERIFY(c[6] == QLatin1String("true") || c[6] == QLatin1String("false"));
            const QString key = c[0] + QLatin1Char(',') + c[1];
            QCOMPARE(c[2].isEmpty(), !released.contains(key));
            if (!c[2].isEmpty())
                QVERIFY2(std::fabs(c[2].toDouble() - released[key] / 4) < 0.051, qPrintable(line));
            if (!c[2].isEmpty() && !c[3].isEmpty()) {
                ++both;
                QVERIFY(std::fabs(c[4].toDouble() - (c[3].toDouble() - c[2].toDouble())) < 0.11);
            } else {
                QVERIFY(c[4].isEmpty() && c[5].isEmpty());
            }
        }
        QVERIFY(both > 10);
        {
            stroom::sql::Database db;
            db.open(project, stroom::sql::Database::Mode::ReadOnly);
            auto st = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'compare' AND purpose = "
                                 "'evaluation' AND layer = 'L2'");
            QVERIFY(st.step());
            QCOMPARE(st.int64(0), 1);
        }
        // Overlapping periods, a period too short, --from instead of a period, a bad period: exit 2.
        const QString none = m_dir.filePath(QStringLiteral("none.csv"));
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--before"), QStringLiteral("2026-03-02/2026-03-06"),
                          QStringLiteral("--after"), QStringLiteral("2026-03-06/2026-03-09")},
              QStringList{QStringLiteral("--before"), QStringLiteral("2026-03-02/2026-03-03"),
                          QStringLiteral("--after"), QStringLiteral("2026-03-06/2026-03-09")},
              QStringList{QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--after"),
                          QStringLiteral("2026-03-06/2026-03-09")},
              QStringList{QStringLiteral("--before"), QStringLiteral("2026-03-02"), QStringLiteral("--after"),
                          QStringLiteral("2026-03-06/2026-03-09")}}) {
            r = cli(QStringList{QStringLiteral("compare"), project, QStringLiteral("--out"), none} + bad +
                    common);
            QVERIFY2(r.code == 2, qPrintable(r.err));
            QVERIFY(!QFile::exists(none));
        }
    }

    /**
     * counts --by city --per day: distinct vehicles over every camera equal an independent count of the
     * export's pseudonyms per local day (exact), and stay within the noise when released; per camera
     * likewise.
     */
    /**
     * Linked data (issue 14): flows and counts as Turtle and JSON-LD. Two independent parsers read them
     * (rapper for Turtle, rdflib for JSON-LD and Turtle): the two files are the same graph, the cameras are
     * OSLO ANPR cameras, and the observations carry exactly the released figures of the CSV.
     */
    void linkedData() {
        const QString project =
            simulatedProject(QStringLiteral("sim-rdf"), QStringLiteral("rdf.gpkg"), 2000, 1);
        QVERIFY(!project.isEmpty());
        const QString purpose = QStringLiteral("open data");
        const auto out = [&](const char* name) {
            return m_dir.filePath(QStringLiteral("rdf-") + QLatin1String(name));
        };
        for (const char* name : {"od.csv", "od.ttl", "od.jsonld"})
            QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--out"), out(name),
                          QStringLiteral("--purpose"), purpose})
                         .code,
                     0);
        QCOMPARE(cli({QStringLiteral("counts"), project, QStringLiteral("--per"), QStringLiteral("day"),
                      QStringLiteral("--out"), out("counts.csv"), QStringLiteral("--purpose"), purpose})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("counts"), project, QStringLiteral("--per"), QStringLiteral("day"),
                      QStringLiteral("--out"), out("counts.ttl"), QStringLiteral("--purpose"), purpose,
                      QStringLiteral("--base"), QStringLiteral("https://data.gent.be/anpr/")})
                     .code,
                 0);
        // rapper validates the Turtle.
        for (const char* name : {"od.ttl", "counts.ttl"}) {
            QProcess rapper;
            rapper.start(QStringLiteral("rapper"),
                         {QStringLiteral("-i"), QStringLiteral("turtle"), QStringLiteral("-c"), out(name)});
            QVERIFY2(rapper.waitForFinished(60000), "rapper (raptor2-utils) did not run");
            const QByteArray said = rapper.readAllStandardError();
            QVERIFY2(rapper.exitCode() == 0 && said.contains("returned"), said.constData());
        }
        // rdflib reads both syntaxes: the same graph, and the OD cells as the CSV has them.
        QProcess py;
        py.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(STROOM_TEST_DATA_DIR "/../cli/rdfcheck.py"), out("od.ttl"), out("od.jsonld")});
        QVERIFY2(py.waitForFinished(120000), "python3-rdflib did not run");
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        QStringList lines =
            QString::fromUtf8(py.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 2);
        QVERIFY2(lines.takeFirst().endsWith(QLatin1String(" same")), "Turtle and JSON-LD differ");
        const QString cameras = lines.takeFirst();
        QFile csv(out("od.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QStringList expected =
            QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
        expected.sort();
        QSet<QString> places; // every camera of the released cells, typed and placed
        for (const QString& row : expected)
            places << row.section(QLatin1Char(','), 0, 0) << row.section(QLatin1Char(','), 1, 1);
        QCOMPARE(cameras, QStringLiteral("cameras %1").arg(places.size()));
        lines.sort();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(lines, expected);
        // Counts: one passages observation per released row.
        QFile ttl(out("counts.ttl")), counts(out("counts.csv"));
        QVERIFY(ttl.open(QIODevice::ReadOnly) && counts.open(QIODevice::ReadOnly));
        const QByteArray graph = ttl.readAll();
        QCOMPARE(graph.count("sosa:observedProperty stroom:passages"), counts.readAll().count('\n') - 1);
        QVERIFY(graph.contains("<https://data.gent.be/anpr/camera:"));
        // Other tables are not linked data; a base that is no IRI is said so.
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--per"), QStringLiteral("day"),
                      QStringLiteral("--out"), out("per.ttl"), QStringLiteral("--purpose"), purpose})
                     .code,
                 2);
        QVERIFY(!QFile::exists(out("per.ttl")));
        QCOMPARE(cli({QStringLiteral("flows"), project, QStringLiteral("--out"), out("bad.ttl"),
                      QStringLiteral("--purpose"), purpose, QStringLiteral("--base"),
                      QStringLiteral("not an iri")})
                     .code,
                 2);
    }

    void uniqueVehiclesPerDay() {
        const QString sim = m_dir.filePath(QStringLiteral("sim-unique"));
        const QString project =
            simulatedProject(QStringLiteral("sim-unique"), QStringLiteral("unique.gpkg"), 3000, 2);
        QVERIFY(!project.isEmpty());
        // The independent count: pseudonyms per local (Brussels) day, and per camera and day, from the
        // export, with DESIGN §5.1's duplicates dropped (an earlier read of the pseudonym at the same camera
        // within 60 s).
        QHash<QString, QSet<QString>> perDay, atCamera;
        {
            QFile f(sim + QStringLiteral("/anpr-standard.csv"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QList<QByteArray> header = f.readLine().trimmed().split(',');
            const int t = header.indexOf("timestamp"), cam = header.indexOf("camera_id"),
                      who = header.indexOf("plate_hash");
            QVERIFY(t >= 0 && cam >= 0 && who >= 0);
            struct Read {
                qint64 t;
                int order;
                QString camera;
            };
            QHash<QString, QVector<Read>> byPseudonym;
            int order = 0;
            while (!f.atEnd()) {
                const QList<QByteArray> c = f.readLine().trimmed().split(',');
                byPseudonym[QString::fromLatin1(c[who])].append(
                    Read{QDateTime::fromString(QString::fromLatin1(c[t]), Qt::ISODate).toSecsSinceEpoch(),
                         order++, QString::fromLatin1(c[cam])});
            }
            const QTimeZone brussels("Europe/Brussels");
            for (auto it = byPseudonym.begin(); it != byPseudonym.end(); ++it) {
                QVector<Read>& reads = *it;
                std::sort(reads.begin(), reads.end(), [](const Read& a, const Read& b) {
                    return a.t != b.t ? a.t < b.t : a.order < b.order;
                });
                for (int i = 0; i < reads.size(); ++i) {
                    bool duplicate = false;
                    for (int j = i - 1; j >= 0 && reads[i].t - reads[j].t <= 60; --j)
                        duplicate = duplicate || reads[j].camera == reads[i].camera;
                    if (duplicate)
                        continue;
                    const QString day =
                        QDateTime::fromSecsSinceEpoch(reads[i].t, brussels).date().toString(Qt::ISODate);
                    perDay[day].insert(it.key());
                    atCamera[reads[i].camera + QLatin1Char('|') + day].insert(it.key());
                }
            }
        }
        QVERIFY(perDay.size() >= 2); // two days, and what crosses midnight into a third
        auto read = [](const QString& path, QString* header) {
            QFile f(path);
            QHash<QString, qint64> rows;
            if (!f.open(QIODevice::ReadOnly))
                return rows;
            *header = QString::fromUtf8(f.readLine().trimmed());
            while (!f.atEnd()) {
                const QString line = QString::fromUtf8(f.readLine().trimmed());
                rows.insert(line.section(QLatin1Char(','), 0, -2),
                            line.section(QLatin1Char(','), -1).toLongLong());
            }
            return rows;
        };
        const QString exact = m_dir.filePath(QStringLiteral("city-exact.csv")),
                      released = m_dir.filePath(QStringLiteral("city.csv"));
        Result r = cli({QStringLiteral("counts"), project, QStringLiteral("--by"), QStringLiteral("city"),
                        QStringLiteral("--per"), QStringLiteral("day"), QStringLiteral("--exact"),
                        QStringLiteral("--purpose"), QStringLiteral("test"), QStringLiteral("--out"), exact});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString header;
        const QHash<QString, qint64> city = read(exact, &header);
        QCOMPARE(header, QStringLiteral("period,vehicles"));
        // Every day with k (10) vehicles or more, exactly; a day under k is left out, never shown small.
        for (auto it = perDay.cbegin(); it != perDay.cend(); ++it)
            QCOMPARE(city.value(it.key(), -1), it->size() >= 10 ? static_cast<qint64>(it->size()) : -1);
        r = cli({QStringLiteral("counts"), project, QStringLiteral("--by"), QStringLiteral("city"),
                 QStringLiteral("--per"), QStringLiteral("day"), QStringLiteral("--purpose"),
                 QStringLiteral("test"), QStringLiteral("--out"), released});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QHash<QString, qint64> cityReleased = read(released, &header);
        for (auto it = city.cbegin(); it != city.cend(); ++it)
            QVERIFY(std::abs(cityReleased.value(it.key()) - *it) <= 2);
        // Per camera: camera,period,vehicles, each camera-day as counted.
        const QString cameras = m_dir.filePath(QStringLiteral("cameras-distinct.csv"));
        r = cli({QStringLiteral("counts"), project, QStringLiteral("--distinct"), QStringLiteral("--per"),
                 QStringLiteral("day"), QStringLiteral("--exact"), QStringLiteral("--purpose"),
                 QStringLiteral("test"), QStringLiteral("--out"), cameras});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QHash<QString, qint64> perCamera = read(cameras, &header);
        QCOMPARE(header, QStringLiteral("camera,period,vehicles"));
        QVERIFY(perCamera.size() > 100);
        for (auto it = perCamera.cbegin(); it != perCamera.cend(); ++it) {
            const QString key = it.key().section(QLatin1Char(','), 0, 0) + QLatin1Char('|') +
                                it.key().section(QLatin1Char(','), 1, 1);
            QCOMPARE(*it, static_cast<qint64>(atCamera.value(key).size()));
        }
        // Bad words are named.
        r = cli({QStringLiteral("counts"), project, QStringLiteral("--by"), QStringLiteral("street"),
                 QStringLiteral("--purpose"), QStringLiteral("test"), QStringLiteral("--out"), released});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--by is camera or city")));
    }

    /** counts --profile: the typical day per camera is the median of the hourly counts, weekdays and weekends
     * apart. */
    void typicalDayProfile() {
        const QString sim = m_dir.filePath(QStringLiteral("sim-profile"));
        const QString project =
            simulatedProject(QStringLiteral("sim-profile"), QStringLiteral("profile.gpkg"), 2000, 4,
                             {QStringLiteral("--start"),
                              QStringLiteral("2026-03-05")}); // Thursday to Sunday: weekdays and a weekend
        QVERIFY(!project.isEmpty());
        const QStringList exact{QStringLiteral("--exact"), QStringLiteral("-k"), QStringLiteral("1"),
                                QStringLiteral("--purpose"), QStringLiteral("test")};
        const QString hourly = m_dir.filePath(QStringLiteral("hourly.csv")),
                      profile = m_dir.filePath(QStringLiteral("profile.csv"));
        QCOMPARE(
            cli(QStringList{QStringLiteral("counts"), project, QStringLiteral("--out"), hourly} + exact).code,
            0);
        Result r = cli(QStringList{QStringLiteral("counts"), project, QStringLiteral("--profile"),
                                   QStringLiteral("--out"), profile} +
                       exact);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The independent median: passages per camera and local hour (classes summed), grouped by day type.
        QHash<QString, qint64> perHour;
        {
            QFile f(hourly);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readLine().trimmed(),
                     QByteArray("camera,period,vehicle_class,passages,vehicles,source"));
            while (!f.atEnd()) {
                const QList<QByteArray> c = f.readLine().trimmed().split(',');
                perHour[QString::fromLatin1(c[0] + ',' + c[1])] += c[3].toLongLong();
            }
        }
        QHash<QString, QVector<qint64>> groups;
        for (auto it = perHour.cbegin(); it != perHour.cend(); ++it) {
            const QString camera = it.key().section(QLatin1Char(','), 0, 0);
            const QDateTime at = QDateTime::fromString(it.key().section(QLatin1Char(','), 1, 1), Qt::ISODate);
            const QString type =
                at.date().dayOfWeek() >= 6 ? QStringLiteral("weekend") : QStringLiteral("weekday");
            groups[QStringLiteral("%1,%2,%3").arg(camera, type).arg(at.time().hour())].append(*it);
        }
        QFile f(profile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine().trimmed(), QByteArray("camera,day_type,hour,median_passages,days"));
        int rows = 0, weekend = 0;
        while (!f.atEnd()) {
            const QStringList c = QString::fromUtf8(f.readLine().trimmed()).split(QLatin1Char(','));
            QVector<qint64> v = groups.value(c[0] + QLatin1Char(',') + c[1] + QLatin1Char(',') + c[2]);
            QVERIFY2(!v.isEmpty(), qPrintable(c.join(QLatin1Char(','))));
            std::sort(v.begin(), v.end());
            const double median =
                v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
            QCOMPARE(c[3].toDouble(), median);
            QCOMPARE(c[4].toInt(), v.size());
            weekend += c[1] == QLatin1String("weekend");
            ++rows;
        }
        QCOMPARE(rows, groups.size());
        QVERIFY(weekend > 0 && weekend < rows);
    }

    void rejectedInputIsThreeStoreProblemIsFour() {
        const QString project = m_dir.filePath(QStringLiteral("q.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
        Result r = cli({QStringLiteral("cameras"), QStringLiteral("import"), project,
                        m_dir.filePath(QStringLiteral("none.csv"))});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QLatin1String("none.csv")));
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("camera_id,lon,lat\nA,3.7,51.0\n,3.8,51.1\n");
        f.close();
        r = cli({QStringLiteral("cameras"), QStringLiteral("import"), project, bad});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("bad.csv line 3")), qPrintable(r.err));
        r = cli({QStringLiteral("cameras"), QStringLiteral("import"),
                 m_dir.filePath(QStringLiteral("noproject.gpkg")), bad});
        QCOMPARE(r.code, 4);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "testcli.moc"
