#pragma once

#include "core/result.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasettypes.h"
#include "datasets/datasetversionstore.h"
#include "datasets/imageprobe.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace atelier {

class Database;
class WriteSlices;

/// Datasets of a workspace's catalog: label sets, items (images content-addressed in
/// `objects/`, texts de-duplicated on their normalised form), annotations per author with
/// their state and source, review, and versions frozen as JSONL committed to `repo/labels/`.
/// Every edit is its own transaction, committed when the call returns (an edit survives a
/// crash right after it), unless made inside batch(). Blocking; one instance per catalog
/// connection (thread).
///
/// A facade while callers move to the section stores it delegates to, which share one
/// DatasetContext: DatasetCatalog (datasets, imports, labels), DatasetItemStore (items),
/// AnnotationStore (annotations, suggestions) and DatasetVersionStore (snapshots,
/// versions). Each method is documented on the section store that implements it.
class DatasetStore final
{
public:
    /// \a db is the catalog of the workspace in \a workspaceRoot. The author recorded on
    /// annotations that name none is the annotator from AppSettings until setAuthor().
    DatasetStore(Database &db, QString workspaceRoot);
    Q_DISABLE_COPY_MOVE(DatasetStore)

    QString author() const { return m_ctx.author(); }
    void setAuthor(const QString &author) { m_ctx.setAuthor(author); }
    QString workspaceRoot() const { return m_ctx.root(); }
    /// The catalog connection (bulk writers of the format importers, e.g. TextBulkWriter).
    Database &database() { return m_ctx.db(); }
    QString objectsDir() const { return m_ctx.objectsDir(); }

    /// The section stores, for callers that have moved off this facade.
    DatasetContext &context() { return m_ctx; }
    DatasetCatalog &catalog() { return m_catalog; }
    DatasetItemStore &itemStore() { return m_items; }
    AnnotationStore &annotationStore() { return m_annotations; }
    DatasetVersionStore &versionStore() { return m_versions; }

    /// Runs \a work in one transaction: the edits it makes through this store commit together
    /// (imports). Edits made outside batch() commit one by one.
    Status batch(const std::function<Status()> &work) { return m_ctx.batch(work); }
    /// Runs \a step until it returns false (no more work) or fails, in short transactions
    /// (Database::WriteBudget each, the lock left free for Database::YieldGap between them):
    /// the way long writers let other processes write meanwhile. What each transaction did
    /// stays when a later one fails. Inside an open transaction every step joins it.
    /// \a begin, when given, runs first in each transaction (re-reading what another process
    /// may have changed between two).
    Status slices(const std::function<Result<bool>()> &step,
                  const std::function<Status()> &begin = {})
    {
        return m_ctx.slices(step, begin);
    }
    /// For a batch() driven by a reader's callback, which slices() cannot drive: when the
    /// batch's transaction has held the lock for Database::WriteBudget (by \a timing), commits
    /// what it holds, leaves the lock free for Database::YieldGap and begins the next one.
    /// Nothing when the batch joined a caller's transaction.
    Status commitIfDue(WriteSlices &timing) { return m_ctx.commitIfDue(timing); }
    /// Imports: new images reach the disk when syncObjects() is called (once per batch, before
    /// the batch commits) instead of one fsync per image.
    void setDeferredObjectSync(bool deferred) { m_ctx.setDeferredObjectSync(deferred); }
    static constexpr qint64 DefaultMaxImagePixels = DatasetContext::DefaultMaxImagePixels;
    /// addImage() refuses images whose header declares more pixels than this (imports set it
    /// from ImportOptions::maxImagePixels).
    void setMaxImagePixels(qint64 pixels) { m_ctx.setMaxImagePixels(pixels); }
    qint64 maxImagePixels() const { return m_ctx.maxImagePixels(); }
    /// Flushes the images stored since the last call (see setDeferredObjectSync).
    Status syncObjects() const { return m_ctx.syncObjects(); }

    // --- datasets (DatasetCatalog) --------------------------------------------
    static Status validateName(const QString &name);
    static Result<DatasetRef> parseRef(const QString &reference);
    Result<DatasetInfo> createDataset(const QString &name, DatasetTask task,
                                      const DatasetOptions &options = {},
                                      const QString &description = {});
    Result<QList<DatasetInfo>> datasets();
    Result<DatasetInfo> dataset(const QString &name);
    Result<DatasetInfo> dataset(qint64 id);
    Status setOptions(qint64 datasetId, const DatasetOptions &options);
    Status setDescription(qint64 datasetId, const QString &description);
    Status removeDataset(const QString &name);

