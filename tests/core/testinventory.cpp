#include "common/error.h"
#include "common/vectorsource.h"
#include "inventory/inventory.h"
#include "inventory/inventoryimport.h"
#include "store/store.h"

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

    void validationRules() {
        Camera c;
        c.id = QStringLiteral("X1");
        c.lon = 3.7;
        c.lat = 51.05;
        QStringList e = Inventory::validate(c);
        QVERIFY(e.join(QLatin1Char(' ')).contains(QLatin1String("owner is required")));
        QVERIFY(e.join(QLatin1Char(' ')).contains(QLatin1String("purpose is required")));
        c.owner = QStringLiteral("Stad Gent");
        c.purpose = QStringLiteral("police");
        e = Inventory::validate(c);
        QCOMPARE(e, QStringList{QStringLiteral("a police camera needs its legal basis")});
        c.legalBasis = QStringLiteral("WPA art. 25/3");
        c.directions = {335, 45};
        QVERIFY(Inventory::validate(c).isEmpty());
        c.directions = {400};
        QVERIFY(Inventory::validate(c).join(QLatin1Char(' ')).contains(QLatin1String("between 0 and 359")));
        c.directions = {};
        c.purpose = QStringLiteral("espionage");
        QVERIFY(Inventory::validate(c).join(QLatin1Char(' ')).contains(QLatin1String("not one of")));
    }

    void historyUndoRedo() {
        Store s = Store::create(m_dir.filePath(QStringLiteral("hist.gpkg")));
        Inventory inv(s);
        Camera c;
        c.id = QStringLiteral("C1");
        c.lon = 3.72;
        c.lat = 51.05;
        c.owner = QStringLiteral("Stad Gent");
        c.purpose = QStringLiteral("traffic");
        c.status = QStringLiteral("active");
        const qint64 added = inv.edit(c);
        QCOMPARE(s.cameraCount(), 1);
        c.owner = QStringLiteral("Politiezone Gent");
        c.purpose = QStringLiteral("police");
        QVERIFY_EXCEPTION_THROWN(inv.edit(c), Error);                     // police without legal basis
        QCOMPARE(s.cameras().first().owner, QStringLiteral("Stad Gent")); // nothing half-done
        c.legalBasis = QStringLiteral("WPA art. 25/3");
        const qint64 changed = inv.edit(c);
        const QVector<Inventory::Change> h = inv.history(QStringLiteral("C1"));
        const auto ownerChange = std::find_if(h.begin(), h.end(), [&](const Inventory::Change& x) {
            return x.editId == changed && x.field == QLatin1String("owner");
        });
        QVERIFY(ownerChange != h.end());
        QCOMPARE(ownerChange->oldValue, QStringLiteral("Stad Gent"));
        QCOMPARE(ownerChange->newValue, QStringLiteral("Politiezone Gent"));
        QVERIFY(!ownerChange->time.isEmpty());
        inv.undo(changed);
        QCOMPARE(s.cameras().first().owner, QStringLiteral("Stad Gent"));
        QCOMPARE(s.cameras().first().legalBasis, QString());
        inv.redo(changed);
        QCOMPARE(s.cameras().first().owner, QStringLiteral("Politiezone Gent"));
        const qint64 removed = inv.remove(QStringLiteral("C1"));
        QCOMPARE(s.cameraCount(), 0);
        inv.undo(removed);
        QCOMPARE(s.cameraCount(), 1);
        QCOMPARE(s.cameras().first().purpose, QStringLiteral("police"));
        inv.undo(added); // undoing the addition removes the camera
        QCOMPARE(s.cameraCount(), 0);
    }

    void completenessDashboard() {
        Store s = Store::create(m_dir.filePath(QStringLiteral("dash.gpkg")));
        s.upsertCameras(camerasFromFeatures(readVectorFile(osm()), osm(), nullptr));
        const Inventory::Completeness c = Inventory(s).completeness();
        QCOMPARE(c.cameras, 838);
        QCOMPARE(c.noOwner.size(), 517);
        QCOMPARE(c.unregistered.size(), 838); // OSM is not the official register
        QVERIFY(c.byPurpose.value(QStringLiteral("traffic")) > 600);
        QCOMPARE(c.noLegalBasis.size(), 838);
        QVERIFY(c.seenNotRegistered.isEmpty()); // no ANPR data yet
        // Registered and active, yet not seen in the period: silent.
        QVector<Camera> cams = s.cameras();
        cams[0].registered = true;
        cams[0].status = QStringLiteral("active");
        cams[1].registered = true;
        cams[1].status = QStringLiteral("active");
        s.upsertCameras({cams[0], cams[1]});
        const QSet<QString> seen = {cams[1].id};
        const Inventory::Completeness p = Inventory(s).completeness(&seen);
        QCOMPARE(p.silent, QStringList{cams[0].id});
        QCOMPARE(p.unregistered.size(), 836);
        QVERIFY(Inventory(s).completeness().silent.isEmpty()); // no data at all: nothing to judge by
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
