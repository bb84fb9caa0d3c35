// What a SIGKILLed Atelier process leaves behind (issue #15): the real `atelier` executable is
// killed with a real SIGKILL while a pipeline's task runs or while a deploy waits for its
// service, and the next command that opens the workspace must end what is left and record it.
// The service here is a real HTTP server process that never answers GET /health with 200 (so the
// deploy stays "starting" for as long as the test needs); it stands in for serve.py, whose model
// loading is not what is tested.
#include "catalog/database.h"
#include "core/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr int kCommandTimeoutMs = 60000;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString describe(const Outcome &outcome)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(outcome.exitCode)
        .arg(outcome.out.left(2000), outcome.err.left(2000));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

/// Whether \a pid runs: gone and zombies (no one reaps the orphans of a killed runner at once)
/// count as ended.
bool isAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close >= 0 && close + 2 < stat.size() && stat.at(close + 2) != 'Z' &&
           stat.at(close + 2) != 'X';
}

/// Whether something listens on 127.0.0.1:\a port (a bind fails).
bool isListening(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return !bound;
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonObject taskOf(const QJsonObject &run, const QString &id)
{
    for (const QJsonValue &value : run.value(u"tasks"_s).toArray())
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    return {};
}

/// A pipeline whose first task waits 30 s with a child of its own (so the group has two
/// processes), before a second task.
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

/// Listens on a free loopback port at once, writes the port file, and answers 503 to every
/// request: a service that never becomes healthy.
const char *const kNeverHealthy = R"py(
import argparse, http.server, os
p = argparse.ArgumentParser()
for option in ("--dir", "--name", "--host", "--port-file", "--metrics-file", "--max-body-mb"):
    p.add_argument(option)
p.add_argument("--port", type=int, default=0)
a = p.parse_args()
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(503)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer((a.host, a.port), Handler)
with open(a.port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(a.port_file + ".tmp", a.port_file)
server.serve_forever()
)py";

} // namespace

class TestOrphans : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment() const;
    Outcome run(const QStringList &args);
    std::unique_ptr<QProcess> start(const QStringList &args);
    /// A workspace with a pipeline run whose first task runs; the runner is then SIGKILLed.
    /// Returns the run id and fills the pids of the task's process and of its child.
    QString killRunnerMidTask(const QString &name, qint64 *job, qint64 *child);
    /// A workspace with model "tiny" version 1 (served by the never-healthy stand-in).
    bool makeModelWorkspace(const QString &workspace);
    /// Starts `model deploy tiny` and waits until its service listens; fills its folder and
    /// port.
    std::unique_ptr<QProcess> startDeploy(const QString &workspace, QString *folder, int *port);

    QTemporaryDir m_home;
    QList<qint64> m_leftovers; ///< killed in cleanup() whatever a failed test left

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void nextCommandEndsKilledRunnersTasks();
    void runsStopEndsKilledRunnersTasks();
    void recordedGroupOfAnotherProcessIsSpared();
    void runnerKilledBeforeRecordingLeavesNoTask();
    void killedDeployLeavesNoServer();
    void undeployWhileDeployingIsReported();
};

QProcessEnvironment TestOrphans::environment() const
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The never-healthy service instead of serve.py, and a stand-in for scikit-learn so that
    // the deploy finds an interpreter on machines without it.
    env.insert(u"ATELIER_SERVING_DIR"_s, m_home.filePath(u"serving"_s));
    env.insert(u"PYTHONPATH"_s, m_home.filePath(u"pylib"_s));
    return env;
}

std::unique_ptr<QProcess> TestOrphans::start(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->setWorkingDirectory(m_home.path());
    process->start(QStringLiteral(ATELIER_BINARY), args);
    return process;
}

Outcome TestOrphans::run(const QStringList &args)
{
    auto process = start(args);
    Outcome outcome;
    if (!process->waitForFinished(kCommandTimeoutMs)) {
        process->kill();
        process->waitForFinished(5000);
        return outcome;
    }
    outcome.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    outcome.out = QString::fromUtf8(process->readAllStandardOutput());
    outcome.err = QString::fromUtf8(process->readAllStandardError());
    return outcome;
}

