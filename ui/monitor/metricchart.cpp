#include "monitor/metricchart.h"

#include "runs/chartseries.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int SliderSteps = 100; // the slider shows weights 0.00 … 0.99

// Tableau 10: distinct on white, and for the common colour blindnesses as far as ten colours go.
constexpr QRgb Palette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                            0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

double axisMin(const QAbstractAxis *axis)
{
    if (const auto *dt = qobject_cast<const QDateTimeAxis *>(axis))
        return double(dt->min().toMSecsSinceEpoch());
    if (const auto *v = qobject_cast<const QValueAxis *>(axis))
        return v->min();
    if (const auto *l = qobject_cast<const QLogValueAxis *>(axis))
        return l->min();
    return 0;
}

double axisMax(const QAbstractAxis *axis)
{
    if (const auto *dt = qobject_cast<const QDateTimeAxis *>(axis))
        return double(dt->max().toMSecsSinceEpoch());
    if (const auto *v = qobject_cast<const QValueAxis *>(axis))
        return v->max();
    if (const auto *l = qobject_cast<const QLogValueAxis *>(axis))
        return l->max();
    return 0;
}

void setAxisRange(QAbstractAxis *axis, double lo, double hi)
{
    if (auto *dt = qobject_cast<QDateTimeAxis *>(axis))
        dt->setRange(QDateTime::fromMSecsSinceEpoch(qint64(std::floor(lo)), Qt::UTC),
                     QDateTime::fromMSecsSinceEpoch(qint64(std::ceil(hi)), Qt::UTC));
    else
        axis->setRange(lo, hi);
}

QValueAxis *newValueAxis()
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(u"%g"_s);
    return axis;
}

// Widens \a axis' range [lo, hi] to multiples of a round step (1, 2 or 5 × 10^k, at least
// \a minStep) giving about \a ticks ticks, and puts a tick on each multiple, labelled with as
// many decimals as the step needs (0.2, 0.4 — not 0.200000 or 0.565681). Fixed ticks: QtCharts
// 6.4 lays dynamic ones out only at the next resize.
void setRoundRange(QValueAxis *axis, double lo, double hi, double ticks, double minStep = 0)
{
    const double span = hi - lo;
    if (!(span > 0) || !std::isfinite(span)) {
        axis->setLabelFormat(u"%g"_s);
        axis->setRange(lo, hi);
        return;
    }
    const double raw = span / std::max(ticks, 2.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double step = std::max((norm < 1.5 ? 1
                                  : norm < 3 ? 2
                                  : norm < 7 ? 5
                                             : 10) *
                                     magnitude,
                                 minStep);
    const double largest = std::max(std::abs(lo), std::abs(hi));
    if (step >= 1e-6 && largest < 1e9) {
        const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
        axis->setLabelFormat(u"%.%1f"_s.arg(decimals));
    } else {
        axis->setLabelFormat(u"%.3g"_s);
    }
    const double from = std::floor(lo / step) * step;
    const double to = std::ceil(hi / step) * step;
    // The count first: a new range lays the labels out at once, a new count only on the
    // layout's next pass.
    axis->setTickCount(int(std::lround((to - from) / step)) + 1);
    axis->setRange(from, to);
}

// Axis units to chart coordinates in \a plot, as QtCharts maps its series: linear, or linear in
// log10 of y on a log axis.
class Mapping
{
public:
    Mapping(const QRectF &plot, const QAbstractAxis *x, const QAbstractAxis *y)
        : m_left(plot.left()), m_bottom(plot.bottom()), m_x0(axisMin(x)),
          m_logY(qobject_cast<const QLogValueAxis *>(y) != nullptr)
    {
        const double x1 = axisMax(x);
        double y0 = axisMin(y), y1 = axisMax(y);
        if (m_logY) {
            y0 = std::log10(y0);
            y1 = std::log10(y1);
        }
        m_y0 = y0;
        m_sx = x1 > m_x0 ? plot.width() / (x1 - m_x0) : 0;
        m_sy = y1 > y0 ? plot.height() / (y1 - y0) : 0;
    }

    double x(double value) const { return m_left + (value - m_x0) * m_sx; }

    QPointF operator()(const QPointF &p) const
    {
        const double y = m_logY ? std::log10(p.y()) : p.y();
        return QPointF(m_left + (p.x() - m_x0) * m_sx, m_bottom - (y - m_y0) * m_sy);
    }

private:
    double m_left, m_bottom, m_x0, m_y0 = 0, m_sx = 0, m_sy = 0;
    bool m_logY;
};

} // namespace

