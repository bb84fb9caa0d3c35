#include "labeling/annotationcanvas.h"

#include "datasets/imageannotationcommands.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr double kHandle = 5.0; // handle half-size in widget pixels
constexpr double kMinScale = 0.01;
constexpr double kMaxScale = 64.0;
constexpr int kMaskAlpha = 96;     // a mask's fill: the image stays readable beneath
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

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b, QPointF *closest)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    double t = length2 > 0 ? QPointF::dotProduct(p - a, ab) / length2 : 0;
    t = qBound(0.0, t, 1.0);
    const QPointF c = a + t * ab;
    if (closest)
        *closest = c;
    return std::hypot(p.x() - c.x(), p.y() - c.y());
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

// --- painting --------------------------------------------------------------------------

void AnnotationCanvas::ensureImageLayer()
{
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_imageLayerValid && m_imageLayer.size() == pixels)
        return;
    if (m_imageLayer.size() != pixels) {
        m_imageLayer = QImage(pixels, QImage::Format_RGB32);
        m_imageLayer.setDevicePixelRatio(dpr);
    }
    m_imageLayer.fill(QColor(0x1b, 0x1e, 0x24));
    QPainter painter(&m_imageLayer);
    const QRectF image = imageRect();
    if (!m_image.isNull() && !image.isEmpty()) {
        const QRectF target(toWidget(image.topLeft()), toWidget(image.bottomRight()));
        // The smallest copy still at least as large as what is shown.
        const QImage *source = &m_image;
        const double shown = target.width() * dpr;
        for (const QImage &level : std::as_const(m_levels)) {
            if (level.width() >= shown)
                source = &level;
        }
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_scale * dpr < 2.0);
        // Only the part in view is scaled.
        const QRectF visible = target.intersected(QRectF(rect()));
        if (!visible.isEmpty()) {
            const double sx = source->width() / target.width();
            const double sy = source->height() / target.height();
            const QRectF from((visible.left() - target.left()) * sx,
                              (visible.top() - target.top()) * sy, visible.width() * sx,
                              visible.height() * sy);
            painter.drawImage(visible, *source, from);
        }
    } else if (!m_message.isEmpty()) {
        painter.setPen(QColor(0xb8, 0xbf, 0xcc));
        painter.drawText(rect(), Qt::AlignCenter, m_message);
    }
    m_imageLayerValid = true;
}

const QStaticText &AnnotationCanvas::labelText(const QString &label) const
{
    auto it = m_texts.find(label);
    if (it == m_texts.end()) {
        QStaticText text(label.isEmpty() ? u"?"_s : label);
        text.setTextFormat(Qt::PlainText);
        text.prepare(QTransform(), font());
        it = m_texts.insert(label, text);
    }
    return it.value();
}

