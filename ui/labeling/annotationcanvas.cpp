#include "labeling/annotationcanvas.h"

#include "datasets/imageannotationcommands.h"

#include <QPainter>
#include <QUndoStack>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr double kMinScale = 0.01;
constexpr double kMaxScale = 64.0;
constexpr int kMaxBrushSize = 500; // image pixels

const QList<QColor> &labelPalette()
{
    static const QList<QColor> colors = {QColor(0x4f, 0x8c, 0xff), QColor(0xf2, 0x5f, 0x5c),
                                         QColor(0x3c, 0xc4, 0x7c), QColor(0xff, 0xb4, 0x00),
                                         QColor(0xa7, 0x6b, 0xfe), QColor(0x00, 0xbc, 0xd4),
                                         QColor(0xff, 0x7a, 0x45), QColor(0xe9, 0x1e, 0x8c),
                                         QColor(0x8b, 0xc3, 0x4a), QColor(0x79, 0x55, 0x48)};
    return colors;
}

} // namespace

AnnotationCanvas::AnnotationCanvas(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"annotationCanvas"_s);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
}

void AnnotationCanvas::setDocument(ImageAnnotationDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ImageAnnotationDocument::reset, this, &AnnotationCanvas::documentReset);
        connect(document, &ImageAnnotationDocument::shapeInserted, this,
                &AnnotationCanvas::shapeInserted);
        connect(document, &ImageAnnotationDocument::shapeRemoved, this,
                &AnnotationCanvas::shapeRemoved);
        connect(document, &ImageAnnotationDocument::shapeChanged, this,
                &AnnotationCanvas::shapeChanged);
    }
    documentReset();
}

void AnnotationCanvas::setImage(const QImage &image, const QList<QImage> &levels,
                                const QString &message)
{
    m_image = image;
    m_levels = levels;
    m_message = message;
    m_fit = true;
    fitToView();
    invalidateAll();
}

QList<QImage> AnnotationCanvas::mipLevels(const QImage &image)
{
    QList<QImage> levels;
    QImage level = image;
    while (level.width() > 1024 || level.height() > 1024) {
        level = level.scaled(level.width() / 2, level.height() / 2, Qt::IgnoreAspectRatio,
                             Qt::SmoothTransformation);
        levels.append(level);
    }
    return levels;
}

void AnnotationCanvas::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    cancelDrawing();
    m_tool = tool;
    setCursor(tool == Tool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    Q_EMIT toolChanged(tool);
    update();
}

void AnnotationCanvas::setBrushSize(int pixels)
{
    pixels = qBound(1, pixels, kMaxBrushSize);
    if (pixels == m_brushSize)
        return;
    m_brushSize = pixels;
    Q_EMIT brushSizeChanged(pixels);
    update();
}

void AnnotationCanvas::setLabelColors(const QHash<QString, QColor> &colors)
{
    m_colors = colors;
    invalidateShapes();
}

QColor AnnotationCanvas::labelColor(const QString &label) const
{
    const QColor color = m_colors.value(label);
    if (color.isValid())
        return color;
    return labelPalette().at(int(qHash(label) % uint(labelPalette().size())));
}

// --- document --------------------------------------------------------------------------

void AnnotationCanvas::documentReset()
{
    cancelDrawing();
    m_drag = Drag::None;
    m_preview.clear();
    m_layerExcludes.clear();
    m_selected.clear();
    m_hover = 0;
    m_activeVertex = {};
    m_masks.clear();
    const QSize size = m_document ? m_document->imageSize() : QSize();
    m_grid.reset(size.isValid() && !size.isEmpty() ? size : m_image.size());
    if (m_document) {
        for (qint64 id : m_document->shapeIds()) {
            const ImageShape *shape = m_document->shape(id);
            if (shape->kind != AnnotationKind::Tag)
                m_grid.insert(id, shape->bounds());
        }
    }
    invalidateShapes();
    Q_EMIT selectionChanged();
}

void AnnotationCanvas::shapeInserted(qint64 id)
{
    const ImageShape *shape = m_document->shape(id);
    if (shape && shape->kind != AnnotationKind::Tag) {
        m_grid.insert(id, shape->bounds());
        invalidateArea(shape->bounds());
    }
}

void AnnotationCanvas::shapeRemoved(qint64 id)
{
    invalidateArea(m_grid.bounds(id));
    m_grid.remove(id);
    m_masks.remove(id);
    if (m_selected.remove(id))
        Q_EMIT selectionChanged();
    if (m_activeVertex.shape == id)
        m_activeVertex = {};
    if (m_hover == id)
        m_hover = 0;
}

