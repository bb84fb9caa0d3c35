#include "pipelinecommands.h"
#include "core/textwidth.h"

#include "cliutil.h"

#include "catalog/database.h"
#include "core/appsettings.h"
#include "core/workspace.h"
#include "local/localconnector.h"
#include "pipeline/pipelinediff.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/runexecutor.h"
#include "pipeline/templatelibrary.h"
#include "health/poolhealth.h"
#include "pools/poolstore.h"
#include "runs/runstore.h"

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

int run(SubcommandParser &sub, Workspace &workspace, const RunOptions &options)
{
    const auto &[pool, set, from, only, noCache, dryRun, experiment, logicalDate] = options;
    const PipelineStore store(workspace.root());
    auto located = store.locate(sub.positional().value(1));
    if (!located)
        return refuse(located.error().message);

    RunRequest request;
    request.workspaceRoot = workspace.root();
    request.atelierBinary = QCoreApplication::applicationFilePath();
    request.pipelineKey = located->key;
    request.commitId = located->uncommitted ? QString() : located->commitId;
    request.document = located->document;
    request.fromNode = sub.parser.value(from);
    request.onlyNode = sub.parser.value(only);
    request.noCache = sub.parser.isSet(noCache);
    if (sub.parser.isSet(logicalDate)) {
        const QDateTime slot = QDateTime::fromString(sub.parser.value(logicalDate), Qt::ISODate);
        if (!slot.isValid())
            return usage(CommandLine::tr("--logical-date takes an ISO 8601 time, not \"%1\".")
                             .arg(sub.parser.value(logicalDate)));
        request.logicalDate = slot.toUTC().toString(Qt::ISODate);
    }
    if (!request.fromNode.isEmpty() && !request.onlyNode.isEmpty())
        return usage(CommandLine::tr("--from and --only cannot be used together."));
    for (const QString &assignment : sub.parser.values(set)) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0)
            return usage(CommandLine::tr("--set takes NAME=VALUE, not \"%1\".").arg(assignment));
        request.variables.insert(assignment.left(eq), assignment.mid(eq + 1));
    }

    const QString poolName = sub.parser.isSet(pool) ? sub.parser.value(pool) : u"local"_s;
    request.pool = poolName;
    // Every pool the run uses (--pool and the nodes' own) must exist and answer; a remote one
    // is checked now, so its capacity is current and a dead cluster refuses the run at once.
    QStringList poolNames{poolName};
    for (const NodeSpec &node : std::as_const(request.document.nodes)) {
        if (!node.pool.isEmpty() && !poolNames.contains(node.pool))
            poolNames.append(node.pool);
    }
    PoolStore pools(workspace.catalog());
    std::vector<std::shared_ptr<Connector>> remote;
    for (const QString &name : std::as_const(poolNames)) {
        auto record = pools.find(name);
        if (!record)
            return refuse(record.error().message);
        if (record->kind == u"local"_s)
            continue;
        if (sub.parser.isSet(dryRun) && record->capacity) {
            // A dry run plans with the last check; it talks to no cluster.
        } else {
            const PoolHealthResult health = PoolHealth::checkAndSave(pools, record.value());
            if (health.state != u"online"_s)
                return refuse(CommandLine::tr("Pool %1 is %2: %3; nothing was run.")
                                  .arg(name, health.state, health.reason));
            record = pools.find(name);
        }
        auto connector = PoolHealth::connectorFor(record.value());
        if (!connector)
            return refuse(connector.error().message);
        QObject::connect(
            connector.value().get(), &Connector::poolStateChanged, connector.value().get(),
            [&workspace, name](const QString &state, const QString &reason) {
                PoolStore store(workspace.catalog());
                (void)store.saveCheck(name, state, reason, std::nullopt);
                err() << "atelier: "
                      << (reason.isEmpty()
                              ? CommandLine::tr("pool %1 is %2").arg(name, state)
                              : CommandLine::tr("pool %1 is %2: %3").arg(name, state, reason))
                      << Qt::endl;
            });
        remote.push_back(connector.value());
    }

    RunStore runs(workspace.catalog());
    const TemplateLibrary library = loadTemplates(workspace);
    LocalConnector connector;
    RunExecutor executor(workspace.catalog(), library, connector);
    for (const auto &other : remote)
        executor.addConnector(*other);
    const bool json = sub.wantsJson();
    QObject::connect(&executor, &RunExecutor::taskChanged, &executor,
                     [json](const TaskRecord &task) {
                         if (json)
                             return;
                         out() << QTime::currentTime().toString(u"HH:mm:ss"_s) << "  "
                               << padToWidth(task.nodeId, 18) << ' ' << padToWidth(task.state, 10)
                               << ' ' << task.message << Qt::endl;
                     });
    if (sub.parser.isSet(dryRun)) {
        auto plan = executor.plan(request);
        if (!plan)
            return refuse(plan.error().message);
        QJsonArray tasks;
        for (const PlannedTask &task : plan.value()) {
            tasks.append(QJsonObject{{u"id"_s, task.nodeId},
                                     {u"decision"_s, task.decision},
                                     {u"reason"_s, task.reason}});
            if (!json)
                out() << padToWidth(task.nodeId, 18) << ' ' << padToWidth(task.decision, 13) << ' '
                      << task.reason << Qt::endl;
        }
        if (json)
            printJson({{u"pipeline"_s, located->key}, {u"dry_run"_s, true}, {u"tasks"_s, tasks}});
        return ExitOk;
    }
    QEventLoop loop;
    QObject::connect(&executor, &RunExecutor::finished, &loop, &QEventLoop::quit);
    stopOnSignals(&executor, [&executor] { executor.stop(); });

    auto started = executor.start(request);
    if (!started)
        return refuse(started.error().message);
    if (sub.parser.isSet(experiment)) {
        if (auto grouped = runs.setExperiment({started.value()}, sub.parser.value(experiment));
            !grouped)
            err() << "atelier: " << grouped.error().message << Qt::endl;
    }
    if (!json) {
        out() << CommandLine::tr("Run %1 of %2%3")
                     .arg(started.value(), located->document.name,
                          request.commitId.isEmpty()
                              ? CommandLine::tr(" (uncommitted version; snapshot kept in the run "
                                                "folder)")
                              : CommandLine::tr(" at commit %1").arg(request.commitId.left(8)))
              << Qt::endl;
    }
    loop.exec();

    // What the user is told, and the exit code, come from what the catalog recorded: with
    // the disk full the executor may know "succeeded" while the catalog still says "running".
    const QString state = executor.state();
    auto recorded = runs.run(executor.runId());
    if (!recorded || recorded->state != state) {
        const QString why = !executor.catalogError().isEmpty() ? executor.catalogError()
                            : recorded ? CommandLine::tr("it says %1").arg(recorded->state)
                                       : recorded.error().message;
        return refuse(CommandLine::tr("Run %1 finished as %2, but the catalog could not record "
                                      "it (%3). Free disk space or fix the workspace, then check "
                                      "'atelier runs show %1'.")
                          .arg(executor.runId(), state, why));
    }
    if (!executor.catalogError().isEmpty())
        err() << "atelier: "
              << CommandLine::tr("Some task states of run %1 could not be recorded: %2")
                     .arg(executor.runId(), executor.catalogError())
              << Qt::endl;
    if (request.document.schedule && request.document.schedule->keepLast > 0)
        (void)runs.pruneRunFolders(workspace.runsPath(), request.pipelineKey,
                                   request.document.schedule->keepLast);
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
