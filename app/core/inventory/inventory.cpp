#include "inventory/inventory.h"

#include "common/bytesource.h"
#include "common/error.h"
#include "common/sqlite.h"
#include "common/vectorsource.h"
#include "common/vectorwriter.h"
#include "store/outputfile.h"
#include "store/readblocks.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace stroom {

Inventory::Inventory(Store& store)
    : m_store(store) {}

void Inventory::setAlias(const QString& alias, const QString& owner) {
    if (alias.trimmed().isEmpty() || owner.trimmed().isEmpty())
        throw Error::usage(QStringLiteral("an alias and its owner must not be empty"));
    auto st = m_store.database().prepare("INSERT INTO operator_aliases (alias, owner) VALUES (?, ?) "
                                         "ON CONFLICT(alias) DO UPDATE SET owner = excluded.owner");
    st.bind(1, alias.trimmed()).bind(2, owner.trimmed());
    st.run();
}

QMap<QString, QString> Inventory::aliases() {
    QMap<QString, QString> out;
    auto st = m_store.database().prepare("SELECT alias, owner FROM operator_aliases");
    while (st.step())
        out.insert(st.text(0), st.text(1));
    return out;
}

void Inventory::normalise(QVector<Camera>& cameras) {
    const QMap<QString, QString> a = aliases();
    for (Camera& c : cameras) {
        const QString basis = c.owner.trimmed().isEmpty() ? c.operatorName.trimmed() : c.owner.trimmed();
        c.owner = a.value(basis, basis);
    }
}

int Inventory::applyAliases() {
    QVector<Camera> cams = m_store.cameras();
    const QVector<Camera> before = cams;
    normalise(cams);
    QVector<Camera> changed;
    for (int i = 0; i < cams.size(); ++i)
        if (cams[i].owner != before[i].owner)
            changed << cams[i];
    if (!changed.isEmpty())
        m_store.upsertCameras(changed);
    return changed.size();
}

