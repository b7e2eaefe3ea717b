#pragma once

#include "flows/flowcube.h"
#include "flows/tripbuilder.h"

#include <QString>
#include <QStringList>

#include <functional>

class QCommandLineParser;
class QTextStream;

namespace stroom {
class Store;
}

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

/** The cube for a query: the stored one brought up to date, or one built in memory for other parameters. */
FlowCube queryCube(Store& store, const QCommandLineParser& p, TripParameters* used, TripSet* trips);
QString describeQuery(const FlowFilter& f, const TripParameters& t, const QString& extra);

} // namespace stroom::cli
