// The search space saved in the pipeline file (its "sweep" section): `atelier sweep run
// PIPELINE` without --param uses it, flags override it part by part, and a section that does
// not fit the templates is refused with the field at fault before anything runs.
#include "sweepcli.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using sweepcli::Outcome;

class TestSweepSection : public QObject
{
    Q_OBJECT

private:
    sweepcli::Fixture m_fixture;
    int m_files = 0;

    /// The fixture's pipeline with \a sweep as its "sweep" section, written to a new file.
    QString withSection(const QJsonObject &sweep)
    {
        QJsonObject doc = QJsonDocument::fromJson(sweepcli::Fixture::pipelineJson({})).object();
        doc.insert(u"sweep"_s, sweep);
        const QString path = m_fixture.home.filePath(u"section-%1.json"_s.arg(++m_files));
        return sweepcli::Fixture::write(path, QJsonDocument(doc).toJson()) ? path : QString();
    }

    static QJsonObject section(const QJsonObject &params)
    {
        return {{u"params"_s, params},
                {u"objective"_s, u"quad.score"_s},
                {u"direction"_s, u"maximize"_s},
                {u"trials"_s, 3},
                {u"sampler"_s, u"random"_s}};
    }

    static int runCount(const sweepcli::Fixture &fixture)
    {
        return int(fixture.atelier({u"runs"_s, u"list"_s, u"--json"_s})
                       .json()
                       .value(u"runs"_s)
                       .toArray()
                       .size());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.setUp()); }

    void runsTheSavedSpace()
    {
        const QString file = withSection(
            section({{u"quad.x"_s, u"float(2,4)"_s}, {u"quad.y"_s, u"choice(-1,0)"_s}}));
        QVERIFY(!file.isEmpty());
        const Outcome outcome = m_fixture.atelier({u"sweep"_s, u"run"_s, file, u"--seed"_s, u"3"_s,
                                                   u"--name"_s, u"saved"_s, u"--json"_s});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
        const QJsonObject ran = outcome.json();
        QCOMPARE(ran.value(u"objective"_s).toString(), u"quad.score"_s);
        QCOMPARE(ran.value(u"sampler"_s).toString(), u"random"_s);
        const QJsonArray trials = ran.value(u"trials"_s).toArray();
        QCOMPARE(trials.size(), 3); // the section's trials
        for (const QJsonValue &trial : trials) {
            const QJsonObject params = trial[u"params"_s].toObject();
            QCOMPARE(params.keys(), (QStringList{u"quad.x"_s, u"quad.y"_s}));
            const double x = params.value(u"quad.x"_s).toDouble();
            QVERIFY2(x >= 2 && x <= 4, qPrintable(QString::number(x)));
            const double y = params.value(u"quad.y"_s).toDouble();
            QVERIFY(y == -1 || y == 0);
            QCOMPARE(trial[u"state"_s].toString(), u"complete"_s);
        }
        // What was swept is kept for a resume, as with flags.
        QFile kept(m_fixture.workspace + u"/sweeps/saved/sweep.json"_s);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        const QJsonObject config = QJsonDocument::fromJson(kept.readAll()).object();
        QCOMPARE(config.value(u"params"_s).toArray().size(), 2);
        QCOMPARE(config.value(u"direction"_s).toString(), u"maximize"_s);
    }

    void flagsOverrideTheSection()
    {
        const QString file =
            withSection(section({{u"quad.x"_s, u"float(2,4)"_s}, {u"quad.y"_s, u"float(-1,0)"_s}}));
        const Outcome outcome =
            m_fixture.atelier({u"sweep"_s, u"run"_s, file, u"--param"_s, u"quad.y=float(5,6)"_s,
                               u"--trials"_s, u"2"_s, u"--direction"_s, u"minimize"_s, u"--seed"_s,
                               u"1"_s, u"--name"_s, u"overridden"_s, u"--json"_s});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
        const QJsonObject ran = outcome.json();
        QCOMPARE(ran.value(u"direction"_s).toString(), u"minimize"_s);
        QCOMPARE(ran.value(u"objective"_s).toString(), u"quad.score"_s); // from the section
        const QJsonArray trials = ran.value(u"trials"_s).toArray();
        QCOMPARE(trials.size(), 2);
        for (const QJsonValue &trial : trials) {
            const QJsonObject params = trial[u"params"_s].toObject();
            QCOMPARE(params.keys(), QStringList{u"quad.y"_s}); // --param is the whole space
            QVERIFY(params.value(u"quad.y"_s).toDouble() >= 5);
        }
    }

    void refusesWithTheFieldAtFault_data()
    {
        QTest::addColumn<QJsonObject>("sweep");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("located");
        QTest::newRow("range outside the schema")
            << section({{u"quad.x"_s, u"float(-20,1)"_s}}) << 1
            << u"sweep.params.quad.x: the range leaves the schema of quad.x: must be between "
               u"-10 and 10"_s;
        QTest::newRow("no such parameter")
            << section({{u"quad.z"_s, u"float(0,1)"_s}}) << 1
            << u"sweep.params.quad.z: node quad (quadratic@1.0) has no parameter \"z\""_s;
        QTest::newRow("spec syntax") << section({{u"quad.x"_s, u"floaty(0,1)"_s}}) << 1
                                     << u"sweep.params.quad.x: unknown kind \"floaty\""_s;
        QJsonObject direction = section({{u"quad.x"_s, u"float(0,1)"_s}});
        direction.insert(u"direction"_s, u"up"_s);
        QTest::newRow("direction")
            << direction << 1 << u"sweep.direction must be maximize or minimize"_s;
        QJsonObject noObjective = section({{u"quad.x"_s, u"float(0,1)"_s}});
        noObjective.remove(u"objective"_s);
        QTest::newRow("objective missing") << noObjective << 2 << u"needs --objective"_s;
    }

    void refusesWithTheFieldAtFault()
    {
        QFETCH(QJsonObject, sweep);
        QFETCH(int, exitCode);
        QFETCH(QString, located);
        const int runsBefore = runCount(m_fixture);
        const QString file = withSection(sweep);
        const Outcome outcome =
            m_fixture.atelier({u"sweep"_s, u"run"_s, file, u"--name"_s, u"refused"_s});
        QVERIFY2(outcome.exitCode == exitCode, qPrintable(outcome.describe()));
        QVERIFY2(outcome.err.contains(located), qPrintable(outcome.describe()));
        QVERIFY(!QDir(m_fixture.workspace + u"/sweeps/refused"_s).exists());
        QCOMPARE(runCount(m_fixture), runsBefore);
    }

    void withoutSectionOrParam()
    {
        const Outcome outcome =
            m_fixture.atelier({u"sweep"_s, u"run"_s, m_fixture.pipeline, u"--objective"_s,
                               u"quad.score"_s, u"--direction"_s, u"maximize"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(u"\"sweep\" section"_s), qPrintable(outcome.describe()));
    }
};

QTEST_GUILESS_MAIN(TestSweepSection)
#include "tst_sweepsection.moc"
