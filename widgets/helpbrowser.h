#pragma once

#include <QDialog>

class QTextBrowser;

namespace stroom::widgets {

/**
 * \brief Help > Manual (F1): the user manual in the app's language, Markdown shown as it is written, with its
 * screenshots; back, forward and the contents.
 */
class HelpBrowser : public QDialog {
    Q_OBJECT
public:
    /** Opens the manual in \a language ("nl" or "en"; English when there is no such manual). */
    explicit HelpBrowser(const QString& language, QWidget* parent = nullptr);
    /**
     * The manual's file for \a language: from $STROOM_MANUAL_DIR, beside the installed program
     * (../share/stroom/manual), or the build folder's; empty when none is found.
     */
    static QString manualFile(const QString& language);
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser;
};

} // namespace stroom::widgets
