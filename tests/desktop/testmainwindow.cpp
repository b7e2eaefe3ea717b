#include "aboutdialog.h"
#include "demoproject.h"
#include "layerspanel.h"
#include "mainwindow.h"
#include "qgistestmain.h"
#include "store.h"

#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace stroom;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase() {
        m_demo = m_dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(m_demo);
    }

    void opensWithCameraLayerAndOwnerLegend() {
        desktop::MainWindow w;
        w.setInteractive(false);
        w.resize(1200, 800);
        w.show();
        QVERIFY(w.openProject(m_demo));
        QCOMPARE(w.canvas()->mapSettings().destinationCrs().authid(), QStringLiteral("EPSG:31370"));
        QTRY_COMPARE(w.canvas()->layers().size(), 2); // the layer tree bridge updates the canvas deferred

        QgsLayerTreeModel* model = w.layersPanel()->model();
        QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(w.layers().cameras());
        QVERIFY(node);
        QStringList legend;
        // Legend entries read "owner [cameras]" once QGIS has counted (in the background).
        const QRegularExpression entry(QStringLiteral("^(.*) \\[(\\d+)\\]$"));
        auto allCounted = [&] {
            for (QgsLayerTreeModelLegendNode* n : model->layerLegendNodes(node))
                if (!entry.match(n->data(Qt::DisplayRole).toString()).hasMatch())
                    return false;
            return !model->layerLegendNodes(node).isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(allCounted(), 10000);
        QMap<QString, int> counted;
        for (QgsLayerTreeModelLegendNode* n : model->layerLegendNodes(node)) {
            const QRegularExpressionMatch m = entry.match(n->data(Qt::DisplayRole).toString());
            QVERIFY2(m.hasMatch(), qPrintable(n->data(Qt::DisplayRole).toString()));
            legend << m.captured(1);
            counted[m.captured(1)] = m.captured(2).toInt();
        }
        QSet<QString> owners;
        QMap<QString, int> perOwner;
        Store store = Store::open(m_demo);
        for (const Camera& c : store.cameras()) {
            owners.insert(c.owner);
            perOwner[c.owner] += 1;
        }
        QCOMPARE(QSet<QString>(legend.begin(), legend.end()), owners);
        QCOMPARE(counted, perOwner);
        QVERIFY(owners.contains(QStringLiteral("Stad Gent")));
        QVERIFY(owners.contains(QStringLiteral("Federale Politie")));

        // The map shows the city: Ghent's centre in Lambert 72 is in view.
        QVERIFY(w.canvas()->extent().contains(QgsPointXY(104700, 194200)));
        QVERIFY(w.windowTitle().contains(QLatin1String("demo")));
    }

    void menusAreThere() {
        desktop::MainWindow w;
        QStringList titles;
        for (QAction* a : w.menuBar()->actions())
            titles << a->text();
        QVERIFY(titles.contains(QStringLiteral("&File")));
        QVERIFY(titles.contains(QStringLiteral("&Help")));
        QMenu* file = w.menuBar()->actions().first()->menu();
        QStringList items;
        for (QAction* a : file->actions())
            items << a->text();
        QVERIFY(items.contains(QStringLiteral("&New project…")));
        QVERIFY(items.contains(QStringLiteral("&Open project…")));
        QVERIFY(items.contains(QStringLiteral("&Quit")));
    }

    void refusesWhatIsNoProject() {
        desktop::MainWindow w;
        w.setInteractive(false);
        QVERIFY(!w.openProject(m_dir.filePath(QStringLiteral("missing.gpkg"))));
        QVERIFY(w.lastError().contains(QLatin1String("missing.gpkg")));
    }

    void aboutNamesTheVersions() {
        const QString html = widgets::AboutDialog::html();
        QVERIFY(html.contains(QLatin1String("QGIS")));
        QVERIFY(html.contains(QLatin1String(qVersion())));
        QVERIFY(html.contains(gdalVersion()));
        QVERIFY(html.contains(QLatin1String("Stad Gent")));
    }
};

STROOM_QGIS_TEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
