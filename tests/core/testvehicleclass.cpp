#include "common/vehicleclass.h"

#include <QTest>

using namespace stroom;

class TestVehicleClass : public QObject {
    Q_OBJECT

private slots:
    void labels() {
        using namespace vehicleclass;
        QCOMPARE(fromLabel("car"), int(Car));
        QCOMPARE(fromLabel("Personenwagen"), int(Car));
        QCOMPARE(fromLabel("M1"), int(Car));
        QCOMPARE(fromLabel("N1"), int(Van));
        QCOMPARE(fromLabel("bestelwagen"), int(Van));
        QCOMPARE(fromLabel("N3"), int(Truck));
        QCOMPARE(fromLabel("vrachtwagen"), int(Truck));
        QCOMPARE(fromLabel("bus"), int(Bus));
        QCOMPARE(fromLabel("motorfiets"), int(Motorcycle));
        QCOMPARE(fromLabel(""), int(Unknown));
        QCOMPARE(fromLabel("hovercraft"), -1);
        QCOMPARE(QString::fromLatin1(key(Truck)), QStringLiteral("truck"));
    }
};

QTEST_GUILESS_MAIN(TestVehicleClass)
#include "testvehicleclass.moc"
