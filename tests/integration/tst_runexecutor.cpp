// Runs pipelines of `shell` nodes through RunExecutor and LocalConnector as real bash processes,
// and checks order, parallelism, retries, timeouts, stops, skips, the output cache, partial runs
// and the catalog against what the scripts themselves wrote down (DESIGN.md, "Task states").
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

class TestRunExecutor : public QObject
{
    Q_OBJECT

private:
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

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void diamondOrderAndInputs();
    void parallelismLimit();
    void parallelismWide();
    void taskLargerThanPoolFails();
    void retryThenSuccess();
    void retriesExhausted();
    void timeoutKillsGrandchildren();
    void stopRunningTask();
    void stopThroughCatalog();
    void stopDuringRetryBackoff();
    void skipPropagates();
    void dryRunDecidesAndTouchesNothing();
    void outputCache();
    void fromAndOnly();
    void onlyWithoutEarlierRunIsRefused();
    void environmentAndSubstitutions();
    void outputCap();
    void catalogMatchesSignals();
};

void TestRunExecutor::initTestCase()
{
    const QString builtin = TemplateLibrary::builtinDirectory();
    QVERIFY2(QFileInfo(builtin + u"/shell/template.json"_s).isFile(), qPrintable(builtin));
}

void TestRunExecutor::init()
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

void TestRunExecutor::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

RunRequest TestRunExecutor::requestFor(const PipelineDocument &doc, const QString &key) const
{
    RunRequest request;
    request.workspaceRoot = m_workspace->root();
    request.pipelineKey = key;
    request.document = doc;
    request.retryBackoffMs = 50;
    request.stopPollMs = 100;
    return request;
}

RunResult TestRunExecutor::execute(RunRequest request, Connector &connector,
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

QString TestRunExecutor::taskDir(const QString &runId, const QString &node) const
{
    return QDir(m_workspace->runsPath()).filePath(runId + u'/' + node);
}

Interval TestRunExecutor::intervalOf(const QString &runId, const QString &node) const
{
    const QString dir = taskDir(runId, node);
    return Interval{readFile(dir + u"/start"_s).trimmed().toDouble(),
                    readFile(dir + u"/end"_s).trimmed().toDouble()};
}

QMap<QString, int> TestRunExecutor::marks() const
{
    QMap<QString, int> counts;
    const QList<QByteArray> lines = readFile(marksPath()).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            counts[QString::fromUtf8(line.trimmed())] += 1;
    }
    return counts;
}

