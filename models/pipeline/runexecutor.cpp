#include "pipeline/runexecutor.h"
#include "pipeline/runexecutorprivate.h"

#include "core/logtail.h"
#include "pipeline/pipelinevalidator.h"
#include "pools/jobrequest.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QString kPending = u"pending"_s;
const QString kQueued = u"queued"_s;
const QString kRunning = u"running"_s;
const QString kSucceeded = u"succeeded"_s;
const QString kFailed = u"failed"_s;
const QString kStopped = u"stopped"_s;
const QString kSkipped = u"skipped"_s;
const QString kCached = u"cached"_s;
const QString kLost = u"lost"_s;

/// The last line of \a stderrPath that starts with "error: ", without that prefix; read from
/// the file's last 64 KiB only (a log can be large).
QString lastErrorLine(const QString &stderrPath)
{
    const QList<QByteArray> lines = LogTail::lines(stderrPath);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->startsWith("error: "))
            return QString::fromUtf8(it->mid(7).trimmed()).left(500);
    }
    return {};
}

ResourceSpec resourcesFor(const TemplateSpec &spec, const NodeSpec &node)
{
    ResourceSpec need = spec.resources;
    need.cpus = node.resources.value(u"cpus"_s).toInt(need.cpus);
    need.memoryMb = node.resources.value(u"memory_mb"_s).toInt(need.memoryMb);
    need.gpus = node.resources.value(u"gpus"_s).toInt(need.gpus);
    need.nodes = node.resources.value(u"nodes"_s).toInt(need.nodes);
    need.processesPerNode =
        node.resources.value(u"processes_per_node"_s).toInt(need.processesPerNode);
    if (!node.distributed.isEmpty())
        need.cpus *= std::max(1, need.processesPerNode); // cpus is per process
    return need;
}

bool isDone(const QString &state)
{
    return state == kSucceeded || state == kCached || state == kFailed || state == kSkipped ||
           state == kStopped || state == kLost;
}

/// Groups the catalog writes of one scheduling step into one commit (nested steps join the
/// outer one): thousands of small tasks must not cost thousands of fsyncs.
class CatalogBatch
{
public:
    explicit CatalogBatch(Database &db)
        : m_db(db), m_owns(!db.inTransaction() && db.execScript("BEGIN IMMEDIATE;").ok())
    {
    }
    ~CatalogBatch()
    {
        if (m_owns && !m_db.execScript("COMMIT;").ok())
            (void)m_db.execScript("ROLLBACK;");
    }
    CatalogBatch(const CatalogBatch &) = delete;
    CatalogBatch &operator=(const CatalogBatch &) = delete;

private:
    Database &m_db;
    bool m_owns;
};

} // namespace

RunExecutor::RunExecutor(Database &db, const TemplateLibrary &library, Connector &connector,
                         QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(db, library, connector))
{
    qRegisterMetaType<atelier::TaskOutcome>();
    qRegisterMetaType<atelier::TaskRecord>();
    d->connectors.clear();
    addConnector(connector);
    d->stopPoll.setParent(this);
    d->metricsPoll.setParent(this);
    connect(&d->metricsPoll, &QTimer::timeout, this, &RunExecutor::sampleRunning);
    connect(&d->stopPoll, &QTimer::timeout, this, [this] {
        if (!d->stopping && d->store.stopRequested(d->run.id))
            stop();
    });
}

RunExecutor::~RunExecutor() = default;

void RunExecutor::addConnector(Connector &connector)
{
    if (d->connectors.contains(&connector))
        return;
    d->connectors.append(&connector);
    connect(&connector, &Connector::taskFinished, this, &RunExecutor::onTaskFinished);
    connect(&connector, &Connector::taskStatus, this, &RunExecutor::onTaskStatus);
    connect(&connector, &Connector::taskStarted, this,
            [this](const QString &key, const QString &jobId) {
                const int i = d->index.value(key.section(u'/', 1), -1);
                if (i < 0 || key.section(u'/', 0, 0) != d->run.id)
                    return;
                if (!d->tasks[i].record.jobId.isEmpty())
                    return; // known at launch and already recorded
                d->tasks[i].record.jobId = jobId;
                persist(d->store.saveTask(d->tasks[i].record));
            });
}

