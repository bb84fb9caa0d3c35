#include "labeling/labeldistributionchart.h"

#include "labeling/labelpicker.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace atelier {

LabelDistributionChart::LabelDistributionChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("labelDistribution"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void LabelDistributionChart::setDistribution(const QList<LabelCount> &counts,
                                             const QHash<QString, QColor> &colors)
{
    m_counts = counts;
    m_colors = colors;
    updateGeometry();
    update();
}

QSize LabelDistributionChart::sizeHint() const
{
    return QSize(240, qMax(1, int(m_counts.size())) * kRow + 8);
}

QSize LabelDistributionChart::minimumSizeHint() const
{
    return QSize(160, qMax(1, int(m_counts.size())) * kRow + 8);
}

void LabelDistributionChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_counts.isEmpty()) {
        painter.setPen(QColor(0x7b, 0x84, 0x96));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignTop, tr("No labels yet."));
        return;
    }
    qint64 most = 1;
    for (const LabelCount &count : m_counts)
        most = qMax(most, count.annotations);
    const QFontMetrics metrics(font());
    int nameWidth = 0;
    for (const LabelCount &count : m_counts)
        nameWidth = qMax(nameWidth, metrics.horizontalAdvance(count.label));
    nameWidth = qMin(nameWidth + 8, width() / 3);
    const int numberWidth = metrics.horizontalAdvance(QStringLiteral("00,000")) + 6;
    const int barLeft = nameWidth;
    const int barWidth = qMax(20, width() - barLeft - numberWidth);
    QLocale locale;
    for (int i = 0; i < m_counts.size(); ++i) {
        const LabelCount &count = m_counts[i];
        const int top = 4 + i * kRow;
        painter.setPen(QColor(0x2b, 0x31, 0x3d));
        painter.drawText(QRect(0, top, nameWidth - 6, kRow - 6), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(count.label, Qt::ElideRight, nameWidth - 6));
        const QRectF track(barLeft, top + 4, barWidth, kRow - 14);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xee, 0xf0, 0xf4));
        painter.drawRoundedRect(track, 3, 3);
        const QColor color = m_colors.value(count.label, LabelPicker::defaultColor(count.label));
        const double share = double(count.annotations) / double(most);
        if (count.annotations > 0) {
            painter.setBrush(color);
            painter.drawRoundedRect(
                QRectF(track.left(), track.top(), qMax(4.0, track.width() * share), track.height()),
                3, 3);
        }
        painter.setPen(QColor(0x5b, 0x64, 0x75));
        painter.drawText(QRect(barLeft + barWidth + 6, top, numberWidth, kRow - 6),
                         Qt::AlignVCenter | Qt::AlignLeft, locale.toString(count.annotations));
    }
}

void LabelDistributionChart::mousePressEvent(QMouseEvent *event)
{
    const int row = (int(event->position().y()) - 4) / kRow;
    if (row >= 0 && row < m_counts.size())
        Q_EMIT labelClicked(m_counts[row].label);
}

} // namespace atelier
