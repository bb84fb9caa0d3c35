#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace atelier {

class Database;
class Query;
class WriteSlices;

/// What adding an item did: a new item, or the existing one with the same content.
struct AddedItem
{
    DatasetItem item;       ///< the new item, or the one already holding this content
    bool duplicate = false; ///< nothing was added: \a item already had this content
};

/// Width and height of an image read from its header (no full decode).
struct ImageProbe
{
    int width = 0;
    int height = 0;
    QString format; ///< "png", "jpeg", …
};

/// A dataset reference "NAME" or "NAME@VERSION" ("shapes@2", "shapes@v2"); version 0 means
/// the current state.
struct DatasetRef
{
    QString name;
    int version = 0;
};

/// Datasets of a workspace's catalog: label sets, items (images content-addressed in
/// `objects/`, texts de-duplicated on their normalised form), annotations per author with
/// their state and source, review, and versions frozen as JSONL committed to `repo/labels/`.
/// Every edit is its own transaction, committed when the call returns (an edit survives a
/// crash right after it), unless made inside batch(). Blocking; one instance per catalog
/// connection (thread).
class DatasetStore final
{
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)

public:
    /// \a db is the catalog of the workspace in \a workspaceRoot. The author recorded on
    /// annotations that name none is the annotator from AppSettings until setAuthor().
    DatasetStore(Database &db, QString workspaceRoot);

    QString author() const { return m_author; }
    void setAuthor(const QString &author) { m_author = author; }
    QString workspaceRoot() const { return m_root; }
    /// The catalog connection (bulk writers of the format importers, e.g. TextBulkWriter).
    Database &database() { return m_db; }
    QString objectsDir() const;

    /// Runs \a work in one transaction: the edits it makes through this store commit together
    /// (imports). Edits made outside batch() commit one by one.
    Status batch(const std::function<Status()> &work);
    /// Runs \a step until it returns false (no more work) or fails, in short transactions
    /// (Database::WriteBudget each, the lock left free for Database::YieldGap between them):
    /// the way long writers let other processes write meanwhile. What each transaction did
    /// stays when a later one fails. Inside an open transaction every step joins it.
    /// \a begin, when given, runs first in each transaction (re-reading what another process
    /// may have changed between two).
    Status slices(const std::function<Result<bool>()> &step,
                  const std::function<Status()> &begin = {});
    /// For a batch() driven by a reader's callback, which slices() cannot drive: when the
    /// batch's transaction has held the lock for Database::WriteBudget (by \a timing), commits
    /// what it holds, leaves the lock free for Database::YieldGap and begins the next one.
    /// Nothing when the batch joined a caller's transaction.
    Status commitIfDue(WriteSlices &timing);
    /// Imports: new images reach the disk when syncObjects() is called (once per batch, before
    /// the batch commits) instead of one fsync per image.
    void setDeferredObjectSync(bool deferred) { m_deferSync = deferred; }
    /// PIL's MAX_IMAGE_PIXELS: a header declaring more pixels than this is most likely a
    /// decompression bomb (a tiny file that would need gigabytes to decode).
    static constexpr qint64 DefaultMaxImagePixels = 89'478'485;
    /// addImage() refuses images whose header declares more pixels than this (imports set it
    /// from ImportOptions::maxImagePixels).
    void setMaxImagePixels(qint64 pixels) { m_maxImagePixels = pixels; }
    qint64 maxImagePixels() const { return m_maxImagePixels; }
    /// Flushes the images stored since the last call (see setDeferredObjectSync).
    Status syncObjects() const;

    // --- datasets ---------------------------------------------------------------------
    /// Dataset names: 1–64 characters, a letter or digit first, then letters, digits, '.',
    /// '_' or '-' (they name folders under repo/labels/).
    static Status validateName(const QString &name);
    /// Parses "NAME" or "NAME@VERSION" (VERSION a number, optionally prefixed by 'v').
    static Result<DatasetRef> parseRef(const QString &reference);
    Result<DatasetInfo> createDataset(const QString &name, DatasetTask task,
                                      const DatasetOptions &options = {},
                                      const QString &description = {});
    /// Every dataset by name, with item counts.
    Result<QList<DatasetInfo>> datasets();
    Result<DatasetInfo> dataset(const QString &name);
    Result<DatasetInfo> dataset(qint64 id);
    Status setOptions(qint64 datasetId, const DatasetOptions &options);
    Status setDescription(qint64 datasetId, const QString &description);
    /// Removes the dataset from the catalog (items, annotations, version records). Its
    /// versions stay in repo/ history; its images stay in objects/.
    Status removeDataset(const QString &name);

    // --- imports in short transactions ---------------------------------------------------
    /// Marks the dataset as being imported into by \a import (committed at once, or with the
    /// caller's batch): until finishImport() it reads as importing, and as incomplete once
    /// that process is gone. Refuses (Conflict) while another live import holds the dataset.
    /// Continuing an incomplete dataset first gives the killed import's items their
    /// de-duplication keys back, so that the lines it wrote are found as duplicates.
    Status beginImport(qint64 datasetId, const PendingImport &import);
    /// Clears the mark: the import's last batch is committed.
    Status finishImport(qint64 datasetId);
    /// Writes the de-duplication keys that items of the dataset lack (a bulk text import
    /// killed before its keys were written), in short transactions.
    Status restoreItemKeys(qint64 datasetId);

    // --- labels -----------------------------------------------------------------------
    /// The label set in position order.
    Result<QList<DatasetLabel>> labels(qint64 datasetId);
    /// Adds \a name at the end; an empty colour gets one from a fixed palette. Refuses a
    /// name already in the set and a hotkey already used.
    Result<DatasetLabel> addLabel(qint64 datasetId, const QString &name, const QString &color = {},
                                  const QString &hotkey = {});
    /// The label \a name, added (as addLabel) when missing.
    Result<DatasetLabel> ensureLabel(qint64 datasetId, const QString &name);
    /// Renames a label and every annotation that uses it, in one transaction.
    Status renameLabel(qint64 datasetId, const QString &from, const QString &to);
    Status setLabelColor(qint64 datasetId, const QString &name, const QString &color);
    /// Replaces the label's attributes (the class id and supercategory a format gave it).
    Status setLabelAttributes(qint64 datasetId, const QString &name, const QJsonObject &attributes);
    /// An empty hotkey removes it; refuses one used by another label.
    Status setLabelHotkey(qint64 datasetId, const QString &name, const QString &hotkey);
    /// Moves the label to \a position (0-based), shifting the others.
    Status moveLabel(qint64 datasetId, const QString &name, int position);
    /// Removes the label; refuses while annotations use it unless \a removeAnnotations.
    Status removeLabel(qint64 datasetId, const QString &name, bool removeAnnotations = false);

    // --- items ------------------------------------------------------------------------
    /// One page of items (query.offset, query.limit) filtered and sorted as \a query says.
    Result<QList<DatasetItem>> items(qint64 datasetId, const ItemQuery &query = {});
    /// How many items match \a query (offset and limit ignored).
    Result<qint64> countItems(qint64 datasetId, const ItemQuery &query = {});
    /// Items per status (every status present, 0 when none).
    Result<QMap<ItemStatus, qint64>> statusCounts(qint64 datasetId);
    Result<DatasetItem> item(qint64 itemId);
    /// The 0-based row of \a itemId in the list \a query gives (offset/limit ignored), or
    /// NotFound when it is filtered out.
    Result<qint64> rowOf(qint64 datasetId, qint64 itemId, const ItemQuery &query = {});

    /// Reads an image's size from its header (QImageReader, no full decode); Invalid when it
    /// is not a readable image.
    static Result<ImageProbe> probeImage(const QString &file);
    /// Adds the image \a file (probed, then stored in objects/ by content hash) to an image
    /// dataset; Invalid when its header declares more than maxImagePixels(). Content already in the
    /// dataset is not added again: duplicate is set. \a sourceName defaults to the file name.
    Result<AddedItem> addImage(qint64 datasetId, const QString &file,
                               const QString &sourceName = {});
    /// Adds a text (and for pairs the second text) to a text dataset; texts whose normalised
    /// form is already in the dataset are duplicates.
    Result<AddedItem> addText(qint64 datasetId, const QString &text, const QString &textB = {},
                              const QString &sourceName = {});
    /// Unicode NFC, line ends as '\n', runs of blanks as one space, trimmed.
    static QString normalizeText(const QString &text);
    /// The de-duplication key of a text item: SHA-256 hex of the normalised text(s).
    static QString textDedupKey(const QString &text, const QString &textB = {});
    /// The same SHA-256 as 32 raw bytes (what a bulk import keeps in memory).
    static QByteArray textDedupHash(const QString &text, const QString &textB = {});
    /// The item with \a dedupKey in the dataset, if any.
    Result<std::optional<DatasetItem>> findItem(qint64 datasetId, const QString &dedupKey);
    /// Removes the item and its annotations (its image stays in objects/).
    Status removeItem(qint64 itemId);
    Status setItemStatus(qint64 itemId, ItemStatus status);
    /// Sets the item's split ("train", "val", …; empty for none).
    Status setItemSplit(qint64 itemId, const QString &split);
    /// Merges \a attributes into the item's (a key with a null value removes it).
    Status mergeItemAttributes(qint64 itemId, const QJsonObject &attributes);
    /// Records a review: \a verdict is Reviewed (approved) or Rejected, with \a comment.
    Status review(qint64 itemId, ItemStatus verdict, const QString &comment,
                  const QString &reviewer = {});

    // --- annotations --------------------------------------------------------------------
    /// Annotations of one item, oldest first.
    Result<QList<Annotation>> annotations(qint64 itemId, const AnnotationFilter &filter = {});
    /// Annotations of several items at once (one page of a list), by item id.
    Result<QHash<qint64, QList<Annotation>>> annotations(const QList<qint64> &itemIds,
                                                         const AnnotationFilter &filter = {});
    Result<Annotation> annotation(qint64 annotationId);
    /// Adds \a annotation to \a itemId (author: the store's when empty). The kind must fit
    /// the dataset's task, the label must be in the label set (added when missing), the
    /// geometry valid (box inside the image, span inside the text, no overlap with the
    /// author's other spans unless the dataset allows it, score in 0–1). An accepted
    /// annotation on an unlabeled item makes it labeled. Committed at once.
    Result<Annotation> addAnnotation(qint64 itemId, Annotation annotation);
    /// Adds several annotations to one item in one transaction (model suggestions, imports).
    Result<QList<Annotation>> addAnnotations(qint64 itemId, const QList<Annotation> &annotations);
    /// The lenient form of addAnnotations() for imports: each annotation is checked and added
    /// on its own; one the rules refuse gets its error in the list (same index) and the others
    /// are still added. The call fails only when the item is missing or the catalog fails.
    Result<QList<Result<Annotation>>> addAnnotationsLenient(qint64 itemId,
                                                            const QList<Annotation> &annotations);
    /// Changes label, geometry, state and source of the annotation with annotation.id
    /// (validated as addAnnotation). Committed at once.
    Result<Annotation> updateAnnotation(const Annotation &annotation);
    /// Removes one annotation; an item left with no accepted annotation goes back to
    /// unlabeled when it was labeled.
    Status removeAnnotation(qint64 annotationId);
    /// Classification: makes \a labels the author's accepted tags on the item (removing the
    /// others, one transaction). Refuses several labels when the dataset is single-label.
    Result<QList<Annotation>> setTags(qint64 itemId, const QStringList &labels,
                                      const QString &author = {});
    /// A person accepts a model's suggestion: it becomes accepted, its author the person,
    /// its source ("model:NAME@VERSION") kept.
    Result<Annotation> acceptSuggestion(qint64 annotationId, const QString &author = {});
    /// A person turns a suggestion down: state rejected, kept for audit, never exported.
    Status rejectSuggestion(qint64 annotationId, const QString &author = {});
    /// Removes the suggestions still pending from \a source ("model:…") on \a itemId, then
    /// adds \a suggestions (state suggested, that source, author \a source) in one
    /// transaction — re-running a model replaces its earlier proposals.
    Result<QList<Annotation>> replaceSuggestions(qint64 itemId, const QString &source,
                                                 const QList<Annotation> &suggestions);
    /// Every author with at least one annotation in the dataset, sorted.
    Result<QStringList> authors(qint64 datasetId);
    /// Accepted annotations per label (every label of the set, 0 when unused; labels not in
    /// the set after them), in label-set order.
    Result<QList<LabelCount>> labelDistribution(qint64 datasetId);

    // --- whole dataset, versions -----------------------------------------------------------
    /// Calls \a visit for every item in position order with its annotations (filtered), a
    /// page at a time, without loading the whole dataset; \a visit returns false to stop.
    Status
    forEachItem(qint64 datasetId,
                const std::function<bool(const DatasetItem &, const QList<Annotation> &)> &visit,
                const AnnotationFilter &filter = {});
    /// The dataset as it is now (version 0) or as version \a version froze it, read from the
    /// commit in repo/ (items, labels, every annotation with author, state and source).
    Result<DatasetSnapshot> snapshot(const QString &name, int version = 0);
    /// Freezes the current annotations: writes labels/<name>/{dataset.json, labels.json,
    /// items.jsonl, annotations.jsonl} into repo/, commits them, records the next version
    /// number with the commit and counts. \a author defaults to the store's.
    Result<DatasetVersion> createVersion(const QString &name, const QString &message,
                                         const QString &author = {});
    /// Versions of a dataset, oldest first.
    Result<QList<DatasetVersion>> versions(const QString &name);
    Result<DatasetVersion> version(const QString &name, int number);