void AnnotationCanvas::shapeChanged(qint64 id)
{
    const ImageShape *shape = m_document->shape(id);
    if (shape && shape->kind != AnnotationKind::Tag) {
        invalidateArea(m_grid.bounds(id));
        m_grid.update(id, shape->bounds());
        invalidateArea(shape->bounds());
    }
    if (m_activeVertex.shape == id && shape && m_activeVertex.index >= shape->polygon.size())
        m_activeVertex = {};
}

void AnnotationCanvas::invalidateShapes()
{
    m_shapeLayerValid = false;
    m_dirty = {};
    update();
}

void AnnotationCanvas::invalidateArea(const QRectF &imageArea)
{
    if (imageArea.isNull() && imageArea.topLeft().isNull())
        return;
    m_dirty = m_dirty.isNull() ? imageArea : m_dirty.united(imageArea);
    update();
}

void AnnotationCanvas::repaintArea(const QRectF &imageArea)
{
    // Clear the area (with room for pens and name tags) and draw what lies over it again.
    const double tag = fontMetrics().height() + 8;
    const QRectF widgetArea =
        QRectF(toWidget(imageArea.topLeft()), toWidget(imageArea.bottomRight()))
            .normalized()
            .adjusted(-4, -tag, 4, 4);
    const QRectF area(toImage(widgetArea.topLeft()), toImage(widgetArea.bottomRight()));
    // Shapes whose name tag (above them) reaches into the area count too.
    const QRectF reach = area.adjusted(-1, -1, 1, 1 + tag / m_scale);
    QList<qint64> ids = m_grid.query(reach);
    const QList<qint64> &order = m_document->shapeIds();
    if (ids.size() * 8 > order.size()) {
        ids.clear();
        for (qint64 id : order) {
            if (m_grid.bounds(id).intersects(reach))
                ids.append(id);
        }
    } else {
        QHash<qint64, int> z;
        for (qint64 id : std::as_const(ids))
            z.insert(id, m_document->indexOf(id));
        std::sort(ids.begin(), ids.end(),
                  [&z](qint64 a, qint64 b) { return z.value(a) < z.value(b); });
    }
    QPainter painter(&m_shapeLayer);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.fillRect(widgetArea, Qt::transparent);
    painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
    painter.setClipRect(widgetArea);
    const bool few = m_lastFrameShapes <= 300;
    painter.setRenderHint(QPainter::Antialiasing, few);
    for (qint64 id : std::as_const(ids)) {
        if (m_layerExcludes.contains(id))
            continue;
        const ImageShape *shape = m_document->shape(id);
        if (!shape || shape->kind == AnnotationKind::Tag)
            continue;
        if (few) {
            drawShape(painter, *shape, false, true);
        } else if (shape->kind == AnnotationKind::Box &&
                   shape->state != AnnotationState::Suggested) {
            const QColor color = labelColor(shape->label);
            QColor fill = color;
            fill.setAlpha(38);
            painter.setPen(QPen(color, 0));
            painter.setBrush(fill);
            painter.drawRect(
                QRectF(toWidget(shape->rect.topLeft()), toWidget(shape->rect.bottomRight())));
        } else {
            drawShape(painter, *shape, false, false);
        }
    }
}

void AnnotationCanvas::invalidateAll()
{
    m_imageLayerValid = false;
    m_shapeLayerValid = false;
    update();
}

// --- view ------------------------------------------------------------------------------

QRectF AnnotationCanvas::imageRect() const
{
    if (m_document && m_document->hasItem() && !m_document->imageSize().isEmpty())
        return QRectF(QPointF(0, 0), QSizeF(m_document->imageSize()));
    return QRectF(QPointF(0, 0), QSizeF(m_image.size()));
}

QPointF AnnotationCanvas::toImage(const QPointF &widget) const
{
    return (widget - m_offset) / m_scale;
}

QPointF AnnotationCanvas::toWidget(const QPointF &image) const
{
    return image * m_scale + m_offset;
}

void AnnotationCanvas::fitToView()
{
    const QRectF image = imageRect();
    if (image.isEmpty() || width() <= 0 || height() <= 0)
        return;
    const double margin = 16;
    const double scale =
        qMin((width() - 2 * margin) / image.width(), (height() - 2 * margin) / image.height());
    m_scale = qBound(kMinScale, scale, kMaxScale);
    m_offset =
        QPointF((width() - image.width() * m_scale) / 2, (height() - image.height() * m_scale) / 2);
    m_fit = true;
    invalidateAll();
    Q_EMIT zoomChanged(m_scale);
}

void AnnotationCanvas::setZoom(double scale, const QPointF &anchor)
{
    const QPointF at = anchor.x() < 0 ? QPointF(width() / 2.0, height() / 2.0) : anchor;
    const QPointF fixed = toImage(at);
    m_scale = qBound(kMinScale, scale, kMaxScale);
    m_offset = at - fixed * m_scale;
    m_fit = false;
    invalidateAll();
    Q_EMIT zoomChanged(m_scale);
}

