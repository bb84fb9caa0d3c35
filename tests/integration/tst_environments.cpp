// Environments (issue #20): nodes that run in a podman image, through the real `atelier`
// executable and the real podman of this machine, in the offline test image that
// tests/tools/make-test-image builds (scripts/test runs it). Podman reads CONTAINERS_CONF;
// when it is unset the test points it at tests/containers.conf, as scripts/test does.
#include "containers/containercommand.h"
#include "environments/environmentspec.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/templatelibrary.h"

#include "containerenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kImage = u"localhost/atelier-test:bookworm"_s;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runProgram(const QString &program, const QStringList &arguments,
                   const QMap<QString, QString> &extraEnv = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        outcome.err = u"timed out"_s;
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

Outcome cli(const QStringList &arguments, const QMap<QString, QString> &extraEnv = {})
{
    return runProgram(QStringLiteral(ATELIER_BINARY), arguments, extraEnv);
}

QJsonObject jsonOf(const Outcome &outcome)
{
    return QJsonDocument::fromJson(outcome.out.toUtf8()).object();
}

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

/// A one-node pipeline (plus an optional host node below it) whose node runs \a script.
QByteArray pipeline(const QString &name, const QString &image, const QString &script)
{
    QJsonObject node{{u"id"_s, u"inside"_s},
                     {u"template"_s, u"shell@1.0"_s},
                     {u"params"_s, QJsonObject{{u"script"_s, script}}}};
    if (!image.isEmpty())
        node.insert(u"environment"_s, QJsonObject{{u"image"_s, image}});
    return QJsonDocument(QJsonObject{{u"format"_s, 1},
                                     {u"name"_s, name},
                                     {u"nodes"_s, QJsonArray{node}},
                                     {u"edges"_s, QJsonArray{}}})
        .toJson();
}

