#pragma once

#include "core/result.h"
#include "runs/metricsstore.h"
#include "runs/runstore.h"

#include <QCoreApplication>
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
    QList<MetricSummary> summaries;
    qint64 malformedLines = 0;
    QList<Artifact> artifacts;
    QStringList registeredModels; ///< "NAME:VERSION" registered from this run (lineage)

    static Result<RunDetail> load(const QString &workspaceRoot, const QString &runId);
};

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
