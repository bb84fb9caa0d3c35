#include "datasets/textannotationdocument.h"

#include "datasets/annotationstore.h"

#include <algorithm>

namespace atelier {

TextAnnotationDocument::TextAnnotationDocument(QObject *parent) : AnnotationDocument(parent) {}

void TextAnnotationDocument::load(const DatasetInfo &dataset, const DatasetItem &item,
                                  const QList<Annotation> &annotations)
{
    beginLoad(item);
    m_dataset = dataset;
    m_annotations.clear();
    m_order.clear();
    for (Annotation annotation : annotations) {
        if (annotation.state == AnnotationState::Rejected)
            continue;
        const qint64 key = newKey();
        mapId(key, annotation.id);
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
             (everyAuthor || annotation.author == author())))
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
            annotation.state == AnnotationState::Accepted && annotation.author == author() &&
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
            annotation.state == AnnotationState::Accepted && annotation.author == author())
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
    queueWrite([annotation, itemId](DatasetContext &context, IdMap &ids) -> Status {
        Annotation record = annotation;
        record.id = 0;
        auto added = AnnotationStore(context).addAnnotation(itemId, record);
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
    queueWrite([key](DatasetContext &context, IdMap &ids) -> Status {
        const qint64 annotationId = ids.take(key);
        if (annotationId == 0)
            return {}; // its insert was refused: nothing to remove
        return AnnotationStore(context).removeAnnotation(annotationId);
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
    queueWrite([before, annotation, itemId](DatasetContext &context, IdMap &ids) -> Status {
        const qint64 key = annotation.id;
        const qint64 annotationId = ids.value(key);
        if (annotationId == 0)
            return makeError(ErrorCode::NotFound,
                             TextAnnotationDocument::tr("The changed annotation was never saved; "
                                                        "reopen the item and label it again."));
        AnnotationStore annotations(context);
        const bool sameShape =
            before.label == annotation.label && before.geometry == annotation.geometry;
        if (before.state == AnnotationState::Suggested &&
            annotation.state == AnnotationState::Accepted && sameShape) {
            auto accepted = annotations.acceptSuggestion(annotationId, annotation.author);
            return accepted ? Status() : Status(accepted.error());
        }
        if (before.state == AnnotationState::Suggested &&
            annotation.state == AnnotationState::Rejected)
            return annotations.rejectSuggestion(annotationId, annotation.author);
        Annotation record = annotation;
        if (before.author == annotation.author) {
            record.id = annotationId;
            auto updated = annotations.updateAnnotation(record);
            return updated ? Status() : Status(updated.error());
        }
        // Another author (a suggestion accepted with a change, an acceptance undone): the
        // catalog keeps one author per record, so the record is made again.
        if (const Status removed = annotations.removeAnnotation(annotationId); !removed)
            return removed;
        ids.remove(key);
        record.id = 0;
        auto added = annotations.addAnnotation(itemId, record);
        if (!added)
            return added.error();
        ids.insert(key, added->id);
        return {};
    });
}

void TextAnnotationDocument::itemWritten(const DatasetItem &item)
{
    if (item.id == m_item.id)
        m_item = item;
    Q_EMIT itemUpdated(item);
}

} // namespace atelier
