#pragma once

#include "datasets/datasettypes.h"

#include <QStyledItemDelegate>

namespace atelier {

/// One row of the text annotator's item list: a dot in the colour of the item's status, the
/// item's name and the first line of its text (a grey placeholder while the page loads).
class TextItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextItemDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    /// The colour of \a status, as the dot and the annotator's status badge show it.
    static QColor statusColor(ItemStatus status);
    /// \a status in words, for the user.
    static QString statusText(ItemStatus status);
};

} // namespace atelier
