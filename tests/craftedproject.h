#pragma once
// A project as an attacker of the privacy policy would pick it (issue 10), shared by the engine's and the
// desktop's tests: 3 vehicles making 15 trips A→B (many trips, few vehicles), 12 vehicles A→C (a cell that
// is released), and camera C seen by 20 cars and 2 buses (the buses would be C's total minus its cars).

#include "common/error.h"
#include "flows/flowengine.h"
#include "import/importer.h"
#include "store/camera.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QVector>

namespace stroomtest {

inline void writeCraftedProject(const QString& project, const QString& csv) {
    using namespace stroom;
    Store::create(project);
    QFile f(csv);
    if (!f.open(QIODevice::WriteOnly))
        throw Error::input(csv + QStringLiteral(": cannot write"));
    f.write("timestamp,camera_id,plate_hash,vehicle_class,country\n");
    const std::int64_t t0 = QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC).toSecsSinceEpoch();
    auto read = [&](std::int64_t t, const char* cam, int vehicle, const char* cls) {
        f.write(QStringLiteral("%1,%2,%3,%4,BE\n")
                    .arg(QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate),
                         QString::fromLatin1(cam),
                         QStringLiteral("%1").arg(vehicle, 32, 16, QLatin1Char('0')),
                         QString::fromLatin1(cls))
                    .toUtf8());
    };
    for (int v = 1; v <= 3; ++v) // 3 vehicles, 5 trips each, an hour apart
        for (int trip = 0; trip < 5; ++trip) {
            const std::int64_t t = t0 + trip * 3600 + v * 60;
            read(t, "A", v, "car");
            read(t + 300, "B", v, "car");
        }
    for (int v = 100; v < 112; ++v) { // 12 vehicles A→C
        read(t0 + 20000 + v, "A", v, "car");
        read(t0 + 20400 + v, "C", v, "car");
    }
    for (int v = 200; v < 220; ++v) // 20 cars at C
        read(t0 + 30000 + v * 10, "C", v, "car");
    for (int v = 300; v < 302; ++v) // 2 buses at C
        read(t0 + 30000 + v * 10, "C", v, "bus");
    f.close();
    Store s = Store::open(project);
    QVector<Camera> cams;
    const double at[3][2] = {{3.70, 51.05}, {3.73, 51.06}, {3.72, 51.03}};
    for (int i = 0; i < 3; ++i) {
        Camera c;
        c.id = QString(QLatin1Char(static_cast<char>('A' + i)));
        c.name = QStringLiteral("Camera ") + c.id;
        c.lon = at[i][0];
        c.lat = at[i][1];
        cams << c;
    }
    s.upsertCameras(cams);
    Importer(s).importFile(csv, ImportOptions());
    FlowEngine(s).update(TripParameters());
}

} // namespace stroomtest
