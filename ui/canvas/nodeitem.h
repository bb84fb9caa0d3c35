#pragma once

#include "canvas/canvasstyle.h"

#include <QDateTime>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace atelier {

class EdgeItem;
struct CanvasItemOptions;

/// One port drawn on a node card.
struct NodePort
{
    QString name;
    QString type;
    bool optional = false;
    bool dimmed = false; ///< while a link is dragged: this port cannot take it
};

/// Which port of a node: an input or an output, and its index.
struct PortSlot
{
    bool output = false;
    int index = -1;
    bool isValid() const { return index >= 0; }
};

/// A node card: title, template, typed ports, run state and progress. Ports are drawn by the
/// node rather than being items of their own: a 2,000-node graph keeps 2,000 items, not 10,000.
class NodeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    NodeItem(const QString &id, const CanvasItemOptions *options);

    int type() const override { return Type; }
    QString id() const { return m_id; }

    void setContent(const QString &title, const QString &templateLabel,
                    const QList<NodePort> &inputs, const QList<NodePort> &outputs);
    QString title() const { return m_title; }
    QString templateLabel() const { return m_templateLabel; }
    const QList<NodePort> &inputs() const { return m_inputs; }
    const QList<NodePort> &outputs() const { return m_outputs; }
    /// The template is unknown: the card says so and keeps its ports from the links.
    void setBroken(bool broken);
    /// The node is switched off in the pipeline ("skip": true).
    void setSkipFlag(bool skip);
    bool skipFlag() const { return m_skipFlag; }

    void setRunState(NodeRunState state, const QDateTime &startedAt, const QString &message);
    NodeRunState runState() const { return m_state; }
    QString runMessage() const { return m_message; }
    /// 0…1 to show a progress bar; negative to hide it.
    void setProgress(double fraction);
    double progress() const { return m_progress; }
    /// Text of the state badge as drawn now ("Running 0:42", "Failed", …).
    QString badgeText() const;

    void setDiffMark(NodeDiffMark mark);
    NodeDiffMark diffMark() const { return m_diff; }

    /// Dims the ports that cannot take the link being dragged; an empty list undims all.
    void setDimmedPorts(const QList<bool> &inputs, const QList<bool> &outputs);
    void clearDimmedPorts();

    /// Port under \a localPos (item coordinates), with a generous hit radius.
    PortSlot portAt(const QPointF &localPos) const;
    QPointF portPos(PortSlot port) const;
    QPointF portScenePos(PortSlot port) const { return mapToScene(portPos(port)); }
    int inputIndex(const QString &name) const;
    int outputIndex(const QString &name) const;
    const NodePort *port(PortSlot ref) const;

    void addEdge(EdgeItem *edge) { m_edges.append(edge); }
    void removeEdge(EdgeItem *edge) { m_edges.removeAll(edge); }
    const QList<EdgeItem *> &edges() const { return m_edges; }

    qreal height() const { return m_height; }
    QRectF cardRect() const { return QRectF(0, 0, CanvasStyle::NodeWidth, m_height); }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void paintOverview(QPainter *painter, qreal lod);
    void paintPorts(QPainter *painter, bool labels);
    void updateToolTip();

    QString m_id;
    const CanvasItemOptions *m_options;
    QString m_title;
    QString m_titleElided;
    QString m_templateLabel;
    QString m_templateElided;
    QString m_templateBesideBadge;
    QList<NodePort> m_inputs;
    QList<NodePort> m_outputs;
    QList<EdgeItem *> m_edges;
    qreal m_height = CanvasStyle::HeaderHeight + CanvasStyle::FooterHeight;
    NodeRunState m_state = NodeRunState::Idle;
    QDateTime m_startedAt;
    QString m_message;
    double m_progress = -1;
    NodeDiffMark m_diff = NodeDiffMark::None;
    bool m_broken = false;
    bool m_skipFlag = false;
};

} // namespace atelier
