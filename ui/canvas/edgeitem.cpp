#include "canvas/edgeitem.h"

#include <QGraphicsScene>
#include <QGraphicsView>
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

QRectF controlBox(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &d)
{
    return QRectF(
        QPointF(std::min({a.x(), b.x(), c.x(), d.x()}), std::min({a.y(), b.y(), c.y(), d.y()})),
        QPointF(std::max({a.x(), b.x(), c.x(), d.x()}), std::max({a.y(), b.y(), c.y(), d.y()})));
}

// Appends to \a out the parts of the cubic a-b-c-d whose control box meets \a clip: halves the
// curve (de Casteljau) until each part is inside the clip, outside it, or small.
void visiblePieces(QPainterPath &out, const QPointF &a, const QPointF &b, const QPointF &c,
                   const QPointF &d, const QRectF &clip, int depth)
{
    const QRectF box = controlBox(a, b, c, d);
    // Not QRectF::intersects(): a straight piece has an empty box and must still count.
    if (box.left() > clip.right() || box.right() < clip.left() || box.top() > clip.bottom() ||
        box.bottom() < clip.top())
        return;
    if ((box.left() >= clip.left() && box.right() <= clip.right() && box.top() >= clip.top() &&
         box.bottom() <= clip.bottom()) ||
        depth >= 14) {
        if (out.isEmpty() || out.currentPosition() != a)
            out.moveTo(a);
        out.cubicTo(b, c, d);
        return;
    }
    const QPointF ab = (a + b) / 2, bc = (b + c) / 2, cd = (c + d) / 2;
    const QPointF abc = (ab + bc) / 2, bcd = (bc + cd) / 2;
    const QPointF mid = (abc + bcd) / 2;
    visiblePieces(out, a, ab, abc, mid, clip, depth + 1);
    visiblePieces(out, mid, bcd, cd, d, clip, depth + 1);
}

// \a colour faded towards the canvas by \a amount, opaque: the raster engine fills opaque
// colour two to three times faster than translucent colour, and thousands of links add up.
QColor blend(const QColor &colour, qreal amount)
{
    const QColor bg = CanvasStyle::canvasBackground();
    return QColor::fromRgbF(float(colour.redF() * (1 - amount) + bg.redF() * amount),
                            float(colour.greenF() * (1 - amount) + bg.greenF() * amount),
                            float(colour.blueF() * (1 - amount) + bg.blueF() * amount));
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
    if (m_frozen) {
        // Moved while frozen (an undo during a drag): drawn live from now on, and the views'
        // cached backgrounds, which hold its old picture, drawn again.
        m_frozen = false;
        if (QGraphicsScene *owner = scene()) {
            const QList<QGraphicsView *> views = owner->views();
            for (QGraphicsView *view : views)
                view->resetCachedContent();
        }
    }
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

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    if (m_frozen && widget)
        return; // in the view's cached background
    draw(painter, option->state & QStyle::State_Selected);
}

void EdgeItem::paintFrozen(QPainter *painter)
{
    draw(painter, isSelected());
}

void EdgeItem::draw(QPainter *painter, bool selected)
{
    const qreal lod =
        m_options && m_options->levelOfDetail
            ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
            : 1.0;
    QColor colour = m_refused ? CanvasStyle::stateColor(NodeRunState::Failed)
                              : (selected ? CanvasStyle::accent() : m_colour);
    if (lod < CanvasStyle::LodShape) {
        // Far away a straight hairline reads the same and costs a fraction of a curve.
        painter->setRenderHint(QPainter::Antialiasing, false);
        colour = blend(colour, 0.45);
        painter->setPen(QPen(colour, 0));
        painter->drawLine(m_p0, m_p3);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!selected && !m_refused)
        colour = blend(colour, 0.2);
    QPen pen(colour, selected ? PenWidth + 1 : PenWidth, Qt::SolidLine, Qt::RoundCap);
    if (!m_from || !m_to)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    // A link across a large graph can be tens of thousands of pixels long at 100 %: stroke only
    // the pieces of the curve that reach the device (in item coordinates), not the whole curve.
    const qreal k = pull(m_p0, m_p3);
    const QPaintDevice *device = painter->device();
    const QRectF clip = painter->worldTransform()
                            .inverted()
                            .mapRect(QRectF(0, 0, device->width(), device->height()))
                            .adjusted(-PenWidth - 1, -PenWidth - 1, PenWidth + 1, PenWidth + 1);
    QPainterPath visible;
    visiblePieces(visible, m_p0, m_p0 + QPointF(k, 0), m_p3 - QPointF(k, 0), m_p3, clip, 0);
    painter->drawPath(visible);
}

} // namespace atelier
