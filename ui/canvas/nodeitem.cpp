#include "canvas/nodeitem.h"
#include "canvas/edgeitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qreal Margin = 9; // room for port circles, the shadow and the diff tag

QString elided(const QFont &font, const QString &text, qreal width)
{
    return QFontMetricsF(font).elidedText(text, Qt::ElideRight, width);
}

QString elapsedText(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

NodeItem::NodeItem(const QString &id, const CanvasItemOptions *options)
    : m_id(id), m_options(options)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(false);
    setZValue(1);
}

void NodeItem::setContent(const QString &title, const QString &templateLabel,
                          const QList<NodePort> &inputs, const QList<NodePort> &outputs)
{
    const qreal height = NodeMetrics::sizeFor(int(inputs.size()), int(outputs.size())).height();
    if (!qFuzzyCompare(height, m_height))
        prepareGeometryChange();
    m_height = height;
    m_title = title;
    m_templateLabel = templateLabel;
    m_inputs = inputs;
    m_outputs = outputs;
    // Elided once here, not at every paint: the card has a fixed width in scene units.
    m_titleElided = elided(CanvasStyle::titleFont(), title, CanvasStyle::NodeWidth - 24);
    m_templateElided = elided(CanvasStyle::smallFont(), templateLabel, CanvasStyle::NodeWidth - 24);
    m_templateBesideBadge =
        elided(CanvasStyle::smallFont(), templateLabel, CanvasStyle::NodeWidth - 24 - 86);
    updateToolTip();
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->adjust();
    update();
}

void NodeItem::setBroken(bool broken)
{
    if (m_broken == broken)
        return;
    m_broken = broken;
    update();
}

void NodeItem::setSkipFlag(bool skip)
{
    if (m_skipFlag == skip)
        return;
    m_skipFlag = skip;
    setOpacity(skip ? 0.55 : 1.0);
    update();
}

void NodeItem::setRunState(NodeRunState state, const QDateTime &startedAt, const QString &message)
{
    m_state = state;
    m_startedAt = startedAt;
    m_message = message;
    if (state != NodeRunState::Running)
        m_progress = -1;
    updateToolTip();
    update();
}

void NodeItem::setProgress(double fraction)
{
    m_progress = fraction < 0 ? -1 : std::min(fraction, 1.0);
    update();
}

QString NodeItem::badgeText() const
{
    QString text = CanvasStyle::stateText(m_state);
    if (m_state == NodeRunState::Running && m_startedAt.isValid())
        text += u' ' + elapsedText(m_startedAt.secsTo(QDateTime::currentDateTimeUtc()));
    return text;
}

void NodeItem::setDiffMark(NodeDiffMark mark)
{
    if (m_diff == mark)
        return;
    m_diff = mark;
    update();
}

void NodeItem::setDimmedPorts(const QList<bool> &inputs, const QList<bool> &outputs)
{
    bool changed = false;
    for (qsizetype i = 0; i < m_inputs.size(); ++i) {
        const bool dim = inputs.value(i, false);
        changed |= m_inputs[i].dimmed != dim;
        m_inputs[i].dimmed = dim;
    }
    for (qsizetype i = 0; i < m_outputs.size(); ++i) {
        const bool dim = outputs.value(i, false);
        changed |= m_outputs[i].dimmed != dim;
        m_outputs[i].dimmed = dim;
    }
    if (changed)
        update();
}

void NodeItem::clearDimmedPorts()
{
    setDimmedPorts({}, {});
}

PortSlot NodeItem::portAt(const QPointF &localPos) const
{
    const qreal hit = CanvasStyle::PortRadius + 5;
    const qreal top = CanvasStyle::HeaderHeight;
    const qreal rowH = CanvasStyle::PortRowHeight;
    const int row = int(std::floor((localPos.y() - top) / rowH));
    if (localPos.y() < top || row < 0)
        return {};
    if (std::abs(localPos.x()) <= hit && row < m_inputs.size())
        return {false, row};
    if (std::abs(localPos.x() - CanvasStyle::NodeWidth) <= hit && row < m_outputs.size())
        return {true, row};
    return {};
}

QPointF NodeItem::portPos(PortSlot port) const
{
    const qreal y =
        CanvasStyle::HeaderHeight + (qreal(port.index) + 0.5) * CanvasStyle::PortRowHeight;
    return QPointF(port.output ? CanvasStyle::NodeWidth : 0, y);
}

int NodeItem::inputIndex(const QString &name) const
{
    for (qsizetype i = 0; i < m_inputs.size(); ++i)
        if (m_inputs.at(i).name == name)
            return int(i);
    return -1;
}

int NodeItem::outputIndex(const QString &name) const
{
    for (qsizetype i = 0; i < m_outputs.size(); ++i)
        if (m_outputs.at(i).name == name)
            return int(i);
    return -1;
}

const NodePort *NodeItem::port(PortSlot ref) const
{
    const QList<NodePort> &ports = ref.output ? m_outputs : m_inputs;
    if (ref.index < 0 || ref.index >= ports.size())
        return nullptr;
    return &ports.at(ref.index);
}

