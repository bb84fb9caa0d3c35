#include "canvas/noteitem.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace atelier {

/// The in-place editor of a note: plain text; leaving it or Ctrl+Return keeps the text,
/// Escape drops the edit.
class NoteTextEditor final : public QGraphicsTextItem
{
public:
    explicit NoteTextEditor(NoteItem *note) : QGraphicsTextItem(note), m_note(note) {}

protected:
    void focusOutEvent(QFocusEvent *event) override
    {
        QGraphicsTextItem::focusOutEvent(event);
        m_note->finishEditing(true); // deletes this editor
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape) {
            m_note->finishEditing(false);
            return;
        }
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
            (event->modifiers() & Qt::ControlModifier)) {
            m_note->finishEditing(true);
            return;
        }
        QGraphicsTextItem::keyPressEvent(event);
    }

private:
    NoteItem *m_note;
};

namespace {
constexpr qreal Padding = 10;
constexpr qreal Grip = 14;
} // namespace

NoteItem::NoteItem(const QString &id, const CanvasItemOptions *options)
    : m_id(id), m_options(options)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(-2); // under the links and the nodes: an annotation of the area it covers
}

NoteItem::~NoteItem() = default;

void NoteItem::setText(const QString &text)
{
    m_text = text;
    update();
}

void NoteItem::setSize(const QSizeF &size)
{
    const QSizeF s(std::max(size.width(), MinWidth), std::max(size.height(), MinHeight));
    if (s == m_size)
        return;
    prepareGeometryChange();
    m_size = s;
    if (m_editor)
        m_editor->setTextWidth(m_size.width() - 2 * Padding + 8);
}

QRectF NoteItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-1, -1, 2, 3);
}

QRectF NoteItem::gripRect() const
{
    return QRectF(m_size.width() - Grip, m_size.height() - Grip, Grip, Grip);
}

void NoteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod =
        m_options && m_options->levelOfDetail
            ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
            : 1.0;
    const QRectF card(QPointF(0, 0), m_size);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing, lod >= CanvasStyle::LodShape);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(60, 50, 0, 22));
    painter->drawRect(card.translated(0, 2));
    painter->setBrush(CanvasStyle::noteFill());
    painter->setPen(
        QPen(selected ? CanvasStyle::accent() : CanvasStyle::noteBorder(), selected ? 2 : 1));
    painter->drawRect(card);
    if (lod < CanvasStyle::LodText)
        return;
    if (!m_editor) {
        QFont font;
        font.setPointSizeF(9.5);
        painter->setFont(font);
        painter->setPen(QColor(0x4a, 0x40, 0x10));
        painter->drawText(card.adjusted(Padding, Padding, -Padding, -Padding),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_text);
    }
    // Resize grip: three short diagonals in the corner.
    painter->setPen(QPen(CanvasStyle::noteBorder().darker(130), 1));
    const QPointF c = card.bottomRight();
    for (int i = 1; i <= 3; ++i)
        painter->drawLine(c - QPointF(3.5 * i + 1, 1.5), c - QPointF(1.5, 3.5 * i + 1));
}

QVariant NoteItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && m_options && m_options->snapping) {
        const qreal g = CanvasStyle::GridSize;
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / g) * g, std::round(p.y() / g) * g);
    }
    return QGraphicsItem::itemChange(change, value);
}

void NoteItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(gripRect().contains(event->pos()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void NoteItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && gripRect().contains(event->pos())) {
        m_resizing = true;
        m_sizeAtPress = m_size;
        m_pressPos = event->scenePos();
        event->accept();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
}

void NoteItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_resizing) {
        QPointF delta = event->scenePos() - m_pressPos;
        setSize(QSizeF(m_sizeAtPress.width() + delta.x(), m_sizeAtPress.height() + delta.y()));
        return;
    }
    QGraphicsItem::mouseMoveEvent(event);
}

void NoteItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_resizing) {
        m_resizing = false;
        if (m_size != m_sizeAtPress && onResized) {
            const QSizeF size = m_size;
            // The model decides: the note shows its size again once the edit is applied.
            setSize(m_sizeAtPress);
            onResized(size);
        }
        return;
    }
    QGraphicsItem::mouseReleaseEvent(event);
}

void NoteItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        startEditing();
        event->accept();
        return;
    }
    QGraphicsItem::mouseDoubleClickEvent(event);
}

void NoteItem::startEditing()
{
    if (m_editor)
        return;
    m_editor = new NoteTextEditor(this);
    QFont font;
    font.setPointSizeF(9.5);
    m_editor->setFont(font);
    m_editor->setDefaultTextColor(QColor(0x4a, 0x40, 0x10));
    m_editor->setPlainText(m_text);
    m_editor->setPos(Padding - 4, Padding - 4);
    m_editor->setTextWidth(m_size.width() - 2 * Padding + 8);
    m_editor->setTextInteractionFlags(Qt::TextEditorInteraction);
    m_editor->setFocus(Qt::MouseFocusReason);
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_editor->setTextCursor(cursor);
    update();
}

void NoteItem::finishEditing(bool keep)
{
    if (!m_editor)
        return;
    NoteTextEditor *editor = m_editor;
    m_editor = nullptr;
    const QString text = editor->toPlainText();
    editor->setTextInteractionFlags(Qt::NoTextInteraction);
    // Deleted later: this may run inside the editor's own event handler.
    editor->hide();
    editor->deleteLater();
    update();
    if (keep && text != m_text && onTextEdited)
        onTextEdited(text);
}

} // namespace atelier