void RunExecutor::onTaskStatus(const QString &key, const QString &state, const QString &message)
{
    if (key.section(u'/', 0, 0) != d->run.id)
        return;
    const int i = d->index.value(key.section(u'/', 1), -1);
    if (i < 0 || !d->running.contains(i) || (state != kQueued && state != kRunning))
        return;
    // Still "running" for the executor (it holds the task); the state shown follows Slurm.
    setTaskState(i, state, message);
}

QString RunExecutor::runId() const
{
    return d->run.id;
}

QString RunExecutor::state() const
{
    return d->run.state;
}

QString RunExecutor::catalogError() const
{
    return d->catalogError;
}

QList<TaskRecord> RunExecutor::tasks() const
{
    QList<TaskRecord> records;
    for (const auto &task : d->tasks)
        records.append(task.record);
    return records;
}

Status RunExecutor::setup(const RunRequest &request)
{
    d->request = request;
    const PipelineDocument &doc = request.document;

    const QList<ValidationIssue> issues = PipelineValidator::validate(doc, d->library);
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const ValidationIssue &issue : issues)
            lines.append(issue.toString());
        return makeError(
            ErrorCode::Invalid,
            tr("The pipeline is not valid; nothing was run:\n%1").arg(lines.join(u'\n')));
    }
    for (const QString &node : {request.fromNode, request.onlyNode}) {
        if (!node.isEmpty() && !doc.node(node))
            return makeError(ErrorCode::Invalid,
                             tr("The pipeline has no node \"%1\"; nothing was run.").arg(node));
    }
    auto order = PipelineValidator::topologicalOrder(doc);
    if (!order)
        return order.error();

    // The pools: a node's own, else the run's (--pool), else the default connector's.
    QHash<QString, Connector *> byName;
    for (Connector *connector : std::as_const(d->connectors))
        byName.insert(connector->poolName(), connector);
    const QString runPool = request.pool.isEmpty() ? d->connector.poolName() : request.pool;
    d->pools.clear();
    for (const NodeSpec &node : doc.nodes) {
        const QString pool = node.pool.isEmpty() ? runPool : node.pool;
        if (d->pools.contains(pool))
            continue;
        Connector *connector = byName.value(pool);
        if (!connector)
            return makeError(ErrorCode::NotFound,
                             tr("Node %1 runs on pool \"%2\", which does not exist; nothing was "
                                "run. 'atelier pool list' shows the pools.")
                                 .arg(node.id, pool));
        Private::Pool room;
        room.connector = connector;
        room.capacity = connector->capacity();
        room.freeCpus = room.capacity.cpus;
        room.freeMemoryMb = room.capacity.memoryMb;
        room.freeGpus = room.capacity.gpus;
        d->pools.insert(pool, room);
    }

    // Tasks in topological order, so a queue filled in index order respects dependencies.
    QHash<QString, const NodeSpec *> nodes;
    for (const NodeSpec &node : doc.nodes)
        nodes.insert(node.id, &node);
    for (const QString &id : order.value()) {
        const NodeSpec *node = nodes.value(id);
        Private::Task task;
        task.node = *node;
        task.spec = d->library.resolve(node->templateRef).value();
        task.need = resourcesFor(task.spec, *node);
        task.record.nodeId = id;
        task.record.templateRef = task.spec.ref();
        task.record.state = kPending;
        task.pool = node->pool.isEmpty() ? runPool : node->pool;
        task.record.pool = task.pool;
        task.environment =
            EnvironmentSpec::resolve(task.spec.environment, doc.environment, node->environment);
        task.record.image = task.environment.image;
        d->index.insert(id, int(d->tasks.size()));
        d->tasks.append(task);
    }
    for (const EdgeSpec &edge : doc.edges) {
        const int from = d->index.value(edge.fromNode);
        const int to = d->index.value(edge.toNode);
        if (!d->tasks[from].downstream.contains(to))
            d->tasks[from].downstream.append(to);
        d->tasks[to].inputs.append({edge.toPort, from});
        d->tasks[to].inputFromPort.append(edge.fromPort);
    }

    // Which nodes run: all, one (--only), or one and everything below it (--from).
    if (!request.onlyNode.isEmpty() || !request.fromNode.isEmpty()) {
        const QString root = request.onlyNode.isEmpty() ? request.fromNode : request.onlyNode;
        for (auto &task : d->tasks)
            task.selected = false;
        QList<int> stack{d->index.value(root)};
        while (!stack.isEmpty()) {
            const int i = stack.takeLast();
            if (d->tasks[i].selected)
                continue;
            d->tasks[i].selected = true;
            if (request.onlyNode.isEmpty())
                stack.append(d->tasks[i].downstream);
        }
    }
    // Upstream outputs that selected nodes need, from the newest run that made them.
    for (auto &task : d->tasks) {
        if (!task.selected)
            continue;
        for (const auto &[port, from] : std::as_const(task.inputs)) {
            Private::Task &upstream = d->tasks[from];
            if (upstream.selected || !upstream.record.outputsDir.isEmpty())
                continue;
            auto earlier = d->store.latestSuccessful(request.pipelineKey, upstream.node.id);
            if (!earlier)
                return earlier.error();
            if (!earlier.value() || !QFileInfo(earlier.value()->outputsDir).isDir())
                return makeError(ErrorCode::NotFound,
                                 tr("Node %1 needs the outputs of %2, and no earlier run of this "
                                    "pipeline has them. Run the whole pipeline first, or start "
                                    "from %2 with --from.")
                                     .arg(task.node.id, upstream.node.id));
            upstream.record.state = kCached;
            upstream.record.outputsDir = earlier.value()->outputsDir;
            upstream.record.message = tr("outputs reused from run %1").arg(earlier.value()->runId);
        }
    }

    d->variables = doc.variables;
    for (auto it = request.variables.begin(); it != request.variables.end(); ++it)
        d->variables.insert(it.key(), it.value());
    return resolveImages();
}

