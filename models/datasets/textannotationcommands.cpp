#include "datasets/textannotationcommands.h"

#include <QCoreApplication>

namespace atelier {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TextCommands)
};

using Change = SetTextAnnotationsCommand::Change;

std::optional<Annotation> current(TextAnnotationDocument *document, qint64 key)
{
    const Annotation *found = document->annotation(key);
    if (found == nullptr)
        return std::nullopt;
    return *found;
}

} // namespace

SetTextAnnotationsCommand::SetTextAnnotationsCommand(TextAnnotationDocument *document,
                                                     QList<Change> changes, const QString &text,
                                                     QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_changes(std::move(changes))
{
}

void SetTextAnnotationsCommand::apply(qint64 key, const std::optional<Annotation> &to)
{
    const bool exists = m_document->annotation(key) != nullptr;
    if (!to) {
        if (exists)
            m_document->removeAnnotation(key);
        return;
    }
    Annotation annotation = *to;
    annotation.id = key;
    if (exists)
        m_document->replaceAnnotation(annotation);
    else
        m_document->insertAnnotation(annotation);
}

void SetTextAnnotationsCommand::redo()
{
    for (const Change &change : std::as_const(m_changes))
        apply(change.key, change.after);
}

void SetTextAnnotationsCommand::undo()
{
    for (auto it = m_changes.crbegin(); it != m_changes.crend(); ++it)
        apply(it->key, it->before);
}

namespace TextCommands {

QUndoCommand *addSpan(TextAnnotationDocument *document, const QString &label, qint64 start,
                      qint64 end)
{
    Annotation span = Annotation::span(label, start, end);
    span.author = document->author();
    const qint64 key = document->newKey();
    return new SetTextAnnotationsCommand(document, {{key, std::nullopt, span}},
                                         Tr::tr("Add span \"%1\"").arg(label));
}

QUndoCommand *relabel(TextAnnotationDocument *document, qint64 key, const QString &label)
{
    const std::optional<Annotation> before = current(document, key);
    if (!before || before->label == label)
        return nullptr;
    Annotation after = *before;
    after.label = label;
    if (after.state == AnnotationState::Suggested) {
        // Relabeling a suggestion is accepting it with a correction.
        after.state = AnnotationState::Accepted;
        after.author = document->author();
    }
    return new SetTextAnnotationsCommand(document, {{key, before, after}},
                                         Tr::tr("Relabel as \"%1\"").arg(label));
}

QUndoCommand *remove(TextAnnotationDocument *document, qint64 key)
{
    const std::optional<Annotation> before = current(document, key);
    if (!before)
        return nullptr;
    return new SetTextAnnotationsCommand(document, {{key, before, std::nullopt}},
                                         Tr::tr("Delete \"%1\"").arg(before->label));
}

QUndoCommand *accept(TextAnnotationDocument *document, qint64 key)
{
    const std::optional<Annotation> before = current(document, key);
    if (!before || before->state != AnnotationState::Suggested)
        return nullptr;
    Annotation after = *before;
    after.state = AnnotationState::Accepted;
    after.author = document->author();
    return new SetTextAnnotationsCommand(document, {{key, before, after}},
                                         Tr::tr("Accept suggestion \"%1\"").arg(before->label));
}

QUndoCommand *reject(TextAnnotationDocument *document, qint64 key)
{
    const std::optional<Annotation> before = current(document, key);
    if (!before || before->state != AnnotationState::Suggested)
        return nullptr;
    Annotation after = *before;
    after.state = AnnotationState::Rejected;
    return new SetTextAnnotationsCommand(document, {{key, before, after}},
                                         Tr::tr("Reject suggestion \"%1\"").arg(before->label));
}

QUndoCommand *setTags(TextAnnotationDocument *document, const QStringList &labels)
{
    QList<Change> changes;
    QStringList missing = labels;
    for (const qint64 key : document->keys()) {
        const Annotation *annotation = document->annotation(key);
        if (annotation->kind != AnnotationKind::Tag)
            continue;
        const bool mine = annotation->state == AnnotationState::Accepted &&
                          annotation->author == document->author();
        if (mine) {
            if (missing.removeAll(annotation->label) == 0)
                changes.append({key, *annotation, std::nullopt}); // removed first
        }
    }
    // Suggestions of a wanted label are accepted rather than doubled.
    for (const qint64 key : document->keys()) {
        const Annotation *annotation = document->annotation(key);
        if (annotation->kind == AnnotationKind::Tag &&
            annotation->state == AnnotationState::Suggested &&
            missing.removeAll(annotation->label) > 0) {
            Annotation after = *annotation;
            after.state = AnnotationState::Accepted;
            after.author = document->author();
            changes.append({key, *annotation, after});
        }
    }
    for (const QString &label : std::as_const(missing)) {
        Annotation tag = Annotation::tag(label);
        tag.author = document->author();
        changes.append({document->newKey(), std::nullopt, tag});
    }
    if (changes.isEmpty())
        return nullptr;
    return new SetTextAnnotationsCommand(
        document, changes,
        labels.isEmpty() ? Tr::tr("Clear labels") : Tr::tr("Label as %1").arg(labels.join(u", ")));
}

QUndoCommand *setPair(TextAnnotationDocument *document, const QString &label,
                      std::optional<double> score)
{
    Annotation after = Annotation::pair(label, score);
    after.author = document->author();
    const std::optional<Annotation> before = document->pairJudgement();
    if (before && before->label == after.label && before->geometry == after.geometry)
        return nullptr;
    const qint64 key = before ? before->id : document->newKey();
    const QString text =
        score ? Tr::tr("Score %1").arg(*score, 0, 'f', 2) : Tr::tr("Judge pair \"%1\"").arg(label);
    return new SetTextAnnotationsCommand(document, {{key, before, after}}, text);
}

} // namespace TextCommands

} // namespace atelier
