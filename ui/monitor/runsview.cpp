#include "monitor/runsview.h"

#include "common/background.h"
#include "core/workspace.h"
#include "monitor/metricchart.h"
#include "monitor/outputopener.h"
#include "monitor/sweepspanel.h"
#include "monitor/tasktimeline.h"
#include "runs/chartseries.h"
#include "runs/runcomparison.h"
#include "shell/workspacesnapshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qint64 kLogPage = 256 * 1024;

QString durationText(const RunRecord &run)
{
    if (const std::optional<qint64> ms = run.durationMs())
        return RunsView::tr("%1 s").arg(double(*ms) / 1000.0, 0, 'f', 1);
    return run.source == u"mlflow"_s && run.startedAt.isValid() && !run.finishedAt.isValid()
               ? RunsView::tr("unknown (not ended when imported)")
               : QString();
}

QTableWidget *makeTable(QWidget *parent, const QStringList &headers)
{
    auto *table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSortingEnabled(true);
    table->horizontalHeader()->setStretchLastSection(true);
    // Names (split.test_fraction, val/accuracy) are read whole; the last column takes the rest.
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    return table;
}

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

// A comparable signature of what the list shows of a run: a reload that changes none of it
// leaves the list (and the user's selection and scroll) alone.
QString listed(const RunRecord &run)
{
    return run.id + u'|' + run.state + u'|' + run.experiment + u'|' + run.runName + u'|' +
           run.startedAt.toString(Qt::ISODate);
}

} // namespace

RunsView::RunsView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"runs"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 22);
    auto *title = new QLabel(tr("Runs"), this);
    title->setObjectName(u"pageTitle"_s);
    auto *subtitle = new QLabel(tr("Every execution of a pipeline, with its logs, metrics and "
                                   "the version it ran."),
                                this);
    subtitle->setObjectName(u"pageSubtitle"_s);
    layout->addWidget(title);
    layout->addWidget(subtitle);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"runSearch"_s);
    m_search->setPlaceholderText(tr("Search runs…"));
    m_search->setClearButtonEnabled(true);
    m_state = new QComboBox(this);
    m_state->setObjectName(u"runStateFilter"_s);
    m_state->addItem(tr("All states"), QString());
    for (const QString &state :
         {u"running"_s, u"succeeded"_s, u"failed"_s, u"stopped"_s, u"pending"_s})
        m_state->addItem(WorkspaceSnapshot::runStateText(state), state);
    m_pipeline = new QComboBox(this);
    m_pipeline->setObjectName(u"runPipelineFilter"_s);
    m_date = new QComboBox(this);
    m_date->setObjectName(u"runDateFilter"_s);
    m_date->addItem(tr("Any time"), 0);
    m_date->addItem(tr("Last 24 hours"), 1);
    m_date->addItem(tr("Last 7 days"), 7);
    m_date->addItem(tr("Last 30 days"), 30);
    filters->addWidget(m_search, 2);
    filters->addWidget(m_pipeline, 1);
    filters->addWidget(m_state, 1);
    filters->addWidget(m_date, 1);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(this);
    m_list = new QTreeWidget(splitter);
    m_list->setObjectName(u"runList"_s);
    m_list->setHeaderLabels({tr("Run"), tr("State"), tr("Started")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(u"runTabs"_s);
    m_tabs->addTab(buildOverview(), tr("Overview"));
    m_tabs->addTab(buildMetrics(), tr("Metrics"));
    m_tabs->addTab(buildLogs(), tr("Logs"));
    m_tabs->addTab(buildArtifacts(), tr("Artifacts"));
    m_tabs->addTab(buildCompare(), tr("Compare"));
    m_sweeps = new SweepsPanel(this);
    m_tabs->addTab(m_sweeps, tr("Sweeps"));
    connect(m_sweeps, &SweepsPanel::openRun, this, [this](const QString &runId) {
        showRun(runId);
        m_tabs->setCurrentIndex(0);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_sweeps)
            m_sweeps->reload();
    });
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({430, 800});
    // At 1024 pixels the tabs must give way, not the list: names and states stay readable.
    m_list->setMinimumWidth(300);
    splitter->setChildrenCollapsible(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(splitter, 1);

    m_listRefresh = new QTimer(this);
    m_listRefresh->setInterval(3000);
    connect(m_listRefresh, &QTimer::timeout, this, &RunsView::reloadRuns);
    m_refresh = new QTimer(this);
    m_refresh->setInterval(2000);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        loadDetail();
        if (m_follow->isChecked())
            loadLog(-1);
    });
    connect(m_search, &QLineEdit::textChanged, this, &RunsView::applyFilters);
    connect(m_state, &QComboBox::currentIndexChanged, this, &RunsView::applyFilters);
    connect(m_pipeline, &QComboBox::currentIndexChanged, this, &RunsView::applyFilters);
    connect(m_date, &QComboBox::currentIndexChanged, this, &RunsView::applyFilters);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showRun(item->data(0, Qt::UserRole).toString());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RunsView::loadChart);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RunsView::loadComparison);
}

