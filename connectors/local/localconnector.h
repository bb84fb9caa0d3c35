#pragma once

#include "pipeline/connector.h"

#include <QHash>

#include <memory>

namespace atelier {

class LocalProcess;
class ProcessSampler;

/// The `local` pool: tasks run as processes of this workstation, within its cores, memory and
/// GPUs (or less, when asked), each in its own process group.
class LocalConnector final : public Connector
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalConnector)

public:
    /// Probes the machine (see LocalMachine; blocking, so build it off the GUI thread).
    explicit LocalConnector(QObject *parent = nullptr);
    /// A pool of exactly \a capacity (tests, or a user who reserves part of the machine).
    explicit LocalConnector(const PoolCapacity &capacity, QObject *parent = nullptr);
    ~LocalConnector() override;

    QString poolName() const override { return QStringLiteral("local"); }
    PoolCapacity capacity() const override { return m_capacity; }
    /// Through this machine's podman (Podman::resolve).
    Result<QString> resolveImage(const QString &image, const QStringList &modules) override;
    /// A task with an image runs through `podman run` (ContainerCommand); the rest as before.
    QString launch(const TaskLaunch &task) override;
    void stop(const QString &key) override;
    void release(const QString &key) override;
    /// The task's own group: its process is the leader of a new session (LocalProcess).
    ProcessIdentity processGroup(const QString &key) const override;
    /// CPU, memory and processes of the task's whole process tree, and its GPUs' use.
    QList<QPair<QString, double>> sampleResources(const QString &key) override;

    void setOutputCap(qint64 bytes) { m_outputCap = bytes; }

private:
    PoolCapacity m_capacity;
    qint64 m_outputCap = 64ll << 20;
    struct Running
    {
        LocalProcess *process = nullptr;
        std::shared_ptr<ProcessSampler> sampler;
        QList<int> gpus;
        ProcessIdentity group;
        QString container; ///< the podman container's name; empty: on the host
    };
    QHash<QString, Running> m_processes;
};

} // namespace atelier
