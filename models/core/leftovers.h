#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace atelier {

class Database;

/// What Leftovers::reap() found and ended.
struct LeftoverReport
{
    int runs = 0;     ///< runs whose runner had gone: their tasks' groups ended, tasks lost
    int services = 0; ///< services left starting by a deploy that had gone: stopped, failed
    int sessions = 0; ///< sessions whose supervisor had gone: their servers ended, lost

    bool isEmpty() const { return runs == 0 && services == 0 && sessions == 0; }
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
    /// Ends and records the leftovers in \a catalog. A group gets SIGTERM, then SIGKILL after
    /// \a graceMs.
    static Result<LeftoverReport> reap(Database &catalog, int graceMs = 2000);
    /// A service left `starting` by a deploy that is gone: its group is ended (when it is
    /// still the recorded one) and the service marked failed. Returns how many.
    static Result<int> reapServices(Database &catalog, int graceMs = 2000);
};

} // namespace atelier
