#include "serving/modelservices.h"

#include "core/installpaths.h"
#include "core/logtail.h"
#include "core/processidentity.h"
#include "core/workspace.h"
#include "pipeline/pythonresolver.h"
#include "registry/modelregistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <curl/curl.h>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kPollMs = 100;

/// True while \a pid runs (a zombie counts as ended: nobody may reap a detached service).
bool processAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return ::kill(pid_t(pid), 0) == 0;
    const QByteArray line = stat.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    return paren < 0 || paren + 2 >= line.size() || line.at(paren + 2) != 'Z';
}

/// True when \a pid is the service whose folder is \a folder (and not a reused pid).
bool isService(qint64 pid, const QString &folder)
{
    if (!processAlive(pid))
        return false;
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return true; // no /proc: trust the catalog
    const QByteArray text = cmdline.readAll();
    return text.contains("serve.py") && text.contains(QFile::encodeName(folder));
}

/// SIGTERM to the group of \a pid, SIGKILL after \a graceMs; true once it has ended.
bool stopGroup(qint64 pid, int graceMs)
{
    if (pid <= 0)
        return true;
    ::killpg(pid_t(pid), SIGTERM);
    for (int waited = 0; waited < graceMs; waited += 50) {
        if (!processAlive(pid))
            break;
        QThread::msleep(50);
    }
    // The group may hold children of the service even when its leader is gone.
    ::killpg(pid_t(pid), SIGKILL);
    for (int waited = 0; waited < 3000; waited += 50) {
        if (!processAlive(pid))
            return true;
        QThread::msleep(50);
    }
    return false;
}

/// The last non-empty line of a log: why a service stopped, in its own words.
QString lastLine(const QString &path)
{
    const QList<QByteArray> lines = LogTail::lines(path);
    // serve.py says why in one line of its own; otherwise the end of a traceback.
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->startsWith("atelier-serve: ") && !it->contains(" listening on "))
            return QString::fromUtf8(it->mid(15));
    }
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.constLast());
}

void readMetrics(ServiceInfo &service)
{
    QFile file(QDir(service.folder).filePath(u"metrics.jsonl"_s));
    if (!file.open(QIODevice::ReadOnly))
        return;
    constexpr qint64 tail = 4 << 20;
    if (file.size() > tail) {
        file.seek(file.size() - tail);
        file.readLine(); // a partial line
    }
    double latency = 0;
    qint64 latencies = 0;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QString key = line.value(u"key"_s).toString();
        if (key == u"requests"_s) {
            service.requests = qint64(line.value(u"value"_s).toDouble());
        } else if (key == u"latency_ms"_s) {
            latency += line.value(u"value"_s).toDouble();
            ++latencies;
        }
    }
    service.meanLatencyMs = latencies > 0 ? latency / double(latencies) : 0;
}

QStringList modulesFor(const QString &framework)
{
    if (framework == u"xgboost"_s)
        return {u"sklearn"_s, u"xgboost"_s};
    return {u"sklearn"_s};
}

Status checkFramework(const ServedVersion &facts)
{
    if (facts.framework == u"sklearn"_s || facts.framework == u"xgboost"_s)
        return {};
    return makeError(ErrorCode::Unsupported,
                     ModelServices::tr("%1:%2 is a %3 model; the built-in serving template serves "
                                       "scikit-learn and XGBoost models.")
                         .arg(facts.model)
                         .arg(facts.version)
                         .arg(facts.framework));
}

