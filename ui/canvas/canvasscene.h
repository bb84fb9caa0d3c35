#pragma once

#include "canvas/canvasstyle.h"
#include "canvas/nodeitem.h"
#include "pipeline/graphmodel.h"

#include <QDateTime>
#include <QGraphicsScene>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

namespace atelier {

class EdgeItem;
class NoteItem;

/// The graph surface of the pipeline editor. It shows a GraphModel: one item per node, link
/// and note, made and changed only from the model's signals; every edit the user makes here
/// (move, link, delete, paste, drop, note) goes to the model as one undo step. What it keeps
/// of its own is what the model does not hold: selection, the run overlay (task states) and
/// the version-diff overlay.
class CanvasScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasScene)

public:
    explicit CanvasScene(GraphModel *model, QObject *parent = nullptr);
    ~CanvasScene() override;

    GraphModel *model() const { return m_model; }
    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    EdgeItem *edgeItem(const EdgeSpec &edge) const { return m_edges.value(edge); }
    NoteItem *noteItem(const QString &id) const { return m_notes.value(id); }
    qsizetype nodeItemCount() const { return m_nodes.size(); }
    qsizetype edgeItemCount() const { return m_edges.size(); }
    qsizetype noteItemCount() const { return m_notes.size(); }

    QStringList selectedNodeIds() const;
    QStringList selectedNoteIds() const;
    QList<EdgeSpec> selectedEdges() const;
    /// Selects these nodes and notes (and nothing else).
    void selectIds(const QStringList &ids);

    // --- Run overlay ------------------------------------------------------------------------
    /// Shows a task's state on its node; a running node shows the time since \a startedAt,
    /// ticking; \a message (a failure's reason) is in the tooltip.
    void setNodeState(const QString &id, NodeRunState state, const QDateTime &startedAt = {},
                      const QString &message = {});
    /// The same with the catalog's state name ("pending", "running", "succeeded", …).
    void setNodeState(const QString &id, const QString &state, const QDateTime &startedAt = {},
                      const QString &message = {});
    /// 0…1 shows a progress bar on the node; negative hides it.
    void setNodeProgress(const QString &id, double fraction);
    /// Every node back to idle (no run shown).
    void clearNodeStates();

    // --- Version diff overlay ---------------------------------------------------------------
    /// Marks nodes added, removed and changed. Removed ids that the model no longer has are
    /// drawn as ghosts (not editable) at their place in \a before, when given.
    void setDiffMarks(const QStringList &added, const QStringList &removed,
                      const QStringList &changed, const PipelineDocument &before = {});
    void clearDiffMarks();

    // --- Options ----------------------------------------------------------------------------
    void setSnapToGrid(bool snap) { m_snap = snap; }
    bool snapToGrid() const { return m_snap; }
    /// BSP tree index (true) or none (false; for the benchmark's comparison).
    void setIndexingEnabled(bool enabled);
    bool indexingEnabled() const { return itemIndexMethod() == BspTreeIndex; }
    /// Node and note pictures cached per item (DeviceCoordinateCache).
    void setItemCachingEnabled(bool enabled);
    bool itemCachingEnabled() const { return m_caching; }
    /// Leave details out when zoomed out.
    void setLevelOfDetailEnabled(bool enabled);
    bool levelOfDetailEnabled() const { return m_options.levelOfDetail; }
    /// All three of the above.
    void setOptimisationsEnabled(bool enabled);

    /// A drag of \a moving nodes starts: the links not touching them are frozen into the
    /// views' cached background (when item caching is on), so that each move repaints the
    /// moving node and its links only. thawLinks() ends it. Called by a node drag's press and
    /// release; public for the benchmark.
    void freezeLinks(const QList<NodeItem *> &moving);
    void thawLinks();

    /// True while the user drags a link.
    bool isDraggingLink() const { return m_link != nullptr; }
    /// Where a paste or Ctrl+. puts things when the cursor is not over a view.
    QPointF cursorScenePos() const;

