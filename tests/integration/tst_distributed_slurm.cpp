// Distributed training on the Slurm test cluster (scripts/slurm-up): a "pytorch-ddp" node with
// two processes per node runs as one batch job whose script starts both ranks through
// torch.distributed.run; they all-reduce over gloo, and each rank's log is kept in the task
// folder (the pool's staging folder).
#include "slurmenv.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDistributedSlurm : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QTemporaryDir m_home;
    QString m_workspace;

    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Outcome atelier(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"SLURM_CONF"_s, m_env.value(u"SLURM_CONF"_s));
        env.insert(u"ATELIER_SLURM_POLL_MS"_s, u"250"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ATELIER_BINARY),
                      args + QStringList{u"--workspace"_s, m_workspace});
        Outcome outcome;
        if (!process.waitForFinished(240000)) {
            process.kill();
            process.waitForFinished(5000);
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
        m_workspace = m_home.filePath(u"ws"_s);
        QProcess init;
        init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_workspace});
        QVERIFY(init.waitForFinished(60000) && init.exitCode() == 0);
        const QString data =
            QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/distributed/ddp-allreduce");
        const QString target = QDir(m_workspace).filePath(u"repo/templates/ddp-allreduce"_s);
        QVERIFY(QDir().mkpath(target));
        for (const QString &name : QDir(data).entryList(QDir::Files))
            QVERIFY(QFile::copy(data + u'/' + name, target + u'/' + name));
        const Outcome added = atelier({u"pool"_s, u"add-slurm"_s, u"cluster"_s, u"--url"_s,
                                       m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s,
                                       m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--partition"_s,
                                       m_env.value(u"ATELIER_SLURM_PARTITION"_s), u"--staging"_s,
                                       m_env.value(u"ATELIER_SLURM_STAGING"_s)});
        QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
    }

    void twoRanksInOneJob()
    {
        const QJsonObject node{{u"id"_s, u"sum"_s},
                               {u"template"_s, u"ddp-allreduce@1.0"_s},
                               {u"distributed"_s, u"pytorch-ddp"_s},
                               {u"pool"_s, u"cluster"_s}};
        const QJsonObject root{{u"format"_s, 1},
                               {u"name"_s, u"ddp-slurm"_s},
                               {u"nodes"_s, QJsonArray{node}},
                               {u"edges"_s, QJsonArray()}};
        const QString file = m_home.filePath(u"ddp-slurm.json"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        const Outcome ran = atelier({u"pipeline"_s, u"run"_s, file, u"--json"_s});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
        const QString runId =
            QJsonDocument::fromJson(ran.out.toUtf8()).object()[u"run"_s].toString();

        const Outcome shown = atelier({u"runs"_s, u"show"_s, runId, u"--json"_s});
        const QJsonObject task = QJsonDocument::fromJson(shown.out.toUtf8())
                                     .object()[u"tasks"_s]
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(task[u"pool"_s].toString(), u"cluster"_s);
        QVERIFY2(task[u"job_id"_s].toString().toInt() > 0, qPrintable(shown.out)); // a Slurm job

        const QString dir = QDir(m_workspace).filePath(u"runs/"_s + runId + u"/sum"_s);
        QFile result(dir + u"/outputs/out/result.json"_s);
        QVERIFY2(result.open(QIODevice::ReadOnly), qPrintable(result.fileName()));
        const QJsonObject summed = QJsonDocument::fromJson(result.readAll()).object();
        QCOMPARE(summed[u"sum"_s].toDouble(), 3.0); // ranks 0 and 1: 1 + 2
        QCOMPARE(summed[u"env"_s][u"WORLD_SIZE"_s].toString(), u"2"_s);
        int rankLogs = 0;
        for (QDirIterator it(dir + u"/ranks"_s, {u"stdout.log"_s}, QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext(); it.next())
            ++rankLogs;
        QCOMPARE(rankLogs, 2);
    }
};

QTEST_GUILESS_MAIN(TestDistributedSlurm)
#include "tst_distributed_slurm.moc"
