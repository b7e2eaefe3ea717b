#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace stroom::cli {

/**
 * \brief One stroom-cli command: its words, what it takes, one line on what it does, and the function
 * that runs it. The usage text and the dispatch are both made from the table of these (commands()).
 */
struct Command {
    QString name;     ///< "import", "cameras import"
    QString synopsis; ///< what follows "[options]": "PROJECT FILE…"
    QString summary;  ///< one line for the usage text
    /** Runs it with the arguments after its name; the exit code (0, 2, 3, 4: DESIGN §11). */
    int (*run)(const QStringList& args) = nullptr;
    /**
     * Whether these arguments need QGIS (a print layout): then stroom-cli hands the whole invocation to
     * stroom-cli-render, so that the other commands start without loading QGIS.
     */
    bool (*rendered)(const QStringList& args) = nullptr;
};

/** Every command, in the order the usage lists them. */
const std::vector<Command>& commands();
/** `stroom-cli --help`: made from the table. */
QString usage();
/** The exit codes, as --help and the man page say them. */
QString exitCodes();
/** `stroom-cli --man`: the manual page (roff), made from every command's --help in the user's language. */
QString manPage();
/** Runs one invocation (the arguments after the program name): the exit code. */
int dispatch(const QStringList& arguments);

// The commands (one file each).
int simulate(const QStringList& args);
int init(const QStringList& args);
int camerasImport(const QStringList& args);
int camerasExport(const QStringList& args);
int camerasOwners(const QStringList& args);
int zonesImport(const QStringList& args);
int import(const QStringList& args);
int trips(const QStringList& args);
int flows(const QStringList& args);
int compare(const QStringList& args);
int counts(const QStringList& args);
int journeyTimesCommand(const QStringList& args);
int bench(const QStringList& args);
int auditList(const QStringList& args);
int auditVerify(const QStringList& args);
int risk(const QStringList& args);
int purge(const QStringList& args);
int transparency(const QStringList& args);

/** True when the arguments' --out names a PDF (a print layout: cameras export, transparency). */
bool outIsPdf(const QStringList& args);

/**
 * \brief What only stroom-cli-render can do (it links QGIS): installed by its main. Without it (in
 * stroom-cli) the commands that need it are handed over to that program whole.
 */
struct Renderer {
    int (*report)(const QStringList& args) = nullptr;
    int (*animate)(const QStringList& args) = nullptr;
    void (*publicRegisterPdf)(const QString& project, const QString& pdf, const QString& purpose,
                              bool overwrite) = nullptr;
    void (*transparencyPdf)(const QString& project, const QString& pdf, const QString& purpose,
                            bool overwrite) = nullptr;
};
void installRenderer(const Renderer& renderer);
/** The installed renderer; throws Error::store when there is none. */
const Renderer& renderer();

} // namespace stroom::cli
