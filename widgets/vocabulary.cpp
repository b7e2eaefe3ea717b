#include "vocabulary.h"

#include "camerasymbology.h"
#include "store/camera.h"

#include <QCoreApplication>

namespace stroom::widgets::vocabulary {

namespace {
QString lookup(const QStringList& keys, const char* const labels[], const QString& key) {
    const int i = keys.indexOf(key);
    return i >= 0 ? QCoreApplication::translate("stroom::widgets::vocabulary", labels[i]) : key;
}
} // namespace

QString purpose(const QString& key) {
    return Camera::purposes().contains(key) ? maps::CameraSymbology::purposeLabel(key) : key;
}

QString status(const QString& key) {
    static const char* const labels[] = {QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Active"),
                                         QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Planned"),
                                         QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Out of service"),
                                         QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Removed")};
    static_assert(sizeof(labels) / sizeof(labels[0]) == 4, "one label per status");
    return lookup(Camera::statuses(), labels, key);
}

QString role(const QString& key) {
    static const char* const labels[] = {QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Cordon, inbound"),
                                         QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Cordon, outbound"),
                                         QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Internal"),
                                         QT_TRANSLATE_NOOP("stroom::widgets::vocabulary", "Screenline")};
    static_assert(sizeof(labels) / sizeof(labels[0]) == 4, "one label per role");
    return lookup(Camera::roles(), labels, key);
}

} // namespace stroom::widgets::vocabulary
