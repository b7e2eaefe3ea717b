#include "privacy/privacyguard.h"

#include <QTest>

using namespace stroom;
using V = PrivacyGuard::Verdict;

class TestPrivacyGuard : public QObject {
    Q_OBJECT

private slots:
    /** Outside the pseudonym column: plates and pseudonyms are caught, ordinary ids and names are not. */
    void identifiersOutsideThePseudonymColumn() {
        for (const char* v : {"1-QQQ-777", "1QQQ777", "ABC-123", "AB-12-34", "12-ABC-3", "1 ABC 234",
                              "9f86d081884c7d659a2feaa0c55ad015", "123e4567-e89b-12d3-a456-426614174000"})
            QVERIFY2(PrivacyGuard::looksLikeIdentifier(v), v);
        for (const char* v : {"C001", "130", "A12", "cam-7", "CAM001", "ABC123", "Heule Oude Ieperseweg",
                              "car", "vrachtwagen", "N3", "Sint-Pietersstation", "E40-KM12"})
            QVERIFY2(!PrivacyGuard::looksLikeIdentifier(v), v);
    }
    void pseudonymsPass() {
        QCOMPARE(PrivacyGuard::check("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                 V::Pseudonym);
        QCOMPARE(PrivacyGuard::check("0123456789abcdef"), V::Pseudonym);
        QCOMPARE(PrivacyGuard::check("123e4567-e89b-12d3-a456-426614174000"), V::Pseudonym);
        QCOMPARE(PrivacyGuard::check("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="), V::Pseudonym);
        QCOMPARE(PrivacyGuard::check("n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg"), V::Pseudonym);
    }

    void platesStop() {
        for (const char* plate : {"1-ABC-234", "1ABC234", "ABC-123", "ABC123", "12-ABC-3", "AB-12-CD",
                                  "99-XX-99", "XX-999-X", "1 abc 234", "1", "42", "B-AB 1234", "7XYZ999"})
            QVERIFY2(PrivacyGuard::check(plate) == V::LooksLikePlate, plate);
    }

    void otherValuesAreNoPseudonyms() {
        for (const char* v :
             {"ABCDEFGHIJKLMNOPQRS", "hello world, not a hash", "0123456789abcdeg!!", "ÄÖÜ-1234-ß"})
            QVERIFY2(PrivacyGuard::check(v) == V::NotAPseudonym, v);
        QVERIFY(!PrivacyGuard::reason(V::LooksLikePlate).isEmpty());
        QVERIFY(PrivacyGuard::reason(V::LooksLikePlate).contains(QLatin1String("--pseudonymise")));
    }
};

QTEST_GUILESS_MAIN(TestPrivacyGuard)
#include "testprivacyguard.moc"