/// The chart view with wheel zoom, drag pan and double-click reset; rubber band zoom is
/// QChartView's own. Tells the chart after each so it fetches the detail of the new range.
class MetricChartView final : public QChartView
{
public:
    MetricChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
    {
        setRubberBand(QChartView::RectangleRubberBand);
        setRenderHint(QPainter::Antialiasing);
        setMouseTracking(true);
    }

    std::function<void()> onZoomed;
    std::function<void()> onReset;
    /// The mouse moved to a point in the viewport without a button down; left it with a null
    /// point.
    std::function<void(const QPointF &)> onHover;

protected:
    bool viewportEvent(QEvent *event) override
    {
        if (event->type() == QEvent::Leave && onHover)
            onHover(QPointF());
        return QChartView::viewportEvent(event);
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps == 0) {
            event->ignore();
            return;
        }
        // Zoom about the cursor: the point under it stays where it is.
        const QRectF plot = chart()->plotArea();
        const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
        const double factor = std::pow(0.8, steps);
        const QRectF rect(at.x() - (at.x() - plot.left()) * factor,
                          at.y() - (at.y() - plot.top()) * factor, plot.width() * factor,
                          plot.height() * factor);
        chart()->zoomIn(rect);
        event->accept();
        if (onZoomed)
            onZoomed();
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
            m_panFrom = event->position();
            m_panning = true;
            setCursor(Qt::ClosedHandCursor);
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (m_panning) {
            const QPointF delta = event->position() - m_panFrom;
            m_panFrom = event->position();
            chart()->scroll(-delta.x(), delta.y());
            event->accept();
            return;
        }
        QChartView::mouseMoveEvent(event);
        if (onHover)
            onHover(event->buttons() == Qt::NoButton ? event->position() : QPointF());
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (m_panning &&
            (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton)) {
            m_panning = false;
            unsetCursor();
            event->accept();
            if (onZoomed)
                onZoomed();
            return;
        }
        const bool band = event->button() == Qt::LeftButton && rubberBand() != NoRubberBand;
        QChartView::mouseReleaseEvent(event);
        if (band && onZoomed)
            onZoomed();
    }

    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && onReset) {
            onReset();
            event->accept();
            return;
        }
        QChartView::mouseDoubleClickEvent(event);
    }

private:
    QPointF m_panFrom;
    bool m_panning = false;
};

/// Paints every line, clipped to the plot area, over the chart's grid: each a polyline mapped
/// from axis units to pixels as the chart maps its own series (linear or log axes).
class MetricChart::PlotItem final : public QGraphicsItem
{
public:
    PlotItem(MetricChart *owner, QGraphicsItem *parent) : QGraphicsItem(parent), m_owner(owner)
    {
        setAcceptedMouseButtons(Qt::NoButton);
        setAcceptHoverEvents(false);
        // Over the grid and the chart's own (empty) series, under the legend.
        setZValue(4.5);
    }

    void plotChanged()
    {
        prepareGeometryChange();
        update();
    }

