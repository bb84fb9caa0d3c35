// The metric chart, offscreen, each figure beside its anchor:
//  (a) one series of 1M points: the model's visiblePoints() (x transform + downsampling to the
//      plot's width) against handing the raw 1M points to a QLineSeries; and a MetricChart
//      at 1200×600 fetched and rendered with grab() against a plain QChartView drawing the
//      1M-point QLineSeries the same way. Goals: downsampling <= 15 ms, render <= 50 ms.
//  (b) 20 live series, 1,000 points/s each, appended and redrawn at 10 Hz for 5 s: the GUI
//      thread's time per redraw (refresh = visiblePoints, then a synchronous repaint),
//      p50 and p99, against a plain QChartView whose series are replace()d with every point.
//      Goal: p99 <= 16 ms.
// Usage: bench_chart [folder for the PNGs]; QT_QPA_PLATFORM=offscreen.
#include "monitor/metricchart.h"
#include "runs/chartseries.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QPixmap>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr qsizetype BigN = 1'000'000;
constexpr int LiveSeries = 20;
constexpr int PointsPerSecond = 1000;
constexpr int Hz = 10;
constexpr int Seconds = 5;

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype i = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(values.size()))) - 1,
                                              0, values.size() - 1);
    return values.at(i);
}

double median(const QList<double> &values)
{
    return percentile(values, 0.5);
}

// Median ms of \a runs calls of \a work.
double timeMedian(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.append(msSince(t));
    }
    return median(times);
}

// A loss-like random walk: falling, noisy, with the odd spike.
QList<MetricPoint> lossCurve(qsizetype n, qint64 firstStep, double firstTs, std::mt19937_64 &rng)
{
    std::normal_distribution<double> noise(0, 0.02);
    std::uniform_real_distribution<double> spike(0, 1);
    QList<MetricPoint> points;
    points.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 step = firstStep + i;
        MetricPoint p;
        p.key = u"loss"_s;
        p.step = step;
        p.value = 2.0 * std::exp(-double(step) / 200'000.0) + 0.1 + noise(rng) +
                  (spike(rng) < 1e-5 ? 1.0 : 0.0);
        p.ts = firstTs + double(step) * 0.01;
        points.append(p);
    }
    return points;
}

void line(const char *what, double figure, const char *anchorWhat, double anchor, const char *goal)
{
    std::printf("%-52s %9.2f ms   anchor %-40s %9.2f ms   ratio %6.3fx   %s\n", what, figure,
                anchorWhat, anchor, figure / anchor, goal);
}

