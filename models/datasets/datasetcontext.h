#pragma once

#include "core/result.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

namespace atelier {

class Database;
class WriteSlices;

/// Datasets of a workspace's catalog live in four section stores, each made on a DatasetContext
/// (cheap: a few references, any number at once): DatasetCatalog (datasets, imports, label
/// sets), DatasetItemStore (items: images content-addressed in `objects/`, texts de-duplicated
/// on their normalised form; status and review), AnnotationStore (annotations per author with
/// their state and source, suggestions) and DatasetVersionStore (whole datasets, snapshots,
/// versions frozen as JSONL committed to `repo/labels/`). Work that spans sections (importers,
/// exporters, suggesters, the jobs of DatasetStoreWorker) takes the context and makes the
/// stores it needs.
///
/// The context is what those stores share: the catalog, the workspace, the author recorded on
/// annotations, the import settings, and the transaction write() opened. Every edit runs
/// through write(): its own transaction, committed when the call returns (an edit survives a
/// crash right after it), unless a caller's transaction (batch()) is open. Blocking; one
/// instance per catalog connection (thread).
class DatasetContext final
{
public:
    /// \a db is the catalog of the workspace in \a workspaceRoot. The author is the annotator
    /// from AppSettings until setAuthor().
    DatasetContext(Database &db, QString workspaceRoot);
    Q_DISABLE_COPY_MOVE(DatasetContext)

    Database &db() const { return m_db; }
    QString root() const { return m_root; }
    QString author() const { return m_author; }
    void setAuthor(const QString &author) { m_author = author; }
    QString objectsDir() const;

    /// Runs \a work in the caller's transaction when one is open, else in its own.
    Status write(const std::function<Status()> &work);
    /// Runs \a work in one transaction: the edits it makes through the stores on this context
    /// commit together (imports). Edits made outside batch() commit one by one.
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
    bool deferredObjectSync() const { return m_deferSync; }
    void setDeferredObjectSync(bool deferred) { m_deferSync = deferred; }
    /// PIL's MAX_IMAGE_PIXELS: a header declaring more pixels than this is most likely a
    /// decompression bomb (a tiny file that would need gigabytes to decode).
    static constexpr qint64 DefaultMaxImagePixels = 89'478'485;
    /// DatasetItemStore::addImage() refuses images whose header declares more pixels than this
    /// (imports set it from ImportOptions::maxImagePixels).
    qint64 maxImagePixels() const { return m_maxImagePixels; }
    void setMaxImagePixels(qint64 pixels) { m_maxImagePixels = pixels; }
    /// Flushes the images stored since the last call (see setDeferredObjectSync).
    Status syncObjects() const;

    /// Labels known to be in a dataset's set, for the transaction that write() opened (an
    /// import's batch): so that each annotation does not look its label up again. Dropped when
    /// that transaction ends (a rollback may have removed labels it added); DatasetCatalog
    /// drops a dataset's when a label is renamed or removed.
    class KnownLabels
    {
    public:
        bool contains(qint64 datasetId, const QString &name);
        void insert(qint64 datasetId, const QString &name);
        void forget(qint64 datasetId);
        void clear();

    private:
        /// A name's data: an import's annotations share their label strings, so a label is
        /// found again by where its characters are, without hashing them.
        using Data = std::pair<qint64, std::pair<const void *, qsizetype>>;
        void remember(const Data &data, const QString &name);
        QHash<qint64, QSet<QString>> m_names;
        QSet<Data> m_data;
        QList<QString> m_held; ///< keeps m_data's characters from being reused (a few hundred)
    };
    KnownLabels &knownLabels() { return m_knownLabels; }
    /// Whether the open transaction is one write() began (not a caller's).
    bool ownTransaction() const { return m_ownTransaction; }

private:
    Database &m_db;
    QString m_root;
    QString m_author;
    bool m_deferSync = false;
    qint64 m_maxImagePixels = DefaultMaxImagePixels;
    bool m_ownTransaction = false;
    KnownLabels m_knownLabels;
};

} // namespace atelier
