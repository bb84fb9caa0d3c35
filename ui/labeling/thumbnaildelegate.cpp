#include "labeling/thumbnaildelegate.h"

#include "datasets/datasetitemsmodel.h"
#include "labeling/thumbnailcache.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QColor statusColor(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Unlabeled:
        return QColor(0x9a, 0xa3, 0xb5);
    case ItemStatus::Labeled:
        return QColor(0x4f, 0x8c, 0xff);
    case ItemStatus::Reviewed:
        return QColor(0x2f, 0xb3, 0x6a);
    case ItemStatus::Rejected:
        return QColor(0xe5, 0x48, 0x4d);
    }
    return Qt::gray;
}

QString statusName(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Unlabeled:
        return ThumbnailDelegate::tr("Unlabeled");
    case ItemStatus::Labeled:
        return ThumbnailDelegate::tr("Labeled");
    case ItemStatus::Reviewed:
        return ThumbnailDelegate::tr("Reviewed");
    case ItemStatus::Rejected:
        return ThumbnailDelegate::tr("Rejected");
    }
    return {};
}

} // namespace

ThumbnailDelegate::ThumbnailDelegate(ThumbnailCache *cache, QObject *parent)
    : QStyledItemDelegate(parent), m_cache(cache)
{
}

int ThumbnailDelegate::decodeSize(int size, qreal devicePixelRatio)
{
    const int pixels = qCeil(size * devicePixelRatio);
    for (int step : {96, 128, 192, 256, 384, 512}) {
        if (pixels <= step)
            return step;
    }
    return pixels;
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return QSize(m_size + 12, m_size + 34);
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF cell = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    QPainterPath card;
    card.addRoundedRect(cell, 6, 6);
    painter->fillPath(card, selected ? QColor(0xe4, 0xed, 0xff) : QColor(Qt::white));
    painter->setPen(QPen(selected  ? QColor(0x4f, 0x8c, 0xff)
                         : hovered ? QColor(0xb9, 0xc3, 0xd6)
                                   : QColor(0xe1, 0xe5, 0xec),
                         selected ? 2 : 1));
    painter->drawPath(card);

    const QRectF frame(cell.left() + 3, cell.top() + 3, cell.width() - 6, m_size);
    painter->fillRect(frame, QColor(0xee, 0xf0, 0xf4));
    const bool loaded = index.data(DatasetItemsModel::LoadedRole).toBool();
    if (loaded) {
        const QString hash = index.data(DatasetItemsModel::ObjectHashRole).toString();
        const QString path = index.data(DatasetItemsModel::ImagePathRole).toString();
        const int size = decodeSize(m_size, painter->device()->devicePixelRatioF());
        const QImage image = m_cache->thumbnail(hash, path, size);
        if (!image.isNull()) {
            const qreal dpr = painter->device()->devicePixelRatioF();
            const QSize shown =
                (QSizeF(image.size()).scaled(frame.size(), Qt::KeepAspectRatio) * dpr).toSize();
            // Scaled once to the size shown and kept as a pixmap: a scrolling frame only blits.
            const QString key =
                u"atelier-thumb-%1-%2x%3"_s.arg(hash).arg(shown.width()).arg(shown.height());
            QPixmap pixmap;
            if (!QPixmapCache::find(key, &pixmap)) {
                pixmap = QPixmap::fromImage(
                    image.scaled(shown, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
                QPixmapCache::insert(key, pixmap);
            }
            pixmap.setDevicePixelRatio(dpr);
            const QSizeF logical = QSizeF(shown) / dpr;
            painter->drawPixmap(
                (frame.center() - QPointF(logical.width() / 2, logical.height() / 2)).toPoint(),
                pixmap);
        }
        const auto status = ItemStatus(index.data(DatasetItemsModel::StatusRole).toInt());
        // The status badge: a pill in the top-right corner (grey dot for unlabeled).
        const QColor color = statusColor(status);
        if (status == ItemStatus::Unlabeled) {
            painter->setPen(QPen(Qt::white, 1.5));
            painter->setBrush(color);
            painter->drawEllipse(QPointF(frame.right() - 9, frame.top() + 9), 4.5, 4.5);
        } else {
            QFont small = option.font;
            small.setPointSizeF(small.pointSizeF() * 0.78);
            small.setBold(true);
            painter->setFont(small);
            const QString text = statusName(status);
            const QFontMetricsF metrics(small);
            const QRectF pill(frame.right() - metrics.horizontalAdvance(text) - 14, frame.top() + 5,
                              metrics.horizontalAdvance(text) + 10, metrics.height() + 2);
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
            painter->setPen(Qt::white);
            painter->drawText(pill, Qt::AlignCenter, text);
        }
        painter->setFont(option.font);
        painter->setPen(QColor(0x2b, 0x31, 0x3d));
        const QRectF nameRect(cell.left() + 6, frame.bottom() + 4, cell.width() - 12,
                              cell.bottom() - frame.bottom() - 6);
        const QString name = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(),
                                                           Qt::ElideMiddle, int(nameRect.width()));
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, name);
    } else {
        painter->setPen(QColor(0xc4, 0xca, 0xd6));
        painter->drawText(frame, Qt::AlignCenter, u"…"_s);
    }
    painter->restore();
}

} // namespace atelier
