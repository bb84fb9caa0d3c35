#include "labeling/labelpicker.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

} // namespace

LabelPicker::LabelPicker(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"labelPicker"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *title = new QLabel(tr("Labels"), this);
    title->setObjectName(u"sectionTitle"_s);
    layout->addWidget(title);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"labelList"_s);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_list, 1);
    m_add = new QLineEdit(this);
    m_add->setObjectName(u"addLabel"_s);
    m_add->setPlaceholderText(tr("New label, then Enter"));
    m_add->setClearButtonEnabled(true);
    layout->addWidget(m_add);

    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString label = item->data(Qt::UserRole).toString();
        if (m_tagMode)
            return; // itemChanged reports the tick
        setCurrentLabel(label);
        Q_EMIT labelChosen(label);
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_updating || !m_tagMode)
            return;
        const QString label = item->data(Qt::UserRole).toString();
        const bool on = item->checkState() == Qt::Checked;
        Q_EMIT tagToggled(label, on);
    });
    connect(m_add, &QLineEdit::returnPressed, this, [this] {
        const QString name = m_add->text().trimmed();
        if (name.isEmpty())
            return;
        m_add->clear();
        Q_EMIT addLabelRequested(name);
    });
}

QColor LabelPicker::defaultColor(const QString &label)
{
    static const QList<QColor> colors = {QColor(0x4f, 0x8c, 0xff), QColor(0xf2, 0x5f, 0x5c),
                                         QColor(0x3c, 0xc4, 0x7c), QColor(0xff, 0xb4, 0x00),
                                         QColor(0xa7, 0x6b, 0xfe), QColor(0x00, 0xbc, 0xd4),
                                         QColor(0xff, 0x7a, 0x45), QColor(0xe9, 0x1e, 0x8c),
                                         QColor(0x8b, 0xc3, 0x4a), QColor(0x79, 0x55, 0x48)};
    return colors.at(int(qHash(label) % uint(colors.size())));
}

QHash<QString, QColor> LabelPicker::colors() const
{
    QHash<QString, QColor> result;
    for (const DatasetLabel &label : m_labels) {
        const QColor color(label.color);
        result.insert(label.name, color.isValid() ? color : defaultColor(label.name));
    }
    return result;
}

void LabelPicker::setLabels(const QList<DatasetLabel> &labels)
{
    m_labels = labels;
    if (m_current.isEmpty() && !labels.isEmpty())
        m_current = labels.first().name;
    rebuild();
}

void LabelPicker::setTagMode(bool tags)
{
    m_tagMode = tags;
    rebuild();
}

QString LabelPicker::hotkeyOf(int position, const DatasetLabel &label) const
{
    if (!label.hotkey.isEmpty())
        return label.hotkey;
    return position < 9 ? QString::number(position + 1) : QString();
}

QString LabelPicker::labelForKey(const QString &key) const
{
    for (int i = 0; i < m_labels.size(); ++i) {
        if (hotkeyOf(i, m_labels[i]).compare(key, Qt::CaseInsensitive) == 0)
            return m_labels[i].name;
    }
    return {};
}

void LabelPicker::rebuild()
{
    m_updating = true;
    m_list->clear();
    const QHash<QString, QColor> colorOf = colors();
    for (int i = 0; i < m_labels.size(); ++i) {
        const DatasetLabel &label = m_labels[i];
        const QString key = hotkeyOf(i, label);
        QString text = label.name;
        const int count = m_counts.value(label.name);
        if (count > 0)
            text += u"  ·  "_s + QString::number(count);
        auto *item = new QListWidgetItem(swatch(colorOf.value(label.name)), text, m_list);
        item->setData(Qt::UserRole, label.name);
        item->setToolTip(key.isEmpty() ? label.name : tr("%1 (key %2)").arg(label.name, key));
        if (!key.isEmpty())
            item->setText(u"%1   %2"_s.arg(key, text));
        if (m_tagMode) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(m_checked.contains(label.name) ? Qt::Checked : Qt::Unchecked);
        } else if (label.name == m_current) {
            item->setSelected(true);
            m_list->setCurrentItem(item);
        }
    }
    m_updating = false;
}

void LabelPicker::setCurrentLabel(const QString &label)
{
    m_current = label;
    m_updating = true;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(Qt::UserRole).toString() == label) {
            m_list->setCurrentItem(item);
            item->setSelected(true);
        }
    }
    m_updating = false;
}

QString LabelPicker::currentLabel() const
{
    return m_current;
}

void LabelPicker::setCheckedTags(const QStringList &tags)
{
    m_checked = tags;
    m_updating = true;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (m_tagMode)
            item->setCheckState(tags.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                   : Qt::Unchecked);
    }
    m_updating = false;
}

void LabelPicker::setCounts(const QHash<QString, int> &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    rebuild();
}

} // namespace atelier
