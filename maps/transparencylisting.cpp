#include "transparencylisting.h"

#include "governance/transparency.h"
#include "layoutkit.h"
#include "privacy/disclosurepolicy.h"
#include "registerlisting.h"
#include "store/camera.h"
#include "store/outputfile.h"
#include "store/store.h"

#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitemtexttable.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QLocale>

#include <memory>

namespace stroom::maps {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("stroom::maps::TransparencyListing", s);
}

const QColor kHeading(0x08, 0x51, 0x9c);
const QColor kText(40, 40, 50);

QgsLayoutItemLabel* label(QgsLayout* l, int page, const QString& text, double x, double y, double w, double h,
                          double size, bool bold) {
    return LayoutKit::addLabel(l, page, text, x, y, w, h, size, bold, bold ? kHeading : kText);
}

QgsLayoutItemTextTable* textTable(QgsLayout* l, int page, double x, double y, double w, double h,
                                  QgsLayoutMultiFrame::ResizeMode mode) {
    auto* t = new QgsLayoutItemTextTable(l);
    l->addMultiFrame(t);
    LayoutKit::styleTable(t, 7.5, 1);
    t->setResizeMode(mode);
    LayoutKit::addFrame(l, t, page, x, y, w, h);
    return t;
}

QString dateText(const QDate& d) {
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

void addPage(QgsLayout* layout) {
    auto* page = new QgsLayoutItemPage(layout);
    page->setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes::LayoutMillimeters));
    layout->pageCollection()->addPage(page);
}

} // namespace

QString TransparencyListing::actionText(const QString& action) {
    static const char* const known[][2] = {
        {"flows", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "OD flows exported")},
        {"counts", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "counts exported")},
        {"journey-times", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "journey times exported")},
        {"report", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "report")},
        {"copy", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "copied to the clipboard")},
        {"public register",
         QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "public register published")},
        {"register export",
         QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "camera register exported")},
        {"transparency report",
         QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "transparency report")},
        {"purge", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "reads purged")},
        {"retention period changed",
         QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "retention period changed")},
        {"trip parameters changed",
         QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "trip parameters changed")},
        {"reads file replaced",
         QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "reads file found missing")},
        {"genesis", QT_TRANSLATE_NOOP("stroom::maps::TransparencyListing", "audit trail started")},
    };
    for (const auto& k : known)
        if (action == QLatin1String(k[0]))
            return tr(k[1]);
    return action;
}