RunsView::~RunsView() = default;

void RunsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_root.isEmpty())
        reloadRuns();
    m_listRefresh->start();
}

void RunsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_listRefresh->stop();
}

void RunsView::reloadRuns()
{
    if (m_loadingRuns || m_root.isEmpty())
        return;
    m_loadingRuns = true;
    const QString root = m_root;
    // As many as the workspace snapshot lists.
    runInBackground(
        this,
        [root]() -> Result<QList<RunRecord>> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            return RunStore(workspace->catalog()).runs(100);
        },
        [this, root](const Result<QList<RunRecord>> &runs) {
            m_loadingRuns = false;
            if (!runs || root != m_root)
                return;
            QStringList before, after;
            for (const RunRecord &run : std::as_const(m_runs))
                before.append(listed(run));
            for (const RunRecord &run : runs.value())
                after.append(listed(run));
            if (before != after)
                setRuns(m_root, runs.value());
            Q_EMIT runsReloaded();
        });
}

QWidget *RunsView::buildOverview()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(u"runSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline = new TaskTimeline(page);
    m_params = makeTable(page, {tr("Parameter"), tr("Value")});
    m_params->setObjectName(u"runParams"_s);
    layout->addWidget(m_summary);
    layout->addWidget(m_timeline);
    layout->addWidget(m_params, 1);
    return page;
}

QWidget *RunsView::buildMetrics()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_metrics = makeTable(page, {tr("Metric"), tr("Last"), tr("Min"), tr("Max"), tr("Points")});
    m_metrics->setObjectName(u"runMetrics"_s);
    m_malformed = new QLabel(page);
    m_malformed->setObjectName(u"malformedLines"_s);
    m_reusedNote = new QLabel(page);
    m_reusedNote->setObjectName(u"reusedMetricsNote"_s);
    m_reusedNote->setWordWrap(true);
    m_reusedNote->setVisible(false);
    // A metric reported once (accuracy, f1) is a value, not a curve: read it here.
    m_finals = makeTable(page, {tr("Run"), tr("Final value"), tr("Step")});
    m_finals->setObjectName(u"finalValues"_s);
    m_finals->setVisible(false);
    auto *chartBar = new QHBoxLayout;
    chartBar->addWidget(new QLabel(tr("Chart:"), page));
    m_chartKey = new QComboBox(page);
    m_chartKey->setObjectName(u"chartKey"_s);
    chartBar->addWidget(m_chartKey, 1);
    auto *hint = new QLabel(tr("Select several runs to overlay them."), page);
    hint->setObjectName(u"pageSubtitle"_s);
    chartBar->addWidget(hint);
    m_chartModel = new ChartSeries(this);
    m_chart = new MetricChart(m_chartModel, page);
    m_chart->setObjectName(u"metricChart"_s);
    layout->addWidget(m_reusedNote);
    layout->addWidget(m_metrics, 1);
    layout->addWidget(m_malformed);
    layout->addLayout(chartBar);
    layout->addWidget(m_finals);
    layout->addWidget(m_chart, 2);
    connect(m_chartKey, &QComboBox::currentIndexChanged, this, &RunsView::loadChart);
    return page;
}