void TestOrphans::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(QDir().mkpath(m_home.filePath(u"serving"_s)));
    QVERIFY(writeFile(m_home.filePath(u"serving/serve.py"_s), kNeverHealthy));
    QVERIFY(QDir().mkpath(m_home.filePath(u"pylib/sklearn"_s)));
    QVERIFY(writeFile(m_home.filePath(u"pylib/sklearn/__init__.py"_s), {}));
}

void TestOrphans::cleanup()
{
    for (qint64 pid : std::as_const(m_leftovers))
        if (isAlive(pid))
            ::killpg(pid_t(pid), SIGKILL);
    m_leftovers.clear();
}

QString TestOrphans::killRunnerMidTask(const QString &name, qint64 *job, qint64 *child)
{
    const QString workspace = m_home.filePath(name);
    const Outcome init = run({u"init"_s, workspace});
    if (init.exitCode != 0) {
        qWarning().noquote() << describe(init);
        return {};
    }
    const QString file = m_home.filePath(name + u".json"_s);
    if (!writeFile(file, longPipeline(name)))
        return {};
    auto runner = start({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, workspace});
    if (!runner->waitForStarted(5000))
        return {};
    // The task's child writes its pid once the task runs; the run is the only one.
    QString runId;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000 && runner->state() == QProcess::Running) {
        const QStringList runs =
            QDir(workspace + u"/runs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (!runs.isEmpty()) {
            runId = runs.constFirst();
            *child = readFile(workspace + u"/runs/"_s + runId + u"/wait/child.pid"_s)
                         .trimmed()
                         .toLongLong();
            if (*child > 0)
                break;
        }
        QThread::msleep(50);
    }
    if (*child <= 0) {
        qWarning() << "the task did not start:" << runner->readAllStandardError();
        return {};
    }
    m_leftovers << *child;
    const QJsonObject shown = parseObject(
        run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, workspace, u"--json"_s}).out);
    *job = taskOf(shown, u"wait"_s).value(u"job_id"_s).toString().toLongLong();
    m_leftovers << *job;

    ::kill(pid_t(runner->processId()), SIGKILL);
    runner->waitForFinished(5000);
    return runId;
}

/// The bug: the task's group outlived its killed runner. Now the next command that opens the
/// workspace ends it, marks the started task lost (no exit code: it has none) and the run
/// failed; what the command says agrees with the catalog.
void TestOrphans::nextCommandEndsKilledRunnersTasks()
{
    qint64 job = 0;
    qint64 child = 0;
    const QString runId = killRunnerMidTask(u"killed-runner"_s, &job, &child);
    QVERIFY(!runId.isEmpty());
    QVERIFY(job > 0);
    // What the killed runner left: its task and the task's child still run.
    QVERIFY(isAlive(job));
    QVERIFY(isAlive(child));

    const QString workspace = m_home.filePath(u"killed-runner"_s);
    const Outcome listed = run({u"runs"_s, u"list"_s, u"--workspace"_s, workspace, u"--json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    QVERIFY2(listed.err.contains(u"1 run whose Atelier process had ended"_s),
             qPrintable(describe(listed)));
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(job), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(child), 1000);

    const Outcome shown =
        run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, workspace, u"--json"_s});
    QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
    QVERIFY2(!shown.err.contains(u"whose Atelier process had ended"_s),
             qPrintable(describe(shown))); // reaped once
    const QJsonObject runJson = parseObject(shown.out);
    QCOMPARE(runJson.value(u"state"_s).toString(), u"failed"_s);
    QVERIFY2(runJson.value(u"message"_s).toString().contains(u"ended unexpectedly"_s),
             qPrintable(shown.out));
    const QJsonObject wait = taskOf(runJson, u"wait"_s);
    QCOMPARE(wait.value(u"state"_s).toString(), u"lost"_s);
    QVERIFY2(wait.value(u"exit_code"_s).isNull(), qPrintable(shown.out));
    QCOMPARE(taskOf(runJson, u"after"_s).value(u"state"_s).toString(), u"stopped"_s);

    // Stopping the leftover now is no refusal: there is nothing left to end.
    const Outcome stopped = run({u"runs"_s, u"stop"_s, runId, u"--workspace"_s, workspace});
    QVERIFY2(stopped.exitCode == 0, qPrintable(describe(stopped)));
    QVERIFY2(stopped.out.contains(u"ended now: 0"_s), qPrintable(describe(stopped)));
}

