#include "datasets/imageannotationcommands.h"

#include <QCoreApplication>

#include <algorithm>

namespace atelier {

AddShapesCommand::AddShapesCommand(ImageAnnotationDocument *document,
                                   const QList<ImageShape> &shapes, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_shapes(shapes)
{
    if (shapes.size() == 1) {
        switch (shapes.first().kind) {
        case AnnotationKind::Box:
            setText(QCoreApplication::translate("ImageAnnotationCommands", "Draw box"));
            break;
        case AnnotationKind::Polygon:
            setText(QCoreApplication::translate("ImageAnnotationCommands", "Draw polygon"));
            break;
        case AnnotationKind::Mask:
            setText(QCoreApplication::translate("ImageAnnotationCommands", "Paint mask"));
            break;
        default:
            setText(QCoreApplication::translate("ImageAnnotationCommands", "Add tag"));
            break;
        }
    } else {
        setText(QCoreApplication::translate("ImageAnnotationCommands", "Add %n shape(s)", nullptr,
                                            int(shapes.size())));
    }
}

void AddShapesCommand::redo()
{
    for (const ImageShape &shape : std::as_const(m_shapes))
        m_document->insertShape(shape);
}

void AddShapesCommand::undo()
{
    for (auto it = m_shapes.crbegin(); it != m_shapes.crend(); ++it)
        m_document->removeShape(it->id);
}

RemoveShapesCommand::RemoveShapesCommand(ImageAnnotationDocument *document,
                                         const QList<qint64> &ids, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document)
{
    for (qint64 id : ids) {
        if (const ImageShape *shape = document->shape(id))
            m_removed.append({document->indexOf(id), *shape});
    }
    std::sort(m_removed.begin(), m_removed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    setText(QCoreApplication::translate("ImageAnnotationCommands", "Delete %n shape(s)", nullptr,
                                        int(m_removed.size())));
}

void RemoveShapesCommand::redo()
{
    for (const auto &[index, shape] : std::as_const(m_removed))
        m_document->removeShape(shape.id);
}

void RemoveShapesCommand::undo()
{
    // Ascending z-index: each goes back to the place it had.
    for (const auto &[index, shape] : std::as_const(m_removed))
        m_document->insertShape(shape, index);
}

ChangeShapesCommand::ChangeShapesCommand(ImageAnnotationDocument *document,
                                         const QList<ImageShape> &before,
                                         const QList<ImageShape> &after, const QString &text,
                                         QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_before(before), m_after(after)
{
    if (before == after)
        setObsolete(true);
}

void ChangeShapesCommand::redo()
{
    for (const ImageShape &shape : std::as_const(m_after))
        m_document->replaceShape(shape);
}

void ChangeShapesCommand::undo()
{
    for (const ImageShape &shape : std::as_const(m_before))
        m_document->replaceShape(shape);
}

} // namespace atelier
