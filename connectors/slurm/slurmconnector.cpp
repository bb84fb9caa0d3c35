#include "slurmconnector.h"
#include "slurm/slurmleftovers.h"

#include "containers/containercommand.h"
#include "containers/podman.h"

#include <QDateTime>
#include <QDir>
#include <QFutureWatcher>
#include <QProcessEnvironment>
#include <QtConcurrent/QtConcurrentRun>

#include <csignal>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SlurmConnector::SlurmConnector(const PoolRecord &pool, QObject *parent)
    : SlurmConnector(pool, Options{}, parent)
{
}

SlurmConnector::SlurmConnector(const PoolRecord &pool, const Options &options, QObject *parent)
    : Connector(parent), m_pool(pool), m_options(options),
      m_client(std::make_shared<SlurmClient>(pool.slurm, options.httpTimeoutMs))
{
    m_workers.setMaxThreadCount(4);
    m_pollTimer.setParent(this);
    m_pumpTimer.setParent(this);
    m_pumpTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SlurmConnector::poll);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SlurmConnector::pump);
}

SlurmConnector::~SlurmConnector()
{
    m_pollTimer.stop();
    m_pumpTimer.stop();
    m_workers.waitForDone();
    // No one tracks this connector's jobs after it is gone: cancel every job Slurm took and
    // that has not ended, including one whose id arrived after the last event was handled.
    // Best effort, and a few seconds at most.
    QStringList ids;
    for (const Job &job : std::as_const(m_jobs)) {
        if (!job.jobId.isEmpty())
            ids.append(job.jobId);
    }
    {
        const std::lock_guard lock(m_submitted->mutex);
        for (const QString &id : std::as_const(m_submitted->ids)) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    constexpr qint64 kCancelBudgetMs = 5000;
    const qint64 deadline = nowMs() + kCancelBudgetMs;
    for (const QString &id : std::as_const(ids)) {
        const qint64 left = deadline - nowMs();
        if (left < 100)
            break;
        (void)SlurmClient(m_pool.slurm, int(std::min<qint64>(left, 2000))).cancel(id);
    }
}

Result<QString> SlurmConnector::resolveImage(const QString &image, const QStringList &modules)
{
    // Checked with this machine's podman: the compute nodes are expected to hold the same
    // images. The job runs the image by its id, so a node without it fails with podman's own
    // "image not known" rather than running something else under the same name.
    return Podman::resolve(image, modules);
}

PoolCapacity SlurmConnector::capacity() const
{
    return m_pool.capacity.value_or(PoolCapacity{0, 0, {}, 0});
}

QString SlurmConnector::taskRoot() const
{
    return QDir(m_pool.slurm.staging).filePath(u"atelier"_s);
}

int SlurmConnector::activeJobs() const
{
    int active = 0;
    for (const Job &job : m_jobs) {
        if (job.phase != Job::Phase::Waiting)
            ++active;
    }
    return active;
}

template <typename T>
void SlurmConnector::runAsync(std::function<T()> work, std::function<void(const T &)> done)
{
    auto *watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcher<T>::finished, this, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&m_workers, std::move(work)));
}

QString SlurmConnector::launch(const TaskLaunch &task)
{
    Job job;
    job.launch = task;
    m_jobs.insert(task.key, job);
    m_waiting.push_back(task.key);
    if (!m_pollTimer.isActive())
        m_pollTimer.start(m_options.pollMs);
    QTimer::singleShot(0, this, &SlurmConnector::pump);
    return {};
}

