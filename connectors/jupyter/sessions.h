#pragma once

#include "core/result.h"
#include "runs/metricsstore.h"
#include "sessions/sessionstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace atelier {

class Workspace;
struct PoolRecord;

/// Interactive Jupyter sessions (issue #18). start() prepares the folder
/// `sessions/<id>/` (home/ kept between starts, input0…input4 for the bindings, a 0600 token
/// file), then starts the session's supervisor — `atelier session supervise ID`, detached, so
/// the session outlives the command — and waits until the server answers or fails. The
/// supervisor (SessionSupervisor) runs the server on the session's pool through that pool's
/// Connector, records its process group or job, watches /api/status for idle culling and
/// stop requests. Blocking: the command line or a worker thread.
class Sessions final
{
    Q_DECLARE_TR_FUNCTIONS(Sessions)

public:
    /// \a atelierBinary runs the supervisor and the jail (SessionJail).
    Sessions(Workspace &workspace, QString atelierBinary);

    /// Starts session \a name (empty: a new name) with \a options; a stopped session of that
    /// name starts again in its folder. Returns once the server answers (state running), has
    /// failed, or \a waitMs passed (then it is still pending or starting).
    Result<SessionRecord> start(const QString &name, const SessionOptions &options,
                                int waitMs = 120000);
    /// Starts a stopped session again with the options it last had.
    Result<SessionRecord> restart(const QString &id, int waitMs = 120000);
    /// Asks the supervisor to stop the server and waits until it has (\a waitMs); a session
    /// that is not live is returned as it is, except that a lost one's cluster job is cancelled.
    Result<SessionRecord> stop(const QString &id, int waitMs = 20000);

    Result<QList<SessionRecord>> list();
    Result<SessionRecord> session(const QString &id);

    /// `http://HOST:PORT/?token=…` (the token read from the session's 0600 file); empty while
    /// the server does not answer.
    static QString url(const SessionRecord &session);
    /// The server's log (what Jupyter prints; it never holds the token).
    static QString logPath(const SessionRecord &session);
    /// A 0600 page in the session folder that forwards the browser to url(), so that the
    /// token is never on a command line (the browser's, xdg-open's).
    static Result<QString> openPage(const SessionRecord &session);

    /// Names: a letter or digit, then letters, digits, '.', '_', '-' (64 at most).
    static Status checkName(const QString &name);

    /// Files of a session folder, shared by the starter and the supervisor.
    static QString tokenPath(const QString &folder);
    static QString mountsPath(const QString &folder);
    static QString runtimePath(const QString &folder);
    static QString nodePath(const QString &folder);
    /// The server's last /api/status answer (JSON: last_activity, kernels, connections).
    static QString statusPath(const QString &folder);
    /// The server's resources, sampled by the supervisor (metrics.jsonl format, sys/… keys).
    static QString metricsPath(const QString &folder);

    /// Seconds since the server last saw activity (its /api/status), or -1 when unknown.
    static double idleSeconds(const SessionRecord &session);
    /// The sampled resources of the session's last start.
    static QList<MetricPoint> resources(const SessionRecord &session);

private:
    /// sessions/<id> in the workspace, or for a cluster pool its staging folder's
    /// atelier/sessions/<id> (linked from the workspace).
    Result<QString> sessionFolder(const QString &id, const PoolRecord &pool);

    Workspace &m_workspace;
    QString m_binary;
};

} // namespace atelier
