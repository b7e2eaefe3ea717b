// View > Audit log: the records newest first, the chain's verdict, and a broken record named and selected.
#include "auditlogdialog.h"
#include "common/sqlite.h"
#include "qgistestmain.h"
#include "store/store.h"

#include <QTableWidget>
#include <QTemporaryDir>

using namespace stroom;

class TestAuditLogDialog : public QObject {
    Q_OBJECT

private slots:
    void showsTheLogAndItsVerdict() {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p.gpkg"));
        Store s = Store::create(p);
        for (int i = 0; i < 3; ++i) {
            Store::AuditEntry e;
            e.action = QStringLiteral("flows");
            e.purpose = QStringLiteral("council %1").arg(i);
            e.layer = QStringLiteral("L2");
            e.k = 10;
            s.audit(e);
        }
        widgets::AuditLogDialog dialog(s);
        QCOMPARE(dialog.table()->rowCount(), 4); // genesis and three exports
        QCOMPARE(dialog.table()->item(0, 4)->text(), QStringLiteral("council 2")); // newest first
        QVERIFY2(dialog.verdict().contains(QLatin1String("intact")), qPrintable(dialog.verdict()));
        s.database().exec("UPDATE audit_log SET purpose = 'edited' WHERE id = 3");
        dialog.reload();
        QVERIFY2(dialog.verdict().contains(QLatin1String("record 3 was changed")),
                 qPrintable(dialog.verdict()));
        const QList<QTableWidgetItem*> selected = dialog.table()->selectedItems();
        QVERIFY(!selected.isEmpty());
        QCOMPARE(dialog.table()->item(selected.first()->row(), 0)->text(), QStringLiteral("3"));
    }
};

STROOM_QGIS_TEST_MAIN(TestAuditLogDialog)
#include "testauditlogdialog.moc"
