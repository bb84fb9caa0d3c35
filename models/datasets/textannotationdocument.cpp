#include "datasets/textannotationdocument.h"

#include "datasets/datasetstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace atelier {

TextAnnotationDocument::TextAnnotationDocument(QObject *parent)
    : QObject(parent), m_catalogIds(std::make_shared<IdMap>())
{
}

TextAnnotationDocument::~TextAnnotationDocument()
{
    if (m_worker)
        m_worker->retire(m_receiver);
}

void TextAnnotationDocument::setWorker(DatasetStoreWorker *worker)
{
    if (m_worker)
        m_worker->retire(m_receiver);
    m_worker = worker;
    m_receiver = worker ? worker->receiver(this) : nullptr;
}

void TextAnnotationDocument::load(const DatasetInfo &dataset, const DatasetItem &item,
                                  const QList<Annotation> &annotations)
{
    m_undo.clear();
    m_dataset = dataset;
    m_item = item;
    m_annotations.clear();
    m_order.clear();
    // A new map for the new item: writes still queued for the previous one keep theirs.
    m_catalogIds = std::make_shared<IdMap>();
    for (Annotation annotation : annotations) {
        if (annotation.state == AnnotationState::Rejected)
            continue;
        const qint64 key = newKey();
        m_catalogIds->insert(key, annotation.id);
        annotation.id = key;
        m_annotations.insert(key, annotation);
        m_order.append(key);
    }
    Q_EMIT reset();
}

void TextAnnotationDocument::clear()
{
    load(DatasetInfo{}, DatasetItem{}, {});
}

const Annotation *TextAnnotationDocument::annotation(qint64 key) const
{
    const auto it = m_annotations.constFind(key);
    return it == m_annotations.cend() ? nullptr : &it.value();
}

QList<Annotation> TextAnnotationDocument::visible(bool everyAuthor) const
{
    QList<Annotation> shown;
    for (const qint64 key : m_order) {
        const Annotation &annotation = m_annotations[key];
        if (annotation.state == AnnotationState::Suggested ||
            (annotation.state == AnnotationState::Accepted &&
             (everyAuthor || annotation.author == m_author)))
            shown.append(annotation);
    }
    return shown;
}

QStringList TextAnnotationDocument::tags() const
{
    QStringList labels;
    for (const qint64 key : m_order) {
        const Annotation &annotation = m_annotations[key];
        if (annotation.kind == AnnotationKind::Tag &&
            annotation.state == AnnotationState::Accepted && annotation.author == m_author &&
            !labels.contains(annotation.label))
            labels.append(annotation.label);
    }
    return labels;
}

std::optional<Annotation> TextAnnotationDocument::pairJudgement() const
{
    for (const qint64 key : m_order) {
        const Annotation &annotation = m_annotations[key];
        if (annotation.kind == AnnotationKind::Pair &&
            annotation.state == AnnotationState::Accepted && annotation.author == m_author)
            return annotation;
    }
    return std::nullopt;
}

QList<Annotation> TextAnnotationDocument::suggestions() const
{
    QList<Annotation> pending;
    for (const qint64 key : m_order) {
        const Annotation &annotation = m_annotations[key];
        if (annotation.state == AnnotationState::Suggested)
            pending.append(annotation);
    }
    std::stable_sort(pending.begin(), pending.end(), [](const Annotation &a, const Annotation &b) {
        return a.score().value_or(-1.0) > b.score().value_or(-1.0);
    });
    return pending;
}

int TextAnnotationDocument::suggestionCount() const
{
    int count = 0;
    for (const Annotation &annotation : m_annotations)
        count += annotation.state == AnnotationState::Suggested ? 1 : 0;
    return count;
}

void TextAnnotationDocument::insertAnnotation(const Annotation &annotation)
{
    if (m_annotations.contains(annotation.id))
        return;
    m_annotations.insert(annotation.id, annotation);
    m_order.append(annotation.id);
    Q_EMIT annotationInserted(annotation.id);
    const qint64 itemId = m_item.id;
    queueWrite([annotation, itemId](DatasetStore &store, IdMap &ids) -> Status {
        Annotation record = annotation;
        record.id = 0;
        auto added = store.addAnnotation(itemId, record);
        if (!added)
            return added.error();
        ids.insert(annotation.id, added->id);
        return {};
    });
}

