#include "datasets/maskrle.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace atelier {

bool MaskRle::isValid() const
{
    if (height <= 0 || width <= 0)
        return false;
    qint64 sum = 0;
    for (quint32 c : counts)
        sum += c;
    return sum == qint64(height) * width;
}

qint64 MaskRle::area() const
{
    qint64 area = 0;
    for (qsizetype i = 1; i < counts.size(); i += 2)
        area += counts[i];
    return area;
}

QRectF MaskRle::bounds() const
{
    if (height <= 0)
        return {};
    qint64 pos = 0;
    qint64 minX = width, minY = height, maxX = -1, maxY = -1;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const qint64 run = counts[i];
        if (i % 2 == 1 && run > 0) {
            const qint64 first = pos, last = pos + run - 1;
            const qint64 x0 = first / height, x1 = last / height;
            minX = std::min(minX, x0);
            maxX = std::max(maxX, x1);
            if (x0 == x1) {
                minY = std::min(minY, first % height);
                maxY = std::max(maxY, last % height);
            } else { // the run wraps over a column: it covers the top and the bottom
                minY = 0;
                maxY = height - 1;
            }
        }
        pos += run;
    }
    if (maxX < 0)
        return {};
    return QRectF(minX, minY, maxX - minX + 1, maxY - minY + 1);
}

QImage MaskRle::toImage() const
{
    QImage image(width, height, QImage::Format_Grayscale8);
    image.fill(0);
    qint64 pos = 0;
    const qint64 total = qint64(width) * height;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const qint64 end = std::min(total, pos + qint64(counts[i]));
        if (i % 2 == 1) {
            for (qint64 p = pos; p < end; ++p)
                image.scanLine(int(p % height))[p / height] = 255;
        }
        pos = end;
    }
    return image;
}

MaskRle MaskRle::fromImage(const QImage &image, std::optional<int> index)
{
    MaskRle rle;
    rle.width = image.width();
    rle.height = image.height();
    QImage grey;
    const bool indexed = index && image.format() == QImage::Format_Indexed8;
    if (!indexed)
        grey = image.convertToFormat(QImage::Format_Grayscale8);
    const QImage &src = indexed ? image : grey;
    bool current = false;
    quint32 run = 0;
    for (int x = 0; x < rle.width; ++x) {
        for (int y = 0; y < rle.height; ++y) {
            const uchar v = src.constScanLine(y)[x];
            const bool set = indexed ? int(v) == *index : v >= 128;
            if (set != current) {
                rle.counts.append(run);
                run = 0;
                current = set;
            }
            ++run;
        }
    }
    rle.counts.append(run);
    return rle;
}

QByteArray MaskRle::toCompressedString() const
{
    // pycocotools maskApi.c rleToString: each count as a delta from the count two before
    // (from the third on), in 5-bit groups with a continuation bit, each char + 48.
    QByteArray out;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        qint64 x = counts[i];
        if (i > 2)
            x -= qint64(counts[i - 2]);
        bool more = true;
        while (more) {
            qint64 c = x & 0x1f;
            x >>= 5;
            more = (c & 0x10) ? x != -1 : x != 0;
            if (more)
                c |= 0x20;
            out.append(char(c + 48));
        }
    }
    return out;
}

std::optional<MaskRle> MaskRle::fromCompressedString(const QByteArray &s, int height, int width)
{
    MaskRle rle;
    rle.height = height;
    rle.width = width;
    qsizetype p = 0;
    while (p < s.size()) {
        qint64 x = 0;
        int k = 0;
        bool more = true;
        while (more) {
            if (p >= s.size() || k > 60)
                return std::nullopt;
            const qint64 c = qint64(uchar(s[p])) - 48;
            if (c < 0 || c > 63)
                return std::nullopt;
            x |= (c & 0x1f) << (5 * k);
            more = c & 0x20;
            ++p;
            ++k;
            if (!more && (c & 0x10))
                x |= -1LL << (5 * k);
        }
        const qsizetype m = rle.counts.size();
        if (m > 2)
            x += qint64(rle.counts[m - 2]);
        if (x < 0 || x > 0xffffffffLL)
            return std::nullopt;
        rle.counts.append(quint32(x));
    }
    if (!rle.isValid())
        return std::nullopt;
    return rle;
}

std::optional<MaskRle> MaskRle::fromJson(const QJsonObject &json)
{
    const QJsonArray size = json.value(u"size"_s).toArray();
    if (size.size() != 2 || !size[0].isDouble() || !size[1].isDouble())
        return std::nullopt;
    const int height = size[0].toInt(-1), width = size[1].toInt(-1);
    if (height <= 0 || width <= 0)
        return std::nullopt;
    const QJsonValue counts = json.value(u"counts"_s);
    if (counts.isString())
        return fromCompressedString(counts.toString().toLatin1(), height, width);
    if (!counts.isArray())
        return std::nullopt;
    MaskRle rle;
    rle.height = height;
    rle.width = width;
    for (const QJsonValue &v : counts.toArray()) {
        const double d = v.toDouble(-1);
        if (d < 0 || d > 4294967295.0 || d != double(qint64(d)))
            return std::nullopt;
        rle.counts.append(quint32(d));
    }
    if (!rle.isValid())
        return std::nullopt;
    return rle;
}

QJsonObject MaskRle::toJson() const
{
    return {{u"size"_s, QJsonArray{height, width}},
            {u"counts"_s, QString::fromLatin1(toCompressedString())}};
}

QJsonObject MaskRle::toUncompressedJson() const
{
    QJsonArray list;
    for (quint32 c : counts)
        list.append(qint64(c));
    return {{u"size"_s, QJsonArray{height, width}}, {u"counts"_s, list}};
}

} // namespace atelier
