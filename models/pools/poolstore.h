#pragma once

#include "core/result.h"
#include "pipeline/connector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace atelier {

class Database;

/// How Atelier reaches a Slurm cluster (pools.config; a token file's path, never a token).
struct SlurmSettings
{
    QString url; ///< http(s)://host:port, or unix:/path/to/slurmrestd.sock
    QString apiVersion = QStringLiteral("v0.0.38");
    QString auth;      ///< "token-file", "scontrol" (minted on demand), "local"
    QString tokenFile; ///< mode 0600, read at each use
    QString user;      ///< sent as X-SLURM-USER-NAME
    QString partition;
    QString account;
    QString staging; ///< a folder this machine and the cluster both see at the same path

    bool isUnixSocket() const { return url.startsWith(QStringLiteral("unix:")); }
    /// The user a pool added here acts as unless told: this process's login name.
    static QString currentUser();
    /// How a pool authenticates unless told: from \a hasTokenFile's token file, as the local
    /// user on a unix socket (\a url "unix:…"), else with tokens minted by `scontrol token`.
    static QString defaultAuth(const QString &url, bool hasTokenFile);
    /// The address to show: without user info, query, fragment or a path after the host
    /// ("/…"), any of which may hold a secret in a pool added before they were refused.
    QString displayUrl() const;
};

/// A place work runs and what its last health check found.
struct PoolRecord
{
    qint64 id = 0;
    QString name;
    QString kind;                         ///< local, slurm, kubernetes
    QString state;                        ///< initializing, online, abnormal, unbinding
    QString reason;                       ///< why it is abnormal (or what the check saw)
    std::optional<PoolCapacity> capacity; ///< per node, with the node count; unknown until checked
    QDateTime checkedAt;
    SlurmSettings slurm;
};

/// The pools of a workspace's catalog: list, add a Slurm pool, record a check, remove.
class PoolStore final
{
    Q_DECLARE_TR_FUNCTIONS(PoolStore)

public:
    explicit PoolStore(Database &db) : m_db(db) {}

    static const QStringList &states();
    /// Pool names: 1–50 letters, digits, '-', '_' or '.', starting with a letter or digit.
    static Status checkName(const QString &name);
    /// Refuses a Slurm user, partition or account name that is not a plain Slurm name (they
    /// travel in HTTP headers).
    static Status checkSlurmNames(const SlurmSettings &settings);

    Result<QList<PoolRecord>> list();
    /// The pool named \a name; NotFound (with the names there are) when there is none.
    Result<PoolRecord> find(const QString &name);
    /// Records a new Slurm pool in state initializing; refuses a taken name or bad settings.
    Status addSlurm(const QString &name, const SlurmSettings &settings);
    /// Records a check's outcome (state, reason, capacity, time).
    Status saveCheck(const QString &name, const QString &state, const QString &reason,
                     const std::optional<PoolCapacity> &capacity);
    /// Marks the pool unbinding, then removes it; `local` cannot be removed.
    Status remove(const QString &name);

    static QJsonObject configFrom(const PoolRecord &pool);

private:
    Database &m_db;
};

} // namespace atelier
