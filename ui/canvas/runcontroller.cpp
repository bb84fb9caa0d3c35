#include "canvas/runcontroller.h"

#include "catalog/database.h"
#include "common/background.h"
#include "core/leftovers.h"
#include "core/logtail.h"
#include "core/workspace.h"
#include "launch/runlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kPollMs = 700;
/// Polls without a run in the catalog before a live process is given up on (about a minute).
constexpr int kMaxMissedPolls = 90;

struct Poll
{
    QString error;
    QString processOutput; ///< the last lines the process wrote, when no run was found
    bool found = false;
    RunRecord run;
    QList<TaskRecord> tasks;
};

bool finishedState(const QString &state)
{
    return state == u"succeeded"_s || state == u"failed"_s || state == u"stopped"_s;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

QString lastLines(const QString &path)
{
    const QList<QByteArray> lines = LogTail::lines(path);
    QStringList last;
    for (qsizetype i = std::max<qsizetype>(0, lines.size() - 3); i < lines.size(); ++i) {
        // The command line marks its messages "atelier: "; in the GUI that is noise.
        const QByteArray &line = lines.at(i);
        last.append(QString::fromUtf8(line.startsWith("atelier: ") ? line.mid(9) : line));
    }
    return last.join(u' ');
}

} // namespace

RunController::RunController(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &RunController::poll);
}

RunController::~RunController()
{
    if (!m_logFile.isEmpty())
        QFile::remove(m_logFile);
}

void RunController::setWorkspace(const QString &workspaceRoot)
{
    if (workspaceRoot == m_root)
        return;
    m_root = workspaceRoot;
    m_timer->stop();
    m_active = false;
    m_runId.clear();
    m_run = RunRecord();
    m_tasks.clear();
}

QString RunController::atelierBinary() const
{
    return m_binary.isEmpty() ? QCoreApplication::applicationFilePath() : m_binary;
}

LaunchOptions RunController::options(const QString &slug, Mode mode, const QString &node)
{
    LaunchOptions options;
    options.pipeline = slug;
    if (mode == Mode::From)
        options.fromNode = node;
    else if (mode == Mode::Only)
        options.onlyNode = node;
    return options;
}

QStringList RunController::arguments(const QString &slug, Mode mode, const QString &node) const
{
    return options(slug, mode, node).arguments(m_root);
}

void RunController::start(const QString &slug, Mode mode, const QString &node)
{
    if (m_active) {
        Q_EMIT failed(tr("A run started here is still going; wait for it or stop it first."));
        return;
    }
    if (m_root.isEmpty() || slug.isEmpty()) {
        Q_EMIT failed(tr("Save the pipeline first: a run uses the saved version."));
        return;
    }
    if (mode != Mode::All && node.isEmpty()) {
        Q_EMIT failed(tr("Select one node to run from, or to run alone."));
        return;
    }
    m_active = true;
    m_slug = slug;
    m_runId.clear();
    m_run = RunRecord();
    m_tasks.clear();
    const LaunchOptions launch = options(slug, mode, node);
    // The runs that exist now, so the new one can be told apart when it appears; and a file
    // for what the process says before its run is recorded.
    struct Prepared
    {
        QSet<QString> known;
        QString logFile;
    };
    using Known = Result<Prepared>;
    runInBackground(
        this,
        [root = m_root, slug, logFile = m_logFile]() -> Known {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            auto runs = RunStore(workspace->catalog()).runs(1000, slug);
            if (!runs)
                return runs.error();
            Prepared prepared;
            for (const RunRecord &run : runs.value())
                prepared.known.insert(run.id);
            prepared.logFile = logFile;
            if (prepared.logFile.isEmpty()) {
                QTemporaryFile log(QDir::temp().filePath(u"atelier-run-XXXXXX.log"_s));
                log.setAutoRemove(false);
                if (log.open())
                    prepared.logFile = log.fileName();
            }
            return prepared;
        },
        [this, slug, launch](const Known &known) {
            if (!known) {
                m_active = false;
                Q_EMIT failed(known.error().message);
                return;
            }
            if (m_logFile.isEmpty())
                m_logFile = known->logFile;
            startProcess(slug, launch, known->known);
        });
}