void AnnotationCanvas::zoomBy(double factor, const QPointF &anchor)
{
    setZoom(m_scale * factor, anchor);
}

void AnnotationCanvas::resizeEvent(QResizeEvent *)
{
    if (m_fit)
        fitToView();
    invalidateAll();
}

// --- selection and edits ---------------------------------------------------------------

QList<qint64> AnnotationCanvas::selection() const
{
    QList<qint64> ids;
    if (!m_document)
        return ids;
    for (qint64 id : m_document->shapeIds()) {
        if (m_selected.contains(id))
            ids.append(id);
    }
    return ids;
}

void AnnotationCanvas::setSelectionInternal(const QSet<qint64> &ids)
{
    if (ids == m_selected)
        return;
    m_selected = ids;
    if (!m_selected.contains(m_activeVertex.shape))
        m_activeVertex = {};
    update();
    Q_EMIT selectionChanged();
}

void AnnotationCanvas::setSelection(const QList<qint64> &ids)
{
    QSet<qint64> set;
    for (qint64 id : ids) {
        if (m_document && m_document->shape(id))
            set.insert(id);
    }
    setSelectionInternal(set);
}

void AnnotationCanvas::selectAll()
{
    if (!m_document)
        return;
    QSet<qint64> all;
    for (qint64 id : m_document->shapeIds()) {
        if (m_document->shape(id)->kind != AnnotationKind::Tag)
            all.insert(id);
    }
    setSelectionInternal(all);
}

void AnnotationCanvas::deleteSelection()
{
    if (!m_document || m_readOnly)
        return;
    if (m_activeVertex.shape) {
        const ImageShape *shape = m_document->shape(m_activeVertex.shape);
        if (shape && shape->polygon.size() > 3) {
            ImageShape after = *shape;
            after.polygon.remove(m_activeVertex.index);
            m_document->undoStack()->push(
                new ChangeShapesCommand(m_document, {*shape}, {after}, tr("Delete vertex")));
            m_activeVertex = {};
            return;
        }
        if (shape) {
            Q_EMIT message(tr("A polygon keeps at least three points; delete the polygon with "
                              "Esc, then Delete."));
            return;
        }
        m_activeVertex = {};
    }
    const QList<qint64> ids = selection();
    if (ids.isEmpty())
        return;
    m_document->undoStack()->push(new RemoveShapesCommand(m_document, ids));
}

void AnnotationCanvas::relabelSelection(const QString &label)
{
    if (!m_document || m_readOnly)
        return;
    QList<ImageShape> before;
    QList<ImageShape> after;
    for (qint64 id : selection()) {
        const ImageShape *shape = m_document->shape(id);
        if (shape->label == label)
            continue;
        before.append(*shape);
        ImageShape changed = *shape;
        changed.label = label;
        after.append(changed);
    }
    if (!before.isEmpty())
        m_document->undoStack()->push(
            new ChangeShapesCommand(m_document, before, after, tr("Change label")));
}

void AnnotationCanvas::nudgeSelection(const QPointF &delta)
{
    if (!m_document || m_readOnly || m_selected.isEmpty())
        return;
    QList<ImageShape> before;
    QList<ImageShape> after;
    const QRectF image = imageRect();
    for (qint64 id : selection()) {
        const ImageShape *shape = m_document->shape(id);
        if (shape->kind == AnnotationKind::Mask)
            continue; // painted, not moved
        const QRectF b = shape->bounds();
        // Keep it inside the image.
        const double dx = qBound(image.left() - b.left(), delta.x(), image.right() - b.right());
        const double dy = qBound(image.top() - b.top(), delta.y(), image.bottom() - b.bottom());
        before.append(*shape);
        after.append(shape->translated(QPointF(dx, dy)));
    }
    if (before.isEmpty())
        return;
    m_document->undoStack()->push(new ChangeShapesCommand(m_document, before, after, tr("Move")));
}

void AnnotationCanvas::addShape(const ImageShape &shape)
{
    m_document->undoStack()->push(new AddShapesCommand(m_document, {shape}));
    setSelectionInternal({shape.id});
}

bool AnnotationCanvas::finishPolygon()
{
    if (m_draft.size() < 3 || !m_document) {
        if (!m_draft.isEmpty())
            Q_EMIT message(tr("A polygon needs at least three points."));
        return false;
    }
    ImageShape shape;
    shape.id = m_document->newShapeId();
    shape.kind = AnnotationKind::Polygon;
    shape.label = m_label;
    shape.polygon = m_document->clamp(m_draft);
    shape.author = m_document->author();
    m_draft.clear();
    addShape(shape);
    return true;
}

