#include "canvas/canvasscene.h"
#include "canvas/canvasmime.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "canvas/noteitem.h"
#include "pipeline/pipelineclipboard.h"

#include <QClipboard>
#include <QCursor>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMimeData>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qreal SceneMargin = 3000; // room to pan and to drag beyond the items

} // namespace

CanvasScene::CanvasScene(GraphModel *model, QObject *parent)
    : QGraphicsScene(parent), m_model(model)
{
    setBackgroundBrush(Qt::NoBrush);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &CanvasScene::tick);
    connect(this, &QGraphicsScene::selectionChanged, this, &CanvasScene::onSelectionChanged);

    connect(model, &GraphModel::reset, this, &CanvasScene::rebuild);
    connect(model, &GraphModel::nodeAdded, this, [this](const QString &id) {
        if (NodeItem *item = createNode(id))
            growSceneRect(item->sceneBoundingRect());
    });
    connect(model, &GraphModel::nodeRemoved, this, &CanvasScene::removeNodeItem);
    connect(model, &GraphModel::nodeMoved, this, &CanvasScene::onNodeMoved);
    connect(model, &GraphModel::nodeChanged, this, &CanvasScene::onNodeChanged);
    connect(model, &GraphModel::edgeAdded, this,
            [this](const EdgeSpec &edge) { createEdge(edge); });
    connect(model, &GraphModel::edgeRemoved, this, &CanvasScene::removeEdgeItem);
    connect(model, &GraphModel::noteAdded, this, [this](const QString &id) {
        if (const NoteSpec *note = m_model->note(id))
            growSceneRect(createNote(*note)->sceneBoundingRect());
    });
    connect(model, &GraphModel::noteRemoved, this, &CanvasScene::removeNoteItem);
    connect(model, &GraphModel::noteChanged, this, [this](const QString &id) {
        if (NoteItem *item = m_notes.value(id))
            refreshNote(item);
    });
    rebuild();
}

CanvasScene::~CanvasScene()
{
    // Edges first: they point at their nodes.
    cancelLink();
    clearItems();
}

// --- Building from the model ------------------------------------------------------------------

void CanvasScene::clearItems()
{
    m_running.clear();
    m_tick.stop();
    clearGhosts();
    for (EdgeItem *edge : std::as_const(m_edges))
        delete edge;
    m_edges.clear();
    for (NodeItem *node : std::as_const(m_nodes))
        delete node;
    m_nodes.clear();
    for (NoteItem *note : std::as_const(m_notes))
        delete note;
    m_notes.clear();
}

void CanvasScene::rebuild()
{
    cancelLink();
    m_pressPositions.clear();
    m_moving = false;
    QSignalBlocker blocker(this); // one selectionChanged at the end, not one per item
    clearItems();
    QRectF bounds;
    for (const NodeSpec &node : m_model->nodes()) {
        if (NodeItem *item = createNode(node.id))
            bounds |= item->sceneBoundingRect();
    }
    for (const EdgeSpec &edge : m_model->edges())
        createEdge(edge);
    for (const NoteSpec &note : m_model->notes())
        bounds |= createNote(note)->sceneBoundingRect();
    m_contentRect = QRectF();
    setSceneRect(QRectF());
    growSceneRect(bounds.isEmpty() ? QRectF(-400, -300, 800, 600) : bounds);
    blocker.unblock();
    Q_EMIT selectionChangedTo({});
}

