#pragma once

#include <QGraphicsView>

namespace atelier {

class Minimap;

/// The view of a canvas: wheel zoom around the cursor, fit (F), 100 % (Ctrl+0 or 1), pan by
/// middle-drag or Space+drag, rubber-band selection, a subtle grid and a minimap overview.
class CanvasView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasView)

public:
    static constexpr qreal MinZoom = 0.02;
    static constexpr qreal MaxZoom = 4.0;
    /// The least zoom at which node titles read comfortably (about 10 px high).
    static constexpr qreal ReadableZoom = 0.75;

    explicit CanvasView(QGraphicsScene *scene, QWidget *parent = nullptr);
    ~CanvasView() override;

    qreal zoom() const;
    /// Zooms to \a factor (1 = 100 %), keeping \a viewportAnchor (viewport pixels) still;
    /// the centre of the viewport when invalid.
    void setZoom(qreal factor, QPoint viewportAnchor = QPoint(-1, -1));
    /// Shows every item, never zooming in past 100 %.
    void fitToView();
    /// How a canvas opens: every item when they fit at a readable zoom (ReadableZoom to
    /// 100 %), else readable from the top-left of the items, the rest a scroll away. The view
    /// does it again on each resize until the user zooms or pans (a window laid out or
    /// resized after opening must not leave the graph tiny).
    void openReadable();
    /// True while resizes still refit (openReadable() and no zoom or pan since).
    bool isAutoFitting() const { return m_autoFit; }
    void zoomToActualSize();
    void zoomIn();
    void zoomOut();

    Minimap *minimap() const { return m_minimap; }
    /// Whether the user wants the overview; it is shown only where the view has room for it.
    void setMinimapVisible(bool visible);
    bool minimapWanted() const { return m_minimapWanted; }
    void setGridVisible(bool visible);
    bool gridVisible() const { return m_grid; }
    /// While a node is dragged (CanvasScene::freezeLinks()): the background, with the links
    /// that do not move, is drawn once and cached; a move repaints the rest only.
    void setFrozenLinks(bool frozen);

Q_SIGNALS:
    void zoomChanged(qreal factor);

protected:
    bool event(QEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void placeMinimap();
    void fitReadable();
    /// The user moved or zoomed the view: resizes no longer refit it.
    void userNavigated() { m_autoFit = false; }
    void drawFrozenLinks(QPainter *painter, const QRectF &rect);
    void endSpacePan();

    Minimap *m_minimap = nullptr;
    bool m_grid = true;
    bool m_minimapWanted = true;
    bool m_autoFit = false;
    bool m_frozenLinks = false;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;
};

} // namespace atelier