public Q_SLOTS:
    void selectAllItems();
    /// Removes the selected nodes (with their links), links and notes as one step.
    void deleteSelection();
    /// Puts the selection on the clipboard as JSON text (also under nodesMimeType()).
    void copySelection();
    void cutSelection();
    /// Pastes the clipboard's JSON text at the cursor (or beside the copied nodes).
    void paste();
    void pasteAt(QPointF scenePos);
    void duplicateSelection();
    void undo();
    void redo();
    /// Adds a sticky note at \a scenePos and opens it for editing.
    void addNoteAt(QPointF scenePos);
    /// Asks for the quick-add popup at the cursor (Ctrl+.).
    void requestQuickAddAtCursor();
    /// Lays the graph out left to right (one undo step).
    void autoLayout();

Q_SIGNALS:
    /// The selected nodes changed (ids in model order).
    void selectionChangedTo(const QStringList &nodeIds);
    /// A node was double-clicked (or Return pressed on it).
    void nodeActivated(const QString &id);
    /// Show quick-add at \a scenePos; \a dangling is the loose end of a dropped link, or an
    /// invalid PortRef for a plain request (double-click, Ctrl+.). Connect the chosen
    /// template with GraphModel::addNodeConnected(ref, pos, dangling).
    void quickAddRequested(QPointF scenePos, const atelier::PortRef &dangling);
    /// A link was refused; the message says why (types, cycle, taken input) — for a status line.
    void linkRefused(const QString &message);
    /// Anything else worth a status line (a paste that failed, …).
    void statusMessage(const QString &message);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    void clearItems();
    NodeItem *createNode(const QString &id);
    void removeNodeItem(const QString &id);
    void refreshNode(NodeItem *item);
    EdgeItem *createEdge(const EdgeSpec &edge);
    void removeEdgeItem(const EdgeSpec &edge);
    NoteItem *createNote(const NoteSpec &note);
    void removeNoteItem(const QString &id);
    void refreshNote(NoteItem *item);
    void applyCacheMode(QGraphicsItem *item) const;
    void growSceneRect(const QRectF &rect);
    void onNodeMoved(const QString &id, QPointF pos);
    void onNodeChanged(const QString &id, const QString &property);
    void onSelectionChanged();
    void tick();

    // Move gesture.
    void beginMove();
    void endMove();
    // Link gesture.
    void beginLink(NodeItem *node, PortSlot slot);
    void updateLink(const QPointF &scenePos);
    void endLink(const QPointF &scenePos);
    void cancelLink();
    /// The port a link released at \a scenePos should end on: the port under the cursor, or
    /// the first fitting port of the node under it.
    std::optional<PortRef> linkTarget(const QPointF &scenePos, QString *reason) const;
    NodeItem *nodeAt(const QPointF &scenePos) const;

    QPointF snapped(QPointF pos) const;
    void placeGhosts(const QStringList &removed, const PipelineDocument &before);
    void clearGhosts();

    GraphModel *m_model;
    CanvasItemOptions m_options;
    bool m_caching = true;
    bool m_snap = true;
    QHash<QString, NodeItem *> m_nodes;
    QHash<EdgeSpec, EdgeItem *> m_edges;
    QHash<QString, NoteItem *> m_notes;
    QList<NodeItem *> m_ghosts;
    QSet<NodeItem *> m_running;
    QTimer m_tick;
    QRectF m_contentRect;

    // Move gesture: positions at press of the items that move with the grabbed one.
    QMap<QString, QPointF> m_pressPositions;
    bool m_moving = false;
    bool m_linksFrozen = false;

    // Link gesture.
    EdgeItem *m_link = nullptr;
    PortRef m_linkFrom; ///< the fixed end (an output, or an input when dragged back)
    std::optional<EdgeSpec> m_pickedUp; ///< an existing link lifted off its input
    QSet<QString> m_linkTargets;        ///< "node\nport\n0|1" of the ports the link may end on
    int m_pasteCount = 0;
};

} // namespace atelier
