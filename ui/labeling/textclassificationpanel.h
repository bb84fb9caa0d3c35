#pragma once

#include "labeling/textspaneditor.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <optional>

class QGridLayout;
class QKeyEvent;
class QLabel;
class QPushButton;

namespace atelier {

/// The labels of a text-classification dataset as buttons with their colours and hotkeys:
/// single-label datasets behave like radio buttons (a label replaces the other), multi-label
/// ones toggle. A model's suggested label is outlined dashed with its score. The panel never
/// changes its own state: it asks through tagsRequested() and its owner calls setTags().
class TextClassificationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextClassificationPanel)

public:
    explicit TextClassificationPanel(QWidget *parent = nullptr);
    ~TextClassificationPanel() override;

    void setLabels(const QList<TextLabelStyle> &labels, bool multiLabel);
    bool multiLabel() const { return m_multi; }
    /// The labels set now (checked buttons).
    void setTags(const QStringList &tags);
    QStringList tags() const { return m_tags; }
    /// Suggested label → score (no score: NaN).
    void setSuggestions(const QHash<QString, double> &suggestions);
    /// Handles 1–9 and label hotkeys: true when \a event named a label (tagsRequested sent).
    bool handleKey(const QKeyEvent *event);
    /// What a press of \a label asks for (single: just it; multi: toggled in the set).
    QStringList toggled(const QString &label) const;

Q_SIGNALS:
    void tagsRequested(const QStringList &labels);

private:
    void restyle();

    QGridLayout *m_grid;
    QLabel *m_hint;
    QList<TextLabelStyle> m_labels;
    QList<QPushButton *> m_buttons;
    QStringList m_tags;
    QHash<QString, double> m_suggestions;
    bool m_multi = false;
};

} // namespace atelier