Status RunExecutor::resolveImages()
{
    // Before anything runs: an unknown image, a missing podman or an image whose python3
    // lacks the template's `requires` refuses the run, not its tenth task. Each image is
    // looked at once per pool and set of modules.
    QHash<QString, QString> resolved;
    for (auto &task : d->tasks) {
        if (!task.selected || task.node.skip || task.environment.isHost())
            continue;
        const QString key = task.pool + u'\n' + task.environment.image + u'\n' +
                            task.spec.requiredModules.join(u',');
        if (!resolved.contains(key)) {
            auto id = d->pools.value(task.pool).connector->resolveImage(task.environment.image,
                                                                        task.spec.requiredModules);
            if (!id)
                return makeError(
                    id.error().code,
                    tr("Node %1 runs in image %2: %3 Nothing was run.")
                        .arg(task.node.id, task.environment.image, id.error().message));
            resolved.insert(key, id.value());
        }
        task.record.imageId = resolved.value(key);
    }
    return {};
}

Result<QList<PlannedTask>> RunExecutor::plan(const RunRequest &request)
{
    if (Status ready = setup(request); !ready)
        return ready.error();
    QList<PlannedTask> plan;
    QHash<int, QString> decided;
    for (int i = 0; i < d->tasks.size(); ++i) {
        Private::Task &task = d->tasks[i];
        QString decision;
        QString reason;
        if (!task.selected) {
            decision = task.record.state == kCached ? u"reuse"_s : u"not-selected"_s;
            reason = task.record.message;
        } else if (task.node.skip) {
            decision = u"skip"_s;
            reason = tr("the node is set to skip");
        } else {
            bool upstreamKnown = true;
            for (const auto &[port, from] : std::as_const(task.inputs)) {
                const QString up = decided.value(from);
                if (up == u"skip"_s) {
                    decision = u"skip"_s;
                    reason = tr("upstream %1 is skipped").arg(d->tasks[from].node.id);
                }
                upstreamKnown = upstreamKnown && (up == u"cached"_s || up == u"reuse"_s);
            }
            if (decision.isEmpty()) {
                decision = u"run"_s;
                // Whether the cache has it can only be known when its inputs already exist.
                if (!request.noCache && upstreamKnown) {
                    if (const QString error = prepare(i); !error.isEmpty()) {
                        reason = error;
                    } else if (auto hit = d->store.cachedOutputs(task.record.cacheKey);
                               hit && hit.value() && QFileInfo(*hit.value()).isDir()) {
                        decision = u"cached"_s;
                        task.record.outputsDir = *hit.value();
                        reason = tr("same template, params and inputs as before");
                    }
                }
            }
        }
        decided.insert(i, decision);
        plan.append({task.node.id, decision, reason});
    }
    return plan;
}