void save(const QPixmap &pixmap, const QString &folder, const QString &name)
{
    if (!folder.isEmpty())
        pixmap.save(QDir(folder).filePath(name), "PNG");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString pngFolder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    std::mt19937_64 rng(42);

    // (a) one series of 1M points.
    std::printf("== (a) 1M-point series, 1200x600\n");
    ChartSeries model;
    model.addSeries(u"run-1 · loss"_s, u"loss"_s, lossCurve(BigN, 0, 1'763'800'000.0, rng));
    MetricChart chart(&model);
    chart.resize(1200, 600);
    chart.show();
    QCoreApplication::processEvents();
    const int plotWidth = int(chart.chart()->plotArea().width());

    QList<QPointF> raw;
    raw.reserve(BigN);
    for (const MetricPoint &p : model.points(0))
        raw.append(QPointF(double(*p.step), p.value));

    // Cold: the x mode toggled twice drops the model's caches, so every run transforms 1M points.
    const auto dropCaches = [&] {
        model.setXMode(ChartSeries::XMode::RelativeSeconds);
        model.setXMode(ChartSeries::XMode::Step);
    };
    qsizetype drawn = 0, drawnCheck = 0;
    const double cold = timeMedian(15, [&] {
        dropCaches();
        drawn = model.visiblePoints(0, plotWidth).size();
    });
    // The toggling is not free: time it alone and take it out.
    const double toggling = timeMedian(15, dropCaches);
    const double warm = timeMedian(15, [&] { drawn = model.visiblePoints(0, plotWidth).size(); });
    model.setSmoothing(0.6);
    const double coldSmooth = timeMedian(15, [&] {
        dropCaches();
        model.visiblePoints(0, plotWidth);
    });
    model.setSmoothing(0);

    // Anchor: the least any chart pays to take the data, one pass turning 1M MetricPoints into
    // QPointFs.
    const QList<MetricPoint> source = model.points(0);
    const double copyRaw = timeMedian(15, [&] {
        QList<QPointF> copy;
        copy.reserve(source.size());
        for (const MetricPoint &p : source)
            copy.append(QPointF(double(*p.step), p.value));
        drawnCheck = copy.size();
    });
    std::printf("plot width %d px: 1M points drawn as %lld\n", plotWidth, qlonglong(drawn));
    if (drawnCheck != BigN)
        return 1;
    line("visiblePoints, cold (x transform + downsample)", cold - toggling,
         "1M MetricPoint -> QPointF copy", copyRaw, "(goal <= 15 ms)");
    line("visiblePoints, cached x (downsample only)", warm, "1M MetricPoint -> QPointF copy",
         copyRaw, "(goal <= 15 ms)");
    line("visiblePoints, cold, smoothing 0.6", coldSmooth - toggling,
         "1M MetricPoint -> QPointF copy", copyRaw, "");

    // Render: fetch + paint into a pixmap, each run from cold model caches.
    QPixmap shot;
    const double render = timeMedian(7, [&] {
        dropCaches();
        chart.refresh();
        QCoreApplication::processEvents();
        shot = chart.chartView()->grab();
    });
    save(shot, pngFolder, u"chart-1m.png"_s);
    const double renderOnly = timeMedian(7, [&] { shot = chart.chartView()->grab(); });

    QChart *rawChart = new QChart;
    auto *rawSeries = new QLineSeries;
    rawSeries->setName(u"run-1 · loss (raw)"_s);
    rawChart->addSeries(rawSeries);
    rawChart->createDefaultAxes();
    rawChart->legend()->setAlignment(Qt::AlignBottom);
    QChartView rawView(rawChart);
    rawView.setRenderHint(QPainter::Antialiasing);
    rawView.resize(chart.chartView()->size());
    rawView.show();
    QCoreApplication::processEvents();
    QPixmap rawShot;
    const double rawRender = timeMedian(3, [&] {
        rawSeries->replace(raw);
        rawChart->axes(Qt::Horizontal).constFirst()->setRange(0, double(BigN - 1));
        rawChart->axes(Qt::Vertical).constFirst()->setRange(0, 3.5);
        QCoreApplication::processEvents();
        rawShot = rawView.grab();
    });
    save(rawShot, pngFolder, u"chart-1m-raw.png"_s);
    const double rawRenderOnly = timeMedian(3, [&] { rawShot = rawView.grab(); });
    line("MetricChart fetch + replace + grab()", render, "QChartView, 1M-point QLineSeries",
         rawRender, "(goal <= 50 ms)");
    line("MetricChart grab() alone", renderOnly, "QChartView grab() alone", rawRenderOnly, "");
    rawView.hide();
    chart.hide();

    // (b) live series.
    std::printf("== (b) %d live series, %d points/s each, redrawn at %d Hz for %d s\n", LiveSeries,
                PointsPerSecond, Hz, Seconds);
    constexpr int perFrame = PointsPerSecond / Hz;
    constexpr int frames = Hz * Seconds;

    // Ours: a MetricChart over a ChartSeries. Anchor: a QChartView given every point.
    ChartSeries live;
    for (int s = 0; s < LiveSeries; ++s)
        live.addSeries(u"run-%1 · loss"_s.arg(s + 1), u"loss"_s, {});
    MetricChart liveChart(&live);
    liveChart.resize(1200, 600);
    liveChart.show();

    QChart *anchorChart = new QChart;
    QList<QLineSeries *> anchorSeries;
    QList<QList<QPointF>> anchorData(LiveSeries);
    for (int s = 0; s < LiveSeries; ++s) {
        auto *series = new QLineSeries;
        series->setName(u"run-%1 · loss"_s.arg(s + 1));
        QPen pen(MetricChart::paletteColor(s));
        pen.setWidthF(1.5);
        series->setPen(pen);
        anchorChart->addSeries(series);
        anchorSeries.append(series);
    }
    anchorChart->createDefaultAxes();
    anchorChart->legend()->setAlignment(Qt::AlignBottom);
    QChartView anchorView(anchorChart);
    anchorView.setRenderHint(QPainter::Antialiasing);
    anchorView.resize(liveChart.chartView()->size());
    anchorView.show();
    QCoreApplication::processEvents();

    QList<double> ours, oursFetch, anchor;
    QElapsedTimer clock;
    clock.start();
    qint64 step = 0;
    for (int frame = 0; frame < frames; ++frame) {
        // New points for every series (off the clock: the parser's work, not the chart's).
        QList<QList<MetricPoint>> batches;
        for (int s = 0; s < LiveSeries; ++s)
            batches.append(lossCurve(perFrame, step, 1'763'800'000.0, rng));
        step += perFrame;

        QElapsedTimer t;
        t.start();
        for (int s = 0; s < LiveSeries; ++s)
            live.appendPoints(s, batches.at(s));
        liveChart.refresh();
        oursFetch.append(msSince(t));
        liveChart.chartView()->viewport()->repaint();
        ours.append(msSince(t));

        t.restart();
        for (int s = 0; s < LiveSeries; ++s) {
            for (const MetricPoint &p : batches.at(s))
                anchorData[s].append(QPointF(double(*p.step), p.value));
            anchorSeries[s]->replace(anchorData[s]);
        }
        anchorChart->axes(Qt::Horizontal).constFirst()->setRange(0, double(step - 1));
        anchorChart->axes(Qt::Vertical).constFirst()->setRange(0, 3.5);
        anchorView.viewport()->repaint();
        anchor.append(msSince(t));

        // Wait for the next tick, serving events meanwhile.
        const qint64 next = qint64(frame + 1) * 1000 / Hz;
        while (clock.elapsed() < next)
            QCoreApplication::processEvents(QEventLoop::AllEvents, int(next - clock.elapsed()));
    }
    save(liveChart.chartView()->grab(), pngFolder, u"chart-live.png"_s);
    save(anchorView.grab(), pngFolder, u"chart-live-raw.png"_s);
    std::printf("%d frames in %.1f s; last frame: %lld points per series, %lld drawn\n", frames,
                double(clock.elapsed()) / 1000.0, qlonglong(step),
                qlonglong(liveChart.lines().constFirst().points.size()));
    line("live redraw p50 (append + refresh + repaint)", median(ours),
         "QChartView, replace() all points, p50", median(anchor), "");
    std::printf("of which append + refresh (visiblePoints): p50 %.2f ms, p99 %.2f ms\n",
                median(oursFetch), percentile(oursFetch, 0.99));
    line("live redraw p99 (append + refresh + repaint)", percentile(ours, 0.99),
         "QChartView, replace() all points, p99", percentile(anchor, 0.99), "(goal <= 16 ms)");
    return 0;
}
