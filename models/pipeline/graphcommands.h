#pragma once

#include "pipeline/pipelineclipboard.h"
#include "pipeline/pipelinedocument.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QUndoCommand>

namespace atelier {

class GraphModel;

/// Ids of the canvas's undo commands (QUndoCommand::id(); only ChangeValue and ChangeNote
/// merge).
enum class GraphCommandId : int {
    ChangeValue = 1,
    AddNode,
    AddNodeConnected,
    AddEdge,
    RemoveItems,
    MoveItems,
    Paste,
    Duplicate,
    AutoLayout,
    AddNote,
    ChangeNoteText,
    ChangeNoteGeometry,
    Reconnect, ///< a GraphMacroCommand: RemoveItems + AddEdge
};

/// A compound step made of child commands (redo in order, undo in reverse) with a command id.
class GraphMacroCommand final : public QUndoCommand
{
public:
    GraphMacroCommand(GraphCommandId id, const QString &text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent), m_id(id)
    {
    }
    int id() const override { return int(m_id); }

private:
    GraphCommandId m_id;
};

/// Sets one value of a node or of the pipeline by property path (Tiled's ChangeValue). Merges
/// with the next command only when that one continues the gesture (mergeable) and targets the
/// same node and property; obsolete when the value is back where it started.
class ChangeValueCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ChangeValueCommand)

public:
    ChangeValueCommand(GraphModel *model, const QString &nodeId, const QString &property,
                       const QJsonValue &value, bool mergeable, QUndoCommand *parent = nullptr);

    int id() const override { return int(GraphCommandId::ChangeValue); }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

    QString nodeId() const { return m_nodeId; }
    QString property() const { return m_property; }

private:
    GraphModel *m_model;
    QString m_nodeId;
    QString m_property;
    QJsonValue m_old;
    QJsonValue m_new;
    bool m_mergeable;
};

/// Inserts nodes, links and notes at their positions; undo removes them. Used for AddNode,
/// AddNodeConnected, AddEdge, Paste, Duplicate and AddNote (the id tells which).
class InsertItemsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(InsertItemsCommand)

public:
    InsertItemsCommand(GraphModel *model, GraphFragment items, GraphCommandId id,
                       const QString &text, QUndoCommand *parent = nullptr);

    int id() const override { return int(m_id); }
    void undo() override;
    void redo() override;

    const GraphFragment &items() const { return m_items; }

private:
    GraphModel *m_model;
    GraphFragment m_items;
    GraphCommandId m_id;
};

/// Removes nodes with every link touching them, other links and notes, as one step; undo puts
/// everything back at its former index (the saved file is byte-identical after undo).
class RemoveItemsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveItemsCommand)

public:
    RemoveItemsCommand(GraphModel *model, const QStringList &nodeIds, const QList<EdgeSpec> &edges,
                       const QStringList &noteIds, QUndoCommand *parent = nullptr);

    int id() const override { return int(GraphCommandId::RemoveItems); }
    void undo() override;
    void redo() override;

    /// Nothing to remove (unknown ids): do not push it.
    bool isEmpty() const;

private:
    GraphModel *m_model;
    QList<QPair<qsizetype, NodeSpec>> m_nodes; // ascending index
    QList<QPair<qsizetype, EdgeSpec>> m_edges; // ascending index
    QList<QPair<qsizetype, NoteSpec>> m_notes; // ascending index
    QMap<QString, QPointF> m_positions;
};

/// Moves nodes and notes from their press positions to their release positions (MoveItems),
/// or to computed ones (AutoLayout). Never merges: one drag, one step.
class MoveItemsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveItemsCommand)

public:
    MoveItemsCommand(GraphModel *model, QMap<QString, QPointF> from, QMap<QString, QPointF> to,
                     GraphCommandId id = GraphCommandId::MoveItems, QUndoCommand *parent = nullptr);

    int id() const override { return int(m_id); }
    void undo() override;
    void redo() override;

private:
    GraphModel *m_model;
    QMap<QString, QPointF> m_from;
    QMap<QString, QPointF> m_to;
    GraphCommandId m_id;
};

/// Changes a note's text; merges like ChangeValueCommand (typing is one step).
class ChangeNoteTextCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ChangeNoteTextCommand)

public:
    ChangeNoteTextCommand(GraphModel *model, const QString &noteId, const QString &text,
                          bool mergeable, QUndoCommand *parent = nullptr);

    int id() const override { return int(GraphCommandId::ChangeNoteText); }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    GraphModel *m_model;
    QString m_noteId;
    QString m_old;
    QString m_new;
    bool m_mergeable;
};

/// Moves and resizes a note (a resize gesture, pushed at release).
class ChangeNoteGeometryCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ChangeNoteGeometryCommand)

public:
    ChangeNoteGeometryCommand(GraphModel *model, const QString &noteId, QPointF pos, QSizeF size,
                              QUndoCommand *parent = nullptr);

    int id() const override { return int(GraphCommandId::ChangeNoteGeometry); }
    void undo() override;
    void redo() override;

private:
    GraphModel *m_model;
    QString m_noteId;
    QPointF m_oldPos;
    QSizeF m_oldSize;
    QPointF m_newPos;
    QSizeF m_newSize;
};

} // namespace atelier
