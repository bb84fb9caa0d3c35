#pragma once

#include "core/processidentity.h"
#include "core/result.h"
#include "pipeline/scheduleplanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace atelier {

class Database;

/// One run of a pipeline (catalog table `runs`).
struct RunRecord
{
    QString id;
    QString pipeline; ///< slug in repo/pipelines, or the file it was run from
    QString pipelineName;
    QString commitId; ///< the repo commit of the pipeline; empty when run from a loose file
    QString state;    ///< pending, running, succeeded, failed, stopped
    QString pool;
    QJsonObject variables;
    QJsonObject options; ///< from, only, no_cache
    QString logicalDate; ///< scheduled runs: the slot they stand for
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString message;
    QString runName;     ///< a name given elsewhere (MLflow's run name); empty for our runs
    QString source;      ///< "atelier", or "mlflow" for imported runs
    QString experiment;  ///< the experiment's name, when the run belongs to one
    QString parentRunId; ///< the run this one is nested in (MLflow's mlflow.parentRunId tag)

    /// How long the run took; none when that is unknown: no start, or no end while the run is
    /// not one of ours that is still going (an imported MLflow run that was running when it
    /// was imported never counts up to now). A run of ours still going counts up to \a now.
    std::optional<qint64> durationMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

/// A run in a list where nested runs follow their parent: \a depth 0 for a top-level run.
struct NestedRun
{
    RunRecord run;
    int depth = 0;
};

/// One node's execution in a run (catalog table `tasks`).
struct TaskRecord
{
    QString runId;
    QString nodeId;
    QString templateRef;
    /// pending, queued, running, succeeded, failed, stopped, skipped, cached, lost
    QString state;
    int attempts = 0;
    std::optional<int> exitCode;
    QString pool;
    QString jobId;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString message;
    QString cacheKey;
    QString outputsDir;
    /// A local task's process group (its leader's pid and start time); unknown elsewhere.
    ProcessIdentity group;
    QString image;   ///< the image it ran in, as the pipeline names it; empty: the host
    QString imageId; ///< that image's id when the task was prepared (part of the cache key)
};

/// A cached task of a run and the task whose outputs it reused: the run that made them.
struct ReusedTask
{
    QString nodeId;     ///< the cached task's node in this run
    QString fromRunId;  ///< the run whose task made the outputs
    QString fromNodeId; ///< that task's node there
};

/// A task's job on a pool that runs its tasks elsewhere (a cluster), as the catalog recorded it.
struct RemoteJob
{
    QString runId;
    QString node;
    QString pool;
    QString jobId; ///< empty when its runner died before it recorded the job's id
    /// A local task in a container image: the image id. Its container is ended by its label
    /// (the task key), since podman's conmon lives outside the task's process group.
    QString imageId = {};
};
/// Ends (cancels) \a jobs; how many were still active. Supplied from connectors/ (Leftovers).
using RemoteJobsEnder = std::function<Result<int>(const QList<RemoteJob> &jobs)>;

/// Runs and tasks in the catalog. Every write is committed when made.
class RunStore final
{
    Q_DECLARE_TR_FUNCTIONS(RunStore)

public:
    explicit RunStore(Database &db) : m_db(db) {}

    /// A new, sortable run id: 20261123-170412-3fa9.
    static QString newRunId();

    Status insertRun(const RunRecord &run);
    Status updateRun(const RunRecord &run);
    Status saveTask(const TaskRecord &task); ///< insert or replace
    Result<RunRecord> run(const QString &id);
    /// Newest first; only \a pipeline's when given.
    Result<QList<RunRecord>> runs(int limit = 50, const QString &pipeline = {});
    Result<QList<TaskRecord>> tasks(const QString &runId);
    /// The newest task of \a nodeId in \a pipeline that succeeded or was cached.
    Result<std::optional<TaskRecord>> latestSuccessful(const QString &pipeline,
                                                       const QString &nodeId);

    /// The cached tasks of \a runId, each with the succeeded task whose outputs folder it
    /// reused (none for a cached task whose maker is no longer in the catalog), by node id.
    Result<QList<ReusedTask>> reusedTasks(const QString &runId);

    /// The run's params (MLflow params, by key).
    Result<QMap<QString, QString>> params(const QString &runId);
    /// The run's tags (MLflow tags, by key).
    Result<QMap<QString, QString>> tags(const QString &runId);
    /// Ids of the runs nested in \a runId, sorted.
    Result<QStringList> children(const QString &runId);
    /// \a runs (newest first) reordered so that each run whose parent is in the list comes
    /// right after it (and after its earlier siblings), one level deeper; the rest keep their
    /// order. A cycle in the parent links is cut where it closes.
    static QList<NestedRun> nest(const QList<RunRecord> &runs);

    /// Runs left pending or running by an Atelier process that no longer exists (killed, or
    /// the machine restarted; a pid drawn again by another process counts as gone): the
    /// process groups of their tasks are ended (SIGTERM, SIGKILL after \a graceMs), the
    /// tasks that had started are marked lost, the others stopped, and the run failed with
    /// the reason. Blocks while groups end. Returns how many runs were reaped.
    /// \a endRemote, when given, ends each reaped run's tasks that run elsewhere (cluster
    /// jobs, see RemoteJob) before the run is marked; its failure does not stop the reaping
    /// (whoever supplies it reports it).
    Result<int> reapOrphans(int graceMs = 2000, const RemoteJobsEnder &endRemote = {});
    /// For `runs stop` on a run whose runner had gone (reaped above): ends whatever of its
    /// tasks' groups still runs, and (\a endRemote) its lost tasks' cluster jobs. None when
    /// \a runId is not such a run; else how many groups and jobs were ended now.
    Result<std::optional<int>> endLeftovers(const QString &runId, int graceMs = 2000,
                                            const RemoteJobsEnder &endRemote = {});
    /// For the scheduler: the newest slot started, how its run ended, and the runs active now.
    Result<ScheduleHistory> scheduleHistory(const QString &pipeline);
    /// Removes the folders of all but the newest \a keep runs of \a pipeline (catalog rows
    /// stay). Returns how many folders went.
    Result<int> pruneRunFolders(const QString &runsDir, const QString &pipeline, int keep);

    /// Puts \a runIds into the experiment \a name (made when new). Returns its id.
    Result<qint64> setExperiment(const QStringList &runIds, const QString &name);

    Status requestStop(const QString &runId);
    bool stopRequested(const QString &runId);

    /// Outputs recorded for \a key, when any.
    Result<std::optional<QString>> cachedOutputs(const QString &key);
    Status rememberOutputs(const QString &key, const QString &runId, const QString &nodeId,
                           const QString &outputsDir);

private:
    /// The cluster jobs of \a runId's tasks in \a state (or running / queued when \a state is
    /// empty): tasks with a job id and no local process group, and tasks started on another
    /// pool than `local` whose job id was never recorded.
    Result<QList<RemoteJob>> remoteJobs(const QString &runId, const QString &state);
    /// Ends the recorded groups of \a runId's tasks that still run. Returns how many.
    Result<int> endGroups(const QString &runId, int graceMs);

    Database &m_db;
};

} // namespace atelier