QJsonObject taskOf(const QJsonObject &run, const QString &id)
{
    for (const QJsonValue &value : run.value(u"tasks"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestEnvironments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;
    bool m_haveImage = false;
    QString m_imageId;

    QString pipelineFile(const QString &name, const QByteArray &json)
    {
        const QString path = m_dir.filePath(name + u".json"_s);
        return writeFile(path, json) ? path : QString();
    }

    /// Runs the pipeline file; returns `runs show --json` of the run it made.
    QJsonObject runPipeline(const QString &file, int expectedExit = 0)
    {
        const Outcome ran =
            cli({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace, u"--json"_s});
        if (ran.exitCode != expectedExit) {
            qWarning("%s", qPrintable(describe(ran)));
            return {};
        }
        const QString runId = jsonOf(ran).value(u"run"_s).toString();
        const Outcome shown =
            cli({u"runs"_s, u"show"_s, runId, u"--workspace"_s, m_workspace, u"--json"_s});
        return jsonOf(shown);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsEmpty("CONTAINERS_CONF"))
            qputenv("CONTAINERS_CONF", ATELIER_SOURCE_DIR "/tests/containers.conf");
        m_workspace = m_dir.filePath(u"ws"_s);
        const Outcome init = cli({u"init"_s, m_workspace});
        QVERIFY2(init.exitCode == 0, qPrintable(describe(init)));
        const Outcome inspected = cli({u"image"_s, u"inspect"_s, kImage, u"--json"_s});
        m_haveImage = inspected.exitCode == 0;
        m_imageId = jsonOf(inspected).value(u"id"_s).toString();
    }

    // Pure: the precedence and the argv, no podman needed.
    void environmentPrecedence()
    {
        const QJsonObject tmpl{{u"image"_s, u"localhost/t:1"_s}};
        const QJsonObject pipe{{u"image"_s, u"localhost/p:1"_s}};
        const QJsonObject node{{u"image"_s, u"host"_s}};
        QCOMPARE(EnvironmentSpec::resolve(tmpl, {}, {}).image, u"localhost/t:1"_s);
        QCOMPARE(EnvironmentSpec::resolve(tmpl, pipe, {}).image, u"localhost/p:1"_s);
        QVERIFY(EnvironmentSpec::resolve(tmpl, pipe, node).isHost());
        QVERIFY(EnvironmentSpec::resolve({}, {}, {}).isHost());
        QVERIFY(!EnvironmentSpec::fromJson({{u"image"_s, u"-rm"_s}}));
        QVERIFY(!EnvironmentSpec::fromJson({{u"image"_s, u"a b"_s}}));
        QVERIFY(!EnvironmentSpec::fromJson({{u"imag"_s, u"x"_s}}));
        QVERIFY(!EnvironmentSpec::fromJson({{u"network"_s, u"yes"_s}}));
        auto doc = PipelineDocument::fromJson(
            R"({"format": 1, "name": "p", "nodes": [{"id": "a", "template": "shell",
                "environment": {"image": "Not Valid"}}], "edges": []})",
            u"p.json"_s);
        QVERIFY(!doc);
        QVERIFY2(doc.error().message.contains(u"nodes[0].environment"_s),
                 qPrintable(doc.error().message));
    }

    // The canvas edits a node's environment like any other field: checked, one undo step.
    void graphModelEnvironment()
    {
        TemplateLibrary library;
        library.addDirectory(TemplateLibrary::builtinDirectory());
        GraphModel model(library);
        auto id = model.addNode(u"shell"_s, QPointF(0, 0));
        QVERIFY(id);
        const QJsonObject image{{u"image"_s, u"localhost/atelier-test:bookworm"_s}};
        QVERIFY(!model.setValue(id.value(), u"environment"_s,
                                QJsonObject{{u"image"_s, u"Not Valid"_s}}));
        QVERIFY(model.setValue(id.value(), u"environment"_s, image));
        QCOMPARE(model.document().node(id.value())->environment, image);
        QVERIFY(model.document().toJson().contains("localhost/atelier-test:bookworm"));
        model.undoStack()->undo();
        QVERIFY(model.document().node(id.value())->environment.isEmpty());
        model.undoStack()->redo();
        QCOMPARE(model.value(id.value(), u"environment"_s).toObject(), image);
    }

    void containerArgv()
    {
        TaskLaunch task;
        task.key = u"20261207-1/train"_s;
        task.argv = {u"python3"_s, u"-c"_s, u"print(1)"_s};
        task.workingDirectory = u"/ws/runs/r/train"_s;
        task.environment = {{u"ATELIER_TASK_DIR"_s, u"/ws/runs/r/train"_s},
                            {u"CUDA_VISIBLE_DEVICES"_s, u"2,3"_s}};
        task.resources.cpus = 2;
        task.resources.memoryMb = 768;
        task.gpus = {2, 3};
        task.container.imageId = u"abc123"_s;
        task.container.writablePaths = {u"/ws/runs/r/train"_s};
        task.container.readOnlyPaths = {u"/ws/runs/r/prep/outputs/out"_s};
        const QStringList rootless =
            ContainerCommand::wrap(task, u"atelier-x"_s, u"podman"_s, true);
        const QString joined = rootless.join(u' ');
        QCOMPARE(rootless.first(), u"podman"_s);
        QVERIFY(joined.contains(u"--network none"_s));
        QVERIFY(joined.contains(u"--userns=keep-id"_s));
        QVERIFY(joined.contains(u"--cpus 2 --memory 768m"_s));
        QVERIFY(joined.contains(u"--device nvidia.com/gpu=2 --device nvidia.com/gpu=3"_s));
        QVERIFY(joined.contains(u"--volume /ws/runs/r/train:/ws/runs/r/train:rw"_s));
        QVERIFY(joined.contains(
            u"--volume /ws/runs/r/prep/outputs/out:/ws/runs/r/prep/outputs/out:ro"_s));
        QVERIFY(joined.contains(u"--env CUDA_VISIBLE_DEVICES=0,1"_s)); // CDI numbers from 0
        QVERIFY(joined.contains(u"--workdir /ws/runs/r/train"_s));
        // The image, then the task's argv untouched, each element its own argument.
        QCOMPARE(rootless.mid(rootless.size() - 4),
                 (QStringList{u"abc123"_s, u"python3"_s, u"-c"_s, u"print(1)"_s}));
        task.container.network = true;
        const QStringList asRoot = ContainerCommand::wrap(task, u"atelier-x"_s, u"podman"_s, false);
        QVERIFY(!asRoot.contains(u"--userns=keep-id"_s));
        QVERIFY(!asRoot.join(u' ').contains(u"--network none"_s));
    }

    void nodeRunsInImage()
    {
        REQUIRE_TEST_IMAGE(m_haveImage);
        const QString file = pipelineFile(
            u"inside"_s, pipeline(u"inside"_s, kImage,
                                  u"cat /etc/os-release > \"$ATELIER_OUTPUT_OUT/os-release\"; "
                                  "cat /etc/atelier-test-image > \"$ATELIER_OUTPUT_OUT/mark\"; "
                                  "test -d \"$ATELIER_TASK_DIR\" && echo \"$ATELIER_RUN_ID\" > "
                                  "\"$ATELIER_OUTPUT_OUT/run\""_s));
        const QJsonObject run = runPipeline(file);
        const QJsonObject task = taskOf(run, u"inside"_s);
        QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
        // The image's file system: its os-release (the same as podman shows by hand) and the
        // mark only the test image has.
        const QString outputs = task.value(u"outputs"_s).toString() + u"/out"_s;
        const Outcome byHand =
            runProgram(u"podman"_s, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, kImage,
                                     u"cat"_s, u"/etc/os-release"_s});
        QCOMPARE(byHand.exitCode, 0);
        QCOMPARE(QString::fromUtf8(readFile(outputs + u"/os-release"_s)), byHand.out);
        QCOMPARE(readFile(outputs + u"/mark"_s).trimmed(), kImage.toUtf8());
        QVERIFY(!QFileInfo::exists(u"/etc/atelier-test-image"_s)); // it was not the host
        // The contract inside: the run id reached it, outputs are the user's.
        QCOMPARE(QString::fromUtf8(readFile(outputs + u"/run"_s).trimmed()),
                 run.value(u"run"_s).toString());
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(outputs + u"/mark"_s).constData(), &info), 0);
        QCOMPARE(info.st_uid, ::geteuid());
        // The run records the image and its id.
        QCOMPARE(task.value(u"image"_s).toString(), kImage);
        QCOMPARE(task.value(u"image_id"_s).toString(), m_imageId);
        QVERIFY(!m_imageId.isEmpty());
    }

    void networkOffUnlessAsked()
    {
        REQUIRE_TEST_IMAGE(m_haveImage);
        // Without a network a container has only the loopback interface.
        const QString file = pipelineFile(
            u"net"_s,
            pipeline(u"net"_s, kImage, u"ls /sys/class/net > \"$ATELIER_OUTPUT_OUT/ifaces\""_s));
        const QJsonObject run = runPipeline(file);
        const QJsonObject task = taskOf(run, u"inside"_s);
        QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(readFile(task.value(u"outputs"_s).toString() + u"/out/ifaces"_s).trimmed(),
                 QByteArray("lo"));
    }

    void changedImageIdInvalidatesCache()
    {
        REQUIRE_TEST_IMAGE(m_haveImage);
        const QString name = u"localhost/atelier-envtest:cache"_s;
        QCOMPARE(runProgram(u"podman"_s, {u"tag"_s, kImage, name}).exitCode, 0);
        const auto cleanup = qScopeGuard([&] { runProgram(u"podman"_s, {u"rmi"_s, name}); });
        const QString file = pipelineFile(
            u"cache"_s, pipeline(u"cache"_s, name, u"echo made > \"$ATELIER_OUTPUT_OUT/x\""_s));
        const QJsonObject first = runPipeline(file);
        QCOMPARE(taskOf(first, u"inside"_s).value(u"state"_s).toString(), u"succeeded"_s);
        const QJsonObject again = runPipeline(file);
        QCOMPARE(taskOf(again, u"inside"_s).value(u"state"_s).toString(), u"cached"_s);

        // The same name now names another image (built from the first, offline).
        const QString context = m_dir.filePath(u"context"_s);
        QVERIFY(QDir().mkpath(context));
        QVERIFY(writeFile(context + u"/Containerfile"_s,
                          "FROM " + kImage.toUtf8() + "\nLABEL atelier.test=changed\n"));
        const Outcome built =
            cli({u"image"_s, u"build"_s, context, u"--name"_s, name, u"--json"_s});
        QVERIFY2(built.exitCode == 0, qPrintable(describe(built)));
        const QString newId = jsonOf(built).value(u"id"_s).toString();
        QVERIFY(!newId.isEmpty() && newId != m_imageId);

        const QJsonObject changed = runPipeline(file);
        const QJsonObject task = taskOf(changed, u"inside"_s);
        QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(task.value(u"image_id"_s).toString(), newId);
    }

    void unknownImageRefused()
    {
        const QString file = pipelineFile(
            u"unknown"_s, pipeline(u"unknown"_s, u"localhost/no-such-image:1"_s, u"true"_s));
        const Outcome ran = cli({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(u"localhost/no-such-image:1"_s) &&
                     ran.err.contains(u"atelier image list"_s),
                 qPrintable(describe(ran)));
        // Nothing was recorded: no run of this pipeline.
        const Outcome runs =
            cli({u"runs"_s, u"list"_s, u"--workspace"_s, m_workspace, u"--json"_s});
        QVERIFY2(!runs.out.contains(u"\"unknown\""_s), qPrintable(runs.out));
    }

    void podmanMissingRefused()
    {
        const QString file =
            pipelineFile(u"nopodman"_s, pipeline(u"nopodman"_s, kImage, u"true"_s));
        const Outcome ran = cli({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace},
                                {{u"ATELIER_PODMAN"_s, m_dir.filePath(u"no/podman"_s)}});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(u"podman is not installed"_s), qPrintable(describe(ran)));
        // Podman failing says what podman said.
        const Outcome failing =
            cli({u"image"_s, u"list"_s}, {{u"CONTAINERS_CONF"_s, m_dir.filePath(u"none"_s)}});
        QCOMPARE(failing.exitCode, 1);
        QVERIFY2(failing.err.contains(u"CONTAINERS_CONF"_s), qPrintable(describe(failing)));
    }

    /// A runner SIGKILLed while its task runs in a container: the next command that opens the
    /// workspace ends the container too (podman's conmon is outside the task's process group).
    void killedRunnersContainerIsRemoved()
    {
        REQUIRE_TEST_IMAGE(m_haveImage);
        const QString file =
            pipelineFile(u"sleeper"_s, pipeline(u"sleeper"_s, kImage, u"sleep 300"_s));
        QProcess runner;
        runner.start(QStringLiteral(ATELIER_BINARY),
                     {u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace});
        QVERIFY(runner.waitForStarted());
        // The run's id, then its task's container, found by the label it carries.
        QString runId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Outcome listed =
                    cli({u"runs"_s, u"list"_s, u"--workspace"_s, m_workspace, u"--json"_s});
                for (const QJsonValue &run : jsonOf(listed).value(u"runs"_s).toArray()) {
                    if (run[u"state"_s].toString() == u"running"_s &&
                        run[u"name"_s].toString() == u"sleeper"_s)
                        runId = run[u"run"_s].toString();
                }
                return !runId.isEmpty();
            }(),
            60000);
        const auto containers = [&runId] {
            const Outcome listed =
                runProgram(u"podman"_s, {u"ps"_s, u"--quiet"_s, u"--filter"_s,
                                         u"label=atelier.task="_s + runId + u"/inside"_s});
            return listed.out.split(u'\n', Qt::SkipEmptyParts).size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(containers() > 0, 60000);
        runner.kill(); // SIGKILL: the runner records nothing more
        QVERIFY(runner.waitForFinished(10000));
        const Outcome opened = cli({u"runs"_s, u"list"_s, u"--workspace"_s, m_workspace});
        QVERIFY2(opened.exitCode == 0, qPrintable(describe(opened)));
        QTRY_COMPARE_WITH_TIMEOUT(containers(), 0, 20000);
    }

    void imageCommands()
    {
        SKIP_IN_CHROOT();
        // A tiny root file system imported, listed, inspected and removed.
        const QString root = m_dir.filePath(u"rootfs"_s);
        QVERIFY(QDir().mkpath(root + u"/etc"_s));
        QVERIFY(writeFile(root + u"/etc/hello"_s, "hello\n"));
        const QString tar = m_dir.filePath(u"rootfs.tar"_s);
        QCOMPARE(runProgram(u"tar"_s, {u"-C"_s, root, u"-cf"_s, tar, u"."_s}).exitCode, 0);
        const QString name = u"localhost/atelier-envtest:tiny"_s;
        const Outcome imported =
            cli({u"image"_s, u"import"_s, tar, u"--name"_s, name, u"--json"_s});
        QVERIFY2(imported.exitCode == 0, qPrintable(describe(imported)));
        QVERIFY(jsonOf(imported).value(u"names"_s).toArray().contains(name));
        const Outcome listed = cli({u"image"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        bool found = false;
        for (const QJsonValue &image : jsonOf(listed).value(u"images"_s).toArray())
            found = found || image.toObject().value(u"names"_s).toArray().contains(name);
        QVERIFY2(found, qPrintable(listed.out));
        const Outcome removed = cli({u"image"_s, u"remove"_s, name});
        QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));
        QCOMPARE(cli({u"image"_s, u"inspect"_s, name}).exitCode, 1);
        // Bad input, refused before podman runs.
        const Outcome noName = cli({u"image"_s, u"import"_s, tar});
        QCOMPARE(noName.exitCode, 2);
        const Outcome badName = cli({u"image"_s, u"import"_s, tar, u"--name"_s, u"--rm"_s});
        QVERIFY(badName.exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestEnvironments)
#include "tst_environments.moc"