void TestRunExecutor::diamondOrderAndInputs()
{
    PipelineDocument doc;
    doc.name = u"Diamond"_s;
    doc.nodes = {
        shellNode(u"a"_s, timed(u"sleep 0.2; echo A > \"$ATELIER_OUTPUT_OUT/v.txt\""_s)),
        shellNode(u"b"_s, timed(u"sleep 0.3; echo \"B($(cat \"$ATELIER_INPUT_IN/v.txt\"))\" > "
                                u"\"$ATELIER_OUTPUT_OUT/v.txt\""_s)),
        shellNode(u"c"_s, timed(u"sleep 0.5; echo \"C($(cat \"$ATELIER_INPUT_IN/v.txt\"))\" > "
                                u"\"$ATELIER_OUTPUT_OUT/v.txt\""_s)),
    };
    NodeSpec d;
    d.id = u"d"_s;
    d.templateRef = u"pair@1.0"_s;
    d.params.insert(u"script"_s,
                    timed(u"cat \"$ATELIER_INPUT_LEFT/v.txt\" \"$ATELIER_INPUT_RIGHT/v.txt\" > "
                          u"\"$ATELIER_OUTPUT_OUT/v.txt\""_s));
    doc.nodes.append(d);
    doc.edges = {link(u"a"_s, u"b"_s), link(u"a"_s, u"c"_s), link(u"b"_s, u"d"_s, u"left"_s),
                 link(u"c"_s, u"d"_s, u"right"_s)};

    LocalConnector connector(PoolCapacity{4, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY(run.finished);
    QCOMPARE(run.state, u"succeeded"_s);
    for (const QString &node : {u"a"_s, u"b"_s, u"c"_s, u"d"_s}) {
        QCOMPARE(run.stateOf(node), u"succeeded"_s);
        QCOMPARE(run.task(node).attempts, 1);
        QCOMPARE(run.task(node).exitCode, std::optional<int>(0));
    }

    const Interval a = intervalOf(run.runId, u"a"_s);
    const Interval b = intervalOf(run.runId, u"b"_s);
    const Interval c = intervalOf(run.runId, u"c"_s);
    const Interval dt = intervalOf(run.runId, u"d"_s);
    for (const Interval &interval : {a, b, c, dt})
        QVERIFY(interval.start > 0 && interval.end >= interval.start);
    QVERIFY2(b.start >= a.end, "b started before a ended");
    QVERIFY2(c.start >= a.end, "c started before a ended");
    QVERIFY2(dt.start >= b.end, "d started before b ended");
    QVERIFY2(dt.start >= c.end, "d started before c ended");
    QVERIFY2(b.start < c.end && c.start < b.end, "b and c did not run side by side");

    const QString result =
        QString::fromUtf8(readFile(run.task(u"d"_s).outputsDir + u"/out/v.txt"_s));
    QCOMPARE(result, u"B(A)\nC(A)\n"_s);
}

void TestRunExecutor::parallelismLimit()
{
    PipelineDocument doc;
    doc.name = u"Six"_s;
    for (int i = 0; i < 6; ++i)
        doc.nodes.append(shellNode(u"n%1"_s.arg(i), timed(u"sleep 0.4"_s)));
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"succeeded"_s);

    QList<Interval> intervals;
    for (int i = 0; i < 6; ++i)
        intervals.append(intervalOf(run.runId, u"n%1"_s.arg(i)));
    QCOMPARE(maxOverlap(intervals), 2);
    double first = intervals.first().start;
    double last = intervals.first().end;
    for (const Interval &interval : std::as_const(intervals)) {
        first = std::min(first, interval.start);
        last = std::max(last, interval.end);
    }
    QVERIFY2(last - first >= 1.2, qPrintable(u"6 × 0.4 s on 2 CPUs took %1 s"_s.arg(last - first)));
}

void TestRunExecutor::parallelismWide()
{
    PipelineDocument doc;
    doc.name = u"Six"_s;
    for (int i = 0; i < 6; ++i)
        doc.nodes.append(shellNode(u"n%1"_s.arg(i), timed(u"sleep 0.4"_s)));
    LocalConnector connector(PoolCapacity{6, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"succeeded"_s);
    QList<Interval> intervals;
    for (int i = 0; i < 6; ++i)
        intervals.append(intervalOf(run.runId, u"n%1"_s.arg(i)));
    const int overlap = maxOverlap(intervals);
    QVERIFY2(overlap >= 4, qPrintable(u"at most %1 ran at once"_s.arg(overlap)));
}

void TestRunExecutor::taskLargerThanPoolFails()
{
    PipelineDocument doc;
    doc.name = u"Too big"_s;
    NodeSpec big = shellNode(u"big"_s, markLine());
    big.resources.insert(u"cpus"_s, 8);
    doc.nodes = {big, shellNode(u"below"_s, markLine()), shellNode(u"other"_s, markLine())};
    doc.edges = {link(u"big"_s, u"below"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"failed"_s);
    QCOMPARE(run.stateOf(u"big"_s), u"failed"_s);
    const QString message = run.task(u"big"_s).message;
    QVERIFY2(message.contains(QRegularExpression(u"\\b8\\b"_s)), qPrintable(message));
    QVERIFY2(message.contains(QRegularExpression(u"\\b2\\b"_s)), qPrintable(message));
    QCOMPARE(run.task(u"big"_s).attempts, 0);
    QCOMPARE(run.stateOf(u"below"_s), u"skipped"_s);
    QCOMPARE(run.stateOf(u"other"_s), u"succeeded"_s);
    const QMap<QString, int> counts = marks();
    QCOMPARE(counts.value(u"big"_s), 0);
    QCOMPARE(counts.value(u"below"_s), 0);
    QCOMPARE(counts.value(u"other"_s), 1);
}

void TestRunExecutor::retryThenSuccess()
{
    PipelineDocument doc;
    doc.name = u"Retry"_s;
    NodeSpec flaky = shellNode(u"flaky"_s, u"if [ ! -e \"$ATELIER_TASK_DIR/tried\" ]; then\n"
                                           u"  touch \"$ATELIER_TASK_DIR/tried\"\n"
                                           u"  echo first attempt; echo oops >&2; exit 3\n"
                                           u"fi\n"
                                           u"echo second attempt\n"_s);
    flaky.retries = 2;
    doc.nodes = {flaky, shellNode(u"after"_s, markLine())};
    doc.edges = {link(u"flaky"_s, u"after"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"succeeded"_s);
    const TaskRecord task = run.task(u"flaky"_s);
    QCOMPARE(task.state, u"succeeded"_s);
    QCOMPARE(task.attempts, 2);
    QCOMPARE(task.exitCode, std::optional<int>(0));
    QCOMPARE(run.stateOf(u"after"_s), u"succeeded"_s);

    // The retry was announced as queued, with the failed attempt's reason.
    bool announced = false;
    for (const TaskRecord &change : run.changes) {
        if (change.nodeId == u"flaky"_s && change.state == u"queued"_s)
            announced = change.message.contains(u"3"_s);
    }
    QVERIFY(announced);

    const QString dir = taskDir(run.runId, u"flaky"_s);
    QCOMPARE(readFile(dir + u"/stdout.attempt1.log"_s), QByteArray("first attempt\n"));
    QCOMPARE(readFile(dir + u"/stderr.attempt1.log"_s), QByteArray("oops\n"));
    QCOMPARE(readFile(dir + u"/stdout.log"_s), QByteArray("second attempt\n"));
    QCOMPARE(readFile(dir + u"/stderr.log"_s), QByteArray());
}

void TestRunExecutor::retriesExhausted()
{
    PipelineDocument doc;
    doc.name = u"Hopeless"_s;
    NodeSpec bad = shellNode(u"bad"_s, markLine() + u"exit 4\n"_s);
    bad.retries = 1;
    doc.nodes = {bad, shellNode(u"after"_s, markLine()), shellNode(u"last"_s, markLine())};
    doc.edges = {link(u"bad"_s, u"after"_s), link(u"after"_s, u"last"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"failed"_s);
    const TaskRecord task = run.task(u"bad"_s);
    QCOMPARE(task.state, u"failed"_s);
    QCOMPARE(task.attempts, 2);
    QCOMPARE(task.exitCode, std::optional<int>(4));
    QVERIFY2(task.message.contains(u"4"_s), qPrintable(task.message));
    QCOMPARE(run.stateOf(u"after"_s), u"skipped"_s);
    QCOMPARE(run.stateOf(u"last"_s), u"skipped"_s);
    QVERIFY(run.task(u"after"_s).message.contains(u"bad"_s));
    const QMap<QString, int> counts = marks();
    QCOMPARE(counts.value(u"bad"_s), 2);
    QCOMPARE(counts.value(u"after"_s), 0);
    QCOMPARE(counts.value(u"last"_s), 0);
    QVERIFY(QFileInfo::exists(taskDir(run.runId, u"bad"_s) + u"/stdout.attempt1.log"_s));
}

void TestRunExecutor::timeoutKillsGrandchildren()
{
    PipelineDocument doc;
    doc.name = u"Slow"_s;
    NodeSpec slow =
        shellNode(u"slow"_s, u"sleep 300 & echo $! > \"$ATELIER_TASK_DIR/child.pid\"; sleep 300"_s);
    slow.timeoutS = 1;
    doc.nodes = {slow, shellNode(u"after"_s, markLine())};
    doc.edges = {link(u"slow"_s, u"after"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"failed"_s);
    QVERIFY2(run.elapsedMs < 5000, qPrintable(u"took %1 ms"_s.arg(run.elapsedMs)));
    QVERIFY2(run.elapsedMs >= 900, qPrintable(u"took %1 ms"_s.arg(run.elapsedMs)));
    const TaskRecord task = run.task(u"slow"_s);
    QCOMPARE(task.state, u"failed"_s);
    QVERIFY2(task.message.contains(u"timed out"_s), qPrintable(task.message));
    QCOMPARE(run.stateOf(u"after"_s), u"skipped"_s);

    const qint64 child =
        readFile(taskDir(run.runId, u"slow"_s) + u"/child.pid"_s).trimmed().toLongLong();
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(child), 2000);
    QVERIFY(task.jobId.toLongLong() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(task.jobId.toLongLong()), 2000);
}

void TestRunExecutor::stopRunningTask()
{
    PipelineDocument doc;
    doc.name = u"Long"_s;
    doc.nodes = {shellNode(u"long"_s, u"echo $$ > \"$ATELIER_TASK_DIR/pid\"; sleep 30"_s),
                 shellNode(u"after"_s, markLine()), shellNode(u"later"_s, markLine())};
    doc.edges = {link(u"long"_s, u"after"_s), link(u"after"_s, u"later"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    qint64 pid = 0;
    QElapsedTimer sinceStop;
    RunRequest request = requestFor(doc);
    const RunResult run = execute(request, connector, [&](RunExecutor &executor) {
        const QString pidFile =
            QDir(m_workspace->runsPath()).filePath(executor.runId() + u"/long/pid"_s);
        QTRY_VERIFY_WITH_TIMEOUT(readFile(pidFile).trimmed().toLongLong() > 0, 10000);
        pid = readFile(pidFile).trimmed().toLongLong();
        QCOMPARE(executor.state(), u"running"_s);
        sinceStop.start();
        executor.stop();
    });
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY(pid > 0);
    QVERIFY(run.finished);
    QVERIFY(sinceStop.isValid());
    QVERIFY2(sinceStop.elapsed() < 3000, qPrintable(u"%1 ms"_s.arg(sinceStop.elapsed())));
    QCOMPARE(run.state, u"stopped"_s);
    QCOMPARE(run.stateOf(u"long"_s), u"stopped"_s);
    QCOMPARE(run.stateOf(u"after"_s), u"stopped"_s);
    QCOMPARE(run.stateOf(u"later"_s), u"stopped"_s);
    QVERIFY(marks().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(pid), 2000);

    RunStore store(m_workspace->catalog());
    auto record = store.run(run.runId);
    QVERIFY(record.ok());
    QCOMPARE(record->state, u"stopped"_s);
}

void TestRunExecutor::stopThroughCatalog()
{
    PipelineDocument doc;
    doc.name = u"Long"_s;
    doc.nodes = {shellNode(u"long"_s, u"echo $$ > \"$ATELIER_TASK_DIR/pid\"; sleep 30"_s),
                 shellNode(u"after"_s, markLine())};
    doc.edges = {link(u"long"_s, u"after"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    QElapsedTimer sinceRequest;
    RunRequest request = requestFor(doc);
    request.stopPollMs = 100;
    const RunResult run = execute(request, connector, [&](RunExecutor &executor) {
        const QString pidFile =
            QDir(m_workspace->runsPath()).filePath(executor.runId() + u"/long/pid"_s);
        QTRY_VERIFY_WITH_TIMEOUT(readFile(pidFile).trimmed().toLongLong() > 0, 10000);
        // Another connection, as `atelier runs stop` in another process would have.
        auto other = Database::open(m_workspace->catalogPath(), Database::Mode::ReadWrite);
        QVERIFY2(other.ok(), other.ok() ? "" : qPrintable(other.error().message));
        RunStore store(*other.value());
        sinceRequest.start();
        const Status asked = store.requestStop(executor.runId());
        QVERIFY2(asked.ok(), asked.ok() ? "" : qPrintable(asked.error().message));
    });
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY(sinceRequest.isValid());
    QVERIFY(run.finished);
    QVERIFY2(sinceRequest.elapsed() < 1500,
             qPrintable(u"noticed after %1 ms"_s.arg(sinceRequest.elapsed())));
    QCOMPARE(run.state, u"stopped"_s);
    QCOMPARE(run.stateOf(u"long"_s), u"stopped"_s);
    QCOMPARE(run.stateOf(u"after"_s), u"stopped"_s);

    // A finished run cannot be asked to stop again.
    RunStore store(m_workspace->catalog());
    const Status again = store.requestStop(run.runId);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
}

void TestRunExecutor::stopDuringRetryBackoff()
{
    PipelineDocument doc;
    doc.name = u"Backoff"_s;
    NodeSpec bad = shellNode(u"bad"_s, markLine() + u"exit 1\n"_s);
    bad.retries = 3;
    doc.nodes = {bad, shellNode(u"after"_s, markLine())};
    doc.edges = {link(u"bad"_s, u"after"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    RunRequest request = requestFor(doc);
    request.retryBackoffMs = 5000;
    QElapsedTimer sinceStop;
    const RunResult run = execute(request, connector, [&](RunExecutor &executor) {
        auto waiting = [&executor] {
            for (const TaskRecord &task : executor.tasks()) {
                if (task.nodeId == u"bad"_s)
                    return task.state == u"queued"_s && task.attempts == 1;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), 10000);
        sinceStop.start();
        executor.stop();
    });
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY(sinceStop.isValid());
    QVERIFY(run.finished);
    QVERIFY2(sinceStop.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(sinceStop.elapsed())));
    QCOMPARE(run.state, u"stopped"_s);
    QCOMPARE(run.stateOf(u"bad"_s), u"stopped"_s);
    QCOMPARE(run.task(u"bad"_s).attempts, 1);
    QCOMPARE(run.stateOf(u"after"_s), u"stopped"_s);
    // Nothing ran after the stop.
    QCOMPARE(marks().value(u"bad"_s), 1);
}

void TestRunExecutor::skipPropagates()
{
    PipelineDocument doc;
    doc.name = u"Skip"_s;
    NodeSpec skipped = shellNode(u"skipped"_s, markLine());
    skipped.skip = true;
    doc.nodes = {skipped, shellNode(u"below"_s, markLine()), shellNode(u"deeper"_s, markLine()),
                 shellNode(u"free"_s, markLine()), shellNode(u"free2"_s, markLine())};
    doc.edges = {link(u"skipped"_s, u"below"_s), link(u"below"_s, u"deeper"_s),
                 link(u"free"_s, u"free2"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"succeeded"_s);
    QCOMPARE(run.stateOf(u"skipped"_s), u"skipped"_s);
    QCOMPARE(run.stateOf(u"below"_s), u"skipped"_s);
    QCOMPARE(run.stateOf(u"deeper"_s), u"skipped"_s);
    QCOMPARE(run.stateOf(u"free"_s), u"succeeded"_s);
    QCOMPARE(run.stateOf(u"free2"_s), u"succeeded"_s);
    const QMap<QString, int> counts = marks();
    QCOMPARE(counts.value(u"free"_s), 1);
    QCOMPARE(counts.value(u"free2"_s), 1);
    QCOMPARE(counts.size(), 2);
}

void TestRunExecutor::dryRunDecidesAndTouchesNothing()
{
    PipelineDocument doc;
    doc.name = u"Plan"_s;
    NodeSpec skipped = shellNode(u"skipped"_s, markLine());
    skipped.skip = true;
    doc.nodes = {shellNode(u"a"_s, markLine() + u"echo a > \"$ATELIER_OUTPUT_OUT/a.txt\""_s),
                 shellNode(u"b"_s, markLine()), skipped, shellNode(u"below"_s, markLine())};
    doc.edges = {link(u"a"_s, u"b"_s), link(u"skipped"_s, u"below"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    RunStore runs(m_workspace->catalog());
    const qsizetype before = runs.runs(1000).value().size();
    const QStringList folders =
        QDir(m_workspace->runsPath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    auto decisions = [&]() {
        RunExecutor executor(m_workspace->catalog(), m_library, connector);
        auto plan = executor.plan(requestFor(doc, u"plan"_s));
        QMap<QString, QString> byNode;
        if (plan) {
            for (const PlannedTask &task : plan.value())
                byNode.insert(task.nodeId, task.decision);
        }
        return byNode;
    };
    QMap<QString, QString> first = decisions();
    QCOMPARE(first.value(u"a"_s), u"run"_s);
    QCOMPARE(first.value(u"b"_s), u"run"_s);
    QCOMPARE(first.value(u"skipped"_s), u"skip"_s);
    QCOMPARE(first.value(u"below"_s), u"skip"_s);
    // Nothing ran, nothing was recorded, no folder was made.
    QCOMPARE(marks().size(), 0);
    QCOMPARE(runs.runs(1000).value().size(), before);
    QCOMPARE(QDir(m_workspace->runsPath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), folders);

    const RunResult run = execute(requestFor(doc, u"plan"_s), connector);
    QCOMPARE(run.state, u"succeeded"_s);
    const QMap<QString, QString> second = decisions();
    QCOMPARE(second.value(u"a"_s), u"cached"_s);
    QCOMPARE(second.value(u"b"_s), u"cached"_s); // its input is known from a's cached outputs
    QCOMPARE(second.value(u"below"_s), u"skip"_s);
}

void TestRunExecutor::outputCache()
{
    const QString source = m_dir->filePath(u"source.txt"_s);
    QVERIFY(writeFile(source, "first\n"));
    auto document = [&](const QString &bTag, const QString &cTag) {
        PipelineDocument doc;
        doc.name = u"Cache"_s;
        doc.nodes = {
            shellNode(u"a"_s,
                      markLine() + u"cat '%1' > \"$ATELIER_OUTPUT_OUT/a.txt\""_s.arg(source)),
            shellNode(u"b"_s, markLine() + u"{ cat \"$ATELIER_INPUT_IN/a.txt\"; echo %1; } > "
                                           u"\"$ATELIER_OUTPUT_OUT/b.txt\""_s.arg(bTag)),
            shellNode(u"c"_s, markLine() + u"cat \"$ATELIER_INPUT_IN/b.txt\" > "
                                           u"\"$ATELIER_OUTPUT_OUT/c.txt\" # %1"_s.arg(cTag))};
        doc.edges = {link(u"a"_s, u"b"_s), link(u"b"_s, u"c"_s)};
        return doc;
    };
    auto cOutput = [](const RunResult &run) {
        return readFile(run.task(u"c"_s).outputsDir + u"/out/c.txt"_s);
    };
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    using Counts = QMap<QString, int>;

    const RunResult first = execute(requestFor(document(u"B1"_s, u"v1"_s)), connector);
    QCOMPARE(first.state, u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 1}}));
    QCOMPARE(cOutput(first), QByteArray("first\nB1\n"));

    // Same document: every task cached, nothing executed, outputs are the first run's.
    const RunResult second = execute(requestFor(document(u"B1"_s, u"v1"_s)), connector);
    QCOMPARE(second.state, u"succeeded"_s);
    for (const QString &node : {u"a"_s, u"b"_s, u"c"_s}) {
        QCOMPARE(second.stateOf(node), u"cached"_s);
        QCOMPARE(second.task(node).attempts, 0);
        QCOMPARE(second.task(node).outputsDir, first.task(node).outputsDir);
    }
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 1}}));

    // A param of the last node: only it runs again.
    const RunResult third = execute(requestFor(document(u"B1"_s, u"v2"_s)), connector);
    QCOMPARE(third.state, u"succeeded"_s);
    QCOMPARE(third.stateOf(u"a"_s), u"cached"_s);
    QCOMPARE(third.stateOf(u"b"_s), u"cached"_s);
    QCOMPARE(third.stateOf(u"c"_s), u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 2}}));

    // A param of the middle node that changes its output: it and its downstream run again.
    const RunResult fourth = execute(requestFor(document(u"B2"_s, u"v2"_s)), connector);
    QCOMPARE(fourth.state, u"succeeded"_s);
    QCOMPARE(fourth.stateOf(u"a"_s), u"cached"_s);
    QCOMPARE(fourth.stateOf(u"b"_s), u"succeeded"_s);
    QCOMPARE(fourth.stateOf(u"c"_s), u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 2}, {u"c"_s, 3}}));
    QCOMPARE(cOutput(fourth), QByteArray("first\nB2\n"));

    // The file a reads changes; a runs again alone (--only, --no-cache) and now outputs
    // other content under the same key: the next full run reuses a, and b and c miss because
    // their input folder's content differs.
    QVERIFY(writeFile(source, "second\n"));
    RunRequest onlyA = requestFor(document(u"B2"_s, u"v2"_s));
    onlyA.onlyNode = u"a"_s;
    onlyA.noCache = true;
    const RunResult fifth = execute(onlyA, connector);
    QCOMPARE(fifth.state, u"succeeded"_s);
    QCOMPARE(fifth.stateOf(u"a"_s), u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 2}, {u"b"_s, 2}, {u"c"_s, 3}}));
    const RunResult sixth = execute(requestFor(document(u"B2"_s, u"v2"_s)), connector);
    QCOMPARE(sixth.state, u"succeeded"_s);
    QCOMPARE(sixth.stateOf(u"a"_s), u"cached"_s);
    QCOMPARE(sixth.task(u"a"_s).outputsDir, fifth.task(u"a"_s).outputsDir);
    QCOMPARE(sixth.stateOf(u"b"_s), u"succeeded"_s);
    QCOMPARE(sixth.stateOf(u"c"_s), u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 2}, {u"b"_s, 3}, {u"c"_s, 4}}));
    QCOMPARE(cOutput(sixth), QByteArray("second\nB2\n"));

    // --no-cache: everything runs.
    RunRequest fresh = requestFor(document(u"B2"_s, u"v2"_s));
    fresh.noCache = true;
    const RunResult seventh = execute(fresh, connector);
    QCOMPARE(seventh.state, u"succeeded"_s);
    for (const QString &node : {u"a"_s, u"b"_s, u"c"_s})
        QCOMPARE(seventh.stateOf(node), u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 3}, {u"b"_s, 4}, {u"c"_s, 5}}));
}

