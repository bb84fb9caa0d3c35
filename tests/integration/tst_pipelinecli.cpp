// Runs the real `atelier` executable on pipelines the way a script would: `pipeline validate |
// run | save | history | diff | restore` and `runs list | show | logs | stop`, including stops
// from another process and by signal (DESIGN.md, "Command line").
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <functional>
#include <memory>

#include <cerrno>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kProcessTimeoutMs = 90000;

/// What one run of `atelier` did.
struct Outcome
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

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

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
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

/// The task \a id in a `runs show --json` object.
QJsonObject taskOf(const QJsonObject &run, const QString &id)
{
    for (const QJsonValue &value : run.value(u"tasks"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

QString describe(const Outcome &outcome)
{
    return u"exit %1 after %2 ms\nstdout: %3\nstderr: %4"_s.arg(outcome.exitCode)
        .arg(outcome.elapsedMs)
        .arg(outcome.out.left(2000), outcome.err.left(2000));
}

/// A pipeline whose first node waits 30 s (with a child of its own) before its second node.
QByteArray longPipeline(const QString &name)
{
    const QJsonObject script{
        {u"script"_s, u"sleep 30 & echo $! > \"$ATELIER_TASK_DIR/child.pid\"; wait"_s}};
    const QJsonObject doc{
        {u"format"_s, 1},
        {u"name"_s, name},
        {u"nodes"_s, QJsonArray{QJsonObject{{u"id"_s, u"wait"_s},
                                            {u"template"_s, u"shell@1.0"_s},
                                            {u"params"_s, script}},
                                QJsonObject{{u"id"_s, u"after"_s},
                                            {u"template"_s, u"shell@1.0"_s},
                                            {u"params"_s, QJsonObject{{u"script"_s, u"true"_s}}}}}},
        {u"edges"_s,
         QJsonArray{QJsonObject{{u"from"_s, u"wait.out"_s}, {u"to"_s, u"after.in"_s}}}}};
    return QJsonDocument(doc).toJson();
}

} // namespace

class TestPipelineCli : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment() const;
    /// Runs `atelier args` to its end.
    Outcome run(const QStringList &args, int timeoutMs = kProcessTimeoutMs);
    /// Starts `atelier args` and returns at once.
    std::unique_ptr<QProcess> start(const QStringList &args);
    /// `runs list --json` of \a workspace.
    QJsonArray runsOf(const QString &workspace);
    /// `runs show RUN --json` of \a workspace.
    QJsonObject showRun(const QString &workspace, const QString &runId);
    /// Waits until \a workspace has a running run whose first task has a job; returns the run.
    QJsonObject waitForRunningJob(const QString &workspace, QProcess &runner);
    /// A `pipeline run` of a long pipeline, in a workspace of its own.
    struct LongRun
    {
        LongRun() = default;
        LongRun(LongRun &&) = default;
        ~LongRun();
        QString workspace;
        std::unique_ptr<QProcess> runner;
        QString runId;
        qint64 job = 0; ///< pid of the first task's process
    };
    LongRun startLongRun(const QString &name);
    /// The demo's pipeline file, with \a edit applied to its JSON.
    QByteArray demoPipeline(const std::function<void(QJsonObject &)> &edit) const;

    std::unique_ptr<QTemporaryDir> m_home;
    QString m_demo;  ///< workspace made by `init --demo`
    QString m_plain; ///< workspace made by `init`
    QString m_firstRun;

private Q_SLOTS:
    void initTestCase();

    void validateDemo();
    void runDemo();
    void setVariableIsRecorded();
    void refusedInputRunsNothing_data();
    void refusedInputRunsNothing();
    void fromAndOnlyTogether();
    void saveHistoryDiffRestore();
    void stopFinishedRun();
    void stopFromAnotherProcess();
    void signalStopsRun_data();
    void signalStopsRun();
    void fullDiskNeverReportsSuccess();
};

QProcessEnvironment TestPipelineCli::environment() const
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, m_home->filePath(u"runtime"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return env;
}

std::unique_ptr<QProcess> TestPipelineCli::start(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->setWorkingDirectory(m_home->path());
    process->start(QStringLiteral(ATELIER_BINARY), args);
    return process;
}

Outcome TestPipelineCli::run(const QStringList &args, int timeoutMs)
{
    Outcome outcome;
    QElapsedTimer clock;
    clock.start();
    auto process = start(args);
    outcome.finished = process->waitForFinished(timeoutMs);
    outcome.elapsedMs = clock.elapsed();
    if (!outcome.finished) {
        process->kill();
        process->waitForFinished(5000);
    }
    outcome.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    outcome.out = QString::fromUtf8(process->readAllStandardOutput());
    outcome.err = QString::fromUtf8(process->readAllStandardError());
    return outcome;
}

QJsonArray TestPipelineCli::runsOf(const QString &workspace)
{
    const Outcome listed = run({u"runs"_s, u"list"_s, u"--workspace"_s, workspace, u"--json"_s});
    if (listed.exitCode != 0)
        qWarning().noquote() << describe(listed);
    return parseObject(listed.out).value(u"runs"_s).toArray();
}

QJsonObject TestPipelineCli::showRun(const QString &workspace, const QString &runId)
{
    const Outcome shown =
        run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, workspace, u"--json"_s});
    if (shown.exitCode != 0)
        qWarning().noquote() << describe(shown);
    return parseObject(shown.out);
}

