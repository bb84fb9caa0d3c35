#include "slurm/slurmleftovers.h"

#include "core/leftovers.h"
#include "pools/poolstore.h"
#include "slurm/slurmclient.h"

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// Slurm's states of a job that has ended (squeue no longer lists it, or soon will not).
bool hasEnded(const QString &state)
{
    static const QStringList ended{u"COMPLETED"_s, u"FAILED"_s,        u"CANCELLED"_s,
                                   u"TIMEOUT"_s,   u"DEADLINE"_s,      u"NODE_FAIL"_s,
                                   u"BOOT_FAIL"_s, u"OUT_OF_MEMORY"_s, u"PREEMPTED"_s};
    return ended.contains(state);
}

} // namespace

QString SlurmLeftovers::jobComment(const QString &taskKey)
{
    return u"atelier:"_s + taskKey;
}

Result<bool> SlurmLeftovers::cancel(Database &catalog, const QString &pool, const QString &jobId,
                                    const QString &taskKey)
{
    const Result<PoolRecord> found = PoolStore(catalog).find(pool);
    if (!found)
        // A pool removed since: nothing left to reach its jobs with.
        return found.error().code == ErrorCode::NotFound ? Result<bool>(false)
                                                         : Result<bool>(found.error());
    if (found->kind != u"slurm"_s)
        return false;
    SlurmClient client(found->slurm);
    if (jobId.isEmpty()) {
        const Result<QList<SlurmJobInfo>> jobs = client.jobs();
        if (!jobs)
            return jobs.error();
        bool cancelled = false;
        for (const SlurmJobInfo &job : jobs.value()) {
            if (job.comment != jobComment(taskKey) || hasEnded(job.state))
                continue;
            if (const Status done = client.cancel(job.id); !done)
                return done.error();
            cancelled = true;
        }
        return cancelled;
    }
    const Result<SlurmJobInfo> job = client.job(jobId);
    if (!job)
        // Slurm forgets ended jobs after a while (MinJobAge).
        return job.error().code == ErrorCode::NotFound ? Result<bool>(false)
                                                       : Result<bool>(job.error());
    if (hasEnded(job->state))
        return false;
    if (const Status cancelled = client.cancel(jobId); !cancelled)
        return cancelled.error();
    return true;
}

void SlurmLeftovers::install()
{
    Leftovers::setJobCanceller(&SlurmLeftovers::cancel);
}

} // namespace atelier