QWidget *RunsView::buildLogs()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    m_logTask = new QComboBox(page);
    m_logTask->setObjectName(u"logTask"_s);
    m_logStream = new QComboBox(page);
    m_logStream->addItem(tr("Output"), u"stdout.log"_s);
    m_logStream->addItem(tr("Errors"), u"stderr.log"_s);
    m_follow = new QCheckBox(tr("Follow"), page);
    m_follow->setChecked(true);
    auto *older = new QPushButton(tr("Older"), page);
    older->setToolTip(tr("Show the part of the log before this page."));
    m_logSearch = new QLineEdit(page);
    m_logSearch->setPlaceholderText(tr("Find in log…"));
    bar->addWidget(m_logTask, 1);
    bar->addWidget(m_logStream);
    bar->addWidget(m_follow);
    bar->addWidget(older);
    bar->addWidget(m_logSearch, 1);
    m_log = new QPlainTextEdit(page);
    m_log->setObjectName(u"logText"_s);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(200000);
    m_logNote = new QLabel(page);
    m_logNote->setObjectName(u"logNote"_s);
    m_logNote->setWordWrap(true);
    m_logNote->setVisible(false);
    layout->addLayout(bar);
    layout->addWidget(m_logNote);
    layout->addWidget(m_log, 1);

    connect(m_logTask, &QComboBox::currentIndexChanged, this, [this] { loadLog(-1); });
    connect(m_logStream, &QComboBox::currentIndexChanged, this, [this] { loadLog(-1); });
    connect(older, &QPushButton::clicked, this, [this] {
        m_follow->setChecked(false);
        loadLog(std::max<qint64>(0, m_logOffset - kLogPage));
    });
    connect(m_logSearch, &QLineEdit::returnPressed, this, &RunsView::findInLog);
    return page;
}

QWidget *RunsView::buildArtifacts()
{
    m_artifacts = new QTreeWidget(this);
    m_artifacts->setObjectName(u"runArtifacts"_s);
    m_artifacts->setHeaderLabels({tr("Task"), tr("File"), tr("Size")});
    m_artifacts->setRootIsDecorated(false);
    m_artifacts->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_artifacts, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        OutputOpener::open(this, item->data(0, Qt::UserRole).toString());
    });
    return m_artifacts;
}

QWidget *RunsView::buildCompare()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    auto *hint = new QLabel(tr("Select runs in the list to compare their params and final "
                               "metrics; the best value of each metric is highlighted."),
                            page);
    hint->setWordWrap(true);
    auto *group = new QPushButton(tr("Add to experiment…"), page);
    group->setObjectName(u"addToExperiment"_s);
    bar->addWidget(hint, 1);
    bar->addWidget(group);
    m_compare = new QTableWidget(page);
    m_compare->setObjectName(u"runComparison"_s);
    m_compare->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_compare->verticalHeader()->setVisible(false);
    layout->addLayout(bar);
    layout->addWidget(m_compare, 1);
    connect(group, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Add to experiment"), tr("Experiment name:"),
                                  QLineEdit::Normal, m_detail.run.experiment, &ok);
        if (ok && !name.trimmed().isEmpty())
            addToExperiment(selectedRuns(), name);
    });
    return page;
}

void RunsView::addToExperiment(const QStringList &runIds, const QString &name)
{
    runInBackground(
        this,
        [root = m_root, runIds, name]() -> Result<qint64> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            return RunStore(workspace->catalog()).setExperiment(runIds, name);
        },
        [this, runIds, name](const Result<qint64> &done) {
            if (!done) {
                m_summary->setText(done.error().message.toHtmlEscaped());
                return;
            }
            for (RunRecord &run : m_runs) {
                if (runIds.contains(run.id))
                    run.experiment = name;
            }
            setRuns(m_root, m_runs);
            Q_EMIT experimentChanged(name);
        });
}

