#pragma once

#include "common/vectorsource.h"
#include "store/camera.h"

#include <QStringList>
#include <QVector>

namespace stroom {

/**
 * \brief Turns features of a camera file into cameras, reading the attribute names Stroom, QGIS users
 * and Flemish open data use (English and Dutch aliases).
 *
 * A feature without an id or a position is an error naming its line; unknown purposes and roles become
 * warnings and are left empty rather than guessed.
 */
QVector<Camera> camerasFromFeatures(const QVector<VectorFeature>& features, const QString& fileName,
                                    QStringList* warnings);

/**
 * \brief Turns polygon features into zones. Empty field names pick the first of the usual names
 * (zone_id, id, code, wijknr / name, naam, wijk).
 */
QVector<Zone> zonesFromFeatures(const QVector<VectorFeature>& features, const QString& fileName,
                                const QString& idField = QString(), const QString& nameField = QString());

/** Maps Dutch and English purpose words to Camera::purposes(); empty when unknown. */
QString normalisePurpose(const QString& text);
/** Maps role words to Camera::roles(); empty when unknown. */
QString normaliseRole(const QString& text);

} // namespace stroom
