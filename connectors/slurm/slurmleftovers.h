#pragma once

#include "core/result.h"

#include <QString>

namespace atelier {

class Database;

/// Cancelling the Slurm jobs of runs whose runner was killed (Leftovers): the pool's settings
/// come from the catalog, the job's state and the cancel go through slurmrestd (SlurmClient).
namespace SlurmLeftovers {

/// Cancels job \a jobId of pool \a pool when that pool is a Slurm pool and the job is still
/// pending or running; returns whether it was. False for other pools and ended jobs. Without a
/// job id (its runner died before it recorded one), the job is found by its comment
/// (jobComment(\a taskKey)). Blocking.
Result<bool> cancel(Database &catalog, const QString &pool, const QString &jobId,
                    const QString &taskKey);

/// The comment a task's job carries: "atelier:<run>/<node>".
QString jobComment(const QString &taskKey);

/// Makes cancel() the canceller Leftovers uses (once, at program start).
void install();

} // namespace SlurmLeftovers

} // namespace atelier
