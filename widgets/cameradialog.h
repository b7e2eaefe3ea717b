#pragma once

#include "store/camera.h"

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QPushButton;

namespace stroom::widgets {

/** \brief Add or edit one camera; the rules of the register are checked as you type. */
class CameraDialog : public QDialog {
    Q_OBJECT
public:
    explicit CameraDialog(const Camera& camera, bool isNew, QWidget* parent = nullptr);
    Camera camera() const;
    QStringList problems() const;

private:
    void check();
    Camera m_original;
    QLineEdit *m_id, *m_name, *m_site, *m_lon, *m_lat, *m_directions, *m_owner, *m_operator, *m_legal,
        *m_zone, *m_notes;
    QComboBox *m_purpose, *m_status, *m_role;
    QCheckBox* m_registered;
    QLabel* m_problems;
    QPushButton* m_ok;
};

} // namespace stroom::widgets