void CanvasScene::applyCacheMode(QGraphicsItem *item) const
{
    item->setCacheMode(m_caching ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

NodeItem *CanvasScene::createNode(const QString &id)
{
    if (!m_model->hasNode(id))
        return nullptr;
    if (m_nodes.contains(id))
        removeNodeItem(id);
    auto *item = new NodeItem(id, &m_options);
    applyCacheMode(item);
    refreshNode(item);
    item->setPos(m_model->position(id));
    addItem(item);
    m_nodes.insert(id, item);
    return item;
}

void CanvasScene::refreshNode(NodeItem *item)
{
    const QString id = item->id();
    const NodeSpec *spec = m_model->node(id);
    if (!spec)
        return;
    const TemplateSpec *tpl = m_model->templateOf(id);
    QList<NodePort> inputs;
    QList<NodePort> outputs;
    const auto toPorts = [](const QList<PortSpec> &specs, QList<NodePort> &ports) {
        ports.reserve(specs.size());
        for (const PortSpec &p : specs)
            ports.append(NodePort{p.name, p.type, p.optional, false});
    };
    toPorts(m_model->inputs(id), inputs);
    toPorts(m_model->outputs(id), outputs);
    // Links to ports the template does not have (unknown template, changed template) keep an
    // "any" port so they stay visible and can be removed.
    const auto has = [](const QList<NodePort> &ports, const QString &name) {
        return std::any_of(ports.cbegin(), ports.cend(),
                           [&](const NodePort &p) { return p.name == name; });
    };
    bool missingPorts = false;
    for (const EdgeSpec &e : m_model->inEdges(id)) {
        if (!has(inputs, e.toPort)) {
            inputs.append(NodePort{e.toPort, u"any"_s, false, false});
            missingPorts = true;
        }
    }
    for (const EdgeSpec &e : m_model->outEdges(id)) {
        if (!has(outputs, e.fromPort)) {
            outputs.append(NodePort{e.fromPort, u"any"_s, false, false});
            missingPorts = true;
        }
    }
    const QString title = spec->name.isEmpty() ? spec->id : spec->name;
    const QString label = tpl ? tpl->name : tr("Unknown template %1").arg(spec->templateRef);
    item->setContent(title, label, inputs, outputs);
    item->setBroken(!tpl || missingPorts);
    item->setSkipFlag(spec->skip);
}

void CanvasScene::removeNodeItem(const QString &id)
{
    NodeItem *item = m_nodes.take(id);
    if (!item)
        return;
    if (m_link && (m_linkFrom.node == id))
        cancelLink();
    const QList<EdgeItem *> edges = item->edges();
    for (EdgeItem *edge : edges) {
        if (edge == m_link)
            continue;
        m_edges.remove(m_edges.key(edge));
        delete edge;
    }
    m_running.remove(item);
    m_pressPositions.remove(id);
    delete item;
}

EdgeItem *CanvasScene::createEdge(const EdgeSpec &edge)
{
    NodeItem *from = m_nodes.value(edge.fromNode);
    NodeItem *to = m_nodes.value(edge.toNode);
    if (!from || !to)
        return nullptr;
    int out = from->outputIndex(edge.fromPort);
    int in = to->inputIndex(edge.toPort);
    if (out < 0 || in < 0) {
        // A port that the node did not have when it was drawn: draw it again.
        if (out < 0)
            refreshNode(from);
        if (in < 0)
            refreshNode(to);
        out = from->outputIndex(edge.fromPort);
        in = to->inputIndex(edge.toPort);
        if (out < 0 || in < 0)
            return nullptr;
    }
    removeEdgeItem(edge);
    auto *item = new EdgeItem(edge.fromText() + u"→"_s + edge.toText(), from, PortSlot{true, out},
                              to, PortSlot{false, in}, &m_options);
    addItem(item);
    m_edges.insert(edge, item);
    return item;
}

void CanvasScene::removeEdgeItem(const EdgeSpec &edge)
{
    if (EdgeItem *item = m_edges.take(edge))
        delete item;
}

NoteItem *CanvasScene::createNote(const NoteSpec &note)
{
    removeNoteItem(note.id);
    auto *item = new NoteItem(note.id, &m_options);
    applyCacheMode(item);
    const QString id = note.id;
    item->onTextEdited = [this, id](const QString &text) { m_model->setNoteText(id, text); };
    item->onResized = [this, id](const QSizeF &size) {
        if (NoteItem *n = m_notes.value(id))
            m_model->setNoteGeometry(id, n->pos(), size);
    };
    addItem(item);
    m_notes.insert(note.id, item);
    refreshNote(item);
    return item;
}

void CanvasScene::refreshNote(NoteItem *item)
{
    const NoteSpec *note = m_model->note(item->id());
    if (!note)
        return;
    item->setText(note->text);
    item->setSize(note->size);
    item->setPos(note->pos);
    growSceneRect(item->sceneBoundingRect());
}

void CanvasScene::removeNoteItem(const QString &id)
{
    if (NoteItem *item = m_notes.take(id)) {
        m_pressPositions.remove(id);
        delete item;
    }
}

void CanvasScene::onNodeMoved(const QString &id, QPointF pos)
{
    NodeItem *item = m_nodes.value(id);
    if (!item)
        return;
    if (item->pos() != pos) {
        const bool snapping = m_options.snapping;
        m_options.snapping = false; // the model's position is the truth, on the grid or not
        item->setPos(pos);
        m_options.snapping = snapping;
    }
    growSceneRect(item->sceneBoundingRect());
}

void CanvasScene::onNodeChanged(const QString &id, const QString &property)
{
    NodeItem *item = m_nodes.value(id);
    if (!item)
        return;
    if (property == u"template"_s) {
        // Ports may differ: draw the node and its links again.
        const QList<EdgeSpec> edges = m_model->edgesOf(id);
        for (const EdgeSpec &e : edges)
            removeEdgeItem(e);
        refreshNode(item);
        for (const EdgeSpec &e : edges)
            createEdge(e);
    } else if (property == u"name"_s || property == u"skip"_s) {
        refreshNode(item);
    }
}

void CanvasScene::growSceneRect(const QRectF &rect)
{
    if (rect.isEmpty())
        return;
    m_contentRect |= rect;
    const QRectF current = sceneRect();
    // Changing the scene rect rebuilds the BSP index: grow it in generous steps only.
    if (!current.isEmpty() &&
        current.adjusted(SceneMargin / 3, SceneMargin / 3, -SceneMargin / 3, -SceneMargin / 3)
            .contains(m_contentRect))
        return;
    setSceneRect(m_contentRect.adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin) |
                 current);
}

// --- Selection --------------------------------------------------------------------------------

QStringList CanvasScene::selectedNodeIds() const
{
    QStringList ids;
    const QList<QGraphicsItem *> items = selectedItems();
    QSet<QString> selected;
    for (QGraphicsItem *item : items) {
        if (item->type() == NodeItem::Type && m_nodes.contains(static_cast<NodeItem *>(item)->id()))
            selected.insert(static_cast<NodeItem *>(item)->id());
    }
    if (selected.isEmpty())
        return ids;
    for (const NodeSpec &node : m_model->nodes()) {
        if (selected.contains(node.id))
            ids.append(node.id);
    }
    return ids;
}

QStringList CanvasScene::selectedNoteIds() const
{
    QStringList ids;
    const QList<QGraphicsItem *> items = selectedItems();
    for (QGraphicsItem *item : items) {
        if (item->type() == NoteItem::Type)
            ids.append(static_cast<NoteItem *>(item)->id());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<EdgeSpec> CanvasScene::selectedEdges() const
{
    QList<EdgeSpec> edges;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        if (it.value()->isSelected())
            edges.append(it.key());
    }
    return edges;
}

void CanvasScene::selectIds(const QStringList &ids)
{
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        for (const QString &id : ids) {
            if (NodeItem *node = m_nodes.value(id))
                node->setSelected(true);
            else if (NoteItem *note = m_notes.value(id))
                note->setSelected(true);
        }
    }
    onSelectionChanged();
}

void CanvasScene::selectAllItems()
{
    {
        const QSignalBlocker blocker(this);
        for (NodeItem *node : std::as_const(m_nodes))
            node->setSelected(true);
        for (NoteItem *note : std::as_const(m_notes))
            note->setSelected(true);
    }
    onSelectionChanged();
}

void CanvasScene::onSelectionChanged()
{
    Q_EMIT selectionChangedTo(selectedNodeIds());
}

// --- Edits ------------------------------------------------------------------------------------

void CanvasScene::deleteSelection()
{
    const QStringList nodes = selectedNodeIds();
    const QStringList notes = selectedNoteIds();
    const QList<EdgeSpec> edges = selectedEdges();
    if (nodes.isEmpty() && notes.isEmpty() && edges.isEmpty())
        return;
    m_model->removeItems(nodes, edges, notes);
}

void CanvasScene::copySelection()
{
    const QStringList nodes = selectedNodeIds();
    const QStringList notes = selectedNoteIds();
    if (nodes.isEmpty() && notes.isEmpty())
        return;
    const QByteArray json = m_model->copyText(nodes, notes);
    auto *data = new QMimeData;
    data->setData(nodesMimeType(), json);
    data->setText(QString::fromUtf8(json));
    QGuiApplication::clipboard()->setMimeData(data);
    m_pasteCount = 0;
}

void CanvasScene::cutSelection()
{
    copySelection();
    deleteSelection();
}

void CanvasScene::paste()
{
    // At the cursor when it is over the canvas; else beside the copied items.
    for (QGraphicsView *view : views()) {
        const QPoint local = view->viewport()->mapFromGlobal(QCursor::pos());
        if (view->viewport()->rect().contains(local) && view->isVisible()) {
            pasteAt(view->mapToScene(local));
            return;
        }
    }
    pasteAt(QPointF(qQNaN(), qQNaN()));
}

void CanvasScene::pasteAt(QPointF scenePos)
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QByteArray text;
    if (data && data->hasFormat(nodesMimeType()))
        text = data->data(nodesMimeType());
    else if (data && data->hasText())
        text = data->text().toUtf8();
    if (text.trimmed().isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing to paste: copy nodes first, or their JSON text."));
        return;
    }
    Result<GraphFragment> fragment = PipelineClipboard::fromJson(text);
    if (!fragment) {
        Q_EMIT statusMessage(tr("Cannot paste: %1").arg(fragment.error().message));
        return;
    }
    // The fragment's top-left corner goes to the cursor, or 40 units right and down per paste.
    QRectF bounds;
    for (auto it = fragment.value().positions.cbegin(); it != fragment.value().positions.cend();
         ++it)
        bounds |= QRectF(it.value(), QSizeF(1, 1));
    for (const NoteSpec &note : fragment.value().notes)
        bounds |= QRectF(note.pos, QSizeF(1, 1));
    QPointF offset;
    if (!std::isnan(scenePos.x()) && bounds.isValid())
        offset = snapped(scenePos) - bounds.topLeft();
    else
        offset = QPointF(40, 40) * ++m_pasteCount;
    Result<QStringList> ids = m_model->paste(fragment.value(), offset);
    if (!ids) {
        Q_EMIT statusMessage(tr("Cannot paste: %1").arg(ids.error().message));
        return;
    }
    selectIds(ids.value());
}

