#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace atelier {

class Database;

/// What Leftovers::reap() found and ended.
struct LeftoverReport
{
    int runs = 0;     ///< runs whose runner had gone: their tasks' groups ended, tasks lost
    int services = 0; ///< services left starting by a deploy that had gone: stopped, failed
    int sessions = 0; ///< sessions whose supervisor had gone: their servers ended, lost
    int jobs = 0;     ///< cluster jobs of those runs' tasks that were still active: cancelled
    QStringList uncancelled; ///< cluster jobs that could not be cancelled, each with why

    bool isEmpty() const
    {
        return runs == 0 && services == 0 && sessions == 0 && uncancelled.isEmpty();
    }
    /// One line for the user, e.g. on stderr; empty when nothing was found.
    QString summary() const;
};

/// What Atelier processes that were killed (SIGKILL, a crash, a power cut) left behind: runs
/// whose runner is gone, with their tasks' process groups still running, and services left
/// `starting` by a `model deploy` that is gone, still listening. Each process group and each
/// runner or deployer is recorded with its start time, so a pid drawn again is never signalled.
/// Whoever opens the workspace next (the command line, the GUI's workspace load, the
/// scheduler) calls reap(). Blocking (it waits up to a few seconds for groups to end): call it
/// off the GUI thread.
class Leftovers final
{
    Q_DECLARE_TR_FUNCTIONS(Leftovers)

public:
    /// Cancels job \a jobId of pool \a pool when that pool runs its tasks elsewhere (a
    /// cluster); returns whether it was still active. False for pools it does not handle. An
    /// empty \a jobId: the task (\a taskKey, "<run>/<node>") was submitted but its runner died
    /// before it recorded the job id; the canceller finds the job by the task.
    using JobCanceller = std::function<Result<bool>(Database &catalog, const QString &pool,
                                                    const QString &jobId, const QString &taskKey)>;
    /// Installs the canceller of cluster jobs (connectors/ knows how to reach a cluster;
    /// app/main.cpp installs it once, before any thread starts). Without one, a killed runner's
    /// cluster jobs are left to run.
    static void setJobCanceller(JobCanceller canceller);
    /// Ends what is left of the container of local task \a taskKey ("<run>/<node>"); returns
    /// whether one was running. connectors/ installs it (podman), like the job canceller.
    using ContainerRemover = std::function<Result<bool>(const QString &taskKey)>;
    static void setContainerRemover(ContainerRemover remover);

    /// Ends and records the leftovers in \a catalog. A group gets SIGTERM, then SIGKILL after
    /// \a graceMs; a cluster job is cancelled (a cluster that does not answer is reported in
    /// LeftoverReport::uncancelled, and the tasks are marked lost all the same).
    static Result<LeftoverReport> reap(Database &catalog, int graceMs = 2000);
    /// `runs stop` on a run reaped above: ends what of its lost tasks still runs, here and on
    /// clusters. None when \a runId is no such run; else how many groups and jobs ended now.
    static Result<std::optional<int>> endRun(Database &catalog, const QString &runId,
                                             int graceMs = 2000);
    /// Stops run \a runId, the one way the command line and the GUI do it: a run reaped above
    /// has what still runs of it ended (endRun(); returns how many groups and jobs), a live
    /// one is asked to stop (its runner ends its tasks; returns none). Refuses a run that is
    /// not pending or running and not a leftover, or one imported from MLflow.
    static Result<std::optional<int>> stopRun(Database &catalog, const QString &runId,
                                              int graceMs = 2000);
    /// A service left `starting` by a deploy that is gone: its group is ended (when it is
    /// still the recorded one) and the service marked failed. Returns how many.
    static Result<int> reapServices(Database &catalog, int graceMs = 2000);
};

} // namespace atelier
