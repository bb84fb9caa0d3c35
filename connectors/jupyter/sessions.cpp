#include "jupyter/sessions.h"

#include "core/logtail.h"
#include "core/processidentity.h"
#include "core/workspace.h"
#include "jupyter/sessionsources.h"
#include "jupyter/sessionsupervisor.h"
#include "pools/poolstore.h"
#include "runs/metricsparser.h"
#include "slurm/slurmclient.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kSlots = 5;

/// Writes \a bytes to \a path readable by its owner only, whatever mode the file had.
Status writePrivate(const QString &path, const QByteArray &bytes)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::fchmod(fd, 0600) == 0;
    qsizetype written = 0;
    while (ok && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        written += n > 0 ? n : 0;
    }
    const QString reason = QString::fromLocal8Bit(std::strerror(errno));
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        return makeError(
            ErrorCode::Io,
            Sessions::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
    return {};
}

QString randomToken()
{
    QString token;
    for (int i = 0; i < 4; ++i)
        token += u"%1"_s.arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    return token;
}

QString newName()
{
    return u"session-%1-%2"_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmm"_s))
        .arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

} // namespace

Result<QString> Sessions::sessionFolder(const QString &id, const PoolRecord &pool)
{
    const QString inWorkspace = QDir(m_workspace.root()).filePath(u"sessions/"_s + id);
    if (pool.kind == u"local"_s || pool.slurm.staging.isEmpty())
        return inWorkspace;
    // As a cluster task's folder: in the pool's staging folder (the nodes see it at the same
    // path), with a link in the workspace. A folder already in the workspace (the session ran
    // on this machine before) stays where it is, home and all.
    const QFileInfo present(inWorkspace);
    if (present.isDir() && !present.isSymLink())
        return inWorkspace;
    const QString staged = QDir(pool.slurm.staging).filePath(u"atelier/sessions/"_s + id);
    if (!QDir().mkpath(staged) || !QDir().mkpath(QFileInfo(inWorkspace).absolutePath()))
        return makeError(ErrorCode::Io,
                         tr("Cannot create %1.").arg(QDir::toNativeSeparators(staged)));
    if (!present.isSymLink() && !QFile::link(staged, inWorkspace))
        return makeError(ErrorCode::Io, tr("Cannot link %1 to %2.")
                                            .arg(QDir::toNativeSeparators(inWorkspace),
                                                 QDir::toNativeSeparators(staged)));
    return staged;
}

Sessions::Sessions(Workspace &workspace, QString atelierBinary)
    : m_workspace(workspace), m_binary(std::move(atelierBinary))
{
}

QString Sessions::tokenPath(const QString &folder)
{
    return folder + u"/.atelier/token"_s;
}

QString Sessions::mountsPath(const QString &folder)
{
    return folder + u"/.atelier/mounts.json"_s;
}

QString Sessions::runtimePath(const QString &folder)
{
    return folder + u"/.atelier/runtime"_s;
}

QString Sessions::nodePath(const QString &folder)
{
    return folder + u"/.atelier/runtime/node"_s;
}

QString Sessions::statusPath(const QString &folder)
{
    return folder + u"/.atelier/runtime/status.json"_s;
}

QString Sessions::metricsPath(const QString &folder)
{
    return folder + u"/.atelier/runtime/metrics.jsonl"_s;
}

double Sessions::idleSeconds(const SessionRecord &session)
{
    if (session.state != u"running"_s)
        return -1;
    QFile status(statusPath(session.folder));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    return SessionSupervisor::idleSeconds(status.readAll(), QDateTime::currentDateTimeUtc());
}

QList<MetricPoint> Sessions::resources(const SessionRecord &session)
{
    QFile file(metricsPath(session.folder));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    MetricsParser parser;
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    QList<MetricPoint> points = parser.feed(file.readAll(), now);
    points += parser.finish(now);
    return points;
}

Status Sessions::checkName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"_s);
    if (!pattern.match(name).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("'%1' is not a session name: use a letter or digit, then letters, "
                            "digits, '.', '_' or '-' (64 at most).")
                             .arg(name));
    return {};
}

