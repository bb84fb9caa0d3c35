#pragma once

#include "core/result.h"
#include "pipeline/autolayout.h"
#include "pipeline/pipelineclipboard.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/templatelibrary.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QUndoStack;

namespace atelier {

/// One end of a link: a port of a node, an output or an input.
struct PortRef
{
    QString node;
    QString port;
    bool output = false;

    bool isValid() const { return !node.isEmpty() && !port.isEmpty(); }
    bool operator==(const PortRef &) const = default;
};

/// The pipeline being edited on the canvas, id-based like QtNodes' AbstractGraphModel: nodes
/// (by NodeSpec::id), links (by EdgeSpec), sticky notes (by NoteSpec::id), positions, the
/// pipeline's own fields. It owns the document, its QUndoStack and the modified state (the
/// stack is not clean). Every edit method pushes one undo command (one step per gesture); the
/// ui never changes the document otherwise. No QWidget crosses into it.
///
/// Values are addressed by a property path (see value()):
///   node:     "name", "template", "params.<param>", "resources",
///   "resources.<cpus|memory_mb|gpus>",
///             "retries", "timeout_s", "skip", "pool"
///   pipeline (empty node id): "name", "description", "variables" (object), "schedule",
///             "sweep" (the pipeline format's schedule / sweep object, or null for none)
/// An undefined QJsonValue removes the value (a param goes back to its default).
class GraphModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphModel)

