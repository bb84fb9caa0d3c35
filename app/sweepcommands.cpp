#include "sweepcommands.h"

#include "cliutil.h"

#include "core/textwidth.h"
#include "core/workspace.h"
#include "launch/poolconnections.h"
#include "launch/sweeplauncher.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/templatelibrary.h"
#include "sweeps/sweeprunner.h"
#include "sweeps/sweepstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QTime>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

struct SweepOptions
{
    QCommandLineOption param{u"param"_s, CommandLine::tr("A swept parameter: NODE.PARAM=SPEC."),
                             u"NODE.PARAM=SPEC"_s};
    QCommandLineOption objective{u"objective"_s, CommandLine::tr("The metric to optimise."),
                                 u"NODE.METRIC"_s};
    QCommandLineOption direction{u"direction"_s, CommandLine::tr("maximize or minimize."),
                                 u"DIR"_s};
    QCommandLineOption trials{u"trials"_s, CommandLine::tr("Number of trials (default 20)."),
                              u"N"_s};
    QCommandLineOption parallel{u"parallel"_s, CommandLine::tr("Trials at once (default 1)."),
                                u"K"_s};
    QCommandLineOption sampler{u"sampler"_s, CommandLine::tr("tpe, random, grid or cmaes."),
                               u"S"_s};
    QCommandLineOption pruner{u"pruner"_s, CommandLine::tr("none, median or hyperband."), u"P"_s};
    QCommandLineOption timeout{u"timeout"_s,
                               CommandLine::tr("Start no trial after this many seconds."), u"S"_s};
    QCommandLineOption seed{u"seed"_s, CommandLine::tr("Seed of the sampler."), u"N"_s};
    QCommandLineOption name{u"name"_s, CommandLine::tr("Name of the sweep."), u"NAME"_s};
    QCommandLineOption pool{u"pool"_s, CommandLine::tr("Pool the trials run on (default: local)."),
                            u"P"_s};
};

QString valueText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 6);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isNull() || value.isUndefined())
        return u"–"_s;
    return value.toString();
}

QString paramsText(const QJsonObject &params)
{
    QStringList parts;
    for (auto it = params.begin(); it != params.end(); ++it)
        parts.append(it.key() + u'=' + valueText(it.value()));
    return parts.join(u"  "_s);
}

/// What `show --json` and `run --json` print: the sweep, its trials and the best one.
QJsonObject sweepJson(const SweepConfig &config, const SweepStatus &status,
                      const QJsonObject &summary)
{
    QJsonObject object{{u"sweep"_s, config.name},
                       {u"pipeline"_s, config.pipeline},
                       {u"objective"_s, config.objectiveNode + u'.' + config.objectiveMetric},
                       {u"direction"_s, config.direction},
                       {u"sampler"_s, config.sampler},
                       {u"pruner"_s, config.pruner},
                       {u"trials_requested"_s, config.trials},
                       {u"parallel"_s, config.parallel},
                       {u"state"_s, status.state},
                       {u"message"_s, status.message},
                       {u"trials"_s, summary.value(u"trials"_s).toArray()},
                       {u"best"_s, summary.value(u"best"_s)},
                       {u"counted"_s, summary.value(u"counted"_s).toInt()}};
    if (object.value(u"best"_s).isUndefined())
        object.insert(u"best"_s, QJsonValue());
    return object;
}

