#include "commandline.h"
#include "core/textwidth.h"

#include "cliutil.h"
#include "datasetcommands.h"
#include "imagecommands.h"
#include "modelcommands.h"
#include "pipelinecommands.h"
#include "poolcommands.h"
#include "runcommands.h"
#include "schedulercommand.h"
#include "sessioncommands.h"
#include "sweepcommands.h"

#include "catalog/database.h"
#include "core/buildinfo.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QStringList kKnownCommands = {u"init"_s,      u"info"_s,   u"pipeline"_s, u"runs"_s,
                                    u"scheduler"_s, u"model"_s,  u"dataset"_s,  u"pool"_s,
                                    u"sweep"_s,     u"session"_s, u"image"_s};
const QStringList kViews = {u"welcome"_s, u"pipelines"_s, u"datasets"_s, u"runs"_s,
                            u"models"_s,  u"sessions"_s,  u"pools"_s};

int runInit(const Invocation &invocation)
{
    SubcommandParser sub;
    QCommandLineOption demo(u"demo"_s, CommandLine::tr("Add the sample datasets."));
    sub.parser.addOption(demo);
    if (!sub.parse(invocation, 1, 1))
        return ExitUsage;

    Workspace::CreateOptions options;
    options.demo = sub.parser.isSet(demo);
    DemoSummary summary;
    options.demoSummary = &summary;
    auto workspace = Workspace::create(sub.parser.positionalArguments().constFirst(), options);
    if (!workspace)
        return refuse(workspace.error().message);

    if (sub.wantsJson()) {
        QJsonObject object{{u"workspace"_s, workspace->root()},
                           {u"schema_version"_s, workspace->catalog().userVersion()}};
        if (options.demo)
            object.insert(u"demo"_s,
                          QJsonObject{{u"path"_s, workspace->demoPath()},
                                      {u"classification_images"_s, summary.classificationImages},
                                      {u"detection_images"_s, summary.detectionImages},
                                      {u"boxes"_s, summary.boxes},
                                      {u"sentences"_s, summary.sentences},
                                      {u"spans"_s, summary.spans}});
        printJson(object);
        return ExitOk;
    }
    out() << CommandLine::tr("Created workspace %1").arg(workspace->root()) << Qt::endl;
    if (options.demo) {
        out() << CommandLine::tr("Sample data in %1: %2 classification images, %3 detection "
                                 "images with %4 boxes, %5 sentences with %6 entity spans.")
                     .arg(workspace->demoPath())
                     .arg(summary.classificationImages)
                     .arg(summary.detectionImages)
                     .arg(summary.boxes)
                     .arg(summary.sentences)
                     .arg(summary.spans)
              << Qt::endl;
    }
    return ExitOk;
}

