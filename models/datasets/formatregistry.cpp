#include "datasets/formatregistry.h"

#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetversionstore.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

const FormatRegistry &FormatRegistry::instance()
{
    static const FormatRegistry registry = [] {
        FormatRegistry r;
        registerImageFormats(r);
        registerTextFormats(r);
        return r;
    }();
    return registry;
}

void FormatRegistry::add(DatasetFormat format)
{
    for (DatasetFormat &f : m_formats) {
        if (f.media == format.media && f.name == format.name) {
            f = std::move(format);
            return;
        }
    }
    m_formats.append(std::move(format));
}

const DatasetFormat *FormatRegistry::find(DatasetMedia media, const QString &name) const
{
    for (const DatasetFormat &f : m_formats) {
        if (f.media == media && f.name == name)
            return &f;
    }
    return nullptr;
}

QList<const DatasetFormat *> FormatRegistry::named(const QString &name) const
{
    QList<const DatasetFormat *> list;
    for (const DatasetFormat &f : m_formats) {
        if (f.name == name)
            list.append(&f);
    }
    return list;
}

QList<const DatasetFormat *> FormatRegistry::all() const
{
    QList<const DatasetFormat *> list;
    for (const DatasetFormat &f : m_formats)
        list.append(&f);
    std::sort(list.begin(), list.end(), [](const DatasetFormat *a, const DatasetFormat *b) {
        return std::pair(int(a->media), a->name) < std::pair(int(b->media), b->name);
    });
    return list;
}

QStringList FormatRegistry::importNames() const
{
    QStringList names;
    for (const DatasetFormat &f : m_formats) {
        if (f.importer && !names.contains(f.name))
            names.append(f.name);
    }
    names.sort();
    return names;
}

QStringList FormatRegistry::exportNames() const
{
    QStringList names;
    for (const DatasetFormat &f : m_formats) {
        if (f.exporter && !names.contains(f.name))
            names.append(f.name);
    }
    names.sort();
    return names;
}

Result<const DatasetFormat *> FormatRegistry::pickImporter(const QString &name, const QString &path,
                                                           std::optional<DatasetMedia> media) const
{
    QList<const DatasetFormat *> candidates;
    for (const DatasetFormat *f : named(name)) {
        if (f->importer && (!media || f->media == *media))
            candidates.append(f);
    }
    if (candidates.isEmpty()) {
        if (media && !named(name).isEmpty()) {
            return makeError(
                ErrorCode::Invalid,
                tr("The format \"%1\" cannot import %2 datasets.").arg(name, toString(*media)));
        }
        return makeError(ErrorCode::Invalid, tr("Unknown import format \"%1\"; use one of: %2.")
                                                 .arg(name, importNames().join(u", "_s)));
    }
    if (candidates.size() == 1)
        return candidates.first();
    for (const DatasetFormat *f : candidates) {
        if (f->sniff && f->sniff(path))
            return f;
    }
    return makeError(ErrorCode::Invalid,
                     tr("\"%1\" may hold images or text; say which with --task (for example "
                        "--task classification or --task text_classification).")
                         .arg(name));
}