void printTrialsTable(const QJsonObject &summary)
{
    out() << padToWidth(u"#"_s, 5) << ' ' << padToWidth(CommandLine::tr("state"), 9) << ' '
          << padToWidth(CommandLine::tr("value"), 12) << ' '
          << padToWidth(CommandLine::tr("time"), 8) << ' ' << padToWidth(CommandLine::tr("run"), 20)
          << ' ' << CommandLine::tr("params") << Qt::endl;
    for (const QJsonValue &entry : summary.value(u"trials"_s).toArray()) {
        const QJsonObject trial = entry.toObject();
        const QJsonValue duration = trial.value(u"duration_s"_s);
        out() << padToWidth(QString::number(trial.value(u"number"_s).toInt()), 5) << ' '
              << padToWidth(trial.value(u"state"_s).toString(), 9) << ' '
              << padToWidth(valueText(trial.value(u"value"_s)), 12) << ' '
              << padToWidth(duration.isDouble()
                                ? QString::number(duration.toDouble(), 'f', 1) + u" s"_s
                                : u"–"_s,
                            8)
              << ' ' << padToWidth(valueText(trial.value(u"run"_s)), 20) << ' '
              << paramsText(trial.value(u"params"_s).toObject()) << Qt::endl;
    }
}

QString bestText(const QJsonObject &summary)
{
    const QJsonObject best = summary.value(u"best"_s).toObject();
    if (best.isEmpty())
        return CommandLine::tr("No trial has completed.");
    return CommandLine::tr("Best: trial %1, value %2 (run %3): %4")
        .arg(best.value(u"number"_s).toInt())
        .arg(valueText(best.value(u"value"_s)), valueText(best.value(u"run"_s)),
             paramsText(best.value(u"params"_s).toObject()));
}

/// Runs (or resumes) \a config to its end in this process.
int drive(SubcommandParser &sub, Workspace &workspace, const SweepConfig &config)
{
    SweepLauncher launcher(workspace, QCoreApplication::applicationFilePath());
    QObject::connect(&launcher, &SweepLauncher::poolStateChanged, &launcher,
                     [](const QString &name, const QString &state, const QString &reason) {
                         err() << "atelier: " << PoolConnections::stateText(name, state, reason)
                               << Qt::endl;
                     });
    if (Status prepared = launcher.prepare(config); !prepared)
        return refuse(prepared.error().message);
    SweepRunner &runner = *launcher.runner();
    const bool json = sub.wantsJson();
    QObject::connect(&runner, &SweepRunner::trialStarted, &runner,
                     [json](int number, const QString &runId, const QJsonObject &params) {
                         if (!json)
                             out() << QTime::currentTime().toString(u"HH:mm:ss"_s) << "  "
                                   << CommandLine::tr("trial %1 started: run %2  %3")
                                          .arg(number)
                                          .arg(runId, paramsText(params))
                                   << Qt::endl;
                     });
    QObject::connect(
        &runner, &SweepRunner::trialFinished, &runner,
        [json](int number, const QString &state, const QJsonValue &value, const QString &reason) {
            if (!json)
                out() << QTime::currentTime().toString(u"HH:mm:ss"_s) << "  "
                      << CommandLine::tr("trial %1 %2 %3 %4")
                             .arg(number)
                             .arg(state, valueText(value), reason)
                             .trimmed()
                      << Qt::endl;
        });
    QEventLoop loop;
    QObject::connect(&runner, &SweepRunner::finished, &loop, &QEventLoop::quit);
    stopOnSignals(&runner, [&runner] { runner.stop(); });
    if (Status started = launcher.start(); !started)
        return refuse(started.error().message);
    if (!json)
        out() << CommandLine::tr("Sweep %1 of %2: %3 %4.%5, %n trials", nullptr, config.trials)
                     .arg(config.name, launcher.pipeline().document.name, config.direction,
                          config.objectiveNode, config.objectiveMetric)
              << Qt::endl;
    loop.exec();
    const QJsonObject summary = runner.summary();
    const SweepStatus status = SweepStore(workspace.root()).status(config.name);
    if (json) {
        printJson(sweepJson(config, status, summary));
    } else {
        out() << CommandLine::tr("Sweep %1 %2.").arg(config.name, runner.state()) << ' '
              << bestText(summary) << Qt::endl;
    }
    if (runner.state() != u"finished"_s)
        return refuse(runner.message().isEmpty()
                          ? CommandLine::tr("Sweep %1 %2.").arg(config.name, runner.state())
                          : runner.message());
    return ExitOk;
}