void AnnotationCanvas::drawShape(QPainter &painter, const ImageShape &shape, bool highlight,
                                 bool withText) const
{
    const QColor color = labelColor(shape.label);
    QPen pen(highlight ? QColor(Qt::white) : color, highlight ? 2.5 : 1.6);
    pen.setCosmetic(true);
    if (shape.state == AnnotationState::Suggested)
        pen.setStyle(Qt::DashLine);
    QColor fill = color;
    fill.setAlpha(highlight ? 70 : 38);
    painter.setPen(pen);
    painter.setBrush(fill);
    QPointF anchor;
    if (shape.kind == AnnotationKind::Box) {
        const QRectF r(toWidget(shape.rect.topLeft()), toWidget(shape.rect.bottomRight()));
        painter.drawRect(r);
        if (highlight) {
            QPen inner(color, 1.2);
            painter.setPen(inner);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(r.adjusted(2, 2, -2, -2));
        }
        anchor = r.topLeft();
        withText = withText && r.width() > 28 && r.height() > 12;
    } else if (shape.kind == AnnotationKind::Polygon) {
        QPolygonF points;
        points.reserve(shape.polygon.size());
        for (const QPointF &p : shape.polygon)
            points.append(toWidget(p));
        painter.drawPolygon(points);
        QRectF box = points.boundingRect();
        for (const QPolygonF &part : shape.moreParts) {
            QPolygonF more;
            more.reserve(part.size());
            for (const QPointF &p : part)
                more.append(toWidget(p));
            painter.drawPolygon(more);
            box |= more.boundingRect();
        }
        anchor = box.topLeft();
        withText = withText && box.width() > 28;
    } else if (shape.kind == AnnotationKind::Mask) {
        const QRectF box = drawMask(painter, shape, highlight);
        anchor = box.topLeft();
        withText = withText && box.width() > 28;
    }
    if (withText) {
        const QStaticText &text = labelText(shape.label);
        const QSizeF size = text.size();
        const QRectF tag(anchor.x(), anchor.y() - size.height() - 2, size.width() + 8,
                         size.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRect(tag.top() < 0 ? tag.translated(0, size.height() + 2) : tag);
        painter.setPen(Qt::white);
        painter.drawStaticText(
            (tag.top() < 0 ? tag.translated(0, size.height() + 2) : tag).topLeft() + QPointF(4, 1),
            text);
    }
}

// --- masks -----------------------------------------------------------------------------

const MaskOverlay *AnnotationCanvas::maskOverlay(const ImageShape &shape) const
{
    if (!shape.mask.isValid())
        return nullptr;
    auto it = m_masks.find(shape.id);
    // Runs are shared between copies of a shape, so an unchanged mask compares in no time.
    if (it == m_masks.end() || !(it->mask == shape.mask))
        it = m_masks.insert(shape.id, MaskOverlay::fromMask(shape.mask));
    return &it.value();
}

QRectF AnnotationCanvas::drawMask(QPainter &painter, const ImageShape &shape, bool highlight) const
{
    const MaskOverlay *overlay = maskOverlay(shape);
    if (!overlay || overlay->pixels.isNull())
        return {};
    const QRectF image(overlay->origin, overlay->pixels.size());
    const QRectF target(toWidget(image.topLeft()), toWidget(image.bottomRight()));
    // Tinted at the widget's resolution, the part in view only: a frame costs what is on
    // screen, even for a mask over all of a 4000 × 3000 image.
    QRect visible = target.toAlignedRect().intersected(rect());
    if (painter.hasClipping())
        visible = visible.intersected(painter.clipBoundingRect().toAlignedRect());
    if (visible.isEmpty())
        return target;
    const QRectF source(toImage(visible.topLeft()), toImage(visible.bottomRight() + QPointF(1, 1)));
    QColor color = labelColor(shape.label);
    color.setAlpha(highlight ? 2 * kMaskAlpha : kMaskAlpha); // selected: stronger
    // Crowd regions are hatched, in widget pixels so that the hatching reads at any zoom.
    painter.drawImage(visible.topLeft(),
                      overlay->render(source, visible.size(), qPremultiply(color.rgba()),
                                      shape.isCrowd(), visible.topLeft()));
    if (highlight) {
        QPen frame(Qt::white, 1.2, Qt::DashLine);
        frame.setCosmetic(true);
        painter.setPen(frame);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(target);
    }
    return target;
}

void AnnotationCanvas::ensureShapeLayer()
{
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_shapeLayerValid && m_shapeLayer.size() == pixels) {
        if (!m_dirty.isNull() && m_document) {
            repaintArea(m_dirty);
            m_dirty = {};
        }
        return;
    }
    m_dirty = {};
    if (m_shapeLayer.size() != pixels) {
        m_shapeLayer = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_shapeLayer.setDevicePixelRatio(dpr);
    }
    m_shapeLayer.fill(Qt::transparent);
    m_lastFrameShapes = 0;
    if (m_document) {
        const QRectF view(toImage(QPointF(0, 0)), toImage(QPointF(width(), height())));
        QList<const ImageShape *> visible;
        visible.reserve(m_document->shapeCount());
        for (qint64 id : m_document->shapeIds()) {
            if (m_layerExcludes.contains(id))
                continue;
            const ImageShape *shape = m_document->shape(id);
            if (shape->kind == AnnotationKind::Tag)
                continue;
            const QRectF bounds = shape->bounds();
            if (bounds.right() < view.left() || bounds.left() > view.right() ||
                bounds.bottom() < view.top() || bounds.top() > view.bottom())
                continue;
            visible.append(shape);
        }
        QPainter painter(&m_shapeLayer);
        if (visible.size() <= 300) {
            // Names only while they can be read: not over hundreds of shapes at once.
            painter.setRenderHint(QPainter::Antialiasing);
            for (const ImageShape *shape : std::as_const(visible))
                drawShape(painter, *shape, false, true);
        } else {
            // Many shapes: boxes batched per label (one drawRects call each) with a one-pixel
            // pen, which the raster engine draws without building stroke paths.
            QHash<QString, QList<QRectF>> boxes;
            for (const ImageShape *shape : std::as_const(visible)) {
                if (shape->kind == AnnotationKind::Box &&
                    shape->state != AnnotationState::Suggested)
                    boxes[shape->label].append(QRectF(toWidget(shape->rect.topLeft()),
                                                      toWidget(shape->rect.bottomRight())));
                else
                    drawShape(painter, *shape, false, false);
            }
            for (auto it = boxes.cbegin(); it != boxes.cend(); ++it) {
                const QColor color = labelColor(it.key());
                QColor fill = color;
                fill.setAlpha(38);
                painter.setPen(QPen(color, 0));
                painter.setBrush(fill);
                painter.drawRects(it.value().constData(), int(it.value().size()));
            }
        }
        m_lastFrameShapes = int(visible.size());
    }
    m_shapeLayerValid = true;
}

