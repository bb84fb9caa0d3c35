#pragma once

#include "canvas/canvasstyle.h"

#include <QGraphicsItem>
#include <QSizeF>
#include <QString>

#include <functional>

namespace atelier {

class NoteTextEditor;

/// A sticky note on the canvas: text on a yellow card, moved like a node, resized by its
/// corner grip, edited in place by a double-click. Edits are handed to the scene, which
/// sends them to the model; the note shows what the model holds.
class NoteItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };
    static constexpr qreal MinWidth = 100;
    static constexpr qreal MinHeight = 50;

    NoteItem(const QString &id, const CanvasItemOptions *options);
    ~NoteItem() override;

    int type() const override { return Type; }
    QString id() const { return m_id; }

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setSize(const QSizeF &size);
    QSizeF size() const { return m_size; }

    /// Opens the in-place editor with the cursor at the end.
    void startEditing();
    bool isEditing() const { return m_editor != nullptr; }
    /// Closes the editor; \a keep hands the text to onTextEdited when it changed.
    void finishEditing(bool keep);

    std::function<void(const QString &)> onTextEdited;
    std::function<void(const QSizeF &)> onResized;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QRectF gripRect() const;

    QString m_id;
    const CanvasItemOptions *m_options;
    QString m_text;
    QSizeF m_size{200, 120};
    QSizeF m_sizeAtPress;
    QPointF m_pressPos;
    bool m_resizing = false;
    NoteTextEditor *m_editor = nullptr;
};

} // namespace atelier
