#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace stroom::helptext {

/**
 * \brief The command-line help people read, in their language, and the manual pages made from it.
 *
 * The programs' option and argument descriptions go through here (addOptions(), addArgument(), tr()), so
 * they are shown in Dutch when the user's language is Dutch (installTranslator(); the translations are in
 * resources/translations/stroom-cli_nl.ts, context "stroom-cli"). With the environment variable
 * STROOM_HELP_STRINGS naming a file, every English text is also appended to it: the test that checks every
 * help text has its Dutch reads them from there. manPage() turns a program's --help output into a man page,
 * so the pages cannot say other things than --help does.
 */

/** \a english in the user's language (English when there is no translation). */
QString tr(const QString& english);
/** Adds options with their descriptions in the user's language. */
void addOptions(QCommandLineParser& parser, const QList<QCommandLineOption>& options);
void addOption(QCommandLineParser& parser, const QCommandLineOption& option);
/** Adds a positional argument with its description (and syntax) in the user's language. */
void addArgument(QCommandLineParser& parser, const QString& name, const QString& description,
                 const QString& syntax = QString());
/**
 * Loads the help's Dutch (and Qt's own, for "Usage:", "Options:" and --help's line) when the user's language
 * is Dutch (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Call once, after the QCoreApplication exists.
 */
void installTranslator();
/** True when installTranslator() found the user's language to be Dutch (and loaded its help). */
bool dutch();

/** \brief One program or command's help, as --help prints it, for manPage(). */
struct Help {
    QString command; ///< "stroom-cli risk"; the program alone for a program's page
    QString text;    ///< what `command --help` printed
};

/**
 * A section-1 manual page (roff, man(7) macros) for \a program: NAME from \a summary, then SYNOPSIS,
 * DESCRIPTION, OPTIONS and ARGUMENTS from the help texts (a program's own, or one subsection per command),
 * \a extra sections (title → text paragraphs) after them. Headings in Dutch when \a dutchHeadings.
 */
QString manPage(const QString& program, const QString& summary, const QString& version,
                const QList<Help>& helps, bool dutchHeadings,
                const QList<QPair<QString, QString>>& extra = {});
/** The long option names (without dashes) and short ones a help text or man page lists, sorted. */
QStringList optionsIn(const QString& helpOrManPage);

} // namespace stroom::helptext
