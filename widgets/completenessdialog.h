#pragma once

#include "inventory/inventory.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace stroom::widgets {

/**
 * \brief The completeness dashboard of the camera register: cameras by owner, purpose and status, and the
 * gaps to fill (no owner, no legal basis, not in the official register, seen in the data but not
 * registered, silent in the selected period), by name and id. Double-clicking a camera asks to open it; "Show
 * on map" asks to zoom to it.
 */
class CompletenessDialog : public QDialog {
    Q_OBJECT
public:
    CompletenessDialog(const Inventory::Completeness& c, const QString& period, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }
    /** Shows fresh figures (after an edit), keeping the groups the planner unfolded. */
    void setCompleteness(const Inventory::Completeness& c, const QString& period);

signals:
    void cameraActivated(const QString& cameraId);
    /** The planner asked to see the camera on the map. */
    void cameraLocated(const QString& cameraId);

private:
    QTreeWidgetItem* group(const QString& title, int count, const QString& why);
    QLabel* m_intro;
    QTreeWidget* m_tree;
    QPushButton* m_locate;
};

} // namespace stroom::widgets