QRectF NodeItem::boundingRect() const
{
    return cardRect().adjusted(-Margin, -Margin, Margin, Margin);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(
        cardRect().adjusted(-CanvasStyle::PortRadius - 2, 0, CanvasStyle::PortRadius + 2, 0));
    return path;
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && m_options && m_options->snapping) {
        const qreal g = CanvasStyle::GridSize;
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / g) * g, std::round(p.y() / g) * g);
    }
    if (change == ItemPositionHasChanged) {
        // Only the edges of this node follow it.
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::updateToolTip()
{
    QString tip = m_title;
    if (!m_templateLabel.isEmpty())
        tip += u"\n"_s + m_templateLabel;
    if (m_state != NodeRunState::Idle)
        tip += u"\n"_s + CanvasStyle::stateText(m_state);
    if (!m_message.isEmpty())
        tip += u": "_s + m_message;
    setToolTip(tip);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod =
        m_options && m_options->levelOfDetail
            ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
            : 1.0;
    if (lod < CanvasStyle::LodShape) {
        paintOverview(painter, lod);
        return;
    }
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF card = cardRect();
    const qreal r = CanvasStyle::CornerRadius;
    const QColor stateColour = CanvasStyle::stateColor(m_state);

    painter->setRenderHint(QPainter::Antialiasing, true);
    // A soft shadow: two offset translucent cards are enough at this size.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(20, 30, 50, 14));
    painter->drawRoundedRect(card.translated(0, 3), r + 1, r + 1);
    painter->setBrush(QColor(20, 30, 50, 18));
    painter->drawRoundedRect(card.translated(0, 1.2), r, r);

    // The card with its header.
    painter->setBrush(CanvasStyle::cardFill());
    painter->drawRoundedRect(card, r, r);
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, card.width(), CanvasStyle::HeaderHeight + r), r, r);
    QPainterPath below;
    below.addRect(QRectF(0, CanvasStyle::HeaderHeight, card.width(), r));
    painter->setBrush(CanvasStyle::headerFill());
    painter->drawPath(header.subtracted(below));
    painter->setPen(QPen(CanvasStyle::cardBorder().lighter(108), 1));
    painter->drawLine(QPointF(0.5, CanvasStyle::HeaderHeight),
                      QPointF(card.width() - 0.5, CanvasStyle::HeaderHeight));

    // State strip on the left edge.
    if (m_state != NodeRunState::Idle) {
        QPainterPath strip;
        strip.addRoundedRect(card, r, r);
        QPainterPath left;
        left.addRect(QRectF(0, 0, 4, card.height()));
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColour);
        painter->drawPath(strip.intersected(left));
    }

    // Border: selection, diff mark, broken template.
    QPen border(CanvasStyle::cardBorder(), 1);
    if (m_diff != NodeDiffMark::None) {
        border = QPen(CanvasStyle::diffColor(m_diff), 2.5);
        if (m_diff == NodeDiffMark::Removed)
            border.setStyle(Qt::DashLine);
    }
    if (m_broken)
        border = QPen(CanvasStyle::stateColor(NodeRunState::Failed), 1.5, Qt::DashLine);
    if (selected)
        border = QPen(CanvasStyle::accent(), 2);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(border);
    painter->drawRoundedRect(card, r, r);
    if (selected && m_diff != NodeDiffMark::None) {
        painter->setPen(QPen(CanvasStyle::diffColor(m_diff), 1.5));
        painter->drawRoundedRect(card.adjusted(-4, -4, 4, 4), r + 3, r + 3);
    }

    const bool details = lod >= CanvasStyle::LodText;
    // Title, template and state badge.
    if (lod >= CanvasStyle::LodTitle) {
        painter->setFont(CanvasStyle::titleFont());
        painter->setPen(CanvasStyle::titleText());
        const QRectF titleRect(12, 5, card.width() - 24, 18);
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, m_titleElided);
    }
    if (details) {
        painter->setFont(CanvasStyle::smallFont());
        painter->setPen(m_broken ? CanvasStyle::stateColor(NodeRunState::Failed)
                                 : CanvasStyle::secondaryText());
        // The state badge shares the template's line, so the name keeps the whole width; far
        // away the badge is only a dot.
        painter->drawText(QRectF(12, 24, card.width() - 24, 15), Qt::AlignLeft | Qt::AlignVCenter,
                          m_state != NodeRunState::Idle ? m_templateBesideBadge : m_templateElided);
        if (m_state != NodeRunState::Idle) {
            const QString text = badgeText();
            const qreal textWidth = QFontMetricsF(painter->font()).horizontalAdvance(text);
            const QRectF pill(card.width() - 10 - textWidth - 18, 24, textWidth + 18, 16);
            QColor fill = stateColour;
            fill.setAlpha(36);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(pill, 8, 8);
            painter->setBrush(stateColour);
            painter->drawEllipse(QPointF(pill.left() + 8, pill.center().y()), 3, 3);
            painter->setPen(stateColour.darker(135));
            painter->drawText(pill.adjusted(13, 0, -4, 0), Qt::AlignCenter, text);
        }
    } else if (m_state != NodeRunState::Idle) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColour);
        painter->drawEllipse(QPointF(card.width() - 14, 15), 6, 6);
    }

    // Progress mark along the bottom edge.
    if (m_state == NodeRunState::Running || m_progress >= 0) {
        const qreal w = card.width() - 2 * r;
        const QRectF track(r, card.height() - 5, w, 3);
        painter->setPen(Qt::NoPen);
        QColor trackColour = stateColour;
        trackColour.setAlpha(40);
        painter->setBrush(trackColour);
        painter->drawRoundedRect(track, 1.5, 1.5);
        painter->setBrush(stateColour);
        if (m_progress >= 0) {
            painter->drawRoundedRect(QRectF(track.left(), track.top(), w * m_progress, 3), 1.5,
                                     1.5);
        } else {
            // Unknown fraction: a short segment that moves with the elapsed seconds.
            const qint64 s =
                m_startedAt.isValid() ? m_startedAt.secsTo(QDateTime::currentDateTimeUtc()) : 0;
            const qreal x = qreal(s % 8) / 8.0 * (w * 0.75);
            painter->drawRoundedRect(QRectF(track.left() + x, track.top(), w * 0.25, 3), 1.5, 1.5);
        }
    }

    paintPorts(painter, details);

    if (m_diff != NodeDiffMark::None && details) {
        const QColor c = CanvasStyle::diffColor(m_diff);
        const QPointF centre(0, 0);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(c);
        painter->drawEllipse(centre, 8, 8);
        painter->setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap));
        if (m_diff == NodeDiffMark::Added || m_diff == NodeDiffMark::Removed)
            painter->drawLine(centre + QPointF(-4, 0), centre + QPointF(4, 0));
        if (m_diff == NodeDiffMark::Added)
            painter->drawLine(centre + QPointF(0, -4), centre + QPointF(0, 4));
        if (m_diff == NodeDiffMark::Changed)
            painter->drawEllipse(centre, 2, 2);
    }
}

