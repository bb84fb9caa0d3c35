#include "containers/containercommand.h"

#include "containers/podman.h"
#include "core/leftovers.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

QString ContainerCommand::containerName(const QString &taskKey)
{
    // Podman's names: [a-zA-Z0-9][a-zA-Z0-9_.-]*. Run ids and node ids nearly fit already.
    static const QRegularExpression other(u"[^a-zA-Z0-9_.-]"_s);
    return u"atelier-%1-%2"_s.arg(QString(taskKey).replace(other, u"_"_s))
        .arg(uint(QRandomGenerator::global()->generate() & 0xffffff), 6, 16, QChar(u'0'));
}

QStringList ContainerCommand::wrap(const TaskLaunch &task, const QString &name,
                                   const QString &podman, bool rootless)
{
    const ContainerLaunch &container = task.container;
    // --rm: nothing is left behind. No --init: it needs catatonit, which Debian's podman does
    // not pull in. A SIGTERM to the task's process group reaches podman's client, which
    // proxies it to the task; a task that ignores it is ended by removeLeftover() once the
    // client is killed.
    // The label finds the container again when the runner was killed (removeTaskContainers).
    QStringList argv{podman,       u"run"_s,          u"--rm"_s,      u"--name"_s,          name,
                     u"--label"_s, labelOf(task.key), u"--workdir"_s, task.workingDirectory};
    if (!container.network)
        argv << u"--network"_s << u"none"_s;
    // Rootless podman maps the user to root inside unless told to keep the user's id; as
    // root, root inside is root outside, and the files are the user's either way.
    if (rootless)
        argv << u"--userns=keep-id"_s;
    if (task.resources.cpus > 0)
        argv << u"--cpus"_s << QString::number(task.resources.cpus);
    if (task.resources.memoryMb > 0)
        argv << u"--memory"_s << u"%1m"_s.arg(task.resources.memoryMb);
    for (int gpu : task.gpus)
        argv << u"--device"_s << u"nvidia.com/gpu=%1"_s.arg(gpu);
    // On a cluster the scheduler picks the GPUs when the job starts and says which in
    // CUDA_VISIBLE_DEVICES: show the container every GPU (numbered as on the node) and pass
    // that variable through.
    const bool gpusFromCluster = task.gpus.isEmpty() && task.resources.gpus > 0;
    if (gpusFromCluster)
        argv << u"--device"_s << u"nvidia.com/gpu=all"_s << u"--env"_s << u"CUDA_VISIBLE_DEVICES"_s;
    for (const QString &path : container.writablePaths)
        argv << u"--volume"_s << u"%1:%1:rw"_s.arg(path);
    for (const QString &path : container.readOnlyPaths) {
        if (!container.writablePaths.contains(path))
            argv << u"--volume"_s << u"%1:%1:ro"_s.arg(path);
    }
    for (auto it = task.environment.begin(); it != task.environment.end(); ++it) {
        QString value = it.value();
        if (gpusFromCluster && it.key() == u"CUDA_VISIBLE_DEVICES"_s)
            continue;
        // CDI shows the container only its own GPUs, numbered from 0.
        if (it.key() == u"CUDA_VISIBLE_DEVICES"_s && !task.gpus.isEmpty()) {
            QStringList inside;
            for (qsizetype i = 0; i < task.gpus.size(); ++i)
                inside.append(QString::number(i));
            value = inside.join(u',');
        }
        argv << u"--env"_s << it.key() + u'=' + value;
    }
    // What a cluster tells its jobs (SLURM_JOB_ID, SLURM_PROCID…) passes through by name, as
    // the task on the host would see it.
    argv << u"--env"_s << u"SLURM_*"_s;
    argv << container.imageId;
    argv += task.argv;
    return argv;
}

QStringList ContainerCommand::wrap(const TaskLaunch &task, const QString &name)
{
    return wrap(task, name, Podman::program(), ::geteuid() != 0);
}

void ContainerCommand::installLeftoverRemover()
{
    Leftovers::setContainerRemover(&ContainerCommand::removeTaskContainers);
}

QString ContainerCommand::labelOf(const QString &taskKey)
{
    return u"atelier.task="_s + taskKey;
}

Result<bool> ContainerCommand::removeTaskContainers(const QString &taskKey)
{
    const auto podman = [](const QStringList &args, QByteArray *out) -> Status {
        QProcess process;
        process.start(Podman::program(), args);
        if (!process.waitForStarted(5000))
            return makeError(ErrorCode::Io, Podman::tr("podman could not be started"));
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished(2000);
            return makeError(ErrorCode::Io, Podman::tr("podman did not answer"));
        }
        *out = process.readAllStandardOutput();
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return makeError(ErrorCode::Io,
                             QString::fromUtf8(process.readAllStandardError()).trimmed());
        return {};
    };
    QByteArray listed;
    if (Status ok = podman(
            {u"ps"_s, u"--all"_s, u"--quiet"_s, u"--filter"_s, u"label="_s + labelOf(taskKey)},
            &listed);
        !ok)
        return ok.error();
    QStringList ids;
    for (const QByteArray &line : listed.split('\n'))
        if (!line.trimmed().isEmpty())
            ids.append(QString::fromLatin1(line.trimmed()));
    if (ids.isEmpty())
        return false;
    QByteArray ignored;
    if (Status ok = podman(
            QStringList{u"rm"_s, u"--force"_s, u"--ignore"_s, u"--time"_s, u"2"_s} + ids, &ignored);
        !ok)
        return ok.error();
    return true;
}

void ContainerCommand::removeLeftover(const QString &name)
{
    // Detached and silent: its words ("resorting to SIGKILL", the name) are not the task's.
    QProcess remover;
    remover.setProgram(Podman::program());
    remover.setArguments({u"rm"_s, u"--force"_s, u"--ignore"_s, u"--time"_s, u"2"_s, name});
    remover.setStandardOutputFile(QProcess::nullDevice());
    remover.setStandardErrorFile(QProcess::nullDevice());
    remover.startDetached();
}

} // namespace atelier
