#pragma once

#include <QStyledItemDelegate>

namespace atelier {

class ThumbnailCache;

/// Paints one cell of the image grid: the thumbnail (or a placeholder while it is decoded),
/// a status badge and the file name. Asks the cache for thumbnails at the size shown.
class ThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailDelegate)

public:
    ThumbnailDelegate(ThumbnailCache *cache, QObject *parent = nullptr);

    /// The thumbnail edge in pixels (the cell is a little larger for the name).
    void setThumbnailSize(int size) { m_size = size; }
    int thumbnailSize() const { return m_size; }
    /// The decode size for an edge of \a size: rounded up to a step so the disk cache is shared.
    static int decodeSize(int size, qreal devicePixelRatio);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    ThumbnailCache *m_cache;
    int m_size = 144;
};

} // namespace atelier
