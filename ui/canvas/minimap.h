#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>

class QGraphicsView;

namespace atelier {

/// An overview of the whole canvas in a corner of the view: every item small, the visible
/// area as a frame; a click or a drag moves the view there. The picture is redrawn a moment
/// after the scene changes, not with every change.
class Minimap final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Minimap)

public:
    explicit Minimap(QGraphicsView *view, QWidget *parent = nullptr);

    /// Redraws the overview now (normally done by a timer after scene changes).
    void refresh();
    /// True while a redraw is scheduled (the scene changed a moment ago).
    bool isRefreshPending() const { return m_timer.isActive(); }
    /// The scene area the overview shows.
    QRectF sceneArea() const { return m_area; }
    /// Maps a point of this widget to the scene.
    QPointF toScene(const QPointF &widgetPos) const;

Q_SIGNALS:
    /// The user moved the view with the overview.
    void navigated();

protected:
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRectF imageRect() const;
    void scheduleRefresh();

    QGraphicsView *m_view;
    QImage m_image;
    QRectF m_area;
    QTimer m_timer;
};

} // namespace atelier