    QRectF boundingRect() const override { return m_owner->m_chart->plotArea(); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QRectF plot = m_owner->m_chart->plotArea();
        if (plot.isEmpty() || !m_owner->m_axisX || !m_owner->m_axisY)
            return;
        const Mapping map(plot, m_owner->m_axisX, m_owner->m_axisY);
        painter->save();
        painter->setClipRect(plot);
        // A few lines: anti-aliased, 1.5 px, drawn as separate segments (the raster engine
        // strokes a wide polyline as one path, tens of times slower). Many lines overlap
        // anyway: aliased one-pixel polylines, the raster engine's fastest.
        const bool many = m_owner->m_lines.size() > 4;
        painter->setRenderHint(QPainter::Antialiasing, !many);
        QPolygonF polygon;
        QList<QLineF> segments;
        // A line is drawn in pieces between its breaks (NaN or infinite values). A piece of one
        // point is a dot big enough to see (a metric reported once: accuracy, f1).
        const auto drawPiece = [&] {
            if (polygon.size() == 1) {
                painter->save();
                painter->setRenderHint(QPainter::Antialiasing, true);
                painter->setBrush(painter->pen().color());
                painter->drawEllipse(polygon.constFirst(), 4.0, 4.0);
                painter->restore();
            } else if (many) {
                painter->drawPolyline(polygon);
            } else if (polygon.size() > 1) {
                segments.resize(polygon.size() - 1);
                for (qsizetype i = 1; i < polygon.size(); ++i)
                    segments[i - 1] = QLineF(polygon.at(i - 1), polygon.at(i));
                painter->drawLines(segments);
            }
            polygon.clear();
        };
        for (const Line &line : std::as_const(m_owner->m_lines)) {
            if (line.points.isEmpty())
                continue;
            QPen pen(line.color, many ? 1.0 : 1.5);
            pen.setCosmetic(true);
            painter->setPen(pen);
            polygon.reserve(line.points.size());
            for (const QPointF &p : line.points) {
                if (std::isfinite(p.y()))
                    polygon.append(map(p));
                else
                    drawPiece();
            }
            drawPiece();
            // A few points: each marked, so the points stand out from the lines joining them.
            if (line.points.size() <= 30) {
                painter->save();
                painter->setRenderHint(QPainter::Antialiasing, true);
                painter->setBrush(line.color);
                for (const QPointF &p : line.points) {
                    if (std::isfinite(p.y()))
                        painter->drawEllipse(map(p), 2.5, 2.5);
                }
                painter->restore();
            }
        }
        // Each break: a red × on the x axis, where the value stopped being a number.
        QPen cross(QColor(0xd0, 0x1c, 0x1c), 2.0);
        cross.setCosmetic(true);
        painter->setPen(cross);
        painter->setRenderHint(QPainter::Antialiasing, false);
        constexpr double Arm = 4;
        const double y = plot.bottom() - Arm - 2;
        for (const Line &line : std::as_const(m_owner->m_lines)) {
            for (const double x : line.breaks) {
                const double px = map.x(x);
                painter->drawLine(QLineF(px - Arm, y - Arm, px + Arm, y + Arm));
                painter->drawLine(QLineF(px - Arm, y + Arm, px + Arm, y - Arm));
            }
        }
        painter->restore();
    }

private:
    MetricChart *m_owner;
};

