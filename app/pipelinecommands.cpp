#include "pipelinecommands.h"
#include "core/textwidth.h"

#include "cliutil.h"

#include "catalog/database.h"
#include "core/appsettings.h"
#include "core/workspace.h"
#include "launch/poolconnections.h"
#include "launch/runlauncher.h"
#include "pipeline/pipelinediff.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/templatelibrary.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QTime>


using namespace Qt::StringLiterals;

namespace atelier {

namespace {

GitSignature author()
{
    return GitSignature{AppSettings().annotatorName(), u"atelier@localhost"_s};
}

QString issuesText(const QList<ValidationIssue> &issues)
{
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines.append(issue.toString());
    return lines.join(u"\n"_s);
}

/// The workspace's templates; those that could not be loaded (a refused link, a broken
/// template.json) are warned about, so "unknown template" never comes without its reason.
TemplateLibrary loadTemplates(const Workspace &workspace)
{
    TemplateLibrary library = TemplateLibrary::forWorkspace(workspace.root());
    for (const Error &problem : library.loadErrors())
        err() << "atelier: " << CommandLine::tr("warning: %1").arg(problem.message) << Qt::endl;
    return library;
}

int validate(SubcommandParser &sub, Workspace &workspace)
{
    const PipelineStore store(workspace.root());
    auto located = store.locate(sub.positional().value(1));
    if (!located)
        return refuse(located.error().message);
    const TemplateLibrary library = loadTemplates(workspace);
    const QList<ValidationIssue> issues = PipelineValidator::validate(located->document, library);
    if (sub.wantsJson()) {
        QJsonArray list;
        for (const ValidationIssue &issue : issues)
            list.append(QJsonObject{{u"node"_s, issue.node},
                                    {u"edge"_s, issue.edge},
                                    {u"field"_s, issue.field},
                                    {u"message"_s, issue.message}});
        printJson(
            {{u"pipeline"_s, located->key}, {u"valid"_s, issues.isEmpty()}, {u"issues"_s, list}});
    } else if (issues.isEmpty()) {
        out() << CommandLine::tr("%1 is valid: %2 nodes, %3 links.")
                     .arg(located->document.name)
                     .arg(located->document.nodes.size())
                     .arg(located->document.edges.size())
              << Qt::endl;
    }
    if (issues.isEmpty())
        return ExitOk;
    if (!sub.wantsJson())
        err() << issuesText(issues) << Qt::endl;
    return refuse(CommandLine::tr("%n problems in %1; fix them and validate again.", nullptr,
                                  int(issues.size()))
                      .arg(located->key));
}

struct RunOptions
{
    QCommandLineOption pool{u"pool"_s, CommandLine::tr("Pool to run on."), u"P"_s};
    QCommandLineOption set{u"set"_s, CommandLine::tr("Set a variable."), u"NAME=VALUE"_s};
    QCommandLineOption from{u"from"_s, CommandLine::tr("Run from this node."), u"NODE"_s};
    QCommandLineOption only{u"only"_s, CommandLine::tr("Run only this node."), u"NODE"_s};
    QCommandLineOption noCache{u"no-cache"_s, CommandLine::tr("Run every node again.")};
    QCommandLineOption dryRun{u"dry-run"_s, CommandLine::tr("Show what would run, run nothing.")};
    QCommandLineOption experiment{u"experiment"_s,
                                  CommandLine::tr("Put the run into this experiment."), u"NAME"_s};
    QCommandLineOption logicalDate{
        u"logical-date"_s, CommandLine::tr("The schedule slot this run stands for."), u"TIME"_s};
};

/// Reads the run options of `pipeline run` into \a launch; false (usage printed) when one
/// is malformed.
bool parseRunOptions(SubcommandParser &sub, const RunOptions &options, LaunchOptions &launch,
                     int &exitCode)
{
    launch.pipeline = sub.positional().value(1);
    launch.pool = sub.parser.value(options.pool);
    launch.fromNode = sub.parser.value(options.from);
    launch.onlyNode = sub.parser.value(options.only);
    launch.noCache = sub.parser.isSet(options.noCache);
    launch.experiment = sub.parser.value(options.experiment);
    if (sub.parser.isSet(options.logicalDate)) {
        launch.logicalDate =
            QDateTime::fromString(sub.parser.value(options.logicalDate), Qt::ISODate);
        if (!launch.logicalDate.isValid()) {
            exitCode = usage(CommandLine::tr("--logical-date takes an ISO 8601 time, not \"%1\".")
                                 .arg(sub.parser.value(options.logicalDate)));
            return false;
        }
    }
    if (!launch.fromNode.isEmpty() && !launch.onlyNode.isEmpty()) {
        exitCode = usage(CommandLine::tr("--from and --only cannot be used together."));
        return false;
    }
    for (const QString &assignment : sub.parser.values(options.set)) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0) {
            exitCode =
                usage(CommandLine::tr("--set takes NAME=VALUE, not \"%1\".").arg(assignment));
            return false;
        }
        launch.variables.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    return true;
}

int printPlan(const RunLauncher &launcher, const QList<PlannedTask> &plan, bool json)
{
    QJsonArray tasks;
    for (const PlannedTask &task : plan) {
        tasks.append(QJsonObject{
            {u"id"_s, task.nodeId}, {u"decision"_s, task.decision}, {u"reason"_s, task.reason}});
        if (!json)
            out() << padToWidth(task.nodeId, 18) << ' ' << padToWidth(task.decision, 13) << ' '
                  << task.reason << Qt::endl;
    }
    if (json)
        printJson(
            {{u"pipeline"_s, launcher.pipeline().key}, {u"dry_run"_s, true}, {u"tasks"_s, tasks}});
    return ExitOk;
}

int printOutcome(const RunExecutor &executor, bool json)
{
    const QString state = executor.state();
    if (json) {
        QJsonArray tasks;
        for (const TaskRecord &task : executor.tasks())
            tasks.append(QJsonObject{
                {u"id"_s, task.nodeId},
                {u"state"_s, task.state},
                {u"attempts"_s, task.attempts},
                {u"exit_code"_s, task.exitCode ? QJsonValue(*task.exitCode) : QJsonValue()},
                {u"message"_s, task.message}});
        printJson({{u"run"_s, executor.runId()}, {u"state"_s, state}, {u"tasks"_s, tasks}});
    } else {
        out() << CommandLine::tr("Run %1 %2.").arg(executor.runId(), state) << Qt::endl;
    }
    if (state != u"succeeded"_s)
        return refuse(CommandLine::tr("Run %1 %2; 'atelier runs show %1' has the details.")
                          .arg(executor.runId(), state));
    return ExitOk;
}

int run(SubcommandParser &sub, Workspace &workspace, const RunOptions &options)
{
    LaunchOptions launch;
    int exitCode = ExitOk;
    if (!parseRunOptions(sub, options, launch, exitCode))
        return exitCode;
    const bool dryRun = sub.parser.isSet(options.dryRun);
    const bool json = sub.wantsJson();

    RunLauncher launcher(workspace, QCoreApplication::applicationFilePath());
    QObject::connect(&launcher, &RunLauncher::warning, &launcher, [](const QString &message) {
        err() << "atelier: " << CommandLine::tr("warning: %1").arg(message) << Qt::endl;
    });
    QObject::connect(&launcher, &RunLauncher::poolStateChanged, &launcher,
                     [](const QString &name, const QString &state, const QString &reason) {
                         err() << "atelier: " << PoolConnections::stateText(name, state, reason)
                               << Qt::endl;
                     });
    if (Status prepared = launcher.prepare(launch, dryRun); !prepared)
        return refuse(prepared.error().message);
    RunExecutor &executor = *launcher.executor();
    QObject::connect(&executor, &RunExecutor::taskChanged, &executor,
                     [json](const TaskRecord &task) {
                         if (json)
                             return;
                         out() << QTime::currentTime().toString(u"HH:mm:ss"_s) << "  "
                               << padToWidth(task.nodeId, 18) << ' ' << padToWidth(task.state, 10)
                               << ' ' << task.message << Qt::endl;
                     });
    if (dryRun) {
        auto plan = launcher.plan();
        if (!plan)
            return refuse(plan.error().message);
        return printPlan(launcher, plan.value(), json);
    }
    QEventLoop loop;
    QObject::connect(&executor, &RunExecutor::finished, &loop, &QEventLoop::quit);
    stopOnSignals(&executor, [&executor] { executor.stop(); });

    auto started = launcher.start();
    if (!started)
        return refuse(started.error().message);
    if (!json) {
        const QString commit = launcher.request().commitId;
        out() << CommandLine::tr("Run %1 of %2%3")
                     .arg(started.value(), launcher.pipeline().document.name,
                          commit.isEmpty()
                              ? CommandLine::tr(" (uncommitted version; snapshot kept in the run "
                                                "folder)")
                              : CommandLine::tr(" at commit %1").arg(commit.left(8)))
              << Qt::endl;
    }
    loop.exec();
    if (Status concluded = launcher.conclude(); !concluded)
        return refuse(concluded.error().message);
    return printOutcome(executor, json);
}

int list(SubcommandParser &sub, Workspace &workspace)
{
    const PipelineStore store(workspace.root());
    QJsonArray array;
    for (const QString &slug : store.list()) {
        auto commits = store.history(slug);
        const QString last = commits && !commits->isEmpty()
                                 ? commits->constFirst().time.toString(Qt::ISODate)
                                 : QString();
        array.append(QJsonObject{{u"name"_s, slug},
                                 {u"versions"_s, commits ? int(commits->size()) : 0},
                                 {u"saved_at"_s, last}});
        if (!sub.wantsJson())
            out() << padToWidth(slug, 32) << ' '
                  << CommandLine::tr("%n versions", nullptr, commits ? int(commits->size()) : 0)
                  << "  " << last << Qt::endl;
    }
    if (sub.wantsJson())
        printJson({{u"pipelines"_s, array}});
    return ExitOk;
}

int save(SubcommandParser &sub, Workspace &workspace, const QCommandLineOption &message)
{
    auto doc = PipelineDocument::load(sub.positional().value(1));
    if (!doc)
        return refuse(doc.error().message);
    const TemplateLibrary library = loadTemplates(workspace);
    if (const auto issues = PipelineValidator::validate(doc.value(), library); !issues.isEmpty()) {
        err() << issuesText(issues) << Qt::endl;
        return refuse(CommandLine::tr("Not saved: the pipeline has %n problems.", nullptr,
                                      int(issues.size())));
    }
    PipelineStore store(workspace.root());
    const QString text = sub.parser.isSet(message) ? sub.parser.value(message)
                                                   : CommandLine::tr("Save %1").arg(doc->name);
    auto commit = store.save(doc.value(), text, author());
    if (!commit)
        return refuse(commit.error().message);
    const QString slug = PipelineDocument::slugFor(doc->name);
    if (sub.wantsJson())
        printJson({{u"name"_s, slug}, {u"commit"_s, commit.value()}});
    else
        out() << CommandLine::tr("Saved %1 as commit %2.").arg(slug, commit->left(8)) << Qt::endl;
    return ExitOk;
}

int history(SubcommandParser &sub, Workspace &workspace)
{
    const PipelineStore store(workspace.root());
    const QString slug = sub.positional().value(1);
    auto commits = store.history(slug);
    if (!commits)
        return refuse(commits.error().message);
    if (commits->isEmpty())
        return refuse(CommandLine::tr("No saved pipeline is named \"%1\".").arg(slug));
    QJsonArray array;
    for (const CommitInfo &commit : commits.value()) {
        array.append(QJsonObject{{u"commit"_s, commit.id},
                                 {u"message"_s, commit.summary},
                                 {u"author"_s, commit.authorName},
                                 {u"time"_s, commit.time.toString(Qt::ISODate)}});
        if (!sub.wantsJson())
            out() << commit.id.left(8) << "  " << commit.time.toString(Qt::ISODate) << "  "
                  << padToWidth(commit.authorName, 12) << "  " << commit.summary << Qt::endl;
    }
    if (sub.wantsJson())
        printJson({{u"name"_s, slug}, {u"versions"_s, array}});
    return ExitOk;
}

int diff(SubcommandParser &sub, Workspace &workspace)
{
    const PipelineStore store(workspace.root());
    const QString slug = sub.positional().value(1);
    auto before = store.load(slug, sub.positional().value(2));
    if (!before)
        return refuse(before.error().message);
    // Without a second commit, the file as it is now.
    auto after = store.load(slug, sub.positional().value(3));
    if (!after)
        return refuse(after.error().message);
    const QList<PipelineChange> changes = PipelineDiff::compare(before.value(), after.value());
    if (sub.wantsJson()) {
        QJsonArray array;
        for (const PipelineChange &change : changes) {
            static const char *const kinds[] = {"added", "removed", "changed"};
            static const char *const subjects[] = {"node", "edge", "pipeline"};
            array.append(
                QJsonObject{{u"kind"_s, QString::fromLatin1(kinds[int(change.kind)])},
                            {u"subject"_s, QString::fromLatin1(subjects[int(change.subject)])},
                            {u"id"_s, change.id},
                            {u"details"_s, QJsonArray::fromStringList(change.details)}});
        }
        printJson({{u"name"_s, slug}, {u"changes"_s, array}});
    } else if (changes.isEmpty()) {
        out() << CommandLine::tr("No structural changes.") << Qt::endl;
    } else {
        for (const PipelineChange &change : changes)
            out() << change.toString() << Qt::endl;
    }
    return ExitOk;
}

int restore(SubcommandParser &sub, Workspace &workspace)
{
    PipelineStore store(workspace.root());
    auto commit = store.restore(sub.positional().value(1), sub.positional().value(2), author());
    if (!commit)
        return refuse(commit.error().message);
    if (sub.wantsJson())
        printJson({{u"name"_s, sub.positional().value(1)}, {u"commit"_s, commit.value()}});
    else
        out() << CommandLine::tr("Restored %1; the new version is commit %2.")
                     .arg(sub.positional().value(1), commit->left(8))
              << Qt::endl;
    return ExitOk;
}

} // namespace

int runPipelineCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    const RunOptions runOptions;
    const QCommandLineOption message({u"m"_s, u"message"_s}, CommandLine::tr("Commit message."),
                                     u"MSG"_s);
    sub.parser.addOptions({runOptions.pool, runOptions.set, runOptions.from, runOptions.only,
                           runOptions.noCache, runOptions.dryRun, runOptions.experiment,
                           runOptions.logicalDate, message});
    if (!sub.parse(invocation, 1, 4))
        return ExitUsage;
    const QString action = sub.positional().value(0);
    static const QMap<QString, QPair<int, int>> arity = {
        {u"validate"_s, {2, 2}}, {u"run"_s, {2, 2}},  {u"list"_s, {1, 1}},   {u"save"_s, {2, 2}},
        {u"history"_s, {2, 2}},  {u"diff"_s, {3, 4}}, {u"restore"_s, {3, 3}}};
    if (!arity.contains(action))
        return usage(CommandLine::tr("unknown pipeline action '%1'. Actions: %2")
                         .arg(action, arity.keys().join(u", "_s)));
    const auto [least, most] = arity.value(action);
    if (sub.positional().size() < least || sub.positional().size() > most)
        return usage(CommandLine::tr("'pipeline %1' takes %2 argument(s).")
                         .arg(action)
                         .arg(least == most ? QString::number(least - 1)
                                            : u"%1–%2"_s.arg(least - 1).arg(most - 1)));

    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    if (action == u"validate"_s)
        return validate(sub, workspace.value());
    if (action == u"run"_s)
        return run(sub, workspace.value(), runOptions);
    if (action == u"list"_s)
        return list(sub, workspace.value());
    if (action == u"save"_s)
        return save(sub, workspace.value(), message);
    if (action == u"history"_s)
        return history(sub, workspace.value());
    if (action == u"diff"_s)
        return diff(sub, workspace.value());
    return restore(sub, workspace.value());
}

} // namespace atelier