private:
    Status write(const std::function<Status()> &work);
    /// Adds \a name to the dataset's label set when missing (ensureLabel), remembering for
    /// the rest of the transaction that it is there.
    Status requireLabel(qint64 datasetId, const QString &name);
    Result<DatasetInfo> readDataset(qint64 id, bool counts = true);
    static std::optional<PendingImport> pendingImportFrom(const Query &q, int column);
    Status touchItem(qint64 itemId);
    Status refreshStatus(qint64 itemId);
    Status checkAnnotation(const DatasetInfo &dataset, const DatasetItem &item,
                           Annotation &annotation, qint64 replacing);
    /// What the inserts of one call that adds several annotations share: the time recorded on
    /// them, and the numbering of their rows.
    struct InsertRun
    {
        QString time; ///< ISO 8601 with milliseconds, UTC
        QDateTime dateTime;
        qint64 lastId = 0; ///< the highest annotation id so far; the next row takes lastId + 1
    };
    /// Starts an InsertRun (inside the transaction that makes the inserts).
    Result<InsertRun> startInserts();
    /// Checks and inserts; the caller refreshes the item's status after its last insert.
    Result<Annotation> insertAnnotation(const DatasetInfo &dataset, const DatasetItem &item,
                                        Annotation annotation, InsertRun &run);
    /// Checks \a annotations (boxes, polygons, masks) and inserts the accepted ones in
    /// multi-row statements; one result each in \a results. An error: the catalog failed.
    Status insertShapes(const DatasetInfo &dataset, const DatasetItem &item,
                        const QList<Annotation> &annotations, InsertRun &run,
                        QList<Result<Annotation>> &results);
    Result<AddedItem> insertItem(qint64 datasetId, DatasetItem item);

    Database &m_db;
    QString m_root;
    QString m_author;
    bool m_deferSync = false;
    qint64 m_maxImagePixels = DefaultMaxImagePixels;
    // Labels known to be in a dataset's set, per dataset id, for the transaction that write()
    // opened (an import's batch): so that each annotation does not look its label up again.
    // Dropped when that transaction ends (a rollback may have removed labels it added) and
    // when a label is renamed or removed.
    bool m_ownTransaction = false;
    QHash<qint64, QSet<QString>> m_knownLabels;
};

} // namespace atelier