void RunsView::loadComparison()
{
    const QStringList runs = selectedRuns();
    if (runs.isEmpty() || m_root.isEmpty())
        return;
    m_loadingComparison = true;
    runInBackground(this, std::bind_front(&RunComparison::load, m_root, runs),
                    [this, runs](const Result<RunComparison> &loaded) {
                        m_loadingComparison = false;
                        if (!loaded || runs != selectedRuns())
                            return;
                        showComparison(loaded.value());
                    });
}

void RunsView::showComparison(const RunComparison &comparison)
{
    // One row per run, so any column sorts the runs; the best value per metric stands out.
    m_compare->setSortingEnabled(false);
    m_compare->clear();
    QStringList columns{tr("Run")};
    columns += comparison.paramKeys;
    columns += comparison.metricKeys;
    m_compare->setColumnCount(int(columns.size()));
    m_compare->setHorizontalHeaderLabels(columns);
    m_compare->setRowCount(int(comparison.runs.size()));
    for (int run = 0; run < comparison.runs.size(); ++run) {
        int column = 0;
        auto *label = new QTableWidgetItem(comparison.labels[run]);
        label->setToolTip(comparison.runs[run]);
        m_compare->setItem(run, column++, label);
        const QHash<QString, QString> &runParams = comparison.params[run];
        QMap<QString, QString> variables;
        for (auto it = runParams.cbegin(); it != runParams.cend(); ++it)
            variables.insert(it.key(), it.value());
        for (const QString &key : comparison.paramKeys) {
            auto *value =
                textItem(expandRecordedParam(runParams.value(key, u"—"_s), m_root, variables));
            value->setToolTip(runParams.value(key));
            m_compare->setItem(run, column++, value);
        }
        for (const QString &key : comparison.metricKeys) {
            auto *item = new QTableWidgetItem;
            if (comparison.metrics[run].contains(key))
                item->setData(Qt::DisplayRole, comparison.metrics[run].value(key));
            else
                item->setText(u"—"_s);
            if (comparison.best(key) == run) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(QColor(0xd8, 0xf0, 0xdf));
                item->setToolTip(RunComparison::lowerIsBetter(key) ? tr("Best: lowest")
                                                                   : tr("Best: highest"));
            }
            m_compare->setItem(run, column++, item);
        }
    }
    m_compare->setSortingEnabled(true);
    m_compare->resizeColumnsToContents();
    Q_EMIT comparisonLoaded();
}

void RunsView::setRuns(const QString &workspaceRoot, const QList<RunRecord> &runs)
{
    m_root = workspaceRoot;
    m_runs = runs;
    m_sweeps->setWorkspace(workspaceRoot);
    const QString chosen = m_pipeline->currentData().toString();
    m_pipeline->blockSignals(true);
    m_pipeline->clear();
    m_pipeline->addItem(tr("All pipelines and experiments"), QString());
    QStringList names;
    for (const RunRecord &run : runs) {
        const QString group = run.experiment.isEmpty() ? run.pipelineName : run.experiment;
        if (!names.contains(group))
            names.append(group);
    }
    names.sort();
    for (const QString &name : std::as_const(names))
        m_pipeline->addItem(name, name);
    m_pipeline->setCurrentIndex(std::max(0, m_pipeline->findData(chosen)));
    m_pipeline->blockSignals(false);
    applyFilters();
}

void RunsView::setStateFilter(const QString &state)
{
    m_state->setCurrentIndex(std::max(0, m_state->findData(state)));
}

void RunsView::setTextFilter(const QString &text)
{
    m_search->setText(text);
}

void RunsView::selectRuns(const QStringList &runIds)
{
    for (QTreeWidgetItemIterator it(m_list); *it; ++it)
        (*it)->setSelected(runIds.contains((*it)->data(0, Qt::UserRole).toString()));
}