/// Links (or copies) the version's files from the object store into \a dir.
Status materialise(Workspace &workspace, qint64 versionId, const QString &dir)
{
    const Result<QList<ModelFile>> listed = ServiceStore(workspace.catalog()).files(versionId);
    if (!listed)
        return listed.error();
    const QList<ModelFile> &files = listed.value();
    if (files.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            ModelServices::tr("Model version %1 has no files to serve.").arg(versionId));
    const ObjectStore objects = workspace.objects();
    const QDir target(dir);
    for (const ModelFile &file : files) {
        const QString relative = QDir::cleanPath(file.path);
        if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative == u".."_s ||
            relative.startsWith(u"../"_s))
            return makeError(ErrorCode::Corrupt,
                             ModelServices::tr("The catalog lists a model file outside its "
                                               "folder: %1")
                                 .arg(file.path));
        if (!objects.contains(file.hash))
            return makeError(ErrorCode::NotFound,
                             ModelServices::tr("The object store has lost %1 (object %2); "
                                               "'atelier info' checks the store.")
                                 .arg(file.path, file.hash));
        const QString source = objects.pathFor(file.hash);
        const QString destination = target.filePath(relative);
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()))
            return makeError(
                ErrorCode::Io,
                ModelServices::tr("Cannot create %1.").arg(QFileInfo(destination).absolutePath()));
        QFile::remove(destination);
        if (::link(QFile::encodeName(source).constData(),
                   QFile::encodeName(destination).constData()) != 0 &&
            !QFile::copy(source, destination))
            return makeError(ErrorCode::Io,
                             ModelServices::tr("Cannot copy %1 to %2.").arg(source, destination));
    }
    return {};
}