public:
    explicit GraphModel(TemplateLibrary library = {}, QObject *parent = nullptr);
    ~GraphModel() override;

    // --- Document -------------------------------------------------------------------------

    /// Replaces everything (open, restore): clears the undo stack, marks clean, emits reset().
    /// Nodes without a position are laid out (AutoLayout beside the placed ones).
    void setDocument(PipelineDocument doc);
    /// The current document, layout and notes included; what a save writes.
    const PipelineDocument &document() const { return m_doc; }
    const TemplateLibrary &library() const { return m_library; }
    /// Changes the templates (ports and params are looked up again); emits reset().
    void setLibrary(TemplateLibrary library);
    QUndoStack *undoStack() const { return m_undoStack.get(); }
    /// True when there are edits since the last setDocument() or setClean().
    bool isModified() const;
    /// After a save: the current state is the saved one.
    void setClean();

    // --- Queries --------------------------------------------------------------------------

    const NodeSpec *node(const QString &id) const;
    bool hasNode(const QString &id) const { return m_nodeIndex.contains(id); }
    const QList<NodeSpec> &nodes() const { return m_doc.nodes; }
    QStringList nodeIds() const;
    const QList<EdgeSpec> &edges() const { return m_doc.edges; }
    bool hasEdge(const EdgeSpec &edge) const;
    /// Links into and out of \a node (O(degree)).
    QList<EdgeSpec> edgesOf(const QString &node) const;
    QList<EdgeSpec> inEdges(const QString &node) const { return m_in.value(node); }
    QList<EdgeSpec> outEdges(const QString &node) const { return m_out.value(node); }
    /// The link into an input port, if any (an input takes one).
    std::optional<EdgeSpec> edgeInto(const QString &node, const QString &port) const;
    /// Top-left corner of a node or a note; (0, 0) when unknown.
    QPointF position(const QString &id) const;

    /// The node's template, resolved through the library and cached; nullptr when unknown.
    const TemplateSpec *templateOf(const QString &nodeId) const;
    /// A template by reference ("id@version" or "id"), cached; nullptr when unknown.
    const TemplateSpec *templateFor(const QString &ref) const;
    QList<PortSpec> inputs(const QString &nodeId) const;
    QList<PortSpec> outputs(const QString &nodeId) const;
    /// The type of a port ("table", "any", …); empty when the node or port is unknown.
    QString portType(const PortRef &port) const;
    /// NodeMetrics::sizeFor() the node's ports.
    QSizeF defaultNodeSize(const QString &nodeId) const;

    /// Why \a edge may not be added, or an empty string when it may: unknown node or port,
    /// a self-loop, incompatible port types, the input already linked, a duplicate, or a cycle
    /// (the message names it: "a → b → c → a").
    QString canConnect(const EdgeSpec &edge) const;
    /// The same for two port ends given in either order (one output, one input).
    QString canConnect(const PortRef &a, const PortRef &b) const;
    /// canConnect() as if \a replaced were gone (moving one end of an existing link).
    QString canReconnect(const EdgeSpec &replaced, const EdgeSpec &edge) const;
    /// Every port a link dragged from \a dragged may end on (for dimming the others). One pass
    /// over the graph, not a cycle search per port.
    QList<PortRef> compatiblePorts(const PortRef &dragged) const;
    /// References ("id@version", newest versions) of templates with a port that a link
    /// dragged from \a dangling could reach, for quick-add filtering; sorted like the library.
    QStringList compatibleTemplates(const PortRef &dangling) const;
    /// The first port of \a templateRef that fits \a dangling (an input when dangling is an
    /// output, and the reverse); empty when none.
    QString compatiblePortOf(const QString &templateRef, const PortRef &dangling) const;

    /// The value at a property path (see the class comment); undefined when not set. For a
    /// param that is not set this is undefined too; see effectiveValue().
    QJsonValue value(const QString &nodeId, const QString &property) const;
    /// The value, or the template's default for a param or a resource.
    QJsonValue effectiveValue(const QString &nodeId, const QString &property) const;
    /// Why \a value does not fit the property of that node (type, required, range, choices,
    /// regex, undefined {{variables}}, resources, negative retries…), or an empty string. The
    /// same rules as PipelineValidator (shared code, PipelineValidator::checkField).
    QString checkValue(const QString &nodeId, const QString &property,
                       const QJsonValue &value) const;
    /// PipelineValidator::validate() of the current document.
    QList<ValidationIssue> validate() const;

    const QList<NoteSpec> &notes() const { return m_doc.notes; }
    const NoteSpec *note(const QString &id) const;
    bool hasNote(const QString &id) const { return note(id) != nullptr; }

    /// An id, made of \a base ("sklearn-train" → "sklearn-train", "sklearn-train-2", …), used
    /// by no node and no note and not in \a reserved.
    QString uniqueNodeId(const QString &base, const QSet<QString> &reserved = {}) const;
    /// "note-1", "note-2", … not used by a note or a node nor in \a reserved.
    QString uniqueNoteId(const QSet<QString> &reserved = {}) const;

    // --- Edits: each pushes one undo step ------------------------------------------------

    /// Adds a node of \a templateRef at \a pos (top-left corner); its id is made unique from
    /// \a preferredId or the template id. Returns the new id; refuses an unknown template.
    Result<QString> addNode(const QString &templateRef, QPointF pos,
                            const QString &preferredId = {});
    /// Quick-add from a dangling link: adds the node and links it to \a dangling through its
    /// first compatible port, as one undo step. Returns the new id.
    Result<QString> addNodeConnected(const QString &templateRef, QPointF pos,
                                     const PortRef &dangling);
    /// Adds a link; refused with canConnect()'s reason, nothing pushed then.
    Status connectPorts(const EdgeSpec &edge);
    /// Moves an end of a link: \a replaced goes and \a edge comes, as one "Move link" step;
    /// refused with canReconnect()'s reason (nothing pushed) or when \a replaced is unknown.
    Status reconnect(const EdgeSpec &replaced, const EdgeSpec &edge);
    /// Removes nodes (with every link touching them), links and notes, as one undo step.
    /// Unknown ids are ignored; nothing is pushed when nothing is left.
    void removeItems(const QStringList &nodeIds, const QList<EdgeSpec> &edges = {},
                     const QStringList &noteIds = {});
    /// One undo step for a finished drag: keys are node or note ids, \a from the positions at
    /// mouse press, \a to at release. Applies \a to (no-op if previewPositions() did already).
    void moveItems(const QMap<QString, QPointF> &from, const QMap<QString, QPointF> &to);
    /// Live positions while dragging, not an undo step (emits nodeMoved / noteChanged). The
    /// gesture must end with moveItems(from, to) or, when cancelled, previewPositions(from).
    void previewPositions(const QMap<QString, QPointF> &positions);
    /// Sets a value (see the class comment). \a continuesGesture: this edit continues the
    /// previous one of the same gesture (typing, a spin box held down) and merges with it when
    /// it has the same node and property; the first edit of a gesture passes false.
    /// Refuses an unknown node or property and a value of the wrong JSON kind for the field;
    /// a param value that fails checkValue() is accepted (the panel shows the reason).
    Status setValue(const QString &nodeId, const QString &property, const QJsonValue &value,
                    bool continuesGesture = false);
    /// Pastes a fragment (from this or another pipeline): ids made unique, links between the
    /// pasted nodes remapped, params kept, positions moved by \a offset. Returns the new node
    /// and note ids (to select them). Links to nodes outside the fragment are dropped.
    Result<QStringList> paste(const GraphFragment &fragment, QPointF offset);
    /// Parses clipboard JSON text (PipelineClipboard::fromJson) and pastes it.
    Result<QStringList> pasteText(const QByteArray &text, QPointF offset);
    /// Clipboard JSON text of the selection.
    QByteArray copyText(const QStringList &nodeIds, const QStringList &noteIds = {}) const;
    /// Copies and pastes the selection shifted by \a offset, as a "Duplicate" step.
    QStringList duplicate(const QStringList &nodeIds, const QStringList &noteIds = {},
                          QPointF offset = {40, 40});
    /// Lays every node out (AutoLayout) as one undo step; \a size defaults to
    /// defaultNodeSize(). Nothing is pushed when no node moves.
    void autoLayout(const NodeSizeFunction &size = {}, const AutoLayoutOptions &options = {});
    /// Adds a sticky note; returns its id.
    QString addNote(const QString &text, QPointF pos, QSizeF size = {200, 120});
    /// Edits a note's text; \a continuesGesture as for setValue().
    void setNoteText(const QString &noteId, const QString &text, bool continuesGesture = false);
    /// Moves and resizes a note in one step (a resize handle's gesture, pushed at release).
    void setNoteGeometry(const QString &noteId, QPointF pos, QSizeF size);

    // --- Direct changes, for the undo commands only: they emit, they never push ----------

    void insertNodeAt(qsizetype index, const NodeSpec &node, QPointF pos);
    /// Removes a node that has no links left; returns its index (-1 when unknown).
    qsizetype removeNode(const QString &id);
    void insertEdgeAt(qsizetype index, const EdgeSpec &edge);
    /// Returns the index the link had (-1 when unknown).
    qsizetype removeEdge(const EdgeSpec &edge);
    EdgeSpec removeEdgeAt(qsizetype index);
    qsizetype edgeIndex(const EdgeSpec &edge) const;
    qsizetype nodeIndex(const QString &id) const { return m_nodeIndex.value(id, -1); }
    void insertNoteAt(qsizetype index, const NoteSpec &note);
    qsizetype removeNote(const QString &id);
    qsizetype noteIndex(const QString &id) const;
    void replaceNote(const NoteSpec &note);
    /// Sets the position of a node or a note.
    void setPosition(const QString &id, QPointF pos);
    /// Writes a value without checks beyond the property path; false when the path is unknown.
    bool applyValue(const QString &nodeId, const QString &property, const QJsonValue &value);

