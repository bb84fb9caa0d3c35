#include "sweeps/sweeprunner.h"

#include "pipeline/runexecutor.h"
#include "pipeline/templatelibrary.h"
#include "runs/metricsstore.h"
#include "runs/runstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace atelier {

struct SweepRunner::Trial
{
    int number = -1;
    QJsonObject params;
    std::unique_ptr<RunExecutor> executor;
    QString runId;
    qint64 lastStep = std::numeric_limits<qint64>::min(); ///< last step told to the pruner
    bool pruned = false;
};

SweepRunner::SweepRunner(Database &db, const TemplateLibrary &library, Connector &connector,
                         QObject *parent)
    : QObject(parent), m_db(db), m_library(library), m_connector(connector)
{
    m_poll.setInterval(250);
    connect(&m_poll, &QTimer::timeout, this, &SweepRunner::poll);
}

SweepRunner::~SweepRunner()
{
    qDeleteAll(m_active);
}

Status SweepRunner::start(const QString &workspaceRoot, const SweepConfig &config,
                          const LocatedPipeline &pipeline, const QString &atelierBinary)
{
    m_workspaceRoot = workspaceRoot;
    m_config = config;
    m_pipeline = pipeline;
    m_atelierBinary = atelierBinary;
    m_store = SweepStore(workspaceRoot);
    if (Status checked = config.check(pipeline.document, m_library); !checked)
        return checked;
    if (Status started = m_driver.start(); !started)
        return started;
    QJsonObject space;
    for (const SweepParam &param : config.params)
        space.insert(param.key(), param.toDriverJson());
    QJsonObject open{{u"op"_s, u"open"_s},
                     {u"storage"_s, m_store.storageUrl(config.name)},
                     {u"study"_s, config.name},
                     {u"direction"_s, config.direction},
                     {u"sampler"_s, config.sampler},
                     {u"pruner"_s, config.pruner},
                     {u"space"_s, space},
                     {u"reclaim"_s, true}};
    open.insert(u"seed"_s, config.seed ? QJsonValue(*config.seed) : QJsonValue());
    auto opened = m_driver.request(open);
    if (!opened)
        return opened.error();
    m_budget = config.trials;
    if (opened->value(u"grid_size"_s).isDouble())
        m_budget = std::min(m_budget, opened->value(u"grid_size"_s).toInt());
    const QJsonObject current = summary();
    m_counted = current.value(u"counted"_s).toInt();
    m_state = u"running"_s;
    m_clock.start();
    m_store.clearStop(config.name);
    saveStatus(Refresh::FromStudy);
    m_poll.start();
    QTimer::singleShot(0, this, &SweepRunner::fill);
    return {};
}

QJsonObject SweepRunner::summary()
{
    auto answer = m_driver.request({{u"op"_s, u"summary"_s}});
    return answer ? answer.value() : QJsonObject();
}

void SweepRunner::fill()
{
    if (m_state != u"running"_s)
        return;
    const bool timeUp = m_config.timeoutS > 0 && m_clock.elapsed() >= m_config.timeoutS * 1000ll;
    while (!m_stopping && !timeUp && int(m_active.size()) < m_config.parallel &&
           m_counted + int(m_active.size()) < m_budget) {
        // The first trial runs alone: it fills the output cache, so the trials beside it later
        // reuse the nodes upstream of the swept parameters instead of each running them.
        if (!m_active.isEmpty() && m_counted == 0 && m_toldHere == 0)
            break;
        if (!launch())
            break;
    }
    if (m_active.isEmpty()) {
        if (!m_abortReason.isEmpty())
            finish(u"failed"_s, m_abortReason);
        else if (m_stopping)
            finish(u"stopped"_s,
                   tr("Stopped; 'atelier sweep resume %1' continues it.").arg(m_config.name));
        else if (timeUp && m_counted < m_budget)
            finish(u"finished"_s,
                   tr("The time limit (%n s) was reached.", nullptr, m_config.timeoutS));
        else
            finish(u"finished"_s, QString());
    }
}

