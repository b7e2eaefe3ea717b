#include "flows/cameraindex.h"

#include "common/geometry.h"
#include "common/sqlite.h"
#include "store/geopackage.h"
#include "store/store.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <set>

namespace stroom {

QPointF CameraIndex::at(std::uint32_t key, bool zones) const {
    const auto& v = zones ? zonePosition : position;
    return key < v.size() ? v[key] : QPointF(std::nan(""), std::nan(""));
}

std::vector<QPointF> CameraIndex::flowLine(const OdFlow& flow, bool zones) const {
    const QPointF a = at(flow.origin, zones), b = at(flow.destination, zones);
    if (flow.origin == flow.destination || std::isnan(a.x()) || std::isnan(b.x()))
        return {};
    return geo::flowArc(a.x(), a.y(), b.x(), b.y());
}

std::uint32_t CameraIndex::keyOf(const QString& cameraId) const {
    for (std::size_t i = 0; i < id.size(); ++i)
        if (id[i] == cameraId)
            return static_cast<std::uint32_t>(i);
    return UINT32_MAX;
}

QString CameraIndex::idOf(std::uint32_t key, bool zones) const {
    if (zones)
        return key < static_cast<std::uint32_t>(zoneIds.size()) ? zoneIds[static_cast<int>(key)]
                                                                : QString::number(key);
    return key < id.size() && !id[key].isEmpty() ? id[key] : QString::number(key);
}

QString CameraIndex::nameOf(std::uint32_t key, bool zones) const {
    if (zones)
        return zoneNames.value(static_cast<int>(key)).trimmed();
    return key < name.size() ? name[key] : QString();
}

QString CameraIndex::label(std::uint32_t key, bool zones) const {
    return label(nameOf(key, zones), idOf(key, zones));
}

QString CameraIndex::label(const QString& name, const QString& id) {
    const QString n = name.trimmed();
    if (n.isEmpty())
        return id;
    // A name that already says the id ("Drongen C071") is not followed by it a second time; a short id ("C",
    // "1") in a name may be a house number or a letter, and stays.
    if (id.size() >= 3) {
        auto wordChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
        for (int at = n.indexOf(id, 0, Qt::CaseInsensitive); at >= 0;
             at = n.indexOf(id, at + 1, Qt::CaseInsensitive))
            if ((at == 0 || !wordChar(n[at - 1])) &&
                (at + id.size() == n.size() || !wordChar(n[at + id.size()])))
                return n;
    }
    return QStringLiteral("%1 (%2)").arg(n, id);
}

bool CameraIndex::hasCordon() const {
    return std::find(cordonIn.begin(), cordonIn.end(), true) != cordonIn.end() &&
           std::find(cordonOut.begin(), cordonOut.end(), true) != cordonOut.end();
}

QString CameraIndex::rolesSignature() const {
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (std::size_t i = 0; i < id.size(); ++i)
        if (cordonIn[i] || cordonOut[i])
            h.addData(QStringLiteral("%1:%2%3;")
                          .arg(i)
                          .arg(cordonIn[i] ? 1 : 0)
                          .arg(cordonOut[i] ? 1 : 0)
                          .toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

CameraIndex CameraIndex::load(Store& store) {
    CameraIndex c;
    auto st = store.database().prepare(
        "SELECT fid, camera_id, zone, role, geom, name FROM cameras ORDER BY camera_id");
    const double nan = std::nan("");
    std::vector<std::pair<std::uint32_t, QString>> rows;
    while (st.step()) {
        const auto fid = static_cast<std::uint32_t>(st.int64(0));
        if (fid >= c.id.size()) {
            c.id.resize(fid + 1);
            c.name.resize(fid + 1);
            c.zone.resize(fid + 1);
            c.cordonIn.resize(fid + 1, false);
            c.cordonOut.resize(fid + 1, false);
            c.order.resize(fid + 1, 0);
            c.position.resize(fid + 1, QPointF(nan, nan));
        }
        if (!st.isNull(4)) {
            double x = 0, y = 0;
            if (geo::readPointWkb(gpkg::wkbFromBlob(st.blob(4)), &x, &y))
                c.position[fid] = QPointF(x, y);
        }
        c.id[fid] = st.text(1);
        c.name[fid] = st.text(5).trimmed();
        c.zone[fid] = st.text(2);
        const QString role = st.text(3);
        c.cordonIn[fid] = role == QLatin1String("cordon-in");
        c.cordonOut[fid] = role == QLatin1String("cordon-out");
        rows.emplace_back(fid, c.id[fid]);
    }
    std::uint32_t rank = 0;
    for (const auto& r : rows) // already in camera_id order (SQLite's binary collation)
        c.order[r.first] = rank++;
    std::set<QString> zones;
    for (const QString& z : c.zone)
        if (!z.isEmpty())
            zones.insert(z);
    c.zoneIds = QStringList(zones.begin(), zones.end());
    c.zoneOf.assign(c.id.size(), -1);
    for (std::size_t i = 0; i < c.zone.size(); ++i)
        if (!c.zone[i].isEmpty())
            c.zoneOf[i] = c.zoneIds.indexOf(c.zone[i]);
    c.zonePosition.assign(static_cast<std::size_t>(c.zoneIds.size()), QPointF(nan, nan));
    for (int i = 0; i < c.zoneIds.size(); ++i)
        c.zoneNames << QString();
    for (const Zone& z : store.zones()) {
        const int i = c.zoneIds.indexOf(z.id);
        if (i >= 0) {
            c.zonePosition[static_cast<std::size_t>(i)] = geo::Shape::fromWkb(z.wkb).pointOnSurface();
            c.zoneNames[i] = z.name;
        }
    }
    return c;
}

} // namespace stroom
