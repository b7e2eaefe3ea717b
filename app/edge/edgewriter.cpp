#include "edgewriter.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "common/vectorwriter.h"
#include "common/vehicleclass.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace stroom::edge {

EdgeWriter::EdgeWriter(const QString& dir)
    : m_dir(dir) {
    if (!QDir().mkpath(dir))
        throw Error::input(QStringLiteral("%1: cannot make the output folder").arg(dir));
    // What a killed run left half-written never becomes a file anyone imports.
    const QStringList stale = QDir(dir).entryList({QStringLiteral(".*.csv.tmp")}, QDir::Files | QDir::Hidden);
    for (const QString& f : stale)
        QFile::remove(QDir(dir).filePath(f));
}

void EdgeWriter::writeFile(const QString& name, const QByteArray& text) {
    const QString target = QDir(m_dir).filePath(name);
    const QString temp = QDir(m_dir).filePath(QLatin1Char('.') + name + QStringLiteral(".tmp"));
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size() || !f.flush() ||
        ::fsync(f.handle()) != 0)
        throw Error::input(QStringLiteral("%1: cannot write: %2").arg(temp, f.errorString()));
    f.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData()) != 0)
        throw Error::input(
            QStringLiteral("%1: cannot write: %2").arg(target, QString::fromLocal8Bit(std::strerror(errno))));
    ++m_files;
}

void EdgeWriter::write(const EdgeInterval& iv) {
    std::string start;
    timefmt::appendIsoUtc(start, iv.start);
    const QString stamp =
        QDateTime::fromSecsSinceEpoch(iv.start, Qt::UTC).toString(QStringLiteral("yyyyMMdd'T'HHmm'Z'"));
    const QByteArray release = iv.exact ? QByteArray("exact k=") + QByteArray::number(iv.k)
                                        : QByteArray("ckm k=") + QByteArray::number(iv.k);
    const QByteArray minutes = QByteArray::number(iv.minutes);
    QByteArray counts("camera_id,period_start,period_minutes,vehicle_class,vehicles,passages,release\n");
    for (const EdgeInterval::Count& c : iv.counts) {
        std::string row;
        csv::appendField(row, c.camera);
        row += ',' + start + ',' + minutes.toStdString() + ',' + vehicleclass::key(c.cls) + ',' +
               std::to_string(c.vehicles) + ',' + std::to_string(c.passages) + ',' + release.toStdString() +
               '\n';
        counts += QByteArray::fromStdString(row);
    }
    QByteArray flows("from_camera,to_camera,period_start,period_minutes,vehicles,mean_seconds,release\n");
    for (const EdgeInterval::Flow& f : iv.flows) {
        std::string row;
        csv::appendField(row, f.from);
        row += ',';
        csv::appendField(row, f.to);
        row += ',' + start + ',' + minutes.toStdString() + ',' + std::to_string(f.trips) + ',' +
               std::to_string(static_cast<long long>(f.meanSeconds)) + ',' + release.toStdString() + '\n';
        flows += QByteArray::fromStdString(row);
    }
    // Flows first: an interval is complete when its counts file is there (a kill between the two renames
    // leaves the flows alone, never counts without flows).
    writeFile(QStringLiteral("pairflows-%1.csv").arg(stamp), flows);
    writeFile(QStringLiteral("counts-%1.csv").arg(stamp), counts);
}

} // namespace stroom::edge
