#include "monitor/parallelcoordinateschart.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QColor qualityColour(double quality)
{
    // Worst trials recede (blue-grey, faint), the best stand out (orange, solid).
    const QColor low(120, 140, 170, 90);
    const QColor high(230, 110, 20, 230);
    auto mix = [quality](int a, int b) { return int(a + (b - a) * quality); };
    return QColor(mix(low.red(), high.red()), mix(low.green(), high.green()),
                  mix(low.blue(), high.blue()), mix(low.alpha(), high.alpha()));
}

} // namespace

ParallelCoordinatesChart::ParallelCoordinatesChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"parallelCoordinates"_s);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void ParallelCoordinatesChart::setData(ParallelCoordinates data)
{
    m_data = std::move(data);
    m_hovered = -1;
    update();
}

QRectF ParallelCoordinatesChart::plotRect() const
{
    const QFontMetrics metrics = fontMetrics();
    // Room for the title above, two label lines and an importance bar below.
    return QRectF(rect()).adjusted(48, 2 * metrics.height() + 12, -48,
                                   -(3 * metrics.height() + 14));
}

QPointF ParallelCoordinatesChart::pointOf(int line, int axis) const
{
    if (line < 0 || line >= m_data.lines.size() || axis < 0 || axis >= m_data.axes.size())
        return {};
    const QRectF plot = plotRect();
    const double x = m_data.axes.size() > 1
                         ? plot.left() + plot.width() * axis / double(m_data.axes.size() - 1)
                         : plot.center().x();
    const double y = plot.bottom() - plot.height() * m_data.lines[line].positions.value(axis);
    return {x, y};
}

int ParallelCoordinatesChart::lineAt(QPointF pos) const
{
    int nearest = -1;
    double best = 6; // pixels
    for (int line = 0; line < m_data.lines.size(); ++line) {
        for (int axis = 0; axis + 1 < m_data.axes.size(); ++axis) {
            const QPointF a = pointOf(line, axis), b = pointOf(line, axis + 1);
            if (pos.x() < a.x() || pos.x() > b.x() || b.x() <= a.x())
                continue;
            const double y = a.y() + (b.y() - a.y()) * (pos.x() - a.x()) / (b.x() - a.x());
            if (std::abs(y - pos.y()) < best) {
                best = std::abs(y - pos.y());
                nearest = line;
            }
        }
    }
    return nearest;
}

void ParallelCoordinatesChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QFontMetrics metrics = fontMetrics();
    painter.setPen(pal.text().color());
    painter.drawText(QRectF(0, 4, width(), metrics.height()), Qt::AlignHCenter,
                     tr("Parameters against the objective"));
    if (m_data.lines.isEmpty()) {
        painter.setPen(pal.placeholderText().color());
        painter.drawText(rect(), Qt::AlignCenter, tr("No completed trial yet."));
        return;
    }
    const QRectF plot = plotRect();

    // Lines first, worst to best, so the best lie on top; the best trial bold.
    QList<int> order;
    for (int line = 0; line < m_data.lines.size(); ++line)
        order.append(line);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_data.lines[a].quality < m_data.lines[b].quality;
    });
    for (int line : std::as_const(order)) {
        const bool best = m_data.lines[line].trial == m_data.bestTrial;
        const bool hovered = line == m_hovered;
        QPainterPath path(pointOf(line, 0));
        for (int axis = 1; axis < m_data.axes.size(); ++axis)
            path.lineTo(pointOf(line, axis));
        QPen pen(hovered ? pal.highlight().color() : qualityColour(m_data.lines[line].quality),
                 best || hovered ? 3 : 1.3);
        painter.setPen(pen);
        painter.drawPath(path);
    }

    // Axes with their ends' labels, names and importance bars.
    for (int axis = 0; axis < m_data.axes.size(); ++axis) {
        const ParallelCoordinates::Axis &spec = m_data.axes[axis];
        const double x = m_data.axes.size() > 1
                             ? plot.left() + plot.width() * axis / double(m_data.axes.size() - 1)
                             : plot.center().x();
        painter.setPen(QPen(pal.text().color(), 1));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const double labelWidth =
            std::max(60.0, plot.width() / std::max<qsizetype>(1, m_data.axes.size()));
        auto text = [&](double y, const QString &label, const QColor &colour) {
            painter.setPen(colour);
            painter.drawText(QRectF(x - labelWidth / 2, y, labelWidth, metrics.height()),
                             Qt::AlignHCenter,
                             metrics.elidedText(label, Qt::ElideMiddle, int(labelWidth)));
        };
        const QColor dim = pal.placeholderText().color();
        if (spec.categorical) {
            for (qsizetype i = 0; i < spec.categories.size(); ++i) {
                const double position = spec.categories.size() > 1
                                            ? double(i) / double(spec.categories.size() - 1)
                                            : 0.5;
                const double y = plot.bottom() - plot.height() * position;
                painter.setPen(dim);
                painter.drawText(QPointF(x + 4, y - 2), spec.categories[i]);
            }
        } else {
            text(plot.top() - metrics.height() - 1, m_data.label(axis, 1), dim);
            text(plot.bottom() + 2, m_data.label(axis, 0), dim);
        }
        // The name, with the importance after it and as a bar under it.
        text(plot.bottom() + metrics.height() + 4,
             spec.importance >= 0
                 ? tr("%1 (%2%)").arg(spec.key).arg(spec.importance * 100, 0, 'f', 0)
                 : spec.key,
             pal.text().color());
        if (spec.importance >= 0) {
            const double full = std::min(60.0, labelWidth * 0.6);
            const QRectF track(x - full / 2, plot.bottom() + 2 * metrics.height() + 8, full, 5);
            painter.fillRect(track, pal.alternateBase());
            painter.fillRect(
                QRectF(track.topLeft(), QSizeF(full * std::clamp(spec.importance, 0.0, 1.0), 5)),
                QColor(230, 110, 20));
        }
    }
}

void ParallelCoordinatesChart::mouseMoveEvent(QMouseEvent *event)
{
    const int line = lineAt(event->position());
    if (line != m_hovered) {
        m_hovered = line;
        update();
    }
    if (line >= 0) {
        const ParallelCoordinates::Line &l = m_data.lines[line];
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("Trial %1: %2").arg(l.trial).arg(l.value, 0, 'g', 6), this);
    } else {
        QToolTip::hideText();
    }
}

} // namespace atelier
