#pragma once

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QRectF>

#include <optional>

namespace atelier {

/// A binary mask as a run-length encoding, the way COCO stores it: the image's pixels read
/// column by column (x outer, y inner: Fortran order), alternating runs of 0 and 1 starting
/// with 0. A mask annotation's geometry is {"size": [height, width], "counts": "…"} with the
/// counts in COCO's compressed string form (what pycocotools' maskUtils.encode writes).
struct MaskRle
{
    int height = 0;
    int width = 0;
    QList<quint32> counts; ///< run lengths, summing to height × width

    bool isValid() const;
    /// Pixels set.
    qint64 area() const;
    /// The tightest box around the set pixels ([x, y, w, h]; empty when no pixel is set).
    QRectF bounds() const;
    /// A width × height Format_Grayscale8 image, 255 where set.
    QImage toImage() const;
    /// The pixels of \a image (any format) whose grey value is at least 128 … or, for an
    /// indexed image, whose index equals \a index when given.
    static MaskRle fromImage(const QImage &image, std::optional<int> index = std::nullopt);

    /// COCO's compressed counts string (LEB128-like, 6 bits a char offset by 48, deltas from
    /// the run two before).
    QByteArray toCompressedString() const;
    /// Parses COCO's compressed string; nullopt when it is malformed or does not sum to h × w.
    static std::optional<MaskRle> fromCompressedString(const QByteArray &counts, int height,
                                                       int width);
    /// COCO's uncompressed form: {"size": [h, w], "counts": [n, …]} or the compressed one
    /// {"size": [h, w], "counts": "…"}; nullopt when malformed.
    static std::optional<MaskRle> fromJson(const QJsonObject &json);
    /// The geometry of a mask annotation (compressed counts).
    QJsonObject toJson() const;
    /// COCO's uncompressed form (counts as a list of numbers).
    QJsonObject toUncompressedJson() const;

    bool operator==(const MaskRle &other) const = default;
};

} // namespace atelier
