#pragma once

#include "sweeps/parallelcoordinates.h"

#include <QWidget>

namespace atelier {

/// A parallel-coordinates chart of a sweep: an axis per parameter (most important first, its
/// importance as a bar under its name) and the objective last; a line per completed trial,
/// coloured from the worst (grey-blue) to the best (orange), the best trial drawn bold.
/// Hovering a line names its trial.
class ParallelCoordinatesChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParallelCoordinatesChart)

public:
    explicit ParallelCoordinatesChart(QWidget *parent = nullptr);

    void setData(ParallelCoordinates data);
    const ParallelCoordinates &data() const { return m_data; }
    /// Where \a line crosses \a axis in widget coordinates (for tests and hovering).
    QPointF pointOf(int line, int axis) const;
    /// The line nearest \a pos within a few pixels, or -1.
    int lineAt(QPointF pos) const;

    QSize minimumSizeHint() const override { return {320, 180}; }
    QSize sizeHint() const override { return {520, 260}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF plotRect() const;

    ParallelCoordinates m_data;
    int m_hovered = -1;
};

} // namespace atelier
