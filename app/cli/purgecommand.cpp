#include "commands.h"
#include "common/helptext.h"

#include "cliio.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "governance/purge.h"
#include "session/session.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QTextStream>

namespace stroom::cli {

int purge(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    helptext::addOptions(
        p, {
               {QStringLiteral("before"), QStringLiteral("Purge reads before this local date."),
                QStringLiteral("DATE")},
               {QStringLiteral("older-than"), QStringLiteral("Purge reads older than this many days."),
                QStringLiteral("DAYS")},
               {QStringLiteral("import"),
                QStringLiteral("Purge the reads of import N (see the imports table)."), QStringLiteral("N")},
               {QStringLiteral("all"), QStringLiteral("Purge every read.")},
               {QStringLiteral("trips"),
                QStringLiteral("Purge the trips (L1) of the range too (not with --import).")},
               {QStringLiteral("retention"),
                QStringLiteral(
                    "Set the project's retention period in days (0: none); it is applied now and at every "
                    "open and import."),
                QStringLiteral("DAYS")},
               {QStringLiteral("dry-run"), QStringLiteral("Say what would go, removing nothing.")},
               {QStringLiteral("purpose"), QStringLiteral("Why (required; kept in the audit trail)."),
                QStringLiteral("TEXT")},
           });
    if (!parse(
            p, QStringLiteral("purge"), args,
            QStringLiteral(
                "Removes pseudonymised reads (L0), and trips (L1) with --trips, for a range, keeping every "
                "aggregate: the cube (in PROJECT.gpkg.cube) and the L2 layers stay, so every released figure "
                "reads as before. The bytes are made unrecoverable (secure_delete, then VACUUM of the reads "
                "file); trips are never rebuilt before the purged range's end, and the cube's days before it "
                "are unlinked (a vehicle's days no longer connect; a 'vehicles' figure over several of them "
                "counts it once per day). Every purge is in the audit trail.")))
        return 0;
    if (p.positionalArguments().size() != 1)
        throw Error::usage(QStringLiteral("purge: give exactly one PROJECT.gpkg"));
    const int ranges = (p.isSet(QStringLiteral("before")) ? 1 : 0) +
                       (p.isSet(QStringLiteral("older-than")) ? 1 : 0) +
                       (p.isSet(QStringLiteral("import")) ? 1 : 0) + (p.isSet(QStringLiteral("all")) ? 1 : 0);
    const bool retention = p.isSet(QStringLiteral("retention"));
    if (ranges + (retention ? 1 : 0) != 1)
        throw Error::usage(QStringLiteral(
            "purge: give one of --before DATE, --older-than DAYS, --import N, --all or --retention DAYS"));
    if (!p.isSet(QStringLiteral("dry-run")))
        requirePurpose(p, QStringLiteral("purge"));
    const auto session = Session::open(p.positionalArguments().first());
    Store& store = session->store();
    if (retention) {
        const int days = integerOption(p, QStringLiteral("retention"), 0, 0, 36500);
        const Purge::Result r = Purge::setRetention(store, days, p.value(QStringLiteral("purpose")));
        err() << QStringLiteral("purge: retention set to %1 days; %2\n").arg(days).arg(r.summary());
        return 0;
    }
    Purge::Range range;
    range.trips = p.isSet(QStringLiteral("trips"));
    if (p.isSet(QStringLiteral("before"))) {
        const QDate d = QDate::fromString(p.value(QStringLiteral("before")), Qt::ISODate);
        if (!d.isValid())
            throw Error::usage(QStringLiteral("purge: --before is a date yyyy-mm-dd"));
        range.beforeUtc = Purge::localMidnight(store, d);
        range.text = QStringLiteral("reads before %1 (local)").arg(d.toString(Qt::ISODate));
    } else if (p.isSet(QStringLiteral("older-than"))) {
        const int days = integerOption(p, QStringLiteral("older-than"), 0, 0, 36500);
        const QDate d = QDate::currentDate().addDays(-days);
        range.beforeUtc = Purge::localMidnight(store, d);
        range.text =
            QStringLiteral("reads older than %1 days (before %2)").arg(days).arg(d.toString(Qt::ISODate));
    } else if (p.isSet(QStringLiteral("import"))) {
        range.kind = Purge::Range::Kind::Import;
        range.importId = integerOption(p, QStringLiteral("import"), 0, 1, 1 << 30);
        range.text = QStringLiteral("reads of import %1").arg(range.importId);
    } else {
        range.kind = Purge::Range::Kind::All;
        range.text = QStringLiteral("every read");
    }
    const Purge::Result preview = Purge::preview(store, range);
    if (p.isSet(QStringLiteral("dry-run"))) {
        out() << QStringLiteral("purge (dry run): %1 would go: %2\n").arg(range.text, preview.summary());
        return 0;
    }
    if (preview.reads == 0 && preview.trips == 0) {
        err() << QStringLiteral("purge: nothing matched %1; nothing was changed\n").arg(range.text);
        return 0;
    }
    const Purge::Result r = Purge::run(store, range, p.value(QStringLiteral("purpose")));
    err() << QStringLiteral("purge: %1: %2\n").arg(range.text, r.summary());
    return 0;
}

} // namespace stroom::cli