namespace {
/** Lower case, no accents, no punctuation, no legal forms or fillers. */
QStringList tokens(const QString& name) {
    QString s = name.normalized(QString::NormalizationForm_KD).toLower();
    QString plain;
    for (QChar c : s)
        if (c.category() != QChar::Mark_NonSpacing)
            plain += c.isLetterOrNumber() ? c : QChar(QLatin1Char(' '));
    static const QSet<QString> filler = {QStringLiteral("nv"),  QStringLiteral("bv"),  QStringLiteral("bvba"),
                                         QStringLiteral("vzw"), QStringLiteral("de"),  QStringLiteral("het"),
                                         QStringLiteral("la"),  QStringLiteral("le"),  QStringLiteral("et"),
                                         QStringLiteral("en"),  QStringLiteral("van"), QStringLiteral("of")};
    QStringList out;
    for (const QString& t : plain.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!filler.contains(t))
            out << t;
    return out;
}

int levenshtein(const QString& a, const QString& b) {
    std::vector<int> prev(static_cast<std::size_t>(b.size()) + 1), cur(prev.size());
    for (int j = 0; j <= b.size(); ++j)
        prev[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[static_cast<std::size_t>(j)] =
                std::min({prev[static_cast<std::size_t>(j)] + 1, cur[static_cast<std::size_t>(j) - 1] + 1,
                          prev[static_cast<std::size_t>(j) - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[static_cast<std::size_t>(b.size())];
}
} // namespace

double Inventory::similarity(const QString& a, const QString& b) {
    const QStringList ta = tokens(a), tb = tokens(b);
    if (ta.isEmpty() || tb.isEmpty())
        return 0;
    const QString ja = ta.join(QLatin1Char(' ')), jb = tb.join(QLatin1Char(' '));
    if (ja == jb)
        return 1;
    // Spelling: edit distance of the whole names.
    const double edit = 1.0 - double(levenshtein(ja, jb)) / double(std::max(ja.size(), jb.size()));
    // Shared words (an acronym such as BPS in both counts a lot).
    const QSet<QString> sa(ta.begin(), ta.end()), sb(tb.begin(), tb.end());
    const QSet<QString> shared = sa & sb;
    // One shared word only counts when it is an acronym (BPS, AWV): "Politie" alone says little.
    const bool telling = shared.size() >= 2 || std::any_of(shared.begin(), shared.end(),
                                                           [](const QString& t) { return t.size() <= 4; });
    const double overlap = telling ? double(shared.size()) / double(std::min(sa.size(), sb.size())) : 0.0;
    return std::max(edit, overlap * 0.95);
}

QVector<Inventory::Suggestion> Inventory::suggestMerges(double threshold) {
    // Owners only: an operator (who runs a camera for its owner, e.g. "Federale Politie - Wegpolitie" for
    // "Federale Politie") is another party, never a spelling of an owner.
    QSet<QString> names;
    for (const Camera& c : m_store.cameras())
        if (!c.owner.trimmed().isEmpty())
            names.insert(c.owner.trimmed());
    const QMap<QString, QString> a = aliases();
    QStringList list(names.begin(), names.end());
    list.sort();
    QVector<Suggestion> out;
    for (int i = 0; i < list.size(); ++i)
        for (int j = i + 1; j < list.size(); ++j) {
            if (a.value(list[i], list[i]) == a.value(list[j], list[j]))
                continue; // already one owner
            const double s = similarity(list[i], list[j]);
            if (s >= threshold)
                out.append(Suggestion{list[i], list[j], s});
        }
    std::sort(out.begin(), out.end(),
              [](const Suggestion& x, const Suggestion& y) { return x.score > y.score; });
    return out;
}

QMap<QString, int> Inventory::countsByOwner() {
    QMap<QString, int> out;
    for (const Camera& c : m_store.cameras())
        out[c.owner] += 1;
    return out;
}

QStringList Inventory::validate(const Camera& c) {
    QStringList e;
    if (c.id.trimmed().isEmpty())
        e << QStringLiteral("the camera needs an id");
    if (c.owner.trimmed().isEmpty())
        e << QStringLiteral("the owner is required");
    if (!c.purpose.isEmpty() && !Camera::purposes().contains(c.purpose))
        e << QStringLiteral("purpose '%1' is not one of %2")
                 .arg(c.purpose, Camera::purposes().join(QStringLiteral(", ")));
    if (c.purpose.isEmpty())
        e << QStringLiteral("the purpose is required (%1)")
                 .arg(Camera::purposes().join(QStringLiteral(", ")));
    if (c.purpose == QLatin1String("police") && c.legalBasis.trimmed().isEmpty())
        e << QStringLiteral("a police camera needs its legal basis");
    for (int d : c.directions)
        if (d < 0 || d > 359)
            e << QStringLiteral("direction %1 is not between 0 and 359").arg(d);
    if (!c.role.isEmpty() && !Camera::roles().contains(c.role))
        e << QStringLiteral("role '%1' is not one of %2")
                 .arg(c.role, Camera::roles().join(QStringLiteral(", ")));
    if (!c.status.isEmpty() && !Camera::statuses().contains(c.status))
        e << QStringLiteral("status '%1' is not one of %2")
                 .arg(c.status, Camera::statuses().join(QStringLiteral(", ")));
    if (c.hasPosition() && (c.lat < -90 || c.lat > 90 || c.lon < -180 || c.lon > 180))
        e << QStringLiteral("the position is not a longitude/latitude");
    return e;
}

namespace {
const QString kExists = QStringLiteral("(camera)");
} // namespace

qint64 Inventory::edit(const Camera& camera) {
    const QStringList problems = validate(camera);
    if (!problems.isEmpty())
        throw Error::input(
            QStringLiteral("camera %1: %2").arg(camera.id, problems.join(QStringLiteral("; "))));
    return write(camera);
}

namespace {
/** One numbered edit in camera_history (when, OS user), a row per field it changes. */
class HistoryEntry {
public:
    HistoryEntry(sql::Database& db, const QString& cameraId)
        : m_log(db.prepare("INSERT INTO camera_history (edit_id, camera_id, time, user, field, old_value, "
                           "new_value) VALUES (?,?,?,?,?,?,?)"))
        , m_cameraId(cameraId)
        , m_time(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        , m_user(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"))) {
        auto next = db.prepare("SELECT coalesce(max(edit_id), 0) + 1 FROM camera_history");
        next.step();
        m_id = next.int64(0);
    }
    qint64 id() const { return m_id; }
    /** A null value stands for "none" (a camera that did not exist yet, or no longer does). */
    void record(const QString& field, const QString& oldValue, const QString& newValue) {
        m_log.bind(1, m_id).bind(2, m_cameraId).bind(3, m_time).bind(4, m_user).bind(5, field);
        bindOrNull(6, oldValue);
        bindOrNull(7, newValue);
        m_log.run();
    }

private:
    void bindOrNull(int i, const QString& v) {
        if (v.isNull())
            m_log.bindNull(i);
        else
            m_log.bind(i, v);
    }
    sql::Statement m_log;
    QString m_cameraId, m_time, m_user;
    qint64 m_id = 0;
};
} // namespace

qint64 Inventory::write(const Camera& camera) {
    sql::Database& db = m_store.database();
    const std::optional<Camera> before = m_store.camera(camera.id);
    // The history and the change itself in one transaction: either both are stored or neither.
    sql::Transaction tx(db);
    HistoryEntry entry(db, camera.id);
    if (!before)
        entry.record(kExists, QString(), QStringLiteral("added"));
    const QMap<QString, QString> a = before ? before->fields() : QMap<QString, QString>(),
                                 b = camera.fields();
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        if (a.value(it.key()) != it.value())
            entry.record(it.key(), a.value(it.key()), it.value());
    m_store.upsertCameras({camera});
    tx.commit();
    return entry.id();
}

qint64 Inventory::remove(const QString& cameraId) {
    sql::Database& db = m_store.database();
    const Camera gone = m_store.requireCamera(cameraId);
    sql::Transaction tx(db);
    HistoryEntry entry(db, cameraId);
    entry.record(kExists, QStringLiteral("added"), QString());
    const QMap<QString, QString> a = gone.fields();
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        entry.record(it.key(), it.value(), QString());
    auto del = db.prepare("DELETE FROM cameras WHERE camera_id = ?");
    del.bind(1, cameraId);
    del.run();
    tx.commit();
    return entry.id();
}

void Inventory::undo(qint64 editId) {
    replay(editId, false);
}

void Inventory::redo(qint64 editId) {
    replay(editId, true);
}

void Inventory::replay(qint64 editId, bool forward) {
    auto st = m_store.database().prepare(
        "SELECT camera_id, field, old_value, new_value FROM camera_history WHERE edit_id = ?");
    st.bind(1, editId);
    QString cameraId;
    QVector<QPair<QString, QString>> changes; // field, the value it takes now
    while (st.step()) {
        cameraId = st.text(0);
        const int column = forward ? 3 : 2;
        changes.append({st.text(1), st.isNull(column) ? QString() : st.text(column)});
    }
    if (changes.isEmpty())
        throw Error::input(QStringLiteral("there is no edit %1 to %2")
                               .arg(editId)
                               .arg(forward ? QStringLiteral("redo") : QStringLiteral("undo")));
    for (const auto& [field, value] : changes)
        if (field == kExists && value.isNull()) { // undoing an addition, or redoing a deletion
            remove(cameraId);
            return;
        }
    Camera c = m_store.camera(cameraId).value_or(Camera());
    c.id = cameraId;
    for (const auto& [field, value] : changes)
        if (field != kExists)
            c.setField(field, value);
    if (forward)
        edit(c); // a redo passes today's rules again
    else
        write(c); // old values go back as they were, even where they predate today's validation rules
}

QVector<Inventory::Change> Inventory::history(const QString& cameraId) {
    QVector<Change> out;
    auto st = m_store.database().prepare(
        "SELECT edit_id, time, user, field, old_value, new_value FROM camera_history "
        "WHERE camera_id = ? ORDER BY edit_id, rowid");
    st.bind(1, cameraId);
    while (st.step())
        out.append(Change{st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
}

Inventory::Completeness Inventory::completeness(const QSet<QString>* seenInPeriod) {
    Completeness r;
    QSet<std::int64_t> withReads;
    for (std::int64_t fid : ReadBlocks(m_store.database()).cameras())
        withReads.insert(fid);
    auto fids = m_store.database().prepare("SELECT fid, camera_id FROM cameras");
    QHash<QString, std::int64_t> fidOf;
    while (fids.step())
        fidOf.insert(fids.text(1), fids.int64(0));
    for (const Camera& c : m_store.cameras()) {
        ++r.cameras;
        r.names.insert(c.id, c.name);
        r.byOwner[c.owner] += 1;
        r.byPurpose[c.purpose] += 1;
        r.byStatus[c.status] += 1;
        if (c.owner.trimmed().isEmpty())
            r.noOwner << c.id;
        if (c.legalBasis.trimmed().isEmpty())
            r.noLegalBasis << c.id;
        if (c.purpose.isEmpty())
            r.noPurpose << c.id;
        const bool seen = withReads.contains(fidOf.value(c.id));
        if (!c.registered) {
            r.unregistered << c.id;
            if (seen)
                r.seenNotRegistered << c.id;
        } else if (c.status == QLatin1String("active")) {
            if (seenInPeriod ? !seenInPeriod->contains(c.id) : !withReads.isEmpty() && !seen)
                r.silent << c.id;
        }
    }
    return r;
}

const QStringList& Inventory::publicFields() {
    static const QStringList f = {
        QStringLiteral("camera_id"),  QStringLiteral("name"),        QStringLiteral("site"),
        QStringLiteral("directions"), QStringLiteral("owner"),       QStringLiteral("operator"),
        QStringLiteral("purpose"),    QStringLiteral("legal_basis"), QStringLiteral("registered"),
        QStringLiteral("installed"),  QStringLiteral("status")};
    return f;
}

int Inventory::exportRegister(const QString& path, bool publicOnly, const QString& purpose, bool overwrite) {
    OutputFile file(m_store, path, overwrite);
    QStringList fields = publicFields();
    if (!publicOnly)
        fields << QStringLiteral("lanes") << QStringLiteral("role") << QStringLiteral("zone")
               << QStringLiteral("source") << QStringLiteral("source_id") << QStringLiteral("notes");
    VectorWriter out(file.temporaryPath(), publicOnly ? "camera_register" : "cameras", wkbPoint);
    for (const QString& name : fields)
        out.field(name.toUtf8().constData(), OFTString);
    int rows = 0;
    for (const Camera& c : m_store.cameras()) {
        QMap<QString, QString> v = c.fields();
        v.insert(QStringLiteral("camera_id"), c.id);
        OGRFeatureH f = out.feature();
        for (int i = 0; i < fields.size(); ++i)
            OGR_F_SetFieldString(f, i, v.value(fields[i]).toUtf8().constData());
        if (c.hasPosition()) {
            OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
            OGR_G_SetPoint_2D(pt, 0, c.lon, c.lat);
            OGR_F_SetGeometryDirectly(f, pt);
        }
        out.add(f);
        ++rows;
    }
    out.close();
    Store::AuditEntry a;
    a.action = publicOnly ? QStringLiteral("public register") : QStringLiteral("register export");
    a.purpose = purpose;
    a.layer = publicOnly ? QStringLiteral("L3") : QStringLiteral("register");
    a.parameters = QStringLiteral("fields: %1").arg(fields.join(QLatin1Char(',')));
    file.commit(a);
    return rows;
}

} // namespace stroom
