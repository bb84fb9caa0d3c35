#pragma once

#include "core/result.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace atelier {

/// The annotations of one text item being labeled (spans, tags or a pair judgement of every
/// author, suggestions included), keyed by an id of the document's own that stays the same
/// through undo and redo (the catalog gives a new id each time an annotation is added again).
/// Each change is written through the DatasetStoreWorker as it is made, off the GUI thread, and
/// committed a few milliseconds later. Commands (textannotationcommands.h) call the primitive
/// edits by key.
class TextAnnotationDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextAnnotationDocument)

public:
    explicit TextAnnotationDocument(QObject *parent = nullptr);
    ~TextAnnotationDocument() override;

    /// Where changes are written; null keeps them in memory.
    void setWorker(DatasetStoreWorker *worker);
    DatasetStoreWorker *worker() const { return m_worker; }
    /// The person labeling: author of new annotations and of accepted suggestions.
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    /// Shows \a item of \a dataset with \a annotations (rejected ones are left out) and clears
    /// the undo stack.
    void load(const DatasetInfo &dataset, const DatasetItem &item,
              const QList<Annotation> &annotations);
    void clear();
    const DatasetInfo &dataset() const { return m_dataset; }
    const DatasetItem &item() const { return m_item; }
    bool hasItem() const { return m_item.id != 0; }
    QUndoStack *undoStack() { return &m_undo; }

    /// Keys in the order annotations were loaded or added.
    const QList<qint64> &keys() const { return m_order; }
    const Annotation *annotation(qint64 key) const;
    /// Annotations (id = key) that are shown: this author's accepted ones and every pending
    /// suggestion; with \a everyAuthor, other people's accepted ones too.
    QList<Annotation> visible(bool everyAuthor = false) const;
    /// This author's accepted tags (classification).
    QStringList tags() const;
    /// This author's pair judgement (key, annotation), if any.
    std::optional<Annotation> pairJudgement() const;
    /// Suggestions pending, best score first.
    QList<Annotation> suggestions() const;
    int suggestionCount() const;
    qint64 newKey() { return ++m_lastKey; }

    // Primitive edits (used by the undo commands); each is written to the catalog at once.
    void insertAnnotation(const Annotation &annotation); ///< annotation.id is the key
    void removeAnnotation(qint64 key);
    void replaceAnnotation(const Annotation &annotation); ///< annotation.id is the key

    /// Records a review (not undoable): \a verdict Reviewed or Rejected, with \a comment.
    void review(ItemStatus verdict, const QString &comment);

    int pendingWrites() const { return m_pendingWrites; }
    /// Blocks (processing events) until every change is committed (tests, benchmarks).
    bool waitForSaved(int msecs = 30000);

Q_SIGNALS:
    void reset();
    void annotationInserted(qint64 key);
    void annotationRemoved(qint64 key);
    void annotationChanged(qint64 key);
    /// A change reached the catalog (\a pending still on their way).
    void saved(int pending);
    /// A change was refused by the catalog; \a message says why.
    void saveFailed(const QString &message);
    /// The item as the catalog has it after a change (status labeled after the first span, …).
    void itemUpdated(const DatasetItem &item);

private:
    using IdMap = QHash<qint64, qint64>; // key → annotation id, used on the worker only
    void queueWrite(std::function<Status(DatasetStore &, IdMap &)> work);

    DatasetStoreWorker *m_worker = nullptr;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    QString m_author;
    DatasetInfo m_dataset;
    DatasetItem m_item;
    QHash<qint64, Annotation> m_annotations;
    QList<qint64> m_order;
    qint64 m_lastKey = 0;
    std::shared_ptr<IdMap> m_catalogIds;
    QUndoStack m_undo;
    int m_pendingWrites = 0;
};

} // namespace atelier
