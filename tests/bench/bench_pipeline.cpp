// Benchmark of the pipeline engine (not a test): generated DAGs of no-op tasks.
//
//   bench_pipeline dag KIND N            build the document, validate it, order it (ms)
//   bench_pipeline schedule KIND N [CPUS] run it through RunExecutor on a connector that ends
//                                        every task at once (decisions/s); CPUS 0 (the
//                                        default): a pool as large as the DAG
//   bench_pipeline run N                 N independent real `true` processes on LocalConnector
//                                        with 2 CPUs (wall time)
//
// KIND is chain (n0 → n1 → … → nN-1), wide (N independent nodes) or fanin. An input port takes
// one link in Atelier, so fan-in is a two-level reduction with at most 100 links into a node:
// S sources `s<i>` feed G = ceil(S / 100) gather nodes `g<j>` (source i into g<i/100>, port
// in<i%100>), and every gather feeds the one sink `sink`; S is the largest with S + G + 1 <= N
// (10000 nodes: 9900 sources, 99 gathers, 1 sink). tests/bench/pipeline_vs_snakemake.sh builds
// the same shapes as Snakefiles and Makefiles.
//
// Every mode prints one line of `key=value` pairs, times in ms.
#include "catalog/database.h"
#include "core/workspace.h"
#include "local/localconnector.h"
#include "pipeline/connector.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/runexecutor.h"
#include "pipeline/templatelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kFanIn = 100; // most links into one node of the fan-in tree

/// Sources of the fan-in tree of \a n nodes: the largest S with S + ceil(S / 100) + 1 <= n.
int fanInSources(int n)
{
    int sources = std::max(1, n - 2);
    while (sources > 1 && sources + (sources + kFanIn - 1) / kFanIn + 1 > n)
        --sources;
    return sources;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', 2);
}

void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fputs(qPrintable(u"bench_pipeline: "_s + message + u'\n'), stderr);
    return 1;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

/// The bench's own templates under \a dir: `gather` (100 optional inputs, a bash script) for the
/// fan-in tree, and `noop` (argv ["true"], no shell) for the real run.
bool writeTemplates(const QString &dir)
{
    QStringList ports;
    for (int i = 0; i < kFanIn; ++i)
        ports.append(u"{\"name\": \"in%1\", \"type\": \"any\", \"optional\": true}"_s.arg(i));
    const QString gather = uR"({
  "id": "gather", "version": "1.0", "name": "Gather", "category": "Bench",
  "description": "A bash script with up to 100 inputs.",
  "inputs": [%1],
  "outputs": [{"name": "out", "type": "directory"}],
  "params": [{"name": "script", "type": "text", "required": true}],
  "command": ["bash", "-c", "{params.script}"],
  "resources": {"cpus": 1, "memory_mb": 1, "gpus": 0},
  "requires": []
})"_s.arg(ports.join(u", "_s));
    const QByteArray noop = R"({
  "id": "noop", "version": "1.0", "name": "No-op", "category": "Bench",
  "description": "Runs true, without a shell.",
  "inputs": [],
  "outputs": [{"name": "out", "type": "directory"}],
  "params": [],
  "command": ["true"],
  "resources": {"cpus": 1, "memory_mb": 1, "gpus": 0},
  "requires": []
})";
    return writeFile(dir + u"/gather/template.json"_s, gather.toUtf8()) &&
           writeFile(dir + u"/noop/template.json"_s, noop);
}

NodeSpec scriptNode(const QString &id, const QString &templateRef)
{
    NodeSpec node;
    node.id = id;
    node.templateRef = templateRef;
    node.params.insert(u"script"_s, u"true"_s);
    return node;
}

EdgeSpec link(const QString &from, const QString &to, const QString &toPort)
{
    return EdgeSpec{from, u"out"_s, to, toPort};
}

