#pragma once

#include "runs/metricsstore.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace atelier {

/// The data behind a metric chart: several series (one per run and key), each the raw points
/// as reported, and the options that turn them into what is drawn (x axis, smoothing, log
/// scale). No widget: the chart in `ui/monitor/` is a view over it.
///
/// What a series draws is computed in this order: x from the axis mode, values a log axis
/// cannot show dropped (and counted), points sorted by x if they were not already, smoothing,
/// then downsampling to the plot's width. A NaN or infinite value is no value to draw but is
/// kept, with its y, as a break in the line: a diverged run shows where it diverged. Breaks
/// pass through smoothing untouched and survive downsampling. The first steps are cached and
/// extended in place when points are appended, so a live series costs in proportion to what
/// arrived.
class ChartSeries final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartSeries)

public:
    /// What the x axis shows.
    enum class XMode {
        Step,           ///< the reported step; a point without one uses its index in the series
        WallTime,       ///< the timestamp, seconds since the epoch (UTC)
        RelativeSeconds ///< seconds since the series' first point
    };
    Q_ENUM(XMode)

    static constexpr double MaxSmoothing = 0.999;

    explicit ChartSeries(QObject *parent = nullptr);
    ~ChartSeries() override;

    /// Adds a series and returns its index. A \a colorIndex below 0 means the series' index;
    /// the view maps it into its palette.
    int addSeries(const QString &label, const QString &key, const QList<MetricPoint> &points,
                  int colorIndex = -1);
    void removeSeries(int series);
    void clear();

    int count() const { return int(m_series.size()); }
    QString label(int series) const;
    QString key(int series) const;
    int colorIndex(int series) const;
    /// The raw points of \a series, in the order they were given.
    QList<MetricPoint> points(int series) const;

    /// Appends live points to \a series; they are expected in time order. Amortised O(new
    /// points): cached x values are extended, never recomputed or re-sorted for an in-order x.
    void appendPoints(int series, const QList<MetricPoint> &points);

    XMode xMode() const { return m_xMode; }
    void setXMode(XMode mode);
    /// EMA weight in [0, MaxSmoothing]; 0 draws the raw values.
    double smoothing() const { return m_smoothing; }
    void setSmoothing(double weight);
    bool logScale() const { return m_logScale; }
    void setLogScale(bool on);

    /// Every point of \a series as drawn before downsampling: x transformed, sorted by x,
    /// smoothed; without the points a log scale cannot show; NaN and infinite values stay as
    /// breaks (a point whose y is not finite).
    QList<QPointF> smoothedPoints(int series) const;
    /// What the chart draws for \a series in a plot \a pixelWidth wide: smoothedPoints()
    /// downsampled to about 2 × \a pixelWidth points, keeping the extremes and the breaks.
    QList<QPointF> visiblePoints(int series, int pixelWidth) const;
    /// Same for the part of the series between \a xMin and \a xMax (a zoomed chart), plus one
    /// point either side so the line reaches the plot's edges. Smoothing is of the whole series.
    QList<QPointF> visiblePoints(int series, int pixelWidth, double xMin, double xMax) const;

    /// Points of \a series not drawn because they are not positive on a log scale (0 when the
    /// scale is linear).
    qsizetype droppedNonPositive(int series) const;
    /// Points of all series not drawn because they are not positive on a log scale.
    qsizetype droppedNonPositive() const;
    /// Points of \a series whose value is NaN or infinite: drawn as breaks, not as values.
    qsizetype droppedNonFinite(int series) const;

    /// Smallest and largest x and y over what all series draw (smoothed), as a rect from
    /// (min x, min y) to (max x, max y); breaks count for x only; none when nothing is drawn.
    std::optional<QRectF> bounds() const;

    /// All series as CSV, one row per raw point in the order given: `series,key,step,ts,value,
    /// smoothed`. `smoothed` is the drawn value in the current options, empty for a point that
    /// is not drawn. Numbers in their shortest exact form.
    QString toCsv() const;

    /// Increases on every change of data or options.
    quint64 revision() const { return m_revision; }

Q_SIGNALS:
    /// Series were added, removed or cleared.
    void structureChanged();
    /// \a count points were appended to \a series.
    void pointsAppended(int series, qsizetype count);
    /// The x mode, smoothing or log scale changed.
    void optionsChanged();
    /// After each of the above.
    void changed();

private:
    struct Series
    {
        QString label;
        QString key;
        int colorIndex = 0;
        QList<MetricPoint> points;

        // Caches, rebuilt lazily; `prepared` is extended in place by appendPoints().
        mutable QList<QPointF> prepared; ///< x transformed, undrawable values dropped
        mutable bool preparedValid = false;
        mutable bool preparedSorted = true;
        mutable qsizetype nonPositive = 0;
        mutable qsizetype nonFinite = 0;
        mutable QList<QPointF> smoothed;
        mutable bool smoothedValid = false;
        mutable QRectF bounds;
        mutable bool boundsValid = false;
    };

    bool valid(int series) const;
    double xOf(const Series &s, qsizetype index) const;
    /// Appends point \a index of \a s to its cache, or counts it as dropped.
    void prepareOne(const Series &s, qsizetype index) const;
    const QList<QPointF> &prepared(int series) const;
    const QList<QPointF> &smoothed(int series) const;
    void invalidateAll();
    void bump();

    std::vector<Series> m_series;
    XMode m_xMode = XMode::Step;
    double m_smoothing = 0;
    bool m_logScale = false;
    quint64 m_revision = 0;
};

} // namespace atelier
