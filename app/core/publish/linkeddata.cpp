#include "publish/linkeddata.h"

#include "common/error.h"
#include "common/vehicleclass.h"
#include "flows/cameraindex.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace stroom {

namespace {

const std::vector<std::pair<const char*, const char*>>& prefixes() {
    static const std::vector<std::pair<const char*, const char*>> list = {
        {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
        {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
        {"xsd", "http://www.w3.org/2001/XMLSchema#"},
        {"sosa", "http://www.w3.org/ns/sosa/"},
        {"time", "http://www.w3.org/2006/time#"},
        {"geo", "http://www.opengis.net/ont/geosparql#"},
        {"onderdeel", "https://wegenenverkeer.data.vlaanderen.be/ns/onderdeel#"},
        {"stroom", "urn:stroom:ns#"},
    };
    return list;
}

QString pct(const QString& id) {
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString stamp(std::int64_t utc) {
    return QDateTime::fromSecsSinceEpoch(utc, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString compactStamp(std::int64_t utc) {
    return QDateTime::fromSecsSinceEpoch(utc, Qt::UTC).toString(QStringLiteral("yyyyMMddTHHmmssZ"));
}

QString turtleString(const QString& s) {
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

/** A vocabulary term ("sosa:Observation": a known prefix, letters only) stays as it is; anything else is a
 * full IRI in angle brackets. */
QString turtleIri(const QString& iri) {
    for (const auto& [prefix, ns] : prefixes()) {
        const QString head = QLatin1String(prefix) + QLatin1Char(':');
        if (!iri.startsWith(head))
            continue;
        const QString local = iri.mid(head.size());
        if (!local.isEmpty() && std::all_of(local.begin(), local.end(),
                                            [](QChar c) { return c.isLetter() && c.unicode() < 128; }))
            return iri;
    }
    return QLatin1Char('<') + iri + QLatin1Char('>');
}

} // namespace

LinkedData::LinkedData(const CameraIndex& cameras, const QString& baseIri, const QByteArray& zoneId)
    : m_cams(cameras)
    , m_base(baseIri)
    , m_zone(zoneId) {
    static const QString forbidden = QStringLiteral(" <>\"{}|^`\\");
    for (const QChar c : m_base)
        if (forbidden.contains(c) || c.unicode() < 0x20)
            throw Error::usage(
                QStringLiteral("--base %1: an IRI has no spaces, quotes, braces or angle brackets")
                    .arg(m_base));
    const int colon = m_base.indexOf(QLatin1Char(':'));
    if (colon < 1)
        throw Error::usage(
            QStringLiteral("--base %1: not an absolute IRI (e.g. https://data.example.be/anpr/)")
                .arg(m_base));
    // A scheme that is one of the vocabulary's prefixes would read as a prefixed name in JSON-LD.
    for (const auto& [prefix, ns] : prefixes())
        if (m_base.left(colon) == QLatin1String(prefix))
            throw Error::usage(
                QStringLiteral("--base %1: '%2:' is a prefix of the vocabulary; use http(s) or urn")
                    .arg(m_base, QLatin1String(prefix)));
}

bool LinkedData::isLinkedDataPath(const QString& path) {
    return path.endsWith(QLatin1String(".ttl"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".jsonld"), Qt::CaseInsensitive);
}

QString LinkedData::mint(const QString& path) const {
    return m_base + path;
}

LinkedData::Node& LinkedData::node(const QString& iri) {
    const auto it = m_index.find(iri);
    if (it != m_index.end())
        return m_nodes[it->second];
    m_index.emplace(iri, m_nodes.size());
    m_nodes.push_back(Node{iri, {}});
    return m_nodes.back();
}

void LinkedData::add(const QString& subject, const QString& predicate, const Term& object) {
    node(subject).properties.emplace_back(predicate, object);
}

std::int64_t LinkedData::localToUtc(std::int64_t localSeconds) const {
    LocalTime::Kind kind;
    return m_zone.toUtc(localSeconds, &kind);
}

QString LinkedData::camera(std::uint32_t key, bool zones) {
    const QString id = m_cams.idOf(key, zones);
    const QString iri = mint((zones ? QStringLiteral("zone:") : QStringLiteral("camera:")) + pct(id));
    if (m_index.count(iri))
        return iri;
    if (zones) {
        add(iri, QStringLiteral("a"), LinkedData::iri(QStringLiteral("stroom:Zone")));
    } else {
        add(iri, QStringLiteral("a"), LinkedData::iri(QStringLiteral("onderdeel:ANPRCamera")));
        add(iri, QStringLiteral("a"), LinkedData::iri(QStringLiteral("sosa:Sensor")));
    }
    add(iri, QStringLiteral("rdfs:label"), literal(m_cams.label(key, zones)));
    add(iri, QStringLiteral("stroom:identifier"), literal(id));
    const QPointF at = m_cams.at(key, zones);
    if (!std::isnan(at.x()) && !std::isnan(at.y())) {
        const QString geometry = iri + QStringLiteral(":geometry");
        add(iri, QStringLiteral("geo:hasGeometry"), LinkedData::iri(geometry));
        add(geometry, QStringLiteral("a"), LinkedData::iri(QStringLiteral("geo:Geometry")));
        add(geometry, QStringLiteral("geo:asWKT"),
            literal(QStringLiteral("POINT(%1 %2)").arg(at.x(), 0, 'f', 7).arg(at.y(), 0, 'f', 7),
                    QStringLiteral("geo:wktLiteral")));
    }
    return iri;
}

QString LinkedData::interval(std::int64_t fromUtc, std::int64_t toUtc, const QString& label) {
    const QString iri =
        mint(QStringLiteral("interval:%1/%2").arg(compactStamp(fromUtc), compactStamp(toUtc)));
    if (m_index.count(iri))
        return iri;
    add(iri, QStringLiteral("a"), LinkedData::iri(QStringLiteral("time:Interval")));
    add(iri, QStringLiteral("rdfs:label"), literal(label));
    for (const auto& [predicate, at] : {std::make_pair(QStringLiteral("time:hasBeginning"), fromUtc),
                                        std::make_pair(QStringLiteral("time:hasEnd"), toUtc)}) {
        const QString instant = mint(QStringLiteral("instant:") + compactStamp(at));
        add(iri, predicate, LinkedData::iri(instant));
        if (node(instant).properties.empty()) {
            add(instant, QStringLiteral("a"), LinkedData::iri(QStringLiteral("time:Instant")));
            add(instant, QStringLiteral("time:inXSDDateTimeStamp"),
                literal(stamp(at), QStringLiteral("xsd:dateTimeStamp")));
        }
    }
    return iri;
}

void LinkedData::addFlow(const OdFlow& flow, bool zones, const QDate& from, const QDate& to,
                         const QString& filters) {
    const QString o = camera(flow.origin, zones), d = camera(flow.destination, zones);
    const QString oId = pct(m_cams.idOf(flow.origin, zones)), dId = pct(m_cams.idOf(flow.destination, zones));
    const QString relation = mint(
        QStringLiteral("%1:%2:%3").arg(zones ? QStringLiteral("zone-od") : QStringLiteral("od"), oId, dId));
    if (!m_index.count(relation)) {
        add(relation, QStringLiteral("a"), iri(QStringLiteral("stroom:OriginDestination")));
        add(relation, QStringLiteral("stroom:origin"), iri(o));
        add(relation, QStringLiteral("stroom:destination"), iri(d));
    }
    QString period;
    if (from.isValid() && to.isValid()) {
        const std::int64_t a = localToUtc(QDate(1970, 1, 1).daysTo(from) * 86400);
        const std::int64_t b = localToUtc((QDate(1970, 1, 1).daysTo(to) + 1) * 86400);
        period =
            interval(a, b, QStringLiteral("%1/%2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    }
    const QString obs = mint(QStringLiteral("observation:trips:%1:%2:%3")
                                 .arg(oId, dId,
                                      period.isEmpty() ? QStringLiteral("all")
                                                       : from.toString(Qt::ISODate) + QLatin1Char('/') +
                                                             to.toString(Qt::ISODate)) +
                             (zones ? QStringLiteral(":zones") : QString()));
    add(obs, QStringLiteral("a"), iri(QStringLiteral("sosa:Observation")));
    add(obs, QStringLiteral("sosa:hasFeatureOfInterest"), iri(relation));
    add(obs, QStringLiteral("sosa:observedProperty"), iri(QStringLiteral("stroom:trips")));
    add(obs, QStringLiteral("sosa:hasSimpleResult"),
        literal(QString::number(flow.trips), QStringLiteral("xsd:integer")));
    if (!period.isEmpty())
        add(obs, QStringLiteral("sosa:phenomenonTime"), iri(period));
    add(obs, QStringLiteral("stroom:filters"), literal(filters));
}

void LinkedData::addCount(const CameraCount& c, bool perHour) {
    const QString cam = camera(c.camera, false);
    const std::int64_t day = perHour ? c.period / 24 : c.period;
    const int hour = perHour ? static_cast<int>(c.period % 24) : 0;
    const QDate date = QDate(1970, 1, 1).addDays(day);
    const std::int64_t localStart = day * 86400 + hour * 3600;
    const QString label =
        perHour
            ? QStringLiteral("%1T%2:00").arg(date.toString(Qt::ISODate)).arg(hour, 2, 10, QLatin1Char('0'))
            : date.toString(Qt::ISODate);
    const QString period =
        interval(localToUtc(localStart), localToUtc(localStart + (perHour ? 3600 : 86400)), label);
    const QString cls = c.cls < 0 ? QStringLiteral("all") : QString::fromLatin1(vehicleclass::key(c.cls));
    const QString source =
        c.source == CountSource::Aggregate ? QStringLiteral("aggregate") : QStringLiteral("anpr");
    const auto observation = [&](const char* property, std::int64_t value) {
        const QString obs =
            mint(QStringLiteral("observation:%1:%2:%3:%4:%5")
                     .arg(QLatin1String(property), pct(m_cams.idOf(c.camera, false)), label, cls, source));
        add(obs, QStringLiteral("a"), iri(QStringLiteral("sosa:Observation")));
        add(obs, QStringLiteral("sosa:madeBySensor"), iri(cam));
        add(obs, QStringLiteral("sosa:observedProperty"),
            iri(QStringLiteral("stroom:") + QLatin1String(property)));
        add(obs, QStringLiteral("sosa:hasSimpleResult"),
            literal(QString::number(value), QStringLiteral("xsd:integer")));
        add(obs, QStringLiteral("sosa:phenomenonTime"), iri(period));
        add(obs, QStringLiteral("stroom:vehicleClass"), literal(cls));
        add(obs, QStringLiteral("stroom:source"), literal(source));
    };
    observation("passages", c.passages);
    if (c.vehicles >= 0)
        observation("distinctVehicles", c.vehicles);
}

QByteArray LinkedData::serialise(const QString& path) const {
    return path.endsWith(QLatin1String(".ttl"), Qt::CaseInsensitive) ? turtle() : jsonLd();
}

QByteArray LinkedData::turtle() const {
    QString out;
    for (const auto& [prefix, ns] : prefixes())
        out += QStringLiteral("@prefix %1: <%2> .\n").arg(QLatin1String(prefix), QLatin1String(ns));
    for (const Node& n : m_nodes) {
        out += QLatin1Char('\n') + turtleIri(n.iri);
        for (std::size_t i = 0; i < n.properties.size(); ++i) {
            const auto& [predicate, object] = n.properties[i];
            out += (i == 0 ? QStringLiteral(" ") : QStringLiteral(" ;\n    ")) +
                   (predicate == QLatin1String("a") ? predicate : turtleIri(predicate)) + QLatin1Char(' ');
            if (object.kind == Term::Kind::Iri)
                out += turtleIri(object.text);
            else
                out += turtleString(object.text) +
                       (object.datatype.isEmpty() ? QString() : QStringLiteral("^^") + object.datatype);
        }
        out += QStringLiteral(" .\n");
    }
    return out.toUtf8();
}

QByteArray LinkedData::jsonLd() const {
    QJsonObject context;
    for (const auto& [prefix, ns] : prefixes())
        context.insert(QLatin1String(prefix), QLatin1String(ns));
    QJsonArray graph;
    for (const Node& n : m_nodes) {
        QJsonObject o;
        o.insert(QStringLiteral("@id"), n.iri);
        std::map<QString, QJsonArray> byPredicate;
        QJsonArray types;
        for (const auto& [predicate, object] : n.properties) {
            if (predicate == QLatin1String("a")) {
                types.append(object.text);
                continue;
            }
            QJsonObject value;
            if (object.kind == Term::Kind::Iri) {
                value.insert(QStringLiteral("@id"), object.text);
            } else {
                value.insert(QStringLiteral("@value"), object.text);
                if (!object.datatype.isEmpty())
                    value.insert(QStringLiteral("@type"), object.datatype);
            }
            byPredicate[predicate].append(value);
        }
        if (!types.isEmpty())
            o.insert(QStringLiteral("@type"), types);
        for (const auto& [predicate, values] : byPredicate)
            o.insert(predicate, values);
        graph.append(o);
    }
    QJsonObject doc;
    doc.insert(QStringLiteral("@context"), context);
    doc.insert(QStringLiteral("@graph"), graph);
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

} // namespace stroom
