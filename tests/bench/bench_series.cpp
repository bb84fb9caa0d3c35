// Benchmark of SeriesMath (not a test): a 1,000,000-point random walk with 50 isolated spikes.
//
// Times downsample to 2,000 points and smoothEma (median of 20 runs each), and sets what the
// downsampled series keeps beside two anchors:
//  - a random 1,000-point sample: TensorBoard's reservoir sampling of scalars (its default
//    size for scalars, keeping the most recent point);
//  - the first 2,500 points: the cap of MLflow's metric charts.
//
//   bench_series [POINTS] [SEED]
#include "runs/seriesmath.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace atelier;

namespace {

constexpr int Threshold = 2000;
constexpr int Spikes = 50;
constexpr int Runs = 20;

template <typename F> double medianMs(F &&f)
{
    f(); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

/// TensorBoard's Reservoir (tensorboard/backend/event_processing/reservoir.py): the first
/// \a size items, then item k replaces a random slot with probability size / k; the most recent
/// item is always kept.
QList<QPointF> reservoirSample(const QList<QPointF> &points, qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<QPointF> items;
    items.reserve(size);
    qsizetype seen = 0;
    for (const QPointF &p : points) {
        ++seen;
        if (items.size() < size) {
            items.append(p);
            continue;
        }
        const qsizetype r = qsizetype(rng.bounded(quint64(seen)));
        if (r < size) {
            items.removeAt(r);
            items.append(p);
        } else {
            items.last() = p;
        }
    }
    return items;
}

/// How many of \a wanted (points of the input) appear in \a shown, which is sorted by x.
int countKept(const QList<QPointF> &shown, const QList<QPointF> &wanted)
{
    int kept = 0;
    for (const QPointF &w : wanted) {
        const auto it = std::lower_bound(shown.cbegin(), shown.cend(), w.x(),
                                         [](const QPointF &p, double x) { return p.x() < x; });
        if (it != shown.cend() && it->x() == w.x() && it->y() == w.y())
            ++kept;
    }
    return kept;
}

} // namespace

int main(int argc, char **argv)
{
    const qsizetype n = argc > 1 ? qsizetype(std::atoll(argv[1])) : 1000000;
    const quint32 seed = argc > 2 ? quint32(std::atoll(argv[2])) : 42;
    if (n < 100000) {
        std::fprintf(stderr, "bench_series: POINTS must be at least 100000\n");
        return 2;
    }

    QRandomGenerator rng(seed);
    QList<QPointF> points;
    points.reserve(n);
    double y = 0, lo = 0, hi = 0;
    for (qsizetype i = 0; i < n; ++i) {
        y += rng.generateDouble() * 2 - 1;
        lo = std::min(lo, y);
        hi = std::max(hi, y);
        points.append(QPointF(double(i), y));
    }
    // One spike per 1/50th of the series, up or down by 1000 times the walk's range, away from
    // the slice's edges so any two are far more than a bucket apart.
    const double magnitude = 1000 * (hi - lo + 1);
    const qsizetype slice = n / Spikes;
    QList<QPointF> spikes;
    for (int k = 0; k < Spikes; ++k) {
        const qsizetype i = k * slice + slice / 4 + qsizetype(rng.bounded(quint64(slice / 2)));
        const double sign = rng.bounded(2) == 0 ? 1.0 : -1.0;
        points[i].setY(points[i].y() + sign * magnitude * (1 + rng.generateDouble()));
        spikes.append(points[i]);
    }
    const auto [minIt, maxIt] =
        std::minmax_element(points.cbegin(), points.cend(),
                            [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    const QList<QPointF> extremes = {*minIt, *maxIt};

    QList<QPointF> down;
    const double downMs = medianMs([&] { down = SeriesMath::downsample(points, Threshold); });
    QList<QPointF> smooth;
    const double emaMs = medianMs([&] { smooth = SeriesMath::smoothEma(points, 0.6); });

    const QList<QPointF> sample = reservoirSample(points, 1000, seed);
    const QList<QPointF> first = points.mid(0, 2500);

    const double millions = double(n) / 1e6;
    std::printf("series: %lld-point random walk, %d isolated spikes (+-1000x its range), seed %u\n",
                static_cast<long long>(n), Spikes, seed);
    std::printf("downsample %.0fM -> %d: %.1f ms (goal <= 15 ms) -> %lld points | spikes kept "
                "%d/%d vs random-1000 sample %d/%d vs first-2500 %d/%d\n",
                millions, Threshold, downMs, static_cast<long long>(down.size()),
                countKept(down, spikes), Spikes, countKept(sample, spikes), Spikes,
                countKept(first, spikes), Spikes);
    std::printf("global min+max kept: downsample %d/2 vs random-1000 sample %d/2 vs first-2500 "
                "%d/2\n",
                countKept(down, extremes), countKept(sample, extremes), countKept(first, extremes));
    std::printf("x range shown: downsample 100%% vs random-1000 sample 100%% vs first-2500 "
                "%.2f%% (MLflow UI cap)\n",
                100.0 * (first.last().x() - first.first().x()) /
                    (points.last().x() - points.first().x()));
    std::printf("smoothEma %.0fM (w 0.6): %.1f ms\n", millions, emaMs);
    return smooth.size() == n ? 0 : 1;
}