int runSweep(SubcommandParser &sub, Workspace &workspace, const SweepOptions &options)
{
    const QCommandLineParser &p = sub.parser;
    SweepConfig config;
    config.pipeline = sub.positional().value(1);
    // Flags are read before the pipeline, so a mistyped one is a usage error however the
    // pipeline is; what the pipeline's sweep section gives is filled in after.
    QList<SweepParam> flagParams;
    for (const QString &argument : p.values(options.param)) {
        auto param = SweepConfig::parseParam(argument);
        if (!param)
            return usage(param.error().message);
        flagParams.append(param.value());
    }
    SweepConfig flagObjective;
    if (p.isSet(options.objective)) {
        if (Status objective = flagObjective.setObjective(p.value(options.objective)); !objective)
            return usage(objective.error().message);
    }
    if (p.isSet(options.direction) && p.value(options.direction) != u"maximize"_s &&
        p.value(options.direction) != u"minimize"_s)
        return usage(CommandLine::tr("--direction takes maximize or minimize, not \"%1\".")
                         .arg(p.value(options.direction)));
    auto positive = [&p](const QCommandLineOption &option, int fallback, int least, bool *ok) {
        if (!p.isSet(option))
            return fallback;
        const int value = p.value(option).toInt(ok);
        *ok = *ok && value >= least;
        return value;
    };
    bool ok = true;
    (void)positive(options.trials, 0, 1, &ok);
    if (!ok)
        return usage(CommandLine::tr("--trials takes a whole number of 1 or more."));
    config.parallel = positive(options.parallel, 1, 1, &ok);
    if (!ok)
        return usage(CommandLine::tr("--parallel takes a whole number of 1 or more."));
    config.timeoutS = positive(options.timeout, 0, 1, &ok);
    if (!ok)
        return usage(CommandLine::tr("--timeout takes a whole number of seconds, 1 or more."));
    if (p.isSet(options.seed)) {
        const qint64 seed = p.value(options.seed).toLongLong(&ok);
        if (!ok || seed < 0 || seed > 0xffffffffll)
            return usage(CommandLine::tr("--seed takes a whole number from 0 to 4294967295."));
        config.seed = seed;
    }
    if (p.isSet(options.sampler) &&
        !QStringList{u"tpe"_s, u"random"_s, u"grid"_s, u"cmaes"_s}.contains(
            p.value(options.sampler)))
        return usage(CommandLine::tr("--sampler takes tpe, random, grid or cmaes, not \"%1\".")
                         .arg(p.value(options.sampler)));
    if (p.isSet(options.pruner) &&
        !QStringList{u"none"_s, u"median"_s, u"hyperband"_s}.contains(p.value(options.pruner)))
        return usage(CommandLine::tr("--pruner takes none, median or hyperband, not \"%1\".")
                         .arg(p.value(options.pruner)));

    const PipelineStore pipelines(workspace.root());
    auto located = pipelines.locate(config.pipeline);
    if (!located)
        return refuse(located.error().message);
    // The space saved in the pipeline first; each flag given overrides its part of it, and
    // --param, when given, is the whole space.
    bool directionKnown = false;
    if (const auto &section = located->document.sweep) {
        if (Status applied = config.applySection(*section, config.pipeline); !applied)
            return refuse(applied.error().message);
        directionKnown = !section->direction.isEmpty();
    }
    if (!flagParams.isEmpty())
        config.params = flagParams;
    if (config.params.isEmpty())
        return usage(CommandLine::tr("'sweep run' needs at least one --param NODE.PARAM=SPEC, or "
                                     "a \"sweep\" section in the pipeline."));
    if (p.isSet(options.objective)) {
        config.objectiveNode = flagObjective.objectiveNode;
        config.objectiveMetric = flagObjective.objectiveMetric;
    }
    if (config.objectiveNode.isEmpty())
        return usage(CommandLine::tr("'sweep run' needs --objective NODE.METRIC (or an objective "
                                     "in the pipeline's sweep section)."));
    if (p.isSet(options.direction)) {
        config.direction = p.value(options.direction);
        directionKnown = true;
    }
    if (!directionKnown)
        return usage(CommandLine::tr("'sweep run' needs --direction maximize or minimize (or a "
                                     "direction in the pipeline's sweep section)."));
    config.trials = positive(options.trials, config.trials, 1, &ok);
    if (p.isSet(options.sampler))
        config.sampler = p.value(options.sampler);
    if (p.isSet(options.pruner))
        config.pruner = p.value(options.pruner);
    config.pool = p.value(options.pool); // checked, with the pipeline's own pools, by drive()

    config.pipeline = located->key; // a resume from another folder finds the same pipeline
    config.name = p.isSet(options.name)
                      ? p.value(options.name)
                      : PipelineDocument::slugFor(located->document.name) + u'-' +
                            QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    if (!SweepConfig::isValidName(config.name))
        return usage(CommandLine::tr("--name %1: use letters, digits, '-', '_' and '.', starting "
                                     "with a letter or digit.")
                         .arg(config.name));
    // Every mistake in the space is refused here, before a folder is made or a trial run.
    const TemplateLibrary library = TemplateLibrary::forWorkspace(workspace.root());
    if (Status checked = config.check(located->document, library); !checked)
        return refuse(checked.error().message);
    SweepStore store(workspace.root());
    if (Status created = store.create(config); !created)
        return refuse(created.error().message);
    return drive(sub, workspace, config);
}

