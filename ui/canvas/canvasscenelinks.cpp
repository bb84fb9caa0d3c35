// CanvasScene: the linking gesture, from a port dragged out to the edge made (or refused).
#include "canvas/canvasscene.h"

#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// A port as a key of CanvasScene::m_linkTargets.
QString targetKey(const QString &node, const QString &port, bool output)
{
    return node + u'\n' + port + (output ? u"\n1"_s : u"\n0"_s);
}

} // namespace

// --- Links ------------------------------------------------------------------------------------

void CanvasScene::beginLink(NodeItem *node, PortSlot slot)
{
    const NodePort *port = node->port(slot);
    if (!port)
        return;
    clearSelection();
    m_pickedUp.reset();
    NodeItem *fixedNode = node;
    PortSlot fixedSlot = slot;
    m_linkFrom = PortRef{node->id(), port->name, slot.output};
    if (!slot.output) {
        // Dragging from a linked input lifts that link off it (to move or drop it).
        if (const std::optional<EdgeSpec> existing = m_model->edgeInto(node->id(), port->name)) {
            NodeItem *source = m_nodes.value(existing->fromNode);
            const int index = source ? source->outputIndex(existing->fromPort) : -1;
            if (source && index >= 0) {
                m_pickedUp = existing;
                if (EdgeItem *edge = m_edges.value(*existing))
                    edge->hide();
                fixedNode = source;
                fixedSlot = PortSlot{true, index};
                m_linkFrom = PortRef{existing->fromNode, existing->fromPort, true};
            }
        }
    }
    if (fixedSlot.output)
        m_link = new EdgeItem(QString(), fixedNode, fixedSlot, nullptr, {}, &m_options);
    else
        m_link = new EdgeItem(QString(), nullptr, {}, fixedNode, fixedSlot, &m_options);
    m_link->setFlags(QGraphicsItem::GraphicsItemFlags());
    m_link->setZValue(3);
    m_link->setLooseEnd(fixedNode->portScenePos(fixedSlot));
    addItem(m_link);

    // Dim every port the link cannot end on: one pass of the model, then one per node.
    m_linkTargets.clear();
    const QList<PortRef> fits = m_model->compatiblePorts(m_linkFrom);
    for (const PortRef &p : fits)
        m_linkTargets.insert(targetKey(p.node, p.port, p.output));
    if (m_pickedUp)
        m_linkTargets.insert(targetKey(m_pickedUp->toNode, m_pickedUp->toPort, false));
    for (NodeItem *item : std::as_const(m_nodes)) {
        QList<bool> dimIn(item->inputs().size(), true);
        QList<bool> dimOut(item->outputs().size(), true);
        for (qsizetype i = 0; i < dimIn.size(); ++i)
            dimIn[i] =
                !m_linkTargets.contains(targetKey(item->id(), item->inputs().at(i).name, false));
        for (qsizetype i = 0; i < dimOut.size(); ++i)
            dimOut[i] =
                !m_linkTargets.contains(targetKey(item->id(), item->outputs().at(i).name, true));
        if (item == fixedNode)
            (fixedSlot.output ? dimOut : dimIn)[fixedSlot.index] = false;
        item->setDimmedPorts(dimIn, dimOut);
    }
}

void CanvasScene::updateLink(const QPointF &scenePos)
{
    m_link->setLooseEnd(scenePos);
    // Over a port that cannot take it: the link turns red before the drop.
    bool refused = false;
    if (NodeItem *node = nodeAt(scenePos)) {
        const PortSlot slot = node->portAt(node->mapFromScene(scenePos));
        if (const NodePort *port = node->port(slot))
            refused = !m_linkTargets.contains(targetKey(node->id(), port->name, slot.output));
    }
    m_link->setRefused(refused);
}

std::optional<PortRef> CanvasScene::linkTarget(const QPointF &scenePos, QString *reason) const
{
    NodeItem *node = nodeAt(scenePos);
    if (!node)
        return std::nullopt;
    const PortSlot slot = node->portAt(node->mapFromScene(scenePos));
    if (const NodePort *port = node->port(slot))
        return PortRef{node->id(), port->name, slot.output};
    // Dropped on the card: the first port of the other side that fits.
    const bool wantOutput = !m_linkFrom.output;
    const QList<NodePort> &ports = wantOutput ? node->outputs() : node->inputs();
    for (const NodePort &port : ports) {
        if (m_linkTargets.contains(targetKey(node->id(), port.name, wantOutput)))
            return PortRef{node->id(), port.name, wantOutput};
    }
    if (ports.isEmpty()) {
        *reason = wantOutput ? tr("%1 has no output to link from.").arg(node->title())
                             : tr("%1 has no input to link to.").arg(node->title());
        return std::nullopt;
    }
    // None fits: the first one, so that the model says why.
    return PortRef{node->id(), ports.constFirst().name, wantOutput};
}

void CanvasScene::endLink(const QPointF &scenePos)
{
    const PortRef from = m_linkFrom;
    const std::optional<EdgeSpec> picked = m_pickedUp;
    QString reason;
    const std::optional<PortRef> target = linkTarget(scenePos, &reason);
    const bool overItem =
        itemAt(scenePos, QTransform()) != nullptr && itemAt(scenePos, QTransform()) != m_link;
    cancelLink();

    if (target) {
        if (target->node == from.node && target->port == from.port && target->output == from.output)
            return; // back where it started
        const EdgeSpec edge = from.output
                                  ? EdgeSpec{from.node, from.port, target->node, target->port}
                                  : EdgeSpec{target->node, target->port, from.node, from.port};
        if (picked && edge == *picked)
            return;
        if (picked) {
            // One checked step: a refused move pushes nothing, so neither undo nor redo can
            // touch the link that stays where it was.
            const Status status = m_model->reconnect(*picked, edge);
            if (!status)
                Q_EMIT linkRefused(status.error().message);
            return;
        }
        const QString why = m_model->canConnect(edge);
        if (!why.isEmpty()) {
            Q_EMIT linkRefused(why);
            return;
        }
        const Status status = m_model->connectPorts(edge);
        if (!status)
            Q_EMIT linkRefused(status.error().message);
        return;
    }
    if (!reason.isEmpty()) {
        Q_EMIT linkRefused(reason);
        return;
    }
    if (picked) {
        if (!overItem)
            m_model->removeItems({}, {*picked}); // dropped in the open: the link is removed
        return;
    }
    if (!overItem)
        Q_EMIT quickAddRequested(scenePos, from);
}

void CanvasScene::cancelLink()
{
    if (!m_link)
        return;
    delete m_link;
    m_link = nullptr;
    if (m_pickedUp) {
        if (EdgeItem *edge = m_edges.value(*m_pickedUp))
            edge->show();
    }
    m_pickedUp.reset();
    m_linkTargets.clear();
    for (NodeItem *item : std::as_const(m_nodes))
        item->clearDimmedPorts();
}

} // namespace atelier