int runInfo(const Invocation &invocation)
{
    SubcommandParser sub;
    QCommandLineOption verify(u"verify"_s,
                              CommandLine::tr("Re-hash every stored object against its address."));
    QCommandLineOption repair(u"repair"_s,
                              CommandLine::tr("With --verify: remove the object files the "
                                              "catalog does not list."));
    sub.parser.addOptions({verify, repair});
    if (!sub.parse(invocation, 0, 0))
        return ExitUsage;
    if (sub.parser.isSet(repair) && !sub.parser.isSet(verify))
        return usage(CommandLine::tr("--repair works with --verify: 'atelier info --verify "
                                     "--repair'."));

    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    auto info = workspace->info();
    if (!info)
        return refuse(info.error().message);

    QList<ObjectProblem> problems;
    if (sub.parser.isSet(verify)) {
        auto checked = workspace->verifyObjects();
        if (!checked)
            return refuse(checked.error().message);
        problems = checked.value();
    }
    // Files the catalog does not list: an import killed before its batch committed.
    QList<StrayObject> strays;
    QList<StrayObject> removed;
    if (sub.parser.isSet(verify)) {
        auto found = workspace->strayObjects();
        if (!found)
            return refuse(found.error().message);
        strays = found.value();
        if (sub.parser.isSet(repair)) {
            auto done = workspace->removeStrayObjects(strays);
            if (!done)
                return refuse(done.error().message);
            removed = done.value();
            strays.removeIf([&](const StrayObject &stray) {
                return std::any_of(removed.cbegin(), removed.cend(),
                                   [&](const StrayObject &r) { return r.path == stray.path; });
            });
        }
    }

    // Datasets whose import stopped half-way (killed, failed): they lack part of their source.
    QList<DatasetInfo> incomplete;
    if (sub.parser.isSet(verify)) {
        DatasetContext context(workspace->catalog(), workspace->root());
        DatasetCatalog catalog(context);
        auto datasets = catalog.datasets();
        if (!datasets)
            return refuse(datasets.error().message);
        for (const DatasetInfo &d : datasets.value()) {
            if (d.incomplete())
                incomplete.append(d);
        }
    }

    const WorkspaceInfo &i = info.value();
    if (sub.wantsJson()) {
        QJsonObject counts;
        for (const auto &[table, rows] : i.tableCounts)
            counts.insert(table, rows);
        counts.insert(u"commits"_s, i.commits);
        counts.insert(u"run_folders"_s, i.runFolders);
        QJsonObject object{
            {u"workspace"_s, i.root},
            {u"name"_s, i.name},
            {u"schema_version"_s, i.schemaVersion},
            {u"program_schema_version"_s, i.programSchemaVersion},
            {u"paths"_s, QJsonObject{{u"catalog"_s, i.catalogPath},
                                     {u"objects"_s, i.objectsPath},
                                     {u"repo"_s, i.repoPath},
                                     {u"runs"_s, i.runsPath},
                                     {u"demo"_s, i.demoPath}}},
            {u"counts"_s, counts},
            {u"object_bytes"_s, i.objectBytes},
        };
        if (sub.parser.isSet(verify)) {
            QJsonArray bad;
            for (const ObjectProblem &problem : std::as_const(problems))
                bad.append(
                    QJsonObject{{u"hash"_s, problem.hash}, {u"error"_s, problem.error.message}});
            object.insert(u"object_problems"_s, bad);
            auto list = [](const QList<StrayObject> &files) {
                QJsonArray array;
                for (const StrayObject &file : files)
                    array.append(QJsonObject{{u"path"_s, file.path},
                                             {u"size"_s, file.size},
                                             {u"recent"_s, file.recent}});
                return array;
            };
            object.insert(u"stray_objects"_s, list(strays));
            QJsonArray unfinished;
            for (const DatasetInfo &d : std::as_const(incomplete))
                unfinished.append(QJsonObject{{u"name"_s, d.name},
                                              {u"items"_s, d.itemCount},
                                              {u"import"_s, d.pendingImport->toJson()}});
            object.insert(u"incomplete_datasets"_s, unfinished);
            if (sub.parser.isSet(repair))
                object.insert(u"removed_objects"_s, list(removed));
        }
        printJson(object);
    } else {
        const QLocale locale;
        auto row = [](const QString &key, const QString &value) {
            out() << padToWidth(key, 16) << value << Qt::endl;
        };
        row(CommandLine::tr("Workspace"), i.root);
        row(CommandLine::tr("Name"), i.name);
        row(CommandLine::tr("Schema"), CommandLine::tr("%1 (this program: %2)")
                                           .arg(i.schemaVersion)
                                           .arg(i.programSchemaVersion));
        row(CommandLine::tr("Catalog"), i.catalogPath);
        row(CommandLine::tr("Objects"), i.objectsPath);
        row(CommandLine::tr("Repository"), i.repoPath);
        row(CommandLine::tr("Runs"), i.runsPath);
        if (!i.demoPath.isEmpty())
            row(CommandLine::tr("Sample data"), i.demoPath);
        out() << Qt::endl << CommandLine::tr("Counts") << Qt::endl;
        for (const auto &[table, rows] : i.tableCounts)
            row(u"  "_s + table, locale.toString(rows));
        row(u"  "_s + CommandLine::tr("commits"), locale.toString(i.commits));
        row(u"  "_s + CommandLine::tr("run folders"), locale.toString(i.runFolders));
        row(u"  "_s + CommandLine::tr("object bytes"), locale.formattedDataSize(i.objectBytes));
    }
    if (!removed.isEmpty() && !sub.wantsJson()) {
        qint64 bytes = 0;
        for (const StrayObject &file : std::as_const(removed))
            bytes += file.size;
        out() << CommandLine::tr("Removed %n object files the catalog did not list (%1).", nullptr,
                                 int(removed.size()))
                     .arg(QLocale().formattedDataSize(bytes))
              << Qt::endl;
    }
    for (const StrayObject &stray : std::as_const(strays)) {
        err() << "atelier: "
              << (stray.recent ? CommandLine::tr("%1 is not in the catalog; changed within the "
                                                 "last hour, it is kept (an import may still be "
                                                 "recording it).")
                               : CommandLine::tr("%1 is not in the catalog (left by an "
                                                 "interrupted import?)."))
                     .arg(QDir::toNativeSeparators(stray.path))
              << Qt::endl;
    }
    for (const ObjectProblem &problem : std::as_const(problems))
        err() << "atelier: " << problem.error.message << Qt::endl;
    for (const DatasetInfo &d : std::as_const(incomplete))
        err() << "atelier: " << incompleteDatasetNote(d) << Qt::endl;
    if (problems.isEmpty() && strays.isEmpty() && !incomplete.isEmpty())
        return refuse(CommandLine::tr("%n dataset(s) are incomplete (an import stopped half-way); "
                                      "--repair leaves them to you.",
                                      nullptr, int(incomplete.size())));
    if (!problems.isEmpty() && !strays.isEmpty())
        return refuse(CommandLine::tr("%n stored objects are missing or damaged, and %1 object "
                                      "files are not in the catalog.",
                                      nullptr, int(problems.size()))
                          .arg(strays.size()));
    if (!problems.isEmpty())
        return refuse(CommandLine::tr("%n stored objects are missing or damaged.", nullptr,
                                      int(problems.size())));
    if (!strays.isEmpty()) {
        const bool allRecent = std::all_of(strays.cbegin(), strays.cend(),
                                           [](const StrayObject &s) { return s.recent; });
        return refuse(allRecent
                          ? CommandLine::tr("%n object files are not in the catalog; they changed "
                                            "within the last hour, so --repair keeps them: run it "
                                            "again later.",
                                            nullptr, int(strays.size()))
                          : CommandLine::tr("%n object files are not in the catalog; 'atelier info "
                                            "--verify --repair' removes them.",
                                            nullptr, int(strays.size())));
    }
    return ExitOk;
}

} // namespace

