#pragma once

#include "pipeline/templatespec.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

namespace atelier {

/// What a pool offers at most; a task asking for more is refused, not clamped.
struct PoolCapacity
{
    int cpus = 1;
    qint64 memoryMb = 1024;
    QList<int> gpus; ///< device indices
};

/// Everything a connector needs to start one task.
struct TaskLaunch
{
    QString key; ///< "<run>/<node>", unique while running
    QStringList argv;
    QString workingDirectory;
    QMap<QString, QString> environment; ///< added to the connector's base environment
    QString stdoutPath;
    QString stderrPath;
    int timeoutS = 0;
    qint64 outputCapBytes = 0; ///< per stream; 0: the connector's default
    ResourceSpec resources;
    QList<int> gpus; ///< indices given to this task (also in CUDA_VISIBLE_DEVICES)
};

/// How a task's process ended.
struct TaskOutcome
{
    enum class Status { Succeeded, Failed, TimedOut, Stopped, FailedToStart };
    Status status = Status::Failed;
    int exitCode = -1;
    QString message;
    bool outputTruncated = false;
};

/// A place tasks run (the local machine, a Slurm partition…). Declared here, implemented in
/// connectors/, so the scheduler is tested without a cluster. Lives on the scheduler's thread.
class Connector : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connector)

public:
    using QObject::QObject;
    ~Connector() override = default;

    virtual QString poolName() const = 0;
    virtual PoolCapacity capacity() const = 0;
    /// Starts the task; emits taskStarted then, later, taskFinished exactly once. Returns the
    /// job id when it is known at once (a local pid), else an empty string (taskStarted has it).
    virtual QString launch(const TaskLaunch &task) = 0;
    /// Ends the task (its whole process tree); taskFinished reports Stopped.
    virtual void stop(const QString &key) = 0;
    /// What the running task uses now, as metric points ("sys/cpu_percent", …); empty when
    /// the connector cannot tell. Called about once a second per running task.
    virtual QList<QPair<QString, double>> sampleResources(const QString &key)
    {
        Q_UNUSED(key);
        return {};
    }

Q_SIGNALS:
    void taskStarted(const QString &key, const QString &jobId);
    void taskFinished(const QString &key, const atelier::TaskOutcome &outcome);
};

} // namespace atelier

Q_DECLARE_METATYPE(atelier::TaskOutcome)
