#pragma once

#include "core/result.h"
#include "pipeline/connector.h"
#include "pools/poolstore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <mutex>

namespace atelier {

/// What a health check of a Slurm pool found.
struct SlurmCheck
{
    QString state;  ///< online or abnormal
    QString reason; ///< why abnormal; empty when online
    std::optional<PoolCapacity> capacity;
    QString slurmVersion;
};

/// One job as Slurm reports it (GET /jobs, /job/{id}).
struct SlurmJobInfo
{
    QString id;
    QString state;       ///< PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, …
    QString reason;      ///< state_reason (Resources, Priority, NonZeroExitCode…)
    int exitStatus = -1; ///< raw wait status, as Slurm reports it
    QString nodes;
    QString comment; ///< Atelier's: "atelier:<run>/<node>" (SlurmJobSpec::comment)
};

/// A job to submit through slurmrestd.
struct SlurmJobSpec
{
    QString name;
    QString comment; ///< kept by Slurm with the job; names the task that submitted it
    QString script;
    QString workingDirectory;
    QString stdoutPath;
    QString stderrPath;
    QMap<QString, QString> environment;
    int nodes = 1;
    int cpusPerTask = 1;
    qint64 memoryMb = 0;
    int gpus = 0;
    int timeLimitMinutes = 0; ///< 0: the partition's default
};

/// Talks to slurmrestd over HTTP(S) or a unix socket with libcurl. Blocking: call it from a
/// worker thread, never the GUI thread. Tokens come from a mode-0600 file or `scontrol token`
/// and never appear in an error message or a log. Thread-safe.
class SlurmClient final
{
    Q_DECLARE_TR_FUNCTIONS(SlurmClient)

public:
    explicit SlurmClient(SlurmSettings settings, int timeoutMs = 15000);

    const SlurmSettings &settings() const { return m_settings; }

    /// The JSON answer of a request; Io for a transport failure (retry it), Invalid when
    /// Slurm answered with errors (their text).
    Result<QJsonObject> request(const QByteArray &method, const QString &path,
                                const QByteArray &body = {});
    /// Pings, reads nodes and the partition: online with the capacity, or abnormal with why.
    SlurmCheck check();
    /// Submits; the job id.
    Result<QString> submit(const SlurmJobSpec &job);
    /// Every job the controller still knows.
    Result<QList<SlurmJobInfo>> jobs();
    /// One job; NotFound when Slurm no longer knows it.
    Result<SlurmJobInfo> job(const QString &id);
    Status cancel(const QString &id);

    /// A token file's content, refused unless only its owner can read it (mode 0600/0400).
    static Result<QByteArray> readTokenFile(const QString &path);
    /// Single-quotes \a argument for bash (no expansion of any kind inside).
    static QString shellQuote(const QString &argument);
    /// The batch script that runs \a argv (never through a shell's word splitting).
    static QString batchScript(const QStringList &argv, const QString &workingDirectory,
                               bool clearGpus);
    static SlurmJobInfo jobFrom(const QJsonObject &job);

private:
    Result<QByteArray> token();

    SlurmSettings m_settings;
    int m_timeoutMs;
    std::mutex m_tokenMutex;
    QByteArray m_mintedToken; ///< from scontrol, in memory only
    qint64 m_mintedAtMs = 0;
};

} // namespace atelier