void TestRunExecutor::fromAndOnly()
{
    PipelineDocument doc;
    doc.name = u"Chain"_s;
    doc.nodes = {
        shellNode(u"a"_s,
                  markLine() + u"echo \"$ATELIER_RUN_ID\" > \"$ATELIER_OUTPUT_OUT/a.txt\""_s),
        shellNode(u"b"_s,
                  markLine() + u"cp \"$ATELIER_INPUT_IN/a.txt\" \"$ATELIER_OUTPUT_OUT/\""_s),
        shellNode(u"c"_s,
                  markLine() + u"cp \"$ATELIER_INPUT_IN/a.txt\" \"$ATELIER_OUTPUT_OUT/\" # c"_s),
        shellNode(u"z"_s, markLine())};
    doc.edges = {link(u"a"_s, u"b"_s), link(u"b"_s, u"c"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    using Counts = QMap<QString, int>;

    const RunResult full = execute(requestFor(doc, u"chain"_s), connector);
    QCOMPARE(full.state, u"succeeded"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 1}, {u"z"_s, 1}}));

    RunRequest from = requestFor(doc, u"chain"_s);
    from.fromNode = u"b"_s;
    from.noCache = true;
    const RunResult fromRun = execute(from, connector);
    QCOMPARE(fromRun.state, u"succeeded"_s);
    QCOMPARE(fromRun.stateOf(u"a"_s), u"cached"_s);
    QVERIFY2(fromRun.task(u"a"_s).message.contains(u"reused"_s),
             qPrintable(fromRun.task(u"a"_s).message));
    QVERIFY(fromRun.task(u"a"_s).message.contains(full.runId));
    QCOMPARE(fromRun.task(u"a"_s).outputsDir, full.task(u"a"_s).outputsDir);
    QCOMPARE(fromRun.stateOf(u"b"_s), u"succeeded"_s);
    QCOMPARE(fromRun.stateOf(u"c"_s), u"succeeded"_s);
    QCOMPARE(fromRun.stateOf(u"z"_s), u"skipped"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 2}, {u"c"_s, 2}, {u"z"_s, 1}}));
    // c saw a's output of the full run, passed through the new b.
    QCOMPARE(readFile(fromRun.task(u"c"_s).outputsDir + u"/out/a.txt"_s).trimmed(),
             full.runId.toUtf8());
    // The catalog says the same.
    RunStore store(m_workspace->catalog());
    auto recorded = store.tasks(fromRun.runId);
    QVERIFY(recorded.ok());
    QCOMPARE(recorded->size(), 4);
    for (const TaskRecord &task : recorded.value())
        QCOMPARE(task.state, fromRun.stateOf(task.nodeId));

    RunRequest only = requestFor(doc, u"chain"_s);
    only.onlyNode = u"c"_s;
    only.noCache = true;
    const RunResult onlyRun = execute(only, connector);
    QCOMPARE(onlyRun.state, u"succeeded"_s);
    QCOMPARE(onlyRun.stateOf(u"c"_s), u"succeeded"_s);
    QCOMPARE(onlyRun.stateOf(u"b"_s), u"cached"_s);
    QVERIFY(onlyRun.task(u"b"_s).message.contains(fromRun.runId));
    QCOMPARE(onlyRun.task(u"b"_s).outputsDir, fromRun.task(u"b"_s).outputsDir);
    QCOMPARE(onlyRun.stateOf(u"a"_s), u"skipped"_s);
    QCOMPARE(onlyRun.stateOf(u"z"_s), u"skipped"_s);
    QCOMPARE(marks(), (Counts{{u"a"_s, 1}, {u"b"_s, 2}, {u"c"_s, 3}, {u"z"_s, 1}}));

    // An unknown node is refused before anything is recorded.
    auto before = store.runs();
    QVERIFY(before.ok());
    RunRequest unknown = requestFor(doc, u"chain"_s);
    unknown.fromNode = u"nope"_s;
    const RunResult refused = execute(unknown, connector);
    QVERIFY(!refused.started);
    QVERIFY(!refused.finished);
    QVERIFY2(refused.error.contains(u"nope"_s), qPrintable(refused.error));
    auto after = store.runs();
    QVERIFY(after.ok());
    QCOMPARE(after->size(), before->size());
}

