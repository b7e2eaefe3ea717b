#include "inventory/inventoryimport.h"

#include "common/error.h"
#include "common/geometry.h"

#include <ogr_api.h>

namespace stroom {

namespace {

QString lookup(const VectorFeature& f, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        const QString key = QString::fromLatin1(n);
        for (auto it = f.attributes.cbegin(); it != f.attributes.cend(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0 && !it.value().trimmed().isEmpty())
                return it.value().trimmed();
        }
    }
    return QString();
}

bool parseBool(const QString& v, bool fallback) {
    const QString s = v.trimmed().toLower();
    if (s.isEmpty())
        return fallback;
    static const QStringList yes = {QStringLiteral("1"),  QStringLiteral("true"), QStringLiteral("yes"),
                                    QStringLiteral("ja"), QStringLiteral("y"),    QStringLiteral("j")};
    return yes.contains(s);
}

QByteArray toMultiPolygon(const QByteArray& wkb) {
    OGRGeometryH g = nullptr;
    if (OGR_G_CreateFromWkb(wkb.constData(), nullptr, &g, wkb.size()) != OGRERR_NONE || !g)
        return {};
    g = OGR_G_ForceToMultiPolygon(g);
    QByteArray out;
    if (g && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbMultiPolygon) {
        out.resize(OGR_G_WkbSize(g));
        OGR_G_ExportToIsoWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(out.data()));
    }
    OGR_G_DestroyGeometry(g);
    return out;
}

} // namespace

QString normalisePurpose(const QString& text) {
    const QString s = text.trimmed().toLower();
    if (s.isEmpty())
        return {};
    if (Camera::purposes().contains(s))
        return s;
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("politie"), QStringLiteral("police")},
        {QStringLiteral("law enforcement"), QStringLiteral("police")},
        {QStringLiteral("verkeer"), QStringLiteral("traffic")},
        {QStringLiteral("mobiliteit"), QStringLiteral("traffic")},
        {QStringLiteral("traffic counting"), QStringLiteral("traffic")},
        {QStringLiteral("lage-emissiezone"), QStringLiteral("lez")},
        {QStringLiteral("low emission zone"), QStringLiteral("lez")},
        {QStringLiteral("trajectcontrole"), QStringLiteral("section-control")},
        {QStringLiteral("section control"), QStringLiteral("section-control")},
        {QStringLiteral("average_speed"), QStringLiteral("section-control")},
        {QStringLiteral("parkeren"), QStringLiteral("parking")},
        {QStringLiteral("andere"), QStringLiteral("other")},
    };
    return aliases.value(s);
}

QString normaliseRole(const QString& text) {
    const QString s = text.trimmed().toLower();
    if (Camera::roles().contains(s))
        return s;
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("in"), QStringLiteral("cordon-in")},
        {QStringLiteral("inbound"), QStringLiteral("cordon-in")},
        {QStringLiteral("inkomend"), QStringLiteral("cordon-in")},
        {QStringLiteral("out"), QStringLiteral("cordon-out")},
        {QStringLiteral("outbound"), QStringLiteral("cordon-out")},
        {QStringLiteral("uitgaand"), QStringLiteral("cordon-out")},
        {QStringLiteral("intern"), QStringLiteral("internal")},
        {QStringLiteral("screen line"), QStringLiteral("screenline")},
    };
    return aliases.value(s);
}

namespace {

bool isOsm(const VectorFeature& f) {
    return f.attributes.value(QStringLiteral("man_made")) == QLatin1String("surveillance") ||
           f.attributes.contains(QStringLiteral("surveillance:type"));
}

/** An OpenStreetMap surveillance node as a camera: OSM id, operator, directions, zone → purpose. */
Camera cameraFromOsm(const VectorFeature& f, const QString& fileName, QStringList* warnings) {
    Camera c;
    const QString osmId = lookup(f, {"id", "@id", "osm_id"}).section(QLatin1Char('/'), -1);
    if (osmId.isEmpty())
        throw Error::input(
            QStringLiteral("%1 %2: an OpenStreetMap camera without its OSM id").arg(fileName, f.where));
    c.id = QStringLiteral("osm-%1").arg(osmId);
    c.source = QStringLiteral("openstreetmap");
    c.sourceId = osmId;
    if (f.wkb.isEmpty() || !geo::readPointWkb(f.wkb, &c.lon, &c.lat))
        throw Error::input(
            QStringLiteral("%1 %2: OSM camera %3 has no point position").arg(fileName, f.where, osmId));
    c.name = lookup(f, {"name", "ref"});
    c.operatorName = lookup(f, {"operator"});
    c.owner = c.operatorName; // the mapping table turns spellings into one owner
    const QString dirs = lookup(f, {"camera:direction", "direction"});
    if (!Camera::parseDirections(dirs, &c.directions) && warnings)
        warnings->append(
            QStringLiteral("%1 %2: direction '%3' partly unreadable").arg(fileName, f.where, dirs));
    const QString zone = lookup(f, {"surveillance:zone"}).toLower();
    const QString text = (lookup(f, {"description"}) + QLatin1Char(' ') + lookup(f, {"note"})).toLower();
    if (text.contains(QLatin1String("lez")) || text.contains(QLatin1String("emissi")))
        c.purpose = QStringLiteral("lez");
    else if (lookup(f, {"highway"}) == QLatin1String("speed_camera") ||
             text.contains(QLatin1String("trajectcontrole")) || text.contains(QLatin1String("section")))
        c.purpose = QStringLiteral("section-control");
    else if (zone.startsWith(QLatin1String("traffic")))
        c.purpose = QStringLiteral("traffic");
    else if (zone == QLatin1String("parking"))
        c.purpose = QStringLiteral("parking");
    else if (zone == QLatin1String("police"))
        c.purpose = QStringLiteral("police");
    else
        c.purpose = QStringLiteral("other");
    c.registered = false; // OSM says the camera is there, not that it was declared to the authority
    c.status = QStringLiteral("active");
    QStringList notes;
    for (const auto& [key, label] : {std::pair<const char*, const char*>{"description", ""},
                                     {"manufacturer", "manufacturer: "},
                                     {"surveillance:type", "surveillance:type: "},
                                     {"camera:type", "camera:type: "}}) {
        const QString v = lookup(f, {key});
        if (!v.isEmpty())
            notes << QString::fromLatin1(label) + v;
    }
    c.notes = notes.join(QStringLiteral("; "));
    return c;
}

} // namespace