QJsonObject TestPipelineCli::waitForRunningJob(const QString &workspace, QProcess &runner)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 15000 && runner.state() != QProcess::NotRunning) {
        for (const QJsonValue &value : runsOf(workspace)) {
            const QJsonObject listed = value.toObject();
            if (listed.value(u"state"_s).toString() != u"running"_s)
                continue;
            const QJsonObject shown = showRun(workspace, listed.value(u"run"_s).toString());
            const QJsonObject first = taskOf(shown, u"wait"_s);
            if (first.value(u"state"_s).toString() == u"running"_s &&
                first.value(u"job_id"_s).toString().toLongLong() > 0)
                return shown;
        }
        QTest::qWait(100);
    }
    return {};
}

QByteArray TestPipelineCli::demoPipeline(const std::function<void(QJsonObject &)> &edit) const
{
    QJsonObject doc = parseObject(
        QString::fromUtf8(readFile(m_demo + u"/repo/pipelines/shapes-classifier.json"_s)));
    if (edit)
        edit(doc);
    return QJsonDocument(doc).toJson();
}

void TestPipelineCli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(ATELIER_BINARY)).isExecutable(), ATELIER_BINARY);
    m_home = std::make_unique<QTemporaryDir>(u"/tmp/tst_pipelinecli-XXXXXX"_s);
    QVERIFY(m_home->isValid());
    for (const QString &sub : {u"config"_s, u"data"_s, u"cache"_s, u"runtime"_s})
        QVERIFY(QDir().mkpath(m_home->filePath(sub)));
    QVERIFY(QFile::setPermissions(m_home->filePath(u"runtime"_s), QFileDevice::ReadOwner |
                                                                      QFileDevice::WriteOwner |
                                                                      QFileDevice::ExeOwner));
    m_demo = m_home->filePath(u"demo"_s);
    m_plain = m_home->filePath(u"plain"_s);
    const Outcome demo = run({u"init"_s, m_demo, u"--demo"_s});
    QVERIFY2(demo.exitCode == 0, qPrintable(describe(demo)));
    const Outcome plain = run({u"init"_s, m_plain});
    QVERIFY2(plain.exitCode == 0, qPrintable(describe(plain)));
    QVERIFY(QFileInfo(m_demo + u"/repo/pipelines/shapes-classifier.json"_s).isFile());
}

void TestPipelineCli::validateDemo()
{
    const Outcome validated =
        run({u"pipeline"_s, u"validate"_s, u"shapes-classifier"_s, u"--workspace"_s, m_demo});
    QVERIFY2(validated.exitCode == 0, qPrintable(describe(validated)));
    QVERIFY2(validated.out.contains(u"valid"_s), qPrintable(describe(validated)));
    QVERIFY(validated.err.isEmpty());
    QVERIFY(runsOf(m_demo).isEmpty());
}

