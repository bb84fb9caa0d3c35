// AnnotationCanvas: painting the image, the shapes and masks (cached in layers), the handles.
#include "labeling/annotationcanvas.h"

#include "datasets/imageannotationcommands.h"

#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kMaskAlpha = 96; // a mask's fill: the image stays readable beneath

} // namespace

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

} // namespace atelier
