#include "runcommands.h"
#include "core/textwidth.h"

#include "cliutil.h"

#include "core/leftovers.h"
#include "core/workspace.h"
#include "runs/metricsstore.h"
#include "runs/mlflowimport.h"
#include "runs/runcomparison.h"
#include "runs/rundetail.h"
#include "runs/runstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s;
}

QString durationText(std::optional<qint64> ms)
{
    return ms ? QString::number(double(*ms) / 1000.0, 'f', 1) + u" s"_s : u"-"_s;
}

QString duration(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid())
        return u"-"_s;
    const qint64 ms = start.msecsTo(end.isValid() ? end : QDateTime::currentDateTimeUtc());
    return QString::number(ms / 1000.0, 'f', 1) + u" s"_s;
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject mapJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject runJson(const RunRecord &run)
{
    const std::optional<qint64> ms = run.durationMs();
    return {{u"run"_s, run.id},
            {u"pipeline"_s, run.pipeline},
            {u"name"_s, run.pipelineName},
            {u"commit"_s, run.commitId},
            {u"state"_s, run.state},
            {u"pool"_s, run.pool},
            {u"created_at"_s, run.createdAt.toString(Qt::ISODateWithMs)},
            {u"started_at"_s, timeJson(run.startedAt)},
            {u"finished_at"_s, timeJson(run.finishedAt)},
            // null while unknown: not started, or imported before it ended
            {u"duration_s"_s, ms ? QJsonValue(double(*ms) / 1000.0) : QJsonValue()},
            {u"message"_s, run.message},
            {u"parent_run"_s, run.parentRunId.isEmpty() ? QJsonValue() : run.parentRunId},
            {u"variables"_s, run.variables},
            {u"options"_s, run.options},
            {u"run_name"_s, run.runName},
            {u"source"_s, run.source},
            {u"experiment"_s, run.experiment}};
}

int list(SubcommandParser &sub, Workspace &workspace, const QCommandLineOption &pipeline,
         const QCommandLineOption &limit)
{
    int count = 20;
    if (sub.parser.isSet(limit)) {
        bool ok = false;
        count = sub.parser.value(limit).toInt(&ok);
        if (!ok || count < 1)
            return usage(CommandLine::tr("--limit takes a whole number, 1 or more."));
    }
    RunStore store(workspace.catalog());
    auto runs = store.runs(count, sub.parser.value(pipeline));
    if (!runs)
        return refuse(runs.error().message);
    if (sub.wantsJson()) {
        QJsonArray array;
        for (const RunRecord &run : runs.value())
            array.append(runJson(run));
        printJson({{u"runs"_s, array}});
        return ExitOk;
    }
    if (runs->isEmpty())
        out() << CommandLine::tr("No runs yet.") << Qt::endl;
    // Nested runs under their parent, indented; the id column keeps its width.
    for (const NestedRun &nested : RunStore::nest(runs.value())) {
        const RunRecord &run = nested.run;
        const QString indent =
            nested.depth > 0 ? QString(2 * (nested.depth - 1), u' ') + u"\u2514 "_s : QString();
        out() << run.id << "  " << padToWidth(run.state, 10) << ' ' << timeText(run.createdAt)
              << "  " << padToWidth(durationText(run.durationMs()), 8, true) << "  " << indent
              << (run.runName.isEmpty() ? run.pipelineName
                                        : run.runName + u" ("_s + run.pipelineName + u')')
              << Qt::endl;
    }
    return ExitOk;
}