Result<QString> RunExecutor::start(const RunRequest &request)
{
    if (Status ready = setup(request); !ready)
        return ready.error();
    const PipelineDocument &doc = request.document;

    d->run.id = RunStore::newRunId();
    d->run.pipeline = request.pipelineKey;
    d->run.pipelineName = doc.name;
    d->run.commitId = request.commitId;
    d->run.pool = request.pool.isEmpty() ? d->connector.poolName() : request.pool;
    d->run.state = kRunning;
    d->run.createdAt = QDateTime::currentDateTimeUtc();
    d->run.startedAt = d->run.createdAt;
    d->run.logicalDate = request.logicalDate;
    for (auto it = request.variables.begin(); it != request.variables.end(); ++it)
        d->run.variables.insert(it.key(), it.value());
    d->run.options = QJsonObject{{u"from"_s, request.fromNode},
                                 {u"only"_s, request.onlyNode},
                                 {u"no_cache"_s, request.noCache}};

    if (!QDir().mkpath(d->runDir()))
        return makeError(ErrorCode::Io, tr("Cannot create %1.").arg(d->runDir()));
    QSaveFile snapshot(QDir(d->runDir()).filePath(u"pipeline.json"_s));
    if (snapshot.open(QIODevice::WriteOnly)) {
        snapshot.write(doc.toJson());
        snapshot.commit();
    }

    Status recorded = d->db.transaction([&]() -> Status {
        if (auto inserted = d->store.insertRun(d->run); !inserted)
            return inserted;
        for (auto &task : d->tasks) {
            task.record.runId = d->run.id;
            if (!task.selected && task.record.state == kPending) {
                task.record.state = kSkipped;
                task.record.message = tr("not part of this run");
            }
            if (auto saved = d->store.saveTask(task.record); !saved)
                return saved;
        }
        return {};
    });
    if (!recorded)
        return recorded.error();

    for (int i = 0; i < d->tasks.size(); ++i) {
        auto &task = d->tasks[i];
        if (!task.selected)
            continue;
        for (int from : std::as_const(task.downstream)) {
            if (d->tasks[from].selected)
                ++d->tasks[from].unmet;
        }
    }
    for (int i = 0; i < d->tasks.size(); ++i) {
        if (d->tasks[i].selected && d->tasks[i].unmet == 0)
            d->queue.push_back(i);
    }
    d->stopPoll.start(request.stopPollMs);
    d->metricsPoll.start(request.metricsPollMs);
    QTimer::singleShot(0, this, &RunExecutor::dispatch);
    return d->run.id;
}

void RunExecutor::stop()
{
    if (d->finished || d->stopping)
        return;
    d->stopping = true;
    for (int i = 0; i < d->tasks.size(); ++i) {
        const QString &state = d->tasks[i].record.state;
        if (d->tasks[i].selected && !d->running.contains(i) &&
            (state == kPending || state == kQueued))
            setTaskState(i, kStopped, tr("the run was stopped"));
    }
    d->queue.clear();
    for (int i : std::as_const(d->running))
        d->connectorOf(d->tasks[i]).stop(d->taskKey(d->tasks[i]));
    QTimer::singleShot(0, this, &RunExecutor::dispatch);
}

