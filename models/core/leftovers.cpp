#include "core/leftovers.h"

#include "catalog/database.h"
#include "core/processidentity.h"
#include "runs/runstore.h"
#include "sessions/sessionstore.h"

#include <QDateTime>
#include <QFile>
#include <QList>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

Leftovers::JobCanceller &jobCanceller()
{
    static Leftovers::JobCanceller canceller;
    return canceller;
}

Leftovers::ContainerRemover &containerRemover()
{
    static Leftovers::ContainerRemover remover;
    return remover;
}

/// Cancels \a jobs through the installed canceller; the ones that could not be cancelled are
/// added to \a problems. Returns how many were still active.
int cancelJobs(Database &catalog, const QList<RemoteJob> &jobs, QStringList *problems)
{
    const Leftovers::JobCanceller &cancel = jobCanceller();
    int cancelled = 0;
    for (const RemoteJob &job : jobs) {
        const QString taskKey = job.runId + u'/' + job.node;
        if (!job.imageId.isEmpty()) { // a local task's container
            const Leftovers::ContainerRemover &remove = containerRemover();
            if (!remove)
                continue;
            const Result<bool> removed = remove(taskKey);
            if (!removed)
                problems->append(Leftovers::tr("the container of task %1: %2")
                                     .arg(job.node, removed.error().message));
            continue;
        }
        if (!cancel)
            continue;
        const Result<bool> done = cancel(catalog, job.pool, job.jobId, taskKey);
        if (!done)
            problems->append(Leftovers::tr("the job of task %1 on pool %2: %3")
                                 .arg(job.node, job.pool, done.error().message));
        else if (done.value())
            ++cancelled;
    }
    return cancelled;
}

/// The recorded service process, or the pid its starter wrote into the service's folder when
/// the deploy was killed before the catalog learnt it. The folder must appear on its command
/// line (it is unique to the service), so a pid drawn again is never taken for it.
ProcessIdentity serviceProcess(qint64 pid, qint64 started, const QString &folder)
{
    if (pid > 0 && started > 0)
        return {pid, started};
    if (pid <= 0) {
        QFile file(folder + u"/service.pid"_s);
        if (file.open(QIODevice::ReadOnly))
            pid = file.readAll().trimmed().toLongLong();
    }
    if (pid <= 0 || folder.isEmpty())
        return {};
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly) ||
        !cmdline.readAll().contains(QFile::encodeName(folder)))
        return {};
    return ProcessIdentity::of(pid);
}

} // namespace

QString LeftoverReport::summary() const
{
    QStringList parts;
    if (runs > 0)
        parts << Leftovers::tr("%n run(s) whose Atelier process had ended were marked failed, "
                               "their started tasks lost and their processes ended",
                               nullptr, runs);
    if (services > 0)
        parts << Leftovers::tr("%n service(s) left starting by a deploy that had ended were "
                               "stopped",
                               nullptr, services);
    if (jobs > 0)
        parts << Leftovers::tr("%n cluster job(s) of their tasks were cancelled", nullptr, jobs);
    if (!uncancelled.isEmpty())
        parts << Leftovers::tr("could not cancel %1 ('atelier runs stop RUN' tries again)")
                     .arg(uncancelled.join(u", "_s));
    if (sessions > 0)
        parts << Leftovers::tr("%n session(s) whose Atelier process had ended were marked lost "
                               "and their servers stopped",
                               nullptr, sessions);
    return parts.join(u"; "_s);
}

void Leftovers::setJobCanceller(JobCanceller canceller)
{
    jobCanceller() = std::move(canceller);
}

void Leftovers::setContainerRemover(ContainerRemover remover)
{
    containerRemover() = std::move(remover);
}

Result<LeftoverReport> Leftovers::reap(Database &catalog, int graceMs)
{
    LeftoverReport report;
    auto runs = RunStore(catalog).reapOrphans(graceMs, [&](const QList<RemoteJob> &jobs) {
        const int cancelled = cancelJobs(catalog, jobs, &report.uncancelled);
        report.jobs += cancelled;
        return Result<int>(cancelled);
    });
    if (!runs)
        return runs.error();
    report.runs = runs.value();
    auto services = reapServices(catalog, graceMs);
    if (!services)
        return services.error();
    report.services = services.value();
    auto sessions = SessionStore(catalog).reapOrphans(graceMs, [&](const QList<RemoteJob> &jobs) {
        const int cancelled = cancelJobs(catalog, jobs, &report.uncancelled);
        report.jobs += cancelled;
        return Result<int>(cancelled);
    });
    if (!sessions)
        return sessions.error();
    report.sessions = sessions.value();
    return report;
}

Result<std::optional<int>> Leftovers::endRun(Database &catalog, const QString &runId, int graceMs)
{
    return RunStore(catalog).endLeftovers(
        runId, graceMs, [&](const QList<RemoteJob> &jobs) -> Result<int> {
            QStringList problems;
            const int cancelled = cancelJobs(catalog, jobs, &problems);
            if (!problems.isEmpty())
                return makeError(
                    ErrorCode::Io,
                    tr("Run %1: could not cancel %2.").arg(runId, problems.join(u", "_s)));
            return cancelled;
        });
}

Result<std::optional<int>> Leftovers::stopRun(Database &catalog, const QString &runId, int graceMs)
{
    // A run whose runner was killed was reaped when the workspace opened; what of its tasks
    // still runs (a group that did not end then) is ended now.
    auto leftover = endRun(catalog, runId, graceMs);
    if (!leftover || leftover.value())
        return leftover;
    if (Status asked = RunStore(catalog).requestStop(runId); !asked)
        return asked.error();
    return std::optional<int>();
}

Result<int> Leftovers::reapServices(Database &catalog, int graceMs)
{
    struct Starting
    {
        QString id;
        qint64 pid = 0;
        qint64 started = 0;
        QString folder;
        ProcessIdentity deployer;
    };
    QList<Starting> starting;
    Status read = catalog
                      .query("SELECT id, pid, pid_started, folder, deployer_pid, "
                             "deployer_started FROM services WHERE state = 'starting' AND "
                             "deployer_pid IS NOT NULL AND deployer_started IS NOT NULL;")
                      .forEach([&](const Query &row) {
                          starting.append({row.text(0),
                                           row.isNull(1) ? 0 : row.int64(1),
                                           row.isNull(2) ? 0 : row.int64(2),
                                           row.text(3),
                                           {row.int64(4), row.int64(5)}});
                      });
    if (!read)
        return read.error();
    int reaped = 0;
    for (const Starting &service : std::as_const(starting)) {
        if (service.deployer.isAlive())
            continue; // still waiting for the service to answer
        const ProcessIdentity process =
            serviceProcess(service.pid, service.started, service.folder);
        if (!ProcessGroups::end(process, graceMs))
            return makeError(ErrorCode::Internal,
                             tr("Service %1 (pid %2) did not stop, even after SIGKILL.")
                                 .arg(service.id)
                                 .arg(process.pid));
        const QString why = tr("the deploying Atelier process (pid %1) ended before the service "
                               "answered; the service was stopped")
                                .arg(service.deployer.pid);
        Status marked = catalog
                            .query("UPDATE services SET state = 'failed', message = ?2, "
                                   "stopped_at = ?3, pid = coalesce(pid, ?4) WHERE id = ?1 AND "
                                   "state = 'starting';")
                            .bind(1, service.id)
                            .bind(2, why)
                            .bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                            .bind(4, process.pid > 0 ? QVariant(process.pid) : QVariant())
                            .exec();
        if (!marked)
            return marked.error();
        ++reaped;
    }
    return reaped;
}

} // namespace atelier