int show(SubcommandParser &sub, Workspace &workspace)
{
    RunStore store(workspace.catalog());
    auto run = store.run(sub.positional().value(1));
    if (!run)
        return refuse(run.error().message);
    auto tasks = store.tasks(run->id);
    if (!tasks)
        return refuse(tasks.error().message);
    auto params = store.params(run->id);
    if (!params)
        return refuse(params.error().message);
    auto tags = store.tags(run->id);
    if (!tags)
        return refuse(tags.error().message);
    auto children = store.children(run->id);
    if (!children)
        return refuse(children.error().message);
    if (sub.wantsJson()) {
        QJsonArray array;
        for (const TaskRecord &task : tasks.value())
            array.append(QJsonObject{
                {u"id"_s, task.nodeId},
                {u"template"_s, task.templateRef},
                {u"state"_s, task.state},
                {u"attempts"_s, task.attempts},
                {u"exit_code"_s, task.exitCode ? QJsonValue(*task.exitCode) : QJsonValue()},
                {u"pool"_s, task.pool},
                {u"job_id"_s, task.jobId},
                {u"message"_s, task.message},
                {u"outputs"_s, task.outputsDir},
                {u"image"_s, task.image.isEmpty() ? QJsonValue() : task.image},
                {u"image_id"_s, task.imageId.isEmpty() ? QJsonValue() : task.imageId}});
        QJsonObject object = runJson(run.value());
        object.insert(u"tasks"_s, array);
        object.insert(u"params"_s, mapJson(params.value()));
        object.insert(u"tags"_s, mapJson(tags.value()));
        object.insert(u"child_runs"_s, QJsonArray::fromStringList(children.value()));
        printJson(object);
        return ExitOk;
    }
    out() << CommandLine::tr("Run %1 — %2").arg(run->id, run->pipelineName) << Qt::endl
          << CommandLine::tr("State: %1   pool: %2   commit: %3")
                 .arg(run->state, run->pool,
                      run->commitId.isEmpty() ? CommandLine::tr("(uncommitted)")
                                              : run->commitId.left(8))
          << Qt::endl
          << (run->durationMs() || run->finishedAt.isValid() || !run->startedAt.isValid()
                  ? CommandLine::tr("Started %1, took %2")
                        .arg(timeText(run->startedAt), durationText(run->durationMs()))
                  : CommandLine::tr("Started %1, not ended when imported (duration unknown)")
                        .arg(timeText(run->startedAt)))
          << Qt::endl;
    if (!run->message.isEmpty())
        out() << run->message << Qt::endl;
    if (!run->parentRunId.isEmpty())
        out() << CommandLine::tr("Nested in run %1").arg(run->parentRunId) << Qt::endl;
    if (!children->isEmpty())
        out() << CommandLine::tr("Nested runs: %1").arg(children->join(u", "_s)) << Qt::endl;
    const auto printMap = [](const QString &title, const QMap<QString, QString> &map) {
        if (map.isEmpty())
            return;
        out() << title << Qt::endl;
        for (auto it = map.begin(); it != map.end(); ++it)
            out() << "  " << padToWidth(it.key(), 28) << ' ' << it.value() << Qt::endl;
    };
    printMap(CommandLine::tr("Params:"), params.value());
    printMap(CommandLine::tr("Tags:"), tags.value());
    out() << Qt::endl;
    for (const TaskRecord &task : tasks.value()) {
        out() << padToWidth(task.nodeId, 18) << ' ' << padToWidth(task.state, 10) << ' '
              << CommandLine::tr("attempts %1").arg(task.attempts) << "  "
              << padToWidth(
                     task.exitCode ? CommandLine::tr("exit %1").arg(*task.exitCode) : QString(), 8)
              << ' ' << padToWidth(duration(task.startedAt, task.finishedAt), 8, true) << "  "
              << task.message << Qt::endl;
        if (!task.image.isEmpty())
            out() << "  " << CommandLine::tr("image %1 (%2)").arg(task.image, task.imageId.left(12))
                  << Qt::endl;
    }
    return ExitOk;
}

