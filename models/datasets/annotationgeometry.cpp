#include "datasets/annotationgeometry.h"

#include "core/compactjson.h"
#include "datasets/datasettypes.h"
#include "datasets/maskrle.h"

#include <QJsonArray>
#include <QJsonDocument>

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

/// A polygon's well-formedness (as checkPolygon's Malformed) and the bounds of its points in
/// one walk over the geometry.
bool polygonBounds(const QJsonValue &geometry, ShapeForm &form)
{
    const QJsonArray g = geometry.toArray();
    if (g.isEmpty())
        return false;
    const bool multi = g.first().toArray().first().isArray();
    bool first = true;
    auto ring = [&](const QJsonArray &points) {
        if (points.size() < 3)
            return false;
        for (const QJsonValueConstRef p : points) {
            const QJsonArray xy = p.toArray();
            if (xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble())
                return false;
            const double x = xy[0].toDouble();
            const double y = xy[1].toDouble();
            if (first) {
                form.left = form.right = x;
                form.top = form.bottom = y;
                first = false;
            } else {
                form.left = std::min(form.left, x);
                form.right = std::max(form.right, x);
                form.top = std::min(form.top, y);
                form.bottom = std::max(form.bottom, y);
            }
        }
        return true;
    };
    if (!multi)
        return ring(g);
    for (const QJsonValueConstRef part : g) {
        if (!ring(part.toArray()))
            return false;
    }
    return true;
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
