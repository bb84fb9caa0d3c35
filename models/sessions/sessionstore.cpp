#include "sessions/sessionstore.h"

#include "catalog/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

constexpr const char *kColumns =
    "id, state, message, options, folder, host, port, job_id, supervisor_pid, "
    "supervisor_started, pgid, pgid_started, created_at, started_at, stopped_at";

SessionRecord sessionFrom(const Query &q)
{
    SessionRecord s;
    s.id = q.text(0);
    s.state = q.text(1);
    s.message = q.text(2);
    s.options = SessionOptions::fromJson(QJsonDocument::fromJson(q.text(3).toUtf8()).object());
    s.folder = q.text(4);
    s.host = q.text(5);
    s.port = q.isNull(6) ? 0 : int(q.int64(6));
    s.jobId = q.text(7);
    s.supervisor = {q.isNull(8) ? 0 : q.int64(8), q.isNull(9) ? 0 : q.int64(9)};
    s.group = {q.isNull(10) ? 0 : q.int64(10), q.isNull(11) ? 0 : q.int64(11)};
    s.createdAt = q.text(12);
    s.startedAt = q.text(13);
    s.stoppedAt = q.text(14);
    return s;
}

QVariant orNull(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

} // namespace

QJsonObject SessionOptions::toJson() const
{
    QJsonArray bound;
    for (const SessionBinding &binding : bindings)
        bound.append(QJsonObject{{u"slot"_s, binding.slot}, {u"source"_s, binding.source}});
    return {{u"pool"_s, pool},
            {u"cpus"_s, cpus},
            {u"memory_mb"_s, memoryMb},
            {u"gpus"_s, gpus},
            {u"idle_timeout_s"_s, idleTimeoutS},
            {u"bindings"_s, bound}};
}

SessionOptions SessionOptions::fromJson(const QJsonObject &object)
{
    SessionOptions options;
    options.pool = object.value(u"pool"_s).toString(u"local"_s);
    options.cpus = object.value(u"cpus"_s).toInt(1);
    options.memoryMb = object.value(u"memory_mb"_s).toInt(2048);
    options.gpus = object.value(u"gpus"_s).toInt(0);
    options.idleTimeoutS = object.value(u"idle_timeout_s"_s).toDouble(0);
    for (const QJsonValue &value : object.value(u"bindings"_s).toArray())
        options.bindings.append({value[u"slot"_s].toInt(), value[u"source"_s].toString()});
    return options;
}

bool SessionRecord::isLive() const
{
    return state == u"pending"_s || state == u"starting"_s || state == u"running"_s ||
           state == u"stopping"_s;
}

QJsonObject SessionRecord::toJson() const
{
    QJsonObject object = options.toJson();
    object.insert(u"id"_s, id);
    object.insert(u"state"_s, state);
    object.insert(u"message"_s, message);
    object.insert(u"folder"_s, folder);
    object.insert(u"host"_s, host);
    object.insert(u"port"_s, port);
    object.insert(u"job_id"_s, jobId);
    object.insert(u"supervisor_pid"_s, supervisor.pid);
    object.insert(u"server_pgid"_s, group.pid);
    object.insert(u"created_at"_s, createdAt);
    object.insert(u"started_at"_s, startedAt);
    object.insert(u"stopped_at"_s, stoppedAt);
    return object;
}

SessionStore::SessionStore(Database &db) : m_db(db) {}

Result<QList<SessionRecord>> SessionStore::list()
{
    QList<SessionRecord> sessions;
    const QByteArray sql = "SELECT "_ba + kColumns +
                           " FROM sessions ORDER BY coalesce(started_at, created_at) DESC, id";
    const Status listed = m_db.query(sql.constData()).forEach([&](const Query &q) {
        sessions.append(sessionFrom(q));
    });
    if (!listed)
        return listed.error();
    return sessions;
}

Result<std::optional<SessionRecord>> SessionStore::find(const QString &id)
{
    const QByteArray sql = "SELECT "_ba + kColumns + " FROM sessions WHERE id = ?1";
    Query q = m_db.query(sql.constData());
    q.bind(1, id);
    const Result<bool> row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(sessionFrom(q));
}