Invocation CommandLine::classify(const QStringList &arguments)
{
    static const QStringList valueOptions = {u"--workspace"_s, u"-workspace"_s, u"--screenshot"_s,
                                             u"-screenshot"_s, u"--view"_s,     u"-view"_s};
    Invocation invocation;
    invocation.arguments = arguments.mid(1);
    for (qsizetype i = 0; i < invocation.arguments.size(); ++i) {
        const QString &arg = invocation.arguments[i];
        if (valueOptions.contains(arg)) {
            ++i; // skip the option's value
            continue;
        }
        if (!arg.startsWith(u'-')) {
            invocation.command = arg;
            break;
        }
    }
    return invocation;
}

bool CommandLine::isInformational(const Invocation &invocation)
{
    if (!invocation.command.isEmpty())
        return false;
    for (const QString &arg : invocation.arguments) {
        if (arg == u"--help"_s || arg == u"-h"_s || arg == u"--version"_s || arg == u"-v"_s)
            return true;
    }
    return false;
}

QString CommandLine::helpText()
{
    return tr("Usage:\n"
              "  atelier [--workspace DIR]                 the application (last workspace, or "
              "the welcome page)\n"
              "  atelier --screenshot FILE [--view NAME] [--workspace DIR]\n"
              "                                            render the window offscreen to a PNG "
              "and exit\n"
              "                                            views: welcome, pipelines, datasets, "
              "runs, models, sessions, pools\n"
              "  atelier init DIR [--demo]                 make a workspace; --demo adds sample "
              "data\n"
              "  atelier info [--verify [--repair]]        schema version, paths and counts of a "
              "workspace;\n"
              "                                            --verify re-hashes every stored "
              "object and lists\n"
              "                                            files the catalog does not know; "
              "--repair removes those\n"
              "  atelier --version | --help\n"
              "\n"
              "Every subcommand takes --workspace DIR (default: the current folder) and --json.\n"
              "Exit codes: 0 success, 1 refused input or failed run, 2 usage error.\n") +
           tr("\nPipelines, runs and models:\n"
              "  atelier pipeline validate|run FILE|NAME [--set K=V] [--from N | --only N] "
              "[--no-cache]\n"
              "  atelier pipeline list | save FILE [-m MSG] | history NAME | diff NAME A [B] | "
              "restore NAME COMMIT\n"
              "  atelier runs list | show RUN | logs RUN TASK | stop RUN | metrics RUN | "
              "compare RUN... |\n"
              "               experiment NAME RUN... | import-mlflow DIR\n"
              "  atelier scheduler [--once]                start scheduled runs as they fall due\n"
              "  atelier model register|list|show|alias|validate|compare|deploy|undeploy|"
              "predict|services …\n") +
           tr("\nSweeps (hyperparameter search with Optuna):\n"
              "  atelier sweep run PIPELINE --param NODE.PARAM=SPEC… --objective NODE.METRIC\n"
              "               --direction maximize|minimize [--trials N] [--parallel K] "
              "[--seed N] [--name NAME]\n"
              "               [--sampler tpe|random|grid|cmaes] [--pruner none|median|hyperband] "
              "[--timeout S]\n"
              "               SPEC: float(LO,HI), logfloat(LO,HI), int(LO,HI[,STEP]), "
              "choice(A,B,…)\n"
              "  atelier sweep list | show NAME | stop NAME | resume NAME\n") +
           tr("\nPools (where work runs):\n"
              "  atelier pool list | check NAME | remove NAME\n"
              "  atelier pool add-slurm NAME --url URL [--token-file F] [--user U] "
              "[--partition P]\n"
              "               [--account A] [--staging DIR] [--api-version V] "
              "[--auth local|token-file|scontrol]\n"
              "  atelier pipeline run … --pool NAME     run nodes that name no pool there\n") +
           tr("\nImages (environments a node may run in, through podman):\n"
              "  atelier image list | inspect N | remove N | pull REF\n"
              "  atelier image import TAR --name N[:TAG] | build CONTEXT --name N[:TAG]\n") +
           tr("\nDatasets:\n"
              "  atelier dataset import PATH --name N --format F [--task T] | list | show N |\n"
              "               export N[@V] --format F --out DIR | version N -m MSG | formats\n") +
           tr("\nInteractive sessions (Jupyter):\n"
              "  atelier session start [--name N] [--pool P] [--cpus N] [--memory MB] [--gpus N]\n"
              "               [--bind inputK=SOURCE]... [--idle-timeout MIN|Ns]\n"
              "               SOURCE: dataset:NAME[@V], model:NAME[:V|@ALIAS], "
              "run:RUN/NODE[/PORT], path:DIR\n"
              "  atelier session list | show N | stop N | restart N | logs N | open N\n");
}