/// The DAG of \a kind with \a n nodes (see the top of the file).
PipelineDocument makeDag(const QString &kind, int n)
{
    PipelineDocument doc;
    doc.name = u"bench %1 %2"_s.arg(kind).arg(n);
    doc.nodes.reserve(n);
    if (kind == u"chain"_s || kind == u"wide"_s) {
        for (int i = 0; i < n; ++i) {
            doc.nodes.append(scriptNode(u"n%1"_s.arg(i), u"shell@1.0"_s));
            if (kind == u"chain"_s && i > 0)
                doc.edges.append(link(u"n%1"_s.arg(i - 1), u"n%1"_s.arg(i), u"in"_s));
        }
        return doc;
    }
    const int sources = fanInSources(n);
    const int gathers = (sources + kFanIn - 1) / kFanIn;
    for (int i = 0; i < sources; ++i) {
        doc.nodes.append(scriptNode(u"s%1"_s.arg(i), u"shell@1.0"_s));
        doc.edges.append(
            link(u"s%1"_s.arg(i), u"g%1"_s.arg(i / kFanIn), u"in%1"_s.arg(i % kFanIn)));
    }
    for (int j = 0; j < gathers; ++j) {
        doc.nodes.append(scriptNode(u"g%1"_s.arg(j), u"gather@1.0"_s));
        doc.edges.append(link(u"g%1"_s.arg(j), u"sink"_s, u"in%1"_s.arg(j)));
    }
    doc.nodes.append(scriptNode(u"sink"_s, u"gather@1.0"_s));
    return doc;
}

/// A pool that ends every task as soon as the event loop comes back: only the engine is timed.
class InstantConnector final : public Connector
{
public:
    explicit InstantConnector(PoolCapacity capacity) : m_capacity(std::move(capacity)) {}

    QString poolName() const override { return u"instant"_s; }
    PoolCapacity capacity() const override { return m_capacity; }
    QString launch(const TaskLaunch &task) override
    {
        ++launched;
        QMetaObject::invokeMethod(
            this,
            [this, key = task.key] {
                Q_EMIT taskStarted(key, key);
                TaskOutcome outcome;
                outcome.status = TaskOutcome::Status::Succeeded;
                outcome.exitCode = 0;
                Q_EMIT taskFinished(key, outcome);
            },
            Qt::QueuedConnection);
        return task.key;
    }
    void stop(const QString &key) override
    {
        QMetaObject::invokeMethod(
            this,
            [this, key] {
                TaskOutcome outcome;
                outcome.status = TaskOutcome::Status::Stopped;
                Q_EMIT taskFinished(key, outcome);
            },
            Qt::QueuedConnection);
    }

    int launched = 0;

private:
    PoolCapacity m_capacity;
};

/// A temporary workspace and the template library (built-in plus the bench's own).
struct Bench
{
    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;
    TemplateLibrary library;

    QString init(bool withWorkspace)
    {
        if (!dir.isValid())
            return u"cannot create a temporary folder"_s;
        if (!writeTemplates(dir.filePath(u"templates"_s)))
            return u"cannot write the bench templates"_s;
        library.addDirectory(TemplateLibrary::builtinDirectory());
        library.addDirectory(dir.filePath(u"templates"_s));
        for (const Error &problem : library.loadErrors())
            return problem.message;
        if (withWorkspace) {
            auto created = Workspace::create(dir.filePath(u"ws"_s), {});
            if (!created)
                return created.error().message;
            workspace = std::make_unique<Workspace>(std::move(created).value());
        }
        return {};
    }
};

int benchDag(const QString &kind, int n)
{
    Bench bench;
    if (const QString problem = bench.init(false); !problem.isEmpty())
        return fail(problem);

    QElapsedTimer timer;
    timer.start();
    const PipelineDocument doc = makeDag(kind, n);
    const double buildMs = msSince(timer);
    timer.restart();
    const QList<ValidationIssue> issues = PipelineValidator::validate(doc, bench.library);
    const double validateMs = msSince(timer);
    timer.restart();
    const auto order = PipelineValidator::topologicalOrder(doc);
    const double orderMs = msSince(timer);
    if (!issues.isEmpty())
        return fail(issues.first().toString());
    if (!order || order->size() != n)
        return fail(u"no topological order"_s);

    // For reference: reading the same pipeline from its JSON file (not in the total).
    const QByteArray json = doc.toJson();
    timer.restart();
    const auto parsed = PipelineDocument::fromJson(json, u"bench.json"_s);
    const double parseMs = msSince(timer);
    if (!parsed)
        return fail(parsed.error().message);

    print(u"mode=dag kind=%1 nodes=%2 edges=%3 build_ms=%4 validate_ms=%5 order_ms=%6 "
          "total_ms=%7 json_parse_ms=%8 json_bytes=%9"_s.arg(kind)
              .arg(doc.nodes.size())
              .arg(doc.edges.size())
              .arg(ms(buildMs), ms(validateMs), ms(orderMs), ms(buildMs + validateMs + orderMs),
                   ms(parseMs))
              .arg(json.size()));
    return 0;
}