int logs(SubcommandParser &sub, Workspace &workspace, const QCommandLineOption &stderrOption)
{
    RunStore store(workspace.catalog());
    const QString runId = sub.positional().value(1);
    const QString taskId = sub.positional().value(2);
    auto run = store.run(runId);
    if (!run)
        return refuse(run.error().message);
    auto tasks = store.tasks(runId);
    if (!tasks)
        return refuse(tasks.error().message);
    const bool known = std::any_of(tasks->cbegin(), tasks->cend(),
                                   [&](const TaskRecord &t) { return t.nodeId == taskId; });
    if (!known)
        return refuse(CommandLine::tr("Run %1 has no task \"%2\".").arg(runId, taskId));
    const QString name = sub.parser.isSet(stderrOption) ? u"stderr.log"_s : u"stdout.log"_s;
    QFile log(taskLogPath(workspace.root(), runId, taskId, name));
    if (!log.exists())
        return refuse(CommandLine::tr("Task %1 of run %2 has no %3 (it did not start).")
                          .arg(taskId, runId, name));
    if (!log.open(QIODevice::ReadOnly))
        return refuse(CommandLine::tr("Cannot read %1: %2").arg(log.fileName(), log.errorString()));
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return refuse(CommandLine::tr("Cannot write to the standard output."));
    while (!log.atEnd())
        stdoutFile.write(log.read(1 << 20));
    return ExitOk;
}

int metrics(SubcommandParser &sub, Workspace &workspace, const QCommandLineOption &keyOption)
{
    RunStore runs(workspace.catalog());
    const QString runId = sub.positional().value(1);
    if (auto run = runs.run(runId); !run)
        return refuse(run.error().message);
    MetricsStore store(workspace.catalog());
    const QString key = sub.parser.value(keyOption);
    if (sub.wantsJson()) {
        auto points = store.points(runId, key);
        if (!points)
            return refuse(points.error().message);
        QJsonArray array;
        for (const MetricPoint &point : points.value())
            array.append(
                QJsonObject{{u"key"_s, point.key},
                            {u"step"_s, point.step ? QJsonValue(*point.step) : QJsonValue()},
                            {u"value"_s, metricJsonValue(point.value)},
                            {u"ts"_s, point.ts}});
        printJson({{u"run"_s, runId},
                   {u"points"_s, array},
                   {u"malformed_lines"_s, store.malformed(runId).value_or(0)}});
        return ExitOk;
    }
    auto summaries = store.summaries(runId);
    if (!summaries)
        return refuse(summaries.error().message);
    if (summaries->isEmpty())
        out() << CommandLine::tr("Run %1 has no metrics.").arg(runId) << Qt::endl;
    for (const MetricSummary &summary : summaries.value()) {
        if (!key.isEmpty() && summary.key != key)
            continue;
        out() << padToWidth(summary.key, 24) << ' '
              << CommandLine::tr("last %1  min %2  max %3  (%n points)", nullptr,
                                 int(summary.count))
                     .arg(summary.last)
                     .arg(summary.min)
                     .arg(summary.max);
        if (summary.nonFinite > 0)
            out() << "  "
                  << CommandLine::tr("%n not finite (NaN or infinite)", nullptr,
                                     int(summary.nonFinite));
        out() << Qt::endl;
    }
    if (const qint64 bad = store.malformed(runId).value_or(0); bad > 0)
        out() << CommandLine::tr("%n malformed lines were skipped.", nullptr, int(bad)) << Qt::endl;
    return ExitOk;
}

