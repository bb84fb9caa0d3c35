#pragma once

#include "core/result.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace atelier {

class DatasetContext;

/// What the annotation documents of one item share (ImageAnnotationDocument,
/// TextAnnotationDocument; as Tiled's Document): the item, the author, the undo stack, and a
/// write-behind queue that sends each change to the catalog through the DatasetStoreWorker as
/// it is made (committed a few milliseconds later, off the GUI thread, in the order made;
/// nothing waits for a save button). The document's own ids of annotations stay the same
/// through undo and redo; the map from them to the catalog's ids lives on the worker.
class AnnotationDocument : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationDocument)

public:
    ~AnnotationDocument() override;

    /// Where changes are written; null keeps them in memory (canvas tests).
    void setWorker(DatasetStoreWorker *worker);
    DatasetStoreWorker *worker() const { return m_worker; }
    /// The person labeling: author of new annotations, reviewer of reviews.
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    const DatasetItem &item() const { return m_item; }
    bool hasItem() const { return m_item.id != 0; }
    QUndoStack *undoStack() { return &m_undo; }

    /// Records a review of the item (not undoable): \a verdict Reviewed or Rejected, with
    /// \a comment.
    void review(ItemStatus verdict, const QString &comment);

    /// Writes queued and not yet acknowledged: the document is modified while this is > 0.
    int pendingWrites() const { return m_pendingWrites; }
    /// Blocks (processing events) until every change is committed (tests, benchmarks).
    bool waitForSaved(int msecs = 30000);

Q_SIGNALS:
    /// A change reached the catalog (\a pending still on their way).
    void saved(int pending);
    /// A change was refused by the catalog; \a message says why.
    void saveFailed(const QString &message);

protected:
    explicit AnnotationDocument(QObject *parent = nullptr);

    /// The document's id of an annotation → the catalog's; used on the worker only.
    using IdMap = QHash<qint64, qint64>;
    /// Starts showing \a item: clears the undo stack and starts a new id map (writes still
    /// queued for the previous item keep theirs).
    void beginLoad(const DatasetItem &item);
    /// Records that the document's \a id is the catalog's \a annotationId (while loading).
    void mapId(qint64 id, qint64 annotationId) { m_catalogIds->insert(id, annotationId); }
    /// Queues \a work after the writes queued before it (nothing without a worker or item).
    /// When it has run, saveFailed() (if it failed), itemWritten() and saved() follow on this
    /// document's thread, unless the document is gone by then.
    void queueWrite(std::function<Status(DatasetContext &, IdMap &)> work);
    /// The item as the catalog has it after a write (its status may have changed).
    virtual void itemWritten(const DatasetItem &item) = 0;

    DatasetItem m_item;

private:
    DatasetStoreWorker *m_worker = nullptr;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    QString m_author;
    std::shared_ptr<IdMap> m_catalogIds;
    QUndoStack m_undo;
    int m_pendingWrites = 0;
};

} // namespace atelier