bool RunsView::isLoading() const
{
    return m_loadingDetail || m_loadingLog || m_loadingChart || m_loadingComparison;
}

int RunsView::visibleRunCount() const
{
    int count = 0;
    for (QTreeWidgetItemIterator it(m_list); *it; ++it)
        ++count;
    return count;
}

QString RunsView::logText() const
{
    return m_log->toPlainText();
}

void RunsView::applyFilters()
{
    const QString text = m_search->text().trimmed();
    const QString state = m_state->currentData().toString();
    const QString group = m_pipeline->currentData().toString();
    const int days = m_date->currentData().toInt();
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-days);
    const QLocale locale;
    QStringList selected;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        selected.append(item->data(0, Qt::UserRole).toString());
    m_list->blockSignals(true);
    m_list->clear();
    QTreeWidgetItem *current = nullptr;
    // Nested runs (MLflow's child runs) under their parent when it is shown too.
    QHash<QString, QTreeWidgetItem *> shown;
    bool nesting = false;
    for (const NestedRun &nested : RunStore::nest(m_runs)) {
        const RunRecord &run = nested.run;
        const QString name = run.runName.isEmpty() ? run.pipelineName : run.runName;
        const QString runGroup = run.experiment.isEmpty() ? run.pipelineName : run.experiment;
        if (!state.isEmpty() && run.state != state)
            continue;
        if (!group.isEmpty() && runGroup != group)
            continue;
        if (days > 0 && run.createdAt.isValid() && run.createdAt < since)
            continue;
        if (!text.isEmpty() && !name.contains(text, Qt::CaseInsensitive) &&
            !run.id.contains(text, Qt::CaseInsensitive))
            continue;
        const QStringList columns{
            name, WorkspaceSnapshot::runStateText(run.state),
            run.startedAt.isValid()
                ? locale.toString(run.startedAt.toLocalTime(), QLocale::NarrowFormat)
                : QString()};
        QTreeWidgetItem *parent = shown.value(run.parentRunId);
        auto *item =
            parent ? new QTreeWidgetItem(parent, columns) : new QTreeWidgetItem(m_list, columns);
        nesting = nesting || parent;
        shown.insert(run.id, item);
        item->setData(0, Qt::UserRole, run.id);
        item->setToolTip(0, run.id);
        item->setForeground(1, TaskTimeline::stateColour(run.state));
        if (run.id == m_runId)
            current = item;
    }
    m_list->setRootIsDecorated(nesting);
    m_list->expandAll();
    if (current) // quietly: the same run stays shown, with the runs selected for the overlay
        m_list->setCurrentItem(current, 0, QItemSelectionModel::NoUpdate);
    if (current && selected.isEmpty())
        selected.append(m_runId);
    for (QTreeWidgetItemIterator it(m_list); *it; ++it)
        (*it)->setSelected(selected.contains((*it)->data(0, Qt::UserRole).toString()));
    m_list->blockSignals(false);
    if (current) {
        loadDetail();
        loadChart();
        loadComparison();
    } else if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

void RunsView::showRun(const QString &runId)
{
    if (runId.isEmpty())
        return;
    const bool other = runId != m_runId;
    m_runId = runId;
    if (other)
        m_logOffset = -1;
    loadDetail();
}

void RunsView::loadDetail()
{
    if (m_loadingDetail || m_runId.isEmpty() || m_root.isEmpty())
        return;
    m_loadingDetail = true;
    runInBackground(this, std::bind_front(&RunDetail::load, m_root, m_runId),
                    [this](const Result<RunDetail> &detail) {
                        m_loadingDetail = false;
                        if (!detail) {
                            m_summary->setText(detail.error().message);
                            return;
                        }
                        if (detail->run.id != m_runId) { // the user moved on meanwhile
                            loadDetail();
                            return;
                        }
                        showDetail(detail.value());
                    });
}

