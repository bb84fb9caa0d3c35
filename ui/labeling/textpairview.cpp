#include "labeling/textpairview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// Re-polishing a widget costs milliseconds: only when its style really changes.
void setSheet(QWidget *widget, const QString &sheet)
{
    if (widget->styleSheet() != sheet)
        widget->setStyleSheet(sheet);
}

QPlainTextEdit *makeSide(QWidget *parent, const QString &name)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    edit->document()->setDocumentMargin(12);
    QFont font = edit->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    edit->setFont(font);
    return edit;
}

} // namespace

TextPairView::TextPairView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *sides = new QHBoxLayout;
    sides->setSpacing(10);
    for (int i = 0; i < 2; ++i) {
        auto *column = new QVBoxLayout;
        auto *title = new QLabel(i == 0 ? tr("Text A") : tr("Text B"), this);
        title->setStyleSheet(u"font-weight: 600; color: palette(mid);"_s);
        column->addWidget(title);
        QPlainTextEdit *edit = makeSide(this, i == 0 ? u"pairTextA"_s : u"pairTextB"_s);
        column->addWidget(edit, 1);
        sides->addLayout(column, 1);
        (i == 0 ? m_a : m_b) = edit;
    }
    layout->addLayout(sides, 1);

    m_suggestion = new QLabel(this);
    m_suggestion->setObjectName(u"pairSuggestion"_s);
    m_suggestion->hide();
    layout->addWidget(m_suggestion);

    auto *buttons = new QHBoxLayout;
    m_similar = new QPushButton(tr("Similar   [1 / S]"), this);
    m_similar->setObjectName(u"pairSimilar"_s);
    m_notSimilar = new QPushButton(tr("Not similar   [2 / N]"), this);
    m_notSimilar->setObjectName(u"pairNotSimilar"_s);
    for (QPushButton *button : {m_similar, m_notSimilar}) {
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumHeight(44);
        buttons->addWidget(button, 1);
    }
    connect(m_similar, &QPushButton::clicked, this,
            [this] { Q_EMIT judged(QString::fromLatin1(kSimilar), std::nullopt); });
    connect(m_notSimilar, &QPushButton::clicked, this,
            [this] { Q_EMIT judged(QString::fromLatin1(kNotSimilar), std::nullopt); });
    layout->addLayout(buttons);

    m_scoreRow = new QWidget(this);
    auto *scoreRow = new QHBoxLayout(m_scoreRow);
    scoreRow->setContentsMargins(0, 0, 0, 0);
    scoreRow->addWidget(new QLabel(tr("Not similar"), m_scoreRow));
    m_slider = new QSlider(Qt::Horizontal, m_scoreRow);
    m_slider->setObjectName(u"pairScore"_s);
    m_slider->setRange(0, 100);
    m_slider->setPageStep(25);
    m_slider->setSingleStep(5);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(25);
    m_slider->setFocusPolicy(Qt::NoFocus);
    scoreRow->addWidget(m_slider, 1);
    scoreRow->addWidget(new QLabel(tr("Same meaning"), m_scoreRow));
    m_scoreValue = new QLabel(m_scoreRow);
    m_scoreValue->setMinimumWidth(48);
    scoreRow->addWidget(m_scoreValue);
    m_saveScore = new QPushButton(tr("Save score   [Enter]"), m_scoreRow);
    m_saveScore->setFocusPolicy(Qt::NoFocus);
    scoreRow->addWidget(m_saveScore);
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int value) { m_scoreValue->setText(QString::number(value / 100.0, 'f', 2)); });
    connect(m_slider, &QSlider::sliderReleased, this,
            [this] { Q_EMIT judged(QString(), sliderScore()); });
    connect(m_saveScore, &QPushButton::clicked, this,
            [this] { Q_EMIT judged(QString(), sliderScore()); });
    m_scoreRow->hide();
    layout->addWidget(m_scoreRow);
    m_scoreValue->setText(u"0.00"_s);
    restyle();
}

TextPairView::~TextPairView() = default;

void TextPairView::setTexts(const QString &a, const QString &b)
{
    m_a->setPlainText(a);
    m_b->setPlainText(b);
}

void TextPairView::setScoreMode(bool score)
{
    m_scoreMode = score;
    m_similar->setVisible(!score);
    m_notSimilar->setVisible(!score);
    m_scoreRow->setVisible(score);
}

void TextPairView::setJudgement(const QString &label, std::optional<double> score)
{
    m_label = label;
    m_score = score;
    if (score)
        m_slider->setValue(qRound(*score * 100));
    restyle();
}

void TextPairView::setSuggestion(const QString &label, std::optional<double> score,
                                 const QString &model)
{
    if (label.isEmpty() && !score) {
        m_suggestion->hide();
        return;
    }
    QString what = label == QLatin1String(kSimilar)      ? tr("similar")
                   : label == QLatin1String(kNotSimilar) ? tr("not similar")
                                                         : QString();
    if (score)
        what +=
            (what.isEmpty() ? QString() : u" \u00b7 "_s) + tr("score %1").arg(*score, 0, 'f', 2);
    m_suggestion->setText(
        tr("Suggested by %1: %2 \u2014 Enter accepts, Del rejects").arg(model, what));
    setSheet(m_suggestion, u"border: 1.5px dashed #9b51e0; border-radius: 5px; "
                           u"padding: 5px 8px; color: #6b2fb3;"_s);
    m_suggestion->show();
}

double TextPairView::sliderScore() const
{
    return m_slider->value() / 100.0;
}

void TextPairView::restyle()
{
    m_similar->setChecked(m_label == QLatin1String(kSimilar));
    m_notSimilar->setChecked(m_label == QLatin1String(kNotSimilar));
    const auto style = [](const QColor &color, bool on) {
        return on ? u"QPushButton { background: %1; color: white; border: 2px solid %1; "
                    u"border-radius: 6px; font-weight: 600; }"_s.arg(color.name())
                  : u"QPushButton { border: 2px solid %1; border-radius: 6px; }"_s.arg(
                        color.name());
    };
    setSheet(m_similar, style(QColor(0x27, 0xae, 0x60), m_similar->isChecked()));
    setSheet(m_notSimilar, style(QColor(0xeb, 0x57, 0x57), m_notSimilar->isChecked()));
    setSheet(m_scoreValue, m_score ? u"font-weight: 600;"_s : u"color: palette(mid);"_s);
}

bool TextPairView::handleKey(const QKeyEvent *event)
{
    if ((event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    const int key = event->key();
    if (!m_scoreMode) {
        if (key == Qt::Key_1 || key == Qt::Key_S) {
            Q_EMIT judged(QString::fromLatin1(kSimilar), std::nullopt);
            return true;
        }
        if (key == Qt::Key_2 || key == Qt::Key_N) {
            Q_EMIT judged(QString::fromLatin1(kNotSimilar), std::nullopt);
            return true;
        }
        return false;
    }
    if (key >= Qt::Key_1 && key <= Qt::Key_5) {
        const double score = (key - Qt::Key_1) * 0.25;
        m_slider->setValue(qRound(score * 100));
        Q_EMIT judged(QString(), score);
        return true;
    }
    if (key == Qt::Key_Left || key == Qt::Key_Right) {
        m_slider->setValue(m_slider->value() + (key == Qt::Key_Left ? -5 : 5));
        return true;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        if (m_suggestion->isVisible())
            return false; // Enter accepts the suggestion first
        Q_EMIT judged(QString(), sliderScore());
        return true;
    }
    return false;
}

} // namespace atelier
