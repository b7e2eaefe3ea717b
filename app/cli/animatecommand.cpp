#include "reportcommand.h"

#include "cliio.h"
#include "common/error.h"
#include "common/helptext.h"
#include "flowanimation.h"
#include "flows/flowengine.h"
#include "projectlayers.h"
#include "qgisruntime.h"
#include "session/session.h"
#include "store/store.h"

#include <qgsproject.h>

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace stroom::cli {

int renderAnimation(const QStringList& args) {
    QCommandLineParser p;
    helptext::addArgument(p, QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project."));
    addFilterOptions(p);
    helptext::addOptions(
        p,
        {{QStringLiteral("per"),
          QStringLiteral(
              "hour (each hour of the day, the filter's days together; default) or day (each local "
              "day)."),
          QStringLiteral("hour|day")},
         {QStringLiteral("by"), QStringLiteral("camera (default) or zone."), QStringLiteral("camera|zone")},
         {QStringLiteral("top"), QStringLiteral("The largest flows drawn per frame (default 100)."),
          QStringLiteral("N")},
         {QStringLiteral("size"), QStringLiteral("Frame size in pixels (default 960x720)."),
          QStringLiteral("WxH")},
         {QStringLiteral("delay"), QStringLiteral("Milliseconds per frame (default 800)."),
          QStringLiteral("MS")}});
    if (!parse(
            p, QStringLiteral("animate"), args,
            QStringLiteral(
                "Writes the flow map through time as an animated GIF: one frame per hour of the day or per "
                "day, the period and the filter on each frame, one legend for all frames (set by the busiest "
                "frame, so widths and colours compare). Privacy: each frame's flows are released as a flows "
                "query for that hour or day alone would be (k distinct vehicles, cell key noise unless "
                "--exact); the file is recorded in the audit trail with the cells left out of every frame.")))
        return 0;
    const QString per = p.value(QStringLiteral("per"));
    if (!per.isEmpty() && per != QLatin1String("hour") && per != QLatin1String("day"))
        throw Error::usage(QStringLiteral("animate: --per is hour or day"));
    const bool zones = byZone(p, QStringLiteral("animate"));
    const int top = integerOption(p, QStringLiteral("top"), 100, 1, 2000);
    const int delay = integerOption(p, QStringLiteral("delay"), 800, 20, 60000);
    QSize size(960, 720);
    if (p.isSet(QStringLiteral("size"))) {
        const QStringList wh = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
        size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        if (size.width() < 200 || size.height() < 150 || size.width() > 4000 || size.height() > 4000)
            throw Error::usage(QStringLiteral("animate: --size is WxH, from 200x150 to 4000x4000 (got '%1')")
                                   .arg(p.value(QStringLiteral("size"))));
    }
    maps::QgisRuntime::initialise();
    ResultQuery q = ResultQuery::open(p, QStringLiteral("animate"));
    requireCordon(q.filter, q.session->flows(), q.session->flows().storedParameters(),
                  QStringLiteral("animate"));
    QElapsedTimer timer;
    timer.start();
    const QString path = q.store().path();
    QgsProject project;
    maps::ProjectLayers layers;
    layers.load(path, &project);
    maps::FlowMap map;
    map.setData(q.session->flows().loadCube(), q.session->flows().cameras(), q.policy);
    maps::FlowView base;
    base.filter = q.filter;
    base.zones = zones;
    base.topN = top;
    base.minTrips = q.policy.k();
    const maps::FlowAnimation::Step step =
        per == QLatin1String("day") ? maps::FlowAnimation::Step::Day : maps::FlowAnimation::Step::HourOfDay;
    std::vector<maps::FlowAnimation::Frame> frames = maps::FlowAnimation::frames(map, base, step);
    const QString out = p.value(QStringLiteral("out"));
    maps::FlowAnimation::write(
        q.store(), map, frames, &project, layers.homeExtent(&project), size, delay, out,
        p.value(QStringLiteral("purpose")),
        describeQuery(q.filter, q.params,
                      QStringLiteral("animation per %1, %2, top %3")
                          .arg(per.isEmpty() ? QStringLiteral("hour") : per,
                               base.zones ? QStringLiteral("by zone") : QStringLiteral("by camera"))
                          .arg(top)),
        q.overwrite);
    err() << QStringLiteral("animate: %1 frames written to %2 in %3 s\n")
                 .arg(frames.size())
                 .arg(out)
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    return 0;
}

} // namespace stroom::cli
