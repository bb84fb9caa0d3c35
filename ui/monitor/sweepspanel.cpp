#include "monitor/sweepspanel.h"

#include "monitor/parallelcoordinateschart.h"

#include "common/background.h"
#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "sweeps/parallelcoordinates.h"
#include "sweeps/sweepstore.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

struct Loaded
{
    QString sweep;
    QJsonObject summary;
    QString problem;
};

QString valueText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 6);
    if (value.isString())
        return value.toString();
    return u"–"_s;
}

} // namespace

SweepsPanel::SweepsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"sweeps"_s);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_sweep = new QComboBox(this);
    m_sweep->setObjectName(u"sweepChoice"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"sweepSummary"_s);
    m_summary->setWordWrap(true);
    top->addWidget(new QLabel(tr("Sweep:"), this));
    top->addWidget(m_sweep, 1);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    auto *actions = new QHBoxLayout;
    m_openBest = new QPushButton(tr("Open best run"), this);
    m_openBest->setObjectName(u"openBestRun"_s);
    m_openBest->setToolTip(tr("Show the run of the best trial in the Runs tab."));
    m_registerBest = new QPushButton(tr("Register best model…"), this);
    m_registerBest->setObjectName(u"registerBestModel"_s);
    m_registerBest->setToolTip(
        tr("Register the model output of the best trial's run in the model registry."));
    m_actionResult = new QLabel(this);
    m_actionResult->setObjectName(u"sweepActionResult"_s);
    m_actionResult->setWordWrap(true);
    actions->addWidget(m_openBest);
    actions->addWidget(m_registerBest);
    actions->addWidget(m_actionResult, 1);
    layout->addLayout(actions);
    m_openBest->setEnabled(false);
    m_registerBest->setEnabled(false);
    connect(m_openBest, &QPushButton::clicked, this, [this] {
        if (!m_bestRun.isEmpty())
            Q_EMIT openRun(m_bestRun);
    });
    connect(m_registerBest, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Register the best model"),
            tr("Register the model of run %1 as a new version of:").arg(m_bestRun),
            QLineEdit::Normal, currentSweep(), &ok);
        if (ok && !name.trimmed().isEmpty())
            registerBest(name.trimmed());
    });
    connect(this, &SweepsPanel::modelRegistered, m_actionResult, [this](const QString &reference) {
        m_actionResult->setText(tr("Registered %1.").arg(reference));
    });
    connect(this, &SweepsPanel::registerFailed, m_actionResult,
            [this](const QString &message) { m_actionResult->setText(message); });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_trials = new QTableWidget(0, 6, splitter);
    m_trials->setObjectName(u"sweepTrials"_s);
    m_trials->setHorizontalHeaderLabels(
        {tr("Trial"), tr("State"), tr("Objective"), tr("Duration"), tr("Run"), tr("Parameters")});
    m_trials->verticalHeader()->hide();
    m_trials->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_trials->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_trials->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_trials->horizontalHeader()->setStretchLastSection(true);
    m_trials->setToolTip(tr("Double-click a trial to open its run."));

    m_chart = new QChart;
    m_chart->setTitle(tr("Objective per trial"));
    m_values = new QScatterSeries(m_chart);
    m_values->setName(tr("trial"));
    m_values->setMarkerSize(8);
    m_best = new QLineSeries(m_chart);
    m_best->setName(tr("best so far"));
    m_chart->addSeries(m_values);
    m_chart->addSeries(m_best);
    auto *x = new QValueAxis(m_chart);
    x->setTitleText(tr("trial"));
    x->setLabelFormat(u"%.0f"_s);
    auto *y = new QValueAxis(m_chart);
    y->setTitleText(tr("objective"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_values), static_cast<QAbstractSeries *>(m_best)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    // One chart at a time: at 1024 pixels side by side neither could be read.
    auto *charts = new QTabWidget(splitter);
    charts->setObjectName(u"sweepCharts"_s);
    charts->setDocumentMode(true);
    auto *view = new QChartView(m_chart, charts);
    view->setObjectName(u"sweepChart"_s);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    m_parallel = new ParallelCoordinatesChart(charts);
    charts->addTab(m_parallel, tr("Parameters"));
    charts->addTab(view, tr("Objective per trial"));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_sweep, &QComboBox::currentIndexChanged, this, &SweepsPanel::reload);
    connect(m_trials, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        const QString runId = m_trials->item(row, 4) ? m_trials->item(row, 4)->text() : QString();
        if (!runId.isEmpty() && runId != u"–"_s)
            Q_EMIT openRun(runId);
    });
}

SweepsPanel::~SweepsPanel() = default;

QString SweepsPanel::currentSweep() const
{
    return m_sweep->currentText();
}

void SweepsPanel::setWorkspace(const QString &workspaceRoot)
{
    const QStringList names = SweepStore(workspaceRoot).list(); // a folder listing: cheap
    QStringList shown;
    for (int i = 0; i < m_sweep->count(); ++i)
        shown.append(m_sweep->itemText(i));
    if (workspaceRoot == m_root && names == shown)
        return;
    m_root = workspaceRoot;
    const QString keep = m_sweep->currentText();
    const QSignalBlocker blocker(m_sweep);
    m_sweep->clear();
    m_sweep->addItems(names);
    m_sweep->setCurrentIndex(std::max(0, int(names.indexOf(keep))));
    if (names.isEmpty())
        m_summary->setText(tr("No sweeps yet. Start one with 'atelier sweep run PIPELINE "
                              "--param NODE.PARAM=SPEC --objective NODE.METRIC'."));
    if (isVisible()) // else when its tab is shown: reading a study starts Python
        reload();
}

