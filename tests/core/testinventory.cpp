#include "inventory.h"
#include "inventoryimport.h"
#include "store.h"
#include "vectorsource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stroom;

/** The register from OpenStreetMap: ids, directions, one owner per spelling, the public export. */
class TestInventory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    static QString osm() { return QStringLiteral(STROOM_TEST_DATA_DIR "/osm-traffic-cameras-be-nl.geojson"); }

private slots:
    void osmCamerasWithTheirIdsAndDirections() {
        const QVector<Camera> cams = camerasFromFeatures(readVectorFile(osm()), osm(), nullptr);
        QCOMPARE(cams.size(), 838);
        const auto first = std::find_if(cams.begin(), cams.end(), [](const Camera& c) {
            return c.sourceId == QLatin1String("26748849");
        });
        QVERIFY(first != cams.end());
        QCOMPARE(first->id, QStringLiteral("osm-26748849"));
        QCOMPARE(first->source, QStringLiteral("openstreetmap"));
        QCOMPARE(first->purpose, QStringLiteral("traffic"));
        int multi = 0;
        for (const Camera& c : cams)
            multi += c.directions.size() > 1;
        QVERIFY2(multi > 0, "some OSM cameras look several ways (camera:direction=335;45)");
        for (const Camera& c : cams)
            for (int d : c.directions)
                QVERIFY(d >= 0 && d < 360);
    }

    void ownersAfterNormalisationAndANoOpSecondImport() {
        Store s = Store::create(m_dir.filePath(QStringLiteral("osm.gpkg")));
        Inventory inv(s);
        QVector<Camera> cams = camerasFromFeatures(readVectorFile(osm()), osm(), nullptr);
        inv.normalise(cams);
        QCOMPARE(s.upsertCameras(cams).inserted, 838);
        // What a data protection officer would record, helped by the suggestions.
        bool suggested = false;
        for (const Inventory::Suggestion& sg : inv.suggestMerges())
            suggested = suggested || (sg.a == QLatin1String("Federal politie") &&
                                      sg.b == QLatin1String("Federale Politie"));
        QVERIFY(suggested);
        inv.setAlias(QStringLiteral("Federal politie"), QStringLiteral("Federale Politie"));
        inv.setAlias(
            QStringLiteral("Bruxelles Prévention & Sécurité (BPS) – Brussel Preventie & Veiligheid (BPV)"),
            QStringLiteral("Brussel Preventie & Veiligheid (BPS/BPV)"));
        inv.setAlias(QStringLiteral("Bruxelles Prévention et Sécurité (BPS)"),
                     QStringLiteral("Brussel Preventie & Veiligheid (BPS/BPV)"));
        QVERIFY(inv.applyAliases() > 0);
        const QMap<QString, int> owners = inv.countsByOwner();
        QCOMPARE(owners.value(QStringLiteral("Brussel Preventie & Veiligheid (BPS/BPV)")), 169 + 3);
        QVERIFY(!owners.contains(QStringLiteral("Federal politie")));
        QVERIFY(owners.value(QStringLiteral("Federale Politie")) >= 52);
        QCOMPARE(owners.value(QString()),
                 517); // no operator in OSM: owner unknown, for the dashboard to point at
        // Importing the same source again changes nothing.
        QVector<Camera> again = camerasFromFeatures(readVectorFile(osm()), osm(), nullptr);
        inv.normalise(again);
        const Store::UpsertResult r = s.upsertCameras(again);
        QCOMPARE(r.unchanged, 838);
        QCOMPARE(r.inserted + r.updated, 0);
    }

    void similarity() {
        QVERIFY(Inventory::similarity(QStringLiteral("Federal politie"), QStringLiteral("Federale Politie")) >
                0.85);
        QVERIFY(Inventory::similarity(QStringLiteral("Stad Gent"), QStringLiteral("Stad Antwerpen")) < 0.75);
        QVERIFY(Inventory::similarity(QStringLiteral("Politie"), QStringLiteral("Lokale Politie Brugge")) <
                0.75);
    }

    void publicExportHasOnlyPublicFields() {
        Store s = Store::create(m_dir.filePath(QStringLiteral("pub.gpkg")));
        s.upsertCameras(camerasFromFeatures(readVectorFile(osm()), osm(), nullptr));
        const QString out = m_dir.filePath(QStringLiteral("register.geojson"));
        QCOMPARE(Inventory(s).exportRegister(out, true, QStringLiteral("publication")), 838);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray features =
            QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), 838);
        QSet<QString> keys;
        for (const QJsonValue& v : features)
            for (const QString& k : v.toObject().value(QStringLiteral("properties")).toObject().keys())
                keys.insert(k);
        for (const QString& k : keys)
            QVERIFY2(Inventory::publicFields().contains(k), qPrintable(k));
        QVERIFY(!keys.contains(QStringLiteral("notes")) && !keys.contains(QStringLiteral("source_id")));
        auto st = s.database().prepare("SELECT layer FROM audit_log WHERE action = 'public register'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("L3"));
        const QString csv = m_dir.filePath(QStringLiteral("register.csv"));
        QCOMPARE(Inventory(s).exportRegister(csv, true, QString()), 838);
        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        QVERIFY(c.readLine().startsWith("X,Y,camera_id,name"));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "testinventory.moc"