void AnnotationCanvas::beginStroke(const QPointF &imagePos)
{
    const bool erase = m_tool == Tool::Eraser;
    const ImageShape *target = nullptr;
    if (m_selected.size() == 1) {
        const ImageShape *only = m_document->shape(*m_selected.cbegin());
        if (only && only->kind == AnnotationKind::Mask)
            target = only;
    }
    if (!target && erase) {
        Q_EMIT message(tr("Select a mask first: the eraser takes pixels off the selected mask."));
        return;
    }
    if (!target && m_label.isEmpty()) {
        Q_EMIT message(tr("Pick a label first: the brush paints a new mask of that label."));
        return;
    }
    QSize size = m_document->imageSize();
    if (size.isEmpty())
        size = m_image.size();
    if (size.isEmpty())
        return;
    if (target) {
        m_strokeShape = *target;
        m_strokeNew = false;
        // The mask leaves the cached layer while it is painted; the stroke draws it.
        m_layerExcludes.insert(target->id);
        invalidateArea(target->bounds());
    } else {
        m_strokeShape = ImageShape{};
        m_strokeShape.id = m_document->newShapeId();
        m_strokeShape.kind = AnnotationKind::Mask;
        m_strokeShape.label = m_label;
        m_strokeShape.author = m_document->author();
        m_strokeNew = true;
    }
    if (const MaskOverlay *overlay = target ? maskOverlay(*target) : nullptr)
        m_stroke.emplace(target->mask, size, overlay->pixels, overlay->origin);
    else
        m_stroke.emplace(MaskRle{}, size);
    m_strokeErases = erase;
    m_strokeLast = imagePos;
    m_cursorImage = imagePos;
    m_drag = Drag::Paint;
    m_stroke->paint(imagePos, imagePos, m_brushSize / 2.0, erase);
    update();
}

void AnnotationCanvas::finishStroke()
{
    m_drag = Drag::None;
    if (!m_stroke)
        return;
    // The one encoding of the stroke: only the columns it touched are encoded again.
    const MaskRle after = m_stroke->result();
    const ImageShape before = m_strokeShape;
    // The overlay takes the stroke's pixels: nothing is decoded again.
    const QRect box = after.bounds().toRect();
    const MaskOverlay overlay{after, box.topLeft(),
                              box.isEmpty() ? QImage() : m_stroke->pixels().copy(box)};
    m_stroke.reset();
    m_layerExcludes.remove(before.id);
    invalidateArea(before.bounds());
    QUndoStack *stack = m_document->undoStack();
    if (m_strokeNew) {
        if (after.area() == 0) {
            update();
            return; // painted outside the image, or nothing
        }
        ImageShape shape = before;
        shape.setMask(after);
        m_masks.insert(shape.id, overlay);
        addShape(shape);
        return;
    }
    if (after == before.mask) {
        update();
        return;
    }
    if (after.area() == 0) {
        auto *remove = new RemoveShapesCommand(m_document, {before.id});
        remove->setText(tr("Erase mask"));
        stack->push(remove);
        return;
    }
    ImageShape changed = before;
    changed.setMask(after);
    m_masks.insert(changed.id, overlay);
    stack->push(new ChangeShapesCommand(m_document, {before}, {changed},
                                        m_strokeErases ? tr("Erase") : tr("Paint")));
}

void AnnotationCanvas::cancelDrawing()
{
    if (m_stroke) {
        // Nothing was written yet: the mask shows again as it was.
        m_stroke.reset();
        if (m_layerExcludes.remove(m_strokeShape.id))
            invalidateArea(m_strokeShape.bounds());
        m_drag = Drag::None;
    }
    m_draft.clear();
    if (m_drag == Drag::DrawBox || m_drag == Drag::RubberBand)
        m_drag = Drag::None;
    m_band = {};
    update();
}

void AnnotationCanvas::commitDrag()
{
    QList<ImageShape> after;
    for (const ImageShape &shape : std::as_const(m_before))
        after.append(m_preview.value(shape.id, shape));
    const QList<ImageShape> before = m_before;
    m_preview.clear();
    m_before.clear();
    m_layerExcludes.clear();
    for (const ImageShape &shape : before)
        invalidateArea(shape.bounds());
    if (before == after) {
        update();
        return;
    }
    QString text = tr("Move");
    if (m_drag == Drag::Resize)
        text = tr("Resize box");
    else if (m_drag == Drag::Vertex)
        text = tr("Move vertex");
    m_document->undoStack()->push(new ChangeShapesCommand(m_document, before, after, text));
}

} // namespace atelier