/// `runs stop` as the first command after the kill: it ends the tasks (before, it refused:
/// "only a pending or running run can be stopped", and the task ran on).
void TestOrphans::runsStopEndsKilledRunnersTasks()
{
    qint64 job = 0;
    qint64 child = 0;
    const QString runId = killRunnerMidTask(u"stop-leftover"_s, &job, &child);
    QVERIFY(!runId.isEmpty());
    QVERIFY(isAlive(job) && isAlive(child));

    const QString workspace = m_home.filePath(u"stop-leftover"_s);
    const Outcome stopped = run({u"runs"_s, u"stop"_s, runId, u"--workspace"_s, workspace});
    QVERIFY2(stopped.exitCode == 0, qPrintable(describe(stopped)));
    QVERIFY2(stopped.out.contains(runId), qPrintable(describe(stopped)));
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(job), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(child), 1000);
    const QJsonObject runJson = parseObject(
        run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, workspace, u"--json"_s}).out);
    QCOMPARE(runJson.value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(taskOf(runJson, u"wait"_s).value(u"state"_s).toString(), u"lost"_s);
}

/// A recorded group whose leader's start time is not the recorded one belongs to a process
/// that drew the pid again: the run is reaped, the process is left alone.
void TestOrphans::recordedGroupOfAnotherProcessIsSpared()
{
    const QString workspace = m_home.filePath(u"pid-reused"_s);
    QCOMPARE(run({u"init"_s, workspace}).exitCode, 0);

    QProcess stranger;
    stranger.setChildProcessModifier([] { ::setsid(); });
    stranger.start(u"/bin/sleep"_s, {u"30"_s});
    QVERIFY(stranger.waitForStarted(5000));
    const qint64 pid = stranger.processId();
    m_leftovers << pid;
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    const qint64 started = stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(19).toLongLong();
    QVERIFY(started > 0);

    {
        auto opened = Workspace::open(workspace);
        QVERIFY(opened);
        Database &db = opened->catalog();
        // A runner that is gone (pid 2^31 - 1 is never given) …
        QVERIFY(db.query("INSERT INTO runs (id, pipeline, pipeline_name, state, created_at, "
                         "runner_pid, runner_started) VALUES ('r', 'p', 'P', 'running', "
                         "'2026-12-06T00:00:00.000Z', 2147483647, 1)")
                    .exec());
        // … whose task's group had the stranger's pid, but started one tick later.
        QVERIFY(db.query("INSERT INTO tasks (run_id, node_id, template, state, started_at, pgid, "
                         "pgid_started) VALUES ('r', 'a', 'shell@1.0', 'running', "
                         "'2026-12-06T00:00:00.000Z', ?1, ?2)")
                    .bind(1, pid)
                    .bind(2, started + 1)
                    .exec());
    }
    const Outcome stopped = run({u"runs"_s, u"stop"_s, u"r"_s, u"--workspace"_s, workspace});
    QVERIFY2(stopped.exitCode == 0, qPrintable(describe(stopped)));
    QVERIFY2(stopped.err.contains(u"1 run whose"_s), qPrintable(describe(stopped)));
    QVERIFY(isAlive(pid));
    QCOMPARE(stranger.state(), QProcess::Running);
    stranger.kill();
    stranger.waitForFinished(5000);
}

