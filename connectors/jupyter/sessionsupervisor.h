#pragma once

#include "core/result.h"
#include "pipeline/connector.h"
#include "sessions/sessionstore.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace atelier {

class PoolConnections;
class Workspace;

/// The process that looks after one session (`atelier session supervise ID`): runs the Jupyter
/// server as a task of the session's pool through its Connector (a local process group, or a
/// Slurm batch job), so process groups, jobs and staging are those of runs; records the group
/// or job; waits for /api/status to answer (then `running`, with host and port); stops the
/// server when `session stop` marks the session `stopping`, when it has been idle for the
/// session's idle timeout, or on SIGTERM; and records how it ended. Killed, it leaves the
/// group recorded for Leftovers. Lives on the thread of an event loop.
class SessionSupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSupervisor)

public:
    SessionSupervisor(Workspace &workspace, QString atelierBinary, QObject *parent = nullptr);
    ~SessionSupervisor() override;

    /// Records this process as the session's supervisor and starts its server.
    Status start(const QString &id);
    /// Stops the server; \a reason is what the session's message will say.
    void requestStop(const QString &reason);

    /// The jupyter command line (without the jail) for a server rooted in \a folder.
    static QStringList serverArguments(const QString &python, const QString &folder,
                                       const QString &ip, int port, double idleTimeoutS);
    /// How long the server has been idle, from /api/status's `last_activity` (ISO 8601, UTC)
    /// and the time now; negative when the answer has none.
    static double idleSeconds(const QByteArray &statusJson, const QDateTime &now);

Q_SIGNALS:
    /// The server has ended and its end is recorded.
    void finished();

private:
    void tick();
    void onStarted(const QString &key, const QString &jobId);
    void onFinished(const QString &key, const TaskOutcome &outcome);
    /// The port the server wrote into its runtime file, 0 while there is none.
    int serverPort() const;
    void end(const QString &state, const QString &message);

    Workspace &m_workspace;
    QString m_binary;
    SessionRecord m_session;
    QString m_key;
    std::unique_ptr<PoolConnections> m_pools;
    std::shared_ptr<Connector> m_connector;
    QTimer m_timer;
    bool m_local = true;
    bool m_launched = false;
    bool m_answered = false;
    bool m_stopAsked = false;
    bool m_ended = false;
    QString m_stopReason;
    qint64 m_launchedAtMs = 0;
    qint64 m_sampledAtMs = 0;
};

} // namespace atelier
