#pragma once

#include "flows/cameraindex.h"
#include "flows/flowcube.h"
#include "flows/flowengine.h"
#include "flows/tripbuilder.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QCommandLineParser;
class QTextStream;

namespace stroom {
class FlowEngine;
class Session;
class Store;
struct ExportResult;
} // namespace stroom

namespace stroom::cli {

/** Standard output and error as UTF-8 text (results on stdout, messages on stderr: DESIGN §11). */
QTextStream& out();
QTextStream& err();

/** Progress on stderr, only when stderr is a terminal. */
std::function<void(double)> progressPrinter(const QString& what);

/**
 * Parses a command's options (`stroom-cli COMMAND [options] …`); false, after printing the help, when
 * --help was asked. Throws Error::usage naming the command on a bad option.
 */
bool parse(QCommandLineParser& p, const QString& command, const QStringList& args,
           const QString& description);

/** A whole-number option in [min, max], or \a fallback when not given; Error::usage otherwise. */
int integerOption(const QCommandLineParser& p, const QString& name, int fallback, int min, int max);

/** --gap and --dedupe; the parameters they give over \a stored (\a given: whether any was). */
void addTripOptions(QCommandLineParser& p);
TripParameters tripParameters(const QCommandLineParser& p, const TripParameters& stored, bool* given);

/** --out, --from, --to, --days, --hours, --class, --through, --k, and the filter they give. */
void addFilterOptions(QCommandLineParser& p);
FlowFilter flowFilter(const QCommandLineParser& p);

/**
 * The cube for a query: the stored one brought up to date, or, for an exact \a policy only, one built in
 * memory for other trip parameters (Error::usage otherwise). Only \a part is loaded from the store. With
 * \a trips, the cube is not loaded: \a trips gets the trips built in memory, and stays empty when the
 * stored ones are the query's (*\a used equals the stored parameters; FlowEngine reads them a day at a time).
 */
FlowCube queryCube(Store& store, const QCommandLineParser& p, const DisclosurePolicy& policy,
                   TripParameters* used, TripSet* trips,
                   FlowEngine::CubePart part = FlowEngine::CubePart::Both);
QString describeQuery(const FlowFilter& f, const TripParameters& t, const QString& extra);

/**
 * \brief What flows, counts and journey-times share: the project (open in a session), the filter, k, the
 * trip parameters in force, and the sentence on stderr about what was written.
 */
struct ResultQuery {
    std::unique_ptr<Session> session;
    FlowFilter filter;
    DisclosurePolicy policy;
    TripParameters params;
    bool overwrite = false; ///< --overwrite
    /** Checks PROJECT and --out, reads the filter and k, opens the project. */
    static ResultQuery open(const QCommandLineParser& p, const QString& command);
    Store& store();
    /** "COMMAND: N ROWS written to PATH; M cells under k=K suppressed" (and \a more). */
    static void written(const QString& command, const QString& rows, const ExportResult& r,
                        const QString& more = {}, const QString& suppressedUnit = QStringLiteral("cells"));
};

/**
 * The release that --exact, --k and --purpose ask for (DESIGN §2): the project's k, perturbed, by default;
 * a higher k at will; exact figures or a lower k only with --exact and a purpose (Error::usage otherwise).
 */
DisclosurePolicy disclosurePolicy(const QCommandLineParser& p, Store& store, const QString& command);

/** Error::usage unless --purpose gives a reason (every export is recorded with why it was made). */
void requirePurpose(const QCommandLineParser& p, const QString& command);

/** --by camera|zone: true for zones (Error::usage naming \a command for another word). */
bool byZone(const QCommandLineParser& p, const QString& command);

/** The dates of \a option, FROM/TO (local dates, inclusive), into \a f; Error::usage naming \a command. */
void setPeriod(const QCommandLineParser& p, const QString& option, FlowFilter& f, const QString& command);

/** --base IRI of flows and counts: the base of the names linked data (.ttl, .jsonld) gives. */
void addBaseOption(QCommandLineParser& p);

/** "; N trips in the released cells, M through (its share, and corrected for missed gate reads), S
 * single-read trips left out" for stderr. */
QString summary(const OdMatrix& m, FlowEngine& engine, const TripParameters& params);
/**
 * Refuses --through (exit 3, saying why and what to do) when the project has no cordon roles: through
 * traffic cannot be told without them, and an empty answer would read as "none".
 */
void requireCordon(const FlowFilter& filter, FlowEngine& engine, const TripParameters& params,
                   const QString& command);

} // namespace stroom::cli
