#include "canvas/edgeitem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace atelier {

namespace {

constexpr qreal PenWidth = 2.0;

// Horizontal pull of the control points: enough for a smooth S, more for backward links.
qreal pull(const QPointF &p0, const QPointF &p3)
{
    const qreal dx = p3.x() - p0.x();
    const qreal base = std::max<qreal>(std::abs(dx) * 0.5, 40.0);
    return dx < 0 ? std::min<qreal>(base + std::abs(p3.y() - p0.y()) * 0.25, 240.0) : base;
}

} // namespace

EdgeItem::EdgeItem(const QString &key, NodeItem *from, PortSlot fromPort, NodeItem *to,
                   PortSlot toPort, const CanvasItemOptions *options)
    : m_key(key), m_from(from), m_fromPort(fromPort), m_to(to), m_toPort(toPort), m_options(options)
{
    setZValue(0);
    setFlags(ItemIsSelectable);
    NodeItem *known = from ? from : to;
    PortSlot knownPort = from ? fromPort : toPort;
    if (known) {
        if (const NodePort *port = known->port(knownPort))
            m_colour = CanvasStyle::portColor(port->type);
    }
    if (!m_colour.isValid())
        m_colour = CanvasStyle::portColor(QString());
    if (m_from)
        m_from->addEdge(this);
    if (m_to)
        m_to->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    detach();
}

void EdgeItem::detach()
{
    if (m_from)
        m_from->removeEdge(this);
    if (m_to)
        m_to->removeEdge(this);
    m_from = nullptr;
    m_to = nullptr;
}

void EdgeItem::adjust()
{
    const QPointF p0 = m_from ? m_from->portScenePos(m_fromPort) : m_looseEnd;
    const QPointF p3 = m_to ? m_to->portScenePos(m_toPort) : m_looseEnd;
    setEnds(p0, p3);
}

void EdgeItem::setLooseEnd(const QPointF &scenePos)
{
    m_looseEnd = scenePos;
    adjust();
}

void EdgeItem::setRefused(bool refused)
{
    if (m_refused == refused)
        return;
    m_refused = refused;
    update();
}

void EdgeItem::setEnds(const QPointF &p0, const QPointF &p3)
{
    if (m_placed && p0 == m_p0 && p3 == m_p3)
        return;
    prepareGeometryChange();
    m_p0 = p0;
    m_p3 = p3;
    m_placed = true;
    m_shape = QPainterPath();
}

QPainterPath EdgeItem::path() const
{
    const qreal k = pull(m_p0, m_p3);
    QPainterPath p(m_p0);
    p.cubicTo(m_p0 + QPointF(k, 0), m_p3 - QPointF(k, 0), m_p3);
    return p;
}

QRectF EdgeItem::boundingRect() const
{
    // The control polygon holds the curve: cheaper than the exact bounds, and never too small.
    const qreal k = pull(m_p0, m_p3);
    const qreal left = std::min({m_p0.x(), m_p3.x(), m_p3.x() - k});
    const qreal right = std::max({m_p0.x(), m_p3.x(), m_p0.x() + k});
    const qreal top = std::min(m_p0.y(), m_p3.y());
    const qreal bottom = std::max(m_p0.y(), m_p3.y());
    const qreal m = PenWidth + 2;
    return QRectF(QPointF(left - m, top - m), QPointF(right + m, bottom + m));
}

QPainterPath EdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        m_shape = stroker.createStroke(path());
    }
    return m_shape;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod =
        m_options && m_options->levelOfDetail
            ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
            : 1.0;
    const bool selected = option->state & QStyle::State_Selected;
    QColor colour = m_refused ? CanvasStyle::stateColor(NodeRunState::Failed)
                              : (selected ? CanvasStyle::accent() : m_colour);
    if (lod < CanvasStyle::LodShape) {
        // Far away a straight hairline reads the same and costs a fraction of a curve.
        painter->setRenderHint(QPainter::Antialiasing, false);
        colour.setAlpha(150);
        painter->setPen(QPen(colour, 0));
        painter->drawLine(m_p0, m_p3);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!selected && !m_refused)
        colour.setAlpha(200);
    QPen pen(colour, selected ? PenWidth + 1 : PenWidth, Qt::SolidLine, Qt::RoundCap);
    if (!m_from || !m_to)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

} // namespace atelier