void TestPipelineCli::runDemo()
{
    const Outcome first = run(
        {u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s, m_demo, u"--json"_s});
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QVERIFY2(first.elapsedMs < 60000, qPrintable(describe(first)));
    const QJsonObject result = parseObject(first.out);
    m_firstRun = result.value(u"run"_s).toString();
    QVERIFY2(!m_firstRun.isEmpty(), qPrintable(describe(first)));
    QCOMPARE(result.value(u"state"_s).toString(), u"succeeded"_s);
    const QJsonArray tasks = result.value(u"tasks"_s).toArray();
    QCOMPARE(tasks.size(), 5);
    QStringList ids;
    for (const QJsonValue &value : tasks) {
        const QJsonObject task = value.toObject();
        for (const QString &key : {u"id"_s, u"state"_s, u"attempts"_s, u"exit_code"_s})
            QVERIFY2(task.contains(key), qPrintable(key));
        ids.append(task.value(u"id"_s).toString());
        QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(task.value(u"attempts"_s).toInt(), 1);
        QCOMPARE(task.value(u"exit_code"_s).toInt(-1), 0);
    }
    ids.sort();
    QCOMPARE(ids, (QStringList{u"evaluate"_s, u"export"_s, u"register"_s, u"split"_s, u"train"_s}));

    // Again: every task's outputs are reused; registering runs again (it links this run) and
    // keeps version 1, whose files are the same.
    const Outcome second = run(
        {u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s, m_demo, u"--json"_s});
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    const QJsonObject again = parseObject(second.out);
    const QString secondRun = again.value(u"run"_s).toString();
    QVERIFY(!secondRun.isEmpty() && secondRun != m_firstRun);
    QCOMPARE(again.value(u"state"_s).toString(), u"succeeded"_s);
    QCOMPARE(again.value(u"tasks"_s).toArray().size(), 5);
    for (const QJsonValue &value : again.value(u"tasks"_s).toArray()) {
        const bool registers = value.toObject().value(u"id"_s).toString() == u"register"_s;
        QCOMPARE(value.toObject().value(u"state"_s).toString(),
                 registers ? u"succeeded"_s : u"cached"_s);
        QCOMPARE(value.toObject().value(u"attempts"_s).toInt(), registers ? 1 : 0);
    }
    const Outcome models = run({u"model"_s, u"list"_s, u"--workspace"_s, m_demo, u"--json"_s});
    QCOMPARE(models.exitCode, 0);
    const QJsonArray versions = QJsonDocument::fromJson(models.out.toUtf8()).array();
    QCOMPARE(versions.size(), 1); // the demo's model, registered once
    QCOMPARE(versions.at(0).toObject().value(u"name"_s).toString(), u"shapes-classifier"_s);
    QVERIFY(versions.at(0).toObject().value(u"aliases"_s).toArray().contains(u"staging"_s));

    // runs list: both, newest first.
    const QJsonArray runs = runsOf(m_demo);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"run"_s).toString(), secondRun);
    QCOMPARE(runs.at(1).toObject().value(u"run"_s).toString(), m_firstRun);
    QCOMPARE(runs.at(1).toObject().value(u"pipeline"_s).toString(), u"shapes-classifier"_s);

    // runs show: the catalog's view of the first run.
    const QJsonObject shown = showRun(m_demo, m_firstRun);
    QCOMPARE(shown.value(u"run"_s).toString(), m_firstRun);
    QCOMPARE(shown.value(u"state"_s).toString(), u"succeeded"_s);
    QVERIFY2(QRegularExpression(u"^[0-9a-f]{40}$"_s)
                 .match(shown.value(u"commit"_s).toString())
                 .hasMatch(),
             qPrintable(shown.value(u"commit"_s).toString()));
    const QJsonArray shownTasks = shown.value(u"tasks"_s).toArray();
    QCOMPARE(shownTasks.size(), 5);
    for (const QJsonValue &value : shownTasks) {
        const QJsonObject task = value.toObject();
        QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
        QVERIFY(task.value(u"job_id"_s).toString().toLongLong() > 0);
        QVERIFY(QFileInfo(task.value(u"outputs"_s).toString()).isDir());
    }

    // runs logs: the evaluation printed its accuracy.
    const Outcome logs =
        run({u"runs"_s, u"logs"_s, m_firstRun, u"evaluate"_s, u"--workspace"_s, m_demo});
    QVERIFY2(logs.exitCode == 0, qPrintable(describe(logs)));
    QVERIFY2(QRegularExpression(u"accuracy [0-9.]+"_s).match(logs.out).hasMatch(),
             qPrintable(describe(logs)));

    // Unknown runs and tasks are refused.
    const Outcome unknown =
        run({u"runs"_s, u"show"_s, u"19990101-000000-0000"_s, u"--workspace"_s, m_demo});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"19990101-000000-0000"_s), qPrintable(describe(unknown)));
    const Outcome unknownLogs = run(
        {u"runs"_s, u"logs"_s, u"19990101-000000-0000"_s, u"evaluate"_s, u"--workspace"_s, m_demo});
    QCOMPARE(unknownLogs.exitCode, 1);
    const Outcome unknownTask =
        run({u"runs"_s, u"logs"_s, m_firstRun, u"nosuchtask"_s, u"--workspace"_s, m_demo});
    QCOMPARE(unknownTask.exitCode, 1);
    QVERIFY2(unknownTask.err.contains(u"nosuchtask"_s), qPrintable(describe(unknownTask)));
}

