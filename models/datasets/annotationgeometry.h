#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QPointF>
#include <QString>

namespace atelier {

/// The stored text of annotation geometry (compactJson) and the checks made on it before
/// it is stored. Internal to models/datasets.
namespace geometrytext {

/// The geometry stored as \a text (any JSON value; null when unreadable).
QJsonValue parseGeometry(const QString &text);
/// The stored text of a geometry, as UTF-8.
QByteArray geometryJson(const QJsonValue &value);
QString geometryText(const QJsonValue &value);

enum class PolygonCheck { Ok, Malformed, Outside };

/// A polygon's geometry checked in one walk, without making its points (an import checks
/// 100,000s): every part has at least three [x, y] points of numbers (Malformed first), and
/// with \a w > 0 each lies in the image give or take \a slack (the first that does not in
/// \a outside).
PolygonCheck checkPolygon(const QJsonValue &geometry, double w, double h, double slack,
                          QPointF &outside);

/// Unicode code points in \a text (a surrogate pair counts once): the unit of span offsets.
qint64 codePoints(const QString &text);

} // namespace geometrytext
} // namespace atelier
