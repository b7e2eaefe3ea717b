// stroom-edge (issue 16): the privacy-proof camera. Its aggregates equal Stroom's exact figures on the same
// reads; nothing identifying is ever written or logged; a killed run loses at most the open interval and
// leaves no half file; lines arrive over TCP and from a real MQTT broker.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace {

struct Result {
    int code = -1;
    QByteArray out, err;
};

Result run(const QString& program, const QStringList& args, const QByteArray& input = QByteArray()) {
    QProcess p;
    p.start(program, args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** Rows of a CSV file as header → value maps. */
QList<QMap<QString, QString>> rows(const QString& path) {
    QList<QMap<QString, QString>> out;
    const QList<QByteArray> lines = readAll(path).split('\n');
    if (lines.isEmpty())
        return out;
    const QList<QByteArray> header = lines.first().split(',');
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QList<QByteArray> f = lines[i].split(',');
        QMap<QString, QString> r;
        for (int c = 0; c < header.size() && c < f.size(); ++c)
            r.insert(QString::fromUtf8(header[c]), QString::fromUtf8(f[c]));
        out << r;
    }
    return out;
}

/** The reads of a simulation, sorted by time as a camera feed sends them (header first). */
QByteArray sortedPlates(const QString& file) {
    QList<QByteArray> lines = readAll(file).split('\n');
    const QByteArray header = lines.takeFirst();
    lines.removeAll(QByteArray());
    std::stable_sort(lines.begin(), lines.end(),
                     [](const QByteArray& a, const QByteArray& b) { return a.left(20) < b.left(20); });
    return header + '\n' + lines.join('\n') + '\n';
}

int freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestEdge : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sim;
    QByteArray m_feed;

private slots:
    void initTestCase() {
        m_sim = m_dir.filePath(QStringLiteral("sim"));
        const Result r = run(QStringLiteral(STROOM_CLI),
                             {QStringLiteral("simulate"), QStringLiteral("--out"), m_sim,
                              QStringLiteral("--vehicles"), QStringLiteral("2500"), QStringLiteral("--days"),
                              QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("plates")});
        QVERIFY2(r.code == 0, r.err.constData());
        m_feed = sortedPlates(m_sim + QStringLiteral("/anpr-plates.csv"));
        QVERIFY(m_feed.count('\n') > 20000);
    }

    /** Counts equal Stroom's exact counts cell by cell; pair flows equal Stroom's exact OD pair by pair. */
    void fidelity() {
        const QString out = m_dir.filePath(QStringLiteral("exact"));
        Result r = run(QStringLiteral(STROOM_EDGE),
                       {QStringLiteral("--out"), out, QStringLiteral("--interval"), QStringLiteral("60"),
                        QStringLiteral("--exact"), QStringLiteral("--k"), QStringLiteral("1"),
                        QStringLiteral("--cameras"), m_sim + QStringLiteral("/cameras.csv")},
                       m_feed);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("0 bad lines, 0 late"), r.err.constData());
        // Stroom, on the same reads, pseudonymised on import with the same key periods.
        const QString p = m_dir.filePath(QStringLiteral("p.gpkg"));
        const QString cli = QStringLiteral(STROOM_CLI);
        QCOMPARE(run(cli, {QStringLiteral("init"), p}).code, 0);
        QCOMPARE(run(cli, {QStringLiteral("cameras"), QStringLiteral("import"), p,
                           m_sim + QStringLiteral("/cameras.csv")})
                     .code,
                 0);
        r = run(cli, {QStringLiteral("import"), p, m_sim + QStringLiteral("/anpr-plates.csv"),
                      QStringLiteral("--pseudonymise")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString counts = m_dir.filePath(QStringLiteral("counts.csv")),
                      od = m_dir.filePath(QStringLiteral("od.csv"));
        for (const QStringList& cmd :
             {QStringList{QStringLiteral("counts"), p, QStringLiteral("--per"), QStringLiteral("hour"),
                          QStringLiteral("--out"), counts},
              QStringList{QStringLiteral("flows"), p, QStringLiteral("--out"), od}}) {
            r = run(cli,
                    cmd + QStringList{QStringLiteral("--exact"), QStringLiteral("--k"), QStringLiteral("1"),
                                      QStringLiteral("--purpose"), QStringLiteral("edge fidelity")});
            QVERIFY2(r.code == 0, r.err.constData());
        }
        const QTimeZone brussels("Europe/Brussels");
        std::map<QString, QString> edgeCounts, stroomCounts;
        const QStringList files = QDir(out).entryList({QStringLiteral("counts-*.csv")});
        QVERIFY(files.size() >= 40);
        for (const QString& f : files)
            for (const auto& row : rows(QDir(out).filePath(f))) {
                const QString hour =
                    QDateTime::fromString(row.value(QStringLiteral("period_start")), Qt::ISODate)
                        .toTimeZone(brussels)
                        .toString(QStringLiteral("yyyy-MM-dd'T'HH:00"));
                edgeCounts[row.value(QStringLiteral("camera_id")) + QLatin1Char(' ') + hour +
                           QLatin1Char(' ') + row.value(QStringLiteral("vehicle_class"))] =
                    row.value(QStringLiteral("passages")) + QLatin1Char('/') +
                    row.value(QStringLiteral("vehicles"));
                QCOMPARE(row.value(QStringLiteral("release")), QStringLiteral("exact k=1"));
            }
        for (const auto& row : rows(counts))
            stroomCounts[row.value(QStringLiteral("camera")) + QLatin1Char(' ') +
                         row.value(QStringLiteral("period")) + QLatin1Char(' ') +
                         row.value(QStringLiteral("vehicle_class"))] = row.value(QStringLiteral("passages")) +
                                                                       QLatin1Char('/') +
                                                                       row.value(QStringLiteral("vehicles"));
        QVERIFY(stroomCounts.size() > 5000);
        QCOMPARE(edgeCounts.size(), stroomCounts.size());
        QVERIFY(edgeCounts == stroomCounts);
        // Trips that ended in each interval, summed over all of them: Stroom's OD over the whole period.
        std::map<QString, qint64> edgeOd, stroomOd;
        for (const QString& f : QDir(out).entryList({QStringLiteral("pairflows-*.csv")}))
            for (const auto& row : rows(QDir(out).filePath(f)))
                edgeOd[row.value(QStringLiteral("from_camera")) + QLatin1Char('>') +
                       row.value(QStringLiteral("to_camera"))] +=
                    row.value(QStringLiteral("vehicles")).toLongLong();
        for (const auto& row : rows(od))
            stroomOd[row.value(QStringLiteral("origin")) + QLatin1Char('>') +
                     row.value(QStringLiteral("destination"))] =
                row.value(QStringLiteral("trips")).toLongLong();
        QVERIFY(stroomOd.size() > 1000);
        QVERIFY(edgeOd == stroomOd);
        // Stroom takes the edge's files as they are.
        const QString q = m_dir.filePath(QStringLiteral("q.gpkg"));
        QCOMPARE(run(cli, {QStringLiteral("init"), q}).code, 0);
        QStringList args{QStringLiteral("import"), q};
        for (const QString& f : QDir(out).entryList({QStringLiteral("*.csv")}))
            args << QDir(out).filePath(f);
        r = run(cli, args);
        QVERIFY2(r.code == 0, r.err.constData());
    }

    /** No plate, hash, key or per-vehicle value in any byte written: files, stdout, stderr; bad lines too. */
    void nothingIdentifyingIsWritten() {
        QByteArray feed = m_feed;
        // Bad lines that hold plates: counted with their line number, never echoed.
        feed.insert(feed.indexOf('\n') + 1, "not-a-time,C001,9-ZZZ-999,car,BE\n"
                                            "2026-03-02T07:00:00Z,,8-YYY-888,car,BE\n"
                                            "just 7-XXX-777 and nothing else\n");
        const QString out = m_dir.filePath(QStringLiteral("private"));
        const Result r = run(QStringLiteral(STROOM_EDGE), {QStringLiteral("--out"), out}, feed);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("line 2 skipped") && r.err.contains("line 4 skipped"), r.err.constData());
        QByteArray written = r.out + r.err;
        for (const QString& f : QDir(out).entryList(QDir::Files | QDir::Hidden)) {
            QVERIFY2(!f.startsWith(QLatin1Char('.')), qPrintable(f)); // no temporary file left
            written += readAll(QDir(out).filePath(f));
        }
        QVERIFY(written.size() > 1000);
        // Every plate of the feed (and the bad lines'), as written and normalised.
        QSet<QByteArray> plates{"9-ZZZ-999", "8-YYY-888", "7-XXX-777", "9ZZZ999", "8YYY888", "7XXX777"};
        for (const QByteArray& line : m_feed.split('\n')) {
            const QList<QByteArray> f = line.split(',');
            if (f.size() > 2 && f[2] != "plate") {
                plates << f[2];
                plates << QByteArray(f[2]).replace('-', "");
            }
        }
        QVERIFY(plates.size() > 1000);
        for (const QByteArray& plate : plates)
            QVERIFY2(!written.contains(plate), plate.constData());
        // Nothing hash- or key-like: no run of 16 or more hex digits, no base64 blob.
        QVERIFY(!QRegularExpression(QStringLiteral("[0-9a-fA-F]{16,}"))
                     .match(QString::fromLatin1(written))
                     .hasMatch());
        QVERIFY(!QRegularExpression(QStringLiteral("[A-Za-z0-9+/]{22,}={0,2}"))
                     .match(QString::fromLatin1(written))
                     .hasMatch());
        // Nothing per vehicle: every released cell stands for at least k = 10 vehicles.
        int released = 0;
        for (const QString& f : QDir(out).entryList({QStringLiteral("counts-*.csv")}))
            for (const auto& row : rows(QDir(out).filePath(f))) {
                QVERIFY(row.value(QStringLiteral("vehicles")).toInt() >= 10);
                QCOMPARE(row.value(QStringLiteral("release")), QStringLiteral("ckm k=10"));
                ++released;
            }
        QVERIFY(released > 50);
        // Intervals where every cell was under k give files with a header only: Stroom takes them too.
        int empty = 0;
        QStringList args{QStringLiteral("import"), m_dir.filePath(QStringLiteral("private.gpkg"))};
        for (const QString& f : QDir(out).entryList({QStringLiteral("*.csv")})) {
            args << QDir(out).filePath(f);
            empty += rows(QDir(out).filePath(f)).isEmpty() ? 1 : 0;
        }
        QVERIFY(empty > 10);
        QCOMPARE(run(QStringLiteral(STROOM_CLI), {QStringLiteral("init"), args[1]}).code, 0);
        const Result imported = run(QStringLiteral(STROOM_CLI), args);
        QVERIFY2(imported.code == 0, imported.err.constData());
    }

    /** Killed (-9) mid-stream: every file there is whole; a restart says it has a new key, cleans up, goes
     * on. */
    void killedLosesAtMostTheOpenInterval() {
        const QString out = m_dir.filePath(QStringLiteral("killed"));
        QDir().mkpath(out);
        QFile stale(QDir(out).filePath(QStringLiteral(".counts-20260302T0000Z.csv.tmp")));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("camera_id,period_start\nC001,2026"); // what a kill mid-write leaves
        stale.close();
        const int port = freePort();
        QProcess edge;
        edge.setProcessChannelMode(QProcess::SeparateChannels);
        edge.start(QStringLiteral(STROOM_EDGE), {QStringLiteral("--out"), out, QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY(edge.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(edge.readAllStandardError().contains("listening") || QFile::exists(out),
                                 10000);
        QTcpSocket s;
        for (int i = 0; i < 50 && s.state() != QAbstractSocket::ConnectedState; ++i) {
            s.abort();
            s.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
            if (!s.waitForConnected(200))
                QTest::qWait(100);
        }
        QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
        QVERIFY(!stale.exists()); // the stale temporary file is gone at start
        // The first day and a half: intervals close as stream time moves on.
        const QByteArray part = m_feed.left(m_feed.size() * 3 / 4);
        s.write(part.left(part.lastIndexOf('\n') + 1));
        QVERIFY(s.waitForBytesWritten(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QDir(out).entryList({QStringLiteral("counts-*.csv")}).size() > 20, 20000);
        edge.kill(); // SIGKILL
        QVERIFY(edge.waitForFinished(10000));
        // Every file present is whole: its header, then rows of seven fields, ending in a line end.
        const QStringList files = QDir(out).entryList({QStringLiteral("*.csv")});
        for (const QString& f : files) {
            const QByteArray text = readAll(QDir(out).filePath(f));
            QVERIFY2(text.endsWith('\n'), qPrintable(f));
            for (const QByteArray& line : text.split('\n'))
                QVERIFY2(line.isEmpty() || line.count(',') == 6, qPrintable(f));
        }
        // An interval is complete when its counts file is there: its flows are there too.
        for (const QString& f : QDir(out).entryList({QStringLiteral("counts-*.csv")}))
            QVERIFY2(QFile::exists(QDir(out).filePath(
                         QString(f).replace(QLatin1String("counts-"), QLatin1String("pairflows-")))),
                     qPrintable(f));
        // A restart starts a new key and says so.
        const Result again = run(QStringLiteral(STROOM_EDGE), {QStringLiteral("--out"), out},
                                 QByteArray("timestamp,camera_id,plate\n"));
        QCOMPARE(again.code, 0);
        QVERIFY(again.err.contains("a new key in memory"));
    }

    /** Lines from a real MQTT broker (mosquitto, started here on localhost only). */
    void mqtt() {
        if (QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")})
                .isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("mosquitto_pub")).isEmpty())
            QFAIL("mosquitto and mosquitto_pub are needed (packaging/install-deps.sh installs them)");
        const int port = freePort();
        const QString conf = m_dir.filePath(QStringLiteral("mosquitto.conf"));
        QFile c(conf);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\npersistence false\n")
                    .arg(port)
                    .toUtf8());
        c.close();
        QProcess broker;
        broker.start(
            QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}),
            {QStringLiteral("-c"), conf});
        QVERIFY(broker.waitForStarted());
        QTcpSocket probe;
        for (int i = 0; i < 50 && probe.state() != QAbstractSocket::ConnectedState; ++i) {
            probe.abort();
            probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
            if (!probe.waitForConnected(100))
                QTest::qWait(100);
        }
        QCOMPARE(probe.state(), QAbstractSocket::ConnectedState);
        probe.close();
        const QString out = m_dir.filePath(QStringLiteral("mqtt"));
        QProcess edge;
        edge.start(QStringLiteral(STROOM_EDGE),
                   {QStringLiteral("--out"), out, QStringLiteral("--mqtt"),
                    QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--topic"),
                    QStringLiteral("city/anpr"), QStringLiteral("--exact"), QStringLiteral("--k"),
                    QStringLiteral("1"), QStringLiteral("--interval"), QStringLiteral("60")});
        QVERIFY(edge.waitForStarted());
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += edge.readAllStandardError()).contains("subscribed"), 10000);
        // The first day, one message per line.
        const QByteArray day = m_feed.left(m_feed.indexOf("T00:", m_feed.indexOf("2026-03-03")));
        // Messages of 500 lines (a camera gateway batches its reads), sent one after the other: the edge
        // splits each payload into lines. (One message per line, `mosquitto_pub -l`, lost messages now and
        // then on a loaded CI machine; what the broker delivers is checked below, line by line.)
        const QList<QByteArray> lines = day.mid(day.indexOf('\n') + 1).split('\n');
        qint64 sent = 0;
        for (int from = 0; from < lines.size(); from += 500) {
            QByteArray chunk;
            for (int i = from; i < std::min<int>(from + 500, lines.size()); ++i)
                if (!lines[i].isEmpty()) {
                    chunk += lines[i] + '\n';
                    ++sent;
                }
            if (chunk.isEmpty())
                continue;
            const QString file = m_dir.filePath(QStringLiteral("mqtt-chunk.csv"));
            QFile cf(file);
            QVERIFY(cf.open(QIODevice::WriteOnly | QIODevice::Truncate));
            cf.write(chunk);
            cf.close();
            const Result pub = run(QStringLiteral("mosquitto_pub"),
                                   {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                    QString::number(port), QStringLiteral("-t"), QStringLiteral("city/anpr"),
                                    QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-f"), file});
            QCOMPARE(pub.code, 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(QDir(out).entryList({QStringLiteral("counts-*.csv")}).size() >= 20, 30000);
        edge.terminate(); // SIGTERM: what is complete is written, the open interval is dropped and said so
        QVERIFY(edge.waitForFinished(10000));
        log += edge.readAllStandardError();
        QVERIFY2(log.contains("stopped;") && log.contains(" 0 late"), log.constData());
        // Every line the broker was given reached the edge.
        QVERIFY2(log.contains(QByteArray("stroom-edge: ") + QByteArray::number(sent) + " lines"),
                 log.constData());
        // The passages of the hours written equal the reads the same lines give on stdin.
        const QString ref = m_dir.filePath(QStringLiteral("mqtt-ref"));
        QCOMPARE(run(QStringLiteral(STROOM_EDGE),
                     {QStringLiteral("--out"), ref, QStringLiteral("--exact"), QStringLiteral("--k"),
                      QStringLiteral("1"), QStringLiteral("--interval"), QStringLiteral("60")},
                     day)
                     .code,
                 0);
        for (const QString& f : QDir(out).entryList({QStringLiteral("*.csv")}))
            QCOMPARE(readAll(QDir(out).filePath(f)), readAll(QDir(ref).filePath(f)));
        broker.terminate();
        broker.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestEdge)
#include "testedge.moc"
