#include "canvas/minimap.h"
#include "canvas/canvasstyle.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace atelier {

Minimap::Minimap(QGraphicsView *view, QWidget *parent) : QWidget(parent), m_view(view)
{
    setObjectName(QStringLiteral("canvasMinimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &Minimap::refresh);
    if (QGraphicsScene *scene = view->scene())
        connect(scene, &QGraphicsScene::changed, this, &Minimap::scheduleRefresh);
}

void Minimap::scheduleRefresh()
{
    if (isVisible() && !m_timer.isActive())
        m_timer.start();
}

QRectF Minimap::imageRect() const
{
    return QRectF(rect()).adjusted(4, 4, -4, -4);
}

void Minimap::refresh()
{
    QGraphicsScene *scene = m_view->scene();
    const QRectF target = imageRect();
    if (!scene || target.isEmpty())
        return;
    QRectF area = scene->itemsBoundingRect();
    if (area.isEmpty())
        area = QRectF(-500, -300, 1000, 600);
    area.adjust(-60, -60, 60, 60);
    // Same aspect as the widget, centred on the items.
    const qreal aspect = target.width() / target.height();
    if (area.width() / area.height() < aspect) {
        const qreal w = area.height() * aspect;
        area.adjust(-(w - area.width()) / 2, 0, (w - area.width()) / 2, 0);
    } else {
        const qreal h = area.width() / aspect;
        area.adjust(0, -(h - area.height()) / 2, 0, (h - area.height()) / 2);
    }
    m_area = area;
    const qreal dpr = devicePixelRatioF();
    m_image = QImage((target.size() * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(dpr);
    m_image.fill(Qt::transparent);
    QPainter painter(&m_image);
    scene->render(&painter, QRectF(QPointF(0, 0), target.size()), area, Qt::IgnoreAspectRatio);
    painter.end();
    update();
}

QPointF Minimap::toScene(const QPointF &widgetPos) const
{
    const QRectF target = imageRect();
    if (m_area.isEmpty() || target.isEmpty())
        return QPointF();
    const QPointF rel = (widgetPos - target.topLeft());
    return m_area.topLeft() + QPointF(rel.x() * m_area.width() / target.width(),
                                      rel.y() * m_area.height() / target.height());
}

void Minimap::paintEvent(QPaintEvent *)
{
    if (m_area.isEmpty())
        const_cast<Minimap *>(this)->refresh();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(CanvasStyle::cardBorder(), 1));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF target = imageRect();
    painter.drawImage(target.topLeft(), m_image);
    if (m_area.isEmpty())
        return;
    // The visible area of the view.
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const qreal sx = target.width() / m_area.width();
    const qreal sy = target.height() / m_area.height();
    QRectF frame(target.left() + (visible.left() - m_area.left()) * sx,
                 target.top() + (visible.top() - m_area.top()) * sy, visible.width() * sx,
                 visible.height() * sy);
    frame = frame.intersected(target.adjusted(-1, -1, 1, 1));
    QColor fill = CanvasStyle::accent();
    fill.setAlpha(28);
    painter.setBrush(fill);
    painter.setPen(QPen(CanvasStyle::accent(), 1.5));
    painter.drawRect(frame);
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_view->centerOn(toScene(event->position()));
        update();
        Q_EMIT navigated();
    }
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        m_view->centerOn(toScene(event->position()));
        update();
        Q_EMIT navigated();
    }
}

void Minimap::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_area = QRectF(); // the scene may have changed while hidden: redraw on the next paint
}

void Minimap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_area = QRectF();
}

} // namespace atelier
