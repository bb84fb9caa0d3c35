#include "datasets/indexedmasks.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class IndexedMasks
{
    Q_DECLARE_TR_FUNCTIONS(IndexedMasks)
};

/// \a image as one byte of index per pixel (Format_Indexed8 whose bytes are the indices).
/// Palette images keep their indices, greyscale ones their values, RGB ones go through
/// VOC's colours (CVAT and others write colour PNGs); \a unknown counts colours not there.
QImage toIndices(const QImage &image, int &unknown)
{
    if (image.format() == QImage::Format_Indexed8)
        return image;
    if (image.colorCount() > 0 && image.depth() < 8) // 1- or 4-bit palette PNGs
        return image.convertToFormat(QImage::Format_Indexed8);
    QImage out(image.size(), QImage::Format_Indexed8);
    out.setColorTable(vocPalette());
    if (image.format() == QImage::Format_Grayscale8 ||
        image.format() == QImage::Format_Grayscale16) {
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        for (int y = 0; y < grey.height(); ++y)
            std::copy_n(grey.constScanLine(y), grey.width(), out.scanLine(y));
        return out;
    }
    QHash<QRgb, int> byColour;
    const QList<QRgb> palette = vocPalette();
    for (int i = palette.size() - 1; i >= 0; --i)
        byColour.insert(palette[i] | 0xff000000u, i);
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *in = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        uchar *line = out.scanLine(y);
        for (int x = 0; x < rgb.width(); ++x) {
            const int index = byColour.value(in[x] | 0xff000000u, -1);
            if (index < 0)
                ++unknown;
            line[x] = uchar(std::max(index, 0));
        }
    }
    return out;
}

Result<QImage> loadIndices(const QString &file, int &unknown)
{
    const QImage image(file);
    if (image.isNull())
        return makeError(
            ErrorCode::Invalid,
            IndexedMasks::tr("%1 is not a readable PNG").arg(QFileInfo(file).fileName()));
    return toIndices(image, unknown);
}

} // namespace

QList<QRgb> vocPalette()
{
    // The devkit's VOClabelcolormap: the bits of the index spread over the high bits of r, g, b.
    QList<QRgb> palette;
    palette.reserve(256);
    for (int i = 0; i < 256; ++i) {
        int r = 0, g = 0, b = 0, c = i;
        for (int j = 0; j < 8; ++j) {
            r |= ((c >> 0) & 1) << (7 - j);
            g |= ((c >> 1) & 1) << (7 - j);
            b |= ((c >> 2) & 1) << (7 - j);
            c >>= 3;
        }
        palette.append(qRgb(r, g, b));
    }
    return palette;
}

QStringList vocClassNames()
{
    return {u"background"_s, u"aeroplane"_s,   u"bicycle"_s, u"bird"_s,  u"boat"_s,
            u"bottle"_s,     u"bus"_s,         u"car"_s,     u"cat"_s,   u"chair"_s,
            u"cow"_s,        u"diningtable"_s, u"dog"_s,     u"horse"_s, u"motorbike"_s,
            u"person"_s,     u"pottedplant"_s, u"sheep"_s,   u"sofa"_s,  u"train"_s,
            u"tvmonitor"_s};
}

