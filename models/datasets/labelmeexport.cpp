// labelme export: one JSON per image beside it, each shape written back as it was imported
// (rectangle, polygon or circle with its original points while the geometry still matches,
// group_id, flags, description and any other key), the file's flags and other keys from the
// item's attributes.
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/labelmeshapes.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class LabelmeExport
{
    Q_DECLARE_TR_FUNCTIONS(LabelmeExport)
};

bool near(const QPointF &a, const QPointF &b)
{
    return std::abs(a.x() - b.x()) < 1e-6 && std::abs(a.y() - b.y()) < 1e-6;
}

bool same(const QPolygonF &a, const QPolygonF &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!near(a[i], b[i]))
            return false;
    }
    return true;
}

bool same(const QRectF &a, const QRectF &b)
{
    return near(a.topLeft(), b.topLeft()) && near(a.bottomRight(), b.bottomRight());
}

/// \a points moved onto the image, as the import did.
QPolygonF clamped(QPolygonF points, const QRectF &image)
{
    if (image.isEmpty())
        return points;
    for (QPointF &p : points)
        p = QPointF(qBound(image.left(), p.x(), image.right()),
                    qBound(image.top(), p.y(), image.bottom()));
    return points;
}

QRectF clamped(const QRectF &r, const QRectF &image)
{
    return image.isEmpty() ? r : r.intersected(image);
}

/// The rectangle \a polygon is when it is one (4 corners, axis-aligned, clockwise from the
/// top-left as the import makes it), else a null rect.
QRectF asRectangle(const QPolygonF &polygon)
{
    const QRectF r = polygon.boundingRect();
    if (polygon.size() == 4 &&
        same(polygon, QPolygonF{r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}))
        return r;
    return {};
}

/// One shape as labelme writes it: type and points, with the annotation's attributes.
QJsonObject shape(const Annotation &a, const QString &type, const QJsonArray &points)
{
    QJsonObject o{{u"label"_s, a.label},
                  {u"points"_s, points},
                  {u"group_id"_s, a.attributes.value(u"group_id"_s)},
                  {u"shape_type"_s, type},
                  {u"flags"_s, a.attributes.value(u"flags"_s).toObject()}};
    if (o.value(u"group_id"_s).isUndefined())
        o.insert(u"group_id"_s, QJsonValue::Null);
    for (auto it = a.attributes.begin(); it != a.attributes.end(); ++it) {
        if (!o.contains(it.key()) && !labelme::shapeKeys().contains(it.key()))
            o.insert(it.key(), it.value());
    }
    o.insert(u"atelier_author"_s, a.author);
    return o;
}

/// The type and points labelme had for \a a: the original ones while the geometry still is
/// what the import made of them, else what the geometry is now.
std::pair<QString, QJsonArray> typeAndPoints(const Annotation &a, const QRectF &image)
{
    const QString type = a.attributes.value(u"shape_type"_s).toString();
    const QJsonArray original = a.attributes.value(u"points"_s).toArray();
    const QPolygonF points = labelme::pointsFrom(original);
    if (a.kind == AnnotationKind::Box) {
        const QRectF r = a.rect();
        if (type == u"circle"_s && points.size() == 2 &&
            same(r, clamped(labelme::circleBounds(points[0], points[1]), image)))
            return {type, original};
        if (type == u"polygon"_s && points.size() >= 3 &&
            same(r, clamped(points, image).boundingRect()))
            return {type, original};
        return {u"rectangle"_s, labelme::pointsTo({r.topLeft(), r.bottomRight()})};
    }
    const QPolygonF polygon = a.points();
    if (type == u"circle"_s && points.size() == 2 &&
        same(polygon, clamped(labelme::circleOutline(points[0], points[1]), image)))
        return {type, original};
    if (type == u"rectangle"_s) {
        if (const QRectF r = asRectangle(polygon); !r.isNull())
            return {type, labelme::pointsTo({r.topLeft(), r.bottomRight()})};
    }
    return {u"polygon"_s, labelme::pointsTo(polygon)};
}

} // namespace

Result<ExportReport> exportLabelme(const DatasetSnapshot &snapshot, const QString &outDir,
                                   const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    qint64 split = 0;
    QMap<QString, qint64> notWritten;
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, name); !ok)
            return ok.error();
        const QRectF image(0, 0, s.item.width, s.item.height);
        const QList<Annotation> annotations = writer.annotations(s);
        int nextGroup = 0; // for the parts of one instance: a group_id no shape has
        for (const Annotation &a : annotations) {
            if (a.attributes.value(u"group_id"_s).isDouble())
                nextGroup = qMax(nextGroup, a.attributes.value(u"group_id"_s).toInt() + 1);
        }
        QJsonArray shapes;
        for (const Annotation &a : annotations) {
            if (a.kind == AnnotationKind::Polygon && a.parts().size() > 1) {
                // labelme's way for one instance of several parts: shapes sharing a group_id.
                Annotation part = a;
                if (!part.attributes.value(u"group_id"_s).isDouble())
                    part.attributes.insert(u"group_id"_s, nextGroup++);
                for (const QPolygonF &points : a.parts())
                    shapes.append(shape(part, u"polygon"_s, labelme::pointsTo(points)));
                ++split;
            } else if (a.kind == AnnotationKind::Box || a.kind == AnnotationKind::Polygon) {
                const auto [type, points] = typeAndPoints(a, image);
                shapes.append(shape(a, type, points));
            } else {
                ++notWritten[a.kind == AnnotationKind::Mask ? LabelmeExport::tr("mask")
                                                            : LabelmeExport::tr("tag")];
                continue;
            }
            ++writer.report().annotations;
        }
        QJsonObject json{{u"version"_s, u"5.1.1"_s},
                         {u"flags"_s, s.item.attributes.value(u"flags"_s).toObject()},
                         {u"shapes"_s, shapes},
                         {u"imagePath"_s, name},
                         {u"imageData"_s, QJsonValue::Null},
                         {u"imageHeight"_s, s.item.height},
                         {u"imageWidth"_s, s.item.width}};
        for (auto it = s.item.attributes.begin(); it != s.item.attributes.end(); ++it) {
            if (!json.contains(it.key()))
                json.insert(it.key(), it.value());
        }
        if (auto ok = writer.writeFile(QFileInfo(name).completeBaseName() + u".json"_s,
                                       QJsonDocument(json).toJson(QJsonDocument::Indented));
            !ok)
            return ok.error();
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, LabelmeExport::tr("Export cancelled."));
    }
    for (auto it = notWritten.cbegin(); it != notWritten.cend(); ++it)
        writer.report().warnings.append(
            {QString(), LabelmeExport::tr("%1 %2 annotation(s) not written: labelme 5 has no "
                                          "such shape")
                            .arg(it.value())
                            .arg(it.key())});
    if (split > 0)
        writer.report().warnings.append(
            {QString(), LabelmeExport::tr("%n polygon(s) of several parts written as one "
                                          "polygon shape per part sharing a group_id",
                                          nullptr, int(split))});
    return writer.report();
}

} // namespace atelier
