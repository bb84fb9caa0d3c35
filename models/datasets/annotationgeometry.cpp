#include "datasets/annotationgeometry.h"

#include "core/compactjson.h"
#include "datasets/datasettypes.h"
#include "datasets/maskrle.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace atelier::geometrytext {

QJsonValue parseGeometry(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson((u"["_s + text + u"]"_s).toUtf8());
    return doc.array().isEmpty() ? QJsonValue() : doc.array().first();
}

/// The stored text of a geometry, as UTF-8.
QByteArray geometryJson(const QJsonValue &value)
{
    return compactJson(value);
}

PolygonCheck checkPolygon(const QJsonValue &geometry, double w, double h, double slack,
                          QPointF &outside)
{
    const QJsonArray g = geometry.toArray();
    if (g.isEmpty())
        return PolygonCheck::Malformed;
    // One part: [[x, y], …]; several: [[[x, y], …], …] (as Annotation::parts reads it).
    const bool multi = g.first().toArray().first().isArray();
    bool beyond = false;
    auto ring = [&](const QJsonArray &points) {
        if (points.size() < 3)
            return false;
        for (const QJsonValueConstRef p : points) {
            const QJsonArray xy = p.toArray();
            if (xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble())
                return false;
            const double x = xy[0].toDouble();
            const double y = xy[1].toDouble();
            if (!beyond && w > 0 && (x < -slack || y < -slack || x > w + slack || y > h + slack)) {
                beyond = true;
                outside = QPointF(x, y);
            }
        }
        return true;
    };
    if (!multi) {
        if (!ring(g))
            return PolygonCheck::Malformed;
    } else {
        for (const QJsonValueConstRef part : g) {
            if (!ring(part.toArray()))
                return PolygonCheck::Malformed;
        }
    }
    return beyond ? PolygonCheck::Outside : PolygonCheck::Ok;
}

namespace {

/// The key's fields: counts and rounded coordinates, as raw bytes (no number formatting: an
/// import compares 100,000s).
void appendKeyCount(QByteArray &key, qsizetype n)
{
    const qint32 v = qint32(n);
    key.append(reinterpret_cast<const char *>(&v), sizeof v);
}
void appendKeyCoordinate(QByteArray &key, double v)
{
    const double rounded = std::round(v * 100) + 0.0; // -0 is 0
    key.append(reinterpret_cast<const char *>(&rounded), sizeof rounded);
}

void widen(ShapeForm &form, bool &first, double x, double y)
{
    if (first) {
        form.left = form.right = x;
        form.top = form.bottom = y;
        first = false;
        return;
    }
    form.left = std::min(form.left, x);
    form.right = std::max(form.right, x);
    form.top = std::min(form.top, y);
    form.bottom = std::max(form.bottom, y);
}

/// A polygon's well-formedness (as checkPolygon's Malformed), the bounds of its points and
/// its key, in one walk over the geometry.
bool polygonBounds(const QJsonValue &geometry, ShapeForm &form)
{
    const QJsonArray g = geometry.toArray();
    if (g.isEmpty())
        return false;
    const bool multi = g.first().toArray().first().isArray();
    bool first = true;
    QByteArray &key = form.pointsKey;
    key.reserve(8 + 16 * 32);
    appendKeyCount(key, multi ? g.size() : 1);
    auto ring = [&](const QJsonArray &points) {
        if (points.size() < 3)
            return false;
        appendKeyCount(key, points.size());
        for (const QJsonValueConstRef p : points) {
            const QJsonArray xy = p.toArray();
            if (xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble())
                return false;
            const double x = xy[0].toDouble();
            const double y = xy[1].toDouble();
            widen(form, first, x, y);
            appendKeyCoordinate(key, x);
            appendKeyCoordinate(key, y);
        }
        return true;
    };
    bool ok = true;
    if (!multi) {
        ok = ring(g);
    } else {
        for (const QJsonValueConstRef part : g) {
            if (!(ok = ring(part.toArray())))
                break;
        }
    }
    if (!ok)
        form.pointsKey = QByteArray();
    return ok;
}

} // namespace

ShapeForm shapeForm(const Annotation &a)
{
    ShapeForm form;
    switch (a.kind) {
    case AnnotationKind::Box: {
        const QJsonArray g = a.geometry.toArray();
        bool numbers = g.size() == 4;
        for (const QJsonValue &v : g)
            numbers = numbers && v.isDouble();
        const QRectF r = a.rect();
        form.wellFormed = numbers && r.width() > 0 && r.height() > 0;
        form.left = r.left();
        form.top = r.top();
        form.right = r.right();
        form.bottom = r.bottom();
        form.geometry = geometryJson(a.geometry);
        break;
    }
    case AnnotationKind::Polygon:
        form.wellFormed = polygonBounds(a.geometry, form);
        form.geometry = geometryJson(a.geometry);
        break;
    case AnnotationKind::Mask:
        if (const auto rle = a.maskRle()) {
            form.wellFormed = true;
            form.right = rle->width;
            form.bottom = rle->height;
            form.geometry = geometryJson(rle->toJson()); // the one stored form
        } else {
            form.geometry = geometryJson(a.geometry);
        }
        break;
    default:
        return form; // not made
    }
    form.attributes = compactJson(a.attributes);
    return form;
}

