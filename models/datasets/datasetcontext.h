#pragma once

#include "core/result.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

namespace atelier {

class Database;
class WriteSlices;

/// What the dataset stores of one catalog connection share (DatasetCatalog, DatasetItemStore,
/// AnnotationStore, DatasetVersionStore): the catalog, the workspace, the author recorded on
/// annotations, the import settings, and the transaction write() opened. Every edit runs
/// through write(): its own transaction, committed when the call returns, unless a caller's
/// transaction (batch()) is open. Blocking; one instance per catalog connection (thread).
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
    /// DatasetStore::batch(): write() for a caller's group of edits.
    Status batch(const std::function<Status()> &work);
    /// DatasetStore::slices(): \a step in short transactions.
    Status slices(const std::function<Result<bool>()> &step,
                  const std::function<Status()> &begin = {});
    /// DatasetStore::commitIfDue(): commits a long batch when its time is up.
    Status commitIfDue(WriteSlices &timing);

    bool deferredObjectSync() const { return m_deferSync; }
    void setDeferredObjectSync(bool deferred) { m_deferSync = deferred; }
    /// PIL's MAX_IMAGE_PIXELS: a header declaring more pixels than this is most likely a
    /// decompression bomb (a tiny file that would need gigabytes to decode).
    static constexpr qint64 DefaultMaxImagePixels = 89'478'485;
    qint64 maxImagePixels() const { return m_maxImagePixels; }
    void setMaxImagePixels(qint64 pixels) { m_maxImagePixels = pixels; }
    /// Flushes the images stored since the last call (see setDeferredObjectSync).
    Status syncObjects() const;

    /// Labels known to be in a dataset's set, per dataset id, for the transaction that
    /// write() opened (an import's batch): so that each annotation does not look its label
    /// up again. Dropped when that transaction ends (a rollback may have removed labels it
    /// added); DatasetCatalog drops a dataset's when a label is renamed or removed.
    QHash<qint64, QSet<QString>> &knownLabels() { return m_knownLabels; }
    /// Whether the open transaction is one write() began (not a caller's).
    bool ownTransaction() const { return m_ownTransaction; }

private:
    Database &m_db;
    QString m_root;
    QString m_author;
    bool m_deferSync = false;
    qint64 m_maxImagePixels = DefaultMaxImagePixels;
    bool m_ownTransaction = false;
    QHash<qint64, QSet<QString>> m_knownLabels;
};

} // namespace atelier