struct RunFigures
{
    QString state;
    double startMs = 0;  // RunExecutor::start(): validation, plan, run and task rows
    double loopMs = 0;   // from start() returning to finished
    int taskChanges = 0; // each one a catalog write (saveTask), committed by itself
    int succeeded = 0;
};

RunFigures runOnce(Bench &bench, Connector &connector, const PipelineDocument &doc, QString *error)
{
    RunFigures figures;
    RunExecutor executor(bench.workspace->catalog(), bench.library, connector);
    QObject::connect(&executor, &RunExecutor::taskChanged, &executor,
                     [&figures](const TaskRecord &task) {
                         ++figures.taskChanges;
                         if (task.state == u"succeeded"_s)
                             ++figures.succeeded;
                     });
    QObject::connect(&executor, &RunExecutor::finished, &executor,
                     [&figures](const QString &, const QString &state) {
                         figures.state = state;
                         QCoreApplication::exit(0);
                     });
    RunRequest request;
    request.workspaceRoot = bench.workspace->root();
    request.pipelineKey = u"bench"_s;
    request.document = doc;
    request.noCache = true;
    request.logicalDate = u"2024-01-01"_s;
    request.stopPollMs = 60000;

    QElapsedTimer timer;
    timer.start();
    const auto started = executor.start(request);
    figures.startMs = msSince(timer);
    if (!started) {
        *error = started.error().message;
        return figures;
    }
    timer.restart();
    QCoreApplication::exec();
    figures.loopMs = msSince(timer);
    return figures;
}

/// DAG build, validation and the scheduling decisions of a run without running it
/// (`pipeline run --dry-run`): the work `snakemake -n` does.
int benchPlan(const QString &kind, int n)
{
    Bench bench;
    if (const QString problem = bench.init(true); !problem.isEmpty())
        return fail(problem);
    QElapsedTimer timer;
    timer.start();
    const PipelineDocument doc = makeDag(kind, n);
    const double buildMs = msSince(timer);
    PoolCapacity capacity;
    capacity.cpus = 2;
    capacity.memoryMb = 4096;
    InstantConnector connector(capacity);
    RunExecutor executor(bench.workspace->catalog(), bench.library, connector);
    RunRequest request;
    request.workspaceRoot = bench.workspace->root();
    request.pipelineKey = u"bench"_s;
    request.document = doc;
    timer.restart();
    const auto plan = executor.plan(request);
    const double planMs = msSince(timer);
    if (!plan)
        return fail(plan.error().message);
    if (plan->size() != n)
        return fail(u"the plan has %1 of %2 nodes"_s.arg(plan->size()).arg(n));
    const double totalMs = buildMs + planMs;
    print(u"mode=plan kind=%1 nodes=%2 build_ms=%3 plan_ms=%4 total_ms=%5 decisions_per_s=%6"_s
              .arg(kind)
              .arg(n)
              .arg(ms(buildMs), ms(planMs), ms(totalMs))
              .arg(QString::number(n / (totalMs / 1000.0), 'f', 0)));
    return 0;
}