Result<SessionRecord> Sessions::start(const QString &name, const SessionOptions &options,
                                      int waitMs)
{
    const QString id = name.isEmpty() ? newName() : name;
    if (const Status ok = checkName(id); !ok)
        return ok.error();
    QList<int> used;
    for (const SessionBinding &binding : options.bindings) {
        if (binding.slot < 0 || binding.slot >= kSlots || used.contains(binding.slot))
            return makeError(
                ErrorCode::Invalid,
                tr("Bind each of input0…input4 at most once (input%1).").arg(binding.slot));
        used.append(binding.slot);
        if (const Status ok = SessionSources::check(binding.source); !ok)
            return ok.error();
    }
    if (options.cpus < 1 || options.memoryMb < 64 || options.gpus < 0 || options.idleTimeoutS < 0)
        return makeError(ErrorCode::Invalid,
                         tr("A session needs at least 1 CPU and 64 MB of memory, no negative "
                            "GPUs and no negative idle timeout."));

    const auto pool = PoolStore(m_workspace.catalog()).find(options.pool);
    if (!pool)
        return pool.error();
    const Result<QString> placed = sessionFolder(id, pool.value());
    if (!placed)
        return placed.error();
    const QString folder = placed.value();
    if (!QDir().mkpath(folder + u"/home"_s) || !QDir().mkpath(runtimePath(folder)) ||
        !QDir().mkpath(folder + u"/.atelier/bound"_s))
        return makeError(ErrorCode::Io,
                         tr("Cannot create %1.").arg(QDir::toNativeSeparators(folder)));
    // The token file and the server's runtime files (which hold the token too) are the
    // owner's alone; being hidden, the server does not serve them either.
    ::chmod(QFile::encodeName(folder).constData(), 0700);
    ::chmod(QFile::encodeName(folder + u"/.atelier"_s).constData(), 0700);
    SessionStore store(m_workspace.catalog());
    if (const Status ok = store.begin(id, folder, options); !ok)
        return ok.error();
    auto failed = [&](const Error &error) -> Error {
        (void)store.setState(id, u"failed"_s, error.message);
        return error;
    };

    // The bindings: each source's folder, mounted read-only onto inputK by the jail.
    QJsonArray mounts;
    for (int slot = 0; slot < kSlots; ++slot) {
        const QString point = folder + u"/input%1"_s.arg(slot);
        const auto bound = std::find_if(options.bindings.cbegin(), options.bindings.cend(),
                                        [slot](const SessionBinding &b) { return b.slot == slot; });
        if (bound == options.bindings.cend()) {
            QDir().rmdir(point); // an empty mount point of an earlier start
            continue;
        }
        const Result<QString> source = SessionSources::prepare(
            m_workspace, bound->source, folder + u"/.atelier/bound/input%1"_s.arg(slot));
        if (!source)
            return failed(makeError(
                source.error().code,
                tr("input%1 (%2): %3").arg(slot).arg(bound->source, source.error().message)));
        if (!QDir().mkpath(point))
            return failed(makeError(ErrorCode::Io,
                                    tr("Cannot create %1.").arg(QDir::toNativeSeparators(point))));
        mounts.append(QJsonArray{source.value(), point});
    }
    if (const Status ok = writePrivate(mountsPath(folder), QJsonDocument(mounts).toJson()); !ok)
        return failed(ok.error());
    // A new token for every start, never on a command line, in the catalog or a log.
    if (const Status ok = writePrivate(tokenPath(folder), randomToken().toLatin1()); !ok)
        return failed(ok.error());

    const QString supervisorLog = folder + u"/.atelier/supervisor.log"_s;
    QProcess process;
    process.setProgram(m_binary);
    process.setArguments({u"session"_s, u"supervise"_s, id, u"--workspace"_s, m_workspace.root()});
    process.setWorkingDirectory(folder);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(supervisorLog, QIODevice::Truncate);
    process.setStandardErrorFile(supervisorLog, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return failed(makeError(ErrorCode::Io,
                                tr("Could not start %1: %2").arg(m_binary, process.errorString())));
    const ProcessIdentity supervisor = ProcessIdentity::of(pid);

    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const auto row = store.find(id);
        if (!row)
            return row.error();
        if (!row.value())
            return makeError(ErrorCode::NotFound, tr("Session %1 vanished.").arg(id));
        const SessionRecord &record = *row.value();
        if (!record.isLive() || record.state == u"running"_s || waited.elapsed() > waitMs)
            return record;
        // A supervisor that ended before it could record itself says why in its log.
        if (!record.supervisor.pid && supervisor.isKnown() && !supervisor.isAlive()) {
            const QString why = LogTail::lastLine(supervisorLog);
            return failed(makeError(ErrorCode::Internal,
                                    tr("The session's supervisor ended: %1")
                                        .arg(why.isEmpty() ? tr("no reason given") : why)));
        }
        QThread::msleep(50);
    }
}

