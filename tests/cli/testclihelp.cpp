#include "common/helptext.h"

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

/**
 * The command-line help in both languages, and the manual pages made from it: every help text has its Dutch,
 * the Dutch help is shown to a Dutch-speaking user, and each man page lists the options --help lists.
 */
class TestCliHelp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int code = -1;
        QString out, err;
    };
    static Run run(const QString& program, const QStringList& args, const QString& language,
                   const QString& strings = QString()) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.insert(QStringLiteral("LANG"), language == QLatin1String("nl") ? QStringLiteral("nl_BE.UTF-8")
                                                                           : QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), language);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (!strings.isEmpty())
            env.insert(QStringLiteral("STROOM_HELP_STRINGS"), strings);
        p.setProcessEnvironment(env);
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QStringList commands() {
        // The command table, as `stroom-cli --help` lists it: "  name [options] …" lines.
        const Run r = run(QStringLiteral(STROOM_CLI), {QStringLiteral("--help")}, QStringLiteral("en"));
        QStringList names;
        for (const QString& line : r.out.split(QLatin1Char('\n')))
            if (line.startsWith(QStringLiteral("  ")) && !line.startsWith(QStringLiteral("   ")))
                names << line.trimmed().section(QStringLiteral(" ["), 0, 0);
        return names;
    }

    /** The Dutch of each English text in the CLI's translation file (finished ones only). */
    static QHash<QString, QString> dutch() {
        QHash<QString, QString> out;
        QFile f(QStringLiteral(STROOM_CLI_TS));
        QDomDocument doc;
        if (!f.open(QIODevice::ReadOnly) || !doc.setContent(&f))
            return out;
        const QDomNodeList messages = doc.elementsByTagName(QStringLiteral("message"));
        for (int i = 0; i < messages.size(); ++i) {
            const QDomElement m = messages.at(i).toElement();
            const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
            if (t.attribute(QStringLiteral("type")) != QLatin1String("unfinished") && !t.text().isEmpty())
                out.insert(m.firstChildElement(QStringLiteral("source")).text(), t.text());
        }
        return out;
    }