void SlurmConnector::pump()
{
    if (m_submitInFlight || m_waiting.empty())
        return;
    if (activeJobs() >= m_options.maxActiveJobs)
        return; // a job's end pumps again
    const qint64 now = nowMs();
    const qint64 interval = qint64(1000.0 / std::max(0.1, m_options.submitsPerSecond));
    const QString key = m_waiting.front();
    Job &job = m_jobs[key];
    const qint64 due = std::max(m_lastSubmitMs + interval, job.nextTryMs);
    if (due > now) {
        m_pumpTimer.start(int(due - now));
        return;
    }
    m_waiting.pop_front();
    job.phase = Job::Phase::Submitting;
    m_submitInFlight = true;
    m_lastSubmitMs = now;

    const TaskLaunch &task = job.launch;
    SlurmJobSpec spec;
    spec.name = task.name.isEmpty() ? task.key.section(u'/', 1) : task.name;
    // Finds the job of a runner killed between the submit and the recording of the job id
    // (SlurmLeftovers).
    spec.comment = SlurmLeftovers::jobComment(task.key);
    spec.workingDirectory = task.workingDirectory;
    spec.stdoutPath = task.stdoutPath;
    spec.stderrPath = task.stderrPath;
    spec.nodes = std::max(1, task.resources.nodes);
    spec.cpusPerTask = std::max(1, task.resources.cpus);
    spec.memoryMb = task.resources.memoryMb;
    spec.gpus = task.resources.gpus;
    // Slurm's limit is the contract's maximum duration (at least an hour); Atelier itself
    // cancels the job at the node's exact timeout.
    if (task.timeoutS > 0)
        spec.timeLimitMinutes = std::max(60, int((task.timeoutS + 59) / 60));
    // A task with an image runs through podman on the compute node (ContainerCommand).
    spec.script = SlurmClient::batchScript(
        task.container.isHost()
            ? task.argv
            : ContainerCommand::wrap(task, ContainerCommand::containerName(task.key)),
        task.workingDirectory, spec.gpus == 0);
    const QProcessEnvironment here = QProcessEnvironment::systemEnvironment();
    // CONTAINERS_CONF: podman's settings, as this machine's podman has them.
    for (const QString &name : {u"PATH"_s, u"LANG"_s, u"HOME"_s, u"USER"_s, u"CONTAINERS_CONF"_s}) {
        if (here.contains(name))
            spec.environment.insert(name, here.value(name));
    }
    for (auto it = task.environment.begin(); it != task.environment.end(); ++it) {
        if (it.key() != u"CUDA_VISIBLE_DEVICES"_s) // Slurm sets it to the GPUs it gave
            spec.environment.insert(it.key(), it.value());
    }
    QDir().mkpath(task.workingDirectory);
    auto client = m_client;
    auto record = m_submitted;
    runAsync<Result<QString>>(
        [client, spec, record, key] {
            Result<QString> id = client->submit(spec);
            if (id) {
                const std::lock_guard lock(record->mutex);
                record->ids.insert(key, id.value());
            }
            return id;
        },
        [this, key](const Result<QString> &r) { submitted(key, r); });
}

void SlurmConnector::submitted(const QString &key, const Result<QString> &result)
{
    m_submitInFlight = false;
    {
        const std::lock_guard lock(m_submitted->mutex);
        m_submitted->ids.remove(key);
    }
    auto it = m_jobs.find(key);
    if (it == m_jobs.end()) {
        pump();
        return;
    }
    Job &job = it.value();
    if (result) {
        // Fault injection for tests (tst_slurmorphans): this process dies after the submit,
        // before the job id reaches the catalog. Inert unless the variable is set.
        if (qEnvironmentVariable("ATELIER_TEST_FAULT") == u"kill-after-submit"_s)
            ::raise(SIGKILL);
        noteSuccess();
        job.jobId = result.value();
        job.phase = Job::Phase::Submitted;
        Q_EMIT taskStarted(key, job.jobId);
        Q_EMIT taskStatus(key, u"queued"_s,
                          tr("submitted to %1 as job %2").arg(m_pool.name, job.jobId));
        if (job.stopAsked)
            cancelJob(key);
    } else if (job.stopAsked) {
        finish(key, {TaskOutcome::Status::Stopped, -1, tr("stopped before Slurm took it"), false});
    } else if (result.error().code == ErrorCode::Io) {
        // The cluster did not answer: try again with backoff (0.5 s, 1 s, … 10 s).
        noteFailure(result.error().message);
        job.phase = Job::Phase::Waiting;
        job.nextTryMs = nowMs() + std::min<qint64>(10000, 500ll << std::min(job.submitTries, 5));
        ++job.submitTries;
        m_waiting.push_front(key);
    } else {
        finish(key, {TaskOutcome::Status::FailedToStart, -1,
                     tr("Slurm refused the job: %1").arg(result.error().message), false});
    }
    pump();
}

void SlurmConnector::stop(const QString &key)
{
    auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    Job &job = it.value();
    job.stopAsked = true;
    if (job.phase == Job::Phase::Waiting) {
        std::erase(m_waiting, key);
        finish(key,
               {TaskOutcome::Status::Stopped, -1, tr("stopped before it was submitted"), false});
    } else if (job.phase == Job::Phase::Submitted) {
        cancelJob(key);
    } // Submitting: cancelled when the job id arrives
}