void TestPipelineCli::setVariableIsRecorded()
{
    const Outcome ran = run({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s,
                             m_demo, u"--json"_s, u"--set"_s, u"seed=7"_s});
    QVERIFY2(ran.exitCode == 0, qPrintable(describe(ran)));
    const QJsonObject result = parseObject(ran.out);
    QCOMPARE(result.value(u"state"_s).toString(), u"succeeded"_s);
    // The seed feeds split and train, so they run again; export does not use it.
    QMap<QString, QString> states;
    for (const QJsonValue &value : result.value(u"tasks"_s).toArray())
        states.insert(value.toObject().value(u"id"_s).toString(),
                      value.toObject().value(u"state"_s).toString());
    QCOMPARE(states.value(u"export"_s), u"cached"_s);
    QCOMPARE(states.value(u"split"_s), u"succeeded"_s);
    QCOMPARE(states.value(u"train"_s), u"succeeded"_s);

    const QJsonObject shown = showRun(m_demo, result.value(u"run"_s).toString());
    QCOMPARE(shown.value(u"variables"_s).toObject().value(u"seed"_s).toString(), u"7"_s);

    const Outcome badSet = run({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s,
                                m_demo, u"--set"_s, u"seed"_s});
    QCOMPARE(badSet.exitCode, 2);
}

void TestPipelineCli::refusedInputRunsNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("fragments");

    QTest::newRow("malformed JSON")
        << QByteArray("{\"format\": 1,\n \"name\": \"Broken\",\n \"nodes\": [ }\n")
        << QStringList{u"broken.json:3:"_s};
    QTest::newRow("unknown template")
        << QJsonDocument(
               QJsonObject{{u"format"_s, 1},
                           {u"name"_s, u"Unknown"_s},
                           {u"nodes"_s,
                            QJsonArray{QJsonObject{{u"id"_s, u"mystery"_s},
                                                   {u"template"_s, u"no-such-template@1.0"_s}}}}})
               .toJson()
        << QStringList{u"mystery"_s, u"no-such-template"_s};
    QTest::newRow("param out of range") << demoPipeline([](QJsonObject &doc) {
        QJsonArray nodes = doc.value(u"nodes"_s).toArray();
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            QJsonObject node = nodes.at(i).toObject();
            if (node.value(u"id"_s).toString() != u"train"_s)
                continue;
            QJsonObject params = node.value(u"params"_s).toObject();
            params.insert(u"n_estimators"_s, 0);
            node.insert(u"params"_s, params);
            nodes.replace(i, node);
        }
        doc.insert(u"nodes"_s, nodes);
    }) << QStringList{u"train"_s, u"params.n_estimators"_s};
    const QJsonObject shell{{u"script"_s, u"true"_s}};
    QTest::newRow("cycle")
        << QJsonDocument(
               QJsonObject{
                   {u"format"_s, 1},
                   {u"name"_s, u"Loop"_s},
                   {u"nodes"_s, QJsonArray{QJsonObject{{u"id"_s, u"alpha"_s},
                                                       {u"template"_s, u"shell@1.0"_s},
                                                       {u"params"_s, shell}},
                                           QJsonObject{{u"id"_s, u"beta"_s},
                                                       {u"template"_s, u"shell@1.0"_s},
                                                       {u"params"_s, shell}}}},
                   {u"edges"_s,
                    QJsonArray{QJsonObject{{u"from"_s, u"alpha.out"_s}, {u"to"_s, u"beta.in"_s}},
                               QJsonObject{{u"from"_s, u"beta.out"_s}, {u"to"_s, u"alpha.in"_s}}}}})
               .toJson()
        << QStringList{u"alpha"_s, u"beta"_s, u"cycle"_s};
}

