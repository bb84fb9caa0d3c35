#include "runs/seriesmath.h"

#include <algorithm>
#include <cmath>

namespace atelier {

namespace SeriesMath {

// downsample: largest-triangle-three-buckets (Steinarsson, 2013) where each bucket of the
// interior also hands over its own minimum and maximum. A chart then never loses its extremes or
// a one-point spike, which plain LTTB and random sampling both can.
//
// The interior (everything but the first and the last point) is cut into B = (threshold - 2) / 3
// buckets (at least one); each gives at most 3 points, so the result has at most
// max(threshold, 5) points: 2 + 3 * B, or 5 for a threshold of 3 or 4.
//
// Non-finite y values (NaN, ±inf) take no part in the choice: they are never a bucket's minimum,
// maximum or triangle point, nor part of the next bucket's average. A bucket with only non-finite
// values keeps its first point, so a gap in the data stays a gap in the chart.
//
// Two passes over the data in all (each bucket is read once for its average and once for its
// choice), and one allocation: the result.
QList<QPointF> downsample(const QList<QPointF> &points, int threshold)
{
    const qsizetype n = points.size();
    if (threshold < 3 || n <= threshold)
        return points;

    const QPointF *p = points.constData();
    const qsizetype interior = n - 2;
    const qsizetype buckets = std::max<qsizetype>(1, (threshold - 2) / 3);
    const double every = double(interior) / double(buckets);
    // Bucket b covers [begin(b), begin(b + 1)); the last one ends at the last point.
    const auto begin = [&](qsizetype b) {
        return b >= buckets ? n - 1 : 1 + qsizetype(double(b) * every);
    };

    QList<QPointF> out;
    out.reserve(2 + 3 * buckets);
    out.append(p[0]);

    // The previous bucket's triangle point; the first point to start with.
    double ax = p[0].x();
    double ay = p[0].y();

    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype from = begin(b);
        const qsizetype to = begin(b + 1);

        // The third corner: the average of the next bucket's finite points, or the last point
        // after the last bucket (or when the next bucket has no finite value).
        double cx = p[n - 1].x();
        double cy = p[n - 1].y();
        if (b + 1 < buckets) {
            const qsizetype nextTo = begin(b + 2);
            double sx = 0, sy = 0;
            qsizetype count = 0;
            for (qsizetype i = to; i < nextTo; ++i) {
                const double y = p[i].y();
                if (std::isfinite(y)) {
                    sx += p[i].x();
                    sy += y;
                    ++count;
                }
            }
            if (count > 0) {
                cx = sx / double(count);
                cy = sy / double(count);
            }
        }

        qsizetype pick = -1, lo = -1, hi = -1;
        double bestArea = -1;
        double loY = 0, hiY = 0;
        const double dx = ax - cx;
        const double dy = cy - ay;
        for (qsizetype i = from; i < to; ++i) {
            const double y = p[i].y();
            if (!std::isfinite(y))
                continue;
            // Twice the triangle's area; NaN (from a non-finite corner) never wins.
            const double area = std::abs(dx * (y - ay) - (ax - p[i].x()) * dy);
            if (area > bestArea) {
                bestArea = area;
                pick = i;
            }
            if (lo < 0 || y < loY) {
                lo = i;
                loY = y;
            }
            if (hi < 0 || y > hiY) {
                hi = i;
                hiY = y;
            }
        }

        if (hi < 0) { // no finite value in the bucket
            out.append(p[from]);
            continue;
        }
        if (pick < 0) // the areas were all NaN: the first point was not finite
            pick = hi;

        qsizetype keep[3] = {pick, lo, hi};
        std::sort(keep, keep + 3);
        for (int k = 0; k < 3; ++k) {
            if (k == 0 || keep[k] != keep[k - 1])
                out.append(p[keep[k]]);
        }
        ax = p[pick].x();
        ay = p[pick].y();
    }

    out.append(p[n - 1]);
    return out;
}

QList<QPointF> smoothEma(const QList<QPointF> &points, double weight)
{
    // Written so that a NaN weight is also 0.
    if (!(weight > 0))
        return points;
    const double w = std::min(weight, 0.999);

    const qsizetype n = points.size();
    const QPointF *in = points.constData();
    QList<QPointF> out(n);
    QPointF *o = out.data();
    double last = 0;
    double wPow = 1; // w^numAccum
    for (qsizetype i = 0; i < n; ++i) {
        const double y = in[i].y();
        if (!std::isfinite(y)) {
            o[i] = in[i];
            continue;
        }
        last = last * w + (1 - w) * y;
        // Once 1 - w^k rounds to 1, stop: w^k would otherwise sink into the subnormals and stay
        // there (the smallest one times w rounds back to itself), where each product is slow.
        wPow = wPow > 1e-20 ? wPow * w : 0;
        o[i] = QPointF(in[i].x(), last / (1 - wPow));
    }
    return out;
}

} // namespace SeriesMath

} // namespace atelier