/// The bug: a runner SIGKILLed after its task's process started but before the catalog held
/// the task's group left the task running unknown to anyone. A test hook makes the runner kill
/// itself exactly there; the task must not run its command (it waits for the runner to record
/// its group and exits when the runner is gone), and the next command reaps the run.
void TestOrphans::runnerKilledBeforeRecordingLeavesNoTask()
{
    const QString workspace = m_home.filePath(u"killed-before-record"_s);
    QCOMPARE(run({u"init"_s, workspace}).exitCode, 0);
    const QString file = m_home.filePath(u"killed-before-record.json"_s);
    const QJsonObject script{
        {u"script"_s, u"echo $$ > \"$ATELIER_TASK_DIR/task.pid\"; sleep 30"_s}};
    const QJsonObject doc{{u"format"_s, 1},
                          {u"name"_s, u"killed before record"_s},
                          {u"nodes"_s, QJsonArray{QJsonObject{{u"id"_s, u"wait"_s},
                                                              {u"template"_s, u"shell@1.0"_s},
                                                              {u"params"_s, script}}}},
                          {u"edges"_s, QJsonArray{}}};
    QVERIFY(writeFile(file, QJsonDocument(doc).toJson()));

    QProcessEnvironment env = environment();
    env.insert(u"ATELIER_TEST_FAULT"_s, u"kill-after-spawn"_s);
    QProcess runner;
    runner.setProcessEnvironment(env);
    runner.setWorkingDirectory(m_home.path());
    runner.start(QStringLiteral(ATELIER_BINARY),
                 {u"pipeline"_s, u"run"_s, file, u"--workspace"_s, workspace});
    QVERIFY(runner.waitForFinished(kCommandTimeoutMs));
    // The hook fired: the runner died of SIGKILL, with the task's process started.
    QCOMPARE(runner.exitStatus(), QProcess::CrashExit);
    QCOMPARE(runner.exitCode(), int(SIGKILL));
    const QStringList runs =
        QDir(workspace + u"/runs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(runs.size(), 1);
    const QString runId = runs.constFirst();
    const QString pidFile = workspace + u"/runs/"_s + runId + u"/wait/task.pid"_s;

    // Long enough for a task that was let go to have written its pid (it does at once).
    QThread::msleep(1500);
    const qint64 task = readFile(pidFile).trimmed().toLongLong();
    if (task > 0)
        m_leftovers << task;
    QVERIFY2(task <= 0 || !isAlive(task), "the task of the killed runner runs on, unrecorded");
    QVERIFY2(!QFileInfo::exists(pidFile), "the task ran its command after its runner died");

    const Outcome shown =
        run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, workspace, u"--json"_s});
    QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
    QVERIFY2(shown.err.contains(u"1 run whose Atelier process had ended"_s),
             qPrintable(describe(shown)));
    QCOMPARE(parseObject(shown.out).value(u"state"_s).toString(), u"failed"_s);
}

bool TestOrphans::makeModelWorkspace(const QString &workspace)
{
    auto created = Workspace::create(workspace, {});
    if (!created)
        return false;
    const QString modelDir = m_home.filePath(u"model"_s);
    QDir().mkpath(modelDir);
    if (!writeFile(modelDir + u"/model.pkl"_s, "not read by the stand-in"))
        return false;
    auto stored = created->storeFile(modelDir + u"/model.pkl"_s);
    if (!stored)
        return false;
    Database &db = created->catalog();
    return db.query("INSERT INTO models (id, name) VALUES (1, 'tiny')").exec() &&
           db.query("INSERT INTO model_versions (id, model_id, version, framework, "
                    "source_path) VALUES (1, 1, 1, 'sklearn', ?1)")
               .bind(1, modelDir)
               .exec() &&
           db.query("INSERT INTO model_files (version_id, path, hash, size) "
                    "VALUES (1, 'model.pkl', ?1, ?2)")
               .bind(1, stored->hash)
               .bind(2, stored->size)
               .exec();
}