void RunsView::showDetail(const RunDetail &detail)
{
    const bool newRun = m_detail.run.id != detail.run.id;
    m_detail = detail;
    const RunRecord &run = detail.run;
    QStringList lines;
    lines.append(u"<b>%1</b> — %2"_s.arg(
        (run.runName.isEmpty() ? run.pipelineName : run.runName).toHtmlEscaped(), run.id));
    lines.append(tr("State: %1 · pool %2 · took %3")
                     .arg(WorkspaceSnapshot::runStateText(run.state), run.pool, durationText(run)));
    lines.append(run.commitId.isEmpty()
                     ? tr("Pipeline version: not committed (snapshot in the "
                          "run folder)")
                     : tr("Pipeline version: commit %1").arg(run.commitId.left(8)));
    if (!detail.registeredModels.isEmpty())
        lines.append(tr("Models registered from this run: %1")
                         .arg(detail.registeredModels.join(u", "_s).toHtmlEscaped()));
    if (!run.message.isEmpty())
        lines.append(run.message.toHtmlEscaped());
    m_summary->setText(lines.join(u"<br>"_s));
    m_timeline->setTasks(detail.tasks, detail.nodeNames);

    m_params->setSortingEnabled(false);
    m_params->setRowCount(int(detail.params.size()));
    int row = 0;
    for (auto it = detail.params.begin(); it != detail.params.end(); ++it, ++row) {
        m_params->setItem(row, 0, textItem(it.key()));
        // As it ran ({{workspace}} and variables filled in); as written in the tooltip.
        auto *value = textItem(expandRecordedParam(it.value(), m_root, detail.params));
        value->setToolTip(it.value());
        m_params->setItem(row, 1, value);
    }
    m_params->setSortingEnabled(true);

    m_metrics->setSortingEnabled(false);
    m_metrics->setRowCount(int(detail.summaries.size()));
    row = 0;
    for (const MetricSummary &summary : detail.summaries) {
        auto number = [](double value) {
            auto *item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, value);
            return item;
        };
        const QList<QTableWidgetItem *> items{textItem(summary.key), number(summary.last),
                                              number(summary.min), number(summary.max),
                                              number(double(summary.count))};
        for (int column = 0; column < items.size(); ++column) {
            if (!summary.fromRunId.isEmpty()) {
                QFont italic = items[column]->font();
                italic.setItalic(true);
                items[column]->setFont(italic);
                items[column]->setToolTip(
                    tr("Reported by run %1, whose outputs a cached task of this run reused.")
                        .arg(summary.fromRunId));
            }
            m_metrics->setItem(row, column, items[column]);
        }
        ++row;
    }
    m_metrics->setSortingEnabled(true);
    // Grouped by the run they came from: usually one earlier run gave every cached task.
    QMap<QString, QStringList> reusedFrom;
    for (const ReusedTask &task : detail.reused)
        reusedFrom[task.fromRunId].append(detail.taskName(task.nodeId));
    QStringList reused;
    for (auto it = reusedFrom.cbegin(); it != reusedFrom.cend(); ++it)
        reused.append(tr("run %1 (%2)").arg(it.key(), it.value().join(u", "_s)));
    m_reusedNote->setText(
        reused.isEmpty()
            ? QString()
            : tr("Cached tasks ran nothing in this run: their outputs and their metrics (in "
                 "italics) are those of %1.")
                  .arg(reused.join(u"; "_s)));
    m_reusedNote->setVisible(!reused.isEmpty());
    const QString key = m_chartKey->currentText();
    m_chartKey->blockSignals(true);
    m_chartKey->clear();
    for (const MetricSummary &summary : detail.summaries)
        m_chartKey->addItem(summary.key);
    // Keep the user's choice; else the first metric that is not a resource sample.
    int keyIndex = m_chartKey->findText(key);
    for (int k = 0; keyIndex < 0 && k < m_chartKey->count(); ++k) {
        if (!m_chartKey->itemText(k).startsWith(u"sys/"_s))
            keyIndex = k;
    }
    m_chartKey->setCurrentIndex(std::max(0, keyIndex));
    m_chartKey->blockSignals(false);
    loadChart();

    m_malformed->setText(detail.malformedLines > 0 ? tr("%n malformed metric lines were skipped.",
                                                        nullptr, int(detail.malformedLines))
                                                   : QString());

    const QString task = m_logTask->currentData().toString();
    m_logTask->blockSignals(true);
    m_logTask->clear();
    for (const TaskRecord &record : detail.tasks)
        m_logTask->addItem(detail.taskName(record.nodeId), record.nodeId);
    m_logTask->setCurrentIndex(std::max(0, m_logTask->findData(task)));
    m_logTask->blockSignals(false);

    m_artifacts->clear();
    const QLocale locale;
    for (const Artifact &artifact : detail.artifacts) {
        auto *item =
            new QTreeWidgetItem(m_artifacts, {detail.taskName(artifact.task), artifact.relativePath,
                                              locale.formattedDataSize(artifact.size)});
        item->setData(0, Qt::UserRole, artifact.path);
    }

    // An imported run does not change until the next import: nothing to poll.
    const bool live =
        (run.state == u"running"_s || run.state == u"pending"_s) && run.source != u"mlflow"_s;
    if (live && !m_refresh->isActive())
        m_refresh->start();
    else if (!live)
        m_refresh->stop();
    if (newRun || m_follow->isChecked())
        loadLog(newRun ? -1 : m_logOffset);
    Q_EMIT detailLoaded(run.id);
}

