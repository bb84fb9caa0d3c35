#pragma once

#include "core/result.h"
#include "pipeline/pipelinedocument.h"
#include "runs/metricsstore.h"
#include "runs/runstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace atelier {

/// A file a task left in its outputs.
struct Artifact
{
    QString task;
    QString relativePath; ///< below the task's outputs folder
    QString path;
    qint64 size = 0;
};

/// Everything the run detail shows, read in one go on a worker thread.
struct RunDetail
{
    Q_DECLARE_TR_FUNCTIONS(RunDetail)

public:
    RunRecord run;
    QList<TaskRecord> tasks;
    QMap<QString, QString> params; ///< variables and imported params
    /// The run's metrics, and those of the runs its cached tasks reused for keys it lacks
    /// (MetricSummary::fromRunId says which)
    QList<MetricSummary> summaries;
    QList<ReusedTask> reused;          ///< the cached tasks and the runs they reused
    QHash<QString, QString> nodeNames; ///< node id → display name, from the run's snapshot
    qint64 malformedLines = 0;
    QList<Artifact> artifacts;
    QStringList registeredModels; ///< "NAME:VERSION" registered from this run (lineage)

    static Result<RunDetail> load(const QString &workspaceRoot, const QString &runId);
    /// Where the log \a stream of \a nodeId's task lies: its own, or for a cached task the
    /// log of the task whose outputs it reused, whose run \a fromRunId then names (empty
    /// otherwise).
    QString taskLogPath(const QString &workspaceRoot, const QString &nodeId, const QString &stream,
                        QString *fromRunId = nullptr) const;
    /// The name shown for the task of \a nodeId: its node's name, else the id.
    QString taskName(const QString &nodeId) const { return nodeNames.value(nodeId, nodeId); }
};

/// A run with the pipeline as it ran, for showing that pipeline read-only.
struct RunSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(RunSnapshot)

public:
    RunRecord run;
    QList<TaskRecord> tasks;
    PipelineDocument document; ///< the run folder's pipeline.json, else the run's commit

    static Result<RunSnapshot> load(const QString &workspaceRoot, const QString &runId);
    /// The pipeline \a run ran: the snapshot kept in its run folder (under \a runsPath),
    /// else, when that is gone, the pipeline at the commit the run recorded.
    static Result<PipelineDocument> pipelineOf(const QString &workspaceRoot,
                                               const QString &runsPath, const RunRecord &run);
};

/// Where the log \a stream ("stdout.log", "stderr.log") of \a nodeId's task in \a runId lies.
QString taskLogPath(const QString &workspaceRoot, const QString &runId, const QString &nodeId,
                    const QString &stream);

class Database;

/// A recorded param \a value as it ran: {{workspace}} becomes \a workspaceRoot and
/// {{variables.NAME}} the run's variable, taken from \a params ("variables.NAME"), for display.
/// Anything else ({{run_id}}, unknown names) is left as written.
QString expandRecordedParam(const QString &value, const QString &workspaceRoot,
                            const QMap<QString, QString> &params);

/// The points of \a key in \a runId; when the run has none, those of the run that a cached
/// task of it reused, which \a fromRunId then names (empty otherwise).
Result<QList<MetricPoint>> runMetricPoints(Database &db, const QString &runId, const QString &key,
                                           QString *fromRunId = nullptr);

/// A page of a log file for the viewer: terminal escapes removed, never the whole of a large
/// file at once.
struct LogPage
{
    Q_DECLARE_TR_FUNCTIONS(LogPage)

public:
    QString text;
    qint64 offset = 0; ///< where this page starts in the file
    qint64 fileSize = 0;

    /// Reads up to \a maxBytes ending at the file's end (\a offset < 0) or starting at
    /// \a offset, cut at line starts.
    static Result<LogPage> read(const QString &path, qint64 offset, qint64 maxBytes);
    /// Removes ANSI colour and cursor sequences.
    static QString stripAnsi(const QString &text);
};

} // namespace atelier