void CanvasScene::duplicateSelection()
{
    const QStringList nodes = selectedNodeIds();
    const QStringList notes = selectedNoteIds();
    if (nodes.isEmpty() && notes.isEmpty())
        return;
    selectIds(m_model->duplicate(nodes, notes, QPointF(40, 40)));
}

void CanvasScene::undo()
{
    cancelLink();
    m_model->undoStack()->undo();
}

void CanvasScene::redo()
{
    cancelLink();
    m_model->undoStack()->redo();
}

void CanvasScene::addNoteAt(QPointF scenePos)
{
    const QString id = m_model->addNote(QString(), snapped(scenePos));
    if (NoteItem *note = m_notes.value(id)) {
        selectIds({id});
        note->startEditing();
    }
}

void CanvasScene::requestQuickAddAtCursor()
{
    Q_EMIT quickAddRequested(cursorScenePos(), PortRef{});
}

void CanvasScene::autoLayout()
{
    m_model->autoLayout([this](const QString &id) {
        if (NodeItem *item = m_nodes.value(id))
            return item->cardRect().size();
        return m_model->defaultNodeSize(id);
    });
}

QPointF CanvasScene::cursorScenePos() const
{
    for (QGraphicsView *view : views()) {
        const QPoint local = view->viewport()->mapFromGlobal(QCursor::pos());
        if (view->viewport()->rect().contains(local))
            return view->mapToScene(local);
    }
    if (!views().isEmpty()) {
        QGraphicsView *view = views().constFirst();
        return view->mapToScene(view->viewport()->rect().center());
    }
    return m_contentRect.center();
}

