#include "runs/chartseries.h"

#include "runs/seriesmath.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

bool lessX(const QPointF &a, const QPointF &b)
{
    return a.x() < b.x();
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

/// \a drawn (a downsampling of \a all, both sorted by x) with the first point of every run of
/// non-finite values in \a all that lost all its points to the downsampling: a NaN breaks the
/// line wherever it lies. At most about \a budget breaks are added, one per budget-th of the
/// x range, so a series with NaN at every other point is not drawn whole.
QList<QPointF> keepGaps(const QList<QPointF> &all, const QList<QPointF> &drawn, int budget)
{
    if (drawn.size() == all.size() || all.isEmpty())
        return drawn;
    QList<QPointF> missing;
    const double minGap = (all.constLast().x() - all.constFirst().x()) / std::max(1, budget);
    for (qsizetype i = 0; i < all.size();) {
        if (std::isfinite(all.at(i).y())) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < all.size() && !std::isfinite(all.at(i).y()))
            ++i;
        const double x0 = all.at(start).x(), x1 = all.at(i - 1).x();
        auto at = std::lower_bound(drawn.cbegin(), drawn.cend(), all.at(start), lessX);
        bool kept = false;
        for (; at != drawn.cend() && at->x() <= x1 && !kept; ++at)
            kept = !std::isfinite(at->y());
        if (!kept && (missing.isEmpty() || x0 - missing.constLast().x() >= minGap))
            missing.append(all.at(start));
    }
    if (missing.isEmpty())
        return drawn;
    QList<QPointF> merged;
    merged.reserve(drawn.size() + missing.size());
    std::merge(missing.cbegin(), missing.cend(), drawn.cbegin(), drawn.cend(),
               std::back_inserter(merged), lessX);
    return merged;
}

} // namespace

ChartSeries::ChartSeries(QObject *parent) : QObject(parent) {}

ChartSeries::~ChartSeries() = default;

int ChartSeries::addSeries(const QString &label, const QString &key,
                           const QList<MetricPoint> &points, int colorIndex)
{
    Series s;
    s.label = label;
    s.key = key;
    s.colorIndex = colorIndex < 0 ? count() : colorIndex;
    s.points = points;
    m_series.push_back(std::move(s));
    bump();
    Q_EMIT structureChanged();
    Q_EMIT changed();
    return count() - 1;
}

void ChartSeries::removeSeries(int series)
{
    if (!valid(series))
        return;
    m_series.erase(m_series.begin() + series);
    bump();
    Q_EMIT structureChanged();
    Q_EMIT changed();
}

void ChartSeries::clear()
{
    if (m_series.empty())
        return;
    m_series.clear();
    bump();
    Q_EMIT structureChanged();
    Q_EMIT changed();
}

bool ChartSeries::valid(int series) const
{
    return series >= 0 && series < count();
}

QString ChartSeries::label(int series) const
{
    return valid(series) ? m_series[series].label : QString();
}

QString ChartSeries::key(int series) const
{
    return valid(series) ? m_series[series].key : QString();
}

int ChartSeries::colorIndex(int series) const
{
    return valid(series) ? m_series[series].colorIndex : -1;
}

QList<MetricPoint> ChartSeries::points(int series) const
{
    return valid(series) ? m_series[series].points : QList<MetricPoint>();
}

void ChartSeries::appendPoints(int series, const QList<MetricPoint> &points)
{
    if (!valid(series) || points.isEmpty())
        return;
    Series &s = m_series[series];
    const qsizetype first = s.points.size();
    s.points.append(points);
    if (s.preparedValid) {
        for (qsizetype i = first; i < s.points.size(); ++i)
            prepareOne(s, i);
    }
    s.smoothedValid = false;
    s.boundsValid = false;
    bump();
    Q_EMIT pointsAppended(series, points.size());
    Q_EMIT changed();
}

void ChartSeries::setXMode(XMode mode)
{
    if (mode == m_xMode)
        return;
    m_xMode = mode;
    invalidateAll();
    Q_EMIT optionsChanged();
    Q_EMIT changed();
}

void ChartSeries::setSmoothing(double weight)
{
    weight = std::isfinite(weight) ? std::clamp(weight, 0.0, MaxSmoothing) : 0.0;
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    for (const Series &s : m_series) {
        s.smoothedValid = false;
        s.boundsValid = false;
    }
    bump();
    Q_EMIT optionsChanged();
    Q_EMIT changed();
}

