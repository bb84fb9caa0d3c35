#include "pipeline/graphcommands.h"

#include "pipeline/graphmodel.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// "params.n_estimators" → "n_estimators"; "skip" → "skip".
QString fieldName(const QString &property)
{
    const qsizetype dot = property.indexOf(u'.');
    return dot < 0 ? property : property.mid(dot + 1);
}

/// A property as the editors show it: a parameter by its template label ("Trees", not
/// "n_estimators"), a setting by its field label.
QString fieldLabel(const GraphModel *model, const QString &nodeId, const QString &property)
{
    const QString field = fieldName(property);
    if (property.startsWith(u"params."_s)) {
        const TemplateSpec *spec = model->templateOf(nodeId);
        const ParamSpec *param = spec ? spec->param(field) : nullptr;
        return param && !param->label.isEmpty() ? param->label : field;
    }
    if (field == u"cpus"_s)
        return ChangeValueCommand::tr("CPUs");
    if (field == u"memory_mb"_s)
        return ChangeValueCommand::tr("memory");
    if (field == u"gpus"_s)
        return ChangeValueCommand::tr("GPUs");
    if (field == u"timeout_s"_s)
        return ChangeValueCommand::tr("timeout");
    return field;
}

} // namespace

// --- ChangeValueCommand ----------------------------------------------------------------------

ChangeValueCommand::ChangeValueCommand(GraphModel *model, const QString &nodeId,
                                       const QString &property, const QJsonValue &value,
                                       bool mergeable, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_nodeId(nodeId), m_property(property),
      m_old(model->value(nodeId, property)), m_new(value), m_mergeable(mergeable)
{
    const NodeSpec *node = nodeId.isEmpty() ? nullptr : model->node(nodeId);
    const QString nodeName = node && !node->name.isEmpty() ? node->name : nodeId;
    setText(nodeId.isEmpty()
                ? tr("Change the pipeline's %1").arg(fieldName(property))
                : tr("Change %1 of %2").arg(fieldLabel(model, nodeId, property), nodeName));
}

bool ChangeValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeValueCommand *>(other);
    if (!next->m_mergeable || next->m_model != m_model || next->m_nodeId != m_nodeId ||
        next->m_property != m_property)
        return false;
    m_new = next->m_new;
    setObsolete(m_new == m_old);
    return true;
}

void ChangeValueCommand::undo()
{
    m_model->applyValue(m_nodeId, m_property, m_old);
}

void ChangeValueCommand::redo()
{
    m_model->applyValue(m_nodeId, m_property, m_new);
}

// --- InsertItemsCommand ----------------------------------------------------------------------