bool SweepRunner::launch()
{
    auto asked = m_driver.request({{u"op"_s, u"ask"_s}});
    if (!asked) {
        abort(asked.error().message);
        return false;
    }
    auto trial = std::make_unique<Trial>();
    trial->number = asked->value(u"number"_s).toInt();
    trial->params = asked->value(u"params"_s).toObject();

    RunRequest request;
    request.workspaceRoot = m_workspaceRoot;
    request.atelierBinary = m_atelierBinary;
    request.pipelineKey = m_pipeline.key;
    request.commitId = m_pipeline.uncommitted ? QString() : m_pipeline.commitId;
    request.document = m_pipeline.document;
    request.pool = m_config.pool.isEmpty() ? u"local"_s : m_config.pool;
    request.metricsPollMs = 200; // the pruner hears of a bad trial within a fraction of a second
    request.stopPollMs = 250;
    for (const SweepParam &param : std::as_const(m_config.params)) {
        for (NodeSpec &node : request.document.nodes) {
            if (node.id != param.node)
                continue;
            QJsonValue value = trial->params.value(param.key());
            auto spec = m_library.resolve(node.templateRef);
            const ParamSpec *schema = spec ? spec->param(param.param) : nullptr;
            // A choice that reads as a number goes to a text parameter as its text.
            if (schema && value.isDouble() && schema->type != ParamType::Int &&
                schema->type != ParamType::Float)
                value = QString::number(value.toDouble(), 'g', 15);
            node.params.insert(param.param, value);
        }
    }
    trial->executor = std::make_unique<RunExecutor>(m_db, m_library, m_connector);
    for (Connector *connector : std::as_const(m_extraConnectors))
        trial->executor->addConnector(*connector);
    Trial *raw = trial.get();
    connect(trial->executor.get(), &RunExecutor::finished, this,
            [this, raw](const QString &, const QString &state) {
                // Out of the executor's own signal before it is deleted.
                QTimer::singleShot(0, this, [this, raw, state] { onRunFinished(raw, state); });
            });
    auto started = trial->executor->start(request);
    if (!started) {
        (void)m_driver.request({{u"op"_s, u"tell"_s},
                                {u"number"_s, trial->number},
                                {u"state"_s, u"fail"_s},
                                {u"reason"_s, started.error().message}});
        // The same pipeline would refuse every trial alike.
        abort(tr("Trial %1 could not start: %2").arg(trial->number).arg(started.error().message));
        return false;
    }
    trial->runId = started.value();
    // Written by the helper while the trial runs: nothing here waits for it.
    m_driver.post({{u"op"_s, u"attr"_s},
                   {u"number"_s, trial->number},
                   {u"key"_s, u"atelier_run_id"_s},
                   {u"value"_s, trial->runId}});
    RunStore runs(m_db);
    (void)runs.setExperiment({trial->runId}, m_config.name);
    m_active.append(trial.release());
    saveStatus(); // status.json shows the running trial (sweep list, a GUI)
    Q_EMIT trialStarted(raw->number, raw->runId, raw->params);
    return true;
}

void SweepRunner::onRunFinished(Trial *trial, const QString &runState)
{
    std::unique_ptr<Trial> owned(trial);
    m_active.removeOne(trial);
    // Points that came in with the task's end are reported too; a trial that ran to its end
    // is not pruned after the fact.
    reportIntermediate(*trial, runState != u"succeeded"_s);
    QString state;
    QJsonValue value;
    QString reason;
    MetricsStore metrics(m_db);
    if (trial->pruned) {
        state = u"pruned"_s;
        reason = tr("pruned at step %1").arg(trial->lastStep);
    } else if (m_stopping && runState != u"succeeded"_s) {
        (void)m_driver.request({{u"op"_s, u"reclaim"_s},
                                {u"numbers"_s, QJsonArray{trial->number}},
                                {u"reason"_s, u"stopped"_s}});
        Q_EMIT trialFinished(trial->number, u"stopped"_s, QJsonValue(), QString());
        saveStatus(Refresh::FromStudy);
        fill();
        return;
    } else if (runState == u"succeeded"_s) {
        const QString source = objectiveRun(*trial);
        auto points = metrics.points(source, m_config.objectiveMetric, m_config.objectiveNode);
        if (points && !points->isEmpty() && std::isfinite(points->constLast().value)) {
            state = u"complete"_s;
            value = points->constLast().value;
        } else {
            state = u"fail"_s;
            auto keys = metrics.keys(trial->runId);
            reason = keys && !keys->isEmpty()
                         ? tr("node %1 logged no finite value of \"%2\" (run %3 logged: %4)")
                               .arg(m_config.objectiveNode, m_config.objectiveMetric, trial->runId,
                                    keys->join(u", "_s))
                         : tr("node %1 logged no metric \"%2\" (run %3 logged none)")
                               .arg(m_config.objectiveNode, m_config.objectiveMetric, trial->runId);
            if (m_counted == 0 && m_toldHere == 0)
                abort(tr("Trial %1: %2; the objective --objective %3.%4 is never logged, so no "
                         "more trials are run.")
                          .arg(trial->number)
                          .arg(reason, m_config.objectiveNode, m_config.objectiveMetric));
        }
    } else {
        state = u"fail"_s;
        reason = tr("run %1 %2").arg(trial->runId, runState);
    }
    QJsonObject tell{{u"op"_s, u"tell"_s}, {u"number"_s, trial->number}, {u"state"_s, state}};
    if (!value.isUndefined())
        tell.insert(u"value"_s, value);
    if (!reason.isEmpty())
        tell.insert(u"reason"_s, reason);
    if (auto told = m_driver.request(tell); !told)
        abort(told.error().message);
    ++m_counted;
    ++m_toldHere;
    noteTold(*trial, state, value);
    Q_EMIT trialFinished(trial->number, state, value, reason);
    saveStatus();
    fill();
}

