#include "store/camera.h"

#include <QRegularExpression>

#include <cmath>

namespace stroom {

namespace {
/** One text field of a camera: how to read it and how to set it. */
struct FieldAccess {
    const char* name;
    QString (*get)(const Camera&);
    void (*set)(Camera&, const QString&);
};

QString coordinate(const Camera& c, double v) {
    return c.hasPosition() ? QString::number(v, 'f', 7) : QString();
}
double coordinateFrom(const QString& v) {
    return v.isEmpty() ? std::nan("") : v.toDouble();
}

const FieldAccess kFields[] = {
    {"name", [](const Camera& c) { return c.name; }, [](Camera& c, const QString& v) { c.name = v; }},
    {"site", [](const Camera& c) { return c.site; }, [](Camera& c, const QString& v) { c.site = v; }},
    {"lon", [](const Camera& c) { return coordinate(c, c.lon); },
     [](Camera& c, const QString& v) { c.lon = coordinateFrom(v); }},
    {"lat", [](const Camera& c) { return coordinate(c, c.lat); },
     [](Camera& c, const QString& v) { c.lat = coordinateFrom(v); }},
    {"directions", [](const Camera& c) { return c.directionsText(); },
     [](Camera& c, const QString& v) { Camera::parseDirections(v, &c.directions); }},
    {"lanes", [](const Camera& c) { return c.lanes > 0 ? QString::number(c.lanes) : QString(); },
     [](Camera& c, const QString& v) { c.lanes = v.toInt(); }},
    {"owner", [](const Camera& c) { return c.owner; }, [](Camera& c, const QString& v) { c.owner = v; }},
    {"operator", [](const Camera& c) { return c.operatorName; },
     [](Camera& c, const QString& v) { c.operatorName = v; }},
    {"purpose", [](const Camera& c) { return c.purpose; },
     [](Camera& c, const QString& v) { c.purpose = v; }},
    {"legal_basis", [](const Camera& c) { return c.legalBasis; },
     [](Camera& c, const QString& v) { c.legalBasis = v; }},
    {"registered",
     [](const Camera& c) { return c.registered ? QStringLiteral("yes") : QStringLiteral("no"); },
     [](Camera& c, const QString& v) { c.registered = v == QLatin1String("yes"); }},
    {"installed", [](const Camera& c) { return c.installed.toString(Qt::ISODate); },
     [](Camera& c, const QString& v) { c.installed = QDate::fromString(v, Qt::ISODate); }},
    {"status", [](const Camera& c) { return c.status; }, [](Camera& c, const QString& v) { c.status = v; }},
    {"role", [](const Camera& c) { return c.role; }, [](Camera& c, const QString& v) { c.role = v; }},
    {"zone", [](const Camera& c) { return c.zone; }, [](Camera& c, const QString& v) { c.zone = v; }},
    {"source", [](const Camera& c) { return c.source; }, [](Camera& c, const QString& v) { c.source = v; }},
    {"source_id", [](const Camera& c) { return c.sourceId; },
     [](Camera& c, const QString& v) { c.sourceId = v; }},
    {"notes", [](const Camera& c) { return c.notes; }, [](Camera& c, const QString& v) { c.notes = v; }},
};
} // namespace

QMap<QString, QString> Camera::fields() const {
    QMap<QString, QString> out;
    for (const FieldAccess& f : kFields)
        out.insert(QLatin1String(f.name), f.get(*this));
    return out;
}

bool Camera::setField(const QString& name, const QString& value) {
    for (const FieldAccess& f : kFields)
        if (name == QLatin1String(f.name)) {
            f.set(*this, value);
            return true;
        }
    return false;
}

QString Camera::directionsText() const {
    QStringList parts;
    for (int d : directions)
        parts << QString::number(d);
    return parts.join(QLatin1Char(';'));
}

bool Camera::parseDirections(const QString& text, QVector<int>* out) {
    static const QStringList compass = {
        QStringLiteral("N"), QStringLiteral("NNE"), QStringLiteral("NE"), QStringLiteral("ENE"),
        QStringLiteral("E"), QStringLiteral("ESE"), QStringLiteral("SE"), QStringLiteral("SSE"),
        QStringLiteral("S"), QStringLiteral("SSW"), QStringLiteral("SW"), QStringLiteral("WSW"),
        QStringLiteral("W"), QStringLiteral("WNW"), QStringLiteral("NW"), QStringLiteral("NNW")};
    out->clear();
    bool ok = true;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[;,]")), Qt::SkipEmptyParts);
    for (const QString& raw : parts) {
        const QString p = raw.trimmed().toUpper();
        if (p.isEmpty())
            continue;
        bool isNumber = false;
        const double deg = p.toDouble(&isNumber);
        if (isNumber && deg >= 0 && deg < 360.0) {
            out->append(static_cast<int>(std::lround(deg)) % 360);
            continue;
        }
        const int idx = compass.indexOf(p);
        if (idx >= 0) {
            out->append(static_cast<int>(std::lround(idx * 22.5)) % 360);
            continue;
        }
        ok = false;
    }
    return ok;
}

const QStringList& Camera::purposes() {
    static const QStringList list = {QStringLiteral("police"),  QStringLiteral("traffic"),
                                     QStringLiteral("lez"),     QStringLiteral("section-control"),
                                     QStringLiteral("parking"), QStringLiteral("other")};
    return list;
}

const QStringList& Camera::roles() {
    static const QStringList list = {QStringLiteral("cordon-in"), QStringLiteral("cordon-out"),
                                     QStringLiteral("internal"), QStringLiteral("screenline")};
    return list;
}

const QStringList& Camera::statuses() {
    static const QStringList list = {QStringLiteral("active"), QStringLiteral("planned"),
                                     QStringLiteral("out-of-service"), QStringLiteral("removed")};
    return list;
}

static bool sameCoordinate(double a, double b) {
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::fabs(a - b) < 1e-9;
}

bool Camera::operator==(const Camera& o) const {
    return id == o.id && name == o.name && site == o.site && sameCoordinate(lon, o.lon) &&
           sameCoordinate(lat, o.lat) && directions == o.directions && lanes == o.lanes && owner == o.owner &&
           operatorName == o.operatorName && purpose == o.purpose && legalBasis == o.legalBasis &&
           registered == o.registered && installed == o.installed && status == o.status && role == o.role &&
           zone == o.zone && source == o.source && sourceId == o.sourceId && notes == o.notes;
}

} // namespace stroom
