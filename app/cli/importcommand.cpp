#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "common/vectorsource.h"
#include "common/vehicleclass.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "inventory/inventory.h"
#include "inventory/inventoryimport.h"
#include "publish/resultexport.h"
#include "session/session.h"
#include "simulate/simulator.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace stroom::cli {

namespace {

void addImportOptions(QCommandLineParser& p) {
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addArgument(p, QStringLiteral("FILE"),
                          QStringLiteral("ANPR exports (.csv or .csv.gz), one or more."),
                          QStringLiteral("FILE..."));
    helptext::addOptions(
        p,
        {
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
             QStringLiteral(
                 "The files hold clear plates: hash them (HMAC-SHA256; one set of random keys for all "
                 "files of this command, rotating daily at 04:00 local time, kept in memory only).")},
            {QStringLiteral("key-rotation"),
             QStringLiteral(
                 "With --pseudonymise: keys rotate daily (default) or weekly (Monday 04:00); a trip "
                 "across a rotation is cut in two, and the summary says how many were."),
             QStringLiteral("daily|weekly")},
            {QStringLiteral("force"), QStringLiteral("Import a file even if it was imported before.")},
            {QStringLiteral("mapping"),
             QStringLiteral(
                 "Columns by role, e.g. time=tijdstip,camera=cam,pseudonym=hash (roles: time, camera, "
                 "pseudonym, "
                 "class, country, latitude, longitude, name, period_start, period_minutes, vehicles, "
                 "from_camera, "
                 "to_camera, mean_seconds, pair)."),
             QStringLiteral("ROLE=COLUMN,...")},
            {QStringLiteral("period"),
             QStringLiteral(
                 "For aggregate files without period columns: START/END, e.g. 2017-10-01/2017-11-30."),
             QStringLiteral("START/END")},
            {QStringLiteral("no-trips"),
             QStringLiteral("Do not update trips and the cube afterwards (run 'stroom-cli trips' later).")},
        });
}

/** The options as the importer takes them; Error::usage for a value it cannot take. */
ImportOptions importOptions(const QCommandLineParser& p) {
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
    o.keyRotation = PseudonymKeys::parse(p.value(QStringLiteral("key-rotation")));
    if (p.isSet(QStringLiteral("key-rotation")) && !o.pseudonymise)
        throw Error::usage(QStringLiteral("import: --key-rotation goes with --pseudonymise"));
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
    return o;
}

/** What one file gave (or why not), on stderr. */
void printFile(const QString&, const ImportReport* r, const QString& error) {
    if (isatty(fileno(stderr)))
        err() << "\n"; // after the progress line

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
}

} // namespace

int import(const QStringList& args) {
    QCommandLineParser p;
    addImportOptions(p);
    if (!parse(
            p, QStringLiteral("import"), args,
            QStringLiteral(
                "Imports pseudonymised ANPR exports (reads, into the project's L0 reads file) or aggregates "
                "from privacy-proof cameras (counts, pair flows). Each file is one transaction: a failure "
                "leaves the project as it was. Clear plates stop the import.")))
        return 0;
    if (p.positionalArguments().size() < 2)
        throw Error::usage(QStringLiteral("import: give PROJECT.gpkg and at least one FILE"));
    const ImportOptions o = importOptions(p);
    const QStringList positional = p.positionalArguments();
    const auto session = Session::open(positional.first());
    const ImportOutcome outcome =
        session->importFiles(positional.mid(1), o, progressPrinter(QStringLiteral("import")), nullptr,
                             !p.isSet(QStringLiteral("no-trips")), printFile);
    if (outcome.trips)
        err() << "trips: " << outcome.trips->summary() << "\n";
    if (!outcome.tripsError.isEmpty())
        err() << "stroom-cli: the import is stored, but updating the trips failed: " << outcome.tripsError
              << "\n";
    return outcome.exitCode;
}

} // namespace stroom::cli
