#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace atelier {

class DatasetContext;

/// One file or entry an import could not take, and why.
struct ImportProblem
{
    QString file;   ///< path relative to the import root (or "archive.zip:entry")
    QString reason; ///< one translated line
};

/// What an import did. Bad entries are skipped and listed; the rest is imported.
struct ImportReport
{
    QString dataset;
    qint64 imported = 0;                 ///< new items
    qint64 duplicates = 0;               ///< items whose content the dataset already had
    qint64 annotations = 0;              ///< annotations added
    QList<ImportProblem> duplicateFiles; ///< file → "same content as NAME"
    QList<ImportProblem> unreadable;     ///< files or entries skipped, with the reason
    QList<ImportProblem> warnings;       ///< annotations skipped or fixed, with the reason
    bool cancelled = false;
    /// The task of the dataset the import filled, and when it was made by this import without
    /// --task, why that task (one translated line: "polygons in 12 of 40 annotations").
    std::optional<DatasetTask> task;
    QString taskReason;

    /// False when the input gave nothing: no new item, no duplicate, no annotation. Then a
    /// dataset the import made is removed again and the command line exits 1.
    bool usable() const { return imported > 0 || duplicates > 0 || annotations > 0; }
};

/// The task the content of an import calls for, and why (DatasetFormat::inferTask).
struct TaskChoice
{
    DatasetTask task = DatasetTask::Classification;
    QString reason; ///< one translated line naming what was found
};

/// How to import.
struct ImportOptions
{
    QString format;                  ///< "folder", "coco", "voc", "yolo", "labelme", "csv", …
    std::optional<DatasetTask> task; ///< for a new dataset; guessed from the format when empty
    DatasetOptions datasetOptions;   ///< for a new dataset
    QString author; ///< recorded on imported annotations; the DatasetContext's if empty
    /// (done, total, what): called from the importing thread; total may be 0 while unknown.
    std::function<void(qint64 done, qint64 total, const QString &what)> progress;
    const std::atomic_bool *cancel = nullptr;  ///< checked between files; stops cleanly
    qint64 maxUnpackedBytes = qint64(8) << 30; ///< archives: refuse past this many bytes
    /// images: refuse one whose header declares more pixels (DatasetContext::setMaxImagePixels)
    qint64 maxImagePixels = 89'478'485;
    /// Format-specific settings; text CSV/TSV: "text_column", "label_column",
    /// "text_b_column", "score_column", "spans_column" (header names).
    QMap<QString, QString> formatOptions;
};

/// How to export.
struct ExportOptions
{
    QString format;
    QString author;                ///< only this author's annotations; empty: every author
    bool includeSuggested = false; ///< also pending model suggestions
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool *cancel = nullptr;
};

/// What an export wrote.
struct ExportReport
{
    qint64 items = 0;
    qint64 annotations = 0;
    QStringList files; ///< written, relative to the output folder (the main ones)
    QList<ImportProblem> warnings;
};

/// Imports \a path into the existing dataset \a dataset over \a context (the section stores
/// it needs made on it).
using DatasetImporter =
    std::function<Result<ImportReport>(DatasetContext &context, const DatasetInfo &dataset,
                                       const QString &path, const ImportOptions &options)>;
/// Writes \a snapshot into the folder \a outDir (created when missing).
using DatasetExporter = std::function<Result<ExportReport>(
    const DatasetSnapshot &snapshot, const QString &outDir, const ExportOptions &options)>;

/// One format of one media: what it reads and writes.
struct DatasetFormat
{
    QString name; ///< "coco", "voc", "csv", …
    DatasetMedia media = DatasetMedia::Image;
    QList<DatasetTask> tasks; ///< tasks it can carry (first: the default for imports)
    QString description;      ///< one translated line for --help and menus
    DatasetImporter importer; ///< empty when the format is export-only
    DatasetExporter exporter; ///< empty when the format is import-only
    /// True when \a path looks like this format (used to pick the media for "csv"/"jsonl"
    /// when neither --task nor an existing dataset says). Empty: always false.
    std::function<bool(const QString &path)> sniff;
    /// For a new dataset imported without --task: the task the content of \a path calls for,
    /// the richest kind present winning (polygons or masks → segmentation over boxes; spans →
    /// entities; pairs → pairs). nullopt: the format's default (tasks.first()). Empty: same.
    std::function<std::optional<TaskChoice>(const QString &path)> inferTask;
};

/// (media, format name) → importer/exporter. Image formats register in imageformats.cpp,
/// text formats in textformats.cpp (registerImageFormats / registerTextFormats below).
class FormatRegistry final
{
    Q_DECLARE_TR_FUNCTIONS(FormatRegistry)

public:
    /// The registry with every built-in format (made on first use, thread-safe).
    static const FormatRegistry &instance();

    /// Adds or replaces the format (media, format.name).
    void add(DatasetFormat format);
    /// The format \a name for \a media, or nullptr.
    const DatasetFormat *find(DatasetMedia media, const QString &name) const;
    /// Formats named \a name over every media.
    QList<const DatasetFormat *> named(const QString &name) const;
    /// Every format, by media then name.
    QList<const DatasetFormat *> all() const;
    /// Format names (sorted, unique) with an importer / an exporter.
    QStringList importNames() const;
    QStringList exportNames() const;

    /// Picks the format for importing \a path as \a name: \a media when known (existing
    /// dataset or --task), else the only media with that name, else the one whose sniff
    /// accepts \a path, else Invalid with what to pass.
    Result<const DatasetFormat *> pickImporter(const QString &name, const QString &path,
                                               std::optional<DatasetMedia> media) const;

private:
    QList<DatasetFormat> m_formats;
};

/// Registers the image formats (folder, coco, voc, yolo, labelme, csv, jsonl).
void registerImageFormats(FormatRegistry &registry);
/// Registers the text formats (csv, jsonl, conll, …); defined in textformats.cpp.
void registerTextFormats(FormatRegistry &registry);

/// Imports \a path into dataset \a datasetName (made with options.task when missing) with
/// the format options.format: the entry point of the CLI and the GUI's import dialog.
/// Without options.task a new dataset takes the task the format infers from the content.
/// Worker-thread friendly: blocking, progress and cancel through \a options.
Result<ImportReport> importDataset(DatasetContext &context, const QString &datasetName,
                                   const QString &path, const ImportOptions &options);
/// Exports dataset reference \a reference ("NAME" or "NAME@VERSION") into \a outDir.
Result<ExportReport> exportDataset(DatasetContext &context, const QString &reference,
                                   const QString &outDir, const ExportOptions &options);

} // namespace atelier