std::unique_ptr<QProcess> TestOrphans::startDeploy(const QString &workspace, QString *folder,
                                                   int *port)
{
    auto deployer = start({u"model"_s, u"deploy"_s, u"tiny"_s, u"--workspace"_s, workspace});
    if (!deployer->waitForStarted(5000))
        return deployer;
    // The service listens (its port file is written after the bind) while the deploy waits
    // for a healthy answer that never comes.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000 && deployer->state() == QProcess::Running && *port == 0) {
        const QStringList services =
            QDir(workspace + u"/services"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (!services.isEmpty()) {
            *folder = workspace + u"/services/"_s + services.constFirst();
            *port = readFile(*folder + u"/port"_s).trimmed().toInt();
        }
        QThread::msleep(50);
    }
    return deployer;
}

/// The bug: a deploy killed while its service starts left the server listening, "starting"
/// for ever. Now `model undeploy` (or any command that opens the workspace first) ends it.
void TestOrphans::killedDeployLeavesNoServer()
{
    const QString workspace = m_home.filePath(u"killed-deploy"_s);
    QVERIFY(makeModelWorkspace(workspace));
    QString folder;
    int port = 0;
    auto deployer = startDeploy(workspace, &folder, &port);
    QVERIFY2(port > 0, deployer->readAllStandardError().constData());
    const qint64 server = readFile(folder + u"/service.pid"_s).trimmed().toLongLong();
    QVERIFY(server > 0);
    m_leftovers << server;

    ::kill(pid_t(deployer->processId()), SIGKILL);
    QVERIFY(deployer->waitForFinished(5000));
    QVERIFY(isAlive(server));
    QVERIFY(isListening(port));

    const QString id = QFileInfo(folder).fileName();
    const Outcome undeployed = run({u"model"_s, u"undeploy"_s, id, u"--workspace"_s, workspace});
    QVERIFY2(undeployed.exitCode == 0, qPrintable(describe(undeployed)));
    QVERIFY2(undeployed.err.contains(u"1 service left starting"_s),
             qPrintable(describe(undeployed)));
    QVERIFY2(undeployed.out.contains(id), qPrintable(describe(undeployed)));
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(server), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!isListening(port), 2000);

    const Outcome listed =
        run({u"model"_s, u"services"_s, u"--workspace"_s, workspace, u"--json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    const QJsonObject service =
        parseObject(listed.out).value(u"services"_s).toArray().first().toObject();
    QCOMPARE(service.value(u"id"_s).toString(), id);
    QCOMPARE(service.value(u"state"_s).toString(), u"stopped"_s);
}

/// The soak's unexplained "did not start": `model undeploy tiny` stopped the service of a
/// deploy that was still waiting for it, and the deploy wrote "failed: the service did not
/// start" over the undeploy's "stopped". Now the deploy says what happened and the record stays.
void TestOrphans::undeployWhileDeployingIsReported()
{
    const QString workspace = m_home.filePath(u"undeploy-while-deploying"_s);
    QVERIFY(makeModelWorkspace(workspace));
    QString folder;
    int port = 0;
    auto deployer = startDeploy(workspace, &folder, &port);
    QVERIFY2(port > 0, deployer->readAllStandardError().constData());
    const qint64 server = readFile(folder + u"/service.pid"_s).trimmed().toLongLong();
    m_leftovers << server;

    const Outcome undeployed =
        run({u"model"_s, u"undeploy"_s, u"tiny"_s, u"--workspace"_s, workspace});
    QVERIFY2(undeployed.exitCode == 0, qPrintable(describe(undeployed)));
    QVERIFY(deployer->waitForFinished(kCommandTimeoutMs));
    const QString said = QString::fromUtf8(deployer->readAllStandardError());
    QCOMPARE(deployer->exitCode(), 1);
    QVERIFY2(said.contains(u"another command stopped service"_s), qPrintable(said));
    QVERIFY(!isAlive(server));

    const Outcome listed =
        run({u"model"_s, u"services"_s, u"--workspace"_s, workspace, u"--json"_s});
    const QJsonObject service =
        parseObject(listed.out).value(u"services"_s).toArray().first().toObject();
    QCOMPARE(service.value(u"state"_s).toString(), u"stopped"_s);
}

QTEST_GUILESS_MAIN(TestOrphans)
#include "tst_orphans.moc"
