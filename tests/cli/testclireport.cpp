#include "common/bytesource.h"
#include "common/sqlite.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

/** stroom-cli report (issue 7): contents checked with pdftotext, pixels with pdftoppm. */
class TestCliReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    struct Result {
        int code;
        QString out, err;
    };
    static Result run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(300000);
        const Result r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                       QString::fromUtf8(p.readAllStandardError())};
        if (r.code != 0) // expected or not, the log says why
            qInfo("%s %s -> %d: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), r.code,
                  qPrintable(r.err));
        return r;
    }
    static Result cli(const QStringList& args) { return run(QStringLiteral(STROOM_CLI), args); }
    static QString text(const QString& pdf) {
        return run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}).out;
    }

private slots:
    void initTestCase() {
        const QString sim = m_dir.filePath(QStringLiteral("sim"));
        QCOMPARE(cli({QStringLiteral("simulate"), QStringLiteral("--out"), sim, QStringLiteral("--vehicles"),
                      QStringLiteral("6000"), QStringLiteral("--days"), QStringLiteral("3")})
                     .code,
                 0);
        m_project = m_dir.filePath(QStringLiteral("gent.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), m_project}).code, 0);
        QCOMPARE(cli({QStringLiteral("cameras"), QStringLiteral("import"), m_project,
                      sim + QStringLiteral("/cameras.csv")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("zones"), QStringLiteral("import"), m_project,
                      sim + QStringLiteral("/zones.geojson"), QStringLiteral("--id-field"),
                      QStringLiteral("wijknr"), QStringLiteral("--name-field"), QStringLiteral("wijk")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("import"), m_project, sim + QStringLiteral("/anpr-standard.csv")}).code,
                 0);
    }

    /**
     * animate (issue 14): the flow map per hour as a GIF, by zone and by camera; a decoder reads one frame
     * per hour of the filter, the morning frames unlike the night's; refused: no purpose, another format, a
     * bad size (exit 2, nothing written). And the report's before/after page from the command line.
     */
    void animationAndBeforeAfter() {
        const QString gif = m_dir.filePath(QStringLiteral("flows.gif"));
        Result r =
            cli({QStringLiteral("animate"), m_project, QStringLiteral("--out"), gif, QStringLiteral("--per"),
                 QStringLiteral("hour"), QStringLiteral("--hours"), QStringLiteral("5-10"),
                 QStringLiteral("--by"), QStringLiteral("zone"), QStringLiteral("--size"),
                 QStringLiteral("400x300"), QStringLiteral("--purpose"), QStringLiteral("council")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("5 frames")), qPrintable(r.err));
        QImageReader reader(gif);
        QCOMPARE(reader.imageCount(), 5);
        QImage first, last;
        QVERIFY(reader.read(&first));
        for (QImage img; reader.read(&img);)
            last = img;
        QCOMPARE(first.size(), QSize(400, 300));
        int differing = 0;
        const QImage a = first.convertToFormat(QImage::Format_RGB32),
                     b = last.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                differing += a.pixel(x, y) != b.pixel(x, y);
        QVERIFY2(differing > 500, qPrintable(QString::number(differing))); // 05:00 against 09:00
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.gif"))},
              QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.mp4")),
                          QStringLiteral("--purpose"), QStringLiteral("p")},
              QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.gif")),
                          QStringLiteral("--purpose"), QStringLiteral("p"), QStringLiteral("--size"),
                          QStringLiteral("10x10")}}) {
            r = cli(QStringList{QStringLiteral("animate"), m_project} + bad);
            QVERIFY2(r.code == 2, qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.gif"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.mp4"))));
        // The report's before/after page: 3 days are too few for a comparison (exit 2), and it says so.
        r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("ba.pdf")), QStringLiteral("--before"),
                 QStringLiteral("2026-03-02/2026-03-02"), QStringLiteral("--after"),
                 QStringLiteral("2026-03-03/2026-03-04"), QStringLiteral("--purpose"),
                 QStringLiteral("test")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("at least 4")), qPrintable(r.err));
    }

    void englishReport() {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const Result r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf,
                              QStringLiteral("--purpose"), QStringLiteral("Council briefing"),
                              QStringLiteral("--days"), QStringLiteral("weekday")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString t = text(pdf);
        QVERIFY(t.contains(QLatin1String("Traffic flows from")));
        QVERIFY(t.contains(QLatin1String("Period: 2026-03-02")));
        QVERIFY(t.contains(QLatin1String("Filters: weekday")));
        QVERIFY(t.contains(QLatin1String("trip gap 1800 s")));
        QVERIFY(t.contains(QLatin1String("minimum cell count k = 10")));
        // Through traffic: each gate pair's window, and the share corrected for the gate reads missed.
        QVERIFY(t.simplified().contains(QLatin1String("a window per gate pair (")));
        QVERIFY(t.simplified().contains(QLatin1String("The cameras read 9")));
        QVERIFY(t.simplified().contains(QLatin1String("through traffic is about")));
        QVERIFY(t.contains(QLatin1String("Council briefing")));
        QVERIFY(t.contains(QLatin1String("Method and privacy")));
        QVERIFY(t.contains(QLatin1String("cell key method")));
        QVERIFY(t.simplified().contains(QLatin1String("No retention period is set")));
        QVERIFY(t.simplified().contains(QLatin1String("Re-identification risk of the kept reads")));
        // The top OD rows are those of stroom-cli flows with the same filters.
        const QString od = m_dir.filePath(QStringLiteral("od.csv"));
        QCOMPARE(cli({QStringLiteral("flows"), QStringLiteral("--purpose"), QStringLiteral("test"), m_project,
                      QStringLiteral("--out"), od, QStringLiteral("--days"), QStringLiteral("weekday")})
                     .code,
                 0);
        QFile f(od);
        QVERIFY(f.open(QIODevice::ReadOnly));
        f.readLine();
        QList<QPair<qint64, QString>> rows;
        while (!f.atEnd()) {
            const QList<QByteArray> c = f.readLine().trimmed().split(',');
            rows << qMakePair(c[2].toLongLong(), QString::fromLatin1(c[0] + ' ' + c[1]));
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (int i = 0; i < 5; ++i) {
            // Names beside the ids now ("Oud Gentbrugge C103  Dampoort C078  1,727"): the two ids in order,
            // then the trips.
            const QRegularExpression line(QStringLiteral("\\b%1\\b\\)?[^\\n]*\\b%2\\b\\)?\\s+%3\\b")
                                              .arg(rows[i].second.section(QLatin1Char(' '), 0, 0),
                                                   rows[i].second.section(QLatin1Char(' '), 1, 1))
                                              .arg(QLocale(QLocale::English).toString(rows[i].first)));
            QVERIFY2(t.contains(line), qPrintable(rows[i].second));
        }
        // No OD figure below k: every "C… C… n" row of the table has n ≥ 10.
        const QRegularExpression odRow(
            QStringLiteral("\\b(C\\d{3})\\b\\)?[^\\n]*?\\b(C\\d{3})\\b\\)?\\s+([\\d,]+)\\s+[\\d.]+ %"));
        int seen = 0;
        for (auto it = odRow.globalMatch(t); it.hasNext();) {
            const auto m = it.next();
            QVERIFY(QString(m.captured(3)).remove(QLatin1Char(',')).toLongLong() >= 10);
            ++seen;
        }
        QVERIFY(seen >= 10);
        // The report is in the audit trail with its SHA-256.
        stroom::sql::Database db;
        db.open(m_project, stroom::sql::Database::Mode::ReadOnly);
        auto st =
            db.prepare("SELECT purpose, output_sha256, parameters FROM audit_log WHERE action = 'report'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("Council briefing"));
        QCOMPARE(st.text(1), stroom::ByteSource::fileSha256(pdf));
        QVERIFY(st.text(2).contains(QLatin1String("weekday")));
        // Page 1 shows a map: coloured pixels in its right half.
        const QString png = m_dir.filePath(QStringLiteral("page"));
        QCOMPARE(
            run(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), QStringLiteral("-f"),
                 QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf, png})
                .code,
            0);
        QImage page(png + QStringLiteral("-1.png"));
        QVERIFY(!page.isNull());
        int coloured = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = page.width() / 2; x < page.width(); ++x) {
                const QColor c = page.pixelColor(x, y);
                coloured += c.saturation() > 80;
            }
        QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
    }

    void dutchReportHasNoEnglishLeft() {
        const QString pdf = m_dir.filePath(QStringLiteral("rapport.pdf"));
        const Result r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf,
                              QStringLiteral("--lang"), QStringLiteral("nl"), QStringLiteral("--purpose"),
                              QStringLiteral("Evaluatie circulatieplan")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString t = text(pdf);
        QVERIFY(t.contains(QLatin1String("Verkeersstromen uit ANPR")));
        QVERIFY(t.contains(QLatin1String("Methode en privacy")));
        for (const char* english :
             {"Traffic flows", "Period",         "Filters: none", "Parameters:", "Purpose", "Generated",
              "Legend",        "Where trips go", "Origin",        "Destination", "Trips",   "Through traffic",
              "Journey times", "Median",         "Owner",         "Cameras in",  "Method",  "Retention",
              "page ",         "Flows (trips)",  "Cameras ["})
            QVERIFY2(!t.contains(QRegularExpression(
                         QStringLiteral("\\b%1\\b")
                             .arg(QRegularExpression::escape(QLatin1String(english).trimmed())))),
                     english);
    }

    void publicRegisterPdf() {
        const QString pdf = m_dir.filePath(QStringLiteral("register.pdf"));
        const Result r =
            cli({QStringLiteral("cameras"), QStringLiteral("export"), m_project, QStringLiteral("--public"),
                 QStringLiteral("--out"), pdf, QStringLiteral("--purpose"), QStringLiteral("Website")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString t = text(pdf);
        QVERIFY(t.contains(QLatin1String("Public register of ANPR cameras")));
        QVERIFY(t.contains(QLatin1String("Legal basis")));
        // Every camera of the project is listed, and the per-owner counts add up to them.
        stroom::sql::Database db;
        db.open(m_project, stroom::sql::Database::Mode::ReadOnly);
        auto ids = db.prepare("SELECT camera_id, owner FROM cameras");
        int cameras = 0;
        QSet<QString> owners;
        while (ids.step()) {
            QVERIFY2(t.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(ids.text(0)))),
                     qPrintable(ids.text(0)));
            owners.insert(ids.text(1));
            ++cameras;
        }
        QVERIFY(cameras > 50);
        int total = 0;
        for (const QString& owner : owners) {
            // The summary row: the owner, then its count and the cameras per purpose in words (zone labels
            // of the map may share the text line).
            const QRegularExpression row(
                QStringLiteral("\\b%1\\s+(\\d+)\\s+[A-Za-z]").arg(QRegularExpression::escape(owner)));
            const auto m = row.match(t);
            QVERIFY2(m.hasMatch(), qPrintable(owner));
            total += m.captured(1).toInt();
        }
        QCOMPARE(total, cameras);
        // Only public fields: nothing from the internal notes or the data sources.
        QVERIFY(!t.contains(QLatin1String("Notes")));
        QVERIFY(!t.contains(QLatin1String("Source")));
        auto st = db.prepare("SELECT purpose, output_sha256 FROM audit_log WHERE action = 'public register'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("Website"));
        QCOMPARE(st.text(1), stroom::ByteSource::fileSha256(pdf));
        // A PDF of the full register is refused: only the public one is published as a listing.
        QCOMPARE(cli({QStringLiteral("cameras"), QStringLiteral("export"), QStringLiteral("--purpose"),
                      QStringLiteral("test"), m_project, QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("all.pdf"))})
                     .code,
                 2);
    }

    /**
     * The transparency report (issue 11, item 7): cameras by owner and purpose, data held, privacy
     * parameters and uses by month and purpose, in Dutch and English; no user, no path, nothing plate-like.
     */
    void transparencyReport() {
        // A use whose purpose names a plate: the report masks it.
        QCOMPARE(cli({QStringLiteral("counts"), m_project, QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("tr-counts.csv")), QStringLiteral("--purpose"),
                      QStringLiteral("question about 1-ABC-234 from the council")})
                     .code,
                 0);
        const QString json = m_dir.filePath(QStringLiteral("transparency.geojson"));
        Result r = cli({QStringLiteral("transparency"), m_project, QStringLiteral("--out"), json});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(doc.value(QStringLiteral("type")).toString(), QStringLiteral("FeatureCollection"));
        const QJsonObject t = doc.value(QStringLiteral("transparency")).toObject();
        stroom::sql::Database db;
        db.open(m_project, stroom::sql::Database::Mode::ReadOnly);
        auto scalar = [&](const char* sql) {
            auto st = db.prepare(sql);
            return st.step() ? st.int64(0) : -1;
        };
        QCOMPARE(doc.value(QStringLiteral("features")).toArray().size(),
                 static_cast<int>(scalar("SELECT count(*) FROM cameras")));
        QCOMPARE(t.value(QStringLiteral("cameras")).toObject().value(QStringLiteral("total")).toInt(),
                 static_cast<int>(scalar("SELECT count(*) FROM cameras")));
        int byOwner = 0;
        for (const QJsonValue& o :
             t.value(QStringLiteral("cameras")).toObject().value(QStringLiteral("by_owner")).toArray())
            byOwner += o.toObject().value(QStringLiteral("cameras")).toInt();
        QCOMPARE(byOwner, static_cast<int>(scalar("SELECT count(*) FROM cameras")));
        {
            stroom::sql::Database reads;
            reads.open(m_project + QStringLiteral(".reads"), stroom::sql::Database::Mode::ReadOnly);
            auto st = reads.prepare("SELECT sum(rows) FROM read_blocks");
            QVERIFY(st.step());
            const QJsonObject held = t.value(QStringLiteral("data_held")).toObject();
            QCOMPARE(held.value(QStringLiteral("reads_kept")).toVariant().toLongLong(), st.int64(0));
            qint64 perMonth = 0;
            for (const QJsonValue& m : held.value(QStringLiteral("reads_per_month")).toArray())
                perMonth += m.toObject().value(QStringLiteral("reads")).toVariant().toLongLong();
            QCOMPARE(perMonth, st.int64(0));
        }
        QCOMPARE(t.value(QStringLiteral("privacy")).toObject().value(QStringLiteral("k")).toInt(), 10);
        bool counted = false;
        for (const QJsonValue& u : t.value(QStringLiteral("uses")).toArray())
            counted = counted ||
                      (u.toObject().value(QStringLiteral("action")).toString() == QLatin1String("counts") &&
                       u.toObject().value(QStringLiteral("purpose")).toString() ==
                           QStringLiteral("question about […] from the council"));
        QVERIFY2(counted, bytes.constData());
        // No plate, no user, no path, no hash of an output.
        auto user = db.prepare("SELECT user, output, output_sha256 FROM audit_log WHERE output <> ''");
        QVERIFY(user.step());
        for (const QString& secret :
             {user.text(0), user.text(1), user.text(2), QStringLiteral("1-ABC-234"), m_dir.path()})
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        user.reset();
        // The PDF, in both languages.
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("nl")}) {
            const QString pdf = m_dir.filePath(QStringLiteral("transparency-%1.pdf").arg(lang));
            r = cli({QStringLiteral("transparency"), m_project, QStringLiteral("--out"), pdf,
                     QStringLiteral("--lang"), lang});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QString txt = text(pdf);
            QVERIFY2(txt.contains(lang == QLatin1String("en") ? QLatin1String("Transparency report")
                                                              : QLatin1String("Transparantierapport")),
                     qPrintable(txt));
            QVERIFY(txt.contains(lang == QLatin1String("en")
                                     ? QLatin1String("What the data was used for")
                                     : QLatin1String("Waarvoor de gegevens gebruikt zijn")));
            QVERIFY(txt.contains(QLatin1String("question about")) &&
                    txt.contains(QStringLiteral("[…]"))); // may wrap
            QVERIFY(!txt.contains(QLatin1String("1-ABC-234")));
            QVERIFY(!txt.contains(user.step() ? user.text(0) : QStringLiteral("\x01")));
            user.reset();
        }
        QCOMPARE(
            scalar("SELECT count(*) FROM audit_log WHERE action = 'transparency report' AND layer = 'L3'"),
            3);
    }

    /** A project straight after init, and one with cameras but no zones: a report, never an abort. */
    void reportWithoutZones() {
        const QString empty = m_dir.filePath(QStringLiteral("empty.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), empty}).code, 0);
        const QString pdf1 = m_dir.filePath(QStringLiteral("empty.pdf"));
        const Result r1 = cli({QStringLiteral("report"), QStringLiteral("--purpose"), QStringLiteral("test"),
                               empty, QStringLiteral("--out"), pdf1});
        QCOMPARE(r1.code, 0);
        QVERIFY(text(pdf1).contains(QLatin1String("Nothing to map yet")));

        const QString cams = m_dir.filePath(QStringLiteral("cameras-only.gpkg"));
        QCOMPARE(cli({QStringLiteral("init"), cams}).code, 0);
        QCOMPARE(cli({QStringLiteral("cameras"), QStringLiteral("import"), cams,
                      m_dir.filePath(QStringLiteral("sim/cameras.csv"))})
                     .code,
                 0);
        const QString pdf2 = m_dir.filePath(QStringLiteral("cameras-only.pdf"));
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--purpose"), QStringLiteral("test"), cams,
                      QStringLiteral("--out"), pdf2})
                     .code,
                 0);
        QVERIFY(!text(pdf2).contains(QLatin1String("Nothing to map yet")));
        // The map page draws the cameras: coloured pixels inside the map frame.
        QCOMPARE(run(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"), QStringLiteral("2"),
                      QStringLiteral("-l"), QStringLiteral("2"), QStringLiteral("-png"), pdf2,
                      m_dir.filePath(QStringLiteral("co"))})
                     .code,
                 0);
        const QImage page(m_dir.filePath(QStringLiteral("co-2.png")));
        QVERIFY(!page.isNull());
        int coloured = 0;
        for (int y = page.height() / 8; y < page.height() * 7 / 8; ++y)
            for (int x = page.width() / 20; x < page.width() * 2 / 3; ++x) {
                const QColor c = page.pixelColor(x, y);
                coloured += c.saturation() > 80 && c.value() > 60;
            }
        QVERIFY2(coloured > 300, qPrintable(QString::number(coloured)));
    }

    void badUsage() {
        QCOMPARE(
            cli({QStringLiteral("report"), QStringLiteral("--purpose"), QStringLiteral("test"), m_project})
                .code,
            2);
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--purpose"), QStringLiteral("test"),
                      m_project, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.pdf")),
                      QStringLiteral("--lang"), QStringLiteral("fr")})
                     .code,
                 2);
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--purpose"), QStringLiteral("test"),
                      m_project, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.pdf")),
                      QStringLiteral("--template"), m_dir.filePath(QStringLiteral("none.qpt"))})
                     .code,
                 3);
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "testclireport.moc"
