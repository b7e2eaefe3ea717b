#include "store/auditlog.h"

#include "common/error.h"
#include "common/sqlite.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QStringList>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace stroom {

namespace {

const char* const kColumns = "id, time, user, action, purpose, layer, parameters, output, output_sha256, "
                             "suppressed_cells, k, prev_hash, hash";

QString hashOf(const AuditLog::Record& r) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto field = [&](const QString& s) {
        const QByteArray u = s.toUtf8();
        h.addData(QByteArray::number(u.size()) + ':');
        h.addData(u);
    };
    field(r.prevHash);
    field(QString::number(r.id));
    for (const QString* s :
         {&r.time, &r.user, &r.action, &r.purpose, &r.layer, &r.parameters, &r.output, &r.outputSha256})
        field(*s);
    field(QString::number(r.suppressedCells));
    field(QString::number(r.k));
    return QString::fromLatin1(h.result().toHex());
}

AuditLog::Record read(const sql::Statement& st) {
    AuditLog::Record r;
    r.id = st.int64(0);
    r.time = st.text(1);
    r.user = st.text(2);
    r.action = st.text(3);
    r.purpose = st.text(4);
    r.layer = st.text(5);
    r.parameters = st.text(6);
    r.output = st.text(7);
    r.outputSha256 = st.text(8);
    r.suppressedCells = st.int64(9);
    r.k = static_cast<int>(st.int64(10));
    r.prevHash = st.text(11);
    r.hash = st.text(12);
    return r;
}

/** The head is kept in the aggregates file too (a purge never touches it), when it is attached. */
bool headFileAttached(sql::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM pragma_database_list WHERE name = 'cube'");
    return st.step() && st.int64(0) > 0;
}

void storeHead(sql::Database& db, qint64 id, const QString& hash) {
    if (!headFileAttached(db))
        return;
    auto st = db.prepare("INSERT OR REPLACE INTO cube.meta (key, value) VALUES ('audit_head', ?)");
    st.bind(1, QStringLiteral("%1 %2").arg(id).arg(hash));
    st.run();
}

void insert(sql::Database& db, AuditLog::Record& r) {
    auto last = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    const bool any = last.step();
    r.prevHash = any ? last.text(1) : QString();
    const qint64 lastId = any ? last.int64(0) : 0;
    last.reset();
    auto seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
    r.id = std::max<qint64>(lastId, seq.step() ? seq.int64(0) : 0) + 1;
    seq.reset();
    r.hash = hashOf(r);
    auto st = db.prepare(QStringLiteral("INSERT INTO audit_log (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                             .arg(QLatin1String(kColumns)));
    st.bind(1, r.id).bind(2, r.time).bind(3, r.user).bind(4, r.action).bind(5, r.purpose).bind(6, r.layer);
    st.bind(7, r.parameters).bind(8, r.output).bind(9, r.outputSha256).bind(10, r.suppressedCells);
    st.bind(11, r.k).bind(12, r.prevHash).bind(13, r.hash);
    st.run();
    storeHead(db, r.id, r.hash);
}

} // namespace

QString AuditLog::osUser() {
#ifdef Q_OS_UNIX
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("uid %1").arg(geteuid());
#else
    return qEnvironmentVariable("USERNAME");
#endif
}

void AuditLog::append(sql::Database& db, Record r) {
    r.time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    r.user = osUser();
    insert(db, r);
}

QVector<AuditLog::Record> AuditLog::list(sql::Database& db) {
    QVector<Record> out;
    auto st = db.prepare(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(QLatin1String(kColumns)));
    while (st.step())
        out.append(read(st));
    return out;
}

AuditLog::Verification AuditLog::verify(sql::Database& db) {
    Verification v;
    const QVector<Record> records = list(db);
    v.records = records.size();
    auto broken = [&](qint64 id, const QString& problem) {
        v.intact = false;
        v.firstBroken = id;
        v.problem = problem;
        return v;
    };
    QString prev;
    for (const Record& r : records) {
        if (r.prevHash != prev)
            return broken(r.id,
                          QStringLiteral("record %1 does not follow the record before it: a record before it "
                                         "was deleted, inserted or changed")
                              .arg(r.id));
        if (hashOf(r) != r.hash)
            return broken(r.id, QStringLiteral("record %1 was changed after it was written (%2, %3)")
                                    .arg(r.id)
                                    .arg(r.time, r.action));
        prev = r.hash;
    }
    const qint64 lastId = records.isEmpty() ? 0 : records.back().id;
    auto seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
    const qint64 highest = seq.step() ? seq.int64(0) : 0;
    if (highest > lastId)
        return broken(lastId,
                      QStringLiteral("the newest records were deleted: the log ends at record %1, but "
                                     "records up to %2 were written")
                          .arg(lastId)
                          .arg(highest));
    if (headFileAttached(db)) {
        auto head = db.prepare("SELECT value FROM cube.meta WHERE key = 'audit_head'");
        if (head.step()) {
            const QStringList parts = head.text(0).split(QLatin1Char(' '));
            // A head behind the log is an aggregates file restored from a backup; one beyond it, or another
            // hash at its record, means records were deleted or rewritten.
            const qint64 headId = parts.value(0).toLongLong();
            const auto at = std::find_if(records.cbegin(), records.cend(),
                                         [&](const Record& r) { return r.id == headId; });
            if (headId > lastId || (at != records.cend() && at->hash != parts.value(1)))
                return broken(lastId,
                              QStringLiteral("the log does not end where the project recorded its end "
                                             "(record %1): records were deleted or rewritten")
                                  .arg(headId));
        }
    }
    return v;
}

void AuditLog::seal(sql::Database& db) {
    db.exec("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT");
    db.exec("ALTER TABLE audit_log ADD COLUMN hash TEXT");
    // Records from before the chain: chained in id order as they are (what they say is not checked).
    qint64 sealed = 0;
    QString prev;
    {
        const QVector<Record> old = list(db);
        auto upd = db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?");
        for (Record r : old) {
            r.prevHash = prev;
            r.hash = hashOf(r);
            upd.bind(1, r.prevHash).bind(2, r.hash).bind(3, r.id);
            upd.run();
            upd.reset();
            prev = r.hash;
            ++sealed;
        }
    }
    Record genesis;
    genesis.action = QStringLiteral("genesis");
    genesis.layer = QStringLiteral("-");
    genesis.parameters = sealed == 0
                             ? QStringLiteral("audit chain started")
                             : QStringLiteral("audit chain started; %1 earlier records sealed").arg(sealed);
    append(db, genesis);
}

} // namespace stroom