void AnnotationCanvas::drawHandles(QPainter &painter, const ImageShape &shape) const
{
    painter.setPen(QPen(QColor(0x1f, 0x24, 0x30), 1));
    painter.setBrush(Qt::white);
    if (shape.kind == AnnotationKind::Box) {
        const QRectF r(toWidget(shape.rect.topLeft()), toWidget(shape.rect.bottomRight()));
        const QList<QPointF> points = {r.topLeft(),     QPointF(r.center().x(), r.top()),
                                       r.topRight(),    QPointF(r.right(), r.center().y()),
                                       r.bottomRight(), QPointF(r.center().x(), r.bottom()),
                                       r.bottomLeft(),  QPointF(r.left(), r.center().y())};
        for (const QPointF &p : points)
            painter.drawRect(QRectF(p - QPointF(kHandle - 1, kHandle - 1),
                                    QSizeF(2 * kHandle - 2, 2 * kHandle - 2)));
    } else if (shape.kind == AnnotationKind::Polygon) {
        for (int i = 0; i < shape.polygon.size(); ++i) {
            const bool active = m_activeVertex.shape == shape.id && m_activeVertex.index == i;
            painter.setBrush(active ? labelColor(shape.label) : QColor(Qt::white));
            painter.drawEllipse(toWidget(shape.polygon[i]), kHandle - 0.5, kHandle - 0.5);
        }
    }
}

