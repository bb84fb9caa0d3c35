#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QWidget>

class QAbstractAxis;
class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QAction;
class QToolButton;
class QSlider;
class QTimer;

namespace atelier {

class ChartSeries;
class MetricChartView;

/// A line chart over a ChartSeries: one line per series, coloured from a fixed palette by the
/// series' colour index, broken where a value is NaN or infinite (a red × marks the place), with
/// controls for the x axis, smoothing and log scale, hover values, zoom (rubber band, wheel;
/// double-click resets), pan (right or middle drag) and export to PNG and CSV. Raster only. What is
/// drawn is fetched from the model for the plot's pixel width on every resize, zoom and model
/// change. The QChart keeps the axes, legend, zoom and pan (through one empty QLineSeries per
/// series); the lines themselves are painted by one graphics item of ours, as QLineSeries
/// re-strokes its hover outline on every change of its points.
class MetricChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChart)

public:
    /// Shows \a model, which must outlive the chart; with none, the chart makes its own.
    explicit MetricChart(ChartSeries *model = nullptr, QWidget *parent = nullptr);
    ~MetricChart() override;

    ChartSeries *model() const { return m_model; }
    QChart *chart() const { return m_chart; }
    QChartView *chartView() const;
    /// A drawn line: the series' label, its colour and the points drawn, in axis units (wall
    /// time in milliseconds since the epoch).
    struct Line
    {
        QString name;
        QColor color;
        QList<QPointF> points; ///< a point whose y is NaN or infinite is a break
        QList<double> breaks;  ///< x of each break, marked with a red × on the x axis
    };

    /// The drawn lines, one per model series, in the model's order.
    const QList<Line> &lines() const { return m_lines; }
    /// The colour of a series with colour index \a index.
    static QColor paletteColor(int index);

    /// Fetches what to draw now (otherwise done on the next turn of the event loop).
    void refresh();
    bool isZoomed() const { return m_zoomed; }
    /// Back to the whole data, following new points.
    void resetZoom();
    /// The text of the hover label, empty when hidden.
    QString hoverText() const;

    /// Writes the chart as drawn (the chart view's size) to \a path as PNG.
    bool exportPng(const QString &path);
    /// Writes the model's CSV (ChartSeries::toCsv()) to \a path, UTF-8.
    bool exportCsv(const QString &path);

Q_SIGNALS:
    /// After each refresh() (for tests and benchmarks).
    void refreshed();

private:
    class PlotItem;
    friend class PlotItem;

    void rebuildLines();
    void rebuildAxes();
    void syncControls();
    void scheduleRefresh();
    void userZoomed();
    /// Shows the values of the line nearest \a viewPos (in the view's viewport), or hides them
    /// when no line is close.
    void hoverAt(const QPointF &viewPos);
    QString formatX(double x) const;
    void updateNote();
    void exportPngClicked();
    void exportCsvClicked();

    ChartSeries *m_model = nullptr;
    QChart *m_chart = nullptr;
    MetricChartView *m_view = nullptr;
    QList<Line> m_lines;
    QList<QLineSeries *> m_legendSeries; ///< empty: the legend's entries and the axes' domain
    PlotItem *m_plotItem = nullptr;
    QAbstractAxis *m_axisX = nullptr;
    QAbstractAxis *m_axisY = nullptr;
    int m_axesMode = -1; ///< the x mode and log scale the axes were made for

    QComboBox *m_xMode = nullptr;
    QSlider *m_smoothing = nullptr;
    QLabel *m_smoothingValue = nullptr;
    QCheckBox *m_logScale = nullptr;
    QToolButton *m_export = nullptr; ///< one menu: two buttons did not fit at 1024 px in Chinese
    QAction *m_exportPng = nullptr;
    QAction *m_exportCsv = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_hover = nullptr;
    QTimer *m_refreshTimer = nullptr;

    bool m_zoomed = false;
    QRectF m_rangeSet;  ///< the data range the axes were last fitted to; null after a zoom
    QSizeF m_rangePlot; ///< and the plot's size then (it sets the ticks)
    int m_fetchedWidth = -1;
};

} // namespace atelier