    // --- imports in short transactions (DatasetCatalog) -----------------------
    Status beginImport(qint64 datasetId, const PendingImport &import);
    Status finishImport(qint64 datasetId);
    Status restoreItemKeys(qint64 datasetId);

    // --- labels (DatasetCatalog) ----------------------------------------------
    Result<QList<DatasetLabel>> labels(qint64 datasetId);
    Result<DatasetLabel> addLabel(qint64 datasetId, const QString &name, const QString &color = {},
                                  const QString &hotkey = {});
    Result<DatasetLabel> ensureLabel(qint64 datasetId, const QString &name);
    Status renameLabel(qint64 datasetId, const QString &from, const QString &to);
    Status setLabelColor(qint64 datasetId, const QString &name, const QString &color);
    Status setLabelAttributes(qint64 datasetId, const QString &name, const QJsonObject &attributes);
    Status setLabelHotkey(qint64 datasetId, const QString &name, const QString &hotkey);
    Status moveLabel(qint64 datasetId, const QString &name, int position);
    Status removeLabel(qint64 datasetId, const QString &name, bool removeAnnotations = false);

    // --- items (DatasetItemStore) ---------------------------------------------
    Result<QList<DatasetItem>> items(qint64 datasetId, const ItemQuery &query = {});
    Result<qint64> countItems(qint64 datasetId, const ItemQuery &query = {});
    Result<QMap<ItemStatus, qint64>> statusCounts(qint64 datasetId);
    Result<DatasetItem> item(qint64 itemId);
    Result<qint64> rowOf(qint64 datasetId, qint64 itemId, const ItemQuery &query = {});
    static Result<ImageProbe> probeImage(const QString &file);
    Result<AddedItem> addImage(qint64 datasetId, const QString &file,
                               const QString &sourceName = {});
    Result<AddedItem> addText(qint64 datasetId, const QString &text, const QString &textB = {},
                              const QString &sourceName = {});
    static QString normalizeText(const QString &text);
    static QString textDedupKey(const QString &text, const QString &textB = {});
    static QByteArray textDedupHash(const QString &text, const QString &textB = {});
    Result<std::optional<DatasetItem>> findItem(qint64 datasetId, const QString &dedupKey);
    Status removeItem(qint64 itemId);
    Status setItemStatus(qint64 itemId, ItemStatus status);
    Status setItemSplit(qint64 itemId, const QString &split);
    Status mergeItemAttributes(qint64 itemId, const QJsonObject &attributes);
    Status review(qint64 itemId, ItemStatus verdict, const QString &comment,
                  const QString &reviewer = {});

    // --- annotations (AnnotationStore) ----------------------------------------
    Result<QList<Annotation>> annotations(qint64 itemId, const AnnotationFilter &filter = {});
    Result<QHash<qint64, QList<Annotation>>> annotations(const QList<qint64> &itemIds,
                                                         const AnnotationFilter &filter = {});
    Result<Annotation> annotation(qint64 annotationId);
    Result<Annotation> addAnnotation(qint64 itemId, Annotation annotation);
    Result<QList<Annotation>> addAnnotations(qint64 itemId, const QList<Annotation> &annotations);
    Result<QList<Result<Annotation>>> addAnnotationsLenient(qint64 itemId,
                                                            const QList<Annotation> &annotations);
    Result<Annotation> updateAnnotation(const Annotation &annotation);
    Status removeAnnotation(qint64 annotationId);
    Result<QList<Annotation>> setTags(qint64 itemId, const QStringList &labels,
                                      const QString &author = {});
    Result<Annotation> acceptSuggestion(qint64 annotationId, const QString &author = {});
    Status rejectSuggestion(qint64 annotationId, const QString &author = {});
    Result<QList<Annotation>> replaceSuggestions(qint64 itemId, const QString &source,
                                                 const QList<Annotation> &suggestions);
    Result<QStringList> authors(qint64 datasetId);
    Result<QList<LabelCount>> labelDistribution(qint64 datasetId);

    // --- whole dataset, versions (DatasetVersionStore) ------------------------
    Status
    forEachItem(qint64 datasetId,
                const std::function<bool(const DatasetItem &, const QList<Annotation> &)> &visit,
                const AnnotationFilter &filter = {});
    Result<DatasetSnapshot> snapshot(const QString &name, int version = 0);
    Result<DatasetVersion> createVersion(const QString &name, const QString &message,
                                         const QString &author = {});
    Result<QList<DatasetVersion>> versions(const QString &name);
    Result<DatasetVersion> version(const QString &name, int number);

private:
    DatasetContext m_ctx;
    DatasetCatalog m_catalog;
    DatasetItemStore m_items;
    AnnotationStore m_annotations;
    DatasetVersionStore m_versions;
};

} // namespace atelier