int listSweeps(SubcommandParser &sub, Workspace &workspace)
{
    const SweepStore store(workspace.root());
    QJsonArray array;
    for (const QString &name : store.list()) {
        auto config = store.config(name);
        const SweepStatus status = store.status(name);
        const QJsonObject best = status.summary.value(u"best"_s).toObject();
        const QJsonObject entry{
            {u"name"_s, name},
            {u"pipeline"_s, config ? config->pipeline : QString()},
            {u"objective"_s,
             config ? config->objectiveNode + u'.' + config->objectiveMetric : QString()},
            {u"direction"_s, config ? config->direction : QString()},
            {u"state"_s, status.state},
            {u"trials"_s, status.summary.value(u"counted"_s).toInt()},
            {u"trials_requested"_s, config ? config->trials : 0},
            {u"best_value"_s, best.value(u"value"_s)}};
        array.append(entry);
        if (!sub.wantsJson())
            out() << padToWidth(name, 28) << ' ' << padToWidth(status.state, 11) << ' '
                  << padToWidth(u"%1/%2"_s.arg(entry.value(u"trials"_s).toInt())
                                    .arg(entry.value(u"trials_requested"_s).toInt()),
                                7)
                  << ' ' << padToWidth(entry.value(u"objective"_s).toString(), 20) << ' '
                  << valueText(best.value(u"value"_s)) << Qt::endl;
    }
    if (sub.wantsJson())
        printJson({{u"sweeps"_s, array}});
    return ExitOk;
}

