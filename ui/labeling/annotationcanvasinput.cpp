// AnnotationCanvas: finding what is under the pointer, and the mouse, wheel and key gestures.
#include "labeling/annotationcanvas.h"

#include "datasets/imageannotationcommands.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

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
