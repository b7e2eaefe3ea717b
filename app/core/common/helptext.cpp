#include "common/helptext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

#include <set>

namespace stroom::helptext {

namespace {

constexpr const char* kContext = "stroom-cli";
bool g_dutch = false;

void collect(const QString& english) {
    static const QString file = qEnvironmentVariable("STROOM_HELP_STRINGS");
    if (file.isEmpty() || english.isEmpty())
        return;
    QFile f(file);
    if (f.open(QIODevice::Append)) // one text per record, records apart by a NUL (texts hold newlines)
        f.write(english.toUtf8() + '\0');
}

/** roff-safe text: backslashes, leading dots and quotes, and hyphens in option names. */
QString roff(QString s) {
    s.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    s.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    QStringList lines = s.split(QLatin1Char('\n'));
    for (QString& l : lines)
        if (l.startsWith(QLatin1Char('.')) || l.startsWith(QLatin1Char('\'')))
            l.prepend(QStringLiteral("\\&"));
    return lines.join(QLatin1Char('\n'));
}

struct Parsed {
    QString usage; ///< after "Usage: "
    QString description;
    QList<QPair<QString, QString>> options;   ///< "--out <FILE>", its description
    QList<QPair<QString, QString>> arguments; ///< "PROJECT", its description
};

/** QCommandLineParser's help layout, in any language: usage line, description, then titled lists. */
Parsed parse(const QString& text) {
    Parsed p;
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.isEmpty())
        return p;
    p.usage = lines.first().section(QLatin1Char(':'), 1).trimmed();
    int i = 1;
    QStringList description;
    for (; i < lines.size(); ++i) {
        const bool heading = !lines[i].startsWith(QLatin1Char(' ')) && lines[i].endsWith(QLatin1Char(':')) &&
                             i + 1 < lines.size() && lines[i + 1].startsWith(QStringLiteral("  "));
        if (heading)
            break;
        description << lines[i];
    }
    p.description = description.join(QLatin1Char('\n')).trimmed();
    QList<QPair<QString, QString>>* list = nullptr;
    int column = 0;
    for (; i < lines.size(); ++i) {
        const QString& l = lines[i];
        if (!l.startsWith(QLatin1Char(' ')) && l.endsWith(QLatin1Char(':'))) {
            const bool options = i + 1 < lines.size() && lines[i + 1].trimmed().startsWith(QLatin1Char('-'));
            list = options ? &p.options : &p.arguments;
            column = 0;
            continue;
        }
        if (!list || l.trimmed().isEmpty())
            continue;
        // "  --name <V>   description" (two or more spaces apart); a continuation is indented to the column.
        static const QRegularExpression item(QStringLiteral("^  (\\S.*?)(?:\\s{2,}(\\S.*))?$"));
        if (column > 0 && l.size() > column && l.left(column).trimmed().isEmpty() && !list->isEmpty()) {
            list->last().second += QLatin1Char(' ') + l.trimmed();
            continue;
        }
        const QRegularExpressionMatch m = item.match(l);
        if (!m.hasMatch())
            continue;
        list->append({m.captured(1).trimmed(), m.captured(2).trimmed()});
        column = m.capturedStart(2) > 0 ? m.capturedStart(2) : 0;
    }
    return p;
}

QString optionTerm(const QString& term) {
    // "-k <N>", "-h, --help", "--out <FILE>": names bold, values italic.
    QString out;
    static const QRegularExpression part(QStringLiteral("(<[^>]+>)|(-{1,2}[\\w-]+)|([^<-]+)"));
    for (auto it = part.globalMatch(term); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).isEmpty())
            out += QStringLiteral("\\fI%1\\fR").arg(roff(m.captured(1).mid(1, m.captured(1).size() - 2)));
        else if (!m.captured(2).isEmpty())
            out += QStringLiteral("\\fB%1\\fR").arg(roff(m.captured(2)));
        else
            out += roff(m.captured(3));
    }
    return out;
}

void writeLists(QString& page, const Parsed& p, bool dutchHeadings, const char* level) {
    auto list = [&](const QString& title, const QList<QPair<QString, QString>>& items) {
        if (items.isEmpty())
            return;
        page += QStringLiteral(".%1 %2\n").arg(QLatin1String(level), title);
        for (const auto& [term, text] : items)
            page += QStringLiteral(".TP\n%1\n%2\n").arg(optionTerm(term), roff(text));
    };
    list(dutchHeadings ? QStringLiteral("OPTIES") : QStringLiteral("OPTIONS"), p.options);
    list(dutchHeadings ? QStringLiteral("ARGUMENTEN") : QStringLiteral("ARGUMENTS"), p.arguments);
}

} // namespace

QString tr(const QString& english) {
    collect(english);
    const QByteArray utf8 = english.toUtf8();
    return QCoreApplication::translate(kContext, utf8.constData());
}

void addOptions(QCommandLineParser& parser, const QList<QCommandLineOption>& options) {
    for (const QCommandLineOption& o : options)
        addOption(parser, o);
}

void addOption(QCommandLineParser& parser, const QCommandLineOption& option) {
    QCommandLineOption o = option;
    o.setDescription(tr(option.description()));
    parser.addOption(o);
}

