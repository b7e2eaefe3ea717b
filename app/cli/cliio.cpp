#include "cliio.h"
#include "common/helptext.h"

#include "commands.h"

#include "common/error.h"
#include "flows/flowengine.h"
#include "publish/resultexport.h"
#include "session/session.h"
#include "store/outputfile.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace stroom::cli {

namespace {
QTextStream& utf8(QTextStream& s) {
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    s.setCodec("UTF-8"); // Qt 6 writes UTF-8 whatever the locale; Qt 5 follows it
#endif
    return s;
}
} // namespace

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

/** Progress on stderr, only when stderr is a terminal. */
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
    p.setApplicationDescription(helptext::tr(description));
    p.addHelpOption();
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("stroom-cli %1").arg(command));
    if (!p.parse(withProgram))
        throw Error::usage(QStringLiteral("%1: %2").arg(command, p.errorText()));
    if (p.isSet(QStringLiteral("help"))) {
        // Qt names the program by its path; the usage line is the command's own, from the table.
        QString help = p.helpText();
        QString synopsis;
        for (const Command& c : commands())
            if (c.name == command)
                synopsis = c.synopsis;
        // "Usage: " (in the user's language, as Qt writes it) stays; what follows is the command's own.
        const int end = help.indexOf(QLatin1Char('\n'));
        const int colon = help.indexOf(QStringLiteral(": "));
        const int from = colon >= 0 && colon < end ? colon + 2 : 0;
        help.replace(from, end - from,
                     QStringLiteral("stroom-cli %1 %2 %3")
                         .arg(command, helptext::tr(QStringLiteral("[options]")), synopsis));
        out() << help;
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

void addTripOptions(QCommandLineParser& p) {
    helptext::addOptions(
        p,
        {
            {QStringLiteral("gap"), QStringLiteral("Trip gap in seconds (default: the stored one, 1800)."),
             QStringLiteral("SECONDS")},
            {QStringLiteral("dedupe"),
             QStringLiteral("Duplicate window in seconds (default: the stored one, 60)."),
             QStringLiteral("SECONDS")},
            {QStringLiteral("through-min"),
             QStringLiteral("Through traffic: at least this many minutes (default 1)."),
             QStringLiteral("MIN")},
            {QStringLiteral("through-max"),
             QStringLiteral("Through traffic: at most this many minutes (default 20); with --through-min "
                            "or this, one fixed window for every gate pair unless --through-window pair."),
             QStringLiteral("MIN")},
            {QStringLiteral("through-window"),
             QStringLiteral("pair (default): each gate pair's own window, its median crossing time + 3 "
                            "robust standard deviations (1.4826 × MAD), at least 5 min, where the pair has "
                            "30 trips and k vehicles on a day or more (the others keep the fixed window); "
                            "fixed: DESIGN's "
                            "--through-min to --through-max for all."),
             QStringLiteral("pair|fixed")},
            {QStringLiteral("through-method"),
             QStringLiteral("cordon (default): by the cameras' roles cordon-in and cordon-out; role-free "
                            "(ANPR Metrics' definition, for projects without roles): a vehicle whose reads "
                            "of a day span less than an hour, with no camera twice."),
             QStringLiteral("cordon|role-free")},
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
    if (p.isSet(QStringLiteral("through-min")) || p.isSet(QStringLiteral("through-max")))
        t.throughWindow = ThroughWindow::Fixed; // a window given is the window, unless pairs are asked for
    if (p.isSet(QStringLiteral("through-window"))) {
        const QString w = p.value(QStringLiteral("through-window"));
        if (w != QLatin1String("pair") && w != QLatin1String("fixed"))
            throw Error::usage(QStringLiteral("--through-window is pair or fixed (got '%1')").arg(w));
        t.throughWindow = w == QLatin1String("pair") ? ThroughWindow::PerPair : ThroughWindow::Fixed;
        *given = true;
    }
    if (p.isSet(QStringLiteral("through-method"))) {
        const QString m = p.value(QStringLiteral("through-method"));
        if (m != QLatin1String("cordon") && m != QLatin1String("role-free"))
            throw Error::usage(QStringLiteral("--through-method is cordon or role-free (got '%1')").arg(m));
        t.throughMethod = m == QLatin1String("role-free") ? ThroughMethod::RoleFree : ThroughMethod::Cordon;
        *given = true;
    }
    if (t.throughMaxSeconds < t.throughMinSeconds)
        throw Error::usage(QStringLiteral("--through-max must not be below --through-min"));
    return t;
}

void addFilterOptions(QCommandLineParser& p) {
    helptext::addOptions(
        p,
        {
            {QStringLiteral("out"),
             QStringLiteral("Output file (.csv; flows and counts also .gpkg or .geojson, or linked data: "
                            ".ttl, .jsonld)."),
             QStringLiteral("FILE")},
            {QStringLiteral("from"), QStringLiteral("First day (local date, yyyy-mm-dd)."),
             QStringLiteral("DATE")},
            {QStringLiteral("to"), QStringLiteral("Last day (local date, inclusive)."),
             QStringLiteral("DATE")},
            {QStringLiteral("days"), QStringLiteral("all (default), weekday or weekend."),
             QStringLiteral("all|weekday|weekend")},
            {QStringLiteral("hours"), QStringLiteral("Start hours H1-H2, local: 7-9 is 07:00 to 08:59."),
             QStringLiteral("H1-H2")},
            {QStringLiteral("class"), QStringLiteral("Vehicle classes, e.g. car,van (default all)."),
             QStringLiteral("C,...")},
            {QStringLiteral("through"), QStringLiteral("Through traffic only.")},
            {QStringLiteral("k"),
             QStringLiteral("Minimum distinct vehicles per cell (default: the project's, at least 10); cells "
                            "under it are left out. Another k than the project's only with --exact."),
             QStringLiteral("N")},
            {QStringLiteral("exact"),
             QStringLiteral(
                 "Exact figures instead of perturbed ones (cell key method off); needs --purpose and "
                 "is audited as layer L1. Also needed for --gap/--dedupe/--through-min/--through-max "
                 "other than the project's.")},
            {QStringLiteral("purpose"),
             QStringLiteral("Why this export is made (required; kept in the audit trail)."),
             QStringLiteral("TEXT")},
            {QStringLiteral("overwrite"),
             QStringLiteral("Replace FILE if it exists (never a file of the project).")},
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
FlowCube queryCube(Store& store, const QCommandLineParser& p, const DisclosurePolicy& policy,
                   TripParameters* used, TripSet* trips, FlowEngine::CubePart part) {
    FlowEngine engine(store);
    bool given = false;
    const TripParameters stored = engine.storedParameters();
    const TripParameters params = tripParameters(p, stored, &given);
    *used = params;
    if (given && params != stored) {
        // Other trip definitions move single trips in and out of cells (a parameter sweep differences them).
        if (!policy.exact())
            throw Error::usage(
                QStringLiteral("trip parameters other than the project's (%1) change which trips fall in a "
                               "cell; they are allowed for exact, audited figures only: add --exact "
                               "--purpose TEXT")
                    .arg(parametersText(stored)));
        err() << "note: trips built in memory with the parameters given; the stored trips keep theirs\n";
        FlowCube cube;
        TripSet set = engine.buildInMemory(params, &cube);
        if (trips)
            *trips = std::move(set);
        return cube;
    }
    if (const auto r = Session::afterImport(store, progressPrinter(QStringLiteral("trips"))))
        err() << "trips: " << r->summary() << "\n";
    if (trips) // the stored trips: the caller reads them from the store, a day at a time
        return FlowCube();
    return engine.loadCube(INT64_MAX, part);
}

QString describeQuery(const FlowFilter& f, const TripParameters& t, const QString& extra) {
    return QStringLiteral("%1; filters: %2; parameters: %3").arg(extra, f.describe(), parametersText(t));
}

void addBaseOption(QCommandLineParser& p) {
    helptext::addOption(p,
                        {QStringLiteral("base"),
                         QStringLiteral("Linked data (.ttl, .jsonld): the base IRI of the cameras, zones and "
                                        "observations (default urn:stroom:PROJECT-ID:)."),
                         QStringLiteral("IRI")});
}

ResultQuery ResultQuery::open(const QCommandLineParser& p, const QString& command) {
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out")))
        throw Error::usage(QStringLiteral("%1: give PROJECT.gpkg and --out FILE").arg(command));
    ResultQuery q;
    q.overwrite = p.isSet(QStringLiteral("overwrite"));
    // Before the project is even opened: an output onto one of its files changes nothing.
    OutputFile::check(p.positionalArguments().first(), p.value(QStringLiteral("out")), q.overwrite);
    requirePurpose(p, command);
    q.filter = flowFilter(p);
    q.session = Session::open(p.positionalArguments().first());
    q.policy = disclosurePolicy(p, q.store(), command);
    return q;
}

Store& ResultQuery::store() {
    return session->store();
}

void ResultQuery::written(const QString& command, const QString& rows, const ExportResult& r,
                          const QString& more, const QString& suppressedUnit) {
    err() << QStringLiteral("%1: %2 %3 written to %4; %5 %6 under k=%7 suppressed%8\n")
                 .arg(command)
                 .arg(r.rows)
                 .arg(rows, r.path)
                 .arg(r.suppressed)
                 .arg(suppressedUnit)
                 .arg(r.k)
                 .arg(more);
}

bool byZone(const QCommandLineParser& p, const QString& command) {
    const QString by = p.value(QStringLiteral("by"));
    if (!by.isEmpty() && by != QLatin1String("camera") && by != QLatin1String("zone"))
        throw Error::usage(QStringLiteral("%1: --by is camera or zone").arg(command));
    return by == QLatin1String("zone");
}

void setPeriod(const QCommandLineParser& p, const QString& option, FlowFilter& f, const QString& command) {
    const QString text = p.value(option);
    const QStringList parts = text.split(QLatin1Char('/'));
    const QDate from = parts.size() == 2 ? QDate::fromString(parts[0].trimmed(), Qt::ISODate) : QDate();
    const QDate to = parts.size() == 2 ? QDate::fromString(parts[1].trimmed(), Qt::ISODate) : QDate();
    if (!from.isValid() || !to.isValid())
        throw Error::usage(QStringLiteral("%1: --%2 is FROM/TO, two local dates yyyy-mm-dd (got '%3')")
                               .arg(command, option, text));
    f.from = from;
    f.to = to;
}

void requirePurpose(const QCommandLineParser& p, const QString& command) {
    if (p.value(QStringLiteral("purpose")).trimmed().isEmpty())
        throw Error::usage(
            QStringLiteral("%1: --purpose TEXT is required: every export is recorded with why it "
                           "was made (DESIGN §2)")
                .arg(command));
}

DisclosurePolicy disclosurePolicy(const QCommandLineParser& p, Store& store, const QString& command) {
    const bool exact = p.isSet(QStringLiteral("exact"));
    if (exact && p.value(QStringLiteral("purpose")).trimmed().isEmpty())
        throw Error::usage(QStringLiteral("%1: --exact needs --purpose TEXT (exact figures are audited as "
                                          "layer L1)")
                               .arg(command));
    const int projectK = store.threshold();
    const int k = integerOption(p, QStringLiteral("k"), projectK, 1, 1000000);
    // Any other k is an exact release: a k sweep tells exactly how many vehicles a cell has (a cell shown at
    // k = 14 and gone at 15 has 14), and class subsets then split those counts.
    if (k != projectK && !exact)
        throw Error::usage(
            QStringLiteral("%1: --k %2 is not the project's k = %3; another k tells how many "
                           "vehicles a cell has, so it is an exact, audited release: add --exact "
                           "--purpose TEXT")
                .arg(command)
                .arg(k)
                .arg(projectK));
    return DisclosurePolicy(k, exact);
}

QString summary(const OdMatrix& m, FlowEngine& engine, const TripParameters& params) {
    const QLocale c = QLocale::c();
    QString through = QStringLiteral("unknown (no cameras with the cordon roles)");
    if (ThroughRule::available(params, engine.cameras())) {
        through = DisclosurePolicy::shown(m.throughTrips, m.k, c);
        if (params.throughMethod == ThroughMethod::RoleFree)
            through += QStringLiteral(" (role-free: seen within an hour on a day, no camera twice)");
        else if (m.throughTrips >= m.k) {
            const ThroughEstimate e = engine.throughEstimate();
            const double share = e.correctedShare(m.trips, m.throughTrips);
            if (share >= 0)
                through += QStringLiteral(" (%1 % of the trips; about %2 % with the gate reads missed at a "
                                          "read rate of %3)")
                               .arg(100.0 * static_cast<double>(m.throughTrips) /
                                        static_cast<double>(std::max<std::int64_t>(m.trips, 1)),
                                    0, 'f', 1)
                               .arg(100.0 * share, 0, 'f', 1)
                               .arg(e.readRate, 0, 'f', 3);
        }
    }
    return QStringLiteral("; %1 trips in the released cells, %2 through, %3 single-read trips left out")
        .arg(m.trips)
        .arg(through, DisclosurePolicy::shown(m.singleReadTrips, m.k, c));
}

void requireCordon(const FlowFilter& filter, FlowEngine& engine, const TripParameters& params,
                   const QString& command) {
    if (filter.throughOnly && !ThroughRule::available(params, engine.cameras()))
        throw Error::input(
            QStringLiteral("%1: --through: no camera of this project has the role cordon-in and "
                           "cordon-out, so no trip can be told to cross the city (every trip "
                           "would count as internal). Give the cameras where the main roads cross "
                           "the boundary their roles (the register's form, or a role column for "
                           "'stroom-cli cameras import'), or count through traffic without roles "
                           "('stroom-cli trips PROJECT --through-method role-free --purpose TEXT': a "
                           "vehicle seen within an hour on a day, no camera twice), then ask again.")
                .arg(command));
}

} // namespace stroom::cli
