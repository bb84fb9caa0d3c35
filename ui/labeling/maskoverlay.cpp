#include "labeling/maskoverlay.h"

#include "datasets/maskstroke.h"

#include <QList>

#include <cmath>

namespace atelier {

MaskOverlay MaskOverlay::fromMask(const MaskRle &mask)
{
    MaskOverlay overlay;
    overlay.mask = mask;
    const QRect box = mask.bounds().toRect();
    overlay.origin = box.topLeft();
    if (!box.isEmpty())
        overlay.pixels = MaskStroke::decode(mask, box);
    return overlay;
}

bool MaskOverlay::contains(const QPoint &pixel) const
{
    const QPoint at = pixel - origin;
    return pixels.rect().contains(at) && pixels.constScanLine(at.y())[at.x()] >= 128;
}

QImage MaskOverlay::render(const QRectF &source, const QSize &target, QRgb color, bool hatched,
                           const QPoint &targetAt) const
{
    return render(pixels, origin, source, target, color, hatched, targetAt);
}

QImage MaskOverlay::render(const QImage &pixels, const QPoint &origin, const QRectF &source,
                           const QSize &target, QRgb color, bool hatched, const QPoint &targetAt)
{
    QImage out(target, QImage::Format_ARGB32_Premultiplied);
    if (out.isNull())
        return out;
    out.fill(Qt::transparent);
    const double sx = source.width() / target.width();
    const double sy = source.height() / target.height();
    // Light stripes, 3 of every 12 widget pixels along the diagonal.
    const QRgb stripe = qRgba(235, 235, 235, 210);
    QList<int> columns(target.width());
    for (int tx = 0; tx < target.width(); ++tx) {
        const int x = int(std::floor(source.left() + (tx + 0.5) * sx)) - origin.x();
        columns[tx] = x >= 0 && x < pixels.width() ? x : -1;
    }
    for (int ty = 0; ty < target.height(); ++ty) {
        const int y = int(std::floor(source.top() + (ty + 0.5) * sy)) - origin.y();
        if (y < 0 || y >= pixels.height())
            continue;
        const uchar *from = pixels.constScanLine(y);
        auto *to = reinterpret_cast<QRgb *>(out.scanLine(ty));
        const int phase = targetAt.x() + targetAt.y() + ty;
        for (int tx = 0; tx < target.width(); ++tx) {
            const int x = columns[tx];
            if (x >= 0 && from[x] >= 128)
                to[tx] = hatched && (phase + tx) % 12 < 3 ? stripe : color;
        }
    }
    return out;
}

} // namespace atelier
