// stroom-edge: the privacy-proof camera's side (issue 16). Clear plates come in on stdin, TCP or MQTT; only
// released aggregates, per interval, go out as files that `stroom-cli import` takes as they are.
#include "common/helptext.h"
#include "edgeaggregator.h"
#include "edgewriter.h"

#include "common/bytesource.h"
#include "common/csvreader.h"
#include "common/error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <mosquitto.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace stroom;
using namespace stroom::edge;

namespace {

std::atomic_bool g_stop{false};

void onSignal(int) {
    g_stop = true;
}

QTextStream& err() {
    static QTextStream s(stderr);
    return s;
}

/** The register's camera ids (camera_id, or id, column of a CSV). */
QStringList registerIds(const QString& path) {
    ByteSource src(path);
    CsvReader csv(src);
    int column = -1;
    QStringList ids;
    while (csv.next() == CsvReader::Status::Record) {
        const auto& f = csv.fields();
        if (column < 0) {
            for (std::size_t i = 0; i < f.size(); ++i)
                if (f[i] == "camera_id" || f[i] == "id")
                    column = static_cast<int>(i);
            if (column < 0)
                throw Error::input(QStringLiteral("%1: no camera_id column").arg(path));
            continue;
        }
        if (static_cast<std::size_t>(column) < f.size() && !f[static_cast<std::size_t>(column)].empty())
            ids << QString::fromUtf8(f[static_cast<std::size_t>(column)].data(),
                                     static_cast<int>(f[static_cast<std::size_t>(column)].size()));
    }
    if (ids.isEmpty())
        throw Error::input(QStringLiteral("%1: no cameras in it").arg(path));
    return ids;
}

/** Feeds one line; says where a bad one is, never what it holds. */
void feed(EdgeAggregator& a, std::string_view line, const QString& where, qint64 lineNo) {
    QString why;
    if (a.addLine(line, &why) == EdgeAggregator::Line::Bad && a.stats().bad <= 20)
        err() << QStringLiteral("stroom-edge: %1line %2 skipped: %3%4\n")
                     .arg(where)
                     .arg(lineNo)
                     .arg(why, a.stats().bad == 20 ? QStringLiteral(" (further bad lines are only counted)")
                                                   : QString());
    err().flush();
}

std::int64_t peakKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/** Reads stdin in large blocks and splits lines itself (iostreams are the slow part otherwise). */
void runStdin(EdgeAggregator& a) {
    std::string buffer;
    std::vector<char> block(1 << 20);
    qint64 lineNo = 0;
    while (!g_stop) {
        const ssize_t n = ::read(0, block.data(), block.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        buffer.append(block.data(), static_cast<std::size_t>(n));
        std::size_t from = 0;
        for (std::size_t nl; (nl = buffer.find('\n', from)) != std::string::npos; from = nl + 1)
            feed(a, std::string_view(buffer).substr(from, nl - from), QString(), ++lineNo);
        buffer.erase(0, from);
    }
    if (!buffer.empty() && !g_stop)
        feed(a, buffer, QString(), ++lineNo);
    std::fill(buffer.begin(), buffer.end(), '\0');
}

/**
 * Live inputs: when the feed is live (its stream time within an hour of the clock), stream time also moves
 * with the clock, so a quiet night still closes its intervals. A replay of older reads moves by its own time.
 */
void advanceWithClock(EdgeAggregator& a) {
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    if (a.streamTime() != INT64_MIN && std::llabs(now - a.streamTime()) < 3600)
        a.advanceTo(now);
}

int runTcp(EdgeAggregator& a, const QString& listen) {
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    const QHostAddress host(listen.left(colon));
    const int port = listen.mid(colon + 1).toInt();
    if (colon < 0 || host.isNull() || port <= 0 || port > 65535)
        throw Error::usage(QStringLiteral("--listen HOST:PORT, e.g. 127.0.0.1:7700"));
    QTcpServer server;
    if (!server.listen(host, static_cast<quint16>(port)))
        throw Error::input(QStringLiteral("--listen %1: %2").arg(listen, server.errorString()));
    err()
        << QStringLiteral("stroom-edge: listening on %1:%2\n").arg(host.toString()).arg(server.serverPort());
    err().flush();
    int connection = 0;
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket* s = server.nextPendingConnection()) {
            const QString where = QStringLiteral("connection %1, ").arg(++connection);
            auto lineNo = std::make_shared<qint64>(0);
            QObject::connect(s, &QTcpSocket::readyRead, s, [&a, s, where, lineNo] {
                while (s->canReadLine()) {
                    QByteArray line = s->readLine();
                    feed(a, std::string_view(line.constData(), static_cast<std::size_t>(line.size())), where,
                         ++*lineNo);
                    line.fill('\0');
                }
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    QTimer clock;
    QObject::connect(&clock, &QTimer::timeout, [&] {
        if (g_stop)
            QCoreApplication::quit();
        advanceWithClock(a);
    });
    clock.start(200);
    return QCoreApplication::exec();
}

struct MqttState {
    EdgeAggregator* a;
    qint64 lineNo = 0;
};

int runMqtt(EdgeAggregator& a, const QString& broker, const QString& topic) {
    const int colon = broker.lastIndexOf(QLatin1Char(':'));
    const QByteArray host = broker.left(colon).toUtf8();
    const int port = colon < 0 ? 1883 : broker.mid(colon + 1).toInt();
    if (host.isEmpty() || port <= 0 || port > 65535 || topic.isEmpty())
        throw Error::usage(QStringLiteral("--mqtt HOST:PORT --topic TOPIC"));
    mosquitto_lib_init();
    MqttState state{&a};
    mosquitto* m = mosquitto_new(nullptr, true, &state);
    if (!m)
        throw Error::store(QStringLiteral("stroom-edge: the MQTT client could not be made"));
    mosquitto_message_callback_set(m, [](mosquitto*, void* obj, const mosquitto_message* msg) {
        auto* st = static_cast<MqttState*>(obj);
        std::string_view payload(static_cast<const char*>(msg->payload),
                                 static_cast<std::size_t>(msg->payloadlen));
        std::size_t from = 0;
        while (from < payload.size()) {
            const std::size_t nl = std::min(payload.find('\n', from), payload.size());
            feed(*st->a, payload.substr(from, nl - from), QStringLiteral("MQTT "), ++st->lineNo);
            from = nl + 1;
        }
    });
    const QByteArray t = topic.toUtf8();
    int rc = mosquitto_connect(m, host.constData(), port, 30);
    if (rc != MOSQ_ERR_SUCCESS) {
        mosquitto_destroy(m);
        mosquitto_lib_cleanup();
        throw Error::input(QStringLiteral("--mqtt %1: cannot connect: %2")
                               .arg(broker, QString::fromUtf8(mosquitto_strerror(rc))));
    }
    rc = mosquitto_subscribe(m, nullptr, t.constData(), 1);
    if (rc != MOSQ_ERR_SUCCESS)
        throw Error::input(QStringLiteral("--topic %1: cannot subscribe: %2")
                               .arg(topic, QString::fromUtf8(mosquitto_strerror(rc))));
    err() << QStringLiteral("stroom-edge: subscribed to %1 on %2\n").arg(topic, broker);
    err().flush();
    while (!g_stop) {
        rc = mosquitto_loop(m, 200, 1);
        if (rc != MOSQ_ERR_SUCCESS && !g_stop) {
            err() << QStringLiteral("stroom-edge: MQTT connection lost (%1); reconnecting\n")
                         .arg(QString::fromUtf8(mosquitto_strerror(rc)));
            err().flush();
            ::sleep(1);
            if (mosquitto_reconnect(m) == MOSQ_ERR_SUCCESS)
                mosquitto_subscribe(m, nullptr, t.constData(), 1);
        }
        advanceWithClock(a);
    }
    mosquitto_disconnect(m);
    mosquitto_destroy(m);
    mosquitto_lib_cleanup();
    return 0;
}

/** --bench FILE: the aggregator alone on lines already in memory; reads/s and the memory of its state. */
int bench(const EdgeOptions& o, const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::input(QStringLiteral("%1: %2").arg(file, f.errorString()));
    const QByteArray data = f.readAll();
    const std::int64_t baseKb = peakKb();
    std::int64_t intervals = 0;
    EdgeAggregator a(o, {}, [&](const EdgeInterval&) { ++intervals; });
    QElapsedTimer timer;
    timer.start();
    std::string_view all(data.constData(), static_cast<std::size_t>(data.size()));
    std::size_t from = 0;
    while (from < all.size()) {
        const std::size_t nl = std::min(all.find('\n', from), all.size());
        a.addLine(all.substr(from, nl - from));
        from = nl + 1;
    }
    a.finish();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const auto& s = a.stats();
    QTextStream out(stdout);
    out << QStringLiteral("edge bench: %1 reads in %2 s: %3 reads/s on one core; %4 intervals, %5 trips; "
                          "at most %6 vehicles held; memory beyond the input: %7 MB\n")
               .arg(s.reads)
               .arg(seconds, 0, 'f', 2)
               .arg(static_cast<double>(s.reads) / seconds, 0, 'f', 0)
               .arg(intervals)
               .arg(s.trips)
               .arg(s.peakVehicles)
               .arg(static_cast<double>(peakKb() - baseKb) / 1024.0, 0, 'f', 1);
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    // A crash must not write the keys or plates in memory to disk: no core dump, not even by a debugger
    // attaching without privileges.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stroom-edge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STROOM_VERSION));
    helptext::installTranslator(); // the help in Dutch for a Dutch-speaking user
    QCommandLineParser p;
    p.setApplicationDescription(helptext::tr(QStringLiteral(
        "The privacy-proof camera's side: reads clear plates (CSV lines 'timestamp,camera_id,plate,"
        "vehicle_class,country') from stdin, TCP or MQTT, keys each plate at once with a keyed hash "
        "(SipHash-2-4, a random key per day from 04:00 local, in memory only), rebuilds trips by Stroom's "
        "rules "
        "and writes, per interval, counts per camera and class (passages, distinct vehicles) and pair flows "
        "(trips that ended in the interval, mean travel time) after the privacy policy (k in distinct "
        "vehicles, cell key perturbation). Nothing per vehicle, no plate, hash or key is ever written or "
        "logged. Its files are imported with 'stroom-cli import PROJECT DIR/*.csv'.")));
    p.addHelpOption();
    p.addVersionOption();
    helptext::addOptions(
        p,
        {
            {QStringLiteral("out"), QStringLiteral("Folder for the interval files."), QStringLiteral("DIR")},
            {QStringLiteral("interval"), QStringLiteral("Minutes per file (divides a day; default 15)."),
             QStringLiteral("MINUTES")},
            {QStringLiteral("cameras"),
             QStringLiteral(
                 "The register's CSV (camera_id column): reads of other cameras are counted apart."),
             QStringLiteral("FILE")},
            {QStringLiteral("k"),
             QStringLiteral("Minimum distinct vehicles per released cell (default 10; lower "
                            "only with --exact)."),
             QStringLiteral("N")},
            {QStringLiteral("exact"),
             QStringLiteral("No perturbation (validation runs; every file says so).")},
            {QStringLiteral("gap"), QStringLiteral("Trip gap in seconds (default 1800)."),
             QStringLiteral("S")},
            {QStringLiteral("dedupe"), QStringLiteral("Duplicate window in seconds (default 60)."),
             QStringLiteral("S")},
            {QStringLiteral("lateness"),
             QStringLiteral("Seconds a read may arrive out of order (default 60)."), QStringLiteral("S")},
            {QStringLiteral("time-zone"),
             QStringLiteral("Local time for intervals and key rotation (default "
                            "Europe/Brussels)."),
             QStringLiteral("TZ")},
            {QStringLiteral("key-rotation"), QStringLiteral("daily (default) or weekly, at 04:00 local."),
             QStringLiteral("daily|weekly")},
            {QStringLiteral("listen"), QStringLiteral("Take lines over TCP (one client or several)."),
             QStringLiteral("HOST:PORT")},
            {QStringLiteral("mqtt"), QStringLiteral("Take lines from an MQTT broker (with --topic)."),
             QStringLiteral("HOST:PORT")},
            {QStringLiteral("topic"), QStringLiteral("The MQTT topic."), QStringLiteral("TOPIC")},
            {QStringLiteral("bench"),
             QStringLiteral("Measure the aggregator on FILE (read into memory first) and stop."),
             QStringLiteral("FILE")},
        });
    QCommandLineOption man(QStringLiteral("man"), QStringLiteral("Print the manual page (roff) and quit."));
    man.setFlags(QCommandLineOption::HiddenFromHelp); // for the package's build
    p.addOption(man);
    p.process(app);
    if (p.isSet(man)) { // made from --help: the page cannot say other things
        const bool nl = helptext::dutch();
        std::fputs(helptext::manPage(QStringLiteral("stroom-edge"),
                                     helptext::tr(QStringLiteral(
                                         "counts and pair flows from clear plates at the camera, for Stroom; "
                                         "nothing per vehicle leaves it")),
                                     QStringLiteral(STROOM_VERSION),
                                     {{QStringLiteral("stroom-edge"), p.helpText()}}, nl,
                                     {{nl ? QStringLiteral("ZIE OOK") : QStringLiteral("SEE ALSO"),
                                       QStringLiteral("stroom-cli(1), stroom(1)")}})
                       .toUtf8()
                       .constData(),
                   stdout);
        return 0;
    }
    try {
        EdgeOptions o;
        auto integer = [&](const char* name, int fallback, int min, int max) {
            if (!p.isSet(QLatin1String(name)))
                return fallback;
            bool ok = false;
            const int v = p.value(QLatin1String(name)).toInt(&ok);
            if (!ok || v < min || v > max)
                throw Error::usage(QStringLiteral("--%1 must be a whole number from %2 to %3")
                                       .arg(QLatin1String(name))
                                       .arg(min)
                                       .arg(max));
            return v;
        };
        o.intervalMinutes = integer("interval", 15, 1, 1440);
        o.k = integer("k", DisclosurePolicy::kDefaultK, 1, 1000000);
        o.exact = p.isSet(QStringLiteral("exact"));
        if (o.k < DisclosurePolicy::kDefaultK && !o.exact)
            throw Error::usage(QStringLiteral("--k below %1 only with --exact (a validation run)")
                                   .arg(DisclosurePolicy::kDefaultK));
        o.trip.gapSeconds = integer("gap", 1800, 1, 86400);
        o.trip.dedupeSeconds = integer("dedupe", 60, 0, 3600);
        o.latenessSeconds = integer("lateness", 60, 0, 3600);
        if (p.isSet(QStringLiteral("time-zone")))
            o.timeZone = p.value(QStringLiteral("time-zone")).toUtf8();
        o.rotation = PseudonymKeys::parse(p.value(QStringLiteral("key-rotation")));
        if (p.isSet(QStringLiteral("bench")))
            return bench(o, p.value(QStringLiteral("bench")));
        if (!p.isSet(QStringLiteral("out")))
            throw Error::usage(QStringLiteral("give --out DIR (see --help)"));
        if (p.isSet(QStringLiteral("listen")) && p.isSet(QStringLiteral("mqtt")))
            throw Error::usage(QStringLiteral("one input: stdin, --listen or --mqtt"));
        const QStringList cameras = p.isSet(QStringLiteral("cameras"))
                                        ? registerIds(p.value(QStringLiteral("cameras")))
                                        : QStringList();
        EdgeWriter writer(p.value(QStringLiteral("out")));
        EdgeAggregator a(o, cameras, [&](const EdgeInterval& iv) {
            writer.write(iv);
            err() << QStringLiteral(
                         "stroom-edge: %1 (%2 min): %3 count cells and %4 flows released, %5 cells "
                         "under k=%6 suppressed%7\n")
                         .arg(QDateTime::fromSecsSinceEpoch(iv.start, Qt::UTC).toString(Qt::ISODate))
                         .arg(iv.minutes)
                         .arg(iv.counts.size())
                         .arg(iv.flows.size())
                         .arg(iv.suppressedCounts + iv.suppressedFlows)
                         .arg(iv.k)
                         .arg(iv.exact ? QStringLiteral(" (exact: no perturbation)") : QString());
            err().flush();
        });
        err() << QStringLiteral(
                     "stroom-edge: a new key in memory (keys rotate %1 at 04:00 %2; never written); "
                     "%3-minute intervals to %4\n")
                     .arg(o.rotation == PseudonymKeys::Rotation::Daily ? QStringLiteral("daily")
                                                                       : QStringLiteral("weekly"),
                          QString::fromLatin1(o.timeZone))
                     .arg(o.intervalMinutes)
                     .arg(p.value(QStringLiteral("out")));
        err().flush();
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
        if (p.isSet(QStringLiteral("listen"))) {
            runTcp(a, p.value(QStringLiteral("listen")));
        } else if (p.isSet(QStringLiteral("mqtt"))) {
            runMqtt(a, p.value(QStringLiteral("mqtt")), p.value(QStringLiteral("topic")));
        } else {
            runStdin(a);
        }
        if (g_stop) {
            // Stopped: what is complete is written; the open interval would be partial, so it is not.
            const std::int64_t open = a.openIntervalStart();
            err() << QStringLiteral("stroom-edge: stopped; %1\n")
                         .arg(open == INT64_MIN
                                  ? QStringLiteral("nothing was open")
                                  : QStringLiteral("the open intervals from %1 are dropped (incomplete)")
                                        .arg(QDateTime::fromSecsSinceEpoch(open, Qt::UTC)
                                                 .toString(Qt::ISODate)));
        } else {
            a.finish();
        }
        const auto& s = a.stats();
        err() << QStringLiteral(
                     "stroom-edge: %1 lines, %2 reads (%3 duplicates), %4 trips (%5 single-read), %6 "
                     "intervals, %7 files; %8 bad lines, %9 late, %10 at cameras not in the register\n")
                     .arg(s.lines)
                     .arg(s.reads)
                     .arg(s.duplicates)
                     .arg(s.trips)
                     .arg(s.singleReadTrips)
                     .arg(s.intervals)
                     .arg(writer.filesWritten())
                     .arg(s.bad)
                     .arg(s.late)
                     .arg(s.unknownCamera);
        return 0;
    } catch (const Error& e) {
        err() << "stroom-edge: " << e.message() << "\n";
        return e.exitCode();
    } catch (const std::exception& e) {
        err() << "stroom-edge: unexpected problem: " << e.what() << "\n";
        return 4;
    }
}
