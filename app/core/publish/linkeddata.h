#pragma once

#include "common/timeparse.h"
#include "flows/flowcube.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <map>
#include <vector>

namespace stroom {

class CameraIndex;

/**
 * \brief Released figures as linked data (issue 14, the Flemish OSLO way): cameras typed
 * `onderdeel:ANPRCamera` (Wegen en Verkeer's OSLO vocabulary) with their position (GeoSPARQL WKT, WGS84), and
 * each released figure a SOSA observation: the sensor (camera) or the OD relation it is about, the property
 * (stroom:trips, stroom:passages, stroom:distinctVehicles), the value, the period (OWL-Time interval in UTC
 * with its local label) and the vehicle class. One graph, written as Turtle (`.ttl`) or JSON-LD (`.jsonld`):
 * the same triples either way. It writes only what the DisclosurePolicy released: rows under k are not given
 * to it.
 *
 * Resources are named under a base IRI (default `urn:stroom:PROJECT-ID:`), camera and zone ids
 * percent-encoded.
 */
class LinkedData {
public:
    LinkedData(const CameraIndex& cameras, const QString& baseIri, const QByteArray& zoneId);

    static bool isLinkedDataPath(const QString& path);

    /** A released OD cell over the local dates [from, to] (either invalid: no period stated). */
    void addFlow(const OdFlow& flow, bool zones, const QDate& from, const QDate& to, const QString& filters);
    /** A released count row (passages and, when released, distinct vehicles); period as counts.csv has it. */
    void addCount(const CameraCount& count, bool perHour);

    /** The graph in the file's syntax (Turtle for .ttl, JSON-LD for .jsonld). */
    QByteArray serialise(const QString& path) const;
    QByteArray turtle() const;
    QByteArray jsonLd() const;

private:
    struct Term {
        enum class Kind { Iri, Literal } kind;
        QString text;     ///< the IRI, or the literal's lexical form
        QString datatype; ///< literal: a prefixed datatype, empty for a plain string
    };
    struct Node {
        QString iri;
        std::vector<std::pair<QString, Term>> properties; ///< prefixed predicate ("a" is rdf:type) → object
    };
    Node& node(const QString& iri);
    void add(const QString& subject, const QString& predicate, const Term& object);
    QString camera(std::uint32_t key, bool zones);
    QString interval(std::int64_t fromUtc, std::int64_t toUtc, const QString& label);
    std::int64_t localToUtc(std::int64_t localSeconds) const;
    static Term iri(const QString& i) { return Term{Term::Kind::Iri, i, QString()}; }
    static Term literal(const QString& v, const QString& type = QString()) {
        return Term{Term::Kind::Literal, v, type};
    }
    QString mint(const QString& path) const;

    const CameraIndex& m_cams;
    QString m_base;
    mutable LocalTime m_zone;
    std::vector<Node> m_nodes;
    std::map<QString, std::size_t> m_index;
};

} // namespace stroom
