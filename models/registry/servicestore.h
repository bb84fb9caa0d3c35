#pragma once

#include "core/result.h"
#include "registry/modelregistry.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace atelier {

class Database;
struct ProcessIdentity;

/// One row of the catalog's `services` table, with the model it serves and its figures.
struct ServiceInfo
{
    QString id;
    qint64 versionId = 0;
    QString model;   ///< the model's name
    int version = 0; ///< the version number within the model
    QString pool;
    QString host;
    int port = 0;
    qint64 pid = 0;
    QString state; ///< starting | running | stopped | failed
    QString folder;
    QString startedAt;
    QString stoppedAt;
    QString message;
    int maxBodyMb = 0;        ///< largest request body the service accepts (MiB); 0: default
    qint64 requests = 0;      ///< requests answered, from metrics.jsonl (not in the catalog)
    double meanLatencyMs = 0; ///< mean latency of those requests (not in the catalog)

    /// `http://HOST:PORT`, with a wildcard host replaced by loopback.
    QString url() const;
    bool isLive() const
    {
        return state == QLatin1String("starting") || state == QLatin1String("running");
    }
    QJsonObject toJson() const;
};

/// What serving needs to know of a model version.
struct ServedVersion
{
    QString model;
    int version = 0;
    QString framework;
};

/// The catalog's rows of deployed services (`services`, with the model versions they serve):
/// the one home of their SQL. ModelServices (connectors/serving) starts and stops the
/// processes and records what happened through this store. Blocking SQLite calls.
class ServiceStore final
{
    Q_DECLARE_TR_FUNCTIONS(ServiceStore)

public:
    explicit ServiceStore(Database &db);

    /// Every service, newest first, as recorded (no process is looked at).
    Result<QList<ServiceInfo>> list();

    /// The model's name, version number and framework of \a versionId.
    Result<ServedVersion> servedVersion(qint64 versionId);
    /// The files of \a versionId (path and object hash).
    Result<QList<ModelFile>> files(qint64 versionId);

    /// A new row in state `starting` for \a service (id, versionId, pool, host, port 0 = none
    /// yet, folder), started now by \a deployer.
    Status insertStarting(const ServiceInfo &service, const ProcessIdentity &deployer);
    /// The service's process group leader, with its start time when known.
    Status recordProcess(const QString &id, const ProcessIdentity &process);
    /// The service answers on \a port: state `running`, no message.
    Status markRunning(const QString &id, int port);
    /// Any state; `stopped` and `failed` also record when it ended. An empty \a message is NULL.
    Status setState(const QString &id, const QString &state, const QString &message);

private:
    Database &m_db;
};

} // namespace atelier
