#include "flowmap.h"
#include "flows/flowengine.h"
#include "odtablemodel.h"
#include "qgistestmain.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>

using namespace stroom;

class TestOdTableModel : public QObject {
    Q_OBJECT

private slots:
    void modelIsSoundAndFollowsTheView() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(p, 1, 120, 3000, 2);
        Store s = Store::open(p, Store::Access::ReadOnly);
        FlowEngine e(s);
        maps::FlowMap fm;
        fm.setData(e.loadCube(), e.cameras(), s.disclosurePolicy());
        widgets::OdTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const maps::FlowViewResult r = fm.apply(maps::FlowView());
        model.setResult(r, fm, false);
        // One row per released cell (the policy already left out those under k).
        QCOMPARE(model.rowCount(), static_cast<int>(r.matrix.flows.size()));
        QVERIFY(r.matrix.suppressed > 0);
        QCOMPARE(model.columnCount(), 4);
        // Shares of one origin add up to 100 % over all its cells (before k, so at most 100 here).
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(widgets::OdTableModel::SortRole);
        proxy.sort(widgets::OdTableModel::Trips, Qt::DescendingOrder);
        QVERIFY(proxy.index(0, 2).data(widgets::OdTableModel::SortRole).toLongLong() >=
                proxy.index(1, 2).data(widgets::OdTableModel::SortRole).toLongLong());
        const QString tsv = model.toTsv({0});
        QCOMPARE(tsv.count(QLatin1Char('\n')), 2);
        QVERIFY(tsv.startsWith(QLatin1String("Origin\tDestination")));
        // A new view resets the model cleanly (the tester watches).
        maps::FlowView zones;
        zones.zones = true;
        model.setResult(fm.apply(zones), fm, true);
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowOf(model.flow(0).origin, model.flow(0).destination) == 0);
    }
};

STROOM_QGIS_TEST_MAIN(TestOdTableModel)
#include "testodtablemodel.moc"
