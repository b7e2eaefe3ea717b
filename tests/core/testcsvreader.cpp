#include "common/bytesource.h"
#include "common/csvreader.h"
#include "common/error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace stroom;

class TestCsvReader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString write(const QByteArray& bytes, const char* suffix = ".csv") {
        const QString p = m_dir.filePath(QStringLiteral("f%1%2").arg(++m_n).arg(QLatin1String(suffix)));
        QFile f(p);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return p;
    }
    QString writeGz(const QByteArray& bytes) {
        const QString p = m_dir.filePath(QStringLiteral("g%1.csv.gz").arg(++m_n));
        gzFile gz = gzopen(p.toUtf8().constData(), "wb");
        gzwrite(gz, bytes.constData(), static_cast<unsigned>(bytes.size()));
        gzclose(gz);
        return p;
    }
    /** All records of a file, fields joined by '|', statuses as <TooLong>/<Binary>, lines as "@n:". */
    static QStringList readAll(const QString& path, char delimiter = ',') {
        ByteSource src(path);
        CsvReader r(src, delimiter);
        QStringList out;
        for (;;) {
            const CsvReader::Status st = r.next();
            if (st == CsvReader::Status::End)
                break;
            QString row = QStringLiteral("@%1:").arg(r.line());
            if (st == CsvReader::Status::TooLong)
                row += QStringLiteral("<TooLong>");
            else if (st == CsvReader::Status::Binary)
                row += QStringLiteral("<Binary>");
            else {
                QStringList f;
                for (std::string_view v : r.fields())
                    f << QString::fromUtf8(v.data(), static_cast<int>(v.size()));
                row += f.join(QLatin1Char('|'));
            }
            out << row;
        }
        return out;
    }

private slots:
    void plainQuotedBomCrlf() {
        const QString p = write(
            "\xEF\xBB\xBF"
            "a,b,c\r\n1,\"x,y\",3\r\n\r\n4,\"say \"\"hi\"\"\",6\r\n7,\"multi\nline\",9\n10,,\n11,12,13");
        QCOMPARE(readAll(p),
                 (QStringList{QStringLiteral("@1:a|b|c"), QStringLiteral("@2:1|x,y|3"),
                              QStringLiteral("@4:4|say \"hi\"|6"), QStringLiteral("@5:7|multi\nline|9"),
                              QStringLiteral("@7:10||"), QStringLiteral("@8:11|12|13")}));
    }

    void otherDelimiters() {
        QCOMPARE(CsvReader::sniffDelimiter("tijdstip;camera;kenteken_hash"), ';');
        QCOMPARE(CsvReader::sniffDelimiter("a\tb\tc"), '\t');
        QCOMPARE(CsvReader::sniffDelimiter("\"a;b\",c,d"), ',');
        const QString p = write("a;b\n\"1;2\";3\n");
        QCOMPARE(readAll(p, ';'), (QStringList{QStringLiteral("@1:a|b"), QStringLiteral("@2:1;2|3")}));
    }

    void tooLongAndBinaryAreSkippedNotFatal() {
        QByteArray content = "a,b\n1,";
        content += QByteArray(int(CsvReader::maxRecordBytes()) + 100, 'x');
        content += "\n2,3\n4,";
        content += '\0';
        content += "\n5,6\n";
        const QString p = write(content);
        const QStringList rows = readAll(p);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], QStringLiteral("@1:a|b"));
        QCOMPARE(rows[1], QStringLiteral("@2:<TooLong>"));
        QCOMPARE(rows[2], QStringLiteral("@3:2|3"));
        QCOMPARE(rows[3], QStringLiteral("@4:<Binary>"));
        QCOMPARE(rows[4], QStringLiteral("@5:5|6"));
    }

    void gzipAndItsHash() {
        QByteArray content = "a,b\n";
        for (int i = 0; i < 50000; ++i)
            content += QByteArray::number(i) + ",v" + QByteArray::number(i * 7) + "\n";
        const QString gz = writeGz(content);
        const QStringList rows = readAll(gz);
        QCOMPARE(rows.size(), 50001);
        QCOMPARE(rows.last(), QStringLiteral("@50001:49999|v349993"));
        ByteSource src(gz);
        char buf[65536];
        while (src.read(buf, sizeof buf) > 0) {
        }
        QVERIFY(src.isGzip());
        QCOMPARE(src.sha256(), ByteSource::fileSha256(gz)); // the hash is of the file as stored
    }

    void truncatedGzipIsAnError() {
        QByteArray content;
        for (int i = 0; i < 20000; ++i)
            content += "2026-03-02T07:45:12Z,C001," + QByteArray::number(i) + "\n";
        const QString gz = writeGz(content);
        QFile f(gz);
        f.open(QIODevice::ReadOnly);
        const QByteArray whole = f.readAll();
        const QString cut = write(whole.left(whole.size() / 2), ".csv.gz");
        try {
            readAll(cut);
            QFAIL("a truncated gzip must not read as complete");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("truncated")), qPrintable(e.message()));
            QVERIFY(e.message().contains(cut));
        }
        const QString notGz = write("plain text", ".csv.gz");
        QVERIFY_EXCEPTION_THROWN(readAll(notGz), Error);
    }

    void utf8() {
        QVERIFY(CsvReader::isValidUtf8("Kortrijk Pottelberg"));
        QVERIFY(CsvReader::isValidUtf8("Prévention – Brussel"));
        QVERIFY(!CsvReader::isValidUtf8("\xC3("));
        QVERIFY(!CsvReader::isValidUtf8("\xE2\x82"));
        QVERIFY(!CsvReader::isValidUtf8("\xC0\xAF"));     // overlong
        QVERIFY(!CsvReader::isValidUtf8("\xED\xA0\x80")); // surrogate
    }

    void missingFileAndFolder() {
        QVERIFY_EXCEPTION_THROWN(ByteSource(m_dir.filePath(QStringLiteral("none.csv"))), Error);
        QVERIFY_EXCEPTION_THROWN(ByteSource(m_dir.path()), Error);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "testcsvreader.moc"
