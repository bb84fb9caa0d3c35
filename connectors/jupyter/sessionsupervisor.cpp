#include "jupyter/sessionsupervisor.h"

#include "core/logtail.h"
#include "core/workspace.h"
#include "jupyter/sessionjail.h"
#include "jupyter/sessions.h"
#include "launch/poolconnections.h"
#include "local/localconnector.h"
#include "pipeline/pythonresolver.h"
#include "pools/poolstore.h"
#include "serving/modelservices.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kStartingTickMs = 100;
constexpr int kRunningTickMs = 1000;
constexpr qint64 kAnswerWithinMs = 120000;
constexpr qint64 kSampleMs = 2000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A port no one listens on now; the server moves on by itself when it is taken meanwhile.
int freePort()
{
    for (int tries = 0; tries < 50; ++tries) {
        const int port = 20000 + int(QRandomGenerator::global()->bounded(40000));
        if (ModelServices::portIsFree(u"127.0.0.1"_s, port))
            return port;
    }
    return 8888;
}

QString minutesText(double seconds)
{
    return seconds >= 60 ? SessionSupervisor::tr("%1 min").arg(seconds / 60.0, 0, 'g', 3)
                         : SessionSupervisor::tr("%1 s").arg(seconds, 0, 'g', 3);
}

} // namespace

SessionSupervisor::SessionSupervisor(Workspace &workspace, QString atelierBinary, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_binary(std::move(atelierBinary))
{
    connect(&m_timer, &QTimer::timeout, this, &SessionSupervisor::tick);
}

SessionSupervisor::~SessionSupervisor() = default;

QStringList SessionSupervisor::serverArguments(const QString &python, const QString &folder,
                                               const QString &ip, int port, double idleTimeoutS)
{
    QStringList argv{
        python, u"-m"_s, u"notebook"_s, u"--no-browser"_s,
        // Inside the jail's namespace the server is root (even for a user mapped there).
        u"--allow-root"_s, u"--ip=%1"_s.arg(ip), u"--port=%1"_s.arg(port), u"--port-retries=50"_s,
        u"--notebook-dir=%1"_s.arg(folder)};
    if (idleTimeoutS > 0) {
        // Kernels idle that long are shut down by the server itself; the supervisor then
        // stops the server once /api/status has seen no activity for the timeout.
        const int seconds = std::max(1, int(idleTimeoutS));
        argv << u"--MappingKernelManager.cull_idle_timeout=%1"_s.arg(seconds)
             << u"--MappingKernelManager.cull_interval=%1"_s.arg(std::clamp(seconds, 1, 60));
    }
    return argv;
}

double SessionSupervisor::idleSeconds(const QByteArray &statusJson, const QDateTime &now)
{
    const QString text =
        QJsonDocument::fromJson(statusJson).object().value(u"last_activity"_s).toString();
    QDateTime last = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!last.isValid())
        return -1;
    return double(last.msecsTo(now)) / 1000.0;
}

