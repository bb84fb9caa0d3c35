#pragma once

#include "datasets/maskrle.h"

#include <QImage>
#include <QPoint>
#include <QRectF>
#include <QSize>

namespace atelier {

/// A mask as the annotation canvas draws it: its pixels decoded once, cropped to the mask's
/// bounds (one byte a pixel), and tinted at the widget's resolution in each frame, so that a
/// frame costs the pixels on screen whatever the image's size, and a finished brush stroke
/// hands its pixels over without decoding what it just encoded.
struct MaskOverlay
{
    MaskRle mask;  ///< what it shows (sharing the shape's runs: comparing costs nothing)
    QPoint origin; ///< image position of the top left of pixels
    QImage pixels; ///< Format_Grayscale8, 255 where set; null for an empty mask

    /// \a mask decoded, cropped to its bounds.
    static MaskOverlay fromMask(const MaskRle &mask);
    /// Whether image pixel \a pixel is set.
    bool contains(const QPoint &pixel) const;
    /// \a source (image pixels) scaled to \a target by nearest pixel: \a color (premultiplied
    /// ARGB) where set, transparent elsewhere; \a hatched draws diagonal stripes over it,
    /// fixed to the widget (\a targetAt: where the result will be drawn).
    QImage render(const QRectF &source, const QSize &target, QRgb color, bool hatched = false,
                  const QPoint &targetAt = {}) const;
    /// The same for any Grayscale8 \a pixels placed at \a origin in the image.
    static QImage render(const QImage &pixels, const QPoint &origin, const QRectF &source,
                         const QSize &target, QRgb color, bool hatched = false,
                         const QPoint &targetAt = {});
};

} // namespace atelier