MetricChart::MetricChart(ChartSeries *model, QWidget *parent)
    : QWidget(parent), m_model(model ? model : new ChartSeries(this))
{
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new MetricChartView(m_chart, this);
    // Below this QtCharts elides the axis labels and title to "…": the values are gone.
    m_view->setMinimumHeight(200);
    m_view->onZoomed = [this] { userZoomed(); };
    m_view->onReset = [this] { resetZoom(); };
    m_view->onHover = [this](const QPointF &at) { hoverAt(at); };
    m_plotItem = new PlotItem(this, m_chart);

    m_xMode = new QComboBox(this);
    m_xMode->setObjectName(u"xMode"_s);
    m_xMode->addItem(tr("Step"), int(ChartSeries::XMode::Step));
    m_xMode->addItem(tr("Wall time"), int(ChartSeries::XMode::WallTime));
    m_xMode->addItem(tr("Relative time (s)"), int(ChartSeries::XMode::RelativeSeconds));
    auto *xLabel = new QLabel(tr("&X axis:"), this);
    xLabel->setBuddy(m_xMode);

    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setObjectName(u"smoothing"_s);
    m_smoothing->setRange(0, SliderSteps - 1);
    m_smoothing->setPageStep(10);
    m_smoothing->setMaximumWidth(160);
    m_smoothing->setMinimumWidth(80); // a slider squeezed to its handle cannot be used
    m_smoothing->setToolTip(tr("Exponential moving average weight: 0 shows the raw values"));
    auto *smoothingLabel = new QLabel(tr("&Smoothing:"), this);
    smoothingLabel->setBuddy(m_smoothing);
    m_smoothingValue = new QLabel(this);
    m_smoothingValue->setObjectName(u"smoothingValue"_s);
    m_smoothingValue->setMinimumWidth(m_smoothingValue->fontMetrics().horizontalAdvance(u"0.00"_s));

    m_logScale = new QCheckBox(tr("&Log scale"), this);
    m_logScale->setObjectName(u"logScale"_s);

    m_export = new QToolButton(this);
    m_export->setObjectName(u"export"_s);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    m_exportPng = exportMenu->addAction(tr("Export &PNG…"));
    m_exportPng->setObjectName(u"exportPng"_s);
    m_exportCsv = exportMenu->addAction(tr("Export &CSV…"));
    m_exportCsv->setObjectName(u"exportCsv"_s);
    m_export->setMenu(exportMenu);

    m_note = new QLabel(this);
    m_note->setObjectName(u"note"_s);
    m_note->setWordWrap(true);
    m_note->hide();

    // A tooltip-like label over the plot; QToolTip would leave nothing for a test to read.
    m_hover = new QLabel(m_view->viewport());
    m_hover->setObjectName(u"hover"_s);
    m_hover->setAutoFillBackground(true);
    m_hover->setBackgroundRole(QPalette::ToolTipBase);
    m_hover->setForegroundRole(QPalette::ToolTipText);
    m_hover->setFrameShape(QFrame::Box);
    m_hover->setMargin(3);
    m_hover->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hover->hide();

    auto *controls = new QHBoxLayout;
    controls->addWidget(xLabel);
    controls->addWidget(m_xMode);
    controls->addSpacing(12);
    controls->addWidget(smoothingLabel);
    controls->addWidget(m_smoothing);
    controls->addWidget(m_smoothingValue);
    controls->addSpacing(12);
    controls->addWidget(m_logScale);
    controls->addStretch(1);
    controls->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &MetricChart::refresh);

    connect(m_xMode, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setXMode(ChartSeries::XMode(m_xMode->currentData().toInt())); });
    connect(m_smoothing, &QSlider::valueChanged, this,
            [this](int value) { m_model->setSmoothing(double(value) / SliderSteps); });
    connect(m_logScale, &QCheckBox::toggled, this, [this](bool on) { m_model->setLogScale(on); });
    connect(m_exportPng, &QAction::triggered, this, &MetricChart::exportPngClicked);
    connect(m_exportCsv, &QAction::triggered, this, &MetricChart::exportCsvClicked);

    connect(m_model, &ChartSeries::structureChanged, this, [this] {
        rebuildLines();
        scheduleRefresh();
    });
    connect(m_model, &ChartSeries::optionsChanged, this, [this] {
        syncControls();
        rebuildAxes(); // a new x mode also ends the zoom: the old range means nothing now
        scheduleRefresh();
    });
    connect(m_model, &ChartSeries::pointsAppended, this, &MetricChart::scheduleRefresh);
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        m_plotItem->plotChanged();
        if (int(plot.width()) != m_fetchedWidth)
            scheduleRefresh();
    });

    syncControls();
    rebuildLines();
    refresh();
}

MetricChart::~MetricChart() = default;

QChartView *MetricChart::chartView() const
{
    return m_view;
}

QColor MetricChart::paletteColor(int index)
{
    constexpr int size = int(std::size(Palette));
    return QColor(Palette[((index % size) + size) % size]);
}

void MetricChart::syncControls()
{
    const QSignalBlocker b1(m_xMode), b2(m_smoothing), b3(m_logScale);
    m_xMode->setCurrentIndex(m_xMode->findData(int(m_model->xMode())));
    m_smoothing->setValue(int(std::lround(m_model->smoothing() * SliderSteps)));
    m_smoothingValue->setText(QString::number(m_model->smoothing(), 'f', 2));
    m_logScale->setChecked(m_model->logScale());
}

void MetricChart::rebuildLines()
{
    m_hover->hide();
    m_chart->removeAllSeries();
    m_legendSeries.clear();
    m_lines.clear();
    for (int i = 0; i < m_model->count(); ++i) {
        const Line line{m_model->label(i), paletteColor(m_model->colorIndex(i)), {}, {}};
        // Never given points: the legend's entry, and what QChart zooms and pans the axes by.
        auto *series = new QLineSeries(m_chart);
        series->setName(line.name);
        QPen pen(line.color);
        pen.setWidthF(1.5);
        series->setPen(pen);
        m_chart->addSeries(series);
        m_legendSeries.append(series);
        m_lines.append(line);
    }
    m_plotItem->update();
    m_axesMode = -1; // new lines need the axes attached
    rebuildAxes();
}