void AnnotationCanvas::paintEvent(QPaintEvent *)
{
    ensureImageLayer();
    ensureShapeLayer();
    QPainter painter(this);
    painter.drawImage(QPointF(0, 0), m_imageLayer);
    painter.drawImage(QPointF(0, 0), m_shapeLayer);
    if (!m_document)
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    // What is being dragged, then the selection on top of the layer.
    for (auto it = m_preview.cbegin(); it != m_preview.cend(); ++it)
        drawShape(painter, it.value(), true, true);
    if (m_hover && !m_selected.contains(m_hover) && !m_preview.contains(m_hover)) {
        if (const ImageShape *shape = m_document->shape(m_hover)) {
            QPen pen(Qt::white, 1.2, Qt::DashLine);
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            if (shape->kind == AnnotationKind::Box || shape->kind == AnnotationKind::Mask)
                painter.drawRect(
                    QRectF(toWidget(shape->rect.topLeft()), toWidget(shape->rect.bottomRight())));
        }
    }
    for (qint64 id : std::as_const(m_selected)) {
        const ImageShape *shape = m_preview.contains(id) ? &m_preview[id] : m_document->shape(id);
        if (!shape)
            continue;
        if (!m_preview.contains(id))
            drawShape(painter, *shape, true, true);
        if (m_selected.size() <= 50)
            drawHandles(painter, *shape);
    }
    if (m_stroke) {
        // The mask being painted, sampled from the stroke's pixels at the widget's
        // resolution: a frame costs what is on screen, not the image's size.
        const QRect extent = m_stroke->extent();
        const QRectF target(toWidget(extent.topLeft()),
                            toWidget(extent.bottomRight() + QPointF(1, 1)));
        const QRect visible = target.toAlignedRect().intersected(rect());
        if (!visible.isEmpty()) {
            const QRectF source(toImage(visible.topLeft()),
                                toImage(visible.bottomRight() + QPointF(1, 1)));
            QColor color = labelColor(m_strokeShape.label);
            color.setAlpha(qMin(255, kMaskAlpha * 2));
            painter.drawImage(visible.topLeft(),
                              MaskOverlay::render(m_stroke->pixels(), QPoint(0, 0), source,
                                                  visible.size(), qPremultiply(color.rgba()),
                                                  m_strokeShape.isCrowd(), visible.topLeft()));
        }
    }
    const QColor current = labelColor(m_label);
    if (m_drag == Drag::DrawBox && !m_band.isNull()) {
        QPen pen(current, 2);
        painter.setPen(pen);
        QColor fill = current;
        fill.setAlpha(50);
        painter.setBrush(fill);
        painter.drawRect(QRectF(toWidget(m_band.topLeft()), toWidget(m_band.bottomRight())));
    } else if (m_drag == Drag::RubberBand && !m_band.isNull()) {
        painter.setPen(QPen(QColor(0x4f, 0x8c, 0xff), 1, Qt::DashLine));
        painter.setBrush(QColor(0x4f, 0x8c, 0xff, 40));
        painter.drawRect(QRectF(toWidget(m_band.topLeft()), toWidget(m_band.bottomRight())));
    }
    if (!m_draft.isEmpty()) {
        QPolygonF points;
        for (const QPointF &p : std::as_const(m_draft))
            points.append(toWidget(p));
        painter.setPen(QPen(current, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(points);
        painter.setPen(QPen(current, 1.5, Qt::DashLine));
        painter.drawLine(points.last(), toWidget(m_cursorImage));
        painter.setPen(QPen(QColor(0x1f, 0x24, 0x30), 1));
        painter.setBrush(Qt::white);
        for (const QPointF &p : std::as_const(points))
            painter.drawEllipse(p, kHandle - 1, kHandle - 1);
    }
    if ((m_tool == Tool::Brush || m_tool == Tool::Eraser) && (underMouse() || m_stroke)) {
        // The brush's footprint, in white over black so that it shows on any image.
        const QPointF at = toWidget(m_cursorImage);
        const double radius = qMax(1.0, m_brushSize * m_scale / 2);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
        painter.drawEllipse(at, radius, radius);
        painter.setPen(
            QPen(m_tool == Tool::Eraser ? QColor(255, 160, 160) : QColor(Qt::white), 1.2));
        painter.drawEllipse(at, radius, radius);
    } else if ((m_tool != Tool::Select) && underMouse() && m_drag == Drag::None) {
        // Cross-hair over the image helps lining a box up with an edge.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt::DashLine));
        const QPointF at = toWidget(m_cursorImage);
        painter.drawLine(QPointF(0, at.y()), QPointF(width(), at.y()));
        painter.drawLine(QPointF(at.x(), 0), QPointF(at.x(), height()));
    }
}

// --- hit testing -----------------------------------------------------------------------

double AnnotationCanvas::tolerance() const
{
    return (kHandle + 1) / m_scale;
}

bool AnnotationCanvas::hits(const ImageShape &shape, const QPointF &p, double t) const
{
    if (shape.kind == AnnotationKind::Box)
        return shape.rect.normalized().adjusted(-t, -t, t, t).contains(p);
    if (shape.kind == AnnotationKind::Polygon) {
        for (const QPolygonF &part : QList<QPolygonF>{shape.polygon} + shape.moreParts) {
            if (part.containsPoint(p, Qt::OddEvenFill))
                return true;
            for (int i = 0; i < part.size(); ++i) {
                if (distanceToSegment(p, part[i], part[(i + 1) % part.size()], nullptr) <= t)
                    return true;
            }
        }
    }
    if (shape.kind == AnnotationKind::Mask) {
        // A set pixel under the cursor, read from the overlay that draws the mask.
        const MaskOverlay *overlay = maskOverlay(shape);
        return overlay && overlay->contains(QPoint(int(std::floor(p.x())), int(std::floor(p.y()))));
    }
    return false;
}

qint64 AnnotationCanvas::shapeAt(const QPointF &p) const
{
    if (!m_document)
        return 0;
    const double t = tolerance();
    const QList<qint64> near = m_grid.query(QRectF(p.x() - t, p.y() - t, 2 * t, 2 * t));
    qint64 best = 0;
    double bestArea = 0;
    for (qint64 id : near) {
        const ImageShape *shape = m_document->shape(id);
        if (!shape || !hits(*shape, p, t))
            continue;
        if (m_selected.contains(id))
            return id; // dragging a selected shape wins over what lies above it
        const QRectF b = shape->bounds();
        const double area = b.width() * b.height();
        if (!best || area < bestArea) {
            best = id;
            bestArea = area;
        }
    }
    return best;
}

int AnnotationCanvas::handleAt(const ImageShape &box, const QPointF &p) const
{
    const QRectF r = box.rect.normalized();
    const QList<QPointF> points = {r.topLeft(),     QPointF(r.center().x(), r.top()),
                                   r.topRight(),    QPointF(r.right(), r.center().y()),
                                   r.bottomRight(), QPointF(r.center().x(), r.bottom()),
                                   r.bottomLeft(),  QPointF(r.left(), r.center().y())};
    const double t = tolerance();
    for (int i = 0; i < points.size(); ++i) {
        if (std::abs(points[i].x() - p.x()) <= t && std::abs(points[i].y() - p.y()) <= t)
            return i;
    }
    return -1;
}

AnnotationCanvas::VertexRef AnnotationCanvas::vertexAt(const QPointF &p) const
{
    const double t = tolerance();
    for (qint64 id : m_selected) {
        const ImageShape *shape = m_document->shape(id);
        if (!shape || shape->kind != AnnotationKind::Polygon)
            continue;
        for (int i = 0; i < shape->polygon.size(); ++i) {
            const QPointF d = shape->polygon[i] - p;
            if (std::hypot(d.x(), d.y()) <= t)
                return {id, i};
        }
    }
    return {};
}

int AnnotationCanvas::edgeAt(const ImageShape &polygon, const QPointF &p, QPointF *onEdge) const
{
    const double t = tolerance();
    for (int i = 0; i < polygon.polygon.size(); ++i) {
        if (distanceToSegment(p, polygon.polygon[i],
                              polygon.polygon[(i + 1) % polygon.polygon.size()], onEdge) <= t)
            return i;
    }
    return -1;
}

QRectF AnnotationCanvas::resized(const QRectF &rect, int handle, const QPointF &p) const
{
    QRectF r = rect.normalized();
    switch (handle) {
    case 0:
        r.setTopLeft(p);
        break;
    case 1:
        r.setTop(p.y());
        break;
    case 2:
        r.setTopRight(p);
        break;
    case 3:
        r.setRight(p.x());
        break;
    case 4:
        r.setBottomRight(p);
        break;
    case 5:
        r.setBottom(p.y());
        break;
    case 6:
        r.setBottomLeft(p);
        break;
    case 7:
        r.setLeft(p.x());
        break;
    default:
        break;
    }
    return m_document->clamp(r.normalized());
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

// --- input -----------------------------------------------------------------------------

void AnnotationCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressWidget = m_lastWidget = event->position();
    m_pressImage = toImage(event->position());
    m_dragStarted = false;
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceDown)) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() == Qt::RightButton && m_tool == Tool::Polygon) {
        finishPolygon();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_document || !m_document->hasItem())
        return;
    const QPointF p = m_pressImage;
    if (m_readOnly) {
        const qint64 hit = shapeAt(p);
        setSelectionInternal(hit ? QSet<qint64>{hit} : QSet<qint64>{});
        return;
    }
    if (m_tool == Tool::Brush || m_tool == Tool::Eraser) {
        beginStroke(p);
        return;
    }
    if (m_tool == Tool::Box) {
        // A press on the selected box (or its handle) moves (resizes) it, as in the Select
        // tool; anywhere else it draws a new box, inside other boxes too.
        if (beginEditOfSelection(p))
            return;
        if (!imageRect().contains(p))
            return;
        m_drag = Drag::DrawBox;
        m_band = QRectF(p, p);
        return;
    }
    if (m_tool == Tool::Polygon) {
        if (!imageRect().contains(p))
            return;
        if (m_draft.size() >= 3) {
            const QPointF d = toWidget(m_draft.first()) - event->position();
            if (std::hypot(d.x(), d.y()) <= kHandle * 2) {
                finishPolygon();
                return;
            }
        }
        m_draft.append(p);
        update();
        return;
    }
    // Select tool: a handle of the selection, a vertex, a shape, or empty space.
    if (selectedBoxHandle(p) >= 0) {
        beginEditOfSelection(p);
        return;
    }
    const VertexRef vertex = vertexAt(p);
    if (vertex.shape) {
        const ImageShape *shape = m_document->shape(vertex.shape);
        if (event->modifiers() & (Qt::AltModifier | Qt::ShiftModifier)) {
            m_activeVertex = vertex;
            deleteSelection(); // deletes the active vertex
            return;
        }
        m_activeVertex = vertex;
        m_drag = Drag::Vertex;
        m_before = {*shape};
        update();
        return;
    }
    m_activeVertex = {};
    const qint64 hit = shapeAt(p);
    const bool toggle = event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier);
    if (hit) {
        QSet<qint64> selected = m_selected;
        if (toggle) {
            if (!selected.remove(hit))
                selected.insert(hit);
            setSelectionInternal(selected);
            return;
        }
        if (!selected.contains(hit))
            selected = {hit};
        setSelectionInternal(selected);
        m_drag = Drag::Move;
        m_before.clear();
        for (qint64 id : selection()) {
            const ImageShape *shape = m_document->shape(id);
            if (shape->kind != AnnotationKind::Mask) // masks are painted, not moved
                m_before.append(*shape);
        }
        return;
    }
    if (!toggle)
        setSelectionInternal({});
    m_drag = Drag::RubberBand;
    m_band = QRectF(p, p);
}