void TextAnnotationDocument::removeAnnotation(qint64 key)
{
    if (!m_annotations.contains(key))
        return;
    m_annotations.remove(key);
    m_order.removeOne(key);
    Q_EMIT annotationRemoved(key);
    queueWrite([key](DatasetStore &store, IdMap &ids) -> Status {
        const qint64 annotationId = ids.take(key);
        if (annotationId == 0)
            return {}; // its insert was refused: nothing to remove
        return store.removeAnnotation(annotationId);
    });
}

void TextAnnotationDocument::replaceAnnotation(const Annotation &annotation)
{
    const auto it = m_annotations.find(annotation.id);
    if (it == m_annotations.end())
        return;
    const Annotation before = *it;
    *it = annotation;
    Q_EMIT annotationChanged(annotation.id);
    const qint64 itemId = m_item.id;
    queueWrite([before, annotation, itemId](DatasetStore &store, IdMap &ids) -> Status {
        const qint64 key = annotation.id;
        const qint64 annotationId = ids.value(key);
        if (annotationId == 0)
            return makeError(ErrorCode::NotFound,
                             TextAnnotationDocument::tr("The changed annotation was never saved; "
                                                        "reopen the item and label it again."));
        const bool sameShape =
            before.label == annotation.label && before.geometry == annotation.geometry;
        if (before.state == AnnotationState::Suggested &&
            annotation.state == AnnotationState::Accepted && sameShape) {
            auto accepted = store.acceptSuggestion(annotationId, annotation.author);
            return accepted ? Status() : Status(accepted.error());
        }
        if (before.state == AnnotationState::Suggested &&
            annotation.state == AnnotationState::Rejected)
            return store.rejectSuggestion(annotationId, annotation.author);
        Annotation record = annotation;
        if (before.author == annotation.author) {
            record.id = annotationId;
            auto updated = store.updateAnnotation(record);
            return updated ? Status() : Status(updated.error());
        }
        // Another author (a suggestion accepted with a change, an acceptance undone): the
        // catalog keeps one author per record, so the record is made again.
        if (const Status removed = store.removeAnnotation(annotationId); !removed)
            return removed;
        ids.remove(key);
        record.id = 0;
        auto added = store.addAnnotation(itemId, record);
        if (!added)
            return added.error();
        ids.insert(key, added->id);
        return {};
    });
}

void TextAnnotationDocument::queueWrite(std::function<Status(DatasetStore &, IdMap &)> work)
{
    if (!m_worker || m_item.id == 0)
        return;
    ++m_pendingWrites;
    const qint64 itemId = m_item.id;
    DatasetStoreWorker *worker = m_worker;
    m_worker->write([work = std::move(work), ids = m_catalogIds, itemId, worker,
                     receiver = m_receiver](DatasetStore &store) {
        const Status status = work(store, *ids);
        auto item = store.item(itemId);
        const QString error = status ? QString() : status.error().message;
        std::optional<DatasetItem> updated;
        if (item)
            updated = item.value();
        worker->post(receiver, [receiver, updated, error] {
            auto *self = static_cast<TextAnnotationDocument *>(receiver->object);
            --self->m_pendingWrites;
            if (!error.isEmpty())
                Q_EMIT self->saveFailed(error);
            if (updated) {
                if (updated->id == self->m_item.id)
                    self->m_item = *updated;
                Q_EMIT self->itemUpdated(*updated);
            }
            Q_EMIT self->saved(self->m_pendingWrites);
        });
    });
}

void TextAnnotationDocument::review(ItemStatus verdict, const QString &comment)
{
    const QString reviewer = m_author;
    queueWrite([verdict, comment, reviewer, itemId = m_item.id](DatasetStore &store, IdMap &) {
        return store.review(itemId, verdict, comment, reviewer);
    });
}

bool TextAnnotationDocument::waitForSaved(int msecs)
{
    QDeadlineTimer deadline(msecs);
    while (m_pendingWrites > 0) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

} // namespace atelier