Status SessionStore::begin(const QString &id, const QString &folder, const SessionOptions &options)
{
    return m_db.transaction([&]() -> Status {
        const auto existing = find(id);
        if (!existing)
            return existing.error();
        if (existing.value() && existing.value()->isLive())
            return makeError(ErrorCode::Conflict,
                             tr("Session %1 is %2; stop it first ('atelier session stop %1').")
                                 .arg(id, existing.value()->state));
        const QString json =
            QString::fromUtf8(QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact));
        return m_db
            .query("INSERT INTO sessions (id, pool, state, options, folder, created_at, "
                   "started_at) VALUES (?1, ?2, 'pending', ?3, ?4, ?5, ?5) "
                   "ON CONFLICT (id) DO UPDATE SET pool = ?2, state = 'pending', message = NULL, "
                   "options = ?3, folder = ?4, started_at = ?5, stopped_at = NULL, host = NULL, "
                   "port = NULL, job_id = NULL, supervisor_pid = NULL, supervisor_started = NULL, "
                   "pgid = NULL, pgid_started = NULL")
            .bind(1, id)
            .bind(2, options.pool)
            .bind(3, json)
            .bind(4, folder)
            .bind(5, nowIso())
            .exec();
    });
}

Status SessionStore::recordSupervisor(const QString &id, const ProcessIdentity &supervisor)
{
    return m_db
        .query("UPDATE sessions SET supervisor_pid = ?2, supervisor_started = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, supervisor.pid)
        .bind(3, orNull(supervisor.startTicks))
        .exec();
}

Status SessionStore::recordServer(const QString &id, const ProcessIdentity &group,
                                  const QString &jobId)
{
    return m_db
        .query("UPDATE sessions SET state = CASE WHEN state = 'pending' THEN 'starting' ELSE "
               "state END, pgid = ?2, pgid_started = ?3, job_id = ?4 WHERE id = ?1")
        .bind(1, id)
        .bind(2, orNull(group.pid))
        .bind(3, orNull(group.startTicks))
        .bind(4, jobId.isEmpty() ? QVariant() : QVariant(jobId))
        .exec();
}

Status SessionStore::markRunning(const QString &id, const QString &host, int port)
{
    return m_db
        .query("UPDATE sessions SET state = 'running', host = ?2, port = ?3 WHERE id = ?1 AND "
               "state IN ('pending', 'starting')")
        .bind(1, id)
        .bind(2, host)
        .bind(3, port)
        .exec();
}

Result<bool> SessionStore::setState(const QString &id, const QString &state, const QString &message)
{
    const bool ended = state != u"stopping"_s;
    Query q = m_db.query("UPDATE sessions SET state = ?2, message = ?3, stopped_at = CASE WHEN "
                         "?4 THEN ?5 ELSE stopped_at END WHERE id = ?1 AND state IN ('pending', "
                         "'starting', 'running', 'stopping') RETURNING id");
    q.bind(1, id)
        .bind(2, state)
        .bind(3, message.isEmpty() ? QVariant() : QVariant(message))
        .bind(4, ended ? 1 : 0)
        .bind(5, nowIso());
    return q.next();
}

Result<int> SessionStore::reapOrphans(int graceMs, const RemoteJobsEnder &endJobs)
{
    QList<SessionRecord> live;
    const QByteArray sql = "SELECT "_ba + kColumns +
                           " FROM sessions WHERE state IN ('pending', 'starting', 'running', "
                           "'stopping') AND supervisor_pid IS NOT NULL";
    const Status read =
        m_db.query(sql.constData()).forEach([&](const Query &q) { live.append(sessionFrom(q)); });
    if (!read)
        return read.error();
    int reaped = 0;
    for (const SessionRecord &session : std::as_const(live)) {
        if (!session.supervisor.isKnown() || session.supervisor.isAlive())
            continue;
        // The server first: a session marked lost must not be running any more.
        if (session.group.isKnown() && !ProcessGroups::end(session.group, graceMs))
            return makeError(ErrorCode::Internal,
                             tr("The server of session %1 (process group %2) did not stop, even "
                                "after SIGKILL.")
                                 .arg(session.id)
                                 .arg(session.group.pid));
        // On a cluster the server is a batch job: cancelled like a killed runner's jobs (a
        // cluster that does not answer is reported by endJobs; the session is lost all the same).
        if (endJobs && !session.jobId.isEmpty() && session.pool() != u"local"_s)
            (void)endJobs({RemoteJob{u"session"_s, session.id, session.pool(), session.jobId}});
        const QString why = tr("the Atelier process supervising it (pid %1) ended unexpectedly; "
                               "its server was stopped")
                                .arg(session.supervisor.pid);
        const Result<bool> marked = setState(session.id, u"lost"_s, why);
        if (!marked)
            return marked.error();
        if (marked.value())
            ++reaped;
    }
    return reaped;
}

} // namespace atelier
