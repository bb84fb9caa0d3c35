#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace atelier {

/// How to run one local process.
struct ProcessSpec
{
    QStringList argv; ///< program and arguments; never passed to a shell
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString stdoutPath;                      ///< created or truncated
    QString stderrPath;                      ///< created or truncated
    qint64 outputCapBytes = 64ll << 20;      ///< per stream; beyond it output is dropped + marker
    int timeoutMs = 0;                       ///< 0: none
    int killGraceMs = 5000;                  ///< between SIGTERM and SIGKILL
    /// The child waits, before it runs argv, until release() (so that the caller can first
    /// record its process group); it exits instead if this process ends before that.
    bool holdUntilReleased = false;
};

/// How a process ended.
struct ProcessOutcome
{
    enum class Kind { Exited, Signalled, TimedOut, Stopped, FailedToStart };
    Kind kind = Kind::FailedToStart;
    int exitCode = -1; ///< Exited: the exit code
    int signal = 0;    ///< Signalled: the signal that ended it
    QString message;   ///< a one-line explanation for the user
    bool stdoutTruncated = false;
    bool stderrTruncated = false;
    qint64 durationMs = 0;
    bool succeeded() const { return kind == Kind::Exited && exitCode == 0; }
};

/// One local process in its own process group (setsid), so that a timeout or a stop ends
/// its whole tree: SIGTERM to the group, SIGKILL after the grace period. Output goes to files
/// through pipes, capped per stream; the cap never blocks the process (excess is drained).
/// Lives on a thread with an event loop.
class LocalProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalProcess)

public:
    explicit LocalProcess(ProcessSpec spec, QObject *parent = nullptr);
    ~LocalProcess() override; ///< kills the group if still running

    void start();
    /// Lets a process started with ProcessSpec::holdUntilReleased run its command.
    void release();
    /// SIGTERM to the group, SIGKILL after the grace period; finished() reports Stopped.
    void stop();
    qint64 pid() const;
    bool isRunning() const;

Q_SIGNALS:
    void started(qint64 pid);
    void finished(const atelier::ProcessOutcome &outcome);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace atelier

Q_DECLARE_METATYPE(atelier::ProcessOutcome)