void SlurmConnector::cancelJob(const QString &key)
{
    Job &job = m_jobs[key];
    if (job.jobId.isEmpty())
        return;
    job.cancelSent = true;
    auto client = m_client;
    const QString id = job.jobId;
    runAsync<Status>([client, id] { return client->cancel(id); },
                     [this, key](const Status &cancelled) {
                         auto it = m_jobs.find(key);
                         if (!cancelled && it != m_jobs.end())
                             it->cancelSent = false; // asked again at the next poll
                     });
}

void SlurmConnector::poll()
{
    if (m_pollInFlight)
        return;
    bool anySubmitted = false;
    for (const Job &job : std::as_const(m_jobs))
        anySubmitted = anySubmitted || job.phase == Job::Phase::Submitted;
    if (!anySubmitted) {
        if (m_jobs.isEmpty())
            m_pollTimer.stop();
        if (!m_healthy && nowMs() - m_failingSinceMs > m_options.lostAfterMs)
            loseEverything();
        return;
    }
    m_pollInFlight = true;
    auto client = m_client;
    runAsync<Result<QList<SlurmJobInfo>>>(
        [client] { return client->jobs(); },
        [this](const Result<QList<SlurmJobInfo>> &r) { polled(r); });
}

void SlurmConnector::polled(const Result<QList<SlurmJobInfo>> &result)
{
    m_pollInFlight = false;
    if (!result) {
        noteFailure(result.error().message);
        return;
    }
    noteSuccess();
    QHash<QString, SlurmJobInfo> byId;
    for (const SlurmJobInfo &info : result.value())
        byId.insert(info.id, info);
    const qint64 now = nowMs();
    const QStringList keys = m_jobs.keys();
    for (const QString &key : keys) {
        auto it = m_jobs.find(key);
        if (it == m_jobs.end() || it->phase != Job::Phase::Submitted)
            continue;
        Job &job = it.value();
        if (!byId.contains(job.jobId)) {
            // Just submitted jobs can be missing from a list read a moment earlier.
            if (++job.misses >= 3)
                finish(key, {TaskOutcome::Status::Lost, -1,
                             tr("Slurm no longer knows job %1; its end is unknown").arg(job.jobId),
                             false});
            continue;
        }
        job.misses = 0;
        const SlurmJobInfo &info = byId.value(job.jobId);
        if (info.state == u"RUNNING"_s && job.runningSinceMs == 0)
            job.runningSinceMs = now;
        const Mapped mapped = mapState(info, job.timedOut, job.stopAsked);
        if (mapped.finished) {
            finish(key, mapped.outcome);
            continue;
        }
        if (job.launch.timeoutS > 0 && job.runningSinceMs > 0 && !job.timedOut &&
            now - job.runningSinceMs > qint64(job.launch.timeoutS) * 1000) {
            job.timedOut = true;
            cancelJob(key);
        } else if ((job.stopAsked || job.timedOut) && !job.cancelSent) {
            cancelJob(key);
        }
        const QString shown = mapped.state + u'|' + mapped.message;
        if (shown != job.lastState) {
            job.lastState = shown;
            Q_EMIT taskStatus(key, mapped.state, mapped.message);
        }
    }
    pump();
}