int showSweep(SubcommandParser &sub, Workspace &workspace)
{
    const SweepStore store(workspace.root());
    const QString name = sub.positional().value(1);
    auto config = store.config(name);
    if (!config)
        return refuse(config.error().message);
    const SweepStatus status = store.status(name);
    auto loaded = store.loadSummary(name);
    // A sweep that failed before its study was made has no trials to show.
    if (!loaded && status.state != u"failed"_s)
        return refuse(loaded.error().message);
    const QJsonObject summary = loaded.value_or(QJsonObject());
    if (sub.wantsJson()) {
        QJsonObject object = sweepJson(config.value(), status, summary);
        object.insert(u"storage"_s, store.storageUrl(name));
        object.insert(u"importances"_s, summary.value(u"importances"_s).toObject());
        printJson(object);
        return ExitOk;
    }
    out() << CommandLine::tr("Sweep %1 of %2: %3 %4.%5 (%6 sampler, %7 pruner)")
                 .arg(name, config->pipeline, config->direction, config->objectiveNode,
                      config->objectiveMetric, config->sampler, config->pruner)
          << Qt::endl;
    out() << CommandLine::tr("State: %1%2")
                 .arg(status.state, status.message.isEmpty() ? QString() : u"; "_s + status.message)
          << Qt::endl;
    out() << CommandLine::tr("Study: %1 in %2").arg(name, store.storageUrl(name)) << Qt::endl;
    printTrialsTable(summary);
    out() << bestText(summary) << Qt::endl;
    const QJsonObject importances = summary.value(u"importances"_s).toObject();
    if (!importances.isEmpty()) {
        QStringList parts;
        for (auto it = importances.begin(); it != importances.end(); ++it)
            parts.append(u"%1 %2"_s.arg(it.key()).arg(it.value().toDouble(), 0, 'f', 2));
        out() << CommandLine::tr("Importances (fANOVA): %1").arg(parts.join(u", "_s)) << Qt::endl;
    }
    return ExitOk;
}

int stopSweep(SubcommandParser &sub, Workspace &workspace)
{
    const QString name = sub.positional().value(1);
    auto stopped = SweepStore(workspace.root()).stop(name);
    if (!stopped)
        return refuse(stopped.error().message);
    const SweepStatus &status = stopped.value();
    if (status.state == u"running"_s)
        return refuse(CommandLine::tr("Sweep %1 was asked to stop and has not yet; its trials "
                                      "are being stopped.")
                          .arg(name));
    if (sub.wantsJson())
        printJson({{u"sweep"_s, name}, {u"state"_s, status.state}});
    else
        out() << CommandLine::tr("Sweep %1 %2.").arg(name, status.state) << Qt::endl;
    return ExitOk;
}

int resumeSweep(SubcommandParser &sub, Workspace &workspace)
{
    SweepStore store(workspace.root());
    const QString name = sub.positional().value(1);
    auto config = store.config(name);
    if (!config)
        return refuse(config.error().message);
    const SweepStatus status = store.status(name);
    if (status.state == u"running"_s)
        return refuse(CommandLine::tr("Sweep %1 is running (process %2); 'atelier sweep stop %1' "
                                      "first.")
                          .arg(name)
                          .arg(status.pid));
    return drive(sub, workspace, config.value());
}

} // namespace

int runSweepCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    const SweepOptions options;
    sub.parser.addOptions({options.param, options.objective, options.direction, options.trials,
                           options.parallel, options.sampler, options.pruner, options.timeout,
                           options.seed, options.name, options.pool});
    if (!sub.parse(invocation, 1, 2))
        return ExitUsage;
    const QString action = sub.positional().value(0);
    static const QMap<QString, int> arity = {
        {u"run"_s, 2}, {u"list"_s, 1}, {u"show"_s, 2}, {u"stop"_s, 2}, {u"resume"_s, 2}};
    if (!arity.contains(action))
        return usage(CommandLine::tr("unknown sweep action '%1'. Actions: %2")
                         .arg(action, arity.keys().join(u", "_s)));
    if (sub.positional().size() != arity.value(action))
        return usage(
            CommandLine::tr("'sweep %1' takes %n argument(s).", nullptr, arity.value(action) - 1)
                .arg(action));
    auto workspace = Workspace::open(sub.workspaceDir());
    if (!workspace)
        return refuse(workspace.error().message);
    if (action == u"run"_s)
        return runSweep(sub, workspace.value(), options);
    if (action == u"list"_s)
        return listSweeps(sub, workspace.value());
    if (action == u"show"_s)
        return showSweep(sub, workspace.value());
    if (action == u"stop"_s)
        return stopSweep(sub, workspace.value());
    return resumeSweep(sub, workspace.value());
}

} // namespace atelier
