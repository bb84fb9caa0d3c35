#include "canvas/canvasview.h"
#include "canvas/canvasstyle.h"
#include "canvas/edgeitem.h"
#include "canvas/minimap.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace atelier {

CanvasView::CanvasView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Every item sets the pen, brush, font and hints it draws with, and its bounding rect
    // holds its anti-aliased edges: the view need not save or pad for them.
    setOptimizationFlags(QGraphicsView::DontSavePainterState |
                         QGraphicsView::DontAdjustForAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    setObjectName(QStringLiteral("canvasView"));
    m_minimap = new Minimap(this, this);
    connect(m_minimap, &Minimap::navigated, this, &CanvasView::userNavigated);
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QScrollBar::sliderPressed, this, &CanvasView::userNavigated);
    placeMinimap();
}

CanvasView::~CanvasView() = default;

qreal CanvasView::zoom() const
{
    return transform().m11();
}

void CanvasView::setZoom(qreal factor, QPoint viewportAnchor)
{
    factor = std::clamp(factor, MinZoom, MaxZoom);
    const qreal current = zoom();
    if (qFuzzyCompare(factor, current))
        return;
    if (viewportAnchor.x() < 0)
        viewportAnchor = viewport()->rect().center();
    const QPointF sceneAnchor = mapToScene(viewportAnchor);
    const ViewportAnchor old = transformationAnchor();
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setTransform(QTransform::fromScale(factor, factor));
    // Keep the scene point under the anchor where it was.
    const QPointF delta = mapToScene(viewportAnchor) - sceneAnchor;
    translate(delta.x(), delta.y());
    const QPoint moved = mapFromScene(sceneAnchor) - viewportAnchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + moved.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + moved.y());
    setTransformationAnchor(old);
    Q_EMIT zoomChanged(factor);
    m_minimap->update();
}

void CanvasView::fitToView()
{
    userNavigated(); // the user chose this zoom: a resize keeps it
    if (!scene())
        return;
    QRectF bounds = scene()->itemsBoundingRect();
    if (bounds.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-40, -40, 40, 40);
    const QRectF port = viewport()->rect();
    const qreal factor =
        std::min({port.width() / bounds.width(), port.height() / bounds.height(), 1.0});
    setZoom(std::max(factor, MinZoom));
    centerOn(bounds.center());
}

void CanvasView::openReadable()
{
    m_autoFit = true;
    fitReadable();
}

void CanvasView::fitReadable()
{
    if (!scene())
        return;
    QRectF bounds = scene()->itemsBoundingRect();
    if (bounds.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-40, -40, 40, 40);
    const QRectF port = viewport()->rect();
    const qreal fit = std::min(port.width() / bounds.width(), port.height() / bounds.height());
    const qreal factor = std::clamp(fit, ReadableZoom, 1.0);
    setZoom(factor);
    // Too big to show whole at that zoom: its start (a pipeline reads from the left) in view.
    const qreal shownWidth = port.width() / factor;
    const qreal shownHeight = port.height() / factor;
    const qreal x =
        bounds.width() <= shownWidth ? bounds.center().x() : bounds.left() + shownWidth / 2;
    const qreal y =
        bounds.height() <= shownHeight ? bounds.center().y() : bounds.top() + shownHeight / 2;
    centerOn(x, y);
}

void CanvasView::zoomToActualSize()
{
    userNavigated();
    setZoom(1.0);
}

void CanvasView::zoomIn()
{
    userNavigated();
    setZoom(zoom() * 1.25);
}

void CanvasView::zoomOut()
{
    userNavigated();
    setZoom(zoom() / 1.25);
}

void CanvasView::setMinimapVisible(bool visible)
{
    m_minimapWanted = visible;
    placeMinimap();
}

void CanvasView::setGridVisible(bool visible)
{
    m_grid = visible;
    resetCachedContent();
    viewport()->update();
}

void CanvasView::setFrozenLinks(bool frozen)
{
    if (m_frozenLinks == frozen)
        return;
    m_frozenLinks = frozen;
    setCacheMode(frozen ? CacheBackground : CacheNone);
    resetCachedContent();
    viewport()->update();
}

