#include "store/vocabulary.h"

#include "store/camera.h"

#include <QCoreApplication>

namespace stroom::vocabulary {

namespace {
const char* const kContext = "stroom::vocabulary";

template <std::size_t N>
QString lookup(const QStringList& keys, const char* const (&labels)[N], const QString& key) {
    Q_ASSERT(static_cast<std::size_t>(keys.size()) == N);
    const int i = keys.indexOf(key);
    return i >= 0 ? QCoreApplication::translate(kContext, labels[i]) : key;
}
} // namespace

QString purpose(const QString& key) {
    static const char* const labels[] = {QT_TRANSLATE_NOOP("stroom::vocabulary", "Police"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Traffic"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Low-emission zone"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Section control"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Parking"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Other")};
    return lookup(Camera::purposes(), labels, key);
}

QString status(const QString& key) {
    static const char* const labels[] = {QT_TRANSLATE_NOOP("stroom::vocabulary", "Active"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Planned"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Out of service"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Removed")};
    return lookup(Camera::statuses(), labels, key);
}

QString role(const QString& key) {
    static const char* const labels[] = {QT_TRANSLATE_NOOP("stroom::vocabulary", "Cordon, inbound"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Cordon, outbound"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Internal"),
                                         QT_TRANSLATE_NOOP("stroom::vocabulary", "Screenline")};
    return lookup(Camera::roles(), labels, key);
}

} // namespace stroom::vocabulary
