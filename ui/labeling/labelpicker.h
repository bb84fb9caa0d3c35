#pragma once

#include "datasets/datasettypes.h"

#include <QColor>
#include <QHash>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace atelier {

/// The label set beside the canvas: a colour, a name and a hotkey (1–9 by position unless the
/// label has its own) per label; click or press the key to pick it. For classification the
/// rows are check boxes: the image's tags. New labels are typed at the bottom.
class LabelPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelPicker)

public:
    explicit LabelPicker(QWidget *parent = nullptr);

    void setLabels(const QList<DatasetLabel> &labels);
    QList<DatasetLabel> labels() const { return m_labels; }
    /// Check boxes for tags (classification) or a single current label (shapes).
    void setTagMode(bool tags);
    bool tagMode() const { return m_tagMode; }
    void setCurrentLabel(const QString &label);
    QString currentLabel() const;
    /// Ticks the tags of the image shown.
    void setCheckedTags(const QStringList &tags);
    /// Shape counts per label on the image shown.
    void setCounts(const QHash<QString, int> &counts);
    /// The label for hotkey \a key ("1"…"9" or the label's own), empty when none.
    QString labelForKey(const QString &key) const;
    /// The colour of every label (set or from the palette).
    QHash<QString, QColor> colors() const;
    static QColor defaultColor(const QString &label);

Q_SIGNALS:
    void labelChosen(const QString &label);
    void tagToggled(const QString &label, bool on);
    void addLabelRequested(const QString &name);

private:
    void rebuild();
    QString hotkeyOf(int position, const DatasetLabel &label) const;

    QListWidget *m_list = nullptr;
    QLineEdit *m_add = nullptr;
    QList<DatasetLabel> m_labels;
    QHash<QString, int> m_counts;
    QStringList m_checked;
    QString m_current;
    bool m_tagMode = false;
    bool m_updating = false;
};

} // namespace atelier
