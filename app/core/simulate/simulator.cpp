#include "simulate/simulator.h"

#include "common/error.h"
#include "simulate/simulationrun.h"

namespace stroom {

const QStringList& Simulator::formats() {
    static const QStringList list = {QStringLiteral("standard"), QStringLiteral("nl"),
                                     QStringLiteral("anpr-metrics"), QStringLiteral("counts"),
                                     QStringLiteral("pairflows")};
    return list;
}

QString Simulator::fileNameFor(const QString& format) {
    if (format == QLatin1String("counts") || format == QLatin1String("pairflows"))
        return format + QStringLiteral(".csv");
    if (format == QLatin1String("anpr-metrics"))
        return QStringLiteral("anpr-metrics.csv");
    return QStringLiteral("anpr-%1.csv").arg(format);
}

Simulator::Simulator(SimulationOptions options)
    : m_options(std::move(options)) {}

SimulationSummary Simulator::run(const std::function<void(double)>& progress,
                                 const std::atomic_bool* cancel) {
    const SimulationOptions& o = m_options;
    if (o.vehicles < 1 || o.days < 1 || o.days > 3660)
        throw Error::usage(
            QStringLiteral("simulate: --vehicles must be at least 1 and --days between 1 and 3660"));
    if (!o.start.isValid())
        throw Error::usage(QStringLiteral("simulate: --start is not a valid date"));
    for (const QString& f : o.formats)
        if (!formats().contains(f) && f != QLatin1String("plates"))
            throw Error::usage(QStringLiteral("simulate: unknown format '%1' (known: %2, all)")
                                   .arg(f, formats().join(QStringLiteral(", "))));
    if (!QDir().mkpath(o.outDir))
        throw Error::input(QStringLiteral("%1: cannot create the output folder").arg(o.outDir));

    const Progress steps(progress, cancel);
    return simulation::SimulationRun(o, steps).run();
}

} // namespace stroom
