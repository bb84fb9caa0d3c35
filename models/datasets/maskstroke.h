#pragma once

#include "datasets/maskrle.h"

#include <QImage>
#include <QPointF>
#include <QRect>
#include <QSize>

namespace atelier {

/// One brush or eraser stroke on a mask, from press to release. The mask is decoded once into
/// a greyscale image when the stroke starts; each mouse move paints a round-capped segment into
/// it; the finished stroke is encoded once, and only the columns it touched are encoded again
/// (COCO's runs go column by column), so the cost follows the stroke, not the image's size.
/// Not thread-safe; one stroke belongs to one gesture on the GUI thread.
class MaskStroke
{
public:
    /// A stroke on \a mask, or on an empty mask of \a size when \a mask is not valid.
    /// \a decoded: the mask's pixels when the caller has them already (Grayscale8, cropped
    /// at \a decodedAt, as a canvas keeps them to draw the mask), which saves decoding it.
    MaskStroke(const MaskRle &mask, const QSize &size, const QImage &decoded = {},
               const QPoint &decodedAt = {});

    /// Sets (or, with \a erase, clears) the pixels whose centres lie within \a radius image
    /// pixels of the segment \a from → \a to; returns the box of pixels looked at.
    QRect paint(const QPointF &from, const QPointF &to, double radius, bool erase);
    /// The mask as painted so far: Format_Grayscale8, 255 where set and 0 elsewhere.
    const QImage &pixels() const { return m_pixels; }
    QSize size() const { return m_pixels.size(); }
    /// Every pixel the stroke may have changed (image pixels; empty before the first paint).
    QRect touched() const { return m_touched; }
    /// The box of the mask before the stroke together with what the stroke painted.
    QRect extent() const { return m_extent; }
    /// The mask with the stroke: the runs of untouched columns are kept as they were.
    MaskRle result() const;

    /// \a mask with columns \a firstColumn … \a lastColumn taken from \a pixels (Grayscale8,
    /// the mask's size, 0 or 255 as pixels() holds them) and the runs of the other columns kept.
    static MaskRle spliceColumns(const MaskRle &mask, const QImage &pixels, int firstColumn,
                                 int lastColumn);
    /// The \a region (image pixels; null: all of it) of \a mask as a Format_Grayscale8
    /// image, 255 where set (what MaskRle::toImage gives, filled column segment by column
    /// segment rather than pixel by pixel).
    static QImage decode(const MaskRle &mask, const QRect &region = {});

private:
    MaskRle m_original;
    QImage m_pixels;
    QRect m_touched;
    QRect m_extent;
};

} // namespace atelier