int benchSchedule(const QString &kind, int n, int cpus)
{
    Bench bench;
    if (const QString problem = bench.init(true); !problem.isEmpty())
        return fail(problem);
    QElapsedTimer timer;
    timer.start();
    const PipelineDocument doc = makeDag(kind, n);
    const double buildMs = msSince(timer);

    PoolCapacity capacity;
    capacity.cpus = cpus > 0 ? cpus : n;
    capacity.memoryMb = qint64(capacity.cpus) * 1024;
    InstantConnector connector(capacity);
    QString error;
    const RunFigures run = runOnce(bench, connector, doc, &error);
    if (!error.isEmpty())
        return fail(error);
    if (run.state != u"succeeded"_s || run.succeeded != n)
        return fail(u"the run ended %1 with %2 of %3 tasks succeeded"_s.arg(run.state)
                        .arg(run.succeeded)
                        .arg(n));
    // Catalog writes, as RunExecutor makes them: one transaction for the run and its task rows
    // in start(); then per task its state changes (queued/running, succeeded), its job id and its
    // outputs for the cache, each committed alone; and the run's end.
    const int autocommits = run.taskChanges + connector.launched + run.succeeded + 1;
    const double runMs = run.startMs + run.loopMs;
    print(u"mode=schedule kind=%1 nodes=%2 cpus=%3 build_ms=%4 start_ms=%5 loop_ms=%6 run_ms=%7 "
          "decisions_per_s=%8 catalog_autocommits=%9 autocommits_per_task=%10"_s.arg(kind)
              .arg(n)
              .arg(capacity.cpus)
              .arg(ms(buildMs), ms(run.startMs), ms(run.loopMs), ms(runMs))
              .arg(QString::number(n / (runMs / 1000.0), 'f', 0))
              .arg(autocommits)
              .arg(QString::number(double(autocommits) / n, 'f', 1)));
    return 0;
}

int benchRun(int n)
{
    Bench bench;
    if (const QString problem = bench.init(true); !problem.isEmpty())
        return fail(problem);
    PipelineDocument doc;
    doc.name = u"bench run %1"_s.arg(n);
    for (int i = 0; i < n; ++i) {
        NodeSpec node;
        node.id = u"n%1"_s.arg(i);
        node.templateRef = u"noop@1.0"_s;
        doc.nodes.append(node);
    }
    LocalConnector connector(PoolCapacity{2, 4096, {}});
    QString error;
    const RunFigures run = runOnce(bench, connector, doc, &error);
    if (!error.isEmpty())
        return fail(error);
    if (run.state != u"succeeded"_s || run.succeeded != n)
        return fail(u"the run ended %1 with %2 of %3 tasks succeeded"_s.arg(run.state)
                        .arg(run.succeeded)
                        .arg(n));
    print(u"mode=run nodes=%1 cpus=2 start_ms=%2 loop_ms=%3 run_ms=%4"_s.arg(n).arg(
        ms(run.startMs), ms(run.loopMs), ms(run.startMs + run.loopMs)));
    return 0;
}

int usage()
{
    return fail(u"usage: bench_pipeline dag chain|wide|fanin N\n"
                "       bench_pipeline plan chain|wide|fanin N\n"
                "       bench_pipeline schedule chain|wide|fanin N [CPUS]\n"
                "       bench_pipeline run N"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage();
    const QString mode = args.value(0);
    bool ok = false;
    if (mode == u"run"_s) {
        const int n = args.value(1).toInt(&ok);
        return ok && n > 0 ? benchRun(n) : usage();
    }
    const QString kind = args.value(1);
    const int n = args.value(2).toInt(&ok);
    if (!ok || n < 3 || (kind != u"chain"_s && kind != u"wide"_s && kind != u"fanin"_s))
        return usage();
    if (kind == u"fanin"_s && (fanInSources(n) + kFanIn - 1) / kFanIn > kFanIn)
        return fail(u"fan-in goes up to %1 nodes"_s.arg(kFanIn * kFanIn + kFanIn + 1));
    if (mode == u"dag"_s)
        return benchDag(kind, n);
    if (mode == u"plan"_s)
        return benchPlan(kind, n);
    if (mode == u"schedule"_s) {
        const int cpus = args.size() > 3 ? args.value(3).toInt() : 0;
        return benchSchedule(kind, n, cpus);
    }
    return usage();
}
