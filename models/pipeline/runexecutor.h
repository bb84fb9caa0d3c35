#pragma once

#include "core/result.h"
#include "pipeline/pipelinedocument.h"
#include "runs/runstore.h"

#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QString>

#include <memory>

namespace atelier {

class Connector;
class Database;
class TemplateLibrary;
struct TaskOutcome;

/// What to run and how.
struct RunRequest
{
    QString workspaceRoot;
    QString pipelineKey; ///< slug in repo/pipelines, or the file path
    QString commitId;    ///< the pipeline's commit, recorded with the run
    PipelineDocument document;
    QMap<QString, QString> variables; ///< --set: overrides the pipeline's variables
    QString pool;     ///< --pool: for nodes that name none; empty: the executor's first connector
    QString fromNode; ///< run this node and everything below it
    QString onlyNode; ///< run this node alone
    bool noCache = false;
    QString logicalDate;       ///< {{date}}; today (UTC) when empty
    QString python;            ///< interpreter from settings; empty: find one
    QString atelierBinary;     ///< what {atelier} in a command runs (templates that call Atelier)
    qint64 outputCapBytes = 0; ///< per stream and task; 0: the connector's default (64 MiB)
    int retryBackoffMs = 1000; ///< first retry waits this long, doubling each time (max 60 s)
    int stopPollMs = 500;      ///< how often a stop asked from elsewhere (the catalog) is checked
    int metricsPollMs = 1000;  ///< how often metrics files are read and resources sampled
};

/// What a run would do with a node (atelier pipeline run --dry-run).
struct PlannedTask
{
    QString nodeId;
    QString decision; ///< run, cached, reuse, skip, not-selected
    QString reason;
};

/// Runs one pipeline on one or more pools (a node's `pool`, else the run's, else the first
/// connector's), each through its connector: event-driven (a task becomes ready when its last
/// upstream finishes), parallel within the pool's capacity, with retries, timeouts, skip,
/// stop, and the output cache. Every state change is committed to the catalog as it happens.
class RunExecutor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunExecutor)

public:
    RunExecutor(Database &db, const TemplateLibrary &library, Connector &connector,
                QObject *parent = nullptr);
    ~RunExecutor() override;

    /// Another pool the run may use (nodes or --pool name it); \a connector outlives the run.
    void addConnector(Connector &connector);

    /// Validates and plans the run and records it; tasks start from the event loop.
    /// Refuses (nothing recorded, nothing run) an invalid pipeline, an unknown node, or
    /// upstream outputs that a partial run would need but no earlier run left.
    Result<QString> start(const RunRequest &request);
    /// The decisions a run would make, in order, without running, recording or creating
    /// anything (Snakemake's -n): what runs, what the cache or an earlier run supplies, what
    /// is skipped. Refuses what start() refuses.
    Result<QList<PlannedTask>> plan(const RunRequest &request);
    /// Stops every running task (its whole process tree); the run ends as stopped.
    void stop();

    QString runId() const;
    QString state() const;
    QList<TaskRecord> tasks() const;
    /// The first catalog write that failed during the run (disk full, …), empty when none:
    /// then what the catalog says of the run may lag behind state().
    QString catalogError() const;

Q_SIGNALS:
    void taskChanged(const atelier::TaskRecord &task);
    void finished(const QString &runId, const QString &state);

private:
    /// Validates the request and builds the tasks, the selection and the reused outputs.
    Status setup(const RunRequest &request);
    /// Asks each selected task's pool for the id of the image it runs in (and checks it).
    Status resolveImages();
    void dispatch();
    void onTaskFinished(const QString &key, const atelier::TaskOutcome &outcome);
    void onTaskStatus(const QString &key, const QString &state, const QString &message);
    /// Records and announces a task's new state.
    void setTaskState(int task, const QString &state, const QString &message);
    /// Marks every selected task below \a task skipped: it will get no inputs.
    void skipBelow(int task, const QString &why);
    /// Queues the tasks below \a task whose last upstream it was.
    void readyBelow(int task);
    void finishIfIdle();
    /// Works out a task's command, environment and cache key; returns why it cannot run.
    QString prepare(int task);
    /// Reads what a task appended to its metrics file since the last look (and, at its end,
    /// a last line without a newline) into the catalog.
    void followMetrics(int task, bool finished);
    /// One look at every running task: new metric lines, and resources in use.
    void sampleRunning();
    /// Warns (once per run) when the catalog refused a write.
    void persist(const Status &written);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace atelier
