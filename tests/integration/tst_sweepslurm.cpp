// A sweep on the Slurm test cluster (scripts/slurm-up): `atelier sweep run --pool cluster`
// runs each trial's tasks as Slurm batch jobs, two trials at once, and the study gets their
// objectives as on a local pool.
#include "slurmenv.h"
#include "sweepcli.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using sweepcli::Outcome;

class TestSweepSlurm : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    sweepcli::Fixture m_fixture;

    static QJsonObject taskOf(const QJsonObject &run, const QString &id)
    {
        for (const QJsonValue &task : run.value(u"tasks"_s).toArray()) {
            if (task.toObject().value(u"id"_s).toString() == id)
                return task.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_SLURM(m_env);
        m_fixture.extraEnvironment.insert(u"SLURM_CONF"_s, m_env.value(u"SLURM_CONF"_s));
        m_fixture.extraEnvironment.insert(u"ATELIER_SLURM_POLL_MS"_s, u"250"_s);
        QVERIFY(m_fixture.setUp());
        const Outcome added =
            m_fixture.atelier({u"pool"_s, u"add-slurm"_s, u"cluster"_s, u"--url"_s,
                               m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s,
                               m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--partition"_s,
                               m_env.value(u"ATELIER_SLURM_PARTITION"_s), u"--staging"_s,
                               m_env.value(u"ATELIER_SLURM_STAGING"_s)});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    }

    void trialsRunAsSlurmJobs()
    {
        const int trials = 3;
        const Outcome ran = m_fixture.atelier({u"sweep"_s,
                                               u"run"_s,
                                               m_fixture.pipeline,
                                               u"--param"_s,
                                               u"quad.x=float(-10,10)"_s,
                                               u"--objective"_s,
                                               u"quad.score"_s,
                                               u"--direction"_s,
                                               u"maximize"_s,
                                               u"--trials"_s,
                                               QString::number(trials),
                                               u"--parallel"_s,
                                               u"2"_s,
                                               u"--seed"_s,
                                               u"4"_s,
                                               u"--pool"_s,
                                               u"cluster"_s,
                                               u"--name"_s,
                                               u"slurm"_s,
                                               u"--json"_s});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        const QJsonArray done = ran.json().value(u"trials"_s).toArray();
        QCOMPARE(done.size(), trials);

        QSet<QString> jobs;
        int ranOnCluster = 0;
        for (const QJsonValue &trial : done) {
            QCOMPARE(trial[u"state"_s].toString(), u"complete"_s);
            const double x = trial[u"params"_s][u"quad.x"_s].toDouble();
            QVERIFY(std::abs(trial[u"value"_s].toDouble() - (-(x - 3) * (x - 3) - 1.0)) <
                    1e-6); // y = 0
            const QString runId = trial[u"run"_s].toString();
            const Outcome shown = m_fixture.atelier({u"runs"_s, u"show"_s, runId, u"--json"_s});
            QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
            const QJsonObject run = shown.json();
            QCOMPARE(run.value(u"pool"_s).toString(), u"cluster"_s);
            // The swept node ran as a Slurm job in every trial; prep ran once, then came from
            // the cache.
            const QJsonObject quad = taskOf(run, u"quad"_s);
            QCOMPARE(quad.value(u"state"_s).toString(), u"succeeded"_s);
            QCOMPARE(quad.value(u"pool"_s).toString(), u"cluster"_s);
            const QString job = quad.value(u"job_id"_s).toVariant().toString();
            QVERIFY2(job.toInt() > 0, qPrintable(job));
            jobs.insert(job);
            const QString prep = taskOf(run, u"prep"_s).value(u"state"_s).toString();
            ranOnCluster += prep == u"succeeded"_s;
            QVERIFY2(prep == u"succeeded"_s || prep == u"cached"_s, qPrintable(prep));
        }
        QCOMPARE(jobs.size(), trials); // a job of its own for each trial
        QCOMPARE(ranOnCluster, 1);
    }
};

QTEST_GUILESS_MAIN(TestSweepSlurm)
#include "tst_sweepslurm.moc"