private slots:
    void everyHelpTextHasItsDutch() {
        const QStringList names = commands();
        QVERIFY2(names.size() >= 18, qPrintable(names.join(QLatin1Char(','))));
        const QString strings = m_dir.filePath(QStringLiteral("strings"));
        QCOMPARE(
            run(QStringLiteral(STROOM_CLI), {QStringLiteral("--help")}, QStringLiteral("en"), strings).code,
            0);
        for (const QString& c : names)
            QCOMPARE(run(QStringLiteral(STROOM_CLI), c.split(QLatin1Char(' ')) << QStringLiteral("--help"),
                         QStringLiteral("en"), strings)
                         .code,
                     0);
        QCOMPARE(
            run(QStringLiteral(STROOM_EDGE), {QStringLiteral("--help")}, QStringLiteral("en"), strings).code,
            0);
        QCOMPARE(
            run(QStringLiteral(STROOM_CLI), {QStringLiteral("--man")}, QStringLiteral("en"), strings).code,
            0);
        QCOMPARE(
            run(QStringLiteral(STROOM_EDGE), {QStringLiteral("--man")}, QStringLiteral("en"), strings).code,
            0);
        QFile f(strings);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QSet<QString> texts;
        for (const QByteArray& t : f.readAll().split('\0'))
            if (!t.isEmpty())
                texts.insert(QString::fromUtf8(t));
        QVERIFY(texts.size() > 100);
        const QHash<QString, QString> nl = dutch();
        QStringList missing;
        for (const QString& t : texts)
            if (!nl.contains(t))
                missing << t.left(60);
        missing.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 help texts without their Dutch in stroom-cli_nl.ts: %2")
                                .arg(missing.size())
                                .arg(missing.join(QStringLiteral(" | ")))));
    }

    void aDutchSpeakingUserReadsDutchHelp() {
        const Run nl = run(QStringLiteral(STROOM_CLI), {QStringLiteral("risk"), QStringLiteral("--help")},
                           QStringLiteral("nl"));
        const Run en = run(QStringLiteral(STROOM_CLI), {QStringLiteral("risk"), QStringLiteral("--help")},
                           QStringLiteral("en"));
        QCOMPARE(nl.code, 0);
        QVERIFY2(en.out.contains(QLatin1String("The project.")), qPrintable(en.out));
        QVERIFY2(nl.out.contains(QLatin1String("Het project.")), qPrintable(nl.out));
        QVERIFY2(!nl.out.contains(QLatin1String("The project.")), qPrintable(nl.out));
        // The same options, whatever the language.
        QCOMPARE(stroom::helptext::optionsIn(nl.out), stroom::helptext::optionsIn(en.out));
        // The report's help comes from stroom-cli-render, in Dutch too.
        const Run report = run(QStringLiteral(STROOM_CLI),
                               {QStringLiteral("report"), QStringLiteral("--help")}, QStringLiteral("nl"));
        QCOMPARE(report.code, 0);
        QVERIFY2(report.out.contains(QLatin1String("stroom-cli report")) &&
                     !report.out.contains(QLatin1String("Output file")),
                 qPrintable(report.out.left(400)));
    }

    /** A man page made from --help lists exactly the options --help does, command by command. */
    void manPagesListWhatHelpLists_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("nl") << QStringLiteral("nl");
    }
    void manPagesListWhatHelpLists() {
        QFETCH(QString, language);
        const Run man = run(QStringLiteral(STROOM_CLI), {QStringLiteral("--man")}, language);
        QCOMPARE(man.code, 0);
        QVERIFY(man.out.startsWith(QStringLiteral(".\\\"")));
        QVERIFY(man.out.contains(QStringLiteral(".TH STROOM-CLI 1")));
        QVERIFY(man.out.contains(language == QLatin1String("nl") ? QStringLiteral(".SH OPDRACHTEN")
                                                                 : QStringLiteral(".SH COMMANDS")));
        // Per command: its .SS section's options against its --help.
        const QStringList sections = man.out.split(QStringLiteral("\n.SS "));
        const QStringList names = commands();
        QCOMPARE(sections.size() - 1, names.size());
        for (int i = 0; i < names.size(); ++i) {
            const QString section =
                QStringLiteral(".\\\"\n") + sections[i + 1].section(QStringLiteral("\n.SH "), 0, 0);
            const Run help = run(QStringLiteral(STROOM_CLI),
                                 names[i].split(QLatin1Char(' ')) << QStringLiteral("--help"), language);
            QVERIFY2(sections[i + 1].startsWith(
                         QStringLiteral("stroom\\-cli ") +
                         QString(names[i]).replace(QLatin1Char('-'), QStringLiteral("\\-"))),
                     qPrintable(sections[i + 1].left(60)));
            const QStringList inMan = stroom::helptext::optionsIn(section),
                              inHelp = stroom::helptext::optionsIn(help.out);
            QVERIFY2(inMan == inHelp, qPrintable(QStringLiteral("%1: man %2, --help %3")
                                                     .arg(names[i], inMan.join(QLatin1Char(',')),
                                                          inHelp.join(QLatin1Char(',')))));
            QVERIFY(inHelp.contains(QStringLiteral("--help")));
        }
        // The programs with one page each.
        for (const QString& program : {QStringLiteral(STROOM_EDGE), QStringLiteral(STROOM_DESKTOP)}) {
            const Run page = run(program, {QStringLiteral("--man")}, language);
            const Run help = run(program, {QStringLiteral("--help")}, language);
            QCOMPARE(page.code, 0);
            QVERIFY(!help.out.contains(QLatin1String("--man"))); // for the build, not for people
            QCOMPARE(stroom::helptext::optionsIn(page.out), stroom::helptext::optionsIn(help.out));
            QVERIFY(stroom::helptext::optionsIn(page.out).size() >= 5);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "testclihelp.moc"
