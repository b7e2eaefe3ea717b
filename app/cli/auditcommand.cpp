#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "store/auditlog.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace stroom::cli {

namespace {
QString openProject(QCommandLineParser& p, const QString& command, const QStringList& args,
                    const QString& description, bool* help) {
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    *help = !parse(p, command, args, description);
    if (*help)
        return QString();
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("%1: give exactly one PROJECT.gpkg").arg(command));
    return p.positionalArguments().first();
}
} // namespace

int auditList(const QStringList& args) {
    QCommandLineParser p;
    bool help = false;
    const QString path = openProject(
        p, QStringLiteral("audit list"), args,
        QStringLiteral("Prints the audit trail, oldest first, tab-separated: id, time (UTC), user (the OS "
                       "account), action, purpose, layer, output, output SHA-256, k, suppressed cells."),
        &help);
    if (help)
        return 0;
    Store store = Store::open(path, Store::Access::ReadOnly);
    out() << "id\ttime\tuser\taction\tpurpose\tlayer\toutput\toutput_sha256\tk\tsuppressed_cells\n";
    for (const AuditLog::Record& r : AuditLog::list(store.database())) {
        QStringList row{QString::number(r.id),
                        r.time,
                        r.user,
                        r.action,
                        r.purpose,
                        r.layer,
                        r.output,
                        r.outputSha256,
                        QString::number(r.k),
                        QString::number(r.suppressedCells)};
        for (QString& f : row)
            f.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        out() << row.join(QLatin1Char('\t')) << "\n";
    }
    return 0;
}

int auditVerify(const QStringList& args) {
    QCommandLineParser p;
    bool help = false;
    const QString path = openProject(
        p, QStringLiteral("audit verify"), args,
        QStringLiteral(
            "Checks the audit trail's hash chain: exit 0 when it is intact, exit 3 naming the first "
            "record that was changed, deleted or inserted."),
        &help);
    if (help)
        return 0;
    Store store = Store::open(path, Store::Access::ReadOnly);
    const AuditLog::Verification v = AuditLog::verify(store.database());
    if (!v.intact)
        throw Error::input(QStringLiteral("audit verify: %1: %2").arg(path, v.problem));
    err() << QStringLiteral("audit verify: %1: intact, %2 records\n").arg(path).arg(v.records);
    return 0;
}

} // namespace stroom::cli