int compare(SubcommandParser &sub, Workspace &workspace)
{
    auto comparison = RunComparison::load(workspace.root(), sub.positional().mid(1));
    if (!comparison)
        return refuse(comparison.error().message);
    const RunComparison &c = comparison.value();
    if (sub.wantsJson()) {
        QJsonArray runs;
        for (int i = 0; i < c.runs.size(); ++i) {
            QJsonObject params;
            for (const QString &key : c.paramKeys)
                params.insert(key, c.params[i].value(key));
            QJsonObject metrics;
            for (const QString &key : c.metricKeys) {
                if (c.metrics[i].contains(key))
                    metrics.insert(key, metricJsonValue(c.metrics[i].value(key)));
            }
            runs.append(QJsonObject{{u"run"_s, c.runs[i]},
                                    {u"label"_s, c.labels[i]},
                                    {u"params"_s, params},
                                    {u"metrics"_s, metrics}});
        }
        QJsonObject best;
        for (const QString &key : c.metricKeys) {
            if (const auto index = c.best(key))
                best.insert(key, c.runs[*index]);
        }
        printJson({{u"runs"_s, runs}, {u"best"_s, best}});
        return ExitOk;
    }
    out() << u"%1"_s.arg(QString(), -28);
    for (const QString &run : c.runs)
        out() << ' ' << padToWidth(run, 22);
    out() << Qt::endl;
    for (const QString &key : c.paramKeys) {
        out() << padToWidth(key.left(28), 28);
        for (int i = 0; i < c.runs.size(); ++i)
            out() << ' ' << padToWidth(c.params[i].value(key, u"-"_s).left(22), 22);
        out() << Qt::endl;
    }
    for (const QString &key : c.metricKeys) {
        const auto best = c.best(key);
        out() << padToWidth(key.left(28), 28);
        for (int i = 0; i < c.runs.size(); ++i) {
            const QString value = c.metrics[i].contains(key)
                                      ? QString::number(c.metrics[i].value(key), 'g', 6)
                                      : u"-"_s;
            out() << ' ' << padToWidth(best == i ? value + u" *"_s : value, 22);
        }
        out() << Qt::endl;
    }
    out() << CommandLine::tr("* best run for that metric") << Qt::endl;
    return ExitOk;
}

int experiment(SubcommandParser &sub, Workspace &workspace)
{
    RunStore runs(workspace.catalog());
    const QString name = sub.positional().value(1);
    auto id = runs.setExperiment(sub.positional().mid(2), name);
    if (!id)
        return refuse(id.error().message);
    if (sub.wantsJson())
        printJson({{u"experiment"_s, name},
                   {u"runs"_s, QJsonArray::fromStringList(sub.positional().mid(2))}});
    else
        out() << CommandLine::tr("%n runs are now in experiment %1.", nullptr,
                                 int(sub.positional().size() - 2))
                     .arg(name)
              << Qt::endl;
    return ExitOk;
}

int stop(SubcommandParser &sub, Workspace &workspace)
{
    const QString runId = sub.positional().value(1);
    auto stopped = Leftovers::stopRun(workspace.catalog(), runId);
    if (!stopped)
        return refuse(stopped.error().message);
    if (stopped.value()) {
        out() << CommandLine::tr("Run %1 had lost the Atelier process running it; it is marked "
                                 "failed and its started tasks lost. Process groups and "
                                 "cluster jobs ended now: %2.")
                     .arg(runId)
                     .arg(*stopped.value())
              << Qt::endl;
        return ExitOk;
    }
    out() << CommandLine::tr("Asked run %1 to stop; its running tasks get SIGTERM, then SIGKILL.")
                 .arg(runId)
          << Qt::endl;
    return ExitOk;
}

