#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

/** Dutch is complete: every visible string of the desktop has a finished Dutch translation. */
class TestTranslations : public QObject {
    Q_OBJECT

private:
    /** context + '\x1f' + source → translation (numerus forms joined with '|') and whether it is finished. */
    struct Entry {
        QString translation;
        bool finished;
    };
    static QHash<QString, Entry> read(const QString& path) {
        QHash<QString, Entry> out;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        QDomDocument doc;
        if (!doc.setContent(&f))
            return out;
        const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
        for (int i = 0; i < contexts.size(); ++i) {
            const QDomElement ctx = contexts.at(i).toElement();
            const QString name = ctx.firstChildElement(QStringLiteral("name")).text();
            for (QDomElement m = ctx.firstChildElement(QStringLiteral("message")); !m.isNull();
                 m = m.nextSiblingElement(QStringLiteral("message"))) {
                const QDomElement tr = m.firstChildElement(QStringLiteral("translation"));
                QString text = tr.text();
                if (m.attribute(QStringLiteral("numerus")) == QLatin1String("yes")) {
                    QStringList forms;
                    for (QDomElement n = tr.firstChildElement(QStringLiteral("numerusform")); !n.isNull();
                         n = n.nextSiblingElement(QStringLiteral("numerusform")))
                        forms << n.text();
                    text = forms.join(QLatin1Char('|'));
                }
                const bool finished =
                    tr.attribute(QStringLiteral("type")).isEmpty() && !text.trimmed().isEmpty();
                out.insert(name + QChar(0x1f) + m.firstChildElement(QStringLiteral("source")).text(),
                           Entry{text, finished});
            }
        }
        return out;
    }

private slots:
    void dutchHasNoUnfinishedEntries() {
        const QHash<QString, Entry> nl = read(QStringLiteral(STROOM_TS_NL));
        QVERIFY(nl.size() > 150);
        for (auto it = nl.cbegin(); it != nl.cend(); ++it)
            QVERIFY2(it->finished, qPrintable(QStringLiteral("unfinished: ") + it.key()));
    }

    /** lupdate over today's sources finds nothing the committed Dutch file lacks. */
    void everyVisibleStringIsInTheDutchFile() {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(STROOM_SOURCE_DIR));
        p.start(QStringLiteral(STROOM_LUPDATE),
                {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                 QStringLiteral("app/core"), QStringLiteral("app/desktop"), QStringLiteral("maps"),
                 QStringLiteral("widgets"), QStringLiteral("-ts"), fresh});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QHash<QString, Entry> now = read(fresh), nl = read(QStringLiteral(STROOM_TS_NL));
        QVERIFY(now.size() > 150);
        QStringList missing;
        for (auto it = now.cbegin(); it != now.cend(); ++it)
            if (!nl.contains(it.key()))
                missing << it.key();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in stroom_nl.ts: ") + missing.join(QStringLiteral("; "))));
    }

    void compiledCatalogueTranslates() {
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(STROOM_QM_NL)));
        QCOMPARE(t.translate("stroom::widgets::FilterPanel", "Through traffic only"),
                 QStringLiteral("Enkel doorgaand verkeer"));
        QCOMPARE(t.translate("stroom::desktop::MainWindow", "%n camera(s)", nullptr, 3),
                 QStringLiteral("%n camera's"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "testtranslations.moc"
