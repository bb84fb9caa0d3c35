#pragma once

#include "datasets/datasettypes.h"

#include <QColor>
#include <QHash>
#include <QWidget>

namespace atelier {

/// How often each label is used in a dataset: one horizontal bar per label in its colour, with
/// the number of annotations and of images. Click a bar to filter by that label.
class LabelDistributionChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelDistributionChart)

public:
    explicit LabelDistributionChart(QWidget *parent = nullptr);

    void setDistribution(const QList<LabelCount> &counts, const QHash<QString, QColor> &colors);
    QList<LabelCount> distribution() const { return m_counts; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void labelClicked(const QString &label);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    static constexpr int kRow = 26;
    QList<LabelCount> m_counts;
    QHash<QString, QColor> m_colors;
};

} // namespace atelier
