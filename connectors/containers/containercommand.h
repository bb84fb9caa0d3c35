#pragma once

#include "core/result.h"
#include "pipeline/connector.h"

#include <QString>
#include <QStringList>

namespace atelier {

/// Wraps a task's argv in `podman run` so that the task contract holds inside the image: the
/// task folder, inputs and template folder at the same paths, today's environment variables,
/// no network unless asked, CPU and memory limits, GPUs through CDI, outputs owned by the user.
class ContainerCommand final
{
public:
    /// A new container name for a task key ("<run>/<node>") with a random suffix: unique per
    /// launch, so a retry never waits for an earlier attempt's container to go, and a stop can
    /// reach it by name even when podman's client is gone.
    static QString containerName(const QString &taskKey);
    /// `podman run --rm … IMAGE_ID ARGV…` for \a task (whose container is not host).
    /// \a rootless: the user is not root, so the user namespace keeps the user's id and the
    /// outputs stay the user's.
    static QStringList wrap(const TaskLaunch &task, const QString &name, const QString &podman,
                            bool rootless);
    /// The same, with this machine's podman and user.
    static QStringList wrap(const TaskLaunch &task, const QString &name);
    /// Ends the task's container, if any is left (the client was killed before it could):
    /// `podman rm --force --ignore --time 2 NAME`, detached.
    static void removeLeftover(const QString &name);
    /// The label every container of task \a taskKey carries: "atelier.task=<run>/<node>".
    static QString labelOf(const QString &taskKey);
    /// Ends every container of \a taskKey (`podman ps --filter label=…`, then `podman rm
    /// --force`); whether one was there. Blocking (Leftovers, when a runner was killed).
    static Result<bool> removeTaskContainers(const QString &taskKey);
    /// Makes removeTaskContainers() the container remover Leftovers uses (at program start).
    static void installLeftoverRemover();
};

} // namespace atelier