void TestRunExecutor::onlyWithoutEarlierRunIsRefused()
{
    PipelineDocument doc;
    doc.name = u"Chain"_s;
    doc.nodes = {shellNode(u"a"_s, markLine()), shellNode(u"b"_s, markLine())};
    doc.edges = {link(u"a"_s, u"b"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    RunRequest request = requestFor(doc, u"chain"_s);
    request.onlyNode = u"b"_s;
    const RunResult run = execute(request, connector);
    QVERIFY(!run.started);
    QVERIFY(!run.finished);
    QCOMPARE(run.errorCode, ErrorCode::NotFound);
    QVERIFY2(run.error.contains(u"a"_s) && run.error.contains(u"b"_s), qPrintable(run.error));
    RunStore store(m_workspace->catalog());
    auto runs = store.runs();
    QVERIFY(runs.ok());
    QVERIFY(runs->isEmpty());
    QVERIFY(marks().isEmpty());
    QCOMPARE(
        QDir(m_workspace->runsPath()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 0);

    // --from the first node needs nothing earlier.
    request.onlyNode.clear();
    request.fromNode = u"a"_s;
    const RunResult from = execute(request, connector);
    QVERIFY2(from.started, qPrintable(from.error));
    QCOMPARE(from.state, u"succeeded"_s);
}

void TestRunExecutor::environmentAndSubstitutions()
{
    PipelineDocument doc;
    doc.name = u"Environment"_s;
    doc.variables = {{u"x"_s, u"default"_s}, {u"y"_s, u"kept"_s}};
    doc.nodes = {shellNode(
        u"env"_s,
        u"{\n"
        u"echo \"RUN=$ATELIER_RUN_ID\"\n"
        u"echo \"TASK=$ATELIER_TASK_ID\"\n"
        u"echo \"DIR=$ATELIER_TASK_DIR\"\n"
        u"echo \"METRICS=$ATELIER_METRICS_FILE\"\n"
        u"echo \"CUDA=[${CUDA_VISIBLE_DEVICES-unset}]\"\n"
        u"echo \"PWD=$(pwd -P)\"\n"
        u"echo \"OUT=$ATELIER_OUTPUT_OUT\"\n"
        u"echo \"ID={{run_id}}\"\n"
        u"echo \"X={{variables.x}}\"\n"
        u"echo \"Y={{ variables.y }}\"\n"
        u"} > \"$ATELIER_OUTPUT_OUT/env.txt\"\n"
        u"echo '{\"key\": \"loss\", \"value\": 0.5, \"step\": 1}' >> \"$ATELIER_METRICS_FILE\"\n"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    RunRequest request = requestFor(doc);
    request.variables.insert(u"x"_s, u"override"_s);
    const RunResult run = execute(request, connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"succeeded"_s);

    const QString dir = taskDir(run.runId, u"env"_s);
    QMap<QString, QString> seen;
    const QString text = QString::fromUtf8(readFile(dir + u"/outputs/out/env.txt"_s));
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        seen.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
    QCOMPARE(seen.value(u"RUN"_s), run.runId);
    QCOMPARE(seen.value(u"TASK"_s), u"env"_s);
    QCOMPARE(QFileInfo(seen.value(u"DIR"_s)).canonicalFilePath(),
             QFileInfo(dir).canonicalFilePath());
    QCOMPARE(seen.value(u"PWD"_s), QFileInfo(dir).canonicalFilePath());
    QCOMPARE(QFileInfo(seen.value(u"METRICS"_s)).canonicalFilePath(),
             QFileInfo(dir + u"/metrics.jsonl"_s).canonicalFilePath());
    QCOMPARE(seen.value(u"CUDA"_s), u"[]"_s);
    QCOMPARE(QFileInfo(seen.value(u"OUT"_s)).canonicalFilePath(),
             QFileInfo(dir + u"/outputs/out"_s).canonicalFilePath());
    QCOMPARE(seen.value(u"ID"_s), run.runId);
    QCOMPARE(seen.value(u"X"_s), u"override"_s);
    QCOMPARE(seen.value(u"Y"_s), u"kept"_s);
    QVERIFY(readFile(dir + u"/metrics.jsonl"_s).contains("\"loss\""));

    RunStore store(m_workspace->catalog());
    auto record = store.run(run.runId);
    QVERIFY(record.ok());
    QCOMPARE(record->variables.value(u"x"_s).toString(), u"override"_s);
}

void TestRunExecutor::outputCap()
{
    PipelineDocument doc;
    doc.name = u"Chatty"_s;
    doc.nodes = {shellNode(u"chatty"_s,
                           u"head -c 5000000 /dev/zero | tr '\\0' x; echo; echo never-kept\n"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    connector.setOutputCap(100000);
    const RunResult run = execute(requestFor(doc), connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"succeeded"_s);
    const TaskRecord task = run.task(u"chatty"_s);
    QCOMPARE(task.state, u"succeeded"_s);
    QVERIFY2(task.message.contains(u"truncated"_s), qPrintable(task.message));
    const QString log = taskDir(run.runId, u"chatty"_s) + u"/stdout.log"_s;
    const qint64 size = QFileInfo(log).size();
    QVERIFY2(size >= 100000 && size < 100000 + 1000, qPrintable(QString::number(size)));
    const QByteArray content = readFile(log);
    QVERIFY(content.contains("output truncated"));
    QVERIFY(!content.contains("never-kept"));
}

void TestRunExecutor::catalogMatchesSignals()
{
    PipelineDocument doc;
    doc.name = u"Mixed"_s;
    NodeSpec skipped = shellNode(u"skipme"_s, markLine());
    skipped.skip = true;
    doc.nodes = {shellNode(u"ok"_s, markLine()), shellNode(u"bad"_s, u"exit 5"_s),
                 shellNode(u"down"_s, markLine()), skipped};
    doc.edges = {link(u"bad"_s, u"down"_s)};
    LocalConnector connector(PoolCapacity{2, kPlentyOfMemoryMb, {}});
    RunRequest request = requestFor(doc, u"mixed"_s);
    request.commitId = u"0123456789abcdef0123456789abcdef01234567"_s;
    request.variables.insert(u"seed"_s, u"7"_s);
    const RunResult run = execute(request, connector);
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(run.state, u"failed"_s);

    // The last announcement of each task.
    QMap<QString, TaskRecord> announced;
    for (const TaskRecord &change : run.changes)
        announced.insert(change.nodeId, change);
    QCOMPARE(announced.size(), 4);

    // Read back through a second connection: everything was committed.
    auto other = Database::open(m_workspace->catalogPath(), Database::Mode::ReadOnly);
    QVERIFY(other.ok());
    RunStore store(*other.value());
    auto record = store.run(run.runId);
    QVERIFY(record.ok());
    QCOMPARE(record->state, u"failed"_s);
    QCOMPARE(record->commitId, request.commitId);
    QCOMPARE(record->pipeline, u"mixed"_s);
    QCOMPARE(record->pipelineName, u"Mixed"_s);
    QCOMPARE(record->pool, u"local"_s);
    QCOMPARE(record->variables.value(u"seed"_s).toString(), u"7"_s);
    QVERIFY(record->finishedAt.isValid());
    QVERIFY(record->startedAt.isValid() && record->startedAt <= record->finishedAt);

    auto tasks = store.tasks(run.runId);
    QVERIFY(tasks.ok());
    QCOMPARE(tasks->size(), 4);
    for (const TaskRecord &task : tasks.value()) {
        QVERIFY2(announced.contains(task.nodeId), qPrintable(task.nodeId));
        QCOMPARE(task.state, announced.value(task.nodeId).state);
        QCOMPARE(task.state, run.stateOf(task.nodeId));
        QCOMPARE(task.attempts, run.task(task.nodeId).attempts);
        QCOMPARE(task.exitCode, run.task(task.nodeId).exitCode);
        QCOMPARE(task.message, run.task(task.nodeId).message);
        QCOMPARE(task.templateRef, u"shell@1.0"_s);
        QCOMPARE(task.pool, u"local"_s);
        QVERIFY(task.finishedAt.isValid());
    }
    QCOMPARE(run.stateOf(u"ok"_s), u"succeeded"_s);
    QCOMPARE(run.task(u"ok"_s).exitCode, std::optional<int>(0));
    QVERIFY(run.task(u"ok"_s).jobId.toLongLong() > 0);
    QCOMPARE(run.stateOf(u"bad"_s), u"failed"_s);
    QCOMPARE(run.task(u"bad"_s).exitCode, std::optional<int>(5));
    QCOMPARE(run.stateOf(u"down"_s), u"skipped"_s);
    QCOMPARE(run.stateOf(u"skipme"_s), u"skipped"_s);
    QCOMPARE(run.task(u"down"_s).exitCode, std::nullopt);

    // Each task went through running before it ended, and never changed after it ended.
    for (const QString &node : {u"ok"_s, u"bad"_s}) {
        QStringList states;
        for (const TaskRecord &change : run.changes) {
            if (change.nodeId == node)
                states.append(change.state);
        }
        QCOMPARE(states.first(), u"running"_s);
        QCOMPARE(states.size(), 2);
    }
}

QTEST_GUILESS_MAIN(TestRunExecutor)
#include "tst_runexecutor.moc"