void SweepsPanel::reload()
{
    const QString sweep = m_sweep->currentText();
    if (m_root.isEmpty() || sweep.isEmpty() || m_loading)
        return;
    m_loading = true;
    m_summary->setText(tr("Reading the study of %1…").arg(sweep));
    runInBackground(
        this,
        [root = m_root, sweep]() {
            Loaded result{sweep, {}, {}};
            auto summary = SweepStore(root).loadSummary(sweep);
            if (summary)
                result.summary = summary.value();
            else
                result.problem = summary.error().message;
            return result;
        },
        [this](const Loaded &result) {
            m_loading = false;
            display(result.sweep, result.summary, result.problem);
            if (m_sweep->currentText() != result.sweep)
                reload(); // the choice changed while this one was read
        });
}

void SweepsPanel::display(const QString &sweep, const QJsonObject &summary, const QString &problem)
{
    const SweepStatus status = SweepStore(m_root).status(sweep);
    const QJsonArray trials = summary.value(u"trials"_s).toArray();
    const QJsonObject best = summary.value(u"best"_s).toObject();
    QString text =
        problem.isEmpty()
            ? tr("%1 — %n trials, %2", nullptr, int(trials.size())).arg(sweep, status.state)
            : problem;
    if (!best.isEmpty())
        text += u"; "_s + tr("best: trial %1, %2")
                              .arg(best.value(u"number"_s).toInt())
                              .arg(valueText(best.value(u"value"_s)));
    const QJsonObject importances = summary.value(u"importances"_s).toObject();
    if (!importances.isEmpty()) {
        QStringList parts;
        for (auto it = importances.begin(); it != importances.end(); ++it)
            parts.append(u"%1 %2%"_s.arg(it.key()).arg(it.value().toDouble() * 100, 0, 'f', 0));
        text += u"\n"_s + tr("Parameter importances: %1").arg(parts.join(u", "_s));
    }
    m_summary->setText(text);

    m_trials->setRowCount(int(trials.size()));
    QList<QPointF> values;
    for (int row = 0; row < trials.size(); ++row) {
        const QJsonObject trial = trials[row].toObject();
        QStringList params;
        const QJsonObject p = trial.value(u"params"_s).toObject();
        for (auto it = p.begin(); it != p.end(); ++it)
            params.append(it.key() + u'=' + valueText(it.value()));
        const QJsonValue duration = trial.value(u"duration_s"_s);
        const QStringList cells{QString::number(trial.value(u"number"_s).toInt()),
                                trial.value(u"state"_s).toString(),
                                valueText(trial.value(u"value"_s)),
                                duration.isDouble() ? tr("%1 s").arg(duration.toDouble(), 0, 'f', 1)
                                                    : u"–"_s,
                                valueText(trial.value(u"run"_s)),
                                params.join(u"  "_s)};
        for (int column = 0; column < cells.size(); ++column)
            m_trials->setItem(row, column, new QTableWidgetItem(cells[column]));
        if (trial.value(u"state"_s).toString() == u"complete"_s &&
            trial.value(u"value"_s).isDouble())
            values.append(
                QPointF(trial.value(u"number"_s).toInt(), trial.value(u"value"_s).toDouble()));
    }
    m_trials->resizeColumnsToContents();
    m_parallel->setData(ParallelCoordinates::fromSummary(summary));
    m_bestRun = best.value(u"run"_s).toString();
    m_openBest->setEnabled(!m_bestRun.isEmpty());
    m_registerBest->setEnabled(!m_bestRun.isEmpty());
    m_actionResult->clear();

    QList<QPointF> bestLine;
    for (const auto &[number, value] : SweepStore::bestSoFar(summary))
        bestLine.append(QPointF(number, value));
    m_values->replace(values);
    m_best->replace(bestLine);
    if (!values.isEmpty()) {
        double low = values.constFirst().y(), high = low;
        for (const QPointF &point : std::as_const(values)) {
            low = std::min(low, point.y());
            high = std::max(high, point.y());
        }
        const double pad = std::max(1e-9, (high - low) * 0.05);
        auto *y = static_cast<QValueAxis *>(m_chart->axes(Qt::Vertical).constFirst());
        y->setRange(low - pad, high + pad);
        y->applyNiceNumbers();
        m_chart->axes(Qt::Horizontal)
            .constFirst()
            ->setRange(0, std::max(1.0, double(trials.size() - 1)));
    }
    Q_EMIT loaded(sweep);
}

void SweepsPanel::registerBest(const QString &modelName)
{
    if (m_bestRun.isEmpty() || m_root.isEmpty())
        return;
    m_registerBest->setEnabled(false);
    m_actionResult->setText(tr("Registering the model of run %1…").arg(m_bestRun));
    ModelRegisterOptions options;
    options.name = modelName;
    options.runId = m_bestRun;
    options.description = tr("Best trial of sweep %1").arg(currentSweep());
    // The registry's own path from a run, as `atelier model register --run` takes it.
    const auto work = [root = m_root, options]() -> Result<QString> {
        auto workspace = Workspace::open(root);
        if (!workspace)
            return workspace.error();
        auto registered =
            ModelRegistry(workspace->catalog(), workspace->root()).registerFromRun(options);
        if (!registered)
            return registered.error();
        return u"%1:%2"_s.arg(registered->model).arg(registered->version);
    };
    runInBackground(this, work, [this](const Result<QString> &result) {
        m_registerBest->setEnabled(!m_bestRun.isEmpty());
        if (result)
            Q_EMIT modelRegistered(result.value());
        else
            Q_EMIT registerFailed(result.error().message);
    });
}

} // namespace atelier
