#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <optional>

namespace atelier {

struct Annotation;
struct MaskRle;

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

/// What the catalog stores of a box, polygon or mask and what checking it against its image
/// needs, made from the annotation alone: an import makes it on its reading thread, so that
/// the thread that writes only compares the extent with the image and binds the texts.
struct ShapeForm
{
    QByteArray geometry;   ///< the stored geometry text (a mask's compressed form); null: not made
    QByteArray attributes; ///< the stored attributes text
    /// The shape alone is valid: a box of four numbers with a positive size, polygon parts of
    /// at least three [x, y] number points, a valid mask.
    bool wellFormed = false;
    /// Where it lies when well formed: a box's edges (as QRectF computes them), the least and
    /// greatest coordinates of a polygon's points, a mask's (0, 0, width, height).
    double left = 0, top = 0, right = 0, bottom = 0;
    QByteArray pointsKey; ///< a well-formed polygon's polygonKey()

    bool isMade() const { return !geometry.isNull(); }
    /// True when the extent lies in a \a w × \a h image give or take \a slack.
    bool inside(double w, double h, double slack) const
    {
        return left >= -slack && top >= -slack && right <= w + slack && bottom <= h + slack;
    }
};

/// The ShapeForm of \a annotation (a box, polygon or mask; not made for the other kinds).
ShapeForm shapeForm(const Annotation &annotation);
/// The ShapeForm of a polygon given as flat parts [x1, y1, x2, y2, …] (each of an even number,
/// at least 6, of coordinates), as shapeForm() makes it of Annotation::polygon's geometry but
/// without making that geometry; \a attributes: the annotation's stored attributes text.
/// nullopt for a number compactJson would not write itself.
std::optional<ShapeForm> polygonForm(const QList<QList<double>> &parts,
                                     const QByteArray &attributes);
/// The ShapeForm of \a annotation, made by Annotation::mask of the valid \a rle (its geometry
/// the stored form already), as shapeForm() makes it without decoding the mask again.
ShapeForm maskForm(const Annotation &annotation, const MaskRle &rle);
/// The same for a mask annotation made without its geometry (Annotation::mask's, written here
/// as text, byte for byte what compactJson writes of it); \a attributes: its stored text.
ShapeForm maskForm(const MaskRle &rle, const QByteArray &attributes);
/// Gives an annotation made without its geometry (left undefined: it lives in \a form, as an
/// import's reading thread makes it) its geometry back, for the few that are read again; and
/// its attributes, when they were left empty and live in the form's text alone.
void restoreGeometry(Annotation &annotation, const ShapeForm &form);

/// A polygon's points as an import compares two annotations: the number of parts, then for
/// each its number of points and each coordinate rounded to 1/100 pixel (exports round-trip
/// through text), as raw bytes. Of a geometry, the points Annotation::parts() reads.
QByteArray polygonKey(const QJsonValue &geometry);
QByteArray polygonKey(const QList<QPolygonF> &parts);

/// Unicode code points in \a text (a surrogate pair counts once): the unit of span offsets.
qint64 codePoints(const QString &text);

} // namespace geometrytext
} // namespace atelier
