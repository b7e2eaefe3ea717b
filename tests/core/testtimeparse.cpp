#include "common/timeparse.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <vector>

using namespace stroom;
using timeparse::Result;

namespace {
qint64 utc(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}
} // namespace

class TestTimeParse : public QObject {
    Q_OBJECT

private slots:
    void isoForms() {
        LocalTime tz("Europe/Brussels");
        LocalTime u("UTC");
        std::int64_t t = 0;
        QCOMPARE(timeparse::parseIso("2026-03-02T07:45:12Z", u, &t), Result::Ok);
        QCOMPARE(t, utc("2026-03-02T07:45:12Z"));
        QCOMPARE(timeparse::parseIso("2026-03-02T08:45:12+01:00", u, &t), Result::Ok);
        QCOMPARE(t, utc("2026-03-02T07:45:12Z"));
        QCOMPARE(timeparse::parseIso("2026-03-02 08:45:12.250+0100", u, &t), Result::Ok);
        QCOMPARE(t, utc("2026-03-02T07:45:12Z"));
        QCOMPARE(timeparse::parseIso("2020-02-04T12:00:00.000Z", u, &t), Result::Ok);
        QCOMPARE(t, utc("2020-02-04T12:00:00Z"));
        // No zone: local time in the zone given.
        QCOMPARE(timeparse::parseIso("2026-07-01T10:00:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-07-01T08:00:00Z"));
        for (const char* bad : {"2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02T25:00:00Z",
                                "yesterday", "2026-03-02T07:45:12Q", "2026-03-02T07", ""})
            QVERIFY2(timeparse::parseIso(bad, u, &t) == Result::Bad, bad);
    }

    void dutchLocalTimes() {
        LocalTime tz("Europe/Brussels");
        std::int64_t t = 0;
        QCOMPARE(timeparse::parseDutch("02/03/2026 08:45:12", tz, &t), Result::Ok); // winter, UTC+1
        QCOMPARE(t, utc("2026-03-02T07:45:12Z"));
        QCOMPARE(timeparse::parseDutch("1/7/2026 10:00", tz, &t), Result::Ok); // summer, UTC+2
        QCOMPARE(t, utc("2026-07-01T08:00:00Z"));
        QCOMPARE(timeparse::parseAny("01-07-2026 10:00:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-07-01T08:00:00Z"));
        QCOMPARE(timeparse::parseDutch("31/02/2026 10:00:00", tz, &t), Result::Bad);
    }

    /** 29 March 2026: clocks go from 02:00 to 03:00; 02:30 never happens. */
    void springGapIsRejected() {
        LocalTime tz("Europe/Brussels");
        std::int64_t t = 0;
        QCOMPARE(timeparse::parseDutch("29/03/2026 02:30:00", tz, &t), Result::Nonexistent);
        QCOMPARE(timeparse::parseDutch("29/03/2026 01:59:59", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-03-29T00:59:59Z"));
        QCOMPARE(timeparse::parseDutch("29/03/2026 03:00:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-03-29T01:00:00Z"));
    }

    /** 25 October 2026: 02:00–02:59 happens twice; file order decides, first pass is summer time. */
    void autumnOverlapFollowsFileOrder() {
        LocalTime tz("Europe/Brussels");
        std::int64_t t = 0;
        QCOMPARE(timeparse::parseDutch("25/10/2026 01:50:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-10-24T23:50:00Z"));
        QCOMPARE(timeparse::parseDutch("25/10/2026 02:10:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-10-25T00:10:00Z")); // first pass: CEST
        QCOMPARE(timeparse::parseDutch("25/10/2026 02:55:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-10-25T00:55:00Z"));
        QCOMPARE(timeparse::parseDutch("25/10/2026 02:05:00", tz, &t), Result::Ok); // the clock stepped back
        QCOMPARE(t, utc("2026-10-25T01:05:00Z"));                                   // second pass: CET
        QCOMPARE(timeparse::parseDutch("25/10/2026 02:40:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-10-25T01:40:00Z"));
        QCOMPARE(timeparse::parseDutch("25/10/2026 03:10:00", tz, &t), Result::Ok);
        QCOMPARE(t, utc("2026-10-25T02:10:00Z"));
    }

    void offsets() {
        LocalTime tz("Europe/Brussels");
        QCOMPARE(tz.offsetAt(utc("2026-01-15T12:00:00Z")), 3600);
        QCOMPARE(tz.offsetAt(utc("2026-07-15T12:00:00Z")), 7200);
        QVERIFY(!LocalTime("Mars/Olympus_Mons").isValid());
    }

    void offsetsInAnyOrder() {
        // offsetAt() keeps its last answer for the span it holds: forwards, backwards and jumping across both
        // transitions and a new year, every instant gets the zone's offset.
        const QTimeZone brussels("Europe/Brussels");
        std::vector<qint64> instants;
        for (const char* around : {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2027-01-01T00:00:00Z"})
            for (qint64 s = -7200; s <= 7200; s += 599)
                instants.push_back(utc(around) + s);
        const qint64 n = static_cast<qint64>(instants.size());
        for (qint64 i = n - 1; i >= 0; --i) // backwards, then forwards and jumping about
            instants.push_back(instants[static_cast<std::size_t>(i)]);
        for (qint64 i = 0; i < n; ++i)
            instants.push_back(instants[static_cast<std::size_t>((i * 37) % n)]);
        LocalTime tz("Europe/Brussels");
        for (const qint64 t : instants)
            QCOMPARE(tz.offsetAt(t), brussels.offsetFromUtc(QDateTime::fromSecsSinceEpoch(t, Qt::UTC)));
    }
};

QTEST_GUILESS_MAIN(TestTimeParse)
#include "testtimeparse.moc"