Status SessionSupervisor::start(const QString &id)
{
    SessionStore store(m_workspace.catalog());
    const auto row = store.find(id);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("No session named %1.").arg(id));
    m_session = *row.value();
    m_key = u"session/"_s + id;
    if (const Status ok = store.recordSupervisor(id, ProcessIdentity::current()); !ok)
        return ok;
    auto fail = [&](const Error &error) -> Status {
        end(u"failed"_s, error.message);
        return error;
    };
    if (m_session.state != u"pending"_s)
        return fail(makeError(ErrorCode::Conflict,
                              tr("Session %1 is %2, not pending.").arg(id, m_session.state)));

    const SessionOptions &options = m_session.options;
    const auto pool = PoolStore(m_workspace.catalog()).find(options.pool);
    if (!pool)
        return fail(pool.error());
    m_local = pool->kind == u"local"_s;
    QList<int> gpus;
    if (m_local) {
        std::unique_ptr<LocalConnector> local;
        if (options.gpus > 0) {
            local = std::make_unique<LocalConnector>(); // probes the GPUs
            if (local->capacity().gpus.size() < options.gpus)
                return fail(makeError(ErrorCode::Conflict,
                                      tr("The session asks for %1 GPU(s); this machine has %2.")
                                          .arg(options.gpus)
                                          .arg(local->capacity().gpus.size())));
            gpus = local->capacity().gpus.mid(0, options.gpus);
        } else {
            // No probe (nvidia-smi takes seconds): the session asks for what it gets.
            local = std::make_unique<LocalConnector>(
                PoolCapacity{options.cpus, options.memoryMb, {}, 1});
        }
        m_connector = std::move(local);
    } else {
        m_pools = std::make_unique<PoolConnections>(m_workspace);
        if (const Status ok = m_pools->open({options.pool}); !ok)
            return fail(ok.error());
        m_connector = m_pools->connectors().front();
    }
    connect(m_connector.get(), &Connector::taskStarted, this, &SessionSupervisor::onStarted);
    connect(m_connector.get(), &Connector::taskFinished, this, &SessionSupervisor::onFinished);

    const Result<QString> python = PythonResolver::find({u"notebook"_s});
    if (!python)
        return fail(python.error());

    // The bindings the starter prepared: source folder → inputK.
    SessionJail::Mounts mounts;
    QFile mountsFile(Sessions::mountsPath(m_session.folder));
    if (mountsFile.open(QIODevice::ReadOnly)) {
        for (const QJsonValue &pair : QJsonDocument::fromJson(mountsFile.readAll()).array())
            mounts.append({pair[0].toString(), pair[1].toString()});
    }
    const QString runtime = Sessions::runtimePath(m_session.folder);
    QDir(runtime).removeRecursively();
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    TaskLaunch launch;
    launch.key = m_key;
    launch.name = u"atelier-session-"_s + id;
    launch.argv = SessionJail::wrap(m_binary, mounts, Sessions::nodePath(m_session.folder),
                                    serverArguments(python.value(), m_session.folder,
                                                    m_local ? u"127.0.0.1"_s : u"0.0.0.0"_s,
                                                    freePort(), options.idleTimeoutS));
    launch.workingDirectory = m_session.folder + u"/home"_s;
    // The token goes by file (0600), never by argument; runtime files stay in the session.
    launch.environment.insert(u"JUPYTER_TOKEN_FILE"_s, Sessions::tokenPath(m_session.folder));
    launch.environment.insert(u"JUPYTER_RUNTIME_DIR"_s, runtime);
    launch.environment.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    if (m_local) {
        QStringList visible;
        for (int gpu : std::as_const(gpus))
            visible << QString::number(gpu);
        launch.environment.insert(u"CUDA_VISIBLE_DEVICES"_s, visible.join(u','));
    }
    launch.stdoutPath = m_session.folder + u"/.atelier/server.out.log"_s;
    launch.stderrPath = Sessions::logPath(m_session);
    launch.resources.cpus = options.cpus;
    launch.resources.memoryMb = options.memoryMb;
    launch.resources.gpus = options.gpus;
    launch.gpus = gpus;
    m_launched = true;
    m_launchedAtMs = nowMs();
    m_connector->launch(launch);
    m_timer.start(kStartingTickMs);
    return {};
}

void SessionSupervisor::requestStop(const QString &reason)
{
    if (m_stopAsked || m_ended)
        return;
    m_stopAsked = true;
    m_stopReason = reason;
    if (!m_launched) {
        end(u"stopped"_s, reason);
        return;
    }
    SessionStore store(m_workspace.catalog());
    (void)store.setState(m_session.id, u"stopping"_s, QString());
    m_connector->stop(m_key);
}

void SessionSupervisor::onStarted(const QString &key, const QString &jobId)
{
    if (key != m_key)
        return;
    const ProcessIdentity group = m_connector->processGroup(key);
    m_session.group = group;
    SessionStore store(m_workspace.catalog());
    (void)store.recordServer(m_session.id, group, m_local ? QString() : jobId);
}

void SessionSupervisor::onFinished(const QString &key, const TaskOutcome &outcome)
{
    if (key != m_key)
        return;
    m_timer.stop();
    if (m_stopAsked) {
        end(u"stopped"_s, m_stopReason);
        return;
    }
    const QString said = LogTail::lastLine(Sessions::logPath(m_session));
    if (!m_answered) {
        end(u"failed"_s, tr("the server ended before it answered: %1")
                             .arg(said.isEmpty() ? outcome.message : said));
        return;
    }
    if (outcome.status == TaskOutcome::Status::Succeeded)
        end(u"stopped"_s, tr("the server ended by itself"));
    else
        end(u"failed"_s,
            tr("the server ended: %1").arg(outcome.message.isEmpty() ? said : outcome.message));
}

