#!/usr/bin/python3
"""Reads a Turtle and a JSON-LD file with rdflib (testcli::linkedData): whether they are the same graph, the
OSLO ANPR cameras with a geometry, and the OD observations as origin,destination,trips lines."""
import sys, rdflib
from rdflib.compare import isomorphic
t = rdflib.Graph().parse(sys.argv[1], format='turtle')
j = rdflib.Graph().parse(sys.argv[2], format='json-ld')
print(len(t), 'same' if isomorphic(t, j) else 'different')
cams = t.query("""PREFIX o: <https://wegenenverkeer.data.vlaanderen.be/ns/onderdeel#>
SELECT (COUNT(?c) AS ?n) WHERE { ?c a o:ANPRCamera ; <http://www.opengis.net/ont/geosparql#hasGeometry> ?g }""")
print('cameras', [int(r[0]) for r in cams][0])
for o, d, n in t.query("""PREFIX sosa: <http://www.w3.org/ns/sosa/> PREFIX s: <urn:stroom:ns#>
SELECT ?o ?d ?n WHERE { ?x a sosa:Observation ; sosa:observedProperty s:trips ; sosa:hasSimpleResult ?n ;
  sosa:hasFeatureOfInterest ?r ; sosa:phenomenonTime ?p . ?r s:origin ?oc ; s:destination ?dc .
  ?oc s:identifier ?o . ?dc s:identifier ?d . ?p <http://www.w3.org/2006/time#hasBeginning> ?b }"""):
    print(f'{o},{d},{n}')
