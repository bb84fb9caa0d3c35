#pragma once

#include "pipeline/connector.h"
#include "pools/poolstore.h"
#include "slurmclient.h"

#include <QHash>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace atelier {

/// A Slurm pool: each task is a batch job submitted through slurmrestd, polled, cancelled.
/// Lives on the scheduler's thread; every HTTP request runs on its own worker threads, so it
/// never blocks the thread it lives on. Submissions are rate-limited and the jobs it has in
/// the cluster at once are capped, so a wide pipeline does not flood the controller.
class SlurmConnector final : public Connector
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlurmConnector)

public:
    struct Options
    {
        int pollMs = 1000;        ///< how often the jobs are read
        int lostAfterMs = 120000; ///< how long the cluster may stay silent before tasks are lost
        int maxActiveJobs = 64;   ///< jobs submitted and not finished, at most
        double submitsPerSecond = 20; ///< submission rate limit
        int httpTimeoutMs = 15000;
    };

    /// \a pool holds the settings and its last check's capacity.
    explicit SlurmConnector(const PoolRecord &pool, QObject *parent = nullptr);
    SlurmConnector(const PoolRecord &pool, const Options &options, QObject *parent = nullptr);
    ~SlurmConnector() override;

    QString poolName() const override { return m_pool.name; }
    PoolCapacity capacity() const override;
    QString taskRoot() const override;
    bool queuesWork() const override { return true; }
    /// Through this machine's podman; the batch script runs the task through podman on the
    /// compute node.
    Result<QString> resolveImage(const QString &image, const QStringList &modules) override;
    QString launch(const TaskLaunch &task) override;
    void stop(const QString &key) override;

    /// What a Slurm job state means for a task: finished (with its outcome) or still
    /// "queued"/"running" with a message.
    struct Mapped
    {
        bool finished = false;
        TaskOutcome outcome;
        QString state;
        QString message;
    };
    static Mapped mapState(const SlurmJobInfo &job, bool timedOutByUs, bool stopAsked);

    /// How many jobs this connector has in the cluster now (submitted, not ended).
    int activeJobs() const;

private:
    struct Job
    {
        TaskLaunch launch;
        QString jobId;
        enum class Phase { Waiting, Submitting, Submitted } phase = Phase::Waiting;
        bool stopAsked = false;
        bool timedOut = false;
        bool cancelSent = false;
        qint64 runningSinceMs = 0;
        qint64 nextTryMs = 0;
        int submitTries = 0;
        int misses = 0; ///< polls that did not list it
        QString lastState;
    };

    template <typename T>
    void runAsync(std::function<T()> work, std::function<void(const T &)> done);
    void pump();
    void submitted(const QString &key, const Result<QString> &result);
    void poll();
    void polled(const Result<QList<SlurmJobInfo>> &result);
    void cancelJob(const QString &key);
    void finish(const QString &key, const TaskOutcome &outcome);
    void noteSuccess();
    void noteFailure(const QString &reason);
    void loseEverything();

    PoolRecord m_pool;
    Options m_options;
    std::shared_ptr<SlurmClient> m_client;
    /// Job ids that a worker got from Slurm and this thread has not taken yet (key → id): what
    /// the destructor cancels when it runs before the answer arrives.
    struct Submitted
    {
        std::mutex mutex;
        QHash<QString, QString> ids;
    };
    std::shared_ptr<Submitted> m_submitted = std::make_shared<Submitted>();
    QThreadPool m_workers;
    QHash<QString, Job> m_jobs;
    std::deque<QString> m_waiting;
    QTimer m_pollTimer;
    QTimer m_pumpTimer;
    bool m_submitInFlight = false;
    bool m_pollInFlight = false;
    qint64 m_lastSubmitMs = 0;
    bool m_healthy = true;
    qint64 m_failingSinceMs = 0;
    QString m_failure;
    int m_failedPolls = 0;
};

} // namespace atelier
