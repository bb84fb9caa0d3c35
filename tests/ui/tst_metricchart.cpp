#include "monitor/metricchart.h"
#include "runs/chartseries.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

// A noisy falling loss that crosses zero, \a n points, steps from 0.
QList<MetricPoint> lossPoints(int n, double offset)
{
    QList<MetricPoint> points;
    for (int i = 0; i < n; ++i) {
        MetricPoint p;
        p.key = u"loss"_s;
        p.step = i;
        p.value = 2.0 * std::exp(-i / 300.0) - 0.2 + offset + 0.15 * std::sin(i * 0.7);
        p.ts = 1'763'800'000.0 + i * 0.5;
        points.append(p);
    }
    return points;
}

bool allPositive(const QList<QPointF> &points)
{
    return std::all_of(points.cbegin(), points.cend(), [](const QPointF &p) { return p.y() > 0; });
}

// Pixels close to \a colour: the line is drawn (anti-aliasing blends its edges).
int pixelsLike(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 30 &&
                std::abs(c.green() - colour.green()) < 30 &&
                std::abs(c.blue() - colour.blue()) < 30)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestMetricChart : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    static void fill(ChartSeries &model)
    {
        model.addSeries(u"run-1 · loss"_s, u"loss"_s, lossPoints(5000, 0));
        model.addSeries(u"run-2 · loss"_s, u"loss"_s, lossPoints(3000, 0.3));
        model.addSeries(u"run-3 · loss"_s, u"loss"_s, lossPoints(800, 0.6));
    }

    static bool settle(MetricChart &chart)
    {
        QSignalSpy refreshed(&chart, &MetricChart::refreshed);
        return refreshed.wait(2000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void oneLinePerSeries()
    {
        ChartSeries model;
        fill(model);
        MetricChart chart(&model);
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();

        QCOMPARE(chart.lines().size(), 3);
        QCOMPARE(chart.chart()->series().size(), 3);
        const QList<QLegendMarker *> markers = chart.chart()->legend()->markers();
        QCOMPARE(markers.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const MetricChart::Line &line = chart.lines().at(i);
            QCOMPARE(line.name, model.label(i));
            QCOMPARE(line.color, MetricChart::paletteColor(i));
            // The legend has an entry per run, in its colour.
            QCOMPARE(markers.at(i)->label(), model.label(i));
            QCOMPARE(markers.at(i)->brush().color(), MetricChart::paletteColor(i));
            // The chart's own series are never given points (the lines are drawn otherwise).
            auto *series = qobject_cast<QLineSeries *>(chart.chart()->series().at(i));
            QVERIFY(series);
            QCOMPARE(series->count(), 0);
            // Fetched for the plot's width, downsampled where there are more points.
            const int width = int(chart.chart()->plotArea().width());
            QVERIFY(width > 300);
            QCOMPARE(line.points, model.visiblePoints(i, width));
            QVERIFY(line.points.size() <= 2 * width + 5);
        }
        QVERIFY(chart.lines().at(0).points.size() < 5000);
        QCOMPARE(chart.lines().at(2).points.size(), 800);

        // New series and live points show up on the next turn of the event loop.
        model.addSeries(u"run-4 · loss"_s, u"loss"_s, lossPoints(10, 1), 9);
        QVERIFY(settle(chart));
        QCOMPARE(chart.lines().size(), 4);
        QCOMPARE(chart.chart()->series().size(), 4);
        QCOMPARE(chart.lines().at(3).color, MetricChart::paletteColor(9));
        QCOMPARE(chart.chart()->legend()->markers().size(), 4);
        model.appendPoints(3, lossPoints(20, 1).mid(10));
        QVERIFY(settle(chart));
        QCOMPARE(chart.lines().at(3).points.size(), 20);
        auto *x = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        // The data's range widened to round ticks, about 120 px apart.
        QCOMPARE(x->min(), 0.0);
        const double tick = (x->max() - x->min()) / (x->tickCount() - 1);
        QVERIFY2(tick == 200 || tick == 500 || tick == 1000, qPrintable(QString::number(tick)));
        QVERIFY(x->max() >= 4999 && x->max() < 4999 + tick);
        QCOMPARE(std::fmod(x->max(), tick), 0.0);

        model.removeSeries(0);
        QVERIFY(settle(chart));
        QCOMPARE(chart.lines().size(), 3);
        QCOMPARE(chart.lines().at(0).name, u"run-2 · loss"_s);
        QCOMPARE(chart.chart()->legend()->markers().constFirst()->label(), u"run-2 · loss"_s);
    }

    void logAndSmoothingChangeTheDrawing()
    {
        ChartSeries model;
        fill(model);
        MetricChart chart(&model);
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();
        const QList<QPointF> linear = chart.lines().at(0).points;
        QVERIFY(!allPositive(linear));
        auto *note = chart.findChild<QLabel *>(u"note"_s);
        QVERIFY(note && note->isHidden());

        auto *log = chart.findChild<QCheckBox *>(u"logScale"_s);
        QVERIFY(log);
        log->setChecked(true);
        QVERIFY(model.logScale());
        QVERIFY(settle(chart));
        const QList<QPointF> logPoints = chart.lines().at(0).points;
        QVERIFY(logPoints != linear);
        QVERIFY(allPositive(logPoints));
        QVERIFY(qobject_cast<QLogValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0)));
        QVERIFY(model.droppedNonPositive() > 0);
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QString::number(model.droppedNonPositive())));

        log->setChecked(false);
        QVERIFY(settle(chart));
        QTest::qWait(20); // the note is hidden again: the plot's width may change once more
        QCOMPARE(chart.lines().at(0).points,
                 model.visiblePoints(0, int(chart.chart()->plotArea().width())));
        QVERIFY(!allPositive(chart.lines().at(0).points));
        QVERIFY(qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0)));

        auto *slider = chart.findChild<QSlider *>(u"smoothing"_s);
        auto *value = chart.findChild<QLabel *>(u"smoothingValue"_s);
        QVERIFY(slider && value);
        QCOMPARE(value->text(), u"0.00"_s);
        slider->setValue(60);
        QCOMPARE(model.smoothing(), 0.6);
        QCOMPARE(value->text(), u"0.60"_s);
        QVERIFY(settle(chart));
        QTest::qWait(20);
        const QList<QPointF> smooth = chart.lines().at(0).points;
        QVERIFY(smooth != linear);
        QCOMPARE(smooth, model.visiblePoints(0, int(chart.chart()->plotArea().width())));

        // The controls follow the model too.
        model.setSmoothing(0.25);
        QCOMPARE(slider->value(), 25);
        QCOMPARE(value->text(), u"0.25"_s);
        model.setXMode(ChartSeries::XMode::WallTime);
        QVERIFY(settle(chart));
        auto *combo = chart.findChild<QComboBox *>(u"xMode"_s);
        QCOMPARE(combo->currentData().toInt(), int(ChartSeries::XMode::WallTime));
        QVERIFY(qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0)));
        // Milliseconds on a date-time axis.
        QCOMPARE(chart.lines().at(0).points.constFirst().x(), 1'763'800'000'000.0);
        combo->setCurrentIndex(combo->findData(int(ChartSeries::XMode::RelativeSeconds)));
        QCOMPARE(model.xMode(), ChartSeries::XMode::RelativeSeconds);
    }

    void zoomAndHover()
    {
        ChartSeries model;
        fill(model);
        MetricChart chart(&model);
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTest::qWait(20);
        chart.refresh();
        auto *x = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        const double fullSpan = x->max() - x->min();

        QWidget *viewport = chart.chartView()->viewport();
        const QPointF centre = chart.chartView()->mapFromScene(chart.chart()->plotArea().center());
        for (int i = 0; i < 7; ++i) {
            QWheelEvent wheel(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(viewport, &wheel);
        }
        QVERIFY(chart.isZoomed());
        QVERIFY(settle(chart));
        QVERIFY(x->max() - x->min() < fullSpan / 2);
        // Zoomed in, a line has the detail of its range: every raw point there.
        const QList<QPointF> detail = chart.lines().at(0).points;
        QVERIFY(detail.size() > 10);
        QCOMPARE(detail.at(1).x() + 1, detail.at(2).x());

        QTest::mouseDClick(viewport, Qt::LeftButton, {}, centre.toPoint());
        QVERIFY(!chart.isZoomed());
        QCOMPARE(x->max() - x->min(), fullSpan);

        // Hovering a line shows its label and the value of its drawn point nearest the cursor.
        const QPointF onLine = chart.lines().at(2).points.at(100); // 800 points: all drawn
        QCOMPARE(onLine.x(), 100.0);
        const auto moveTo = [&](const QPointF &inChart) {
            const QPointF at = chart.chartView()->mapFromScene(chart.chart()->mapToScene(inChart));
            QMouseEvent move(QEvent::MouseMove, at, viewport->mapToGlobal(at), Qt::NoButton,
                             Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
        };
        // Where QtCharts puts the point: a pixel is several steps wide.
        const QPointF pixel = chart.chart()->mapToPosition(onLine, chart.chart()->series().at(2));
        moveTo(pixel);
        const QString text = chart.hoverText();
        QVERIFY2(text.startsWith(u"run-3 · loss\n"_s), qPrintable(text));
        const QRegularExpressionMatch step = QRegularExpression(u"step (\\d+): "_s).match(text);
        QVERIFY2(step.hasMatch(), qPrintable(text));
        const int hovered = step.captured(1).toInt();
        QVERIFY2(std::abs(hovered - 100) <= 10, qPrintable(text));
        QVERIFY2(
            text.endsWith(QLocale().toString(chart.lines().at(2).points.at(hovered).y(), 'g', 6)),
            qPrintable(text));
        // Away from every line, and off the view, nothing.
        moveTo(QPointF(pixel.x(), chart.chart()->plotArea().top() + 2));
        QVERIFY(chart.hoverText().isEmpty());
        moveTo(pixel);
        QVERIFY(!chart.hoverText().isEmpty());
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(viewport, &leave);
        QVERIFY(chart.hoverText().isEmpty());
    }

    void exportsPngAndCsv()
    {
        ChartSeries model;
        fill(model);
        MetricChart chart(&model);
        chart.resize(1000, 560);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));

        const QString png = m_tmp.filePath(u"chart.png"_s);
        QVERIFY(chart.exportPng(png));
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), chart.chartView()->size() * chart.chartView()->devicePixelRatio());
        // Each run's line is in the picture in its colour.
        for (int i = 0; i < 3; ++i)
            QVERIFY2(pixelsLike(image, MetricChart::paletteColor(i)) > 200,
                     qPrintable(QString::number(i)));
        QVERIFY(!chart.exportPng(m_tmp.filePath(u"missing/folder/chart.png"_s)));

        const QString csv = m_tmp.filePath(u"chart.csv"_s);
        model.setSmoothing(0.5);
        QVERIFY(chart.exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text, model.toCsv());
        QVERIFY(text.startsWith(u"series,key,step,ts,value,smoothed\n"_s));
        QCOMPARE(text.count(u'\n'), 1 + 5000 + 3000 + 800);
        QVERIFY(!chart.exportCsv(m_tmp.filePath(u"missing/folder/chart.csv"_s)));
    }
};

QTEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
