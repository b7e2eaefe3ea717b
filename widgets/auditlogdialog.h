#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace stroom {
class Store;
}

namespace stroom::widgets {

/**
 * \brief View > Audit log: every record of the project's audit trail (time, OS user, action, purpose,
 * layer, output, k, cells suppressed), newest first, and whether its hash chain is intact; when it is not,
 * the first broken record is named and selected. For the data protection officer's check.
 */
class AuditLogDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditLogDialog(Store& store, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }
    /** The verification as shown ("intact, N records" or the problem). */
    QString verdict() const;
    /** Reads the log and checks the chain again. */
    void reload();

private:
    Store& m_store;
    QLabel* m_verdict;
    QTableWidget* m_table;
};

} // namespace stroom::widgets
