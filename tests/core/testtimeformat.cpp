#include "common/timeformat.h"

#include <QDateTime>
#include <QTest>

using namespace stroom;

class TestTimeFormat : public QObject {
    Q_OBJECT

private slots:
    void civilDaysAgreeWithQt() {
        for (qint64 t = -86400LL * 400; t < 86400LL * 365 * 80; t += 86400LL * 13 + 3607) {
            std::string s;
            timefmt::appendIsoUtc(s, t);
            const QString expected =
                QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
            QCOMPARE(QString::fromStdString(s), expected);
            int y, m, d;
            const qint64 days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
            timefmt::civilFromDays(days, &y, &m, &d);
            QCOMPARE(timefmt::daysFromCivil(y, m, d), days);
        }
    }

    void dutchAndMillis() {
        std::string s;
        timefmt::appendDutchLocal(s, 1772438400 + 3600); // 2026-03-02 08:00 UTC is 09:00 in Brussels (UTC+1)
        QCOMPARE(QString::fromStdString(s), QStringLiteral("02/03/2026 09:00:00"));
        s.clear();
        timefmt::appendIsoUtc(s, 1772438400, true);
        QCOMPARE(QString::fromStdString(s), QStringLiteral("2026-03-02T08:00:00.000Z"));
        s.clear();
        timefmt::appendInt(s, -1234567);
        QCOMPARE(QString::fromStdString(s), QStringLiteral("-1234567"));
    }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "testtimeformat.moc"