void CanvasView::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, CanvasStyle::canvasBackground());
    if (!m_grid) {
        drawFrozenLinks(painter, rect);
        return;
    }
    // Minor lines only while they are at least 12 pixels apart; major every 5 cells.
    const qreal z = zoom();
    const qreal cell = CanvasStyle::GridSize;
    painter->setRenderHint(QPainter::Antialiasing, false);
    auto lines = [&](qreal step, const QColor &colour) {
        QVector<QLineF> all;
        const qreal left = std::floor(rect.left() / step) * step;
        const qreal top = std::floor(rect.top() / step) * step;
        for (qreal x = left; x < rect.right(); x += step)
            all.append(QLineF(x, rect.top(), x, rect.bottom()));
        for (qreal y = top; y < rect.bottom(); y += step)
            all.append(QLineF(rect.left(), y, rect.right(), y));
        painter->setPen(QPen(colour, 0));
        painter->drawLines(all);
    };
    if (cell * z >= 12)
        lines(cell, CanvasStyle::gridMinor());
    if (cell * 5 * z >= 8)
        lines(cell * 5, CanvasStyle::gridMajor());
    drawFrozenLinks(painter, rect);
}

void CanvasView::drawFrozenLinks(QPainter *painter, const QRectF &rect)
{
    if (m_frozenLinks && scene()) {
        const QList<QGraphicsItem *> items =
            scene()->items(rect, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder);
        for (QGraphicsItem *item : items) {
            if (item->type() == EdgeItem::Type && item->isVisible()) {
                auto *edge = static_cast<EdgeItem *>(item);
                if (edge->isFrozen())
                    edge->paintFrozen(painter);
            }
        }
    }
}

bool CanvasView::event(QEvent *event)
{
    // Undo and Redo with the focus here are the scene's own (it first drops a link being
    // drawn), not the window's Edit menu that acts on the same document from elsewhere.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->accept();
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    if (angle.y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    userNavigated();
    const qreal factor = std::pow(1.0015, qreal(angle.y()));
    setZoom(zoom() * factor, event->position().toPoint());
    event->accept();
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    // An item with the keyboard (a note being edited) gets its keys first.
    if (scene() && scene()->focusItem()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_F:
        if (!ctrl) {
            fitToView();
            return;
        }
        break;
    case Qt::Key_0:
        if (ctrl) {
            zoomToActualSize();
            return;
        }
        break;
    case Qt::Key_1:
        if (!ctrl) {
            zoomToActualSize();
            return;
        }
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl) {
            zoomIn();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (ctrl) {
            zoomOut();
            return;
        }
        break;
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            userNavigated();
            m_spaceHeld = true;
            setDragMode(QGraphicsView::ScrollHandDrag);
            setInteractive(false);
        }
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
        endSpacePan();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::focusOutEvent(QFocusEvent *event)
{
    if (m_spaceHeld)
        endSpacePan();
    QGraphicsView::focusOutEvent(event);
}

void CanvasView::endSpacePan()
{
    m_spaceHeld = false;
    setInteractive(true);
    setDragMode(QGraphicsView::RubberBandDrag);
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        userNavigated();
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint p = event->position().toPoint();
        const QPoint delta = p - m_panLast;
        m_panLast = p;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
    if (m_autoFit)
        fitReadable();
}

void CanvasView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->update();
}

void CanvasView::placeMinimap()
{
    // A corner of the canvas, never more than a quarter of its width nor a third of its
    // height (about a tenth of its area); a canvas too small for a useful one goes without.
    const QRect port = viewport()->geometry();
    const int width = std::min({220, port.width() / 4, (port.height() / 3) * 220 / 140});
    const QSize size(width, width * 140 / 220);
    const bool room = width >= 80;
    m_minimap->setGeometry(port.right() - size.width() - 12, port.bottom() - size.height() - 12,
                           size.width(), size.height());
    m_minimap->setVisible(m_minimapWanted && room);
}

} // namespace atelier