void ChartSeries::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    invalidateAll();
    Q_EMIT optionsChanged();
    Q_EMIT changed();
}

double ChartSeries::xOf(const Series &s, qsizetype index) const
{
    const MetricPoint &p = s.points.at(index);
    switch (m_xMode) {
    case XMode::Step:
        return p.step ? double(*p.step) : double(index);
    case XMode::WallTime:
        return p.ts;
    case XMode::RelativeSeconds:
        return p.ts - s.points.constFirst().ts;
    }
    return double(index);
}

void ChartSeries::prepareOne(const Series &s, qsizetype index) const
{
    const double y = s.points.at(index).value;
    if (!std::isfinite(y)) {
        ++s.nonFinite; // kept: a break in the line
    } else if (m_logScale && !(y > 0)) {
        ++s.nonPositive;
        return;
    }
    const double x = xOf(s, index);
    if (!s.prepared.isEmpty() && x < s.prepared.constLast().x())
        s.preparedSorted = false;
    s.prepared.append(QPointF(x, y));
}

const QList<QPointF> &ChartSeries::prepared(int series) const
{
    const Series &s = m_series[series];
    if (!s.preparedValid) {
        // prepareOne() in a loop, without its per-point branching on the mode or appends'
        // capacity checks: this is most of a cold visiblePoints() on a long series.
        const qsizetype n = s.points.size();
        const MetricPoint *in = s.points.constData();
        s.prepared.resize(n);
        QPointF *out = s.prepared.data();
        qsizetype kept = 0, nonPositive = 0, nonFinite = 0;
        bool sorted = true;
        double lastX = -std::numeric_limits<double>::infinity();
        const double base = n > 0 ? in[0].ts : 0;
        const bool log = m_logScale;
        const auto fill = [&](auto xAt) {
            for (qsizetype i = 0; i < n; ++i) {
                const double y = in[i].value;
                if (!std::isfinite(y)) {
                    ++nonFinite; // kept as a break in the line
                } else if (log && !(y > 0)) {
                    ++nonPositive;
                    continue;
                }
                const double x = xAt(i);
                sorted = sorted && !(x < lastX);
                lastX = x;
                out[kept++] = QPointF(x, y);
            }
        };
        switch (m_xMode) {
        case XMode::Step:
            fill([in](qsizetype i) { return in[i].step ? double(*in[i].step) : double(i); });
            break;
        case XMode::WallTime:
            fill([in](qsizetype i) { return in[i].ts; });
            break;
        case XMode::RelativeSeconds:
            fill([in, base](qsizetype i) { return in[i].ts - base; });
            break;
        }
        s.prepared.resize(kept);
        s.nonPositive = nonPositive;
        s.nonFinite = nonFinite;
        s.preparedSorted = sorted;
        s.preparedValid = true;
    }
    // Steps can go back (a resumed run): sort once, stably, when they did; in-order appends
    // never get here.
    if (!s.preparedSorted) {
        std::stable_sort(s.prepared.begin(), s.prepared.end(), lessX);
        s.preparedSorted = true;
    }
    return s.prepared;
}

const QList<QPointF> &ChartSeries::smoothed(int series) const
{
    const Series &s = m_series[series];
    if (m_smoothing <= 0)
        return prepared(series);
    if (!s.smoothedValid) {
        s.smoothed = SeriesMath::smoothEma(prepared(series), m_smoothing);
        s.smoothedValid = true;
    }
    return s.smoothed;
}

QList<QPointF> ChartSeries::smoothedPoints(int series) const
{
    return valid(series) ? smoothed(series) : QList<QPointF>();
}

QList<QPointF> ChartSeries::visiblePoints(int series, int pixelWidth) const
{
    if (!valid(series))
        return {};
    const int budget = std::max(2 * pixelWidth, 3);
    const QList<QPointF> &all = smoothed(series);
    return keepGaps(all, SeriesMath::downsample(all, budget), budget);
}

QList<QPointF> ChartSeries::visiblePoints(int series, int pixelWidth, double xMin,
                                          double xMax) const
{
    if (!valid(series))
        return {};
    const QList<QPointF> &all = smoothed(series);
    const QPointF lo(xMin, 0), hi(xMax, 0);
    qsizetype from = std::lower_bound(all.cbegin(), all.cend(), lo, lessX) - all.cbegin();
    qsizetype to = std::upper_bound(all.cbegin(), all.cend(), hi, lessX) - all.cbegin();
    from = std::max<qsizetype>(0, from - 1);
    to = std::min(all.size(), to + 1);
    if (from >= to)
        return {};
    const int budget = std::max(2 * pixelWidth, 3);
    const QList<QPointF> part = all.mid(from, to - from);
    return keepGaps(part, SeriesMath::downsample(part, budget), budget);
}

