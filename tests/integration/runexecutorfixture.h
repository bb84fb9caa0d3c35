#pragma once

// What tst_runexecutor and tst_runexecutorcache share: helpers that run pipelines of `shell`
// nodes through RunExecutor and LocalConnector as real bash processes and read back what the
// scripts wrote down. Included by one test file per executable, so the unnamed namespace and
// the inline definitions are each compiled once per test.
#include "catalog/database.h"
#include "core/workspace.h"
#include "local/localconnector.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/runexecutor.h"
#include "pipeline/templatelibrary.h"
#include "runs/runstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

#include <cerrno>
#include <signal.h>
#include <sys/types.h>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 30000;
constexpr qint64 kPlentyOfMemoryMb = 1 << 16;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

/// Whether \a pid names a process that can still run: gone (ESRCH) and zombies count as dead.
bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0)
        return errno != ESRCH;
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

/// A `shell@1.0` node running \a script.
NodeSpec shellNode(const QString &id, const QString &script)
{
    NodeSpec node;
    node.id = id;
    node.templateRef = u"shell@1.0"_s;
    node.params.insert(u"script"_s, script);
    return node;
}

/// \a body between two timestamps the script writes into its task folder (`start`, `end`).
QString timed(const QString &body)
{
    return u"date +%s.%N > \"$ATELIER_TASK_DIR/start\"\n"_s + body +
           u"\ndate +%s.%N > \"$ATELIER_TASK_DIR/end\"\n"_s;
}

EdgeSpec link(const QString &from, const QString &to, const QString &toPort = u"in"_s)
{
    return EdgeSpec{from, u"out"_s, to, toPort};
}

/// One node's interval as its script measured it.
struct Interval
{
    double start = 0;
    double end = 0;
};

/// The most intervals open at one instant (an end and a start at the same time do not overlap).
int maxOverlap(const QList<Interval> &intervals)
{
    QList<QPair<double, int>> events;
    for (const Interval &interval : intervals) {
        events.append({interval.start, +1});
        events.append({interval.end, -1});
    }
    std::sort(events.begin(), events.end());
    int open = 0;
    int most = 0;
    for (const auto &event : std::as_const(events)) {
        open += event.second;
        most = std::max(most, open);
    }
    return most;
}

/// What one run did, as the executor announced it.
struct RunResult
{
    bool started = false;
    bool finished = false;
    QString error;
    ErrorCode errorCode = ErrorCode::Internal;
    QString runId;
    QString state;
    qint64 elapsedMs = 0;
    QList<TaskRecord> changes;       ///< every taskChanged, in order
    QMap<QString, TaskRecord> tasks; ///< node → final record (executor.tasks())

    TaskRecord task(const QString &node) const { return tasks.value(node); }
    QString stateOf(const QString &node) const { return tasks.value(node).state; }
};

} // namespace

