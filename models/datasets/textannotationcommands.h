#pragma once

#include "datasets/textannotationdocument.h"

#include <QUndoCommand>

#include <optional>

namespace atelier {

/// Ids of the text annotation commands (QUndoCommand::id()).
enum class TextCommandId { SetAnnotations = 1200 };

/// Changes annotations by key from \a before to \a after (each side: absent = no annotation):
/// add a span, relabel, delete, accept or reject a suggestion, set tags, judge a pair. One
/// command per gesture; several keys change together (a new tag set).
class SetTextAnnotationsCommand final : public QUndoCommand
{
public:
    struct Change
    {
        qint64 key = 0;
        std::optional<Annotation> before;
        std::optional<Annotation> after;
    };
    SetTextAnnotationsCommand(TextAnnotationDocument *document, QList<Change> changes,
                              const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(TextCommandId::SetAnnotations); }

private:
    void apply(qint64 key, const std::optional<Annotation> &to);

    TextAnnotationDocument *m_document;
    QList<Change> m_changes;
};

/// Builders of the commands one gesture pushes (null when there is nothing to change).
namespace TextCommands {
/// A new accepted span by the document's author.
QUndoCommand *addSpan(TextAnnotationDocument *document, const QString &label, qint64 start,
                      qint64 end);
QUndoCommand *relabel(TextAnnotationDocument *document, qint64 key, const QString &label);
QUndoCommand *remove(TextAnnotationDocument *document, qint64 key);
/// The suggestion becomes accepted by the document's author, its source kept.
QUndoCommand *accept(TextAnnotationDocument *document, qint64 key);
/// The suggestion becomes rejected (kept for audit).
QUndoCommand *reject(TextAnnotationDocument *document, qint64 key);
/// Makes \a labels the author's accepted tags (suggestions of those labels are accepted).
QUndoCommand *setTags(TextAnnotationDocument *document, const QStringList &labels);
/// The author's pair judgement: \a label ("similar" / "not_similar") and/or a 0–1 score.
QUndoCommand *setPair(TextAnnotationDocument *document, const QString &label,
                      std::optional<double> score);
} // namespace TextCommands

} // namespace atelier