QString SweepRunner::objectiveRun(const Trial &trial) const
{
    // A trial whose parameters an earlier trial had gets the objective node from the cache;
    // its figures are then those of the run that made the cached outputs
    // (runs/<that run>/<node>/outputs).
    for (const TaskRecord &task : trial.executor->tasks()) {
        if (task.nodeId != m_config.objectiveNode || task.state != u"cached"_s)
            continue;
        const QString relative =
            QDir(QDir(m_workspaceRoot).filePath(u"runs"_s)).relativeFilePath(task.outputsDir);
        if (!relative.startsWith(u".."_s) && relative.count(u'/') >= 1)
            return relative.section(u'/', 0, 0);
    }
    return trial.runId;
}

void SweepRunner::reportIntermediate(Trial &trial, bool mayPrune)
{
    if (m_config.pruner == u"none"_s || trial.pruned || trial.runId.isEmpty())
        return;
    MetricsStore metrics(m_db);
    auto points = metrics.points(trial.runId, m_config.objectiveMetric, m_config.objectiveNode);
    if (!points)
        return;
    for (const MetricPoint &point : points.value()) {
        if (!point.step || *point.step <= trial.lastStep || !std::isfinite(point.value))
            continue;
        trial.lastStep = *point.step;
        auto answer = m_driver.request({{u"op"_s, u"report"_s},
                                        {u"number"_s, trial.number},
                                        {u"step"_s, *point.step},
                                        {u"value"_s, point.value}});
        if (mayPrune && answer && answer->value(u"prune"_s).toBool()) {
            trial.pruned = true;
            if (trial.executor)
                trial.executor->stop(); // the task's whole process tree
            return;
        }
    }
}

void SweepRunner::poll()
{
    if (!m_stopping && m_store.stopRequested(m_config.name))
        stop();
    for (Trial *trial : std::as_const(m_active))
        reportIntermediate(*trial);
    if (m_config.timeoutS > 0 && m_clock.elapsed() >= m_config.timeoutS * 1000ll)
        fill(); // starts nothing more; ends the sweep once the running trials are done
}

void SweepRunner::stop()
{
    if (m_stopping || m_state != u"running"_s)
        return;
    m_stopping = true;
    for (Trial *trial : std::as_const(m_active)) {
        if (trial->executor)
            trial->executor->stop();
    }
    QTimer::singleShot(0, this, &SweepRunner::fill);
}

void SweepRunner::abort(const QString &why)
{
    if (m_abortReason.isEmpty())
        m_abortReason = why;
    m_stopping = true;
    for (Trial *trial : std::as_const(m_active)) {
        if (trial->executor)
            trial->executor->stop();
    }
}

void SweepRunner::finish(const QString &state, const QString &message)
{
    if (m_state != u"running"_s)
        return;
    m_poll.stop();
    m_state = state;
    m_message = message;
    m_store.clearStop(m_config.name);
    saveStatus(Refresh::FromStudy);
    Q_EMIT finished(state, message);
}

void SweepRunner::noteTold(const Trial &trial, const QString &state, const QJsonValue &value)
{
    QJsonObject states = m_summary.value(u"states"_s).toObject();
    states.insert(state, states.value(state).toInt() + 1);
    m_summary.insert(u"states"_s, states);
    m_summary.insert(u"counted"_s, m_counted);
    if (state != u"complete"_s || !value.isDouble())
        return;
    const QJsonObject best = m_summary.value(u"best"_s).toObject();
    const bool minimize = m_config.direction == u"minimize"_s;
    const double v = value.toDouble();
    if (best.value(u"value"_s).isDouble()) {
        const double b = best.value(u"value"_s).toDouble();
        if (minimize ? v >= b : v <= b)
            return; // Optuna keeps the first of equals too
    }
    m_summary.insert(u"best"_s, QJsonObject{{u"number"_s, trial.number},
                                            {u"value"_s, v},
                                            {u"params"_s, trial.params},
                                            {u"run"_s, trial.runId}});
}

void SweepRunner::saveStatus(Refresh refresh)
{
    // Asking the study walks every trial (tens of milliseconds with a few dozen, more than a
    // trivial trial's own work: tests/bench/sweep_overhead.sh), so it is asked when the sweep
    // starts, ends or has trials reclaimed; in between, the counts follow what this process
    // tells.
    if (refresh == Refresh::FromStudy || m_summary.isEmpty()) {
        if (auto current = m_driver.request({{u"op"_s, u"status"_s}}); current)
            m_summary = current.value();
    }
    QJsonObject states = m_summary.value(u"states"_s).toObject();
    if (refresh != Refresh::FromStudy) {
        if (m_active.isEmpty())
            states.remove(u"running"_s);
        else
            states.insert(u"running"_s, int(m_active.size()));
        m_summary.insert(u"states"_s, states);
    }
    QJsonObject summary = m_summary;
    summary.insert(u"budget"_s, m_budget);
    SweepStatus status{m_state, QCoreApplication::applicationPid(), m_message, summary};
    (void)m_store.saveStatus(m_config.name, status);
}

} // namespace atelier
