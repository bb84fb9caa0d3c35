// Runs pipelines of `shell` nodes through RunExecutor and LocalConnector as real bash processes,
// and checks the dry run, the output cache, partial runs (--from, --only), the task
// environment and substitutions, the output cap and the catalog against what the scripts
// themselves wrote down. Scheduling, retries and stops are in tst_runexecutor.cpp.
#include "runexecutorfixture.h"

class TestRunExecutorCache : public RunExecutorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { checkBuiltinTemplates(); }
    void init() { setUpWorkspace(); }
    void cleanup() { tearDownWorkspace(); }

    void dryRunDecidesAndTouchesNothing();
    void outputCache();
    void fromAndOnly();
    void onlyWithoutEarlierRunIsRefused();
    void environmentAndSubstitutions();
    void outputCap();
    void catalogMatchesSignals();
};

void TestRunExecutorCache::dryRunDecidesAndTouchesNothing()
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

void TestRunExecutorCache::outputCache()
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

void TestRunExecutorCache::fromAndOnly()
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

void TestRunExecutorCache::onlyWithoutEarlierRunIsRefused()
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

void TestRunExecutorCache::environmentAndSubstitutions()
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

void TestRunExecutorCache::outputCap()
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

void TestRunExecutorCache::catalogMatchesSignals()
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

QTEST_GUILESS_MAIN(TestRunExecutorCache)
#include "tst_runexecutorcache.moc"