void MetricChart::rebuildAxes()
{
    const int mode = int(m_model->xMode()) * 2 + (m_model->logScale() ? 1 : 0);
    if (mode == m_axesMode && m_axisX)
        return;
    m_axesMode = mode;
    m_zoomed = false;
    m_rangeSet = QRectF();
    m_hover->hide();
    // Points drawn for the old axes may mean nothing on the new ones (negative values on a
    // log axis); refresh() fetches new ones.
    for (Line &line : m_lines)
        line.points.clear();
    m_plotItem->update();

    for (QAbstractAxis *axis : m_chart->axes()) {
        // Hidden first: QtCharts deletes an axis' grid and labels only later (deleteLater),
        // and until then they would still be drawn.
        axis->setVisible(false);
        m_chart->removeAxis(axis);
        delete axis;
    }

    if (m_model->xMode() == ChartSeries::XMode::WallTime) {
        auto *axis = new QDateTimeAxis;
        axis->setFormat(u"MM-dd HH:mm"_s);
        axis->setTitleText(tr("Time (UTC)"));
        m_axisX = axis;
    } else {
        auto *axis = newValueAxis();
        axis->setTitleText(m_model->xMode() == ChartSeries::XMode::Step ? tr("Step")
                                                                        : tr("Seconds"));
        m_axisX = axis;
    }
    if (m_model->logScale()) {
        auto *axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat(u"%g"_s);
        axis->setMinorTickCount(-1);
        m_axisY = axis;
    } else {
        m_axisY = newValueAxis();
    }
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QLineSeries *series : std::as_const(m_legendSeries)) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    // Zoom, pan and the ranges set by refresh() move the lines.
    const auto moved = [this] { m_plotItem->update(); };
    for (QAbstractAxis *axis : {m_axisX, m_axisY}) {
        if (auto *dt = qobject_cast<QDateTimeAxis *>(axis))
            connect(dt, &QDateTimeAxis::rangeChanged, this, moved);
        else if (auto *v = qobject_cast<QValueAxis *>(axis))
            connect(v, &QValueAxis::rangeChanged, this, moved);
        else if (auto *l = qobject_cast<QLogValueAxis *>(axis))
            connect(l, &QLogValueAxis::rangeChanged, this, moved);
    }
}

