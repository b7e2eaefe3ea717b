#include "helpbrowser.h"

#include "simulate/demoproject.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace stroom::widgets {

QString HelpBrowser::manualFile(const QString& language) {
    QStringList roots;
    if (!qEnvironmentVariableIsEmpty("STROOM_MANUAL_DIR"))
        roots << qEnvironmentVariable("STROOM_MANUAL_DIR");
    roots << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/stroom/manual")
          << QStringLiteral(STROOM_BUILD_MANUAL_DIR);
    for (const QString& lang : {language, QStringLiteral("en")})
        for (const QString& root : roots) {
            const QFileInfo f(QDir(root).filePath(lang + QStringLiteral("/manual.md")));
            if (f.isReadable())
                return f.canonicalFilePath();
        }
    return QString();
}

HelpBrowser::HelpBrowser(const QString& language, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Stroom %1 – Manual").arg(stroomVersion()));
    setObjectName(QStringLiteral("HelpBrowser"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* back = new QPushButton(tr("Back"), this);
    auto* forward = new QPushButton(tr("Forward"), this);
    auto* home = new QPushButton(tr("Contents"), this);
    for (QPushButton* b : {back, forward, home}) {
        b->setAutoDefault(false);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    layout->addLayout(bar);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("Manual"));
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_browser, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    back->setEnabled(false);
    forward->setEnabled(false);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, forward, &QPushButton::setEnabled);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(forward, &QPushButton::clicked, m_browser, &QTextBrowser::forward);
    connect(home, &QPushButton::clicked, m_browser, &QTextBrowser::home);
    const QString file = manualFile(language);
    if (file.isEmpty())
        m_browser->setPlainText(tr("The manual is not installed here: it is in the package stroom, under "
                                   "/usr/share/stroom/manual, and in the source under resources/manual."));
    else
        m_browser->setSource(QUrl::fromLocalFile(file), QTextDocument::MarkdownResource);
    resize(900, 760);
}

} // namespace stroom::widgets
