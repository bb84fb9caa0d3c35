#pragma once

#include "canvas/nodeitem.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>

namespace atelier {

/// A link from an output port to an input port, drawn as a cubic curve in the colour of the
/// output's type. With no target node it is the loose end of a link being dragged.
class EdgeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    EdgeItem(const QString &key, NodeItem *from, PortSlot fromPort, NodeItem *to, PortSlot toPort,
             const CanvasItemOptions *options);
    ~EdgeItem() override;

    int type() const override { return Type; }
    /// The model's key of the edge ("a.out→b.in" form is the scene's business only).
    QString key() const { return m_key; }
    NodeItem *fromNode() const { return m_from; }
    NodeItem *toNode() const { return m_to; }
    PortSlot fromPort() const { return m_fromPort; }
    PortSlot toPort() const { return m_toPort; }

    /// Follows the ports after a node moved or changed its ports.
    void adjust();
    /// For the loose end of a dragged link: where the free end is, in scene coordinates.
    void setLooseEnd(const QPointF &scenePos);
    /// Drops the pointers to the nodes (called before a node item is deleted).
    void detach();
    void setRefused(bool refused);
    /// While a node is dragged, a link that does not move is drawn once into the views' cached
    /// background (paintFrozen()) rather than at every repaint: paint() skips it in a view
    /// (scene renders, the minimap's, still draw it).
    void setFrozen(bool frozen) { m_frozen = frozen; }
    bool isFrozen() const { return m_frozen; }
    /// Paints the link with \a painter in scene coordinates, as paint() would.
    void paintFrozen(QPainter *painter);

    QPointF startPos() const { return m_p0; }
    QPointF endPos() const { return m_p3; }
    QPainterPath path() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void setEnds(const QPointF &p0, const QPointF &p3);
    void draw(QPainter *painter, bool selected);

    QString m_key;
    NodeItem *m_from;
    PortSlot m_fromPort;
    NodeItem *m_to;
    PortSlot m_toPort;
    const CanvasItemOptions *m_options;
    QColor m_colour;
    QPointF m_p0;
    QPointF m_p3;
    QPointF m_looseEnd;
    bool m_placed = false;
    bool m_refused = false;
    bool m_frozen = false;
    mutable QPainterPath m_shape; ///< computed on the first hit test after a change
};

} // namespace atelier