qsizetype ChartSeries::droppedNonPositive(int series) const
{
    if (!valid(series))
        return 0;
    prepared(series);
    return m_series[series].nonPositive;
}

qsizetype ChartSeries::droppedNonPositive() const
{
    qsizetype total = 0;
    for (int i = 0; i < count(); ++i)
        total += droppedNonPositive(i);
    return total;
}

qsizetype ChartSeries::droppedNonFinite(int series) const
{
    if (!valid(series))
        return 0;
    prepared(series);
    return m_series[series].nonFinite;
}

std::optional<QRectF> ChartSeries::bounds() const
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    double x0 = inf, x1 = -inf, y0 = inf, y1 = -inf;
    for (int i = 0; i < count(); ++i) {
        const Series &s = m_series[i];
        const QList<QPointF> &pts = smoothed(i);
        if (pts.isEmpty())
            continue;
        if (!s.boundsValid) {
            double ylo = inf, yhi = -inf;
            for (const QPointF &p : pts) {
                if (!std::isfinite(p.y()))
                    continue; // a break, drawn at the x axis
                ylo = std::min(ylo, p.y());
                yhi = std::max(yhi, p.y());
            }
            if (ylo > yhi) // only breaks: an axis around zero (or one on a log scale)
                ylo = yhi = m_logScale ? 1.0 : 0.0;
            // Sorted by x: the ends are the extremes.
            s.bounds =
                QRectF(QPointF(pts.constFirst().x(), ylo), QPointF(pts.constLast().x(), yhi));
            s.boundsValid = true;
        }
        x0 = std::min(x0, s.bounds.left());
        x1 = std::max(x1, s.bounds.right());
        y0 = std::min(y0, s.bounds.top());
        y1 = std::max(y1, s.bounds.bottom());
    }
    if (x0 > x1)
        return std::nullopt;
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

QString ChartSeries::toCsv() const
{
    QString out = u"series,key,step,ts,value,smoothed\n"_s;
    for (const Series &s : m_series) {
        // The drawn value of each raw point: the same pipeline as the chart, keeping where each
        // drawn point came from.
        struct Drawn
        {
            QPointF point;
            qsizetype index;
        };
        std::vector<Drawn> drawn;
        drawn.reserve(size_t(s.points.size()));
        for (qsizetype i = 0; i < s.points.size(); ++i) {
            const double y = s.points.at(i).value;
            if (!std::isfinite(y) || (m_logScale && !(y > 0)))
                continue;
            drawn.push_back({QPointF(xOf(s, i), y), i});
        }
        std::stable_sort(drawn.begin(), drawn.end(),
                         [](const Drawn &a, const Drawn &b) { return a.point.x() < b.point.x(); });
        QList<QPointF> pts;
        pts.reserve(qsizetype(drawn.size()));
        for (const Drawn &d : drawn)
            pts.append(d.point);
        pts = SeriesMath::smoothEma(pts, m_smoothing);
        QList<std::optional<double>> smoothedOf(s.points.size());
        for (size_t k = 0; k < drawn.size(); ++k)
            smoothedOf[drawn[k].index] = pts.at(qsizetype(k)).y();

        const QString label = csvField(s.label);
        const QString key = csvField(s.key);
        for (qsizetype i = 0; i < s.points.size(); ++i) {
            const MetricPoint &p = s.points.at(i);
            out += label + u',' + key + u',' + (p.step ? QString::number(*p.step) : QString()) +
                   u',' + number(p.ts) + u',' + number(p.value) + u',' +
                   (smoothedOf.at(i) ? number(*smoothedOf.at(i)) : QString()) + u'\n';
        }
    }
    return out;
}

void ChartSeries::invalidateAll()
{
    for (const Series &s : m_series) {
        s.preparedValid = false;
        s.smoothedValid = false;
        s.boundsValid = false;
        s.prepared.clear();
        s.smoothed.clear();
    }
    bump();
}

void ChartSeries::bump()
{
    ++m_revision;
}

} // namespace atelier
