#pragma once

#include <QString>

namespace stroom {

/**
 * \brief The register's fixed vocabularies as people read them (Dutch or English, through the app's
 * translations): the store keeps the keys ("section-control", "out-of-service", "cordon-in"); every
 * screen, legend and report shows these words. A key outside the vocabulary is shown as it is.
 */
namespace vocabulary {
/** "Police", "Traffic", "Low-emission zone", "Section control", "Parking", "Other". */
QString purpose(const QString& key);
/** "Active", "Planned", "Out of service", "Removed". */
QString status(const QString& key);
/** "Cordon, inbound", "Cordon, outbound", "Internal", "Screenline". */
QString role(const QString& key);
} // namespace vocabulary

} // namespace stroom
