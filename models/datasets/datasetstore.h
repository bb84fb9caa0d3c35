#pragma once

#include "core/result.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasettypes.h"
#include "datasets/datasetversionstore.h"
#include "datasets/imageprobe.h"
#include "datasets/textnormalize.h"

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

/// Holds the DatasetContext of a DatasetStore: a base listed first, so that the context is
/// made before the section stores that refer to it.
struct DatasetContextHolder
{
    DatasetContextHolder(Database &db, QString workspaceRoot)
        : m_context(db, std::move(workspaceRoot))
    {
    }
    DatasetContext m_context;
};

/// Datasets of a workspace's catalog: label sets, items (images content-addressed in
/// `objects/`, texts de-duplicated on their normalised form), annotations per author with
/// their state and source, review, and versions frozen as JSONL committed to `repo/labels/`.
/// Every edit is its own transaction, committed when the call returns (an edit survives a
/// crash right after it), unless made inside batch(). Blocking; one instance per catalog
/// connection (thread).
///
/// A facade while callers move to the section stores whose methods it inherits, which share
/// one DatasetContext: DatasetCatalog (datasets, imports, labels), DatasetItemStore (items),
/// AnnotationStore (annotations, suggestions) and DatasetVersionStore (snapshots, versions).
/// Each method is documented on the section store that implements it.
class DatasetStore final : private DatasetContextHolder,
                           public DatasetCatalog,
                           public DatasetItemStore,
                           public AnnotationStore,
                           public DatasetVersionStore
{
public:
    /// \a db is the catalog of the workspace in \a workspaceRoot. The author recorded on
    /// annotations that name none is the annotator from AppSettings until setAuthor().
    DatasetStore(Database &db, QString workspaceRoot);
    Q_DISABLE_COPY_MOVE(DatasetStore)

    QString author() const { return m_context.author(); }
    void setAuthor(const QString &author) { m_context.setAuthor(author); }
    QString workspaceRoot() const { return m_context.root(); }
    /// The catalog connection (bulk writers of the format importers, e.g. TextBulkWriter).
    Database &database() { return m_context.db(); }
    QString objectsDir() const { return m_context.objectsDir(); }
    /// What the section stores share, for callers that make their own section stores.
    DatasetContext &context() { return m_context; }

    /// Runs \a work in one transaction: the edits it makes through this store commit together
    /// (imports). Edits made outside batch() commit one by one.
    Status batch(const std::function<Status()> &work) { return m_context.batch(work); }
    /// Runs \a step until it returns false (no more work) or fails, in short transactions
    /// (Database::WriteBudget each, the lock left free for Database::YieldGap between them):
    /// the way long writers let other processes write meanwhile. What each transaction did
    /// stays when a later one fails. Inside an open transaction every step joins it.
    /// \a begin, when given, runs first in each transaction (re-reading what another process
    /// may have changed between two).
    Status slices(const std::function<Result<bool>()> &step,
                  const std::function<Status()> &begin = {})
    {
        return m_context.slices(step, begin);
    }
    /// For a batch() driven by a reader's callback, which slices() cannot drive: when the
    /// batch's transaction has held the lock for Database::WriteBudget (by \a timing), commits
    /// what it holds, leaves the lock free for Database::YieldGap and begins the next one.
    /// Nothing when the batch joined a caller's transaction.
    Status commitIfDue(WriteSlices &timing) { return m_context.commitIfDue(timing); }
    /// Imports: new images reach the disk when syncObjects() is called (once per batch, before
    /// the batch commits) instead of one fsync per image.
    void setDeferredObjectSync(bool deferred) { m_context.setDeferredObjectSync(deferred); }
    static constexpr qint64 DefaultMaxImagePixels = DatasetContext::DefaultMaxImagePixels;
    /// addImage() refuses images whose header declares more pixels than this (imports set it
    /// from ImportOptions::maxImagePixels).
    void setMaxImagePixels(qint64 pixels) { m_context.setMaxImagePixels(pixels); }
    qint64 maxImagePixels() const { return m_context.maxImagePixels(); }
    /// Flushes the images stored since the last call (see setDeferredObjectSync).
    Status syncObjects() const { return m_context.syncObjects(); }

    /// See ImageProbe::read().
    static Result<ImageProbe> probeImage(const QString &file) { return ImageProbe::read(file); }
    /// See normalizeText() in textnormalize.h.
    static QString normalizeText(const QString &text) { return atelier::normalizeText(text); }
    static QString textDedupKey(const QString &text, const QString &textB = {})
    {
        return atelier::textDedupKey(text, textB);
    }
    static QByteArray textDedupHash(const QString &text, const QString &textB = {})
    {
        return atelier::textDedupHash(text, textB);
    }
};

} // namespace atelier