void RunExecutor::dispatch()
{
    if (d->finished)
        return;
    // No catalog batch here: prepare() may run Python and hash folders, and a write lock held
    // meanwhile would make other processes (runs stop, the GUI) wait and fail.
    std::deque<int> waiting;
    while (!d->queue.empty() && !d->stopping) {
        const int i = d->queue.front();
        d->queue.pop_front();
        Private::Task &task = d->tasks[i];
        if (isDone(task.record.state))
            continue;
        if (task.node.skip) {
            setTaskState(i, kSkipped, tr("skipped (the node is set to skip)"));
            skipBelow(i, tr("skipped: upstream %1 was skipped").arg(task.node.id));
            continue;
        }
        const ResourceSpec &need = task.need;
        Private::Pool &pool = d->pools[task.pool];
        Connector &connector = *pool.connector;
        if (connector.queuesWork()) {
            // A cluster: the job contract (PRODUCT.md) is checked before anything is submitted.
            JobRequest job;
            job.name = task.node.id;
            job.description = d->run.pipelineName.isEmpty() ? task.node.id : d->run.pipelineName;
            job.pool = task.pool;
            job.nodes = need.nodes;
            job.cpus = need.cpus;
            job.memoryMb = need.memoryMb;
            job.gpus = need.gpus;
            job.maxDurationS = task.node.timeoutS;
            if (Status allowed = job.check(pool.capacity); !allowed) {
                setTaskState(i, kFailed,
                             tr("refused before submit: %1").arg(allowed.error().message));
                skipBelow(i, tr("skipped: upstream %1 failed").arg(task.node.id));
                continue;
            }
        } else if (need.cpus > pool.capacity.cpus || need.memoryMb > pool.capacity.memoryMb ||
                   need.gpus > pool.capacity.gpus.size() || need.nodes > 1) {
            setTaskState(
                i, kFailed,
                need.nodes > 1
                    ? tr("asks for %1 nodes; pool %2 is one machine. Run it on a cluster pool.")
                          .arg(need.nodes)
                          .arg(task.pool)
                    : tr("asks for %1 CPUs, %2 MB and %3 GPUs; pool %4 has at most %5 CPUs, %6 "
                         "MB and %7 GPUs. Lower the node's resources or choose a larger pool.")
                          .arg(need.cpus)
                          .arg(need.memoryMb)
                          .arg(need.gpus)
                          .arg(task.pool)
                          .arg(pool.capacity.cpus)
                          .arg(pool.capacity.memoryMb)
                          .arg(pool.capacity.gpus.size()));
            skipBelow(i, tr("skipped: upstream %1 failed").arg(task.node.id));
            continue;
        }

        if (!task.prepared) {
            if (const QString error = prepare(i); !error.isEmpty()) {
                setTaskState(i, kFailed, error);
                skipBelow(i, tr("skipped: upstream %1 failed").arg(task.node.id));
                continue;
            }
            task.prepared = true;
            if (!d->request.noCache) {
                auto cached = d->store.cachedOutputs(task.record.cacheKey);
                if (cached && cached.value() && QFileInfo(*cached.value()).isDir()) {
                    task.record.outputsDir = *cached.value();
                    setTaskState(i, kCached,
                                 tr("outputs reused: same template, params and inputs"));
                    readyBelow(i);
                    continue;
                }
            }
        }

        // Wait for room in the pool; a smaller task behind may start meanwhile. A cluster
        // queues (and paces) its own work.
        if (!connector.queuesWork()) {
            if (need.cpus > pool.freeCpus || need.memoryMb > pool.freeMemoryMb ||
                need.gpus > pool.freeGpus.size()) {
                waiting.push_back(i);
                continue;
            }
            pool.freeCpus -= need.cpus;
            pool.freeMemoryMb -= need.memoryMb;
            task.gpus = pool.freeGpus.mid(0, need.gpus);
            pool.freeGpus.remove(0, need.gpus);
        }

        const QString dir = d->taskDir(task);
        if (!connector.taskRoot().isEmpty()) {
            // The folder is in the staging area the cluster sees; the workspace links to it,
            // so logs and outputs are found where they always are.
            QDir().mkpath(dir);
            QDir().mkpath(d->runDir());
            const QString link = QDir(d->runDir()).filePath(task.node.id);
            if (!QFileInfo(link).isSymLink()) {
                QFile::remove(link);
                QFile::link(dir, link);
            }
        }
        const QString outputsDir = QDir(dir).filePath(u"outputs"_s);
        for (const PortSpec &port : std::as_const(task.spec.outputs)) {
            const QString portDir = QDir(outputsDir).filePath(port.name);
            if (task.record.attempts > 0) // a retry starts from empty outputs
                QDir(portDir).removeRecursively();
            QDir().mkpath(portDir);
        }
        QDir().mkpath(outputsDir);      // every task has one, even with no output port
        if (task.record.attempts > 0) { // keep the logs of earlier attempts
            for (const QString &log : {u"stdout"_s, u"stderr"_s}) {
                const QString current = QDir(dir).filePath(log + u".log"_s);
                QFile::rename(current, QDir(dir).filePath(u"%1.attempt%2.log"_s.arg(log).arg(
                                           task.record.attempts)));
            }
        }
        TaskLaunch launch = task.launch;
        launch.gpus = task.gpus;
        launch.name = task.node.id;
        QStringList gpuList;
        for (int gpu : std::as_const(task.gpus))
            gpuList.append(QString::number(gpu));
        launch.environment.insert(u"CUDA_VISIBLE_DEVICES"_s, gpuList.join(u','));
        launch.holdUntilReleased = true; // runs once its group is in the catalog (below)

        task.record.attempts += 1;
        task.record.outputsDir = outputsDir;
        task.record.exitCode.reset();
        task.record.startedAt = QDateTime::currentDateTimeUtc();
        task.record.finishedAt = {};
        d->running.insert(i);
        task.record.jobId = connector.launch(launch);
        task.record.group = connector.processGroup(launch.key);
        // A cluster's task waits in its queue first; the connector says when it runs.
        if (connector.queuesWork())
            setTaskState(i, kQueued, tr("submitting to pool %1").arg(task.pool));
        else if (!launch.container.isHost()) // where it runs, for whoever watches it
            setTaskState(i, kRunning,
                         tr("in image %1 (%2)")
                             .arg(launch.container.image, launch.container.imageId.left(12)));
        else
            setTaskState(i, kRunning, {});
        connector.release(launch.key); // recorded: a runner killed from now on is reaped
    }
    for (int i : waiting)
        d->queue.push_back(i);
    finishIfIdle();
}