int SessionSupervisor::serverPort() const
{
    const QDir runtime(Sessions::runtimePath(m_session.folder));
    for (const QString &name : runtime.entryList({u"nbserver-*.json"_s}, QDir::Files)) {
        QFile file(runtime.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            const int port = QJsonDocument::fromJson(file.readAll())[u"port"_s].toInt();
            if (port > 0)
                return port;
        }
    }
    return 0;
}

void SessionSupervisor::tick()
{
    if (m_ended)
        return;
    SessionStore store(m_workspace.catalog());
    const auto row = store.find(m_session.id);
    if (row && row.value() && row.value()->state == u"stopping"_s && !m_stopAsked) {
        requestStop(tr("stopped by the user"));
        return;
    }
    if (m_stopAsked)
        return;
    const int port = serverPort();
    QString host = u"127.0.0.1"_s;
    if (!m_local) {
        QFile node(Sessions::nodePath(m_session.folder));
        host = node.open(QIODevice::ReadOnly) ? QString::fromUtf8(node.readAll().trimmed())
                                              : QString();
        // A job on this very machine is reached over the loopback device: its host name need
        // not resolve here (a container or chroot often lacks it in /etc/hosts).
        if (host == QSysInfo::machineHostName())
            host = u"127.0.0.1"_s;
    }
    if (port <= 0 || host.isEmpty()) {
        // A local server must answer soon; a cluster's may wait in the queue.
        if (m_local && !m_answered && nowMs() - m_launchedAtMs > kAnswerWithinMs)
            requestStop(tr("the server did not answer within %1 s").arg(kAnswerWithinMs / 1000));
        return;
    }
    QFile tokenFile(Sessions::tokenPath(m_session.folder));
    const QString token =
        tokenFile.open(QIODevice::ReadOnly) ? QString::fromLatin1(tokenFile.readAll()) : QString();
    const auto reply = ModelServices::http(
        u"http://%1:%2/api/status?token=%3"_s.arg(host).arg(port).arg(token), {}, 2000);
    if (!reply || reply->status != 200)
        return;
    if (!m_answered) {
        m_answered = true;
        m_session.host = host;
        m_session.port = port;
        (void)store.markRunning(m_session.id, host, port);
        m_timer.setInterval(
            std::min(kRunningTickMs, m_session.options.idleTimeoutS > 0
                                         ? std::max(100, int(m_session.options.idleTimeoutS * 250))
                                         : kRunningTickMs));
        return;
    }
    // What the GUI shows: the server's own word on activity, and its resources as a run's
    // task's (sys/… points in the metrics.jsonl format).
    if (QFile status(Sessions::statusPath(m_session.folder));
        status.open(QIODevice::WriteOnly | QIODevice::Truncate))
        status.write(reply->body);
    if (nowMs() - m_sampledAtMs >= kSampleMs) {
        m_sampledAtMs = nowMs();
        const auto points = m_connector->sampleResources(m_key);
        QFile metrics(Sessions::metricsPath(m_session.folder));
        if (!points.isEmpty() && metrics.open(QIODevice::WriteOnly | QIODevice::Append)) {
            const double ts = double(m_sampledAtMs) / 1000.0;
            for (const auto &[key, value] : points)
                metrics.write(
                    QJsonDocument(QJsonObject{{u"key"_s, key}, {u"value"_s, value}, {u"ts"_s, ts}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        }
    }
    const double timeout = m_session.options.idleTimeoutS;
    if (timeout > 0) {
        const double idle = idleSeconds(reply->body, QDateTime::currentDateTimeUtc());
        if (idle >= timeout)
            requestStop(
                tr("stopped after %1 without activity (idle timeout)").arg(minutesText(timeout)));
    }
}

void SessionSupervisor::end(const QString &state, const QString &message)
{
    if (m_ended)
        return;
    m_ended = true;
    m_timer.stop();
    SessionStore store(m_workspace.catalog());
    (void)store.setState(m_session.id, state, message);
    Q_EMIT finished();
}

} // namespace atelier
