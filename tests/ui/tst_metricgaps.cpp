// A NaN or infinite metric value is a break in the chart's line with a red × on the x axis,
// never silently left out (a diverged run must look diverged; issue #14).
#include "monitor/metricchart.h"
#include "runs/chartseries.h"

#include <QChart>
#include <QChartView>
#include <QImage>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// A rising line, steps 0 … n - 1, with the values of \a breaks put in.
QList<MetricPoint> points(int n, const QMap<int, double> &breaks)
{
    QList<MetricPoint> out;
    for (int i = 0; i < n; ++i)
        out.append({u"loss"_s, i, breaks.value(i, 1.0 + i * 0.01), 1'763'800'000.0 + i});
    return out;
}

bool hasBreakAt(const QList<QPointF> &drawn, double x)
{
    return std::any_of(drawn.cbegin(), drawn.cend(),
                       [x](const QPointF &p) { return p.x() == x && !std::isfinite(p.y()); });
}

/// Pixels in the box of \a radius around \a centre that \a like accepts.
int pixelsAround(const QImage &image, QPoint centre, int radius,
                 const std::function<bool(const QColor &)> &like)
{
    int count = 0;
    for (int y = centre.y() - radius; y <= centre.y() + radius; ++y) {
        for (int x = centre.x() - radius; x <= centre.x() + radius; ++x) {
            if (image.rect().contains(x, y) && like(image.pixelColor(x, y)))
                ++count;
        }
    }
    return count;
}

bool isRed(const QColor &c)
{
    return c.red() > 170 && c.green() < 90 && c.blue() < 90;
}

} // namespace

class TestMetricGaps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theModelKeepsBreaks()
    {
        ChartSeries model;
        model.addSeries(u"diverged"_s, u"loss"_s, points(200, {{80, kNan}, {120, kInf}}));
        QCOMPARE(model.droppedNonFinite(0), qsizetype(2));
        const QList<QPointF> all = model.smoothedPoints(0);
        QCOMPARE(all.size(), 200);
        QVERIFY(hasBreakAt(all, 80));
        QVERIFY(hasBreakAt(all, 120));
        // Smoothing goes on around a break and leaves it in place.
        model.setSmoothing(0.9);
        const QList<QPointF> smooth = model.smoothedPoints(0);
        QVERIFY(hasBreakAt(smooth, 80));
        QVERIFY(std::isfinite(smooth.at(81).y()));
        // Breaks count for x only: the y range is that of the values.
        const auto bounds = model.bounds();
        QVERIFY(bounds);
        QVERIFY(std::isfinite(bounds->top()) && std::isfinite(bounds->bottom()));
        QCOMPARE(bounds->right(), 199.0);
        // Live points: a NaN appended is a break too.
        model.appendPoints(0, {{u"loss"_s, 200, kNan, 1'763'800'200.0}});
        QVERIFY(hasBreakAt(model.smoothedPoints(0), 200));
    }

    void aLoneNanSurvivesDownsampling()
    {
        // One NaN among 100,000 points, drawn in 400 pixels: downsampling alone keeps only
        // extremes, and would lose it.
        ChartSeries model;
        model.addSeries(u"long"_s, u"loss"_s, points(100000, {{61234, kNan}}));
        const QList<QPointF> drawn = model.visiblePoints(0, 400);
        QVERIFY(drawn.size() < 1000);
        QVERIFY(hasBreakAt(drawn, 61234));
        QVERIFY(std::is_sorted(drawn.cbegin(), drawn.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
        QVERIFY(hasBreakAt(model.visiblePoints(0, 400, 60000, 70000), 61234));
        QVERIFY(!hasBreakAt(model.visiblePoints(0, 400, 10000, 20000), 61234));

        // NaN at every other point: breaks are thinned to the plot's width, not all drawn.
        QMap<int, double> many;
        for (int i = 1; i < 100000; i += 2)
            many.insert(i, kNan);
        ChartSeries dense;
        dense.addSeries(u"dense"_s, u"loss"_s, points(100000, many));
        QVERIFY(dense.visiblePoints(0, 400).size() < 3000);
    }

    void theChartBreaksTheLineAndMarksTheBreak()
    {
        ChartSeries model;
        model.addSeries(u"diverged"_s, u"loss"_s, points(200, {{80, kNan}, {120, kInf}}));
        MetricChart chart(&model);
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();

        QCOMPARE(chart.lines().size(), 1);
        const MetricChart::Line &line = chart.lines().constFirst();
        QCOMPARE(line.breaks, (QList<double>{80, 120}));
        QVERIFY(hasBreakAt(line.points, 80));

        // Where step x and value y are drawn, in the view's pixels.
        auto *xAxis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        auto *yAxis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(xAxis && yAxis);
        const QRectF plot = chart.chart()->plotArea();
        const auto at = [&](double x, std::optional<double> y) {
            const double px =
                plot.left() + (x - xAxis->min()) / (xAxis->max() - xAxis->min()) * plot.width();
            const double py = y ? plot.bottom() - (*y - yAxis->min()) /
                                                      (yAxis->max() - yAxis->min()) * plot.height()
                                : plot.bottom() - 6; // the marker's centre
            return chart.chartView()->mapFromScene(chart.chart()->mapToScene(QPointF(px, py)));
        };
        const QImage image = chart.chartView()->grab().toImage();
        QCOMPARE(image.size(), chart.chartView()->size()); // offscreen: one pixel per point

        // A red × on the x axis at each break, none elsewhere.
        QVERIFY(pixelsAround(image, at(80, std::nullopt), 5, isRed) >= 6);
        QVERIFY(pixelsAround(image, at(120, std::nullopt), 5, isRed) >= 6);
        QCOMPARE(pixelsAround(image, at(40, std::nullopt), 5, isRed), 0);

        // The line stops at the break: no line colour where step 80 would be, but at step 40.
        const QColor colour = line.color;
        const auto lineColoured = [&](const QColor &c) {
            return std::abs(c.red() - colour.red()) < 40 &&
                   std::abs(c.green() - colour.green()) < 40 &&
                   std::abs(c.blue() - colour.blue()) < 40;
        };
        QVERIFY(pixelsAround(image, at(40, 1.4), 2, lineColoured) > 0);
        QCOMPARE(pixelsAround(image, at(80, 1.8), 1, lineColoured), 0);
    }
};

QTEST_MAIN(TestMetricGaps)
#include "tst_metricgaps.moc"