void RunExecutor::followMetrics(int i, bool finished)
{
    Private::Task &task = d->tasks[i];
    QFile file(QDir(d->taskDir(task)).filePath(u"metrics.jsonl"_s));
    if (!file.open(QIODevice::ReadOnly))
        return; // nothing reported (yet)
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    QList<MetricPoint> points;
    if (file.size() > task.metricsOffset && file.seek(task.metricsOffset)) {
        // A task may write fast: read in bounded chunks, never the whole file at once.
        const QByteArray bytes = file.read(16 << 20);
        task.metricsOffset += bytes.size();
        points = task.metrics.feed(bytes, now);
    }
    if (finished)
        points += task.metrics.finish(now);
    MetricsStore store(d->db);
    persist(store.append(d->run.id, task.node.id, points));
    MetricSource source;
    source.path = file.fileName();
    source.offset = task.metrics.consumed();
    source.malformed = task.metrics.malformed();
    auto previous = store.source(d->run.id, task.node.id);
    source.points = (previous ? previous->points : 0) + points.size();
    persist(store.saveSource(d->run.id, task.node.id, source));
}

void RunExecutor::sampleRunning()
{
    // Sample first (it may run nvidia-smi), then write everything in one short transaction.
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    QList<QPair<int, QList<MetricPoint>>> usage;
    for (int i : std::as_const(d->running)) {
        QList<MetricPoint> points;
        for (const auto &[key, value] :
             d->connectorOf(d->tasks[i]).sampleResources(d->taskKey(d->tasks[i])))
            points.append(MetricPoint{key, std::nullopt, value, now});
        usage.append({i, points});
    }
    const CatalogBatch batch(d->db);
    MetricsStore store(d->db);
    for (const auto &[i, points] : std::as_const(usage)) {
        followMetrics(i, false);
        persist(store.append(d->run.id, d->tasks[i].node.id, points));
    }
}

void RunExecutor::persist(const Status &written)
{
    // The run goes on (its processes are real), but the user must learn the catalog lags.
    if (!written && !d->catalogWarned) {
        d->catalogWarned = true;
        d->catalogError = written.error().message;
        qWarning("atelier: %s", qUtf8Printable(tr("The run could not record its progress in the "
                                                  "catalog: %1")
                                                   .arg(written.error().message)));
    }
}

void RunExecutor::finishIfIdle()
{
    const bool idle =
        d->running.isEmpty() && (d->stopping || (d->retriesWaiting == 0 && d->queue.empty()));
    if (d->finished || !idle)
        return;
    d->finished = true;
    d->stopPoll.stop();
    d->metricsPoll.stop();
    bool failed = false;
    for (const auto &task : std::as_const(d->tasks)) {
        if (task.selected && (task.record.state == kFailed || task.record.state == kLost))
            failed = true;
    }
    d->run.state = d->stopping ? kStopped : failed ? kFailed : kSucceeded;
    d->run.finishedAt = QDateTime::currentDateTimeUtc();
    persist(d->store.updateRun(d->run));
    Q_EMIT finished(d->run.id, d->run.state);
}

