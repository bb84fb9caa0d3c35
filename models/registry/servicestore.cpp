#include "registry/servicestore.h"

#include "catalog/database.h"
#include "core/processidentity.h"

#include <QDateTime>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

ServiceInfo serviceFrom(const Query &q)
{
    ServiceInfo s;
    s.id = q.text(0);
    s.versionId = q.int64(1);
    s.model = q.text(2);
    s.version = int(q.int64(3));
    s.pool = q.text(4);
    s.host = q.text(5);
    s.port = q.isNull(6) ? 0 : int(q.int64(6));
    s.pid = q.isNull(7) ? 0 : q.int64(7);
    s.state = q.text(8);
    s.folder = q.text(9);
    s.startedAt = q.text(10);
    s.stoppedAt = q.text(11);
    s.message = q.text(12);
    s.maxBodyMb = q.isNull(13) ? 0 : int(q.int64(13));
    return s;
}

} // namespace

QString ServiceInfo::url() const
{
    QString h = host;
    if (h.isEmpty() || h == u"0.0.0.0"_s)
        h = u"127.0.0.1"_s;
    else if (h == u"::"_s)
        h = u"::1"_s;
    if (h.contains(u':'))
        h = u"[%1]"_s.arg(h);
    return u"http://%1:%2"_s.arg(h).arg(port);
}

QJsonObject ServiceInfo::toJson() const
{
    return {{u"id"_s, id},
            {u"model"_s, model},
            {u"version"_s, version},
            {u"version_id"_s, double(versionId)},
            {u"pool"_s, pool},
            {u"host"_s, host},
            {u"port"_s, port},
            {u"url"_s, port > 0 ? url() : QString()},
            {u"pid"_s, double(pid)},
            {u"state"_s, state},
            {u"folder"_s, folder},
            {u"started_at"_s, startedAt},
            {u"stopped_at"_s, stoppedAt},
            {u"message"_s, message},
            {u"max_body_mb"_s, maxBodyMb > 0 ? QJsonValue(maxBodyMb) : QJsonValue()},
            {u"requests"_s, double(requests)},
            {u"mean_latency_ms"_s, meanLatencyMs}};
}

ServiceStore::ServiceStore(Database &db) : m_db(db) {}

Result<QList<ServiceInfo>> ServiceStore::list()
{
    QList<ServiceInfo> services;
    const Status listed =
        m_db.query("SELECT s.id, s.version_id, m.name, v.version, s.pool, s.host, s.port, s.pid, "
                   "s.state, s.folder, s.started_at, s.stopped_at, s.message, s.max_body_mb FROM "
                   "services s "
                   "JOIN model_versions v ON v.id = s.version_id "
                   "JOIN models m ON m.id = v.model_id ORDER BY s.started_at DESC, s.id")
            .forEach([&services](const Query &q) { services.append(serviceFrom(q)); });
    if (!listed)
        return listed.error();
    return services;
}

Result<ServedVersion> ServiceStore::servedVersion(qint64 versionId)
{
    Query q = m_db.query("SELECT m.name, v.version, v.framework FROM model_versions v "
                         "JOIN models m ON m.id = v.model_id WHERE v.id = ?1");
    q.bind(1, versionId);
    const Result<bool> row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("No model version with id %1.").arg(versionId));
    return ServedVersion{q.text(0), int(q.int64(1)), q.text(2)};
}

Result<QList<ModelFile>> ServiceStore::files(qint64 versionId)
{
    QList<ModelFile> files;
    const Status listed = m_db.query("SELECT path, hash FROM model_files WHERE version_id = ?1")
                              .bind(1, versionId)
                              .forEach([&files](const Query &q) {
                                  files.append({q.text(0), q.text(1)});
                              });
    if (!listed)
        return listed.error();
    return files;
}

Status ServiceStore::insertStarting(const ServiceInfo &service, const ProcessIdentity &deployer)
{
    return m_db
        .query("INSERT INTO services (id, version_id, pool, host, port, state, folder, "
               "started_at, deployer_pid, deployer_started, max_body_mb) "
               "VALUES (?1, ?2, ?3, ?4, ?5, 'starting', ?6, ?7, ?8, ?9, ?10)")
        .bind(1, service.id)
        .bind(2, service.versionId)
        .bind(3, service.pool)
        .bind(4, service.host)
        .bind(5, service.port > 0 ? QVariant(service.port) : QVariant())
        .bind(6, service.folder)
        .bind(7, nowIso())
        .bind(8, deployer.pid)
        .bind(9, deployer.startTicks > 0 ? QVariant(deployer.startTicks) : QVariant())
        .bind(10, service.maxBodyMb > 0 ? QVariant(service.maxBodyMb) : QVariant())
        .exec();
}

Status ServiceStore::recordProcess(const QString &id, const ProcessIdentity &process)
{
    return m_db.query("UPDATE services SET pid = ?2, pid_started = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, process.pid)
        .bind(3, process.startTicks > 0 ? QVariant(process.startTicks) : QVariant())
        .exec();
}

Status ServiceStore::markRunning(const QString &id, int port)
{
    return m_db
        .query("UPDATE services SET state = 'running', port = ?2, message = NULL WHERE id = ?1")
        .bind(1, id)
        .bind(2, port)
        .exec();
}

Status ServiceStore::setState(const QString &id, const QString &state, const QString &message)
{
    const bool ended = state == u"stopped"_s || state == u"failed"_s;
    return m_db
        .query("UPDATE services SET state = ?2, message = ?3, "
               "stopped_at = CASE WHEN ?4 THEN ?5 ELSE stopped_at END WHERE id = ?1")
        .bind(1, id)
        .bind(2, state)
        .bind(3, message.isEmpty() ? QVariant() : QVariant(message))
        .bind(4, ended ? 1 : 0)
        .bind(5, nowIso())
        .exec();
}

} // namespace atelier
