#pragma once

#include "core/result.h"
#include "pipeline/scheduleplanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

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
    QString runName;    ///< a name given elsewhere (MLflow's run name); empty for our runs
    QString source;     ///< "atelier", or "mlflow" for imported runs
    QString experiment; ///< the experiment's name, when the run belongs to one
};

/// One node's execution in a run (catalog table `tasks`).
struct TaskRecord
{
    QString runId;
    QString nodeId;
    QString templateRef;
    QString state; ///< pending, queued, running, succeeded, failed, stopped, skipped, cached
    int attempts = 0;
    std::optional<int> exitCode;
    QString pool;
    QString jobId;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString message;
    QString cacheKey;
    QString outputsDir;
};

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

    /// Runs left pending or running by an Atelier process that no longer exists (killed, or
    /// the machine restarted) are marked failed, with their unfinished tasks. Returns how many.
    Result<int> reapOrphans();
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
    Database &m_db;
};

} // namespace atelier