void RunController::startProcess(const QString &slug, const LaunchOptions &launch,
                                 const QSet<QString> &known)
{
    m_knownRuns = known;
    const Result<qint64> pid =
        RunLauncher::startDetached(atelierBinary(), m_root, launch, m_logFile);
    if (!pid) {
        m_active = false;
        Q_EMIT failed(pid.error().message);
        return;
    }
    m_pid = pid.value();
    m_slug = slug;
    m_missedPolls = 0;
    m_timer->start();
}

void RunController::follow(const QString &runId)
{
    m_runId = runId;
    m_pid = 0;
    m_active = true;
    m_missedPolls = 0;
    m_timer->start();
    poll();
}

void RunController::poll()
{
    if (m_polling || !m_active)
        return;
    m_polling = true;
    runInBackground(
        this,
        [root = m_root, slug = m_slug, runId = m_runId, known = m_knownRuns,
         logFile = m_logFile]() -> Poll {
            Poll result;
            auto workspace = Workspace::open(root);
            if (!workspace) {
                result.error = workspace.error().message;
                return result;
            }
            RunStore store(workspace->catalog());
            QString id = runId;
            if (id.isEmpty()) {
                auto runs = store.runs(20, slug);
                if (!runs) {
                    result.error = runs.error().message;
                    return result;
                }
                for (const RunRecord &run : runs.value()) {
                    if (!known.contains(run.id)) {
                        id = run.id;
                        break;
                    }
                }
                if (id.isEmpty()) {
                    result.processOutput = lastLines(logFile);
                    return result; // not recorded yet
                }
            }
            auto run = store.run(id);
            auto tasks = store.tasks(id);
            if (!run || !tasks) {
                result.error = !run ? run.error().message : tasks.error().message;
                return result;
            }
            result.found = true;
            result.run = run.value();
            result.tasks = tasks.value();
            return result;
        },
        [this](const Poll &poll) {
            m_polling = false;
            if (!m_active)
                return;
            if (!poll.found) {
                ++m_missedPolls;
                const bool gone = m_pid > 0 && !processAlive(m_pid);
                if (gone || m_missedPolls > kMaxMissedPolls || !poll.error.isEmpty()) {
                    m_timer->stop();
                    m_active = false;
                    QString reason = poll.error;
                    if (reason.isEmpty())
                        reason = poll.processOutput;
                    if (reason.isEmpty())
                        reason = tr("the run process ended before it recorded a run");
                    Q_EMIT failed(tr("The run did not start: %1").arg(reason));
                }
                return;
            }
            const bool first = m_runId.isEmpty() || m_run.id != poll.run.id;
            m_runId = poll.run.id;
            m_run = poll.run;
            m_tasks = poll.tasks;
            if (first)
                Q_EMIT runStarted(m_runId);
            Q_EMIT updated(m_run, m_tasks);
            if (finishedState(m_run.state)) {
                m_timer->stop();
                m_active = false;
                Q_EMIT finished(m_run);
            }
        });
}

void RunController::stop()
{
    if (!m_active)
        return;
    if (m_runId.isEmpty()) {
        // Not recorded yet: end the process; it records nothing more.
        if (m_pid > 0)
            ::kill(pid_t(m_pid), SIGTERM);
        return;
    }
    runInBackground(
        this,
        [root = m_root, runId = m_runId]() -> Status {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            // As `runs stop`: a run whose runner was killed has its remains ended.
            if (auto stopped = Leftovers::stopRun(workspace->catalog(), runId); !stopped)
                return stopped.error();
            return {};
        },
        [this](const Status &asked) {
            if (!asked)
                Q_EMIT failed(asked.error().message);
        });
}

} // namespace atelier