QPointF CanvasScene::snapped(QPointF pos) const
{
    if (!m_snap)
        return pos;
    const qreal g = CanvasStyle::GridSize;
    return QPointF(std::round(pos.x() / g) * g, std::round(pos.y() / g) * g);
}

// --- Run and diff overlays ----------------------------------------------------------------------

void CanvasScene::setNodeState(const QString &id, NodeRunState state, const QDateTime &startedAt,
                               const QString &message)
{
    NodeItem *item = m_nodes.value(id);
    if (!item)
        return;
    item->setRunState(state, startedAt, message);
    if (state == NodeRunState::Running)
        m_running.insert(item);
    else
        m_running.remove(item);
    if (m_running.isEmpty())
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
}

void CanvasScene::setNodeState(const QString &id, const QString &state, const QDateTime &startedAt,
                               const QString &message)
{
    setNodeState(id, CanvasStyle::stateFromString(state), startedAt, message);
}

void CanvasScene::setNodeProgress(const QString &id, double fraction)
{
    if (NodeItem *item = m_nodes.value(id))
        item->setProgress(fraction);
}

void CanvasScene::clearNodeStates()
{
    for (NodeItem *item : std::as_const(m_nodes)) {
        if (item->runState() != NodeRunState::Idle || item->progress() >= 0)
            item->setRunState(NodeRunState::Idle, {}, {});
    }
    m_running.clear();
    m_tick.stop();
}