void TransparencyListing::write(Store& store, QgsProject* project, const Transparency& t,
                                const QString& pdfPath, const QString& purpose, bool overwrite) {
    OutputFile file(store, pdfPath, overwrite);
    QgsPrintLayout layout(project);
    layout.initializeDefaults();
    layout.renderContext().setTextRenderFormat(Qgis::TextRenderFormat::AlwaysText);
    layout.pageCollection()->page(0)->setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes::LayoutMillimeters));
    const QLocale loc;

    // Page 1: who has which cameras, for what.
    label(&layout, 0, tr("Transparency report: ANPR cameras and their data"), 10, 8, 277, 12, 16, true);
    label(&layout, 0,
          tr("%1 · as of %2 · %3 cameras. For citizens: who owns the cameras and what for, what data is "
             "kept and for how long, how published figures are protected, and what the data was used for.")
              .arg(t.title, loc.toString(QDate::currentDate(), QLocale::ShortFormat))
              .arg(t.cameras),
          10, 20, 277, 8, 9, false);
    std::unique_ptr<QgsVectorLayer> byOwnerLayer; // drawn by the map: lives until the PDF is written
    const QStringList owners = RegisterListing::addOwnerMap(&layout, project, byOwnerLayer);
    RegisterListing::addOwnerTable(&layout, store.cameras(), owners);

    // Page 2: data held, and its protection.
    addPage(&layout);
    label(&layout, 1, tr("What data is held"), 10, 10, 135, 9, 13, true);
    QString held;
    if (t.readsKept > 0)
        held += tr("Pseudonymised plate reads (no plates): %1 kept, from %2 to %3.")
                    .arg(loc.toString(t.readsKept), dateText(t.readsFrom), dateText(t.readsTo));
    else
        held += tr("Pseudonymised plate reads: none kept.");
    held += QLatin1Char('\n');
    if (t.aggregatesFrom.isValid())
        held += tr("Aggregated figures (trips and counts per hour, never per vehicle in anything published): "
                   "from %1 to %2.")
                    .arg(dateText(t.aggregatesFrom), dateText(t.aggregatesTo));
    else
        held += tr("Aggregated figures: none yet.");
    held += QLatin1Char('\n');
    if (t.importedAggregateCells > 0)
        held += tr("Counts from privacy-proof cameras (aggregated in the camera): %1 cells.")
                    .arg(loc.toString(t.importedAggregateCells)) +
                QLatin1Char('\n');
    held += t.retentionDays > 0
                ? tr("Retention: reads are deleted after %1 days, automatically.").arg(t.retentionDays)
                : tr("Retention: no automatic deletion period is set; reads are deleted by hand.");
    held += QLatin1Char('\n');
    if (t.purgedBefore.isValid())
        held += tr("Reads before %1 have been deleted; their aggregated figures remain.")
                    .arg(dateText(t.purgedBefore));
    label(&layout, 1, held, 10, 21, 135, 42, 9, false);
    auto* months = textTable(&layout, 1, 10, 66, 135, 130, QgsLayoutMultiFrame::UseExistingFrames);
    months->setColumns({QgsLayoutTableColumn(tr("Month")), QgsLayoutTableColumn(tr("Reads kept"))});
    QVector<QStringList> monthRows;
    for (const auto& m : t.readsPerMonth)
        monthRows << QStringList{m.first, loc.toString(m.second)};
    if (monthRows.isEmpty())
        monthRows << QStringList{tr("none"), QStringLiteral("0")};
    months->setContents(monthRows);

    label(&layout, 1, tr("How published figures are protected"), 152, 10, 135, 9, 13, true);
    label(&layout, 1,
          tr("No plate is ever stored: plates are replaced by pseudonyms before import.\n"
             "A figure is published only when at least %1 different vehicles are behind it on one day; "
             "smaller figures are suppressed, and the number suppressed is stated.\n"
             "Every published figure is perturbed by the cell key method (at most ±%2, zero on average), "
             "so that subtracting one table from another no longer reveals a suppressed figure reliably. "
             "Exact figures are for authorised staff only, with a stated purpose, and recorded.\n"
             "Every export, report and copy is recorded in a tamper-evident audit trail; its uses are "
             "summarised below.")
              .arg(t.k)
              .arg(PTable::kMaxDeviation),
          152, 21, 135, 60, 9, false);

    // Page 3 on: the uses, by month and purpose.
    addPage(&layout);
    label(&layout, 2, tr("What the data was used for"), 10, 8, 277, 10, 13, true);
    label(&layout, 2,
          tr("From the audit trail, by month, kind of use, purpose (as stated by the user; anything that "
             "looks like a plate is masked) and data layer (L0 reads, L1 trips, L2 aggregates, L3 public). "
             "No names of users and no file names."),
          10, 18, 277, 10, 9, false);
    QVector<QStringList> useRows;
    for (const Transparency::Use& u : t.uses)
        useRows << QStringList{u.month, actionText(u.action), u.purpose.left(90), u.layer,
                               loc.toString(u.count)};
    auto* uses = textTable(&layout, 2, 10, 30, 277, 170, QgsLayoutMultiFrame::RepeatUntilFinished);
    uses->setColumns({QgsLayoutTableColumn(tr("Month")), QgsLayoutTableColumn(tr("Use")),
                      QgsLayoutTableColumn(tr("Purpose")), QgsLayoutTableColumn(tr("Layer")),
                      QgsLayoutTableColumn(tr("Times"))});
    uses->setContents(useRows);
    uses->setHeaderMode(QgsLayoutTable::AllFrames);

    LayoutKit::writePdf(&layout, file.temporaryPath(), 300);
    file.commit(t.auditEntry(QStringLiteral("PDF"), purpose));
}

} // namespace stroom::maps