void TestPipelineCli::refusedInputRunsNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, fragments);
    QVERIFY(!content.isEmpty());
    const QString file = m_home->filePath(u"broken.json"_s);
    QVERIFY(writeFile(file, content));
    for (const QString &action : {u"validate"_s, u"run"_s}) {
        const Outcome refused =
            run({u"pipeline"_s, action, file, u"--workspace"_s, m_plain, u"--json"_s});
        QVERIFY2(refused.exitCode == 1, qPrintable(action + u": "_s + describe(refused)));
        if (action == u"run"_s) {
            QVERIFY2(refused.out.isEmpty(), qPrintable(describe(refused)));
            for (const QString &fragment : std::as_const(fragments))
                QVERIFY2(refused.err.contains(fragment, Qt::CaseInsensitive),
                         qPrintable(u"missing \""_s + fragment + u"\" in "_s + describe(refused)));
        }
    }
    QVERIFY(runsOf(m_plain).isEmpty());
    QVERIFY(
        QDir(m_plain + u"/runs"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

void TestPipelineCli::fromAndOnlyTogether()
{
    const qsizetype before = runsOf(m_demo).size();
    const Outcome both = run({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s,
                              m_demo, u"--from"_s, u"train"_s, u"--only"_s, u"evaluate"_s});
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains(u"--from"_s) && both.err.contains(u"--only"_s),
             qPrintable(describe(both)));
    QCOMPARE(runsOf(m_demo).size(), before);

    const Outcome unknown = run({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s,
                                 m_demo, u"--only"_s, u"nosuchnode"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"nosuchnode"_s), qPrintable(describe(unknown)));
    QCOMPARE(runsOf(m_demo).size(), before);

    // --only evaluate reuses the newest outputs of its upstream nodes.
    const Outcome only = run({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s,
                              m_demo, u"--only"_s, u"evaluate"_s, u"--no-cache"_s, u"--json"_s});
    QVERIFY2(only.exitCode == 0, qPrintable(describe(only)));
    QMap<QString, QString> states;
    for (const QJsonValue &value : parseObject(only.out).value(u"tasks"_s).toArray())
        states.insert(value.toObject().value(u"id"_s).toString(),
                      value.toObject().value(u"state"_s).toString());
    QCOMPARE(states.value(u"evaluate"_s), u"succeeded"_s);
    QCOMPARE(states.value(u"train"_s), u"cached"_s);
    QCOMPARE(states.value(u"split"_s), u"cached"_s);
    QCOMPARE(states.value(u"export"_s), u"skipped"_s);
}

void TestPipelineCli::saveHistoryDiffRestore()
{
    const QStringList ws{u"--workspace"_s, m_demo};
    auto versions = [&]() {
        const Outcome history =
            run(QStringList{u"pipeline"_s, u"history"_s, u"shapes-classifier"_s, u"--json"_s} + ws);
        return parseObject(history.out).value(u"versions"_s).toArray();
    };
    const QJsonArray original = versions();
    QCOMPARE(original.size(), 1);
    const QString first = original.at(0).toObject().value(u"commit"_s).toString();

    const QString edited = m_home->filePath(u"edited.json"_s);
    QVERIFY(writeFile(edited, demoPipeline([](QJsonObject &doc) {
                          QJsonArray nodes = doc.value(u"nodes"_s).toArray();
                          QJsonObject train = nodes.at(2).toObject();
                          QJsonObject params = train.value(u"params"_s).toObject();
                          params.insert(u"n_estimators"_s, 37);
                          train.insert(u"params"_s, params);
                          nodes.replace(2, train);
                          doc.insert(u"nodes"_s, nodes);
                      })));
    const Outcome saved = run(
        QStringList{u"pipeline"_s, u"save"_s, edited, u"-m"_s, u"Fewer trees"_s, u"--json"_s} + ws);
    QVERIFY2(saved.exitCode == 0, qPrintable(describe(saved)));
    const QString second = parseObject(saved.out).value(u"commit"_s).toString();
    QVERIFY(!second.isEmpty() && second != first);

    const QJsonArray two = versions();
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.at(0).toObject().value(u"commit"_s).toString(), second);
    QCOMPARE(two.at(0).toObject().value(u"message"_s).toString(), u"Fewer trees"_s);
    QCOMPARE(two.at(1).toObject().value(u"commit"_s).toString(), first);

    const Outcome diff =
        run(QStringList{u"pipeline"_s, u"diff"_s, u"shapes-classifier"_s, first, second} + ws);
    QVERIFY2(diff.exitCode == 0, qPrintable(describe(diff)));
    QVERIFY2(diff.out.contains(u"train"_s) && diff.out.contains(u"n_estimators"_s) &&
                 diff.out.contains(u"100"_s) && diff.out.contains(u"37"_s),
             qPrintable(describe(diff)));

    const Outcome restored =
        run(QStringList{u"pipeline"_s, u"restore"_s, u"shapes-classifier"_s, first} + ws);
    QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
    const QJsonArray three = versions();
    QCOMPARE(three.size(), 3);
    // The working file is the first version again.
    const Outcome same =
        run(QStringList{u"pipeline"_s, u"diff"_s, u"shapes-classifier"_s, first, u"--json"_s} + ws);
    QVERIFY2(same.exitCode == 0, qPrintable(describe(same)));
    QVERIFY2(parseObject(same.out).value(u"changes"_s).toArray().isEmpty(),
             qPrintable(describe(same)));
    const Outcome unknown =
        run(QStringList{u"pipeline"_s, u"history"_s, u"no-such-pipeline"_s} + ws);
    QCOMPARE(unknown.exitCode, 1);
}

