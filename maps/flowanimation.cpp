#include "flowanimation.h"

#include "common/error.h"
#include "gifwriter.h"
#include "projectlayers.h"
#include "store/outputfile.h"
#include "store/store.h"

#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace stroom::maps {

QString FlowAnimation::label(Step step, std::int64_t value) {
    if (step == Step::HourOfDay)
        return QStringLiteral("%1:00–%2:00")
            .arg(value, 2, 10, QLatin1Char('0'))
            .arg(value + 1, 2, 10, QLatin1Char('0'));
    const QDate day = QDate(1970, 1, 1).addDays(value);
    return QLocale().toString(day, QStringLiteral("ddd yyyy-MM-dd"));
}

std::vector<FlowAnimation::Frame> FlowAnimation::frames(const FlowMap& map, const FlowView& base, Step step) {
    std::vector<Frame> out;
    FlowView v = base;
    v.compare = false;
    if (step == Step::HourOfDay) {
        for (int h = base.filter.hourFrom; h < base.filter.hourTo; ++h) {
            v.filter.hourFrom = h;
            v.filter.hourTo = h + 1;
            out.push_back(Frame{v, label(step, h)});
        }
        return out;
    }
    for (const std::int64_t day : map.cube().days()) {
        if (!base.filter.acceptsDay(day) || out.size() >= 400)
            continue;
        v.filter.from = v.filter.to = QDate(1970, 1, 1).addDays(day);
        out.push_back(Frame{v, label(step, day)});
    }
    return out;
}

void FlowAnimation::lockClasses(FlowMap& map, std::vector<Frame>& frames) {
    if (frames.empty())
        return;
    // The frame with the largest flow drawn sets the classes, so the busiest hour spans the whole ramp.
    std::size_t busiest = 0;
    std::int64_t largest = -1;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        FlowView v = frames[i].view;
        v.lockLegend = false;
        const FlowViewResult r = map.apply(v);
        if (!r.shown.empty() && r.shown.front().trips > largest) {
            largest = r.shown.front().trips;
            busiest = i;
        }
    }
    FlowView v = frames[busiest].view;
    v.lockLegend = false;
    map.apply(v);
    // Locked, each frame once: the first class reaches down to the smallest flow of any frame, so every frame
    // is drawn with the same legend.
    for (Frame& f : frames) {
        f.view.lockLegend = true;
        map.apply(f.view);
    }
}

