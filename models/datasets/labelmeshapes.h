#pragma once

// What the labelme import and export agree on: how a circle becomes a polygon or a box, and
// which JSON keys labelme itself writes (every other key is kept as an attribute).

#include <QJsonArray>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cmath>
#include <numbers>

namespace atelier::labelme {

inline constexpr int kCircleVertices = 32;

/// A labelme circle (centre, a point on the edge) as a polygon of kCircleVertices points,
/// starting at the edge point.
inline QPolygonF circleOutline(const QPointF &centre, const QPointF &edge)
{
    const double radius = std::hypot(edge.x() - centre.x(), edge.y() - centre.y());
    const double start = std::atan2(edge.y() - centre.y(), edge.x() - centre.x());
    QPolygonF outline;
    for (int i = 0; i < kCircleVertices; ++i) {
        const double angle = start + 2 * std::numbers::pi * i / kCircleVertices;
        outline.append(centre + QPointF(radius * std::cos(angle), radius * std::sin(angle)));
    }
    return outline;
}

/// The square a circle fits in.
inline QRectF circleBounds(const QPointF &centre, const QPointF &edge)
{
    const double radius = std::hypot(edge.x() - centre.x(), edge.y() - centre.y());
    return {centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius};
}

inline QPolygonF pointsFrom(const QJsonArray &array)
{
    QPolygonF points;
    for (const QJsonValue &p : array) {
        const QJsonArray xy = p.toArray();
        if (xy.size() >= 2)
            points.append(QPointF(xy[0].toDouble(), xy[1].toDouble()));
    }
    return points;
}

inline QJsonArray pointsTo(const QPolygonF &points)
{
    QJsonArray array;
    for (const QPointF &p : points)
        array.append(QJsonArray{p.x(), p.y()});
    return array;
}

/// Keys of a shape that the import reads into the annotation itself.
inline const QStringList &shapeKeys()
{
    static const QStringList keys{QStringLiteral("label"), QStringLiteral("points"),
                                  QStringLiteral("shape_type"), QStringLiteral("atelier_author")};
    return keys;
}

/// Keys of the file that the import reads into the item itself (imageData is not kept: the
/// image is).
inline const QStringList &fileKeys()
{
    static const QStringList keys{QStringLiteral("version"),     QStringLiteral("shapes"),
                                  QStringLiteral("imagePath"),   QStringLiteral("imageData"),
                                  QStringLiteral("imageHeight"), QStringLiteral("imageWidth")};
    return keys;
}

} // namespace atelier::labelme
