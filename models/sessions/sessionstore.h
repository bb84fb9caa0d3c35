#pragma once

#include "core/processidentity.h"
#include "core/result.h"
#include "runs/runstore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace atelier {

class Database;

/// One data source bound read-only into a session as `input<slot>`.
struct SessionBinding
{
    int slot = 0;   ///< 0…4: the folder input0…input4 beside the working folder
    QString source; ///< dataset:NAME[@V], model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT], path:DIR
};

/// What a session is started with; kept in the catalog so that a restart repeats it.
struct SessionOptions
{
    QString pool = QStringLiteral("local");
    int cpus = 1;
    int memoryMb = 2048;
    int gpus = 0;
    double idleTimeoutS = 0; ///< 0: never culled
    QList<SessionBinding> bindings;

    QJsonObject toJson() const;
    static SessionOptions fromJson(const QJsonObject &object);
};

/// One row of the catalog's `sessions` table: an interactive Jupyter server (issue #18).
struct SessionRecord
{
    QString id;    ///< also its name; its folder is sessions/<id>/
    QString state; ///< pending | starting | running | stopping | stopped | failed | lost
    QString message;
    SessionOptions options;
    QString folder;
    QString host; ///< where the server answers (127.0.0.1, or a cluster node)
    int port = 0;
    QString jobId;
    ProcessIdentity supervisor;
    ProcessIdentity group;
    QString createdAt;
    QString startedAt;
    QString stoppedAt;

    /// pending, starting, running or stopping: a supervisor looks after it.
    bool isLive() const;
    QString pool() const { return options.pool; }
    /// Without the token (the catalog never holds it).
    QJsonObject toJson() const;
};

/// The catalog's `sessions` rows: the one home of their SQL. connectors/sessions starts and
/// watches the servers and records what happened here. Blocking SQLite calls.
class SessionStore final
{
    Q_DECLARE_TR_FUNCTIONS(SessionStore)

public:
    explicit SessionStore(Database &db);

    /// Every session, newest start first.
    Result<QList<SessionRecord>> list();
    Result<std::optional<SessionRecord>> find(const QString &id);
    /// Makes the row (or resets a stopped one, keeping its folder) in state `pending` with
    /// \a options. Refuses a session that is live.
    Status begin(const QString &id, const QString &folder, const SessionOptions &options);
    /// The process that supervises the session from now on.
    Status recordSupervisor(const QString &id, const ProcessIdentity &supervisor);
    /// The server's process group (local pools) or batch job (clusters): state `starting`.
    Status recordServer(const QString &id, const ProcessIdentity &group, const QString &jobId);
    /// The server answers on \a host:\a port: state `running`.
    Status markRunning(const QString &id, const QString &host, int port);
    /// Moves a live session to \a state (stopping, stopped, failed, lost); an ended state
    /// also records when. Returns false when the session was not live any more.
    Result<bool> setState(const QString &id, const QString &state, const QString &message);

    /// Sessions whose supervising process is gone (killed, crashed): the server's group is
    /// ended when it is still the recorded one, a cluster session's job is cancelled through
    /// \a endJobs (as a killed runner's are), and the session marked lost. Returns how many.
    Result<int> reapOrphans(int graceMs, const RemoteJobsEnder &endJobs = {});

private:
    Database &m_db;
};

} // namespace atelier