void MetricChart::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void MetricChart::refresh()
{
    m_refreshTimer->stop();
    rebuildAxes();
    int width = int(m_chart->plotArea().width());
    if (width <= 0)
        width = std::max(m_view->width(), 100);
    m_fetchedWidth = width;

    // Wall time is seconds in the model and milliseconds on a QDateTimeAxis.
    const bool wall = m_model->xMode() == ChartSeries::XMode::WallTime;
    const double scale = wall ? 1000.0 : 1.0;
    const double xMin = axisMin(m_axisX) / scale;
    const double xMax = axisMax(m_axisX) / scale;
    const int count = int(std::min<qsizetype>(m_lines.size(), m_model->count()));
    // Many lines overlap anyway: half the detail each keeps a live chart within a frame.
    // Extremes are kept either way.
    const int budget = count > 4 ? std::max(50, width / 2) : width;
    QList<QList<QPointF>> fetched(count);
    for (int i = 0; i < count; ++i) {
        fetched[i] = m_zoomed ? m_model->visiblePoints(i, budget, xMin, xMax)
                              : m_model->visiblePoints(i, budget);
        if (wall) {
            for (QPointF &p : fetched[i])
                p.setX(p.x() * scale);
        }
    }

    if (!m_zoomed) {
        double x0 = 0, x1 = 1, y0 = m_model->logScale() ? 0.1 : 0.0, y1 = 1;
        if (const std::optional<QRectF> bounds = m_model->bounds()) {
            x0 = bounds->left();
            x1 = bounds->right();
            if (x1 <= x0) { // one x: a whole step (or second) either side
                x0 -= 1;
                x1 += 1;
            }
            y0 = bounds->top();
            y1 = bounds->bottom();
            if (m_model->logScale()) {
                // A little room in log space; the model dropped everything <= 0.
                const double l0 = std::log10(y0), l1 = std::log10(y1);
                const double pad = l1 > l0 ? (l1 - l0) * 0.05 : 0.5;
                y0 = std::pow(10.0, l0 - pad);
                y1 = std::pow(10.0, l1 + pad);
            } else {
                const double pad = y1 > y0 ? (y1 - y0) * 0.05 : std::max(std::abs(y0) * 0.1, 0.5);
                y0 -= pad;
                y1 += pad;
            }
        }
        x0 *= scale;
        x1 *= scale;
        if (wall) {
            x0 = std::floor(x0);
            x1 = std::ceil(x1);
        }
        const QRectF target(QPointF(x0, y0), QPointF(x1, y1));
        const QSizeF plotSize = m_chart->plotArea().size();
        if (target != m_rangeSet || plotSize != m_rangePlot) {
            m_rangeSet = target;
            m_rangePlot = plotSize;
            // Round ticks (0, 250, 500 …) about every 120 px across and 60 px up.
            const QRectF plot = m_chart->plotArea();
            if (auto *x = qobject_cast<QValueAxis *>(m_axisX)) // steps are whole numbers
                setRoundRange(x, x0, x1, plot.width() / 120,
                              m_model->xMode() == ChartSeries::XMode::Step ? 1 : 0);
            else
                setAxisRange(m_axisX, x0, x1);
            if (auto *y = qobject_cast<QValueAxis *>(m_axisY))
                setRoundRange(y, y0, y1, plot.height() / 60);
            else
                setAxisRange(m_axisY, y0, y1);
            if (auto *dt = qobject_cast<QDateTimeAxis *>(m_axisX))
                dt->setFormat(x1 - x0 > 2 * 86400 * 1000.0 ? u"MM-dd HH:mm"_s : u"HH:mm:ss"_s);
        }
    }
    for (int i = 0; i < count; ++i) {
        Line &line = m_lines[i];
        line.points = std::move(fetched[i]);
        line.breaks.clear();
        for (const QPointF &p : std::as_const(line.points)) {
            if (!std::isfinite(p.y()))
                line.breaks.append(p.x());
        }
    }
    m_plotItem->update();
    updateNote();
    Q_EMIT refreshed();
}

void MetricChart::userZoomed()
{
    m_zoomed = true;
    m_rangeSet = QRectF();
    m_hover->hide();
    scheduleRefresh();
}

void MetricChart::resetZoom()
{
    m_zoomed = false;
    refresh();
}

QString MetricChart::hoverText() const
{
    return m_hover->isVisible() ? m_hover->text() : QString();
}

QString MetricChart::formatX(double x) const
{
    switch (m_model->xMode()) {
    case ChartSeries::XMode::Step:
        return tr("step %1").arg(QLocale().toString(qint64(std::llround(x))));
    case ChartSeries::XMode::WallTime:
        return QDateTime::fromMSecsSinceEpoch(qint64(x), Qt::UTC)
            .toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case ChartSeries::XMode::RelativeSeconds:
        return tr("%1 s").arg(QLocale().toString(x, 'g', 6));
    }
    return {};
}

