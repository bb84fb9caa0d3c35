#pragma once

#include <QList>
#include <QPointF>

namespace atelier {

/// Series arithmetic for metric charts: downsampling that keeps what matters, and smoothing.
namespace SeriesMath {

/// Reduces \a points (sorted by x) to at most about \a threshold points for drawing, keeping
/// the first and last points, the global minimum and maximum, and every isolated spike:
/// largest-triangle-three-buckets where each bucket also contributes its own min and max
/// (in x order). Returns \a points unchanged when it is already small enough.
QList<QPointF> downsample(const QList<QPointF> &points, int threshold);

/// Exponential moving average with TensorBoard's debiasing: with weight w in [0, 1),
/// s_i = w * s_{i-1} + (1 - w) * y_i, divided by (1 - w^(i+1)), so the start is not pulled
/// towards zero. Non-finite values pass through without touching the average.
QList<QPointF> smoothEma(const QList<QPointF> &points, double weight);

} // namespace SeriesMath

} // namespace atelier