std::optional<ShapeForm> polygonForm(const QList<QList<double>> &parts,
                                     const QByteArray &attributes)
{
    ShapeForm form;
    form.wellFormed = true;
    form.attributes = attributes;
    // Annotation::polygon's geometry as compactJson writes it: one part [[x, y], …], several
    // [[[x, y], …], …].
    const bool multi = parts.size() > 1;
    QByteArray &text = form.geometry;
    text.reserve(16 + 24 * 32);
    QByteArray &key = form.pointsKey;
    key.reserve(8 + 16 * 32);
    appendKeyCount(key, parts.size());
    bool first = true;
    if (multi)
        text += '[';
    for (qsizetype r = 0; r < parts.size(); ++r) {
        const QList<double> &flat = parts[r];
        Q_ASSERT(flat.size() >= 6 && flat.size() % 2 == 0);
        appendKeyCount(key, flat.size() / 2);
        text += r ? ",[" : "[";
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2) {
            const double x = flat[i];
            const double y = flat[i + 1];
            text += i ? ",[" : "[";
            if (!appendJsonNumber(text, x))
                return std::nullopt;
            text += ',';
            if (!appendJsonNumber(text, y))
                return std::nullopt;
            text += ']';
            widen(form, first, x, y);
            appendKeyCoordinate(key, x);
            appendKeyCoordinate(key, y);
        }
        text += ']';
    }
    if (multi)
        text += ']';
    return form;
}

ShapeForm maskForm(const Annotation &a, const MaskRle &rle)
{
    Q_ASSERT(a.kind == AnnotationKind::Mask && rle.isValid());
    return maskForm(rle, compactJson(a.attributes)); // a's geometry is rle's, as written there
}

ShapeForm maskForm(const MaskRle &rle, const QByteArray &attributes)
{
    Q_ASSERT(rle.isValid());
    ShapeForm form;
    form.wellFormed = true;
    form.right = rle.width;
    form.bottom = rle.height;
    // {"counts":"…","size":[h,w]}: QJsonObject's key order. The compressed counts are the
    // characters 48…111, of which JSON escapes the backslash alone.
    const QByteArray counts = rle.toCompressedString();
    QByteArray &text = form.geometry;
    text.reserve(counts.size() + 40);
    text += "{\"counts\":\"";
    for (const char c : counts) {
        if (c == '\\')
            text += '\\';
        text += c;
    }
    text += "\",\"size\":[";
    appendJsonNumber(text, rle.height);
    text += ',';
    appendJsonNumber(text, rle.width);
    text += "]}";
    form.attributes = attributes;
    return form;
}

void restoreGeometry(Annotation &a, const ShapeForm &form)
{
    if (!form.isMade())
        return;
    if (a.geometry.isUndefined())
        a.geometry = parseGeometry(QString::fromUtf8(form.geometry));
    // Made without its attributes (COCO's plain polygons and masks): they are the form's text,
    // which is "{}" for an annotation made with empty ones.
    if (a.attributes.isEmpty() && form.attributes.size() > 2)
        a.attributes = QJsonDocument::fromJson(form.attributes).object();
}

QByteArray polygonKey(const QJsonValue &geometry)
{
    QByteArray key;
    auto ring = [&](const QJsonArray &points) {
        const qsizetype count = key.size();
        appendKeyCount(key, 0); // the number of points read, once known
        qint32 n = 0;
        for (const QJsonValueConstRef p : points) {
            const QJsonArray xy = p.toArray();
            if (xy.size() == 2 && xy[0].isDouble() && xy[1].isDouble()) {
                appendKeyCoordinate(key, xy[0].toDouble());
                appendKeyCoordinate(key, xy[1].toDouble());
                ++n;
            }
        }
        std::memcpy(key.data() + count, &n, sizeof n);
    };
    const QJsonArray array = geometry.toArray();
    // One part: [[x, y], …]; several: [[[x, y], …], …] (as Annotation::parts reads it).
    const bool multi = !array.isEmpty() && array.first().toArray().first().isArray();
    if (!multi) {
        appendKeyCount(key, array.isEmpty() ? 0 : 1);
        if (!array.isEmpty())
            ring(array);
        return key;
    }
    appendKeyCount(key, array.size());
    for (const QJsonValueConstRef part : array)
        ring(part.toArray());
    return key;
}

QByteArray polygonKey(const QList<QPolygonF> &parts)
{
    QByteArray key;
    appendKeyCount(key, parts.size());
    for (const QPolygonF &part : parts) {
        appendKeyCount(key, part.size());
        for (const QPointF &p : part) {
            appendKeyCoordinate(key, p.x());
            appendKeyCoordinate(key, p.y());
        }
    }
    return key;
}

QString geometryText(const QJsonValue &value)
{
    return QString::fromUtf8(geometryJson(value));
}

qint64 codePoints(const QString &text)
{
    qint64 n = 0;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        if (!(it->isLowSurrogate() && it != text.cbegin() && (it - 1)->isHighSurrogate()))
            ++n;
    }
    return n;
}

} // namespace atelier::geometrytext