Q_SIGNALS:
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeMoved(const QString &id, QPointF pos);
    /// A node field changed; \a property is the path ("params.target", "name", "skip", …).
    /// After "template" the node's ports may differ (links to ports that are gone stay, and
    /// validate() reports them).
    void nodeChanged(const QString &id, const QString &property);
    void edgeAdded(const atelier::EdgeSpec &edge);
    void edgeRemoved(const atelier::EdgeSpec &edge);
    void noteAdded(const QString &id);
    void noteRemoved(const QString &id);
    /// Text, position or size of a note changed.
    void noteChanged(const QString &id);
    /// A field of the pipeline itself changed ("name", "description", "variables", "schedule",
    /// "sweep").
    void pipelineChanged(const QString &property);
    /// Everything changed (setDocument, setLibrary): rebuild views from the model.
    void reset();
    void modifiedChanged(bool modified);

private:
    void rebuildIndexes();
    void reindexNodesFrom(qsizetype index);
    /// Nodes upstream of \a node (its ancestors), \a node included.
    QSet<QString> upstreamOf(const QString &node) const;
    QSet<QString> downstreamOf(const QString &node) const;
    /// A path of links from \a from to \a to, both included; empty when none.
    QStringList pathBetween(const QString &from, const QString &to,
                            const EdgeSpec *ignored = nullptr) const;
    QString checkConnect(const EdgeSpec &edge, const EdgeSpec *ignored) const;
    GraphFragment remapped(const GraphFragment &fragment, QPointF offset) const;

    PipelineDocument m_doc;
    TemplateLibrary m_library;
    std::unique_ptr<QUndoStack> m_undoStack;
    QHash<QString, qsizetype> m_nodeIndex; // id → index in m_doc.nodes
    QHash<QString, QList<EdgeSpec>> m_in;  // node → links into it
    QHash<QString, QList<EdgeSpec>> m_out; // node → links out of it
    // ref → spec, or null when unknown; shared so that handed-out pointers stay valid
    mutable QHash<QString, std::shared_ptr<const TemplateSpec>> m_templates;
};

} // namespace atelier