int importMlflow(SubcommandParser &sub, Workspace &workspace)
{
    const QString dir = QFileInfo(sub.positional().value(1)).absoluteFilePath();
    auto report = MlflowImport::importStore(workspace.catalog(), dir);
    if (!report)
        return refuse(report.error().message);
    // Problems with single files are listed, not fatal; only a store of which no run could be
    // imported is a failure.
    const bool nothing =
        report->runsImported == 0 && report->runsUpdated == 0 && report->runsFailed > 0;
    if (sub.wantsJson()) {
        QJsonArray problems;
        for (const MlflowImportProblem &problem : report->problems)
            problems.append(QJsonObject{{u"path"_s, problem.path},
                                        {u"line"_s, problem.line},
                                        {u"reason"_s, problem.reason}});
        printJson({{u"store"_s, dir},
                   {u"experiments"_s, report->experiments},
                   {u"experiments_deleted"_s, report->experimentsDeleted},
                   {u"runs_imported"_s, report->runsImported},
                   {u"runs_already_imported"_s, report->runsAlreadyImported},
                   {u"runs_updated"_s, report->runsUpdated},
                   {u"runs_deleted"_s, report->runsDeleted},
                   {u"runs_failed"_s, report->runsFailed},
                   {u"metric_points"_s, report->metricPoints},
                   {u"params"_s, report->params},
                   {u"tags"_s, report->tags},
                   {u"problems"_s, problems}});
        return nothing ? ExitRefused : ExitOk;
    }
    out() << CommandLine::tr("Imported from %1:").arg(QDir::toNativeSeparators(dir)) << Qt::endl
          << CommandLine::tr("  experiments: %1 (deleted, skipped: %2)")
                 .arg(report->experiments)
                 .arg(report->experimentsDeleted)
          << Qt::endl
          << CommandLine::tr("  runs: %1 imported, %2 already imported, %3 updated (they were "
                             "running or scheduled), %4 deleted (skipped), %5 left out")
                 .arg(report->runsImported)
                 .arg(report->runsAlreadyImported)
                 .arg(report->runsUpdated)
                 .arg(report->runsDeleted)
                 .arg(report->runsFailed)
          << Qt::endl
          << CommandLine::tr("  metric points: %1, params: %2, tags: %3")
                 .arg(report->metricPoints)
                 .arg(report->params)
                 .arg(report->tags)
          << Qt::endl;
    if (!report->problems.isEmpty())
        out() << CommandLine::tr("Problems:") << Qt::endl;
    for (const MlflowImportProblem &problem : report->problems)
        out() << "  " << problem.path
              << (problem.line > 0 ? u":"_s + QString::number(problem.line) : QString()) << ": "
              << problem.reason << Qt::endl;
    if (nothing)
        return refuse(CommandLine::tr("No run could be imported from %1; see the problems above.")
                          .arg(QDir::toNativeSeparators(dir)));
    return ExitOk;
}

} // namespace

int runRunsCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    const QCommandLineOption pipeline(u"pipeline"_s, CommandLine::tr("Only this pipeline's runs."),
                                      u"NAME"_s);
    const QCommandLineOption limit(u"limit"_s, CommandLine::tr("How many runs."), u"N"_s);
    const QCommandLineOption stderrOption(u"stderr"_s, CommandLine::tr("Show stderr."));
    const QCommandLineOption keyOption(u"key"_s, CommandLine::tr("Only this metric."), u"K"_s);
    sub.parser.addOptions({pipeline, limit, stderrOption, keyOption});
    if (!sub.parse(invocation, 1, 1000))
        return ExitUsage;
    const QString action = sub.positional().value(0);
    // Arguments after the action: at least, at most (-1: any number).
    static const QMap<QString, QPair<int, int>> arity = {
        {u"list"_s, {0, 0}},     {u"show"_s, {1, 1}},       {u"logs"_s, {2, 2}},
        {u"stop"_s, {1, 1}},     {u"metrics"_s, {1, 1}},    {u"import-mlflow"_s, {1, 1}},
        {u"compare"_s, {1, -1}}, {u"experiment"_s, {2, -1}}};
    if (!arity.contains(action))
        return usage(CommandLine::tr("unknown runs action '%1'. Actions: %2")
                         .arg(action, arity.keys().join(u", "_s)));
    const auto [least, most] = arity.value(action);
    const qsizetype given = sub.positional().size() - 1;
    if (given < least || (most >= 0 && given > most))
        return usage(
            most < 0
                ? CommandLine::tr("'runs %1' takes at least %2 argument(s).").arg(action).arg(least)
                : CommandLine::tr("'runs %1' takes %2 argument(s).").arg(action).arg(least));
    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    if (action == u"list"_s)
        return list(sub, workspace.value(), pipeline, limit);
    if (action == u"show"_s)
        return show(sub, workspace.value());
    if (action == u"logs"_s)
        return logs(sub, workspace.value(), stderrOption);
    if (action == u"metrics"_s)
        return metrics(sub, workspace.value(), keyOption);
    if (action == u"import-mlflow"_s)
        return importMlflow(sub, workspace.value());
    if (action == u"compare"_s)
        return compare(sub, workspace.value());
    if (action == u"experiment"_s)
        return experiment(sub, workspace.value());
    return stop(sub, workspace.value());
}

} // namespace atelier
