#include "common/error.h"
#include "common/vectorsource.h"
#include "inventory/inventoryimport.h"
#include "simulate/simulator.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace stroom;

class TestInventoryImport : public QObject {
    Q_OBJECT

private:
    static QString data(const char* name) {
        return QStringLiteral(STROOM_TEST_DATA_DIR "/") + QLatin1String(name);
    }

    static QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& content) {
        const QString p = dir.filePath(QString::fromLatin1(name));
        QFile f(p);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return p;
    }

private slots:
    void simulatorCamerasRoundTrip() {
        QTemporaryDir d;
        SimulationOptions o;
        o.vehicles = 5;
        o.days = 1;
        o.outDir = d.path();
        Simulator(o).run();
        QStringList warnings;
        const QString file = d.filePath(QStringLiteral("cameras.csv"));
        const QVector<Camera> cams = camerasFromFeatures(readVectorFile(file), file, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(cams.size(), 120);
        for (const Camera& c : cams) {
            QVERIFY(c.hasPosition());
            QVERIFY(!c.owner.isEmpty());
            QVERIFY(Camera::purposes().contains(c.purpose));
            QVERIFY(Camera::roles().contains(c.role));
            QVERIFY(!c.directions.isEmpty());
        }
        const QVector<Zone> zones = zonesFromFeatures(
            readVectorFile(d.filePath(QStringLiteral("zones.geojson"))), QStringLiteral("zones.geojson"));
        QCOMPARE(zones.size(), 25);
    }

    void osmCamerasRead() {
        const QVector<Camera> cams = camerasFromFeatures(
            readVectorFile(data("osm-traffic-cameras-be-nl.geojson")), QStringLiteral("osm"), nullptr);
        QCOMPARE(cams.size(), 838);
        QSet<QString> ids;
        for (const Camera& c : cams)
            ids.insert(c.id);
        QCOMPARE(ids.size(), 838);
    }

    void osmXmlFile() {
        // The same tags as OSM GeoJSON, through GDAL's OSM driver (which folds most tags into other_tags).
        const QString file = data("osm-cameras-sample.osm");
        const QVector<Camera> cams = camerasFromFeatures(readVectorFile(file), file, nullptr);
        QCOMPARE(cams.size(), 2);
        const Camera& a = cams[0].id == QLatin1String("osm-1001") ? cams[0] : cams[1];
        const Camera& b = cams[0].id == QLatin1String("osm-1001") ? cams[1] : cams[0];
        QCOMPARE(a.id, QStringLiteral("osm-1001"));
        QCOMPARE(a.sourceId, QStringLiteral("1001"));
        QCOMPARE(a.owner, QStringLiteral("Stad Gent"));
        QCOMPARE(a.directionsText(), QStringLiteral("335;45"));
        QCOMPARE(a.purpose, QStringLiteral("traffic"));
        QVERIFY(a.notes.contains(QLatin1String("Hikvision")));
        QVERIFY(a.notes.contains(QLatin1String("ALPR")));
        QCOMPARE(qRound(a.lat * 1e4), 510543);
        QCOMPARE(b.id, QStringLiteral("osm-1002"));
        QCOMPARE(b.owner, QStringLiteral("Politie \"Gent\""));
        QCOMPARE(b.directionsText(), QStringLiteral("90"));
    }

    void hstore() {
        const QHash<QString, QString> t =
            parseHstore(QStringLiteral("\"a\"=>\"1\",\"b:c\"=>\"x \\\"y\\\" z\",\"d\"=>\"\""));
        QCOMPARE(t.size(), 3);
        QCOMPARE(t.value(QStringLiteral("a")), QStringLiteral("1"));
        QCOMPARE(t.value(QStringLiteral("b:c")), QStringLiteral("x \"y\" z"));
        QCOMPARE(t.value(QStringLiteral("d")), QString());
        QVERIFY(parseHstore(QString()).isEmpty());
    }

    void xyCsvWithACrs() {
        QTemporaryDir d;
        // Belgian Lambert 72 of Ghent's Korenmarkt, roughly.
        const QString p =
            writeFile(d, "xy.csv", "id,x,y,owner,direction\nK1,104700,194200,Stad Gent,\"335;45\"\n");
        VectorReadOptions vo;
        vo.sourceCrs = QStringLiteral("EPSG:31370");
        const QVector<Camera> cams = camerasFromFeatures(readVectorFile(p, vo), p, nullptr);
        QCOMPARE(cams.size(), 1);
        QVERIFY2(qAbs(cams[0].lon - 3.72) < 0.02 && qAbs(cams[0].lat - 51.05) < 0.02,
                 qPrintable(QStringLiteral("%1 %2").arg(cams[0].lon).arg(cams[0].lat)));
        QCOMPARE(cams[0].directions, (QVector<int>{335, 45}));
    }

    void badInputNamesFileAndLine() {
        QTemporaryDir d;
        const QString noId = writeFile(d, "noid.csv", "name,lon,lat\nA,3.7,51.0\nB,3.8,51.1\n");
        try {
            camerasFromFeatures(readVectorFile(noId), noId, nullptr);
            QFAIL("a camera without id must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.message().contains(QLatin1String("noid.csv line 2")), qPrintable(e.message()));
        }
        const QString noPos = writeFile(d, "nopos.csv", "camera_id,name\nA,x\n");
        try {
            camerasFromFeatures(readVectorFile(noPos), noPos, nullptr);
            QFAIL("a camera without position must be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("no point position")), qPrintable(e.message()));
        }
        QVERIFY_EXCEPTION_THROWN(readVectorFile(d.filePath(QStringLiteral("missing.geojson"))), Error);
        const QString junk = writeFile(d, "junk.geojson", QByteArray(2000, '\x01'));
        QVERIFY_EXCEPTION_THROWN(readVectorFile(junk), Error);
    }

    void unknownWordsBecomeWarnings() {
        QTemporaryDir d;
        const QString p = writeFile(
            d, "w.csv", "id,lon,lat,purpose,role,direction\nA,3.7,51.0,espionage,inbound,north-ish\n");
        QStringList warnings;
        const QVector<Camera> cams = camerasFromFeatures(readVectorFile(p), p, &warnings);
        QCOMPARE(cams[0].purpose, QString());
        QCOMPARE(cams[0].role, QStringLiteral("cordon-in"));
        QCOMPARE(warnings.size(), 2);
    }

    void directionsParse() {
        QVector<int> dirs;
        QVERIFY(Camera::parseDirections(QStringLiteral("335;45"), &dirs));
        QCOMPARE(dirs, (QVector<int>{335, 45}));
        QVERIFY(Camera::parseDirections(QStringLiteral("NE, S"), &dirs));
        QCOMPARE(dirs, (QVector<int>{45, 180}));
        QVERIFY(!Camera::parseDirections(QStringLiteral("400"), &dirs));
        QVERIFY(dirs.isEmpty());
    }

    void normalisation() {
        QCOMPARE(normalisePurpose(QStringLiteral("Trajectcontrole")), QStringLiteral("section-control"));
        QCOMPARE(normalisePurpose(QStringLiteral("politie")), QStringLiteral("police"));
        QCOMPARE(normaliseRole(QStringLiteral("Uitgaand")), QStringLiteral("cordon-out"));
    }
};

QTEST_GUILESS_MAIN(TestInventoryImport)
#include "testinventoryimport.moc"