SlurmConnector::Mapped SlurmConnector::mapState(const SlurmJobInfo &job, bool timedOutByUs,
                                                bool stopAsked)
{
    Mapped m;
    const QString &state = job.state;
    const QString reason = job.reason == u"None"_s ? QString() : job.reason;
    const int status = job.exitStatus;
    const bool signalled = status > 0 && (status & 0x7f) != 0;
    const int exitCode = status >= 0 && !signalled ? (status >> 8) & 0xff : -1;
    auto done = [&](TaskOutcome::Status outcome, int code, const QString &message) {
        m.finished = true;
        m.outcome = {outcome, code, message, false};
    };
    if (state == u"PENDING"_s || state == u"REQUEUED"_s || state == u"REQUEUE_HOLD"_s ||
        state == u"RESV_DEL_HOLD"_s) {
        m.state = u"queued"_s;
        m.message = reason.isEmpty() ? tr("pending in Slurm (job %1)").arg(job.id)
                                     : tr("pending in Slurm (job %1): %2").arg(job.id, reason);
    } else if (state == u"RUNNING"_s || state == u"CONFIGURING"_s || state == u"COMPLETING"_s ||
               state == u"SUSPENDED"_s || state == u"STAGE_OUT"_s || state == u"SIGNALING"_s) {
        m.state = u"running"_s;
        m.message = job.nodes.isEmpty()
                        ? tr("Slurm job %1 %2").arg(job.id, state.toLower())
                        : tr("Slurm job %1 %2 on %3").arg(job.id, state.toLower(), job.nodes);
    } else if (state == u"COMPLETED"_s) {
        done(TaskOutcome::Status::Succeeded, 0, {});
    } else if (state == u"FAILED"_s) {
        done(TaskOutcome::Status::Failed, exitCode,
             signalled
                 ? tr("Slurm job %1 failed: killed by signal %2").arg(job.id).arg(status & 0x7f)
                 : tr("Slurm job %1 failed with exit code %2%3")
                       .arg(job.id)
                       .arg(exitCode)
                       .arg(reason.isEmpty() ? QString() : u" ("_s + reason + u')'));
    } else if (state == u"CANCELLED"_s) {
        if (timedOutByUs)
            done(TaskOutcome::Status::TimedOut, -1,
                 tr("timed out; Slurm job %1 was cancelled").arg(job.id));
        else
            done(TaskOutcome::Status::Stopped, -1,
                 stopAsked
                     ? tr("stopped; Slurm job %1 was cancelled").arg(job.id)
                     : tr("Slurm job %1 was cancelled outside Atelier%2")
                           .arg(job.id, reason.isEmpty() ? QString() : u" ("_s + reason + u')'));
    } else if (state == u"TIMEOUT"_s || state == u"DEADLINE"_s) {
        done(TaskOutcome::Status::TimedOut, -1,
             tr("Slurm job %1 reached its time limit").arg(job.id));
    } else if (state == u"NODE_FAIL"_s || state == u"BOOT_FAIL"_s) {
        done(TaskOutcome::Status::Failed, -1,
             tr("Slurm job %1 ended by a node failure%2")
                 .arg(job.id, reason.isEmpty() ? QString() : u" ("_s + reason + u')'));
    } else if (state == u"OUT_OF_MEMORY"_s) {
        done(TaskOutcome::Status::Failed, exitCode,
             tr("Slurm job %1 ran out of memory; ask for more memory_mb").arg(job.id));
    } else if (state == u"PREEMPTED"_s) {
        done(TaskOutcome::Status::Failed, -1, tr("Slurm job %1 was preempted").arg(job.id));
    } else {
        m.state = u"running"_s;
        m.message = tr("Slurm job %1 is %2").arg(job.id, state);
    }
    return m;
}

void SlurmConnector::finish(const QString &key, const TaskOutcome &outcome)
{
    if (!m_jobs.remove(key))
        return;
    std::erase(m_waiting, key);
    Q_EMIT taskFinished(key, outcome);
    QTimer::singleShot(0, this, &SlurmConnector::pump);
}

void SlurmConnector::noteSuccess()
{
    m_failedPolls = 0;
    if (m_pollTimer.interval() != m_options.pollMs)
        m_pollTimer.setInterval(m_options.pollMs);
    if (m_healthy)
        return;
    m_healthy = true;
    Q_EMIT poolStateChanged(u"online"_s, {});
}

void SlurmConnector::noteFailure(const QString &reason)
{
    const qint64 now = nowMs();
    if (m_healthy) {
        m_healthy = false;
        m_failingSinceMs = now;
        m_failure = reason;
        Q_EMIT poolStateChanged(u"abnormal"_s, reason);
    }
    // Ask less often while it is down: the interval doubles up to 8 s.
    ++m_failedPolls;
    m_pollTimer.setInterval(
        int(std::min<qint64>(8000, qint64(m_options.pollMs) << std::min(m_failedPolls, 4))));
    if (now - m_failingSinceMs > m_options.lostAfterMs)
        loseEverything();
}

void SlurmConnector::loseEverything()
{
    const QString since =
        QDateTime::fromMSecsSinceEpoch(m_failingSinceMs).toUTC().toString(Qt::ISODate);
    const QStringList keys = m_jobs.keys();
    for (const QString &key : keys) {
        const Job job = m_jobs.value(key);
        if (job.phase == Job::Phase::Submitting)
            continue; // its answer (or its failure) decides
        finish(key, {TaskOutcome::Status::Lost, -1,
                     job.jobId.isEmpty()
                         ? tr("lost: pool %1 has not answered since %2 (%3); the task was never "
                              "submitted")
                               .arg(m_pool.name, since, m_failure)
                         : tr("lost: pool %1 has not answered since %2 (%3); the end of Slurm "
                              "job %4 is unknown")
                               .arg(m_pool.name, since, m_failure, job.jobId),
                     false});
    }
}

} // namespace atelier
