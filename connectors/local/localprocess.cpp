#include "local/localprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// "SIGKILL" for 9; glibc knows the abbreviations, we only add the prefix.
QString signalName(int signal)
{
    const char *abbreviation = ::sigabbrev_np(signal);
    if (abbreviation == nullptr)
        return u"SIG?"_s;
    return u"SIG"_s + QString::fromLatin1(abbreviation);
}

/// Registers ProcessOutcome once per program so that queued connections can carry it.
void registerMetaTypes()
{
    static const int id = qRegisterMetaType<atelier::ProcessOutcome>();
    Q_UNUSED(id);
}

/// One captured stream: a file that receives at most `cap` bytes, the rest counted and dropped.
struct Capture
{
    QFile file;
    qint64 written = 0;
    qint64 dropped = 0;
};

} // namespace

struct LocalProcess::Private
{
    enum class Ending { None, TimedOut, Stopped };

    LocalProcess *q = nullptr;
    ProcessSpec spec;
    std::unique_ptr<QProcess> process;
    Capture out;
    Capture err;
    QTimer timeoutTimer;
    QTimer graceTimer;
    QElapsedTimer clock;
    Ending ending = Ending::None;
    qint64 pid = 0;
    int holdFd = -1; ///< the write end of the child's hold pipe, until release()
    bool startCalled = false;
    bool finishedEmitted = false;

    bool running() const { return process && process->state() != QProcess::NotRunning; }

    QString resolveProgram(const QString &program) const;
    bool openCapture(Capture &capture, const QString &path, QString *message);
    void append(Capture &capture, const QByteArray &data);
    void closeCapture(Capture &capture);
    void signalGroup(int signal);
    void terminateGroup(Ending why);
    void killLeftovers();
    void failLater(const QString &message);
    void closeHold();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void emitFinished(ProcessOutcome outcome);
};

QString LocalProcess::Private::resolveProgram(const QString &program) const
{
    if (QDir::isAbsolutePath(program))
        return QFileInfo::exists(program) ? program : QString();
    if (program.contains(u'/')) {
        // Relative to where the process will run, not to where we run.
        const QDir base(spec.workingDirectory.isEmpty() ? QDir::currentPath()
                                                        : spec.workingDirectory);
        const QString path = base.absoluteFilePath(program);
        return QFileInfo::exists(path) ? path : QString();
    }
    // The child's PATH decides, as a shell started with that environment would.
    const QString path = spec.environment.value(u"PATH"_s);
    if (path.isEmpty())
        return QStandardPaths::findExecutable(program);
    return QStandardPaths::findExecutable(program, path.split(u':', Qt::SkipEmptyParts));
}