void TestPipelineCli::stopFinishedRun()
{
    QVERIFY(!m_firstRun.isEmpty());
    const Outcome stopped = run({u"runs"_s, u"stop"_s, m_firstRun, u"--workspace"_s, m_demo});
    QCOMPARE(stopped.exitCode, 1);
    QVERIFY2(stopped.err.contains(m_firstRun) && stopped.err.contains(u"succeeded"_s),
             qPrintable(describe(stopped)));
    QCOMPARE(showRun(m_demo, m_firstRun).value(u"state"_s).toString(), u"succeeded"_s);
    const Outcome unknown =
        run({u"runs"_s, u"stop"_s, u"19990101-000000-0000"_s, u"--workspace"_s, m_demo});
    QCOMPARE(unknown.exitCode, 1);
}

/// Runs a long pipeline in a workspace of its own and returns once its first task has a job.
TestPipelineCli::LongRun TestPipelineCli::startLongRun(const QString &name)
{
    LongRun run;
    run.workspace = m_home->filePath(name);
    const Outcome init = this->run({u"init"_s, run.workspace});
    if (init.exitCode != 0) {
        qWarning().noquote() << describe(init);
        return run;
    }
    const QString file = m_home->filePath(name + u".json"_s);
    if (!writeFile(file, longPipeline(name)))
        return run;
    run.runner = start({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, run.workspace});
    if (!run.runner->waitForStarted(5000))
        return run;
    const QJsonObject running = waitForRunningJob(run.workspace, *run.runner);
    if (running.isEmpty()) {
        qWarning() << run.runner->readAllStandardError();
        return run;
    }
    run.runId = running.value(u"run"_s).toString();
    run.job = taskOf(running, u"wait"_s).value(u"job_id"_s).toString().toLongLong();
    return run;
}

TestPipelineCli::LongRun::~LongRun()
{
    // A failed test must not leave a runner behind: stop it the polite way, then not.
    if (!runner || runner->state() == QProcess::NotRunning)
        return;
    runner->terminate();
    if (!runner->waitForFinished(5000)) {
        runner->kill();
        runner->waitForFinished(5000);
    }
}

void TestPipelineCli::stopFromAnotherProcess()
{
    const LongRun run = startLongRun(u"long-stop"_s);
    QVERIFY(!run.runId.isEmpty());
    QVERIFY(isAlive(run.job));

    QElapsedTimer clock;
    clock.start();
    const Outcome stop =
        this->run({u"runs"_s, u"stop"_s, run.runId, u"--workspace"_s, run.workspace});
    QVERIFY2(stop.exitCode == 0, qPrintable(describe(stop)));
    QVERIFY2(run.runner->waitForFinished(5000), "the run did not end within 5 s of runs stop");
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(run.runner->exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.runner->exitCode(), 1);

    const QJsonObject shown = showRun(run.workspace, run.runId);
    QCOMPARE(shown.value(u"state"_s).toString(), u"stopped"_s);
    QCOMPARE(taskOf(shown, u"wait"_s).value(u"state"_s).toString(), u"stopped"_s);
    QCOMPARE(taskOf(shown, u"after"_s).value(u"state"_s).toString(), u"stopped"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(run.job), 2000);
    const qint64 child = readFile(run.workspace + u"/runs/"_s + run.runId + u"/wait/child.pid"_s)
                             .trimmed()
                             .toLongLong();
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(child), 2000);
}