Result<IndexedMaskSet> readIndexedMasks(const QString &classPng, const QString &objectPng)
{
    IndexedMaskSet set;
    QImage classes, objects;
    if (!classPng.isEmpty()) {
        auto loaded = loadIndices(classPng, set.unknownColours);
        if (!loaded)
            return loaded.error();
        classes = loaded.value();
    }
    if (!objectPng.isEmpty()) {
        auto loaded = loadIndices(objectPng, set.unknownColours);
        if (!loaded)
            return loaded.error();
        objects = loaded.value();
    }
    if (!classes.isNull() && !objects.isNull() && classes.size() != objects.size()) {
        return makeError(ErrorCode::Invalid,
                         IndexedMasks::tr("the class PNG is %1×%2 but the object PNG %3×%4")
                             .arg(classes.width())
                             .arg(classes.height())
                             .arg(objects.width())
                             .arg(objects.height()));
    }
    const QImage &primary = objects.isNull() ? classes : objects;
    if (primary.isNull())
        return set;
    // One pass: which indices occur, and for each instance how often each class lies under it.
    QList<qint64> present(256, 0);
    QHash<int, QHash<int, qint64>> classUnder;
    bool anyVoid = false;
    for (int y = 0; y < primary.height(); ++y) {
        const uchar *p = primary.constScanLine(y);
        const uchar *c = classes.isNull() ? nullptr : classes.constScanLine(y);
        for (int x = 0; x < primary.width(); ++x) {
            ++present[p[x]];
            anyVoid = anyVoid || p[x] == kVoidIndex || (c && c[x] == kVoidIndex);
            if (!objects.isNull() && c && p[x] != 0 && p[x] != kVoidIndex && c[x] != 0 &&
                c[x] != kVoidIndex)
                ++classUnder[p[x]][c[x]];
        }
    }
    for (int index = 1; index < kVoidIndex; ++index) {
        if (present[index] == 0)
            continue;
        IndexedMask mask;
        mask.rle = MaskRle::fromImage(primary, index);
        if (objects.isNull()) {
            mask.classIndex = index;
        } else {
            mask.instance = index;
            const QHash<int, qint64> &under = classUnder.value(index);
            qint64 best = 0;
            for (auto it = under.cbegin(); it != under.cend(); ++it) {
                if (it.value() > best || (it.value() == best && it.key() < mask.classIndex)) {
                    best = it.value();
                    mask.classIndex = it.key();
                }
            }
        }
        set.masks.append(mask);
    }
    if (anyVoid) {
        // Void is where either PNG says 255 (VOC marks the same borders in both).
        QImage voidImage(primary.size(), QImage::Format_Indexed8);
        voidImage.setColorTable(vocPalette());
        for (int y = 0; y < primary.height(); ++y) {
            const uchar *p = primary.constScanLine(y);
            const uchar *c = classes.isNull() ? p : classes.constScanLine(y);
            uchar *v = voidImage.scanLine(y);
            for (int x = 0; x < primary.width(); ++x)
                v[x] = (p[x] == kVoidIndex || c[x] == kVoidIndex) ? 1 : 0;
        }
        set.voidMask = MaskRle::fromImage(voidImage, 1);
    }
    return set;
}

QImage blankIndexImage(int width, int height)
{
    QImage image(width, height, QImage::Format_Indexed8);
    image.setColorTable(vocPalette());
    image.fill(0);
    return image;
}

void stampMask(QImage &image, const MaskRle &rle, int index)
{
    if (rle.width != image.width() || rle.height != image.height())
        return;
    qint64 pos = 0;
    const qint64 total = qint64(rle.width) * rle.height;
    for (qsizetype i = 0; i < rle.counts.size(); ++i) {
        const qint64 end = std::min(total, pos + qint64(rle.counts[i]));
        if (i % 2 == 1) {
            for (qint64 p = pos; p < end; ++p)
                image.scanLine(int(p % rle.height))[p / rle.height] = uchar(index);
        }
        pos = end;
    }
}

std::optional<MaskRle> coveredPixels(const Annotation &a, int width, int height)
{
    if (a.kind == AnnotationKind::Mask) {
        auto rle = a.maskRle();
        if (rle && rle->width == width && rle->height == height)
            return rle;
        return std::nullopt;
    }
    if (a.kind != AnnotationKind::Polygon || width <= 0 || height <= 0)
        return std::nullopt;
    QImage canvas(width, height, QImage::Format_RGB32);
    canvas.fill(Qt::black);
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (const QPolygonF &part : a.parts())
        path.addPolygon(part);
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillPath(path, Qt::white);
    painter.end();
    return MaskRle::fromImage(canvas);
}

