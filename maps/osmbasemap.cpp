#include "osmbasemap.h"

#include "simulate/demoproject.h"

#include <qgsrasterlayer.h>

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace stroom::maps {

bool OsmBasemap::reachable(QString* why) {
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("https://tile.openstreetmap.org/0/0/0.png")));
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Stroom/%1").arg(stroomVersion()));
    request.setTransferTimeout(3000);
    QNetworkReply* reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    const bool ok = reply->error() == QNetworkReply::NoError;
    if (!ok && why)
        *why = reply->errorString();
    reply->deleteLater();
    return ok;
}

QgsRasterLayer* OsmBasemap::layer(const QString& name) {
    return new QgsRasterLayer(
        QStringLiteral("type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png&zmax=19&zmin=0"), name,
        QStringLiteral("wms"));
}

} // namespace stroom::maps
