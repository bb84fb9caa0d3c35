// Runs pipelines of `shell` nodes through RunExecutor and LocalConnector as real bash processes,
// and checks order, parallelism, retries, timeouts, stops and skips against what the scripts
// themselves wrote down (DESIGN.md, "Task states"). The cache, partial runs, substitutions and
// the catalog are in tst_runexecutorcache.cpp.
#include "runexecutorfixture.h"

class TestRunExecutor : public RunExecutorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { checkBuiltinTemplates(); }
    void init() { setUpWorkspace(); }
    void cleanup() { tearDownWorkspace(); }

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
};

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

QTEST_GUILESS_MAIN(TestRunExecutor)
#include "tst_runexecutor.moc"
