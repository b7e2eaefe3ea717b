#pragma once

#include <QString>

namespace stroom::widgets {

/**
 * \brief The register's fixed vocabularies (purpose, status, role) as the user reads them: the store
 * keeps the keys ("section-control", "out-of-service", "cordon-in"), the screen shows the words.
 */
namespace vocabulary {
/** "Police", "Section control", … (as on the map's legend); the key itself when unknown. */
QString purpose(const QString& key);
/** "Active", "Planned", "Out of service", "Removed"; the key itself when unknown. */
QString status(const QString& key);
/** "Cordon, inbound", "Cordon, outbound", "Internal", "Screenline"; the key itself when unknown. */
QString role(const QString& key);
} // namespace vocabulary

} // namespace stroom::widgets
