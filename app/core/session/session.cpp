#include "session/session.h"

#include "governance/purge.h"

#include "common/error.h"
#include "common/progress.h"
#include "common/sqlite.h"

#include <QMetaObject>
#include <QThread>

namespace stroom {

qint64 ImportOutcome::stored() const {
    qint64 n = 0;
    for (const ImportReport& r : reports)
        n += r.stored;
    return n;
}

Session::Session(Store store)
    : m_store(std::move(store))
    , m_flows(m_store)
    , m_inventory(m_store) {
    qRegisterMetaType<Changes>("stroom::Session::Changes");
}

Session::~Session() = default;

std::unique_ptr<Session> Session::open(const QString& path, Store::Access access) {
    std::unique_ptr<Session> s(new Session(Store::open(path, access)));
    Purge::applyRetention(s->store()); // the project's retention period, at every open for writing
    Purge::unlinkKept(s->store());     // a reads file found gone: what stays no longer links days
    return s;
}

std::optional<BuildReport> Session::afterImport(Store& store, const std::function<void(double)>& progress,
                                                const std::atomic_bool* cancel) {
    FlowEngine engine(store);
    const TripParameters params = engine.storedParameters();
    if (store.isReadOnly() || !engine.isStale(params))
        return std::nullopt;
    return engine.update(params, progress, cancel);
}

ImportOutcome Session::importFiles(
    const QStringList& files, const ImportOptions& options, const std::function<void(double)>& progress,
    const std::atomic_bool* cancel, bool updateTrips,
    const std::function<void(const QString&, const ImportReport*, const QString&)>& perFile) {
    ImportOutcome out;
    // The session's own connection on its thread; elsewhere one of this thread (closed when done).
    std::optional<Store> own;
    if (QThread::currentThread() != thread())
        own.emplace(m_store.anotherConnection());
    Store& store = own ? *own : m_store;
    const int n = static_cast<int>(files.size());
    const double importShare = updateTrips ? 0.9 : 1.0;
    const Progress report(progress, cancel);
    Importer importer(store);
    // One set of pseudonymisation keys for every file of this import: the same plate in two files, or in
    // a file split at any hour, gets the same pseudonym within a rotation period.
    ImportOptions shared = options;
    if (shared.pseudonymise && !shared.pseudonymKeys)
        shared.pseudonymKeys = std::make_shared<PseudonymKeys>(shared.keyRotation, store.timeZone().toUtf8());
    for (int i = 0; i < n; ++i) {
        if (cancel && cancel->load()) {
            out.cancelled = true;
            break;
        }
        try {
            out.reports.append(importer.importFile(
                files[i], shared, report.part(importShare * i / n, importShare * (i + 1) / n).function(),
                cancel));
            if (perFile)
                perFile(files[i], &out.reports.last(), QString());
        } catch (const Error& e) {
            out.errors << e.message();
            out.exitCode = std::max(out.exitCode, e.exitCode());
            if (perFile)
                perFile(files[i], nullptr, e.message());
        }
    }
    out.cancelled = out.cancelled || (cancel && cancel->load());
    Changes changes;
    if (out.stored() > 0)
        changes |= Reads;
    if (updateTrips && !out.cancelled) {
        try {
            out.trips = afterImport(store, report.part(importShare, 1).function(), cancel);
            if (out.trips)
                changes |= Trips;
        } catch (const Error& e) {
            if (report.cancelled()) { // the files are stored; the trips catch up at the next open
                out.cancelled = true;
            } else {
                out.tripsError = e.message();
                out.exitCode = std::max(out.exitCode, e.exitCode());
            }
        }
    }
    if (out.stored() > 0 && !out.cancelled) {
        try {
            // The retention period at every import too (reads older than it go; every aggregate stays).
            if (Purge::applyRetention(store).reads > 0)
                changes |= Reads;
        } catch (const Error& e) {
            out.errors << e.message();
            out.exitCode = std::max(out.exitCode, e.exitCode());
        }
    }
    report(1.0);
    if (changes)
        notifyChanged(changes);
    return out;
}

BuildReport Session::buildTrips(const TripParameters& params, bool rebuild, const QString& purpose,
                                const std::function<void(double)>& progress, const std::atomic_bool* cancel) {
    std::optional<Store> own;
    if (QThread::currentThread() != thread())
        own.emplace(m_store.anotherConnection());
    Store& store = own ? *own : m_store;
    FlowEngine engine(store);
    const TripParameters stored = engine.storedParameters();
    const bool change = params != stored;
    if (change && purpose.trimmed().isEmpty())
        throw Error::usage(QStringLiteral("changing the trip parameters (%1 → %2) needs a purpose "
                                          "(stroom-cli: --purpose TEXT); the change "
                                          "is recorded in the audit trail")
                               .arg(parametersText(stored), parametersText(params)));
    sql::Transaction tx(store.database());
    const BuildReport r =
        rebuild ? engine.rebuild(params, progress, cancel) : engine.update(params, progress, cancel);
    if (change) {
        Store::AuditEntry e;
        e.action = QStringLiteral("trip parameters changed");
        e.purpose = purpose.trimmed();
        e.layer = QStringLiteral("L1");
        e.parameters = QStringLiteral("from %1 to %2").arg(parametersText(stored), parametersText(params));
        e.k = store.threshold();
        store.audit(e);
    }
    tx.commit();
    notifyChanged(Trips);
    return r;
}

void Session::notifyChanged(Changes what) {
    if (QThread::currentThread() == thread()) {
        emit changed(what);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, what] { emit changed(what); }, Qt::QueuedConnection);
}

} // namespace stroom