int CommandLine::runHeadless(const Invocation &invocation)
{
    if (invocation.command.isEmpty()) {
        for (const QString &arg : invocation.arguments) {
            if (arg == u"--version"_s || arg == u"-v"_s) {
                out() << "atelier " << BuildInfo::atelierVersion() << " (Qt "
                      << BuildInfo::qtVersion() << ", SQLite " << BuildInfo::sqliteVersion()
                      << ", libgit2 " << BuildInfo::libgit2Version() << ")" << Qt::endl;
                return ExitOk;
            }
        }
        out() << helpText();
        out().flush();
        return ExitOk;
    }
    if (invocation.command == u"init"_s)
        return runInit(invocation);
    if (invocation.command == u"info"_s)
        return runInfo(invocation);
    if (invocation.command == u"pipeline"_s)
        return runPipelineCommand(invocation);
    if (invocation.command == u"runs"_s)
        return runRunsCommand(invocation);
    if (invocation.command == u"scheduler"_s)
        return runSchedulerCommand(invocation);
    if (invocation.command == u"model"_s)
        return runModelCommand(invocation);
    if (invocation.command == u"pool"_s)
        return runPoolCommand(invocation);
    if (invocation.command == u"image"_s)
        return runImageCommand(invocation);
    if (invocation.command == u"dataset"_s)
        return runDatasetCommand(invocation);
    if (invocation.command == u"sweep"_s)
        return runSweepCommand(invocation);
    if (invocation.command == u"session"_s)
        return runSessionCommand(invocation);
    return usage(tr("unknown command '%1'. Commands: %2")
                     .arg(invocation.command, kKnownCommands.join(u", "_s)));
}

CommandLine::GuiOptions CommandLine::parseGui(const Invocation &invocation)
{
    GuiOptions options;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption workspace(u"workspace"_s, tr("Workspace folder."), u"DIR"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, tr("Write a PNG of the window."),
                                        u"FILE"_s);
    const QCommandLineOption view(u"view"_s, tr("View to show."), u"NAME"_s);
    parser.addOptions({workspace, screenshot, view});
    QStringList args = invocation.arguments;
    args.prepend(u"atelier"_s);
    if (!parser.parse(args)) {
        usage(parser.errorText());
        options.ok = false;
        return options;
    }
    options.workspace = parser.value(workspace);
    options.screenshot = parser.value(screenshot);
    options.view = parser.value(view);
    if (!options.view.isEmpty() && !kViews.contains(options.view)) {
        usage(tr("unknown view '%1'. Views: %2").arg(options.view, kViews.join(u", "_s)));
        options.ok = false;
    } else if (!options.view.isEmpty() && options.screenshot.isEmpty()) {
        usage(tr("--view goes with --screenshot."));
        options.ok = false;
    } else if (!options.view.isEmpty() && options.view != u"welcome"_s &&
               options.workspace.isEmpty()) {
        usage(tr("--view %1 needs a workspace: add --workspace DIR.").arg(options.view));
        options.ok = false;
    }
    return options;
}

} // namespace atelier
