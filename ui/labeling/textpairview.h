#pragma once

#include <QString>
#include <QWidget>

#include <optional>

class QKeyEvent;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSlider;

namespace atelier {

/// A text pair side by side with quick keys to judge it: similar (1 or S) / not similar (2 or
/// N), or for score datasets a 0–1 slider (keys 1–5 give 0, 0.25, 0.5, 0.75, 1; ←/→ step by
/// 0.05 and Enter saves). A model's suggestion shows dashed with its score. The view never
/// changes its own judgement: it asks through judged() and its owner calls setJudgement().
class TextPairView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextPairView)

public:
    static constexpr auto kSimilar = "similar";
    static constexpr auto kNotSimilar = "not_similar";

    explicit TextPairView(QWidget *parent = nullptr);
    ~TextPairView() override;

    void setTexts(const QString &a, const QString &b);
    void setScoreMode(bool score);
    bool scoreMode() const { return m_scoreMode; }
    /// The judgement saved now: a label and/or a score (none: not judged).
    void setJudgement(const QString &label, std::optional<double> score);
    /// A model's proposal, shown dashed (empty label and no score: none).
    void setSuggestion(const QString &label, std::optional<double> score, const QString &model);
    /// The slider's value, 0–1.
    double sliderScore() const;
    /// Handles the quick keys: true when \a event judged the pair (judged() sent).
    bool handleKey(const QKeyEvent *event);
    QPlainTextEdit *textA() const { return m_a; }
    QPlainTextEdit *textB() const { return m_b; }

Q_SIGNALS:
    void judged(const QString &label, std::optional<double> score);

private:
    void restyle();

    QPlainTextEdit *m_a;
    QPlainTextEdit *m_b;
    QPushButton *m_similar;
    QPushButton *m_notSimilar;
    QWidget *m_scoreRow;
    QSlider *m_slider;
    QLabel *m_scoreValue;
    QPushButton *m_saveScore;
    QLabel *m_suggestion;
    bool m_scoreMode = false;
    QString m_label;
    std::optional<double> m_score;
};

} // namespace atelier
