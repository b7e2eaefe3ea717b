// Filters > Window… (or View > Through traffic…): how through traffic is told, the windows per gate pair the
// last build found, and a change of definition built in the background, audited, announced to the views.
#include "qgistestmain.h"
#include "session/session.h"
#include "simulate/demoproject.h"
#include "store/tripdays.h"
#include "throughtrafficdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace stroom;

namespace {
qint64 auditRows(Store& s, const char* action) {
    auto st = s.database().prepare("SELECT count(*) FROM audit_log WHERE action = ?");
    st.bind(1, QString::fromLatin1(action));
    st.step();
    return st.int64(0);
}
} // namespace

class TestThroughTrafficDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void showsTheWindowsAndBuildsAChange() {
        const QString p = m_dir.filePath(QStringLiteral("demo.gpkg"));
        createDemoProject(p, 3, 120, 4000, 7);
        auto session = Session::open(p);
        const ThroughEstimate e = session->flows().throughEstimate();
        QVERIFY(e.windows.size() > 10);
        widgets::ThroughTrafficDialog dialog(session.get());
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("GatePairWindows"));
        QCOMPARE(table->rowCount(), static_cast<int>(e.windows.size()));
        // What the planner reads: the pair by its cameras' labels, the window in minutes.
        const CameraIndex cams = session->flows().cameras();
        QCOMPARE(table->item(0, 0)->text(), cams.label(cams.keyOf(e.windows[0].origin), false));
        QCOMPARE(table->item(0, 4)->text(),
                 QStringLiteral("%1 min").arg(QLocale().toString(e.windows[0].maxSeconds / 60.0, 'f', 1)));
        QVERIFY2(dialog.statusText().contains(QLocale().toString(100 * e.readRate, 'f', 1)),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.findChild<QRadioButton*>(QStringLiteral("WindowPerPair"))->isChecked());
        if (const QString shots = qEnvironmentVariable("STROOM_SHOTS"); !shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/throughtrafficdialog.png"));

        // One fixed window of 1–30 min: a change, which needs its purpose before it can be built.
        dialog.findChild<QRadioButton*>(QStringLiteral("WindowFixed"))->setChecked(true);
        dialog.findChild<QSpinBox*>(QStringLiteral("WindowMax"))->setValue(30);
        auto* build = dialog.findChild<QPushButton*>(QStringLiteral("ThroughBuild"));
        QVERIFY(!build->isEnabled());
        dialog.findChild<QLineEdit*>(QStringLiteral("ThroughPurpose"))
            ->setText(QStringLiteral("LEZ evaluation"));
        QVERIFY(build->isEnabled());
        QSignalSpy built(&dialog, &widgets::ThroughTrafficDialog::built);
        QSignalSpy changed(session.get(), &Session::changed);
        const qint64 audits = auditRows(session->store(), "trip parameters changed");
        build->click();
        QVERIFY(dialog.isBuilding());
        QVERIFY(built.wait(120000));
        QCOMPARE(built.first().first().toBool(), true);
        QVERIFY(changed.count() > 0 || changed.wait(5000)); // the map and the tables reload
        QVERIFY(changed.first().first().value<Session::Changes>() & Session::Trips);
        const TripParameters now = session->flows().storedParameters();
        QCOMPARE(now.throughWindow, ThroughWindow::Fixed);
        QCOMPARE(now.throughMaxSeconds, 30 * 60);
        QCOMPARE(auditRows(session->store(), "trip parameters changed"), audits + 1);
        // Every stored trip is classified by the new definition.
        TripParameters fixed = now;
        const ThroughRule rule(fixed, cams.cordonIn, cams.cordonOut);
        std::int64_t through = 0;
        TripDays(session->store().database()).forEach([&](const Trip& t, const TripSet&) {
            QCOMPARE(t.kind, rule.classify(t.origin, t.destination, t.end - t.start));
            through += t.kind == TripKind::Through ? 1 : 0;
        });
        QVERIFY(through > 0);
    }

    void roleFreeWithoutRolesAndCancel() {
        const QString p = m_dir.filePath(QStringLiteral("noroles.gpkg"));
        createDemoProject(p, 5, 120, 1500, 3);
        {
            Store s = Store::open(p);
            s.database().exec("UPDATE cameras SET role = NULL");
        }
        auto session = Session::open(p);
        session->buildTrips(session->flows().storedParameters(), true, QString()); // the roles' change
        widgets::ThroughTrafficDialog dialog(session.get());
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("NoCordonRoles")));
        QVERIFY(!ThroughRule::available(session->flows().storedParameters(), session->flows().cameras()));
        dialog.findChild<QRadioButton*>(QStringLiteral("ThroughRoleFree"))->setChecked(true);
        QVERIFY(!dialog.findChild<QRadioButton*>(QStringLiteral("WindowPerPair"))->isEnabled());
        dialog.findChild<QLineEdit*>(QStringLiteral("ThroughPurpose"))
            ->setText(QStringLiteral("no roles yet"));
        QSignalSpy built(&dialog, &widgets::ThroughTrafficDialog::built);

        // Cancelled straight away: the trips stay as they were.
        dialog.accept();
        dialog.reject();
        QVERIFY(built.wait(120000));
        QCOMPARE(built.first().first().toBool(), false);
        QVERIFY2(dialog.statusText().contains(QLatin1String("Cancelled")), qPrintable(dialog.statusText()));
        QCOMPARE(session->flows().storedParameters().throughMethod, ThroughMethod::Cordon);

        dialog.accept();
        QVERIFY(built.wait(120000));
        QCOMPARE(built.last().first().toBool(), true);
        const TripParameters now = session->flows().storedParameters();
        QCOMPARE(now.throughMethod, ThroughMethod::RoleFree);
        QVERIFY(ThroughRule::available(now, session->flows().cameras()));
        std::int64_t through = 0, multi = 0;
        TripDays(session->store().database()).forEach([&](const Trip& t, const TripSet&) {
            through += t.kind == TripKind::Through ? 1 : 0;
            multi += t.reads > 1 ? 1 : 0;
        });
        QVERIFY(through > 0);
        QVERIFY(through < multi / 2);
    }
};

STROOM_QGIS_TEST_MAIN(TestThroughTrafficDialog)
#include "testthroughtrafficdialog.moc"
