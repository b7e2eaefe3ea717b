#include "store/camera.h"

#include <QRegularExpression>

namespace stroom {

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