std::optional<MaskPngs> renderMaskPngs(int width, int height, const QList<Annotation> &annotations,
                                       const QMap<QString, int> &classIndex,
                                       const std::optional<MaskRle> &voidMask)
{
    if (width <= 0 || height <= 0)
        return std::nullopt;
    QImage classes = blankIndexImage(width, height);
    QImage objects = blankIndexImage(width, height);
    MaskPngs pngs;
    bool any = false;
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const auto pixels = coveredPixels(annotations[i], width, height);
        if (!pixels)
            continue;
        any = true;
        stampMask(classes, *pixels, classIndex.value(annotations[i].label, 0));
        if (i + 1 < kVoidIndex)
            stampMask(objects, *pixels, int(i + 1));
        else
            ++pngs.overflow;
    }
    if (voidMask && voidMask->width == width && voidMask->height == height) {
        any = true;
        stampMask(classes, *voidMask, kVoidIndex);
        stampMask(objects, *voidMask, kVoidIndex);
    }
    if (!any)
        return std::nullopt;
    pngs.classPng = encodePng(classes);
    pngs.objectPng = encodePng(objects);
    return pngs;
}

QByteArray encodePng(const QImage &image)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return data;
}

QString className(int index, const QMap<int, QString> &names)
{
    if (names.contains(index) && !names.value(index).isEmpty())
        return names.value(index);
    if (names.isEmpty() && index > 0 && index < vocClassNames().size())
        return vocClassNames().at(index);
    return u"class_%1"_s.arg(index);
}

QMap<int, QString> readLabelMap(const QString &folder)
{
    QMap<int, QString> names;
    const QDir dir(folder);
    QFile labelmap(dir.filePath(u"labelmap.txt"_s));
    if (labelmap.open(QIODevice::ReadOnly)) {
        int index = 0;
        for (const QByteArray &raw : labelmap.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            names.insert(index++, line.section(u':', 0, 0).trimmed());
        }
        return names;
    }
    for (const QString &name : {u"labels.txt"_s, u"classes.txt"_s}) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        int index = 0;
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (!line.isEmpty())
                names.insert(index++, line);
        }
        // Atelier's and many tools' labels.txt leave out the background: the first class is 1.
        if (!names.isEmpty() && names.value(0).compare(u"background"_s, Qt::CaseInsensitive) != 0 &&
            names.value(0) != u"_background_"_s) {
            QMap<int, QString> shifted;
            for (auto it = names.cbegin(); it != names.cend(); ++it)
                shifted.insert(it.key() + 1, it.value());
            names = shifted;
        }
        return names;
    }
    return names;
}

QByteArray labelMapText(const QMap<int, QString> &names)
{
    const QList<QRgb> palette = vocPalette();
    QByteArray text = "# label:color_rgb:parts:actions\n";
    const int last = names.isEmpty() ? 0 : names.lastKey();
    for (int i = 0; i <= last; ++i) {
        const QString name = i == 0 ? u"background"_s : names.value(i, u"class_%1"_s.arg(i));
        const QRgb c = palette[i];
        text += name.toUtf8() + ':' + QByteArray::number(qRed(c)) + ',' +
                QByteArray::number(qGreen(c)) + ',' + QByteArray::number(qBlue(c)) + "::\n";
    }
    return text;
}

QMap<QString, int> classIndices(const QList<DatasetLabel> &labels, const QStringList &names)
{
    QMap<QString, int> byName;
    QSet<int> taken;
    for (const DatasetLabel &l : labels) {
        const QJsonValue id = l.attributes.value(u"id"_s);
        const double d = id.toDouble(-1);
        const int i = int(d);
        if (id.isDouble() && d == double(i) && i >= 1 && i < kVoidIndex && !taken.contains(i)) {
            taken.insert(i);
            byName.insert(l.name, i);
        }
    }
    // Labels without a usable id (made in Atelier, or used but not in the set) take the free
    // indices in order.
    int next = 1;
    for (const QString &name : names) {
        if (byName.contains(name))
            continue;
        while (taken.contains(next))
            ++next;
        if (next >= kVoidIndex)
            break;
        byName.insert(name, next);
        taken.insert(next);
    }
    return byName;
}

} // namespace atelier