void RunsView::loadLog(qint64 offset)
{
    if (m_loadingLog || m_root.isEmpty() || m_runId.isEmpty() || m_logTask->count() == 0)
        return;
    m_loadingLog = true;
    // Which file: the task's own, or for a cached task the log of the task it reused.
    const auto source = [this]() -> QPair<QString, QString> {
        const QString node = m_logTask->currentData().toString();
        const QString stream = m_logStream->currentData().toString();
        if (m_detail.run.id != m_runId)
            return {taskLogPath(m_root, m_runId, node, stream), QString()};
        QString fromRun;
        const QString path = m_detail.taskLogPath(m_root, node, stream, &fromRun);
        return {path, fromRun};
    };
    const auto [path, fromRun] = source();
    QString state;
    QStringList notes;
    for (const TaskRecord &task : std::as_const(m_detail.tasks)) {
        if (task.nodeId != m_logTask->currentData().toString())
            continue;
        state = task.state;
        if (!task.image.isEmpty()) // the log is the container's: say which image it ran in
            notes << tr("Ran in image %1 (%2).").arg(task.image, task.imageId.left(12));
    }
    if (!fromRun.isEmpty())
        notes << tr("This task was cached: it ran nothing in this run and reused the outputs of "
                    "run %1. Its log below is from that run.")
                     .arg(fromRun);
    m_logNote->setText(notes.join(u' '));
    m_logNote->setVisible(!notes.isEmpty());
    runInBackground(
        this, std::bind_front(&LogPage::read, path, offset, kLogPage),
        [this, path, state, source](const Result<LogPage> &page) {
            m_loadingLog = false;
            if (path != source().first) { // another run, task or stream was chosen meanwhile
                loadLog(-1);
                return;
            }
            if (!page) {
                QString why = tr("No log yet: the task has not started.");
                if (state == u"cached"_s)
                    why = tr("This task was cached: it reused the outputs of an earlier run "
                             "and ran nothing, so it has no log of its own.");
                else if (state == u"skipped"_s)
                    why = tr("This task was skipped, so it has no log.");
                else if (state != u"pending"_s && state != u"queued"_s && !state.isEmpty())
                    why = tr("No log: %1").arg(page.error().message);
                m_log->setPlainText(why);
                Q_EMIT logLoaded();
                return;
            }
            m_logOffset = page->offset;
            const int scroll = m_log->verticalScrollBar()->value();
            m_log->setPlainText(page->text);
            if (m_follow->isChecked())
                m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
            else
                m_log->verticalScrollBar()->setValue(scroll);
            Q_EMIT logLoaded();
        });
}