/// The workspace, templates and helpers both RunExecutor test classes share: a fresh
/// workspace per test with the built-in templates and `pair`, and execute() to run a request
/// to its end.
class RunExecutorFixture : public QObject
{
protected:
    /// Checks the built-in templates are found (call from initTestCase()).
    void checkBuiltinTemplates();
    /// A fresh workspace and template library (call from init()).
    void setUpWorkspace();
    void tearDownWorkspace();
    /// Runs \a request to its end; \a whileRunning is called once the run started.
    RunResult execute(RunRequest request, Connector &connector,
                      const std::function<void(RunExecutor &)> &whileRunning = {});
    RunRequest requestFor(const PipelineDocument &doc, const QString &key = u"test"_s) const;
    QString taskDir(const QString &runId, const QString &node) const;
    Interval intervalOf(const QString &runId, const QString &node) const;
    /// How often each node appended its id to the marks file.
    QMap<QString, int> marks() const;
    QString marksPath() const { return m_dir->filePath(u"marks"_s); }
    /// Appends this node's id to the marks file (a count of real executions).
    QString markLine() const { return u"echo \"$ATELIER_TASK_ID\" >> '%1'\n"_s.arg(marksPath()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    TemplateLibrary m_library;
};

inline void RunExecutorFixture::checkBuiltinTemplates()
{
    const QString builtin = TemplateLibrary::builtinDirectory();
    QVERIFY2(QFileInfo(builtin + u"/shell/template.json"_s).isFile(), qPrintable(builtin));
}

inline void RunExecutorFixture::setUpWorkspace()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto created = Workspace::create(m_dir->filePath(u"ws"_s), {});
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_workspace = std::make_unique<Workspace>(std::move(created).value());

    // The built-in library plus `pair`: a shell script with two inputs, for a diamond.
    const QString own = m_dir->filePath(u"templates/pair"_s);
    QVERIFY(QDir().mkpath(own));
    QVERIFY(writeFile(own + u"/template.json"_s, R"({
  "id": "pair", "version": "1.0", "name": "Pair", "category": "Test",
  "description": "A bash script with two inputs.",
  "inputs": [{"name": "left", "type": "any"}, {"name": "right", "type": "any"}],
  "outputs": [{"name": "out", "type": "directory"}],
  "params": [{"name": "script", "type": "text", "required": true}],
  "command": ["bash", "-c", "{params.script}"],
  "resources": {"cpus": 1, "memory_mb": 512, "gpus": 0},
  "requires": []
})"));
    m_library = TemplateLibrary();
    m_library.addDirectory(TemplateLibrary::builtinDirectory());
    m_library.addDirectory(m_dir->filePath(u"templates"_s));
    for (const Error &problem : m_library.loadErrors())
        qWarning() << problem.message;
    QVERIFY(m_library.resolve(u"shell@1.0"_s).ok());
    QVERIFY(m_library.resolve(u"pair@1.0"_s).ok());
}

inline void RunExecutorFixture::tearDownWorkspace()
{
    m_workspace.reset();
    m_dir.reset();
}

inline RunRequest RunExecutorFixture::requestFor(const PipelineDocument &doc,
                                                 const QString &key) const
{
    RunRequest request;
    request.workspaceRoot = m_workspace->root();
    request.pipelineKey = key;
    request.document = doc;
    request.retryBackoffMs = 50;
    request.stopPollMs = 100;
    return request;
}

inline RunResult RunExecutorFixture::execute(RunRequest request, Connector &connector,
                                             const std::function<void(RunExecutor &)> &whileRunning)
{
    RunResult result;
    RunExecutor executor(m_workspace->catalog(), m_library, connector);
    connect(&executor, &RunExecutor::taskChanged, this,
            [&result](const TaskRecord &task) { result.changes.append(task); });
    QSignalSpy finished(&executor, &RunExecutor::finished);
    QElapsedTimer clock;
    clock.start();
    auto started = executor.start(request);
    if (!started) {
        result.error = started.error().message;
        result.errorCode = started.error().code;
        // Nothing may follow a refusal.
        QTest::qWait(50);
        result.finished = !finished.isEmpty();
        return result;
    }
    result.started = true;
    result.runId = started.value();
    if (whileRunning)
        whileRunning(executor);
    result.finished = !finished.isEmpty() || finished.wait(kRunTimeoutMs);
    result.elapsedMs = clock.elapsed();
    if (result.finished) {
        result.state = finished.first().at(1).toString();
        if (finished.first().at(0).toString() != result.runId)
            result.state = u"<finished announced another run>"_s;
    } else {
        executor.stop();
        finished.wait(10000);
    }
    for (const TaskRecord &task : executor.tasks())
        result.tasks.insert(task.nodeId, task);
    // A second finished() would be a bug; give it a moment to show up.
    QTest::qWait(20);
    if (finished.size() > 1)
        result.state = u"<finished twice>"_s;
    return result;
}

inline QString RunExecutorFixture::taskDir(const QString &runId, const QString &node) const
{
    return QDir(m_workspace->runsPath()).filePath(runId + u'/' + node);
}

inline Interval RunExecutorFixture::intervalOf(const QString &runId, const QString &node) const
{
    const QString dir = taskDir(runId, node);
    return Interval{readFile(dir + u"/start"_s).trimmed().toDouble(),
                    readFile(dir + u"/end"_s).trimmed().toDouble()};
}

inline QMap<QString, int> RunExecutorFixture::marks() const
{
    QMap<QString, int> counts;
    const QList<QByteArray> lines = readFile(marksPath()).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            counts[QString::fromUtf8(line.trimmed())] += 1;
    }
    return counts;
}
