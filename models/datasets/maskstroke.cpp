#include "datasets/maskstroke.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace atelier {

namespace {

// Appends a run of \a length pixels of \a value to COCO counts (which start with a run of 0s).
void appendRun(QList<quint32> &counts, bool value, qint64 length)
{
    if (length <= 0)
        return;
    if (counts.isEmpty()) {
        if (value)
            counts.append(0);
        counts.append(quint32(length));
        return;
    }
    const bool last = (counts.size() - 1) % 2 == 1;
    if (last == value)
        counts.last() += quint32(length);
    else
        counts.append(quint32(length));
}

// Appends the runs of \a mask that lie in [begin, end) of its column-major pixel order.
void appendRange(QList<quint32> &counts, const MaskRle &mask, qint64 begin, qint64 end)
{
    qint64 pos = 0;
    for (qsizetype i = 0; i < mask.counts.size() && pos < end; ++i) {
        const qint64 next = pos + mask.counts[i];
        appendRun(counts, i % 2 == 1, std::min(next, end) - std::max(pos, begin));
        pos = next;
    }
}

} // namespace

MaskStroke::MaskStroke(const MaskRle &mask, const QSize &size, const QImage &decoded,
                       const QPoint &decodedAt)
{
    if (mask.isValid()) {
        m_original = mask;
        m_extent = mask.bounds().toRect();
    } else {
        m_original.width = size.width();
        m_original.height = size.height();
        m_original.counts = {quint32(qint64(size.width()) * size.height())};
    }
    const QRect full(0, 0, m_original.width, m_original.height);
    const QRect known(decodedAt, decoded.size());
    if (decoded.format() != QImage::Format_Grayscale8 || !full.contains(known) ||
        !known.contains(m_extent)) {
        m_pixels = decode(m_original);
        return;
    }
    // Rows copied from what is decoded already: a memcpy each, no run to walk.
    m_pixels = QImage(full.size(), QImage::Format_Grayscale8);
    m_pixels.fill(0);
    for (int y = 0; y < known.height(); ++y)
        std::memcpy(m_pixels.scanLine(known.top() + y) + known.left(), decoded.constScanLine(y),
                    size_t(known.width()));
}

QImage MaskStroke::decode(const MaskRle &mask, const QRect &region)
{
    const QRect area = region.isNull() ? QRect(0, 0, mask.width, mask.height)
                                       : region.intersected(QRect(0, 0, mask.width, mask.height));
    QImage image(area.size(), QImage::Format_Grayscale8);
    if (image.isNull())
        return image;
    image.fill(0);
    const qint64 height = mask.height;
    const qint64 total = qint64(mask.width) * height;
    const qsizetype stride = image.bytesPerLine();
    uchar *bits = image.bits();
    qint64 pos = 0;
    for (qsizetype i = 0; i < mask.counts.size() && pos < total; ++i) {
        const qint64 end = std::min(total, pos + qint64(mask.counts[i]));
        if (i % 2 == 1) {
            // Column by column: one division per column a run crosses, not one per pixel.
            qint64 p = pos;
            while (p < end) {
                const qint64 x = p / height;
                const qint64 y0 = p - x * height;
                const qint64 y1 = std::min(height, y0 + (end - p));
                p += y1 - y0;
                if (x < area.left() || x > area.right())
                    continue;
                const qint64 top = std::max<qint64>(y0, area.top());
                const qint64 bottom = std::min<qint64>(y1, area.bottom() + 1);
                uchar *cell = bits + (top - area.top()) * stride + (x - area.left());
                for (qint64 y = top; y < bottom; ++y, cell += stride)
                    *cell = 255;
            }
        }
        pos = end;
    }
    return image;
}

