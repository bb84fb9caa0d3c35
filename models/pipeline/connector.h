#pragma once

#include "core/processidentity.h"
#include "environments/environmentspec.h"
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
    int cpus = 1;           ///< per node
    qint64 memoryMb = 1024; ///< per node
    QList<int> gpus;        ///< device indices (per node)
    int nodes = 1;          ///< how many nodes one task may span
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
    QList<int> gpus;           ///< indices given to this task (also in CUDA_VISIBLE_DEVICES)
    QString name;              ///< the job's name on a cluster (the node id)
    ContainerLaunch container; ///< the image it runs in; host when empty
    /// The task's process waits until Connector::release(), so that its process group is
    /// recorded before it runs anything; it exits if the launching process ends before that.
    /// Connectors whose tasks run elsewhere ignore it.
    bool holdUntilReleased = false;
};

/// How a task's process ended.
struct TaskOutcome
{
    /// Lost: the pool stopped answering and the task's end cannot be known.
    enum class Status { Succeeded, Failed, TimedOut, Stopped, FailedToStart, Lost };
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
    /// Where this pool's task folders go (a staging folder the cluster sees), or empty for
    /// the workspace's runs/ folder.
    virtual QString taskRoot() const { return {}; }
    /// Whether the pool queues work itself (a cluster scheduler): the executor then submits
    /// every ready task instead of holding it until the pool has room.
    virtual bool queuesWork() const { return false; }
    /// Checks that this pool can run tasks in \a image and that the image's python3 imports
    /// \a modules (a template's `requires`); returns the image's id. Called before a run
    /// starts, so an unknown image or a missing container engine refuses the run up front.
    virtual Result<QString> resolveImage(const QString &image, const QStringList &modules)
    {
        Q_UNUSED(modules);
        return makeError(ErrorCode::Unsupported,
                         tr("pool %1 cannot run tasks in images (%2); run the node on the host "
                            "or on a local or Slurm pool")
                             .arg(poolName(), image));
    }
    /// Starts the task; emits taskStarted then, later, taskFinished exactly once. Returns the
    /// job id when it is known at once (a local pid), else an empty string (taskStarted has it).
    virtual QString launch(const TaskLaunch &task) = 0;
    /// Ends the task (its whole process tree); taskFinished reports Stopped.
    virtual void stop(const QString &key) = 0;
    /// Lets a task launched with TaskLaunch::holdUntilReleased run (its group is recorded).
    virtual void release(const QString &key) { Q_UNUSED(key); }
    /// The process group a started task runs in on this machine (recorded in the catalog, so
    /// that whoever opens the workspace after the runner was killed can end it); unknown for
    /// tasks that run elsewhere.
    virtual ProcessIdentity processGroup(const QString &key) const
    {
        Q_UNUSED(key);
        return {};
    }
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
    /// A cluster's word on a started task: "queued" (pending, with Slurm's reason) or
    /// "running", with a message; the executor shows it. Local tasks never send it.
    void taskStatus(const QString &key, const QString &state, const QString &message);
    /// The pool's health changed (online, abnormal with the reason).
    void poolStateChanged(const QString &state, const QString &reason);
};

} // namespace atelier

Q_DECLARE_METATYPE(atelier::TaskOutcome)
