// File > Purge reads…: says what goes and what stays, needs a purpose, and purges.
#include "purgedialog.h"
#include "qgistestmain.h"
#include "simulate/demoproject.h"
#include "store/store.h"

#include <QPushButton>
#include <QTemporaryDir>

using namespace stroom;

class TestPurgeDialog : public QObject {
    Q_OBJECT

private slots:
    void saysWhatGoesAndPurges() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        createDemoProject(p, 6, 120, 300, 3);
        Store s = Store::open(p);
        widgets::PurgeDialog dialog(s);
        dialog.setBefore(QDate(1990, 1, 1));
        QVERIFY2(dialog.summaryText().contains(QLatin1String("Nothing matches")),
                 qPrintable(dialog.summaryText()));
        dialog.setBefore(QDate(2026, 3, 4));
        QVERIFY2(dialog.summaryText().contains(QLatin1String("Stays: every aggregate")),
                 qPrintable(dialog.summaryText()));
        QPushButton* go = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text() == QLatin1String("Purge"))
                go = b;
        QVERIFY(go);
        QVERIFY(!go->isEnabled()); // no purpose yet
        dialog.setPurpose(QStringLiteral("retention test"));
        QVERIFY(go->isEnabled());
        const Purge::Result r = dialog.purge();
        QVERIFY(r.reads > 0);
        auto st = s.database().prepare(
            "SELECT count(*) FROM stroom_reads WHERE t < 1772578800"); // 2026-03-04 local
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 0);
    }
};

STROOM_QGIS_TEST_MAIN(TestPurgeDialog)
#include "testpurgedialog.moc"
