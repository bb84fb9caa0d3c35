#include "labeling/textitemdelegate.h"

#include "datasets/datasetitemsmodel.h"
#include "labeling/textannotator.h"

#include <QPainter>

namespace atelier {

QSize TextItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), option.fontMetrics.height() * 2 + 14};
}

void TextItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(option.rect, option.palette.highlight().color().lighter(170));
    else if (index.row() % 2)
        painter->fillRect(option.rect, option.palette.alternateBase());
    const QRect r = option.rect.adjusted(10, 6, -8, -6);
    const bool loaded = index.data(DatasetItemsModel::LoadedRole).toBool();
    const auto status = ItemStatus(index.data(DatasetItemsModel::StatusRole).toInt());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(loaded ? statusColor(status) : QColor(0xdd, 0xdd, 0xdd));
    const int h = option.fontMetrics.height();
    painter->drawEllipse(QRectF(r.left(), r.top() + h / 2.0 - 4, 8, 8));
    const QRect textRect = r.adjusted(16, 0, 0, 0);
    QString name = index.data(DatasetItemsModel::SourceNameRole).toString();
    if (name.isEmpty())
        name = TextAnnotator::tr("Item %1").arg(
            index.data(DatasetItemsModel::ItemIdRole).toLongLong());
    QFont bold = option.font;
    bold.setWeight(QFont::DemiBold);
    painter->setFont(bold);
    painter->setPen(option.palette.text().color());
    painter->drawText(textRect.adjusted(0, 0, 0, -h), Qt::AlignLeft | Qt::AlignTop,
                      QFontMetrics(bold).elidedText(loaded ? name : TextAnnotator::tr("Loading…"),
                                                    Qt::ElideRight, textRect.width()));
    QString snippet = index.data(DatasetItemsModel::TextRole).toString().left(200);
    snippet.replace(u'\n', u' ');
    painter->setFont(option.font);
    painter->setPen(option.palette.placeholderText().color());
    painter->drawText(textRect.adjusted(0, h + 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                      option.fontMetrics.elidedText(snippet, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QColor TextItemDelegate::statusColor(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Unlabeled:
        return QColor(0xb0, 0xb4, 0xba);
    case ItemStatus::Labeled:
        return QColor(0x2f, 0x80, 0xed);
    case ItemStatus::Reviewed:
        return QColor(0x27, 0xae, 0x60);
    case ItemStatus::Rejected:
        return QColor(0xeb, 0x57, 0x57);
    }
    return {};
}

QString TextItemDelegate::statusText(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Unlabeled:
        return TextAnnotator::tr("Unlabeled");
    case ItemStatus::Labeled:
        return TextAnnotator::tr("Labeled");
    case ItemStatus::Reviewed:
        return TextAnnotator::tr("Reviewed");
    case ItemStatus::Rejected:
        return TextAnnotator::tr("Rejected");
    }
    return {};
}

} // namespace atelier