QImage FlowAnimation::render(FlowMap& map, const Frame& frame, QgsProject* project,
                             const QgsRectangle& extent, QSize size, std::int64_t* suppressed) {
    const FlowViewResult r = map.apply(frame.view);
    if (suppressed)
        *suppressed = r.suppressedCells;
    QgsMapSettings ms;
    QList<QgsMapLayer*> layers;
    if (QgsVectorLayer* cameras = ProjectLayers::layerNamed(project, ProjectLayers::camerasLayerName()))
        layers << cameras;
    layers << map.layer();
    if (frame.view.zones)
        layers << map.withinLayer();
    if (QgsVectorLayer* zones = ProjectLayers::layerNamed(project, ProjectLayers::zonesLayerName()))
        layers << zones;
    ms.setLayers(layers);
    ms.setDestinationCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:31370")));
    ms.setTransformContext(project->transformContext());
    ms.setOutputSize(size);
    ms.setBackgroundColor(Qt::white);
    ms.setExtent(extent);
    QgsMapRendererSequentialJob job(ms);
    job.start();
    job.waitForFinished();
    QImage image = job.renderedImage().convertToFormat(QImage::Format_RGB32);

    // The period and the filter, top left; the legend, bottom left: what a planner reads on every frame.
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QLocale loc;
    QFont big = p.font();
    big.setPixelSize(std::max(16, size.height() / 22));
    big.setBold(true);
    QFont small = p.font();
    small.setPixelSize(std::max(11, size.height() / 50));
    const QString sub = QCoreApplication::translate("FlowAnimation", "%1 trips in %2 flows drawn · k = %3")
                            .arg(loc.toString(static_cast<qlonglong>(r.tripsShown)))
                            .arg(r.shown.size())
                            .arg(r.k) +
                        (frame.view.filter.describeForPeople().isEmpty()
                             ? QString()
                             : QStringLiteral(" · ") + frame.view.filter.describeForPeople());
    const int pad = 8;
    const QFontMetrics fb(big), fs(small);
    const QRect box(pad, pad,
                    std::max(fb.horizontalAdvance(frame.label), fs.horizontalAdvance(sub)) + 2 * pad,
                    fb.height() + fs.height() + 3 * pad);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(QColor(20, 20, 30));
    p.setFont(big);
    p.drawText(box.left() + pad, box.top() + pad + fb.ascent(), frame.label);
    p.setFont(small);
    p.drawText(box.left() + pad, box.top() + 2 * pad + fb.height() + fs.ascent(), sub);
    // Legend: the classes as drawn (colour and width), the same in every frame.
    const std::vector<double>& breaks = map.breaks();
    const std::size_t shift = breaks.size() < 5 ? 5 - breaks.size() : 0;
    const double pxPerMm = size.width() / 297.0 * 1.2;
    const int rowH = fs.height() + 4;
    QRect legend(pad, size.height() - pad - static_cast<int>(breaks.size()) * rowH - 2 * pad, 0,
                 static_cast<int>(breaks.size()) * rowH + 2 * pad);
    int widest = 0;
    QStringList labels;
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        const QString text = i + 1 < breaks.size()
                                 ? QCoreApplication::translate("FlowMap", "%1 – %2 trips")
                                       .arg(loc.toString(breaks[i], 'f', 0),
                                            loc.toString(std::ceil(breaks[i + 1]) - 1, 'f', 0))
                                 : QCoreApplication::translate("FlowMap", "%1 trips or more")
                                       .arg(loc.toString(breaks[i], 'f', 0));
        labels << text;
        widest = std::max(widest, fs.horizontalAdvance(text));
    }
    legend.setWidth(widest + 60 + 2 * pad);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(legend, 4, 4);
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        const int y = legend.top() + pad + static_cast<int>(i) * rowH + rowH / 2;
        const double width = std::max(1.5, map.classWidth(i) * pxPerMm);
        p.setPen(QPen(FlowMap::rampColor(i + shift), width, Qt::SolidLine, Qt::FlatCap));
        p.drawLine(legend.left() + pad, y, legend.left() + pad + 44, y);
        p.setPen(QColor(20, 20, 30));
        p.drawText(legend.left() + pad + 52, y + fs.ascent() / 2 - 1, labels[static_cast<int>(i)]);
    }
    p.end();
    return image;
}

void FlowAnimation::write(Store& store, FlowMap& map, std::vector<Frame> frames, QgsProject* project,
                          const QgsRectangle& extent, QSize size, int delayMs, const QString& path,
                          const QString& purpose, const QString& parameters, bool overwrite) {
    if (!path.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive))
        throw Error::usage(QStringLiteral("%1: an animation is written as .gif").arg(path));
    if (frames.empty())
        throw Error::usage(QStringLiteral("%1: the filter leaves no frame to animate").arg(path));
    OutputFile file(store, path, overwrite);
    lockClasses(map, frames);
    std::int64_t suppressed = 0;
    {
        GifWriter gif(file.temporaryPath(), size, delayMs);
        for (const Frame& f : frames) {
            std::int64_t s = 0;
            gif.add(render(map, f, project, extent, size, &s));
            suppressed += s;
        }
        gif.close();
    }
    Store::AuditEntry e;
    e.action = QStringLiteral("animation");
    e.purpose = purpose;
    e.layer = map.policy().layer();
    e.parameters = parameters;
    e.suppressedCells = suppressed;
    e.k = map.k();
    file.commit(e);
}

} // namespace stroom::maps