void NodeItem::paintOverview(QPainter *painter, qreal lod)
{
    // Far away: a plain box, no anti-aliasing, no text but the title while it is readable.
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QRectF card = cardRect();
    QColor edge = m_state == NodeRunState::Idle ? CanvasStyle::cardBorder().darker(115)
                                                : CanvasStyle::stateColor(m_state);
    if (m_diff != NodeDiffMark::None)
        edge = CanvasStyle::diffColor(m_diff);
    if (isSelected())
        edge = CanvasStyle::accent();
    painter->setPen(QPen(edge, 0));
    painter->setBrush(isSelected() ? QColor(0xe4, 0xed, 0xff) : CanvasStyle::cardFill());
    painter->drawRect(card);
    if (m_state != NodeRunState::Idle || m_diff != NodeDiffMark::None || isSelected())
        painter->fillRect(QRectF(0, 0, card.width(), CanvasStyle::HeaderHeight * 0.5), edge);
    if (lod >= CanvasStyle::LodTitle) {
        painter->setFont(CanvasStyle::titleFont());
        painter->setPen(CanvasStyle::titleText());
        painter->drawText(card.adjusted(8, 0, -8, 0), Qt::AlignCenter, m_titleElided);
    }
}

void NodeItem::paintPorts(QPainter *painter, bool labels)
{
    const qreal pr = CanvasStyle::PortRadius;
    painter->setFont(CanvasStyle::smallFont());
    auto drawPort = [&](const NodePort &port, PortSlot ref) {
        const QPointF c = portPos(ref);
        QColor colour = CanvasStyle::portColor(port.type);
        if (port.dimmed)
            colour.setAlpha(55);
        painter->setPen(QPen(port.dimmed ? QColor(255, 255, 255, 90) : QColor(Qt::white), 1.5));
        painter->setBrush(port.optional ? QColor(Qt::white) : colour);
        painter->drawEllipse(c, pr, pr);
        if (port.optional) {
            painter->setPen(QPen(colour, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(c, pr - 1, pr - 1);
        }
        if (!labels)
            return;
        QColor text = CanvasStyle::titleText();
        if (port.dimmed)
            text.setAlpha(70);
        painter->setPen(text);
        const qreal half = CanvasStyle::NodeWidth / 2 - 14;
        const QRectF box = ref.output
                               ? QRectF(CanvasStyle::NodeWidth - 12 - half, c.y() - 9, half, 18)
                               : QRectF(12, c.y() - 9, half, 18);
        painter->drawText(box, (ref.output ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                          port.name);
    };
    for (qsizetype i = 0; i < m_inputs.size(); ++i)
        drawPort(m_inputs.at(i), {false, int(i)});
    for (qsizetype i = 0; i < m_outputs.size(); ++i)
        drawPort(m_outputs.at(i), {true, int(i)});
}

} // namespace atelier
