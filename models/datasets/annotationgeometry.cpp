#include "datasets/annotationgeometry.h"

#include "core/compactjson.h"

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