Result<SessionRecord> Sessions::restart(const QString &id, int waitMs)
{
    const Result<SessionRecord> existing = session(id);
    if (!existing)
        return existing.error();
    return start(id, existing->options, waitMs);
}

Result<SessionRecord> Sessions::stop(const QString &id, int waitMs)
{
    SessionStore store(m_workspace.catalog());
    Result<SessionRecord> current = session(id);
    if (current && current->state == u"lost"_s && !current->jobId.isEmpty()) {
        // A cluster session whose supervisor was killed: Leftovers (models/) cannot reach the
        // cluster, so its job may still run; stopping it cancels the job.
        const auto pool = PoolStore(m_workspace.catalog()).find(current->pool());
        if (pool && pool->kind == u"slurm"_s) {
            if (const Status ok = SlurmClient(pool->slurm).cancel(current->jobId); !ok)
                return ok.error();
        }
        return current;
    }
    if (!current || !current->isLive())
        return current;
    const Result<bool> asked = store.setState(id, u"stopping"_s, QString());
    if (!asked)
        return asked.error();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < waitMs) {
        current = session(id);
        if (!current || !current->isLive())
            return current;
        QThread::msleep(50);
    }
    // A supervisor that does not answer: the server's group is ended here.
    if (current->group.isKnown() && !ProcessGroups::end(current->group, 2000))
        return makeError(ErrorCode::Internal,
                         tr("The server of session %1 (process group %2) did not stop, even "
                            "after SIGKILL.")
                             .arg(id)
                             .arg(current->group.pid));
    (void)store.setState(
        id, u"stopped"_s,
        tr("stopped by the user; its supervisor did not answer within %1 s").arg(waitMs / 1000));
    return session(id);
}

Result<QList<SessionRecord>> Sessions::list()
{
    return SessionStore(m_workspace.catalog()).list();
}

Result<SessionRecord> Sessions::session(const QString &id)
{
    const auto row = SessionStore(m_workspace.catalog()).find(id);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         tr("No session named %1 ('atelier session list' shows them).").arg(id));
    return *row.value();
}

QString Sessions::url(const SessionRecord &session)
{
    if (session.state != u"running"_s || session.port <= 0)
        return {};
    QFile file(tokenPath(session.folder));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return u"http://%1:%2/?token=%3"_s.arg(session.host)
        .arg(session.port)
        .arg(QString::fromLatin1(file.readAll().trimmed()));
}

QString Sessions::logPath(const SessionRecord &session)
{
    return session.folder + u"/.atelier/server.log"_s;
}

Result<QString> Sessions::openPage(const SessionRecord &session)
{
    const QString address = url(session);
    if (address.isEmpty())
        return makeError(ErrorCode::Conflict,
                         tr("Session %1 is %2, not running.").arg(session.id, session.state));
    const QString page = runtimePath(session.folder) + u"/open.html"_s;
    const QString escaped = address.toHtmlEscaped();
    const QByteArray html =
        u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"refresh\" content=\"0;url=%1\"></head>"
        "<body><a href=\"%1\">%2</a></body></html>\n"_s.arg(escaped, session.id.toHtmlEscaped())
            .toUtf8();
    if (const Status ok = writePrivate(page, html); !ok)
        return ok.error();
    return page;
}

} // namespace atelier