QStringList RunsView::selectedRuns() const
{
    QStringList runs;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        runs.append(item->data(0, Qt::UserRole).toString());
    if (runs.isEmpty() && !m_runId.isEmpty())
        runs.append(m_runId);
    return runs;
}

void RunsView::loadChart()
{
    const QString key = m_chartKey->currentText();
    if (key.isEmpty() || m_root.isEmpty()) {
        m_chartModel->clear();
        m_finals->setRowCount(0);
        m_finals->setVisible(false);
        return;
    }
    QHash<QString, QString> labels;
    for (const RunRecord &run : std::as_const(m_runs))
        labels.insert(run.id, (run.runName.isEmpty() ? run.pipelineName : run.runName) + u" · "_s +
                                  run.id.right(4));
    const QStringList runs = selectedRuns();
    struct Series
    {
        QString run;
        QString fromRun; ///< the run a cached task reused, whose points these are
        QList<MetricPoint> points;
    };
    using Loaded = QList<Series>;
    m_loadingChart = true;
    runInBackground(
        this,
        [root = m_root, runs, key]() -> Loaded {
            Loaded loaded;
            auto workspace = Workspace::open(root);
            if (!workspace)
                return loaded;
            for (const QString &run : runs) {
                Series series{run, {}, {}};
                if (auto points = runMetricPoints(workspace->catalog(), run, key, &series.fromRun);
                    points && !points->isEmpty()) {
                    series.points = points.value();
                    loaded.append(series);
                }
            }
            return loaded;
        },
        [this, key, labels](const Loaded &loaded) {
            m_loadingChart = false;
            if (key != m_chartKey->currentText())
                return; // a newer choice is on its way
            m_chartModel->clear();
            m_finals->setSortingEnabled(false);
            m_finals->setRowCount(int(loaded.size()));
            qsizetype most = 0;
            for (qsizetype i = 0; i < loaded.size(); ++i) {
                const Series &series = loaded[i];
                QString label = labels.value(series.run, series.run);
                if (!series.fromRun.isEmpty())
                    label = tr("%1 (reused from run %2)").arg(label, series.fromRun.right(4));
                m_chartModel->addSeries(label, key, series.points, int(i));
                most = std::max(most, series.points.size());
                const MetricPoint &last = series.points.constLast();
                auto *value = new QTableWidgetItem;
                value->setData(Qt::DisplayRole, last.value);
                auto *step = new QTableWidgetItem;
                if (last.step)
                    step->setData(Qt::DisplayRole, *last.step);
                m_finals->setItem(int(i), 0, textItem(label));
                m_finals->setItem(int(i), 1, value);
                m_finals->setItem(int(i), 2, step);
            }
            m_finals->setSortingEnabled(true);
            bool steps = false;
            for (const Series &series : loaded)
                steps = steps || series.points.constLast().step.has_value();
            m_finals->setColumnHidden(2, !steps);
            // As tall as its rows (up to ten), the chart below keeps the rest.
            m_finals->setMaximumHeight(m_finals->horizontalHeader()->sizeHint().height() +
                                       2 * m_finals->frameWidth() +
                                       m_finals->verticalHeader()->defaultSectionSize() *
                                           int(std::min<qsizetype>(loaded.size(), 10)));
            // One value per run: the table says it better than dots on a chart.
            m_finals->setVisible(most == 1);
            Q_EMIT chartLoaded();
        });
}

void RunsView::findInLog()
{
    const QString text = m_logSearch->text();
    if (text.isEmpty())
        return;
    if (!m_log->find(text)) { // wrap around
        m_log->moveCursor(QTextCursor::Start);
        m_log->find(text);
    }
}

} // namespace atelier