int AnnotationCanvas::selectedBoxHandle(QPointF p) const
{
    if (m_selected.size() != 1)
        return -1;
    const ImageShape *only = m_document->shape(*m_selected.cbegin());
    return only && only->kind == AnnotationKind::Box ? handleAt(*only, p) : -1;
}

bool AnnotationCanvas::beginEditOfSelection(QPointF p)
{
    if (const int handle = selectedBoxHandle(p); handle >= 0) {
        m_drag = Drag::Resize;
        m_handle = handle;
        m_before = {*m_document->shape(*m_selected.cbegin())};
        return true;
    }
    const qint64 hit = shapeAt(p);
    if (hit == 0 || !m_selected.contains(hit))
        return false;
    m_drag = Drag::Move;
    m_before.clear();
    for (qint64 id : selection()) {
        const ImageShape *shape = m_document->shape(id);
        if (shape->kind != AnnotationKind::Mask) // masks are painted, not moved
            m_before.append(*shape);
    }
    if (m_before.isEmpty()) { // only masks: nothing to move
        m_drag = Drag::None;
        return false;
    }
    return true;
}

void AnnotationCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF p = toImage(event->position());
    m_cursorImage = p;
    Q_EMIT cursorMoved(p);
    if (m_drag == Drag::Pan) {
        m_offset += event->position() - m_lastWidget;
        m_lastWidget = event->position();
        m_fit = false;
        invalidateAll();
        return;
    }
    m_lastWidget = event->position();
    if (m_drag == Drag::Paint && m_stroke) {
        // Every move paints, however short: the stroke follows the mouse exactly.
        m_stroke->paint(m_strokeLast, p, m_brushSize / 2.0, m_strokeErases);
        m_strokeLast = p;
        update();
        return;
    }
    if (m_drag == Drag::None) {
        if (m_tool == Tool::Select && m_document) {
            const qint64 hover = shapeAt(p);
            if (hover != m_hover) {
                m_hover = hover;
                update();
            }
        } else if (m_tool == Tool::Box && m_document && !m_spaceDown) {
            // Over the selected box a press moves it: say so with the cursor.
            const qint64 hover = shapeAt(p);
            const bool onSelection =
                selectedBoxHandle(p) >= 0 || (hover != 0 && m_selected.contains(hover));
            setCursor(onSelection ? Qt::SizeAllCursor : Qt::CrossCursor);
            update();
        } else {
            update(); // cross-hair, polygon draft
        }
        return;
    }
    const QPointF delta = p - m_pressImage;
    if (!m_dragStarted) {
        const QPointF moved = event->position() - m_pressWidget;
        if (std::abs(moved.x()) + std::abs(moved.y()) < 3)
            return;
        m_dragStarted = true;
        if (m_drag == Drag::Move || m_drag == Drag::Resize || m_drag == Drag::Vertex) {
            // The dragged shapes leave the cached layer once, at the start of the gesture.
            for (const ImageShape &shape : std::as_const(m_before)) {
                m_layerExcludes.insert(shape.id);
                invalidateArea(shape.bounds());
            }
        }
    }
    switch (m_drag) {
    case Drag::Move: {
        QRectF bounds;
        for (const ImageShape &shape : std::as_const(m_before))
            bounds |= shape.bounds();
        const QRectF image = imageRect();
        const double dx =
            qBound(image.left() - bounds.left(), delta.x(), image.right() - bounds.right());
        const double dy =
            qBound(image.top() - bounds.top(), delta.y(), image.bottom() - bounds.bottom());
        for (const ImageShape &shape : std::as_const(m_before))
            m_preview.insert(shape.id, shape.translated(QPointF(dx, dy)));
        break;
    }
    case Drag::Resize: {
        ImageShape changed = m_before.first();
        changed.rect = resized(changed.rect, m_handle, p);
        m_preview.insert(changed.id, changed);
        break;
    }
    case Drag::Vertex: {
        ImageShape changed = m_before.first();
        const QRectF image = imageRect();
        changed.polygon[m_activeVertex.index] = QPointF(qBound(image.left(), p.x(), image.right()),
                                                        qBound(image.top(), p.y(), image.bottom()));
        m_preview.insert(changed.id, changed);
        break;
    }
    case Drag::DrawBox:
        m_band = m_document->clamp(QRectF(m_pressImage, p));
        break;
    case Drag::RubberBand:
        m_band = QRectF(m_pressImage, p).normalized();
        break;
    default:
        break;
    }
    update();
}

void AnnotationCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    if (drag == Drag::Pan) {
        m_drag = Drag::None;
        setCursor(m_tool == Tool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
        return;
    }
    if (event->button() != Qt::LeftButton || drag == Drag::None)
        return;
    if (drag == Drag::Paint) {
        finishStroke();
        return;
    }
    switch (drag) {
    case Drag::Move:
    case Drag::Resize:
    case Drag::Vertex:
        if (m_dragStarted)
            commitDrag();
        else {
            m_before.clear();
            m_preview.clear();
        }
        break;
    case Drag::DrawBox: {
        const QRectF box = m_document->clamp(m_band);
        m_band = {};
        if (box.width() * m_scale >= 3 && box.height() * m_scale >= 3 && box.width() >= 1 &&
            box.height() >= 1) {
            ImageShape shape;
            shape.id = m_document->newShapeId();
            shape.kind = AnnotationKind::Box;
            shape.label = m_label;
            shape.rect = box;
            shape.author = m_document->author();
            m_drag = Drag::None;
            addShape(shape);
        } else if (!m_dragStarted) {
            // A click, not a drag: picks the shape under it (a drag on it then moves it).
            const qint64 hit = shapeAt(m_pressImage);
            setSelectionInternal(hit ? QSet<qint64>{hit} : QSet<qint64>{});
        }
        break;
    }
    case Drag::RubberBand: {
        QSet<qint64> selected = m_selected;
        if (m_dragStarted) {
            for (qint64 id : m_grid.query(m_band)) {
                if (m_band.contains(m_grid.bounds(id)))
                    selected.insert(id);
            }
        }
        m_band = {};
        setSelectionInternal(selected);
        break;
    }
    default:
        break;
    }
    m_drag = Drag::None;
    m_dragStarted = false;
    update();
}

void AnnotationCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_document || m_readOnly || event->button() != Qt::LeftButton)
        return;
    const QPointF p = toImage(event->position());
    if (m_tool == Tool::Polygon) {
        // The press of the double click added a point already; it is the last one.
        if (m_draft.size() >= 4)
            m_draft.removeLast();
        finishPolygon();
        return;
    }
    if (m_tool != Tool::Select)
        return;
    for (qint64 id : selection()) {
        const ImageShape *shape = m_document->shape(id);
        if (shape->kind != AnnotationKind::Polygon)
            continue;
        QPointF onEdge;
        const int edge = edgeAt(*shape, p, &onEdge);
        if (edge < 0)
            continue;
        ImageShape after = *shape;
        after.polygon.insert(edge + 1, onEdge);
        m_document->undoStack()->push(
            new ChangeShapesCommand(m_document, {*shape}, {after}, tr("Add vertex")));
        m_activeVertex = {id, edge + 1};
        return;
    }
}

void AnnotationCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

void AnnotationCanvas::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const double step = shift ? 10 : 1;
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceDown = true;
            setCursor(Qt::OpenHandCursor);
        }
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!m_draft.isEmpty()) {
            m_draft.removeLast();
            update();
        } else {
            deleteSelection();
        }
        return;
    case Qt::Key_Escape:
        if (!m_draft.isEmpty() || m_drag != Drag::None)
            cancelDrawing();
        else if (!m_selected.isEmpty())
            setSelectionInternal({});
        else
            event->ignore(); // nothing to clear: the owner's (back to the grid)
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_draft.isEmpty()) {
            finishPolygon();
            return;
        }
        break;
    case Qt::Key_Left:
        nudgeSelection(QPointF(-step, 0));
        return;
    case Qt::Key_Right:
        nudgeSelection(QPointF(step, 0));
        return;
    case Qt::Key_Up:
        nudgeSelection(QPointF(0, -step));
        return;
    case Qt::Key_Down:
        nudgeSelection(QPointF(0, step));
        return;
    case Qt::Key_F:
        fitToView();
        return;
    default:
        break;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AnnotationCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceDown = false;
        setCursor(m_tool == Tool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void AnnotationCanvas::leaveEvent(QEvent *)
{
    if (m_hover) {
        m_hover = 0;
        update();
    }
}

} // namespace atelier