Result<ImportReport> importDataset(DatasetContext &context, const QString &datasetName,
                                   const QString &path, const ImportOptions &options)
{
    if (!QFileInfo::exists(path)) {
        return makeError(ErrorCode::NotFound,
                         FormatRegistry::tr("%1 does not exist; give a file or folder to import.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    if (auto ok = DatasetCatalog::validateName(datasetName); !ok)
        return ok.error();
    DatasetCatalog catalog(context);
    auto existing = catalog.dataset(datasetName);
    if (!existing && existing.error().code != ErrorCode::NotFound)
        return existing.error();
    std::optional<DatasetMedia> media;
    if (existing)
        media = existing->media;
    else if (options.task)
        media = mediaOf(*options.task);
    if (existing && options.task && *options.task != existing->task) {
        return makeError(ErrorCode::Conflict,
                         FormatRegistry::tr("The dataset \"%1\" is a %2 dataset, not %3; import "
                                            "under another name.")
                             .arg(datasetName, toString(existing->task), toString(*options.task)));
    }
    auto format = FormatRegistry::instance().pickImporter(options.format, path, media);
    if (!format)
        return format.error();
    const DatasetFormat *f = format.value();
    DatasetInfo info;
    QString taskReason;
    bool created = false;
    const PendingImport pending =
        PendingImport::ofThisProcess(QFileInfo(path).absoluteFilePath(), f->name);
    if (existing) {
        info = existing.value();
        if (!f->tasks.contains(info.task)) {
            return makeError(ErrorCode::Invalid,
                             FormatRegistry::tr("The format \"%1\" cannot carry %2 annotations.")
                                 .arg(f->name, toString(info.task)));
        }
    } else {
        DatasetTask task = options.task.value_or(f->tasks.value(0));
        QString reason;
        if (!options.task) {
            std::optional<TaskChoice> choice;
            if (f->inferTask)
                choice = f->inferTask(path);
            if (choice && f->tasks.contains(choice->task)) {
                task = choice->task;
                reason = choice->reason;
            } else {
                reason = FormatRegistry::tr("the default of the format \"%1\" (nothing richer "
                                            "found; pass --task to choose)")
                             .arg(f->name);
            }
        }
        if (!f->tasks.contains(task)) {
            return makeError(ErrorCode::Invalid,
                             FormatRegistry::tr("The format \"%1\" cannot carry %2 annotations.")
                                 .arg(f->name, toString(task)));
        }
        // Made and marked as being imported in one transaction: a kill right after it leaves
        // a dataset that reads as incomplete, never an empty one that looks complete.
        Status made = context.batch([&]() -> Status {
            auto dataset = catalog.createDataset(datasetName, task, options.datasetOptions);
            if (!dataset)
                return dataset.error();
            info = dataset.value();
            return catalog.beginImport(info.id, pending);
        });
        if (!made)
            return made.error();
        created = true;
        taskReason = reason;
    }
    // The importers commit in short transactions (other processes keep writing meanwhile);
    // the dataset reads as importing, or as incomplete if this process dies, until the last
    // one is in and finishImport() clears the mark.
    if (!created) {
        if (auto begun = catalog.beginImport(info.id, pending); !begun)
            return begun.error();
    }
    auto report = f->importer(context, info, path, options);
    if (!report) {
        auto after = catalog.dataset(info.id);
        // A refused import leaves no empty dataset behind.
        if (created && after && after->itemCount == 0) {
            (void)catalog.removeDataset(datasetName);
            return report.error();
        }
        // Refused before it wrote an item: the dataset is as it was. Otherwise what was
        // committed stays, and the dataset says it is incomplete.
        if (after && after->itemCount == info.itemCount) {
            if (!info.incomplete()) // an earlier import's kill still shows
                (void)catalog.finishImport(info.id);
            return report.error();
        }
        Error error = report.error();
        error.message += u' ' + FormatRegistry::tr("\"%1\" is left incomplete: import it again "
                                                   "to finish it, or remove it.")
                                    .arg(datasetName);
        return error;
    }
    // A cancelled import keeps what it wrote, by the user's choice: the dataset is complete
    // as it stands, unless an earlier import had left it incomplete.
    if (!report->cancelled || !info.incomplete()) {
        if (auto finished = catalog.finishImport(info.id); !finished)
            return finished.error();
    }
    // An import that yielded nothing leaves no empty dataset behind either; the caller says so
    // (the CLI exits 1) with the report's list of what was refused.
    if (created && !report->cancelled && !report->usable()) {
        auto after = catalog.dataset(info.id);
        if (after && after->itemCount == 0)
            (void)catalog.removeDataset(datasetName);
    }
    report->dataset = datasetName;
    report->task = info.task;
    report->taskReason = taskReason;
    return report;
}

Result<ExportReport> exportDataset(DatasetContext &context, const QString &reference,
                                   const QString &outDir, const ExportOptions &options)
{
    auto ref = DatasetCatalog::parseRef(reference);
    if (!ref)
        return ref.error();
    DatasetCatalog catalog(context);
    auto info = catalog.dataset(ref->name);
    if (!info)
        return info.error();
    const DatasetFormat *f = FormatRegistry::instance().find(info->media, options.format);
    if (!f || !f->exporter || !f->tasks.contains(info->task)) {
        QStringList names;
        for (const DatasetFormat *g : FormatRegistry::instance().all()) {
            if (g->exporter && g->media == info->media && g->tasks.contains(info->task))
                names.append(g->name);
        }
        return makeError(
            ErrorCode::Invalid,
            FormatRegistry::tr("Cannot export the %1 dataset \"%2\" as \"%3\"; use "
                               "one of: %4.")
                .arg(toString(info->task), info->name, options.format, names.join(u", "_s)));
    }
    auto snap = DatasetVersionStore(context).snapshot(ref->name, ref->version);
    if (!snap)
        return snap.error();
    if (!QDir().mkpath(outDir)) {
        return makeError(ErrorCode::Io, FormatRegistry::tr("Cannot create the folder %1.")
                                            .arg(QDir::toNativeSeparators(outDir)));
    }
    return f->exporter(snap.value(), outDir, options);
}

} // namespace atelier