InsertItemsCommand::InsertItemsCommand(GraphModel *model, GraphFragment items, GraphCommandId id,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_items(std::move(items)), m_id(id)
{
}

void InsertItemsCommand::redo()
{
    for (const NodeSpec &node : std::as_const(m_items.nodes))
        m_model->insertNodeAt(-1, node, m_items.positions.value(node.id));
    for (const EdgeSpec &edge : std::as_const(m_items.edges))
        m_model->insertEdgeAt(-1, edge);
    for (const NoteSpec &note : std::as_const(m_items.notes))
        m_model->insertNoteAt(-1, note);
}

void InsertItemsCommand::undo()
{
    for (auto it = m_items.notes.crbegin(); it != m_items.notes.crend(); ++it)
        m_model->removeNote(it->id);
    for (auto it = m_items.edges.crbegin(); it != m_items.edges.crend(); ++it)
        m_model->removeEdge(*it);
    for (auto it = m_items.nodes.crbegin(); it != m_items.nodes.crend(); ++it)
        m_model->removeNode(it->id);
}

// --- RemoveItemsCommand ----------------------------------------------------------------------

RemoveItemsCommand::RemoveItemsCommand(GraphModel *model, const QStringList &nodeIds,
                                       const QList<EdgeSpec> &edges, const QStringList &noteIds,
                                       QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model)
{
    QSet<QString> nodes;
    for (const QString &id : nodeIds) {
        if (model->hasNode(id))
            nodes.insert(id);
    }
    QSet<EdgeSpec> wanted(edges.cbegin(), edges.cend());
    for (const QString &id : std::as_const(nodes)) {
        for (const EdgeSpec &edge : model->edgesOf(id))
            wanted.insert(edge);
    }
    // One pass over the document for the indexes, in ascending order.
    const QList<EdgeSpec> &all = model->edges();
    for (qsizetype i = 0; i < all.size() && !wanted.isEmpty(); ++i) {
        if (wanted.remove(all[i]))
            m_edges.append({i, all[i]});
    }
    const QList<NodeSpec> &allNodes = model->nodes();
    for (qsizetype i = 0; i < allNodes.size(); ++i) {
        if (nodes.contains(allNodes[i].id)) {
            m_nodes.append({i, allNodes[i]});
            m_positions.insert(allNodes[i].id, model->position(allNodes[i].id));
        }
    }
    const QSet<QString> notes(noteIds.cbegin(), noteIds.cend());
    const QList<NoteSpec> &allNotes = model->notes();
    for (qsizetype i = 0; i < allNotes.size(); ++i) {
        if (notes.contains(allNotes[i].id))
            m_notes.append({i, allNotes[i]});
    }

    const qsizetype count = m_nodes.size() + m_notes.size();
    if (m_nodes.size() == 1 && m_notes.isEmpty())
        setText(tr("Delete %1").arg(m_nodes.first().second.id));
    else if (count > 0)
        setText(tr("Delete %n item(s)", nullptr, int(count)));
    else
        setText(tr("Delete %n link(s)", nullptr, int(m_edges.size())));
}

bool RemoveItemsCommand::isEmpty() const
{
    return m_nodes.isEmpty() && m_edges.isEmpty() && m_notes.isEmpty();
}

void RemoveItemsCommand::redo()
{
    // Highest index first, so the lower indexes stay right.
    for (auto it = m_edges.crbegin(); it != m_edges.crend(); ++it)
        m_model->removeEdgeAt(it->first);
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        m_model->removeNode(it->second.id);
    for (auto it = m_notes.crbegin(); it != m_notes.crend(); ++it)
        m_model->removeNote(it->second.id);
}

void RemoveItemsCommand::undo()
{
    for (const auto &[index, node] : std::as_const(m_nodes))
        m_model->insertNodeAt(index, node, m_positions.value(node.id));
    for (const auto &[index, edge] : std::as_const(m_edges))
        m_model->insertEdgeAt(index, edge);
    for (const auto &[index, note] : std::as_const(m_notes))
        m_model->insertNoteAt(index, note);
}

// --- MoveItemsCommand ------------------------------------------------------------------------

MoveItemsCommand::MoveItemsCommand(GraphModel *model, QMap<QString, QPointF> from,
                                   QMap<QString, QPointF> to, GraphCommandId id,
                                   QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_from(std::move(from)), m_to(std::move(to)), m_id(id)
{
    if (id == GraphCommandId::AutoLayout)
        setText(tr("Auto-layout"));
    else if (m_to.size() == 1)
        setText(tr("Move %1").arg(m_to.firstKey()));
    else
        setText(tr("Move %n item(s)", nullptr, int(m_to.size())));
}

void MoveItemsCommand::undo()
{
    for (auto it = m_from.cbegin(); it != m_from.cend(); ++it)
        m_model->setPosition(it.key(), it.value());
}

void MoveItemsCommand::redo()
{
    for (auto it = m_to.cbegin(); it != m_to.cend(); ++it)
        m_model->setPosition(it.key(), it.value());
}

// --- ChangeNoteTextCommand -------------------------------------------------------------------

ChangeNoteTextCommand::ChangeNoteTextCommand(GraphModel *model, const QString &noteId,
                                             const QString &text, bool mergeable,
                                             QUndoCommand *parent)
    : QUndoCommand(tr("Edit a note"), parent), m_model(model), m_noteId(noteId), m_new(text),
      m_mergeable(mergeable)
{
    if (const NoteSpec *note = model->note(noteId))
        m_old = note->text;
}

bool ChangeNoteTextCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeNoteTextCommand *>(other);
    if (!next->m_mergeable || next->m_model != m_model || next->m_noteId != m_noteId)
        return false;
    m_new = next->m_new;
    setObsolete(m_new == m_old);
    return true;
}

void ChangeNoteTextCommand::undo()
{
    if (const NoteSpec *note = m_model->note(m_noteId)) {
        NoteSpec changed = *note;
        changed.text = m_old;
        m_model->replaceNote(changed);
    }
}

void ChangeNoteTextCommand::redo()
{
    if (const NoteSpec *note = m_model->note(m_noteId)) {
        NoteSpec changed = *note;
        changed.text = m_new;
        m_model->replaceNote(changed);
    }
}

// --- ChangeNoteGeometryCommand ---------------------------------------------------------------

ChangeNoteGeometryCommand::ChangeNoteGeometryCommand(GraphModel *model, const QString &noteId,
                                                     QPointF pos, QSizeF size, QUndoCommand *parent)
    : QUndoCommand(tr("Resize a note"), parent), m_model(model), m_noteId(noteId), m_newPos(pos),
      m_newSize(size)
{
    if (const NoteSpec *note = model->note(noteId)) {
        m_oldPos = note->pos;
        m_oldSize = note->size;
    }
}

void ChangeNoteGeometryCommand::undo()
{
    if (const NoteSpec *note = m_model->note(m_noteId)) {
        NoteSpec changed = *note;
        changed.pos = m_oldPos;
        changed.size = m_oldSize;
        m_model->replaceNote(changed);
    }
}

void ChangeNoteGeometryCommand::redo()
{
    if (const NoteSpec *note = m_model->note(m_noteId)) {
        NoteSpec changed = *note;
        changed.pos = m_newPos;
        changed.size = m_newSize;
        m_model->replaceNote(changed);
    }
}

} // namespace atelier
