#include "qgisruntime.h"

#include "common/error.h"

#include <qgsapplication.h>
#include <qgsproviderregistry.h>

namespace stroom::maps {

QString QgisRuntime::prefixPath() {
    const QByteArray env = qgetenv("STROOM_QGIS_PREFIX");
    return env.isEmpty() ? QStringLiteral(QGIS_PREFIX_PATH) : QString::fromLocal8Bit(env);
}

QStringList QgisRuntime::missingProviders() {
    QStringList missing;
    const QStringList have = QgsProviderRegistry::instance()->providerList();
    for (const QString& p : {QStringLiteral("ogr"), QStringLiteral("spatialite")})
        if (!have.contains(p))
            missing << p;
    return missing;
}

void QgisRuntime::initialise() {
    QgsApplication::setPrefixPath(prefixPath(), true);
    QgsApplication::initQgis();
    const QStringList missing = missingProviders();
    if (!missing.isEmpty())
        throw Error::store(
            QObject::tr("QGIS data providers missing: %1 (QGIS prefix %2). Install the Debian package "
                        "qgis-providers, or set STROOM_QGIS_PREFIX.")
                .arg(missing.join(QStringLiteral(", ")), prefixPath()));
}

} // namespace stroom::maps