QRect MaskStroke::paint(const QPointF &from, const QPointF &to, double radius, bool erase)
{
    const QRectF reach = QRectF(from, to).normalized().adjusted(-radius, -radius, radius, radius);
    const QRect box = QRect(QPoint(int(std::floor(reach.left())), int(std::floor(reach.top()))),
                            QPoint(int(std::ceil(reach.right())), int(std::ceil(reach.bottom()))))
                          .intersected(m_pixels.rect());
    if (box.isEmpty())
        return {};
    const uchar value = erase ? 0 : 255;
    const QPointF ab = to - from;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double radius2 = radius * radius;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        uchar *line = m_pixels.scanLine(y);
        for (int x = box.left(); x <= box.right(); ++x) {
            // The pixel's centre against the segment: a disc swept from one end to the other.
            const QPointF c(x + 0.5, y + 0.5);
            const double t = length2 > 0
                                 ? std::clamp(QPointF::dotProduct(c - from, ab) / length2, 0.0, 1.0)
                                 : 0.0;
            const QPointF d = c - (from + t * ab);
            if (d.x() * d.x() + d.y() * d.y() <= radius2)
                line[x] = value;
        }
    }
    m_touched |= box;
    if (!erase)
        m_extent |= box;
    return box;
}

MaskRle MaskStroke::result() const
{
    if (m_touched.isEmpty())
        return m_original;
    return spliceColumns(m_original, m_pixels, m_touched.left(), m_touched.right());
}

MaskRle MaskStroke::spliceColumns(const MaskRle &mask, const QImage &pixels, int firstColumn,
                                  int lastColumn)
{
    MaskRle out;
    out.width = mask.width;
    out.height = mask.height;
    const qint64 height = mask.height;
    firstColumn = std::max(0, firstColumn);
    lastColumn = std::min(mask.width - 1, lastColumn);
    if (lastColumn < firstColumn)
        return mask;
    const int columns = lastColumn - firstColumn + 1;
    const qint64 begin = firstColumn * height;
    const qint64 end = (lastColumn + 1) * height;

    // Where each touched column changes value, found row by row: the image is stored row by
    // row, and reading it column by column would miss the cache at every pixel. Rows are
    // compared eight bytes at a time with the row above (row -1 being unset), so what costs is
    // the number of changes, not the pixels.
    std::vector<std::pair<int, int>> changes; // (column, row) in row order
    const std::vector<uchar> unset(size_t(columns) + 8, 0);
    const uchar *above = unset.data();
    for (int y = 0; y < mask.height; ++y) {
        const uchar *row = pixels.constScanLine(y) + firstColumn;
        int x = 0;
        for (; x + 8 <= columns; x += 8) {
            quint64 a, b;
            std::memcpy(&a, row + x, 8);
            std::memcpy(&b, above + x, 8);
            if (a == b)
                continue;
            for (int k = x; k < x + 8; ++k) {
                if (row[k] != above[k])
                    changes.emplace_back(k, y);
            }
        }
        for (; x < columns; ++x) {
            if (row[x] != above[x])
                changes.emplace_back(x, y);
        }
        above = row;
    }
    // Grouped by column (a stable counting sort keeps each column's rows in order).
    std::vector<int> first(size_t(columns) + 1, 0);
    for (const auto &[x, y] : changes)
        ++first[size_t(x) + 1];
    for (int x = 0; x < columns; ++x)
        first[size_t(x) + 1] += first[size_t(x)];
    std::vector<int> rows(changes.size());
    std::vector<int> fill(first.begin(), first.end() - 1);
    for (const auto &[x, y] : changes)
        rows[size_t(fill[size_t(x)]++)] = y;

    out.counts.reserve(mask.counts.size() + qsizetype(changes.size()) + 2);
    appendRange(out.counts, mask, 0, begin);
    for (int x = 0; x < columns; ++x) {
        bool value = false;
        qint64 from = 0;
        for (int i = first[size_t(x)]; i < first[size_t(x) + 1]; ++i) {
            appendRun(out.counts, value, rows[size_t(i)] - from);
            value = !value;
            from = rows[size_t(i)];
        }
        appendRun(out.counts, value, height - from);
    }
    appendRange(out.counts, mask, end, qint64(mask.width) * height);
    if (out.counts.isEmpty())
        out.counts.append(0);
    return out;
}

} // namespace atelier