QVector<Camera> camerasFromFeatures(const QVector<VectorFeature>& features, const QString& fileName,
                                    QStringList* warnings) {
    QVector<Camera> out;
    out.reserve(features.size());
    for (const VectorFeature& f : features) {
        if (isOsm(f)) {
            out.append(cameraFromOsm(f, fileName, warnings));
            continue;
        }
        Camera c;
        c.id = lookup(f, {"camera_id", "cameraid", "id", "camera", "deviceid", "device_id", "@id", "osm_id"});
        if (c.id.isEmpty())
            throw Error::input(QStringLiteral("%1 %2: no camera id (expected a column camera_id or id)")
                                   .arg(fileName, f.where));
        if (f.wkb.isEmpty() || !geo::readPointWkb(f.wkb, &c.lon, &c.lat))
            throw Error::input(
                QStringLiteral("%1 %2: camera %3 has no point position (expected lon/lat columns or "
                               "point geometry)")
                    .arg(fileName, f.where, c.id));
        c.name = lookup(f, {"name", "naam"});
        c.site = lookup(f, {"site", "location", "locatie", "plaats"});
        const QString dirs = lookup(f, {"directions", "direction", "camera:direction", "richting"});
        if (!Camera::parseDirections(dirs, &c.directions) && warnings)
            warnings->append(
                QStringLiteral("%1 %2: direction '%3' partly unreadable").arg(fileName, f.where, dirs));
        c.lanes = lookup(f, {"lanes", "rijstroken"}).toInt();
        c.owner = lookup(f, {"owner", "eigenaar"});
        c.operatorName = lookup(f, {"operator", "beheerder", "exploitant"});
        const QString purpose = lookup(f, {"purpose", "doel"});
        c.purpose = normalisePurpose(purpose);
        if (!purpose.isEmpty() && c.purpose.isEmpty() && warnings)
            warnings->append(
                QStringLiteral("%1 %2: unknown purpose '%3' left empty").arg(fileName, f.where, purpose));
        c.legalBasis = lookup(f, {"legal_basis", "legalbasis", "rechtsgrond"});
        c.registered = parseBool(lookup(f, {"registered", "geregistreerd"}), true);
        c.installed =
            QDate::fromString(lookup(f, {"installed", "installed_date", "installatiedatum"}), Qt::ISODate);
        const QString status = lookup(f, {"status"}).toLower();
        c.status = Camera::statuses().contains(status)
                       ? status
                       : (status.isEmpty() ? QStringLiteral("active") : QString());
        if (!status.isEmpty() && c.status.isEmpty() && warnings)
            warnings->append(
                QStringLiteral("%1 %2: unknown status '%3' left empty").arg(fileName, f.where, status));
        const QString role = lookup(f, {"role", "rol"});
        c.role = normaliseRole(role);
        if (!role.isEmpty() && c.role.isEmpty() && warnings)
            warnings->append(
                QStringLiteral("%1 %2: unknown role '%3' left empty").arg(fileName, f.where, role));
        c.zone = lookup(f, {"zone", "zone_id"});
        c.source = lookup(f, {"source", "bron"});
        if (c.source.isEmpty())
            c.source = fileName.section(QLatin1Char('/'), -1);
        c.sourceId = lookup(f, {"source_id"});
        if (c.sourceId.isEmpty())
            c.sourceId = c.id;
        c.notes = lookup(f, {"notes", "opmerkingen", "description"});
        out.append(c);
    }
    return out;
}

QVector<Zone> zonesFromFeatures(const QVector<VectorFeature>& features, const QString& fileName,
                                const QString& idField, const QString& nameField) {
    QVector<Zone> out;
    for (const VectorFeature& f : features) {
        Zone z;
        if (idField.isEmpty()) {
            z.id = lookup(f, {"zone_id", "id", "code", "wijknr", "zone"});
        } else {
            const QByteArray n = idField.toUtf8();
            z.id = lookup(f, {n.constData()});
        }
        if (nameField.isEmpty()) {
            z.name = lookup(f, {"name", "naam", "wijk", "label"});
        } else {
            const QByteArray n = nameField.toUtf8();
            z.name = lookup(f, {n.constData()});
        }
        if (z.id.isEmpty())
            throw Error::input(QStringLiteral("%1 %2: no zone id%3")
                                   .arg(fileName, f.where,
                                        idField.isEmpty()
                                            ? QStringLiteral(" (name the id column with --id-field)")
                                            : QStringLiteral(" in field '%1'").arg(idField)));
        z.wkb = toMultiPolygon(f.wkb);
        if (z.wkb.isEmpty())
            throw Error::input(
                QStringLiteral("%1 %2: zone %3 is not a polygon").arg(fileName, f.where, z.id));
        out.append(z);
    }
    return out;
}

} // namespace stroom