bool LocalProcess::Private::openCapture(Capture &capture, const QString &path, QString *message)
{
    capture.written = 0;
    capture.dropped = 0;
    if (path.isEmpty())
        return true; // read and dropped
    capture.file.setFileName(path);
    if (capture.file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return true;
    *message = LocalProcess::tr("cannot write the output of '%1' to '%2': %3")
                   .arg(spec.argv.value(0), path, capture.file.errorString());
    return false;
}

void LocalProcess::Private::append(Capture &capture, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    const qint64 room = qMax<qint64>(0, spec.outputCapBytes - capture.written);
    const qint64 keep = qMin<qint64>(room, data.size());
    if (keep > 0 && capture.file.isOpen()) {
        const qint64 n = capture.file.write(data.constData(), keep);
        capture.written += qMax<qint64>(0, n);
        capture.dropped += keep - qMax<qint64>(0, n); // a full disk loses output, not the run
    } else {
        capture.written += keep;
    }
    capture.dropped += data.size() - keep;
}

void LocalProcess::Private::closeCapture(Capture &capture)
{
    if (!capture.file.isOpen())
        return;
    if (capture.dropped > 0) {
        const QString marker = LocalProcess::tr("[atelier: output truncated after %1 bytes; %2 "
                                                "bytes dropped]")
                                   .arg(capture.written)
                                   .arg(capture.dropped);
        capture.file.write(u"\n"_s.append(marker).append(u'\n').toUtf8());
    }
    capture.file.close();
}

void LocalProcess::Private::signalGroup(int signal)
{
    // Only while the leader is ours (not yet reaped): its pid is then also the group's id.
    if (!running() || pid <= 0)
        return;
    // Before the child's setsid() there is no such group yet; the child alone is then the tree.
    if (::kill(-static_cast<pid_t>(pid), signal) != 0 && errno == ESRCH)
        ::kill(static_cast<pid_t>(pid), signal);
}

void LocalProcess::Private::terminateGroup(Ending why)
{
    if (!running() || ending != Ending::None)
        return;
    ending = why;
    timeoutTimer.stop();
    closeHold(); // a child still held exits rather than run
    signalGroup(SIGTERM);
    if (spec.killGraceMs <= 0)
        signalGroup(SIGKILL);
    else
        graceTimer.start(spec.killGraceMs);
}

void LocalProcess::Private::killLeftovers()
{
    // Called right after the leader was reaped: a group with this id still existing can only
    // be the leader's own (a live group keeps its id from being reused), so nothing else is hit.
    if (pid > 0 && ::kill(-static_cast<pid_t>(pid), 0) == 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
}

void LocalProcess::Private::failLater(const QString &message)
{
    timeoutTimer.stop();
    graceTimer.stop();
    closeHold();
    closeCapture(out);
    closeCapture(err);
    ProcessOutcome outcome;
    outcome.kind = ProcessOutcome::Kind::FailedToStart;
    outcome.message = message;
    // Never from inside start(): callers connect after constructing and expect a signal later.
    QMetaObject::invokeMethod(
        q, [this, outcome] { emitFinished(outcome); }, Qt::QueuedConnection);
}

void LocalProcess::Private::closeHold()
{
    if (holdFd >= 0)
        ::close(holdFd);
    holdFd = -1;
}

void LocalProcess::Private::onFinished(int exitCode, QProcess::ExitStatus status)
{
    timeoutTimer.stop();
    graceTimer.stop();
    closeHold();
    append(out, process->readAllStandardOutput());
    append(err, process->readAllStandardError());
    killLeftovers();

    ProcessOutcome outcome;
    outcome.durationMs = clock.elapsed();
    // On Unix a crash exit reports the terminating signal as the exit code.
    if (status == QProcess::NormalExit)
        outcome.exitCode = exitCode;
    else
        outcome.signal = exitCode;
    switch (ending) {
    case Ending::TimedOut:
        outcome.kind = ProcessOutcome::Kind::TimedOut;
        outcome.message =
            LocalProcess::tr("timed out after %1 s").arg(QString::number(spec.timeoutMs / 1000.0));
        break;
    case Ending::Stopped:
        outcome.kind = ProcessOutcome::Kind::Stopped;
        outcome.message = LocalProcess::tr("stopped");
        break;
    case Ending::None:
        if (status == QProcess::NormalExit) {
            outcome.kind = ProcessOutcome::Kind::Exited;
            outcome.message = LocalProcess::tr("exited with code %1").arg(exitCode);
        } else {
            outcome.kind = ProcessOutcome::Kind::Signalled;
            outcome.message =
                LocalProcess::tr("ended by signal %1 (%2)").arg(exitCode).arg(signalName(exitCode));
        }
        break;
    }
    outcome.stdoutTruncated = out.dropped > 0;
    outcome.stderrTruncated = err.dropped > 0;
    closeCapture(out);
    closeCapture(err);
    emitFinished(std::move(outcome));
}

void LocalProcess::Private::emitFinished(ProcessOutcome outcome)
{
    if (finishedEmitted)
        return;
    finishedEmitted = true;
    Q_EMIT q->finished(outcome);
}

LocalProcess::LocalProcess(ProcessSpec spec, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    registerMetaTypes();
    d->q = this;
    d->spec = std::move(spec);
    d->timeoutTimer.setSingleShot(true);
    d->graceTimer.setSingleShot(true);
    connect(&d->timeoutTimer, &QTimer::timeout, this,
            [this] { d->terminateGroup(Private::Ending::TimedOut); });
    connect(&d->graceTimer, &QTimer::timeout, this, [this] { d->signalGroup(SIGKILL); });
}

LocalProcess::~LocalProcess()
{
    if (!d->process)
        return;
    d->process->disconnect(this);
    d->closeHold(); // a held child that was never released exits
    if (d->running()) {
        d->signalGroup(SIGTERM);
        d->signalGroup(SIGKILL);
        // SIGKILL cannot be refused: the wait is for the kernel to reap, not for the child.
        d->process->waitForFinished(5000);
    }
    d->closeCapture(d->out);
    d->closeCapture(d->err);
}

void LocalProcess::start()
{
    if (d->startCalled)
        return;
    d->startCalled = true;
    d->clock.start();

    if (d->spec.argv.isEmpty() || d->spec.argv.first().isEmpty()) {
        d->failLater(tr("nothing to run: the command is empty"));
        return;
    }
    const QString name = d->spec.argv.first();
    if (!d->spec.workingDirectory.isEmpty() && !QFileInfo(d->spec.workingDirectory).isDir()) {
        d->failLater(tr("cannot run '%1': the working directory '%2' does not exist")
                         .arg(name, d->spec.workingDirectory));
        return;
    }
    const QString program = d->resolveProgram(name);
    if (program.isEmpty()) {
        d->failLater(tr("cannot run '%1': not found").arg(name));
        return;
    }
    QString message;
    if (!d->openCapture(d->out, d->spec.stdoutPath, &message) ||
        !d->openCapture(d->err, d->spec.stderrPath, &message)) {
        d->failLater(message);
        return;
    }

    d->process = std::make_unique<QProcess>();
    QProcess *process = d->process.get();
    // The hold: before it runs argv, the child waits for one line on its standard input, a
    // socket whose other end only we hold (close-on-exec), so it reads EOF and exits, without
    // running anything, when we end before release(): a runner killed before it recorded the
    // child's group leaves nothing running that nobody knows of. QProcess forks with vfork
    // semantics (we are suspended until the child execs), so the wait cannot be in the child
    // modifier: the child execs a fixed /bin/sh script that waits, then execs argv with
    // /dev/null as its input. argv only travels as the script's positional parameters ("$@"),
    // never as shell text.
    int hold[2] = {-1, -1};
    if (d->spec.holdUntilReleased &&
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, hold) != 0) {
        d->failLater(
            tr("cannot run '%1': %2").arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    d->holdFd = hold[1];
    if (hold[0] >= 0) {
        static const QString kHoldScript = u"read -r go || exit 127; exec \"$@\" </dev/null"_s;
        process->setProgram(u"/bin/sh"_s);
        process->setArguments(QStringList{u"-c"_s, kHoldScript, u"atelier-hold"_s, program} +
                              d->spec.argv.mid(1));
    } else {
        process->setProgram(program);
        process->setArguments(d->spec.argv.mid(1));
    }
    process->setProcessEnvironment(d->spec.environment);
    if (!d->spec.workingDirectory.isEmpty())
        process->setWorkingDirectory(d->spec.workingDirectory);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setChildProcessModifier([readEnd = hold[0]] {
        // In the child, between fork and exec: only async-signal-safe calls.
        ::setsid(); // a new session and process group whose id is the child's pid
        struct sigaction action;
        std::memset(&action, 0, sizeof action);
        action.sa_handler = SIG_DFL;
        ::sigaction(SIGPIPE, &action, nullptr); // the parent ignores it; the child should not
        if (readEnd >= 0)
            ::dup2(readEnd, STDIN_FILENO); // the hold script's input (dup2 clears close-on-exec)
    });

    connect(process, &QProcess::readyReadStandardOutput, this,
            [this] { d->append(d->out, d->process->readAllStandardOutput()); });
    connect(process, &QProcess::readyReadStandardError, this,
            [this] { d->append(d->err, d->process->readAllStandardError()); });
    connect(process, &QProcess::started, this, [this] {
        d->pid = d->process->processId();
        Q_EMIT started(d->pid);
    });
    connect(process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { d->onFinished(exitCode, status); });
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Other errors (a crash, a failed read) are followed by finished(); this one is not.
        if (error == QProcess::FailedToStart)
            d->failLater(
                tr("cannot run '%1': %2").arg(d->spec.argv.first(), d->process->errorString()));
    });

    process->start(QIODevice::ReadOnly);
    if (hold[0] >= 0)
        ::close(hold[0]); // the child's end
    d->pid = process->processId();
    if (d->pid <= 0)
        d->closeHold();
    if (d->spec.timeoutMs > 0 && d->running())
        d->timeoutTimer.start(d->spec.timeoutMs);
}

void LocalProcess::release()
{
    if (d->holdFd < 0)
        return;
    // MSG_NOSIGNAL: a child that is gone already must not take us with SIGPIPE.
    const char go = '\n';
    while (::send(d->holdFd, &go, 1, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
    d->closeHold();
}

void LocalProcess::stop()
{
    d->terminateGroup(Private::Ending::Stopped);
}

qint64 LocalProcess::pid() const
{
    return d->pid;
}

bool LocalProcess::isRunning() const
{
    return d->running();
}

} // namespace atelier