void CanvasScene::tick()
{
    // Only running nodes redraw, once a second, for their elapsed time.
    for (NodeItem *item : std::as_const(m_running))
        item->update();
}

void CanvasScene::setDiffMarks(const QStringList &added, const QStringList &removed,
                               const QStringList &changed, const PipelineDocument &before)
{
    clearDiffMarks();
    const auto mark = [this](const QStringList &ids, NodeDiffMark kind) {
        for (const QString &id : ids) {
            if (NodeItem *item = m_nodes.value(id))
                item->setDiffMark(kind);
        }
    };
    mark(added, NodeDiffMark::Added);
    mark(changed, NodeDiffMark::Changed);
    mark(removed, NodeDiffMark::Removed);
    placeGhosts(removed, before);
}

void CanvasScene::clearDiffMarks()
{
    for (NodeItem *item : std::as_const(m_nodes))
        item->setDiffMark(NodeDiffMark::None);
    clearGhosts();
}

void CanvasScene::placeGhosts(const QStringList &removed, const PipelineDocument &before)
{
    for (const QString &id : removed) {
        if (m_nodes.contains(id))
            continue;
        const NodeSpec *spec = before.node(id);
        if (!spec)
            continue;
        auto *ghost = new NodeItem(id, &m_options);
        ghost->setFlags(QGraphicsItem::GraphicsItemFlags());
        QList<NodePort> inputs;
        QList<NodePort> outputs;
        const TemplateSpec *tpl = m_model->templateFor(spec->templateRef);
        if (tpl) {
            for (const PortSpec &p : tpl->inputs)
                inputs.append(NodePort{p.name, p.type, p.optional, false});
            for (const PortSpec &p : tpl->outputs)
                outputs.append(NodePort{p.name, p.type, p.optional, false});
        }
        ghost->setContent(spec->name.isEmpty() ? spec->id : spec->name,
                          tpl ? tpl->name : spec->templateRef, inputs, outputs);
        ghost->setDiffMark(NodeDiffMark::Removed);
        ghost->setOpacity(0.6);
        ghost->setZValue(0.5);
        ghost->setPos(before.layout.value(id));
        ghost->setToolTip(tr("%1 was removed").arg(ghost->title()));
        addItem(ghost);
        m_ghosts.append(ghost);
    }
}