void TestPipelineCli::signalStopsRun_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestPipelineCli::signalStopsRun()
{
    QFETCH(int, signal);
    const LongRun run = startLongRun(u"long-signal-%1"_s.arg(signal));
    QVERIFY(!run.runId.isEmpty());
    QVERIFY(isAlive(run.job));

    QElapsedTimer clock;
    clock.start();
    if (signal == SIGTERM)
        run.runner->terminate(); // QProcess sends SIGTERM
    else
        QCOMPARE(::kill(pid_t(run.runner->processId()), signal), 0);
    QVERIFY2(run.runner->waitForFinished(5000), "the run did not end within 5 s of the signal");
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(run.runner->exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.runner->exitCode(), 1);

    const QJsonObject shown = showRun(run.workspace, run.runId);
    QCOMPARE(shown.value(u"state"_s).toString(), u"stopped"_s);
    QCOMPARE(taskOf(shown, u"wait"_s).value(u"state"_s).toString(), u"stopped"_s);
    QCOMPARE(taskOf(shown, u"after"_s).value(u"state"_s).toString(), u"stopped"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(run.job), 2000);
    const qint64 child = readFile(run.workspace + u"/runs/"_s + run.runId + u"/wait/child.pid"_s)
                             .trimmed()
                             .toLongLong();
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(child), 2000);
}

QTEST_GUILESS_MAIN(TestPipelineCli)
/// A task fills the disk the workspace lies on (a real 4 MiB tmpfs) and exits 0: the catalog
/// cannot record the end of the run. Whatever the command prints and returns must match what
/// the catalog recorded — never "succeeded" / exit 0 over a catalog that says otherwise.
void TestPipelineCli::fullDiskNeverReportsSuccess()
{
    if (geteuid() != 0)
        QSKIP("mounting a tmpfs needs root (CI runs as root)");
    const QString mountPoint = m_home->filePath(u"full"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    QProcess mount;
    mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=4m"_s, u"tmpfs"_s, mountPoint});
    QVERIFY(mount.waitForFinished(10000));
    QCOMPARE(mount.exitCode(), 0);
    const auto unmount = qScopeGuard([&] {
        QProcess::execute(u"umount"_s, {u"-l"_s, mountPoint});
    });
    const QString workspace = mountPoint + u"/ws"_s;
    QCOMPARE(run({u"init"_s, workspace}).exitCode, 0);
    const QString filler = mountPoint + u"/filler"_s;
    const QJsonObject doc{
        {u"format"_s, 1},
        {u"name"_s, u"fill"_s},
        {u"nodes"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"fill"_s},
             {u"template"_s, u"shell@1.0"_s},
             {u"params"_s,
              QJsonObject{{u"script"_s, u"dd if=/dev/zero of='"_s + filler +
                                            u"' bs=4096 2>/dev/null; exit 0"_s}}}}}},
        {u"edges"_s, QJsonArray{}}};
    const QString file = m_home->filePath(u"fill.json"_s);
    QVERIFY(writeFile(file, QJsonDocument(doc).toJson()));
    const Outcome outcome = run({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, workspace});
    QVERIFY(QFile::remove(filler)); // room again to read what was recorded
    // No SQL text in what the user reads.
    for (const char *sql : {"UPDATE ", "INSERT ", "SELECT "})
        QVERIFY2(!outcome.err.contains(QLatin1String(sql)), qPrintable(describe(outcome)));
    const QJsonArray runs = runsOf(workspace);
    QVERIFY2(!runs.isEmpty(), qPrintable(describe(outcome)));
    const QString runId = runs.first().toObject().value(u"run"_s).toString();
    const QString recorded = showRun(workspace, runId).value(u"state"_s).toString();
    if (outcome.exitCode == 0) {
        QCOMPARE(recorded, u"succeeded"_s);
    } else {
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(!outcome.out.contains(u"succeeded."_s), qPrintable(describe(outcome)));
        QVERIFY2(recorded != u"succeeded"_s || outcome.err.contains(u"could not record"_s),
                 qPrintable(describe(outcome) + u"\nrecorded: "_s + recorded));
    }
}

#include "tst_pipelinecli.moc"