void MetricChart::hoverAt(const QPointF &viewPos)
{
    const QRectF plot = m_chart->plotArea();
    const QPointF at = m_chart->mapFromScene(m_view->mapToScene(viewPos.toPoint()));
    if (viewPos.isNull() || !plot.contains(at) || !m_axisX || !m_axisY) {
        m_hover->hide();
        return;
    }
    // The line passing closest to the cursor, within a few pixels: its segments that start or
    // end near the cursor's x (lines are sorted by x).
    constexpr double Reach = 6;
    const Mapping map(plot, m_axisX, m_axisY);
    const Line *best = nullptr;
    double bestDistance = Reach;
    const double x0 = axisMin(m_axisX), x1 = axisMax(m_axisX);
    const double dataX = x0 + (at.x() - plot.left()) / plot.width() * (x1 - x0);
    const double reachX = Reach / plot.width() * (x1 - x0);
    const auto byX = [](const QPointF &a, double x) { return a.x() < x; };
    for (const Line &line : std::as_const(m_lines)) {
        const QList<QPointF> &points = line.points;
        if (points.isEmpty())
            continue;
        qsizetype from =
            std::lower_bound(points.cbegin(), points.cend(), dataX - reachX, byX) - points.cbegin();
        qsizetype to =
            std::lower_bound(points.cbegin(), points.cend(), dataX + reachX, byX) - points.cbegin();
        from = std::max<qsizetype>(from - 1, 0);
        to = std::min<qsizetype>(to, points.size() - 1);
        QPointF previous = map(points.at(from));
        for (qsizetype i = from; i <= to; ++i) {
            const QPointF a = previous;
            const QPointF b = map(points.at(i));
            previous = b;
            // Distance from the cursor to the segment a–b (a point when i == from).
            const QPointF ab = b - a;
            const double length2 = QPointF::dotProduct(ab, ab);
            const double t =
                length2 > 0 ? std::clamp(QPointF::dotProduct(at - a, ab) / length2, 0.0, 1.0) : 0;
            const QPointF d = at - (a + t * ab);
            const double distance = std::hypot(d.x(), d.y());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = &line;
            }
        }
    }
    if (!best) {
        m_hover->hide();
        return;
    }
    // The drawn point nearest to the cursor's x, not the point on the segment between two.
    const QList<QPointF> &points = best->points;
    auto it = std::lower_bound(points.cbegin(), points.cend(), dataX, byX);
    if (it == points.cend() || (it != points.cbegin() && dataX - (it - 1)->x() < it->x() - dataX))
        --it;
    const QPointF nearest = *it;
    const double y = nearest.y();
    const QString value = std::isnan(y)   ? tr("NaN (not a number)")
                          : std::isinf(y) ? (y > 0 ? tr("+infinity") : tr("-infinity"))
                                          : QLocale().toString(y, 'g', 6);
    m_hover->setText(tr("%1\n%2: %3").arg(best->name, formatX(nearest.x()), value));
    m_hover->adjustSize();
    // A break sits on the x axis, where its × is.
    const QPointF anchor =
        std::isfinite(y) ? map(nearest) : QPointF(map.x(nearest.x()), plot.bottom());
    QPoint pos =
        m_view->mapFromScene(m_chart->mapToScene(anchor)) + QPoint(10, -10 - m_hover->height());
    pos.setX(std::clamp(pos.x(), 0, std::max(0, m_view->viewport()->width() - m_hover->width())));
    pos.setY(std::clamp(pos.y(), 0, std::max(0, m_view->viewport()->height() - m_hover->height())));
    m_hover->move(pos);
    m_hover->show();
    m_hover->raise();
}

void MetricChart::updateNote()
{
    QStringList notes;
    const qsizetype nonPositive = m_model->droppedNonPositive();
    if (nonPositive > 0)
        notes.append(tr("%n point(s) at or below zero are not shown on the log scale.", nullptr,
                        int(std::min<qsizetype>(nonPositive, INT_MAX))));
    qsizetype nonFinite = 0;
    for (int i = 0; i < m_model->count(); ++i)
        nonFinite += m_model->droppedNonFinite(i);
    if (nonFinite > 0)
        notes.append(tr("%n point(s) are NaN or infinite: the line breaks there, marked × on "
                        "the x axis.",
                        nullptr, int(std::min<qsizetype>(nonFinite, INT_MAX))));
    m_note->setText(notes.join(u' '));
    m_note->setVisible(!notes.isEmpty());
}

bool MetricChart::exportPng(const QString &path)
{
    if (m_refreshTimer->isActive())
        refresh();
    const QPixmap pixmap = m_view->grab();
    return !pixmap.isNull() && pixmap.save(path, "PNG");
}

bool MetricChart::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(m_model->toCsv().toUtf8());
    return file.commit();
}

void MetricChart::exportPngClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart as PNG"),
                                                      tr("chart.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportPng(path))
        QMessageBox::warning(this, tr("Export Chart"),
                             tr("Could not write %1. Check that the folder exists and that you "
                                "may write to it, then try again.")
                                 .arg(path));
}

void MetricChart::exportCsvClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart Data as CSV"),
                                                      tr("metrics.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!exportCsv(path))
        QMessageBox::warning(this, tr("Export Chart Data"),
                             tr("Could not write %1. Check that the folder exists and that you "
                                "may write to it, then try again.")
                                 .arg(path));
}

} // namespace atelier
