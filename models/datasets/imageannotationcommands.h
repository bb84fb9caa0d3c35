#pragma once

#include "datasets/imageannotationdocument.h"

#include <QUndoCommand>

namespace atelier {

/// Ids of the image annotation commands (QUndoCommand::id()).
enum class ImageCommandId { AddShapes = 1100, RemoveShapes, ChangeShapes };

/// Adds shapes (a drawn box or polygon, a tag, shapes copied from the previous image).
class AddShapesCommand final : public QUndoCommand
{
public:
    AddShapesCommand(ImageAnnotationDocument *document, const QList<ImageShape> &shapes,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(ImageCommandId::AddShapes); }

private:
    ImageAnnotationDocument *m_document;
    QList<ImageShape> m_shapes;
};

/// Removes shapes by id; undo puts them back where they were in the z-order.
class RemoveShapesCommand final : public QUndoCommand
{
public:
    RemoveShapesCommand(ImageAnnotationDocument *document, const QList<qint64> &ids,
                        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(ImageCommandId::RemoveShapes); }

private:
    ImageAnnotationDocument *m_document;
    QList<QPair<int, ImageShape>> m_removed; // (z-index, shape), in z-order
};

/// Changes shapes by id from \a before to \a after: a move, a resize, a vertex added, moved or
/// deleted, a new label. One command per gesture.
class ChangeShapesCommand final : public QUndoCommand
{
public:
    ChangeShapesCommand(ImageAnnotationDocument *document, const QList<ImageShape> &before,
                        const QList<ImageShape> &after, const QString &text,
                        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(ImageCommandId::ChangeShapes); }

private:
    ImageAnnotationDocument *m_document;
    QList<ImageShape> m_before;
    QList<ImageShape> m_after;
};

} // namespace atelier