/// Writes \a value in decimal to \a fd; async-signal-safe (no allocation, no locale).
void writeNumber(int fd, qint64 value)
{
    char digits[24];
    int n = 0;
    do {
        digits[sizeof digits - 1 - n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 && n < int(sizeof digits));
    [[maybe_unused]] auto written = ::write(fd, digits + sizeof digits - n, size_t(n));
}

/// Starts \a argv in its own session and process group, detached (double fork: the service is
/// adopted by init, so it outlives us and is reaped by someone). Returns its pid. The service's
/// pid is also written to \a pidPath by the middle process, which outlives a killed caller:
/// a deploy killed before it recorded the pid leaves the service findable (Leftovers).
Result<qint64> spawnDetached(const QStringList &argv, const QString &cwd, const QString &stdoutPath,
                             const QString &stderrPath, const QString &pidPath)
{
    // Everything the children need is prepared here: after fork only async-signal-safe calls.
    std::vector<QByteArray> argBytes;
    for (const QString &arg : argv)
        argBytes.push_back(QFile::encodeName(arg));
    std::vector<char *> args;
    for (QByteArray &arg : argBytes)
        args.push_back(arg.data());
    args.push_back(nullptr);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    std::vector<QByteArray> envBytes;
    for (const QString &entry : environment.toStringList())
        envBytes.push_back(entry.toLocal8Bit());
    std::vector<char *> env;
    for (QByteArray &entry : envBytes)
        env.push_back(entry.data());
    env.push_back(nullptr);
    const QByteArray dir = QFile::encodeName(cwd);

    const int out = ::open(QFile::encodeName(stdoutPath).constData(),
                           O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int errFd = ::open(QFile::encodeName(stderrPath).constData(),
                             O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int pidFd = ::open(QFile::encodeName(pidPath).constData(),
                             O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int report[2] = {-1, -1};
    auto closeAll = [&] {
        for (int fd : {out, errFd, devNull, pidFd, report[0], report[1]})
            if (fd >= 0)
                ::close(fd);
    };
    if (out < 0 || errFd < 0 || devNull < 0 || pidFd < 0 || ::pipe2(report, O_CLOEXEC) != 0) {
        const int error = errno;
        closeAll();
        return makeError(ErrorCode::Io, ModelServices::tr("Cannot prepare the service's logs in "
                                                          "%1: %2")
                                            .arg(cwd, QString::fromLocal8Bit(strerror(error))));
    }

    const pid_t middle = ::fork();
    if (middle < 0) {
        const int error = errno;
        closeAll();
        return makeError(ErrorCode::Io, ModelServices::tr("Cannot start a process: %1")
                                            .arg(QString::fromLocal8Bit(strerror(error))));
    }
    if (middle == 0) {
        ::setsid();
        const pid_t service = ::fork();
        if (service == 0) {
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::signal(SIGPIPE, SIG_DFL);
            ::setpgid(0, 0);
            ::dup2(devNull, 0);
            ::dup2(out, 1);
            ::dup2(errFd, 2);
            if (::chdir(dir.constData()) == 0)
                ::execve(args[0], args.data(), env.data());
            const int error = errno;
            [[maybe_unused]] auto n = ::write(report[1], &error, sizeof error);
            ::_exit(127);
        }
        const qint64 pid = service;
        if (service > 0)
            writeNumber(pidFd, pid);
        [[maybe_unused]] auto n = ::write(report[1], &pid, sizeof pid);
        ::_exit(service < 0 ? 1 : 0);
    }
    ::close(report[1]);
    report[1] = -1;
    int status = 0;
    while (::waitpid(middle, &status, 0) < 0 && errno == EINTR) {
    }
    qint64 pid = -1;
    int execError = 0;
    ssize_t got = ::read(report[0], &pid, sizeof pid);
    if (got == ssize_t(sizeof pid) && pid > 0) {
        // EOF when exec succeeded (close-on-exec); an errno when it failed.
        while ((got = ::read(report[0], &execError, sizeof execError)) < 0 && errno == EINTR) {
        }
        if (got != ssize_t(sizeof execError))
            execError = 0;
    }
    closeAll();
    if (pid <= 0)
        return makeError(ErrorCode::Io, ModelServices::tr("Cannot start a process."));
    if (execError != 0)
        return makeError(ErrorCode::Io,
                         ModelServices::tr("Cannot run %1: %2")
                             .arg(argv.constFirst(), QString::fromLocal8Bit(strerror(execError))));
    return pid;
}

/// A file an undeploy leaves in a starting service's folder before it stops the service.
QString stopMarkName()
{
    return u"/stop-requested"_s;
}

QString serviceIdFor(const QString &model, int version)
{
    QString slug = model.toLower();
    slug.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
    slug = slug.mid(0, 40);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (slug.isEmpty())
        slug = u"model"_s;
    return u"svc-%1-v%2-%3"_s.arg(slug).arg(version).arg(
        QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

/// Runs serve.py once (--once or --batch); its stdout on success, its reason on failure.
Result<QByteArray> runOnce(Workspace &workspace, qint64 versionId, const QStringList &arguments,
                           const QByteArray &input)
{
    const Result<ServedVersion> facts = ServiceStore(workspace.catalog()).servedVersion(versionId);
    if (!facts)
        return facts.error();
    if (const Status ok = checkFramework(facts.value()); !ok)
        return ok.error();
    const Result<QString> python = PythonResolver::find(modulesFor(facts->framework));
    if (!python)
        return python.error();
    QTemporaryDir dir;
    if (!dir.isValid())
        return makeError(
            ErrorCode::Io,
            ModelServices::tr("Cannot create a temporary folder: %1").arg(dir.errorString()));
    const QString modelDir = dir.filePath(u"model"_s);
    if (const Status ok = materialise(workspace, versionId, modelDir); !ok)
        return ok.error();
    const QString script = ModelServices::serveScript();
    if (script.isEmpty())
        return makeError(ErrorCode::NotFound,
                         ModelServices::tr("The serving template serve.py is missing; set "
                                           "ATELIER_SERVING_DIR to its folder."));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    process.start(python.value(), QStringList{script, u"--dir"_s, modelDir, u"--name"_s,
                                              u"%1:%2"_s.arg(facts->model).arg(facts->version)} +
                                      arguments);
    if (!process.waitForStarted(30000))
        return makeError(
            ErrorCode::Io,
            ModelServices::tr("Cannot run %1: %2").arg(python.value(), process.errorString()));
    process.write(input);
    process.closeWriteChannel();
    // Generous for a large batch, but never forever: a hung interpreter is stopped.
    constexpr int kOnceTimeoutMs = 30 * 60 * 1000;
    if (!process.waitForFinished(kOnceTimeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return makeError(ErrorCode::Internal,
                         ModelServices::tr("serve.py did not finish within %1 minutes and was "
                                           "stopped.")
                             .arg(kOnceTimeoutMs / 60000));
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return makeError(ErrorCode::Internal,
                         ModelServices::tr("serve.py stopped: %1").arg(process.errorString()));
    const QByteArray output = process.readAllStandardOutput();
    if (process.exitCode() != 0) {
        QString reason = QString::fromUtf8(process.readAllStandardError()).trimmed();
        reason = reason.section(u'\n', -1).remove(u"atelier-serve: "_s);
        return makeError(
            process.exitCode() == 4 ? ErrorCode::Invalid : ErrorCode::Corrupt,
            ModelServices::tr("%1:%2: %3").arg(facts->model).arg(facts->version).arg(reason));
    }
    return output;
}

} // namespace

ModelServices::ModelServices(Workspace &workspace) : m_workspace(workspace) {}

Status ModelServices::materialise(Workspace &workspace, qint64 versionId, const QString &dir)
{
    return atelier::materialise(workspace, versionId, dir);
}

Result<qint64> ModelServices::resolveVersion(const QString &reference)
{
    // The registry's reading of a reference, so that deploy and show agree on "NAME".
    const Result<ModelVersionRecord> record =
        ModelRegistry(m_workspace.catalog(), m_workspace.root()).resolve(reference);
    if (!record)
        return record.error();
    return record->id;
}

Result<ServiceInfo> ModelServices::deploy(qint64 versionId, const DeployOptions &options)
{
    ServiceStore store(m_workspace.catalog());
    if (options.pool != u"local"_s)
        return makeError(
            ErrorCode::Unsupported,
            tr("Services run on the local pool for now, not on '%1'.").arg(options.pool));
    const Result<ServedVersion> facts = store.servedVersion(versionId);
    if (!facts)
        return facts.error();
    if (const Status ok = checkFramework(facts.value()); !ok)
        return ok.error();
    const QString host = options.host.isEmpty() ? u"127.0.0.1"_s : options.host;
    if (options.port < 0 || options.port > 65535)
        return makeError(ErrorCode::Invalid, tr("Port %1 is out of range.").arg(options.port));
    if (options.maxBodyMb < 1 || options.maxBodyMb > DeployOptions::kMaxMaxBodyMb)
        return makeError(ErrorCode::Invalid, tr("A body cap of %1 MiB is out of range (1 to %2).")
                                                 .arg(options.maxBodyMb)
                                                 .arg(DeployOptions::kMaxMaxBodyMb));
    if (options.port > 0 && !portIsFree(host, options.port))
        return makeError(ErrorCode::Conflict,
                         tr("Port %1 on %2 is in use (or the address is not this machine's); "
                            "choose another with --port, or leave it out for a free one.")
                             .arg(options.port)
                             .arg(host));
    const QString script = serveScript();
    if (script.isEmpty())
        return makeError(ErrorCode::NotFound, tr("The serving template serve.py is missing; set "
                                                 "ATELIER_SERVING_DIR to its folder."));
    const Result<QString> python =
        PythonResolver::find(modulesFor(facts->framework), options.python);
    if (!python)
        return python.error();

    // A generated id whose folder an earlier service left behind is drawn again.
    QString id = options.serviceId.isEmpty() ? serviceIdFor(facts->model, facts->version)
                                             : options.serviceId;
    for (int draw = 0; options.serviceId.isEmpty() && draw < 16 &&
                       QFileInfo::exists(QDir(m_workspace.root()).filePath(u"services/"_s + id));
         ++draw)
        id = serviceIdFor(facts->model, facts->version);
    const QString folder = QDir(m_workspace.root()).filePath(u"services/"_s + id);
    if (QFileInfo::exists(folder))
        return makeError(ErrorCode::Conflict, tr("Service folder %1 already exists.").arg(folder));
    if (!QDir().mkpath(folder))
        return makeError(ErrorCode::Io, tr("Cannot create %1.").arg(folder));
    if (const Status ok = materialise(m_workspace, versionId, folder + u"/model"_s); !ok) {
        QDir(folder).removeRecursively();
        return ok.error();
    }
    // Who deploys is recorded: a service left starting by a deploy that is gone is stopped by
    // whoever opens the workspace next (Leftovers).
    const ProcessIdentity deployer = ProcessIdentity::current();
    ServiceInfo service;
    service.id = id;
    service.versionId = versionId;
    service.model = facts->model;
    service.version = facts->version;
    service.pool = options.pool;
    service.host = host;
    service.port = options.port;
    service.folder = folder;
    service.maxBodyMb = options.maxBodyMb;
    const Status inserted = store.insertStarting(service, deployer);
    if (!inserted) {
        QDir(folder).removeRecursively();
        return inserted.error();
    }

    const QString portFile = folder + u"/port"_s;
    const QStringList argv{python.value(),      script,
                           u"--dir"_s,          folder + u"/model"_s,
                           u"--name"_s,         u"%1:%2"_s.arg(facts->model).arg(facts->version),
                           u"--host"_s,         host,
                           u"--port"_s,         QString::number(options.port),
                           u"--port-file"_s,    portFile,
                           u"--metrics-file"_s, folder + u"/metrics.jsonl"_s,
                           u"--max-body-mb"_s,  QString::number(options.maxBodyMb)};

    auto fail = [&](qint64 pid, const QString &reason) -> Error {
        stopGroup(pid, 2000);
        const QString message = reason.isEmpty() ? tr("the service did not start") : reason;
        (void)store.setState(id, u"failed"_s, message);
        return makeError(
            ErrorCode::Invalid,
            tr("Deploying %1:%2 failed: %3").arg(facts->model).arg(facts->version).arg(message));
    };

    QFile::remove(portFile);
    const Result<qint64> pid = spawnDetached(argv, folder, folder + u"/stdout.log"_s,
                                             folder + u"/stderr.log"_s, folder + u"/service.pid"_s);
    if (!pid)
        return fail(0, pid.error().message);
    (void)store.recordProcess(id, ProcessIdentity::of(pid.value()));
    service.pid = pid.value();
    service.port = 0; // read from the port file below: the service may have chosen it

    // Another command may stop the service while it starts (`model undeploy NAME` stops every
    // live service of the model, starting ones included). It leaves a mark in the folder
    // before it signals, so this deploy reports that (and leaves the record to the undeploy)
    // instead of an unexplained "did not start" written over the undeploy's "stopped".
    auto stoppedMeanwhile = [&]() -> std::optional<Error> {
        if (!QFileInfo::exists(folder + stopMarkName()))
            return std::nullopt;
        return makeError(ErrorCode::Conflict,
                         tr("Deploying %1:%2 was cancelled: another command stopped service %3 "
                            "while it was starting.")
                             .arg(facts->model)
                             .arg(facts->version)
                             .arg(id));
    };

    QElapsedTimer clock;
    clock.start();
    while (true) {
        if (!processAlive(service.pid)) {
            if (std::optional<Error> stopped = stoppedMeanwhile())
                return *stopped;
            QThread::msleep(50); // let the last words reach the log
            return fail(service.pid, lastLine(folder + u"/stderr.log"_s));
        }
        if (service.port == 0) {
            QFile file(portFile);
            if (file.open(QIODevice::ReadOnly))
                service.port = file.readAll().trimmed().toInt();
        }
        if (service.port > 0) {
            const Result<HttpReply> reply = http(service.url() + u"/health"_s, {}, 2000);
            if (reply && reply->status == 200)
                break;
        }
        if (clock.elapsed() > options.healthTimeoutMs)
            return fail(service.pid, tr("no answer from GET /health within %1 s (see %2)")
                                         .arg(options.healthTimeoutMs / 1000)
                                         .arg(folder + u"/stderr.log"_s));
        QThread::msleep(kPollMs);
    }
    const Status running = store.markRunning(id, service.port);
    if (!running)
        return fail(service.pid, running.error().message);
    return this->service(id);
}

Result<ServiceInfo> ModelServices::undeploy(const QString &serviceId, int graceMs)
{
    Result<ServiceInfo> found = service(serviceId);
    if (!found)
        return found;
    ServiceInfo s = found.value();
    if (s.state == u"starting"_s && !s.folder.isEmpty()) {
        // Its deploy may still wait for it: tell it why the service ends (see deploy()).
        QFile mark(s.folder + stopMarkName());
        (void)mark.open(QIODevice::WriteOnly);
    }
    if (s.pid > 0 && isService(s.pid, s.folder) && !stopGroup(s.pid, graceMs))
        return makeError(
            ErrorCode::Internal,
            tr("Service %1 (pid %2) did not stop, even after SIGKILL.").arg(s.id).arg(s.pid));
    QString message;
    if (s.port > 0) {
        bool free = false;
        for (int waited = 0; waited <= 2000 && !(free = portIsFree(s.host, s.port)); waited += 100)
            QThread::msleep(100);
        if (!free)
            message = tr("stopped, but port %1 is still in use by another process").arg(s.port);
    }
    if (s.state != u"failed"_s || s.pid > 0) {
        if (const Status ok =
                ServiceStore(m_workspace.catalog()).setState(s.id, u"stopped"_s, message);
            !ok)
            return ok.error();
    }
    return service(serviceId);
}

Result<ServiceInfo> ModelServices::restart(const QString &serviceId)
{
    Result<ServiceInfo> found = service(serviceId);
    if (!found)
        return found;
    const ServiceInfo old = found.value();
    if (old.isLive()) {
        if (const Result<ServiceInfo> stopped = undeploy(serviceId); !stopped)
            return stopped;
    }
    // A fresh folder and id: the old one keeps its logs and its catalog row.
    DeployOptions options;
    options.pool = old.pool;
    options.host = old.host;
    options.port = old.port;
    if (old.maxBodyMb > 0) // services deployed before the cap was recorded get the default
        options.maxBodyMb = old.maxBodyMb;
    return deploy(old.versionId, options);
}

Result<QList<ServiceInfo>> ModelServices::list()
{
    ServiceStore store(m_workspace.catalog());
    Result<QList<ServiceInfo>> listed = store.list();
    if (!listed)
        return listed.error();
    QList<ServiceInfo> services = std::move(listed.value());
    for (ServiceInfo &s : services) {
        if (s.isLive() && s.pid > 0 && !isService(s.pid, s.folder)) {
            const QString last = lastLine(s.folder + u"/stderr.log"_s);
            s.message =
                last.isEmpty() || last.contains(u"listening on"_s)
                    ? tr("the service's process (pid %1) has ended").arg(s.pid)
                    : tr("the service's process (pid %1) has ended: %2").arg(s.pid).arg(last);
            s.state = u"failed"_s;
            if (const Status ok = store.setState(s.id, s.state, s.message); !ok)
                return ok.error();
        }
        readMetrics(s);
    }
    return services;
}

Result<ServiceInfo> ModelServices::service(const QString &serviceId)
{
    const Result<QList<ServiceInfo>> all = list();
    if (!all)
        return all.error();
    for (const ServiceInfo &s : all.value())
        if (s.id == serviceId)
            return s;
    return makeError(ErrorCode::NotFound,
                     tr("No service '%1'; 'atelier model services' lists them.").arg(serviceId));
}

Result<QJsonObject> ModelServices::predictVersion(qint64 versionId, const QJsonArray &rows)
{
    const Result<std::optional<ServiceInfo>> running = runningFor(versionId);
    if (!running)
        return running.error();
    Result<QJsonObject> answer =
        running.value() ? predict(*running.value(), rows) : predictOnce(versionId, rows);
    if (!answer)
        return answer;
    QJsonObject result = answer.value();
    result.insert(u"via"_s, running.value() ? running.value()->id : u"in-process"_s);
    return result;
}

Result<QList<ServiceInfo>> ModelServices::liveServicesOf(const QString &argument)
{
    const Result<QList<ServiceInfo>> all = list();
    if (!all)
        return all.error();
    for (const ServiceInfo &service : all.value())
        if (service.id == argument)
            return QList<ServiceInfo>{service};
    const QString name = argument.section(u':', 0, 0).section(u'@', 0, 0);
    std::optional<qint64> versionId;
    if (name != argument) {
        const Result<qint64> version = resolveVersion(argument);
        if (!version)
            return version.error();
        versionId = version.value();
    }
    QList<ServiceInfo> live;
    bool known = false;
    for (const ServiceInfo &service : all.value()) {
        if (service.model != name || (versionId && service.versionId != *versionId))
            continue;
        known = true;
        if (service.isLive())
            live.append(service);
    }
    if (!known)
        return makeError(ErrorCode::NotFound,
                         tr("No service or model named '%1' has been deployed; "
                            "'atelier model services' lists them.")
                             .arg(argument));
    return live;
}

Result<std::optional<ServiceInfo>> ModelServices::runningFor(qint64 versionId)
{
    const Result<QList<ServiceInfo>> all = list();
    if (!all)
        return all.error();
    for (const ServiceInfo &s : all.value())
        if (s.versionId == versionId && s.state == u"running"_s)
            return std::optional<ServiceInfo>(s);
    return std::optional<ServiceInfo>();
}

Result<QJsonObject> ModelServices::predict(const ServiceInfo &service, const QJsonArray &rows)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"rows"_s, rows}}).toJson(QJsonDocument::Compact);
    const Result<HttpReply> reply = http(service.url() + u"/predict"_s, body);
    if (!reply)
        return reply.error();
    const QJsonObject answer = QJsonDocument::fromJson(reply->body).object();
    if (reply->status != 200) {
        const QString reason = answer.value(u"error"_s).toString();
        return makeError(
            reply->status >= 400 && reply->status < 500 ? ErrorCode::Invalid : ErrorCode::Internal,
            tr("Service %1 refused the rows (HTTP %2): %3")
                .arg(service.id)
                .arg(reply->status)
                .arg(reason.isEmpty() ? QString::fromUtf8(reply->body.left(200)) : reason));
    }
    if (!answer.value(u"predictions"_s).isArray())
        return makeError(ErrorCode::Internal,
                         tr("Service %1 answered without predictions.").arg(service.id));
    return answer;
}

Result<QJsonObject> ModelServices::predictOnce(qint64 versionId, const QJsonArray &rows)
{
    const Result<QByteArray> output =
        runOnce(m_workspace, versionId, {u"--once"_s},
                QJsonDocument(QJsonObject{{u"rows"_s, rows}}).toJson(QJsonDocument::Compact));
    if (!output)
        return output.error();
    const QJsonObject answer = QJsonDocument::fromJson(output.value()).object();
    if (!answer.value(u"predictions"_s).isArray())
        return makeError(ErrorCode::Internal, tr("serve.py answered without predictions."));
    return answer;
}

Result<qint64> ModelServices::predictCsv(qint64 versionId, const QString &inputCsv,
                                         const QString &outputCsv)
{
    if (!QFileInfo(inputCsv).isFile())
        return makeError(ErrorCode::NotFound, tr("No file %1.").arg(inputCsv));
    const Result<QByteArray> output = runOnce(m_workspace, versionId,
                                              {u"--batch"_s, QFileInfo(inputCsv).absoluteFilePath(),
                                               u"--out"_s, QFileInfo(outputCsv).absoluteFilePath()},
                                              {});
    if (!output)
        return output.error();
    return qint64(QJsonDocument::fromJson(output.value()).object().value(u"rows"_s).toDouble());
}

QString ModelServices::serveScript()
{
    const QString script = InstallPaths::servingDir() + u"/serve.py"_s;
    return QFileInfo(script).isFile() ? QDir::cleanPath(QFileInfo(script).absoluteFilePath())
                                      : QString();
}

namespace {

size_t appendBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

} // namespace

Result<ModelServices::HttpReply> ModelServices::http(const QString &url, const QByteArray &body,
                                                     int timeoutMs)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return makeError(ErrorCode::Internal, tr("libcurl could not start a request."));
    const QByteArray address = url.toUtf8();
    HttpReply reply;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl.get(), CURLOPT_URL, address.constData());
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_PROXY, ""); // services are reached directly
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, long(std::min(timeoutMs, 5000)));
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &reply.body);
    struct curl_slist *headers = nullptr;
    if (!body.isNull()) {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    const CURLcode code = curl_easy_perform(curl.get());
    curl_slist_free_all(headers);
    if (code != CURLE_OK)
        return makeError(
            ErrorCode::Io,
            tr("Cannot reach %1: %2")
                .arg(url,
                     QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code))));
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

bool ModelServices::portIsFree(const QString &host, int port)
{
    const QByteArray address = host.toLatin1();
    sockaddr_storage storage = {};
    socklen_t length = 0;
    int family = AF_INET;
    if (auto *v4 = reinterpret_cast<sockaddr_in *>(&storage);
        ::inet_pton(AF_INET, address.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(uint16_t(port));
        length = sizeof(sockaddr_in);
    } else if (auto *v6 = reinterpret_cast<sockaddr_in6 *>(&storage);
               ::inet_pton(AF_INET6, address.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(uint16_t(port));
        length = sizeof(sockaddr_in6);
        family = AF_INET6;
    } else {
        return false; // a name, not an address: serve.py resolves it; we cannot check here
    }
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    const bool free = ::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) == 0;
    ::close(fd);
    return free;
}

} // namespace atelier
