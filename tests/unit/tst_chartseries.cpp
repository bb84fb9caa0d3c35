#include "runs/chartseries.h"
#include "runs/seriesmath.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

MetricPoint point(std::optional<qint64> step, double value, double ts)
{
    MetricPoint p;
    p.key = u"loss"_s;
    p.step = step;
    p.value = value;
    p.ts = ts;
    return p;
}

// A noisy series with one tall spike at \a spikeAt.
QList<MetricPoint> bigSeries(qsizetype n, qsizetype spikeAt)
{
    QList<MetricPoint> points;
    points.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const double v = std::sin(double(i) / 1000.0) + 0.1 * double((i * 7919) % 13) / 13.0;
        points.append(point(i, i == spikeAt ? 100.0 : v, 1'000'000.0 + double(i)));
    }
    return points;
}

QList<double> xs(const QList<QPointF> &points)
{
    QList<double> out;
    for (const QPointF &p : points)
        out.append(p.x());
    return out;
}

QList<double> ys(const QList<QPointF> &points)
{
    QList<double> out;
    for (const QPointF &p : points)
        out.append(p.y());
    return out;
}

/// The values drawn, without the breaks (NaN or infinite values, which compare unequal).
QList<double> finiteYs(const QList<QPointF> &points)
{
    QList<double> out;
    for (const QPointF &p : points) {
        if (std::isfinite(p.y()))
            out.append(p.y());
    }
    return out;
}

} // namespace

class TestChartSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xModes_data()
    {
        QTest::addColumn<ChartSeries::XMode>("mode");
        QTest::addColumn<QList<double>>("expected");
        // Points: step 10 at ts 100, no step at ts 101.5, step 30 at ts 104.
        QTest::newRow("step, index when missing")
            << ChartSeries::XMode::Step << QList<double>{1, 10, 30};
        QTest::newRow("wall time")
            << ChartSeries::XMode::WallTime << QList<double>{100, 101.5, 104};
        QTest::newRow("relative seconds")
            << ChartSeries::XMode::RelativeSeconds << QList<double>{0, 1.5, 4};
    }

    void xModes()
    {
        QFETCH(ChartSeries::XMode, mode);
        QFETCH(QList<double>, expected);
        ChartSeries model;
        model.addSeries(u"run 1"_s, u"loss"_s,
                        {point(10, 1, 100), point(std::nullopt, 2, 101.5), point(30, 3, 104)});
        model.setXMode(mode);
        const QList<QPointF> pts = model.visiblePoints(0, 400);
        // Sorted by x whatever the mode: in step mode the step-less point (index 1) comes first.
        QCOMPARE(xs(pts), expected);
        if (mode == ChartSeries::XMode::Step)
            QCOMPARE(ys(pts), (QList<double>{2, 1, 3}));
        else
            QCOMPARE(ys(pts), (QList<double>{1, 2, 3}));
    }

    void relativeSecondsIsPerSeries()
    {
        ChartSeries model;
        model.addSeries(u"a"_s, u"loss"_s, {point(0, 1, 100), point(1, 1, 110)});
        model.addSeries(u"b"_s, u"loss"_s, {point(0, 1, 5000), point(1, 1, 5003)});
        model.setXMode(ChartSeries::XMode::RelativeSeconds);
        QCOMPARE(xs(model.visiblePoints(0, 100)), (QList<double>{0, 10}));
        QCOMPARE(xs(model.visiblePoints(1, 100)), (QList<double>{0, 3}));
    }

    void smoothingComesBeforeDownsampling()
    {
        ChartSeries model;
        const QList<MetricPoint> raw = bigSeries(100'000, 50'000);
        model.addSeries(u"run"_s, u"loss"_s, raw);
        QList<QPointF> plain;
        for (const MetricPoint &p : raw)
            plain.append(QPointF(double(*p.step), p.value));

        model.setSmoothing(0.9);
        const QList<QPointF> drawn = model.visiblePoints(0, 500);
        const QList<QPointF> expected =
            SeriesMath::downsample(SeriesMath::smoothEma(plain, 0.9), 1000);
        QCOMPARE(drawn, expected);
        // Downsampling first would have kept the raw spike; smoothed it is a tenth at most.
        const QList<double> values = ys(drawn);
        const double top = *std::max_element(values.cbegin(), values.cend());
        QVERIFY2(top < 12, qPrintable(QString::number(top)));
        QVERIFY(top > 5);
        QVERIFY(drawn != SeriesMath::smoothEma(SeriesMath::downsample(plain, 1000), 0.9));
    }

    void smoothingIsClamped()
    {
        ChartSeries model;
        model.setSmoothing(2);
        QCOMPARE(model.smoothing(), ChartSeries::MaxSmoothing);
        model.setSmoothing(-1);
        QCOMPARE(model.smoothing(), 0.0);
        model.setSmoothing(std::nan(""));
        QCOMPARE(model.smoothing(), 0.0);
    }

    void logScaleDropsNonPositiveAndNanBreaks()
    {
        ChartSeries model;
        model.addSeries(u"run"_s, u"loss"_s,
                        {point(0, 1, 0), point(1, 0, 1), point(2, -3, 2), point(3, 10, 3),
                         point(4, std::nan(""), 4)});
        // The NaN stays, as a break in the line (tst_metricgaps).
        QCOMPARE(model.visiblePoints(0, 100).size(), 5);
        QCOMPARE(model.droppedNonPositive(0), 0);
        QCOMPARE(model.droppedNonFinite(0), 1);

        model.setLogScale(true);
        const QList<QPointF> pts = model.visiblePoints(0, 100);
        QCOMPARE(finiteYs(pts), (QList<double>{1, 10}));
        QCOMPARE(xs(pts), (QList<double>{0, 3, 4}));
        QVERIFY(std::isnan(pts.constLast().y()));
        QCOMPARE(model.droppedNonPositive(0), 2);
        QCOMPARE(model.droppedNonPositive(), 2);
        QCOMPARE(*model.bounds(), QRectF(QPointF(0, 1), QPointF(4, 10))); // the break's x too

        // Live points are filtered too.
        model.appendPoints(0, {point(5, -1, 5), point(6, 5, 6)});
        QCOMPARE(model.droppedNonPositive(0), 3);
        QCOMPARE(finiteYs(model.visiblePoints(0, 100)), (QList<double>{1, 10, 5}));

        model.setLogScale(false);
        QCOMPARE(model.droppedNonPositive(0), 0);
        QCOMPARE(model.visiblePoints(0, 100).size(), 7);
    }

    void csvIsExact()
    {
        ChartSeries model;
        model.addSeries(u"run \"a\", 1"_s, u"loss"_s,
                        {point(1, 0.5, 1763800000.5), point(std::nullopt, 0.25, 1763800001),
                         point(3, -1, 1763800002.25)});
        model.addSeries(u"b"_s, u"acc"_s, {point(7, 0.1, 12)});
        QCOMPARE(model.toCsv(), u"series,key,step,ts,value,smoothed\n"
                                "\"run \"\"a\"\", 1\",loss,1,1763800000.5,0.5,0.5\n"
                                "\"run \"\"a\"\", 1\",loss,,1763800001,0.25,0.25\n"
                                "\"run \"\"a\"\", 1\",loss,3,1763800002.25,-1,-1\n"
                                "b,acc,7,12,0.1,0.1\n"_s);

        // Smoothed with w = 0.5 (debiased), in x order; a point the log scale hides is empty.
        // Step mode: x = 1, 1 (index of the step-less point), 3.
        model.setSmoothing(0.5);
        model.setLogScale(true);
        // s1 = 0.5*0.5 / 0.5 = 0.5; s2 = (0.25 + 0.5*0.25) / 0.75 = 0.5 - 1/6 ...
        const double second = (0.5 * 0.25 + 0.5 * 0.5 * 0.5) / 0.75;
        QCOMPARE(model.toCsv(), u"series,key,step,ts,value,smoothed\n"
                                "\"run \"\"a\"\", 1\",loss,1,1763800000.5,0.5,0.5\n"
                                "\"run \"\"a\"\", 1\",loss,,1763800001,0.25,"_s +
                                    QString::number(second, 'g', QLocale::FloatingPointShortest) +
                                    u"\n"
                                    "\"run \"\"a\"\", 1\",loss,3,1763800002.25,-1,\n"
                                    "b,acc,7,12,0.1,0.1\n"_s);
    }

    void manyPointsAreDownsampledKeepingTheMax()
    {
        ChartSeries model;
        model.addSeries(u"run"_s, u"loss"_s, bigSeries(100'000, 12'345));
        for (int width : {50, 300, 1200}) {
            const QList<QPointF> pts = model.visiblePoints(0, width);
            QVERIFY2(pts.size() <= 2 * width + 5, qPrintable(QString::number(pts.size())));
            QVERIFY(pts.size() >= width / 2);
            QVERIFY(pts.contains(QPointF(12'345, 100)));
            QCOMPARE(pts.constFirst().x(), 0.0);
            QCOMPARE(pts.constLast().x(), 99'999.0);
            QVERIFY(
                std::is_sorted(pts.cbegin(), pts.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
        }
        QCOMPARE(model.bounds()->bottom(), 100.0);
    }

    void zoomedRangeHasDetail()
    {
        ChartSeries model;
        model.addSeries(u"run"_s, u"loss"_s, bigSeries(100'000, 50'000));
        const QList<QPointF> pts = model.visiblePoints(0, 100, 49'990, 50'010);
        // One point either side of the range, everything inside it: 23 points, under the
        // downsampling threshold.
        QCOMPARE(pts.size(), 23);
        QCOMPARE(pts.constFirst().x(), 49'989.0);
        QCOMPARE(pts.constLast().x(), 50'011.0);
        QVERIFY(pts.contains(QPointF(50'000, 100)));
        QVERIFY(model.visiblePoints(0, 100, 200'000, 300'000).size() <= 1);
    }

    void appendKeepsOrder()
    {
        ChartSeries model;
        const int s = model.addSeries(u"run"_s, u"loss"_s, {point(0, 1, 0), point(1, 2, 1)});
        QCOMPARE(model.visiblePoints(s, 100).size(), 2); // builds the cache
        QSignalSpy appended(&model, &ChartSeries::pointsAppended);
        QSignalSpy changed(&model, &ChartSeries::changed);
        const quint64 before = model.revision();

        for (int i = 2; i < 1000; ++i)
            model.appendPoints(s, {point(i, i, i)});
        QCOMPARE(appended.count(), 998);
        QCOMPARE(changed.count(), 998);
        QCOMPARE(appended.constLast().at(0).toInt(), s);
        QCOMPARE(appended.constLast().at(1).value<qsizetype>(), qsizetype(1));
        QVERIFY(model.revision() > before);
        QCOMPARE(model.points(s).size(), 1000);

        const QList<QPointF> pts = model.visiblePoints(s, 1000);
        QCOMPARE(pts.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(pts.at(i).x(), double(i));

        // The same as a model given all points at once.
        ChartSeries fresh;
        fresh.addSeries(u"run"_s, u"loss"_s, model.points(s));
        QCOMPARE(fresh.visiblePoints(0, 1000), pts);

        // A step that goes back (a resumed run) still draws in x order.
        model.appendPoints(s, {point(500, -5, 2000)});
        const QList<QPointF> resumed = model.visiblePoints(s, 2000);
        QCOMPARE(resumed.size(), 1001);
        QVERIFY(std::is_sorted(resumed.cbegin(), resumed.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
        QVERIFY(resumed.contains(QPointF(500, -5)));
    }

    void bounds()
    {
        ChartSeries model;
        QVERIFY(!model.bounds());
        model.addSeries(u"a"_s, u"loss"_s, {point(2, 5, 0), point(4, -1, 1)});
        model.addSeries(u"b"_s, u"loss"_s, {point(0, 3, 0), point(10, 7, 1)});
        model.addSeries(u"empty"_s, u"loss"_s, {});
        QCOMPARE(*model.bounds(), QRectF(QPointF(0, -1), QPointF(10, 7)));
        model.appendPoints(0, {point(20, 50, 2)});
        QCOMPARE(*model.bounds(), QRectF(QPointF(0, -1), QPointF(20, 50)));
        // Smoothing pulls the extremes in.
        model.setSmoothing(0.9);
        const QRectF smoothed = *model.bounds();
        QVERIFY(smoothed.bottom() < 50);
        QCOMPARE(smoothed.left(), 0.0);
        QCOMPARE(smoothed.right(), 20.0);
    }

    void signalsFollowChanges()
    {
        ChartSeries model;
        QSignalSpy structure(&model, &ChartSeries::structureChanged);
        QSignalSpy options(&model, &ChartSeries::optionsChanged);
        QSignalSpy changed(&model, &ChartSeries::changed);

        QCOMPARE(model.addSeries(u"a"_s, u"loss"_s, {point(0, 1, 0)}), 0);
        QCOMPARE(model.addSeries(u"b"_s, u"acc"_s, {}, 7), 1);
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.colorIndex(0), 0);
        QCOMPARE(model.colorIndex(1), 7);
        QCOMPARE(model.label(1), u"b"_s);
        QCOMPARE(model.key(1), u"acc"_s);
        QCOMPARE(structure.count(), 2);

        model.setXMode(ChartSeries::XMode::WallTime);
        model.setXMode(ChartSeries::XMode::WallTime); // no change, no signal
        model.setSmoothing(0.5);
        model.setLogScale(true);
        QCOMPARE(options.count(), 3);

        model.removeSeries(0);
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.label(0), u"b"_s);
        model.removeSeries(5); // out of range: nothing
        model.clear();
        QCOMPARE(model.count(), 0);
        QCOMPARE(structure.count(), 4);
        QCOMPARE(changed.count(), 7);
        QVERIFY(model.visiblePoints(0, 100).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChartSeries)
#include "tst_chartseries.moc"