void addArgument(QCommandLineParser& parser, const QString& name, const QString& description,
                 const QString& syntax) {
    parser.addPositionalArgument(name, tr(description), syntax);
}

void installTranslator() {
    if (g_dutch)
        return;
    QString language;
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        language = qEnvironmentVariable(var);
        if (!language.isEmpty())
            break;
    }
    if (!language.startsWith(QLatin1String("nl")))
        return;
    auto* ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(QStringLiteral(":/stroom/translations/stroom-cli_nl.qm"))) {
        delete ours; // this build has no Dutch help (the engine alone, on Qt 6)
        return;
    }
    QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(QCoreApplication::instance());
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    const QString qtDir = QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
    if (qt->load(QLocale(QLocale::Dutch, QLocale::Belgium), QStringLiteral("qtbase"), QStringLiteral("_"),
                 qtDir))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    g_dutch = true;
}

bool dutch() {
    return g_dutch;
}

QString manPage(const QString& program, const QString& summary, const QString& version,
                const QList<Help>& helps, bool dutchHeadings, const QList<QPair<QString, QString>>& extra) {
    const QString date = QDate::currentDate().toString(Qt::ISODate);
    QString page = QStringLiteral(".\\\" Made by %1 from its --help; do not edit.\n").arg(program);
    page +=
        QStringLiteral(".TH %1 1 \"%2\" \"Stroom %3\" \"%4\"\n")
            .arg(program.toUpper(), date, version,
                 dutchHeadings ? QStringLiteral("Gebruikersopdrachten") : QStringLiteral("User Commands"));
    page += QStringLiteral(".SH %1\n%2 \\- %3\n")
                .arg(dutchHeadings ? QStringLiteral("NAAM") : QStringLiteral("NAME"), roff(program),
                     roff(summary));
    QList<Parsed> parsed;
    for (const Help& h : helps)
        parsed << parse(h.text);
    page += QStringLiteral(".SH %1\n")
                .arg(dutchHeadings ? QStringLiteral("OVERZICHT") : QStringLiteral("SYNOPSIS"));
    for (int i = 0; i < helps.size(); ++i) {
        // The usage line names the program by how it was started: the page names it by its name.
        QString usage = parsed[i].usage;
        const int firstSpace = usage.indexOf(QLatin1Char(' '));
        const QString rest = helps[i].command.contains(QLatin1Char(' '))
                                 ? usage.mid(usage.indexOf(helps[i].command.section(QLatin1Char(' '), 1)) +
                                             helps[i].command.section(QLatin1Char(' '), 1).size())
                                 : (firstSpace > 0 ? usage.mid(firstSpace) : QString());
        page += QStringLiteral(".B %1\n%2\n.br\n").arg(roff(helps[i].command), roff(rest.trimmed()));
    }
    if (helps.size() == 1) {
        page += QStringLiteral(".SH %1\n%2\n")
                    .arg(dutchHeadings ? QStringLiteral("BESCHRIJVING") : QStringLiteral("DESCRIPTION"),
                         roff(parsed[0].description));
        writeLists(page, parsed[0], dutchHeadings, "SH");
    } else {
        page += QStringLiteral(".SH %1\n")
                    .arg(dutchHeadings ? QStringLiteral("OPDRACHTEN") : QStringLiteral("COMMANDS"));
        for (int i = 0; i < helps.size(); ++i) {
            page += QStringLiteral(".SS %1\n%2\n").arg(roff(helps[i].command), roff(parsed[i].description));
            QString lists;
            writeLists(lists, parsed[i], dutchHeadings, "TP");
            // Within a command: its options as an indented list under a bold run-in title.
            lists.replace(QStringLiteral(".TP OPTIONS\n"), QStringLiteral(".PP\n\\fBOptions:\\fR\n"));
            lists.replace(QStringLiteral(".TP OPTIES\n"), QStringLiteral(".PP\n\\fBOpties:\\fR\n"));
            lists.replace(QStringLiteral(".TP ARGUMENTS\n"), QStringLiteral(".PP\n\\fBArguments:\\fR\n"));
            lists.replace(QStringLiteral(".TP ARGUMENTEN\n"), QStringLiteral(".PP\n\\fBArgumenten:\\fR\n"));
            page += lists;
        }
    }
    for (const auto& [title, text] : extra)
        page += QStringLiteral(".SH %1\n%2\n").arg(title, roff(text));
    return page;
}

QStringList optionsIn(const QString& text) {
    std::set<QString> names;
    static const QRegularExpression name(QStringLiteral("(?:^|[\\s,])(--?[A-Za-z][\\w-]*)"));
    auto take = [&](const QString& term) {
        for (auto it = name.globalMatch(term); it.hasNext();)
            names.insert(it.next().captured(1));
    };
    if (text.startsWith(QStringLiteral(".\\\""))) { // a man page: the term line after each .TP
        static const QRegularExpression font(QStringLiteral("\\\\f[BIR]"));
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i + 1 < lines.size(); ++i)
            if (lines[i] == QLatin1String(".TP")) {
                QString term = lines[i + 1];
                term.remove(font);
                term.replace(QStringLiteral("\\-"), QStringLiteral("-"));
                take(term);
            }
    } else {
        for (const auto& option : parse(text).options)
            take(option.first);
    }
    return QStringList(names.begin(), names.end());
}

} // namespace stroom::helptext
