#include "common/error.h"
#include "common/sqlite.h"
#include "common/vectorsource.h"
#include "inventory/inventoryimport.h"
#include "simulate/democity.h"
#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace stroom;

class TestStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static Camera camera(const QString& id, double lon, double lat, const QString& owner) {
        Camera c;
        c.id = id;
        c.name = QStringLiteral("Camera ") + id;
        c.lon = lon;
        c.lat = lat;
        c.owner = owner;
        c.purpose = QStringLiteral("traffic");
        c.directions = {335, 45};
        c.lanes = 2;
        c.status = QStringLiteral("active");
        c.role = QStringLiteral("internal");
        c.installed = QDate(2020, 5, 1);
        return c;
    }

private slots:
    /** Inside an open transaction a Transaction is a savepoint: it commits and rolls back with the outer. */
    void nestedTransactions() {
        QTemporaryDir dir;
        stroom::sql::Database db;
        db.open(dir.filePath(QStringLiteral("n.sqlite")), stroom::sql::Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        auto count = [&db] {
            auto st = db.prepare("SELECT count(*) FROM t");
            st.step();
            return st.int64(0);
        };
        {
            stroom::sql::Transaction outer(db);
            db.exec("INSERT INTO t VALUES (1)");
            {
                stroom::sql::Transaction inner(db);
                db.exec("INSERT INTO t VALUES (2)");
                inner.commit();
            }
            // outer not committed: both rows go
        }
        QCOMPARE(count(), 0);
        {
            stroom::sql::Transaction outer(db);
            db.exec("INSERT INTO t VALUES (1)");
            {
                stroom::sql::Transaction inner(db);
                db.exec("INSERT INTO t VALUES (2)");
                // inner not committed: only its row goes
            }
            outer.commit();
        }
        QCOMPARE(count(), 1);
    }

    void createAndReopen() {
        const QString p = path("a.gpkg");
        {
            Store s = Store::create(p);
            QCOMPARE(s.schemaVersion(), Store::currentSchemaVersion());
            QCOMPARE(s.cameraCount(), 0);
            s.upsertCameras({camera(QStringLiteral("C1"), 3.72, 51.05, QStringLiteral("Stad Gent"))});
            s.setSetting(QStringLiteral("title"), QStringLiteral("Gent"));
        }
        Store s = Store::open(p);
        QCOMPARE(s.schemaVersion(), Store::currentSchemaVersion());
        QCOMPARE(s.setting(QStringLiteral("title")), QStringLiteral("Gent"));
        const QVector<Camera> cams = s.cameras();
        QCOMPARE(cams.size(), 1);
        QCOMPARE(cams.first(), camera(QStringLiteral("C1"), 3.72, 51.05, QStringLiteral("Stad Gent")));
    }

    void refusesExistingFileOnCreate() {
        const QString p = path("exists.gpkg");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        try {
            Store::create(p);
            QFAIL("create over an existing file must fail");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Store);
            QVERIFY(e.message().contains(QLatin1String("exists")));
        }
        QCOMPARE(QFile(p).size(), 1); // untouched
    }

    /** Both files carry the project's id: another project's reads file is refused, untouched (issue 11). */
    void refusesAnotherProjectsReads() {
        const QString a = path("mine.gpkg"), b = path("theirs.gpkg");
        Store::create(a);
        Store::create(b);
        QVERIFY(QFile::remove(Store::readsPath(a)));
        QVERIFY(QFile::copy(Store::readsPath(b), Store::readsPath(a)));
        const QByteArray before = [&] {
            QFile f(Store::readsPath(a));
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        for (const Store::Access access : {Store::Access::ReadWrite, Store::Access::ReadOnly}) {
            try {
                Store::open(a, access);
                QFAIL("a foreign reads file must be refused");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Store); // exit 4
                QVERIFY2(e.message().contains(QLatin1String("belongs to another project")),
                         qPrintable(e.message()));
            }
        }
        QFile f(Store::readsPath(a));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        // Without it, the project opens (and gets an empty reads file of its own).
        f.close();
        QVERIFY(QFile::remove(Store::readsPath(a)));
        Store s = Store::open(a);
        QCOMPARE(s.setting(QStringLiteral("project_id")).size(), 36);
    }

    void refusesNewerSchema() {
        const QString p = path("newer.gpkg");
        Store::create(p);
        {
            sql::Database db;
            db.open(p, sql::Database::Mode::ReadWrite);
            db.exec("UPDATE stroom_settings SET value = '999' WHERE key = 'schema_version'");
        }
        try {
            Store::open(p);
            QFAIL("a newer schema must be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("newer Stroom")), qPrintable(e.message()));
            QVERIFY(e.message().contains(QLatin1String("999")));
        }
    }

    void refusesWhatIsNoProject() {
        const QString junk = path("junk.gpkg");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x07'));
        f.close();
        QVERIFY_EXCEPTION_THROWN(Store::open(junk), Error);
        const QString plain = path("plain.sqlite");
        {
            sql::Database db;
            db.open(plain, sql::Database::Mode::Create);
            db.exec("CREATE TABLE t(x)");
        }
        try {
            Store::open(plain);
            QFAIL("a plain SQLite file is no project");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("not a Stroom project")), qPrintable(e.message()));
        }
        QVERIFY_EXCEPTION_THROWN(Store::open(path("missing.gpkg")), Error);
    }

    void upsertCountsAndUpdates() {
        Store s = Store::create(path("upsert.gpkg"));
        const Camera a = camera(QStringLiteral("A"), 3.70, 51.04, QStringLiteral("Stad Gent"));
        Camera b = camera(QStringLiteral("B"), 3.75, 51.06, QStringLiteral("Politiezone Gent"));
        Store::UpsertResult r = s.upsertCameras({a, b});
        QCOMPARE(r.inserted, 2);
        r = s.upsertCameras({a, b});
        QCOMPARE(r.unchanged, 2);
        b.owner = QStringLiteral("Federale Politie");
        r = s.upsertCameras({a, b});
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.unchanged, 1);
        QCOMPARE(s.cameras().at(1).owner, QStringLiteral("Federale Politie"));
    }

    void failedWriteLeavesStoreAsItWas() {
        Store s = Store::create(path("atomic.gpkg"));
        s.upsertCameras({camera(QStringLiteral("A"), 3.70, 51.04, QStringLiteral("Stad Gent"))});
        Camera noId = camera(QString(), 3.7, 51.0, QStringLiteral("X"));
        QVERIFY_EXCEPTION_THROWN(
            s.upsertCameras({camera(QStringLiteral("B"), 3.71, 51.05, QStringLiteral("Y")), noId}), Error);
        QCOMPARE(s.cameraCount(), 1);
    }

    void geoPackageOpensInGdal() {
        const QString p = path("gdal.gpkg");
        {
            Store s = Store::create(p);
            s.upsertCameras({camera(QStringLiteral("C1"), 3.72, 51.05, QStringLiteral("Stad Gent")),
                             camera(QStringLiteral("C2"), 3.70, 51.03, QStringLiteral("AWV"))});
            s.upsertZones(zonesFromFeatures(
                readVectorBytes(DemoCity::districtsGeoJson(), QStringLiteral("d.geojson")),
                QStringLiteral("d.geojson"), QStringLiteral("wijknr"), QStringLiteral("wijk")));
        }
        ensureGdalRegistered();
        const char* drivers[] = {"GPKG", nullptr};
        GDALDatasetH ds = GDALOpenEx(p.toUtf8().constData(), GDAL_OF_VECTOR, drivers, nullptr, nullptr);
        QVERIFY(ds);
        OGRLayerH cams = GDALDatasetGetLayerByName(ds, "cameras");
        OGRLayerH zones = GDALDatasetGetLayerByName(ds, "zones");
        QVERIFY(cams && zones);
        QCOMPARE(OGR_L_GetFeatureCount(cams, TRUE), 2);
        QCOMPARE(OGR_L_GetFeatureCount(zones, TRUE), 25);
        QCOMPARE(wkbFlatten(OGR_L_GetGeomType(cams)), wkbPoint);
        QCOMPARE(wkbFlatten(OGR_L_GetGeomType(zones)), wkbMultiPolygon);
        QCOMPARE(QString::fromUtf8(OSRGetAuthorityCode(OGR_L_GetSpatialRef(cams), nullptr)),
                 QStringLiteral("4326"));
        OGREnvelope env;
        QCOMPARE(OGR_L_GetExtent(cams, &env, FALSE), OGRERR_NONE); // from gpkg_contents
        QCOMPARE(env.MinX, 3.70);
        QCOMPARE(env.MaxY, 51.05);
        OGR_L_SetAttributeFilter(cams, "camera_id = 'C1'");
        OGRFeatureH f = OGR_L_GetNextFeature(cams);
        QVERIFY(f);
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        QCOMPARE(OGR_G_GetX(g, 0), 3.72);
        QCOMPARE(OGR_G_GetY(g, 0), 51.05);
        QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "owner"))),
                 QStringLiteral("Stad Gent"));
        QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "directions"))),
                 QStringLiteral("335;45"));
        OGR_F_Destroy(f);
        GDALClose(ds);
    }

    void camerasAreAssignedToZones() {
        Store s = Store::create(path("zones.gpkg"));
        // Korenmarkt lies in the Binnenstad (district 1); a point in the North Sea lies in none.
        s.upsertCameras({camera(QStringLiteral("K"), 3.7210, 51.0546, QStringLiteral("Stad Gent")),
                         camera(QStringLiteral("SEA"), 2.5, 51.5, QStringLiteral("Stad Gent"))});
        const Store::UpsertResult r = s.upsertZones(
            zonesFromFeatures(readVectorBytes(DemoCity::districtsGeoJson(), QStringLiteral("d.geojson")),
                              QStringLiteral("d.geojson")));
        QCOMPARE(r.inserted, 25);
        const QVector<Camera> cams = s.cameras();
        QCOMPARE(cams.at(0).zone, QStringLiteral("1"));
        QCOMPARE(cams.at(1).zone, QString());
        QCOMPARE(s.zones().size(), 25);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "teststore.moc"
