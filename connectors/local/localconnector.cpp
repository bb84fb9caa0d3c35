#include "local/localconnector.h"

#include "containers/containercommand.h"
#include "containers/podman.h"
#include "local/localmachine.h"
#include "local/localprocess.h"
#include "local/processsampler.h"

#include <csignal>

#include <signal.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

PoolCapacity probeCapacity()
{
    const MachineResources machine = LocalMachine::probe();
    PoolCapacity capacity;
    capacity.cpus = std::max(1, machine.cpus);
    capacity.memoryMb = std::max<qint64>(256, machine.memoryBytes >> 20);
    for (const GpuInfo &gpu : machine.gpus)
        capacity.gpus.append(gpu.index);
    return capacity;
}

TaskOutcome toTaskOutcome(const ProcessOutcome &process)
{
    TaskOutcome outcome;
    outcome.exitCode = process.kind == ProcessOutcome::Kind::Exited ? process.exitCode : -1;
    outcome.message = process.message;
    outcome.outputTruncated = process.stdoutTruncated || process.stderrTruncated;
    switch (process.kind) {
    case ProcessOutcome::Kind::Exited:
        outcome.status =
            process.exitCode == 0 ? TaskOutcome::Status::Succeeded : TaskOutcome::Status::Failed;
        if (process.exitCode == 0)
            outcome.message.clear(); // success needs no words
        else if (outcome.message.isEmpty())
            outcome.message = LocalConnector::tr("exited with code %1").arg(process.exitCode);
        break;
    case ProcessOutcome::Kind::Signalled:
        outcome.status = TaskOutcome::Status::Failed;
        break;
    case ProcessOutcome::Kind::TimedOut:
        outcome.status = TaskOutcome::Status::TimedOut;
        break;
    case ProcessOutcome::Kind::Stopped:
        outcome.status = TaskOutcome::Status::Stopped;
        break;
    case ProcessOutcome::Kind::FailedToStart:
        outcome.status = TaskOutcome::Status::FailedToStart;
        break;
    }
    return outcome;
}

} // namespace

LocalConnector::LocalConnector(QObject *parent) : LocalConnector(probeCapacity(), parent) {}

LocalConnector::LocalConnector(const PoolCapacity &capacity, QObject *parent)
    : Connector(parent), m_capacity(capacity)
{
}

LocalConnector::~LocalConnector() = default; // the processes are children: their groups die too

QString LocalConnector::launch(const TaskLaunch &task)
{
    ProcessSpec spec;
    const QString container =
        task.container.isHost() ? QString() : ContainerCommand::containerName(task.key);
    spec.argv = container.isEmpty() ? task.argv : ContainerCommand::wrap(task, container);
    spec.workingDirectory = task.workingDirectory;
    for (auto it = task.environment.begin(); it != task.environment.end(); ++it)
        spec.environment.insert(it.key(), it.value());
    spec.stdoutPath = task.stdoutPath;
    spec.stderrPath = task.stderrPath;
    spec.outputCapBytes = task.outputCapBytes > 0 ? task.outputCapBytes : m_outputCap;
    spec.timeoutMs = task.timeoutS > 0 ? task.timeoutS * 1000 : 0;
    spec.holdUntilReleased = task.holdUntilReleased;

    auto *process = new LocalProcess(spec, this);
    m_processes.insert(task.key, Running{process, nullptr, task.gpus, {}, container});
    const QString key = task.key;
    connect(process, &LocalProcess::started, this,
            [this, key](qint64 pid) { Q_EMIT taskStarted(key, QString::number(pid)); });
    connect(process, &LocalProcess::finished, this,
            [this, key, process](const ProcessOutcome &outcome) {
                // A killed podman client leaves its container to conmon: end that too.
                const QString container = m_processes.value(key).container;
                if (!container.isEmpty() && outcome.kind != ProcessOutcome::Kind::Exited)
                    ContainerCommand::removeLeftover(container);
                m_processes.remove(key);
                process->deleteLater();
                Q_EMIT taskFinished(key, toTaskOutcome(outcome));
            });
    process->start();
    if (process->pid() > 0) {
        Running &running = m_processes[task.key];
        running.sampler = std::make_shared<ProcessSampler>(process->pid());
        // Read now, while the process is surely ours: its start time tells it apart later.
        running.group = ProcessIdentity::of(process->pid());
    }
    // Fault injection for tests (tst_orphans): this process dies exactly between the task's
    // start and the recording of its group. Inert unless the variable is set.
    if (qEnvironmentVariable("ATELIER_TEST_FAULT") == u"kill-after-spawn"_s)
        ::raise(SIGKILL);
    return process->pid() > 0 ? QString::number(process->pid()) : QString();
}

Result<QString> LocalConnector::resolveImage(const QString &image, const QStringList &modules)
{
    return Podman::resolve(image, modules);
}

void LocalConnector::stop(const QString &key)
{
    if (LocalProcess *process = m_processes.value(key).process)
        process->stop();
}

void LocalConnector::release(const QString &key)
{
    if (LocalProcess *process = m_processes.value(key).process)
        process->release();
}

ProcessIdentity LocalConnector::processGroup(const QString &key) const
{
    return m_processes.value(key).group;
}

QList<QPair<QString, double>> LocalConnector::sampleResources(const QString &key)
{
    const auto it = m_processes.find(key);
    if (it == m_processes.end() || !it->sampler)
        return {};
    ResourceSample sample = it->sampler->sample();
    if (!it->gpus.isEmpty())
        sample.gpus = ProcessSampler::sampleGpus(it->gpus);
    return ProcessSampler::toMetrics(sample);
}

} // namespace atelier
