#pragma once

#include "core/result.h"
#include "datasets/annotationdocument.h"
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
/// Each change is written behind as it is made (AnnotationDocument). Commands
/// (textannotationcommands.h) call the primitive edits by key.
class TextAnnotationDocument final : public AnnotationDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextAnnotationDocument)

public:
    explicit TextAnnotationDocument(QObject *parent = nullptr);

    /// Shows \a item of \a dataset with \a annotations (rejected ones are left out) and clears
    /// the undo stack.
    void load(const DatasetInfo &dataset, const DatasetItem &item,
              const QList<Annotation> &annotations);
    void clear();
    const DatasetInfo &dataset() const { return m_dataset; }

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

Q_SIGNALS:
    void reset();
    void annotationInserted(qint64 key);
    void annotationRemoved(qint64 key);
    void annotationChanged(qint64 key);
    /// The item as the catalog has it after a change (status labeled after the first span, …).
    void itemUpdated(const DatasetItem &item);

private:
    void itemWritten(const DatasetItem &item) override;

    DatasetInfo m_dataset;
    QHash<qint64, Annotation> m_annotations;
    QList<qint64> m_order;
    qint64 m_lastKey = 0;
};

} // namespace atelier
