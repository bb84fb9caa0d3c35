#include "datasets/imageannotationdocument.h"

#include "datasets/annotationstore.h"
#include "datasets/datasetitemstore.h"

using namespace Qt::StringLiterals;

namespace atelier {

QRectF ImageShape::bounds() const
{
    switch (kind) {
    case AnnotationKind::Box:
        return rect.normalized();
    case AnnotationKind::Polygon: {
        QRectF box = polygon.boundingRect();
        for (const QPolygonF &part : moreParts)
            box |= part.boundingRect();
        return box;
    }
    case AnnotationKind::Mask:
        return rect;
    default:
        return {};
    }
}

void ImageShape::setMask(const MaskRle &rle)
{
    mask = rle;
    rect = rle.bounds();
    if (attributes.contains(u"area"_s))
        attributes.insert(u"area"_s, double(rle.area()));
}

bool ImageShape::isCrowd() const
{
    const QJsonValue crowd = attributes.value(u"iscrowd"_s);
    return crowd.toBool(false) || crowd.toInt(0) == 1;
}

ImageShape ImageShape::translated(const QPointF &delta) const
{
    ImageShape moved = *this;
    if (kind == AnnotationKind::Mask)
        return moved;
    moved.rect.translate(delta);
    moved.polygon.translate(delta);
    for (QPolygonF &part : moved.moreParts)
        part.translate(delta);
    return moved;
}

Annotation ImageShape::toAnnotation() const
{
    Annotation annotation;
    switch (kind) {
    case AnnotationKind::Box:
        annotation = Annotation::box(label, rect.normalized());
        break;
    case AnnotationKind::Polygon:
        annotation = moreParts.isEmpty()
                         ? Annotation::polygon(label, polygon)
                         : Annotation::polygon(label, QList<QPolygonF>{polygon} + moreParts);
        break;
    case AnnotationKind::Mask:
        annotation = Annotation::mask(label, mask);
        break;
    default:
        annotation = Annotation::tag(label);
        break;
    }
    annotation.author = author;
    annotation.state = state;
    annotation.source = source;
    annotation.attributes = attributes;
    return annotation;
}

ImageShape ImageShape::fromAnnotation(const Annotation &annotation)
{
    ImageShape shape;
    shape.kind = annotation.kind;
    shape.label = annotation.label;
    shape.rect = annotation.rect();
    const QList<QPolygonF> parts = annotation.parts();
    shape.polygon = parts.value(0);
    shape.moreParts = parts.mid(1);
    shape.state = annotation.state;
    shape.author = annotation.author;
    shape.source = annotation.source;
    shape.attributes = annotation.attributes;
    if (const std::optional<MaskRle> rle = annotation.maskRle()) {
        shape.mask = *rle;
        shape.rect = rle->bounds();
    }
    return shape;
}

ImageAnnotationDocument::ImageAnnotationDocument(QObject *parent) : AnnotationDocument(parent) {}

void ImageAnnotationDocument::load(const DatasetItem &item, const QList<Annotation> &annotations)
{
    beginLoad(item);
    m_shapes.clear();
    m_order.clear();
    for (const Annotation &annotation : annotations) {
        if (annotation.state == AnnotationState::Rejected)
            continue;
        ImageShape shape = ImageShape::fromAnnotation(annotation);
        shape.id = newShapeId();
        mapId(shape.id, annotation.id);
        m_shapes.insert(shape.id, shape);
        m_order.append(shape.id);
    }
    Q_EMIT reset();
}

void ImageAnnotationDocument::clear()
{
    load(DatasetItem{}, {});
}

const ImageShape *ImageAnnotationDocument::shape(qint64 id) const
{
    auto it = m_shapes.constFind(id);
    return it == m_shapes.cend() ? nullptr : &it.value();
}

QList<ImageShape> ImageAnnotationDocument::shapes(std::optional<AnnotationKind> kind) const
{
    QList<ImageShape> result;
    for (qint64 id : m_order) {
        const ImageShape &shape = m_shapes[id];
        if (!kind || shape.kind == *kind)
            result.append(shape);
    }
    return result;
}

QStringList ImageAnnotationDocument::tags() const
{
    QStringList labels;
    for (qint64 id : m_order) {
        const ImageShape &shape = m_shapes[id];
        if (shape.kind == AnnotationKind::Tag && !labels.contains(shape.label))
            labels.append(shape.label);
    }
    return labels;
}

QRectF ImageAnnotationDocument::clamp(const QRectF &rect) const
{
    const QRectF image(0, 0, m_item.width, m_item.height);
    if (image.isEmpty())
        return rect.normalized();
    return rect.normalized().intersected(image);
}

QPolygonF ImageAnnotationDocument::clamp(const QPolygonF &polygon) const
{
    if (m_item.width <= 0 || m_item.height <= 0)
        return polygon;
    QPolygonF result;
    result.reserve(polygon.size());
    for (const QPointF &p : polygon)
        result.append(QPointF(qBound(0.0, p.x(), double(m_item.width)),
                              qBound(0.0, p.y(), double(m_item.height))));
    return result;
}

void ImageAnnotationDocument::insertShape(const ImageShape &shape, int index)
{
    if (m_shapes.contains(shape.id))
        return;
    m_shapes.insert(shape.id, shape);
    if (index < 0 || index > m_order.size())
        m_order.append(shape.id);
    else
        m_order.insert(index, shape.id);
    Q_EMIT shapeInserted(shape.id);
    const qint64 itemId = m_item.id;
    queueWrite([shape, itemId](DatasetContext &context, IdMap &ids) -> Status {
        auto added = AnnotationStore(context).addAnnotation(itemId, shape.toAnnotation());
        if (!added)
            return added.error();
        ids.insert(shape.id, added->id);
        return {};
    });
}

void ImageAnnotationDocument::removeShape(qint64 id)
{
    if (!m_shapes.contains(id))
        return;
    m_shapes.remove(id);
    m_order.removeOne(id);
    Q_EMIT shapeRemoved(id);
    queueWrite([id](DatasetContext &context, IdMap &ids) -> Status {
        const qint64 annotationId = ids.take(id);
        if (annotationId == 0)
            return {}; // its insert was refused: nothing to remove
        return AnnotationStore(context).removeAnnotation(annotationId);
    });
}

void ImageAnnotationDocument::replaceShape(const ImageShape &shape)
{
    auto it = m_shapes.find(shape.id);
    if (it == m_shapes.end())
        return;
    *it = shape;
    Q_EMIT shapeChanged(shape.id);
    queueWrite([shape](DatasetContext &context, IdMap &ids) -> Status {
        const qint64 annotationId = ids.value(shape.id);
        if (annotationId == 0)
            return makeError(ErrorCode::NotFound,
                             ImageAnnotationDocument::tr("The changed shape was never saved."));
        Annotation annotation = shape.toAnnotation();
        annotation.id = annotationId;
        auto updated = AnnotationStore(context).updateAnnotation(annotation);
        if (!updated)
            return updated.error();
        return {};
    });
}

void ImageAnnotationDocument::itemWritten(const DatasetItem &item)
{
    Q_EMIT itemStatusChanged(item.id, item.status, item.reviewComment);
}

void ImageAnnotationDocument::setStatus(ItemStatus status)
{
    queueWrite([status, itemId = m_item.id](DatasetContext &context, IdMap &) {
        return DatasetItemStore(context).setItemStatus(itemId, status);
    });
}

} // namespace atelier