void CanvasScene::clearGhosts()
{
    qDeleteAll(m_ghosts);
    m_ghosts.clear();
}

// --- Options ----------------------------------------------------------------------------------

void CanvasScene::setIndexingEnabled(bool enabled)
{
    setItemIndexMethod(enabled ? BspTreeIndex : NoIndex);
}

void CanvasScene::setItemCachingEnabled(bool enabled)
{
    m_caching = enabled;
    for (NodeItem *item : std::as_const(m_nodes))
        applyCacheMode(item);
    for (NoteItem *item : std::as_const(m_notes))
        applyCacheMode(item);
}

void CanvasScene::setLevelOfDetailEnabled(bool enabled)
{
    m_options.levelOfDetail = enabled;
    update();
    // Cached pictures were drawn with the other setting.
    if (m_caching) {
        setItemCachingEnabled(false);
        setItemCachingEnabled(true);
    }
}

void CanvasScene::setOptimisationsEnabled(bool enabled)
{
    setIndexingEnabled(enabled);
    setItemCachingEnabled(enabled);
    setLevelOfDetailEnabled(enabled);
}

// --- Mouse ------------------------------------------------------------------------------------

NodeItem *CanvasScene::nodeAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> hits =
        items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : hits) {
        if (item->type() == NodeItem::Type) {
            auto *node = static_cast<NodeItem *>(item);
            if (m_nodes.value(node->id()) == node)
                return node;
        }
    }
    return nullptr;
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_link) {
        if (NodeItem *node = nodeAt(event->scenePos())) {
            const PortSlot slot = node->portAt(node->mapFromScene(event->scenePos()));
            if (slot.isValid()) {
                beginLink(node, slot);
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() == Qt::LeftButton)
        beginMove();
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_link) {
        updateLink(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_link) {
        if (event->button() == Qt::LeftButton)
            endLink(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        endMove();
}

void CanvasScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem *node = nodeAt(event->scenePos())) {
            Q_EMIT nodeActivated(node->id());
            event->accept();
            return;
        }
        if (!itemAt(event->scenePos(), QTransform())) {
            Q_EMIT quickAddRequested(event->scenePos(), PortRef{});
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void CanvasScene::beginMove()
{
    m_pressPositions.clear();
    QGraphicsItem *grabber = mouseGrabberItem();
    if (!grabber || !(grabber->flags() & QGraphicsItem::ItemIsMovable))
        return;
    const QList<QGraphicsItem *> items = selectedItems();
    for (QGraphicsItem *item : items) {
        if (item->type() == NodeItem::Type)
            m_pressPositions.insert(static_cast<NodeItem *>(item)->id(), item->pos());
        else if (item->type() == NoteItem::Type)
            m_pressPositions.insert(static_cast<NoteItem *>(item)->id(), item->pos());
    }
    m_moving = !m_pressPositions.isEmpty();
    m_options.snapping = m_moving && m_snap;
    if (m_moving) {
        QList<NodeItem *> moving;
        for (QGraphicsItem *item : items) {
            if (item->type() == NodeItem::Type)
                moving.append(static_cast<NodeItem *>(item));
        }
        freezeLinks(moving);
    }
}

void CanvasScene::freezeLinks(const QList<NodeItem *> &moving)
{
    thawLinks();
    if (!m_caching)
        return;
    QSet<EdgeItem *> live;
    for (NodeItem *node : moving) {
        for (EdgeItem *edge : node->edges())
            live.insert(edge);
    }
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->setFrozen(!live.contains(edge));
    m_linksFrozen = true;
    const QList<QGraphicsView *> all = views();
    for (QGraphicsView *view : all) {
        if (auto *canvas = qobject_cast<CanvasView *>(view))
            canvas->setFrozenLinks(true);
    }
}

void CanvasScene::thawLinks()
{
    if (!m_linksFrozen)
        return;
    m_linksFrozen = false;
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->setFrozen(false);
    const QList<QGraphicsView *> all = views();
    for (QGraphicsView *view : all) {
        if (auto *canvas = qobject_cast<CanvasView *>(view))
            canvas->setFrozenLinks(false);
    }
}

void CanvasScene::endMove()
{
    m_options.snapping = false;
    thawLinks();
    if (!m_moving)
        return;
    m_moving = false;
    QMap<QString, QPointF> from;
    QMap<QString, QPointF> to;
    for (auto it = m_pressPositions.cbegin(); it != m_pressPositions.cend(); ++it) {
        QGraphicsItem *item = m_nodes.value(it.key());
        if (!item)
            item = m_notes.value(it.key());
        if (!item || item->pos() == it.value())
            continue;
        from.insert(it.key(), it.value());
        to.insert(it.key(), item->pos());
    }
    m_pressPositions.clear();
    if (!to.isEmpty())
        m_model->moveItems(from, to); // one undo step for the whole drag
}

// --- Keys and drops ---------------------------------------------------------------------------

void CanvasScene::keyPressEvent(QKeyEvent *event)
{
    if (focusItem()) {
        QGraphicsScene::keyPressEvent(event);
        return;
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->key() == Qt::Key_Escape) {
        if (m_link)
            cancelLink();
        else
            clearSelection();
    } else if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace ||
               event->key() == Qt::Key_Delete) {
        deleteSelection();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAllItems();
    } else if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->matches(QKeySequence::Cut)) {
        cutSelection();
    } else if (event->matches(QKeySequence::Paste)) {
        paste();
    } else if (event->matches(QKeySequence::Undo)) {
        undo();
    } else if (event->matches(QKeySequence::Redo) || (ctrl && event->key() == Qt::Key_Y)) {
        redo();
    } else if (ctrl && event->key() == Qt::Key_D) {
        duplicateSelection();
    } else if (ctrl && event->key() == Qt::Key_Period) {
        requestQuickAddAtCursor();
    } else if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
               selectedNodeIds().size() == 1) {
        Q_EMIT nodeActivated(selectedNodeIds().constFirst());
    } else {
        QGraphicsScene::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CanvasScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (event->mimeData()->hasFormat(templateMimeType())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    QGraphicsScene::dragEnterEvent(event);
}

void CanvasScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (event->mimeData()->hasFormat(templateMimeType())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    QGraphicsScene::dragMoveEvent(event);
}

void CanvasScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    QGraphicsScene::dragLeaveEvent(event);
}

void CanvasScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(templateMimeType())) {
        QGraphicsScene::dropEvent(event);
        return;
    }
    const QString ref = QString::fromUtf8(event->mimeData()->data(templateMimeType())).trimmed();
    // The card's header lands under the cursor.
    const QPointF pos = snapped(event->scenePos() -
                                QPointF(CanvasStyle::NodeWidth / 2, CanvasStyle::HeaderHeight / 2));
    const Result<QString> id = m_model->addNode(ref, pos);
    if (!id) {
        Q_EMIT statusMessage(id.error().message);
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    selectIds({id.value()});
}

} // namespace atelier
