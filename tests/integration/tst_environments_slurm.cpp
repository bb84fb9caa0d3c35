// Environments on a Slurm pool (issue #20): the batch script runs the task through podman on
// the compute node of the single-node cluster of scripts/slurm-up, in the offline test image
// of tests/tools/make-test-image. Both are started or made by scripts/test.
#include "containerenv.h"
#include "slurmenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kImage = u"localhost/atelier-test:bookworm"_s;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(out.left(2000),
                                                                      err.left(2000));
    }
};

} // namespace

class TestEnvironmentsSlurm : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QTemporaryDir m_home;

    Outcome run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SLURM_CONF"_s, m_env.value(u"SLURM_CONF"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ATELIER_BINARY), arguments);
        Outcome outcome;
        if (!process.waitForFinished(240000)) {
            process.kill();
            process.waitForFinished();
            return outcome;
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_SLURM(m_env);
        QVERIFY(m_home.isValid());
        if (qEnvironmentVariableIsEmpty("CONTAINERS_CONF"))
            qputenv("CONTAINERS_CONF", ATELIER_SOURCE_DIR "/tests/containers.conf");
        REQUIRE_TEST_IMAGE(run({u"image"_s, u"inspect"_s, kImage}).exitCode == 0);
    }

    void taskRunsInImageOnCluster()
    {
        const QString ws = m_home.filePath(u"ws"_s);
        QCOMPARE(run({u"init"_s, ws}).exitCode, 0);
        const Outcome added = run({u"pool"_s, u"add-slurm"_s, u"cluster"_s, u"--url"_s,
                                   m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s,
                                   m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--partition"_s,
                                   m_env.value(u"ATELIER_SLURM_PARTITION"_s), u"--staging"_s,
                                   m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, ws});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        const QJsonObject node{
            {u"id"_s, u"inside"_s},
            {u"template"_s, u"shell"_s},
            {u"pool"_s, u"cluster"_s},
            {u"environment"_s, QJsonObject{{u"image"_s, kImage}}},
            {u"params"_s,
             QJsonObject{{u"script"_s,
                          u"cat /etc/atelier-test-image > \"$ATELIER_OUTPUT_OUT/mark\"; "
                          "echo \"$SLURM_JOB_ID\" > \"$ATELIER_OUTPUT_OUT/job\""_s}}}};
        const QString file = m_home.filePath(u"slurm-image.json"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(QJsonObject{{u"format"_s, 1},
                                            {u"name"_s, u"slurm-image"_s},
                                            {u"nodes"_s, QJsonArray{node}},
                                            {u"edges"_s, QJsonArray{}}})
                      .toJson());
        out.close();
        const Outcome ran = run({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, ws, u"--json"_s});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        const QString runId =
            QJsonDocument::fromJson(ran.out.toUtf8()).object().value(u"run"_s).toString();
        const QJsonObject shown =
            QJsonDocument::fromJson(
                run({u"runs"_s, u"show"_s, runId, u"--json"_s, u"--workspace"_s, ws}).out.toUtf8())
                .object();
        const QJsonObject task = shown.value(u"tasks"_s).toArray().first().toObject();
        QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
        QVERIFY(task.value(u"job_id"_s).toString().toInt() > 0);
        const QString imageId =
            QJsonDocument::fromJson(
                run({u"image"_s, u"inspect"_s, kImage, u"--json"_s}).out.toUtf8())
                .object()
                .value(u"id"_s)
                .toString();
        QCOMPARE(task.value(u"image_id"_s).toString(), imageId);
        // Ran in the image (its mark), as a Slurm job, outputs the user's.
        const QString outputs = task.value(u"outputs"_s).toString() + u"/out"_s;
        QFile mark(outputs + u"/mark"_s);
        QVERIFY2(mark.open(QIODevice::ReadOnly), qPrintable(mark.fileName()));
        QCOMPARE(mark.readAll().trimmed(), kImage.toUtf8());
        QFile job(outputs + u"/job"_s);
        QVERIFY(job.open(QIODevice::ReadOnly));
        QCOMPARE(job.readAll().trimmed(), task.value(u"job_id"_s).toString().toUtf8());
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(mark.fileName()).constData(), &info), 0);
        QCOMPARE(info.st_uid, ::geteuid());
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsSlurm)
#include "tst_environments_slurm.moc"