void RunExecutor::setTaskState(int i, const QString &state, const QString &message)
{
    TaskRecord &record = d->tasks[i].record;
    record.state = state;
    record.message = message;
    if (isDone(state))
        record.finishedAt = QDateTime::currentDateTimeUtc();
    persist(d->store.saveTask(record));
    Q_EMIT taskChanged(record);
}

void RunExecutor::skipBelow(int i, const QString &why)
{
    QList<int> stack = d->tasks[i].downstream;
    while (!stack.isEmpty()) {
        const int below = stack.takeLast();
        if (!d->tasks[below].selected || isDone(d->tasks[below].record.state))
            continue;
        setTaskState(below, kSkipped, why);
        stack.append(d->tasks[below].downstream);
    }
}

void RunExecutor::readyBelow(int i)
{
    for (int child : std::as_const(d->tasks[i].downstream)) {
        Private::Task &below = d->tasks[child];
        if (below.selected && --below.unmet == 0 && !isDone(below.record.state))
            d->queue.push_back(child);
    }
}

void RunExecutor::onTaskFinished(const QString &key, const TaskOutcome &outcome)
{
    std::optional<CatalogBatch> batch; // this task's writes in one commit, ended before dispatch()
    batch.emplace(d->db);
    if (key.section(u'/', 0, 0) != d->run.id)
        return;
    const int i = d->index.value(key.section(u'/', 1), -1);
    if (i < 0 || !d->running.contains(i))
        return;
    d->running.remove(i);
    followMetrics(i, true);
    Private::Task &task = d->tasks[i];
    Private::Pool &pool = d->pools[task.pool];
    if (!pool.connector->queuesWork()) {
        pool.freeCpus += task.need.cpus;
        pool.freeMemoryMb += task.need.memoryMb;
        pool.freeGpus.append(task.gpus);
        std::sort(pool.freeGpus.begin(), pool.freeGpus.end());
    }
    task.gpus.clear();
    task.record.exitCode =
        outcome.exitCode >= 0 ? std::optional<int>(outcome.exitCode) : std::nullopt;
    task.record.finishedAt = QDateTime::currentDateTimeUtc();
    QString note = outcome.message;
    if (outcome.status == TaskOutcome::Status::Failed) {
        // The template convention: a refusal is one "error: …" line on stderr. Carry it with
        // the exit code, so that the run's detail says why without opening the log.
        if (const QString reason = lastErrorLine(task.launch.stderrPath); !reason.isEmpty())
            note += (note.isEmpty() ? QString() : u": "_s) + reason;
    }
    if (outcome.outputTruncated)
        note += (note.isEmpty() ? QString() : u"; "_s) + tr("output was truncated");

    if (outcome.status == TaskOutcome::Status::Succeeded) {
        setTaskState(i, kSucceeded, note);
        persist(d->store.rememberOutputs(task.record.cacheKey, d->run.id, task.node.id,
                                         task.record.outputsDir));
        readyBelow(i);
    } else if (outcome.status == TaskOutcome::Status::Stopped || d->stopping) {
        setTaskState(i, kStopped, note.isEmpty() ? tr("stopped") : note);
    } else if (outcome.status == TaskOutcome::Status::Lost) {
        // Never retried nor counted as done: the job may still be running somewhere.
        setTaskState(i, kLost, note);
        skipBelow(i, tr("skipped: upstream %1 was lost").arg(task.node.id));
    } else if (task.record.attempts <= task.node.retries) {
        const int delay =
            std::min(60000, d->request.retryBackoffMs << std::min(task.record.attempts - 1, 16));
        setTaskState(i, kQueued,
                     tr("attempt %1 failed (%2); retrying in %3 s")
                         .arg(task.record.attempts)
                         .arg(note)
                         .arg(delay / 1000.0, 0, 'f', 1));
        ++d->retriesWaiting;
        QTimer::singleShot(delay, this, [this, i] {
            --d->retriesWaiting;
            if (d->finished)
                return;
            if (d->stopping)
                setTaskState(i, kStopped, tr("the run was stopped"));
            else
                d->queue.push_back(i);
            dispatch();
        });
    } else {
        setTaskState(i, kFailed, note);
        skipBelow(i, tr("skipped: upstream %1 failed").arg(task.node.id));
    }
    batch.reset();
    dispatch();
}

} // namespace atelier
