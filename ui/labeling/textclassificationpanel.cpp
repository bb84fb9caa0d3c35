#include "labeling/textclassificationpanel.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// Re-polishing a widget costs milliseconds: only when its style really changes.
void setSheet(QWidget *widget, const QString &sheet)
{
    if (widget->styleSheet() != sheet)
        widget->setStyleSheet(sheet);
}

} // namespace

TextClassificationPanel::TextClassificationPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"classificationHint"_s);
    m_hint->setStyleSheet(u"color: palette(mid);"_s);
    layout->addWidget(m_hint);
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(8);
    layout->addLayout(m_grid);
}

TextClassificationPanel::~TextClassificationPanel() = default;

void TextClassificationPanel::setLabels(const QList<TextLabelStyle> &labels, bool multiLabel)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    m_labels = labels;
    m_multi = multiLabel;
    m_hint->setText(multiLabel ? tr("Several labels may apply: each key toggles its label.")
                               : tr("One label per text: a key picks it, replacing the other."));
    const int columns = 4;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const TextLabelStyle &label = labels.at(i);
        const QString key = !label.hotkey.isEmpty() ? label.hotkey
                            : i < 9                 ? QString::number(i + 1)
                                                    : QString();
        auto *button = new QPushButton(this);
        button->setObjectName(u"tag:"_s + label.name);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumHeight(40);
        button->setProperty("hotkey", key);
        const QString name = label.name;
        connect(button, &QPushButton::clicked, this,
                [this, name] { Q_EMIT tagsRequested(toggled(name)); });
        m_grid->addWidget(button, int(i / columns), int(i % columns));
        m_buttons.append(button);
    }
    restyle();
}

void TextClassificationPanel::setTags(const QStringList &tags)
{
    m_tags = tags;
    restyle();
}

void TextClassificationPanel::setSuggestions(const QHash<QString, double> &suggestions)
{
    m_suggestions = suggestions;
    restyle();
}

void TextClassificationPanel::restyle()
{
    for (qsizetype i = 0; i < m_buttons.size(); ++i) {
        QPushButton *button = m_buttons.at(i);
        const TextLabelStyle &label = m_labels.at(i);
        const bool on = m_tags.contains(label.name);
        const auto suggested = m_suggestions.constFind(label.name);
        const QColor color = label.color.isValid() ? label.color : QColor(0x2f, 0x80, 0xed);
        QString text = label.name;
        const QString key = button->property("hotkey").toString();
        if (!key.isEmpty())
            text = u"%1   [%2]"_s.arg(label.name, key);
        if (suggested != m_suggestions.cend()) {
            text += std::isnan(*suggested)
                        ? u"\n"_s + tr("suggested")
                        : u"\n"_s + tr("suggested %1").arg(*suggested, 0, 'f', 2);
        }
        button->setText(text);
        button->setChecked(on);
        QColor light = color;
        light.setAlpha(40);
        const QString border = suggested != m_suggestions.cend() && !on
                                   ? u"2px dashed %1"_s.arg(color.name())
                                   : u"2px solid %1"_s.arg(color.name());
        setSheet(
            button,
            on ? u"QPushButton { background: %1; color: white; border: %2; border-radius: 6px; "
                 u"font-weight: 600; padding: 4px 10px; }"_s.arg(color.name(), border)
               : u"QPushButton { background: rgba(%1,%2,%3,40); border: %4; border-radius: 6px; "
                 u"padding: 4px 10px; }"_s.arg(color.red())
                     .arg(color.green())
                     .arg(color.blue())
                     .arg(border));
    }
}

QStringList TextClassificationPanel::toggled(const QString &label) const
{
    if (!m_multi)
        return {label}; // radio-like: a label replaces the other, pressing it again keeps it
    QStringList tags = m_tags;
    if (!tags.removeAll(label))
        tags.append(label);
    return tags;
}

bool TextClassificationPanel::handleKey(const QKeyEvent *event)
{
    const QKeySequence pressed(
        QKeyCombination(event->modifiers() & ~Qt::KeypadModifier, Qt::Key(event->key())));
    for (const TextLabelStyle &label : std::as_const(m_labels)) {
        if (!label.hotkey.isEmpty() && QKeySequence(label.hotkey) == pressed) {
            Q_EMIT tagsRequested(toggled(label.name));
            return true;
        }
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods == Qt::NoModifier && event->key() >= Qt::Key_1 && event->key() <= Qt::Key_9) {
        const int index = event->key() - Qt::Key_1;
        if (index < m_labels.size()) {
            Q_EMIT tagsRequested(toggled(m_labels.at(index).name));
            return true;
        }
    }
    return false;
}

} // namespace atelier
