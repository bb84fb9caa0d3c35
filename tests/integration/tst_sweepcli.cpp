// `atelier sweep run | show | list` with the real Optuna (Debian's python3-optuna): refusals
// before anything runs, TPE finding the optimum of a known function, the study readable by
// optuna.load_study and agreeing with `sweep show --json`, upstream nodes from the cache.
#include "sweepcli.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using sweepcli::Outcome;

class TestSweepCli : public QObject
{
    Q_OBJECT

private:
    sweepcli::Fixture m_fixture;
    QStringList sweepArgs(const QStringList &extra) const
    {
        return QStringList{u"sweep"_s, u"run"_s, m_fixture.pipeline} + extra;
    }

private Q_SLOTS:
    void initTestCase();
    void refusedBeforeRunning_data();
    void refusedBeforeRunning();
    void tpeReachesOptimum();
    void objectiveNeverLogged();
    void gridCoversItsGridOnce();
};

void TestSweepCli::initTestCase()
{
    QVERIFY(m_fixture.setUp());
}

void TestSweepCli::refusedBeforeRunning_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("located");
    const QStringList objective{u"--objective"_s, u"quad.score"_s, u"--direction"_s, u"maximize"_s};
    QTest::newRow("param not on node")
        << (QStringList{u"--param"_s, u"quad.z=float(0,1)"_s} + objective) << 1
        << u"--param quad.z=float(0,1): node quad (quadratic@1.0) has no parameter \"z\""_s;
    QTest::newRow("no such node")
        << (QStringList{u"--param"_s, u"nope.x=float(0,1)"_s} + objective) << 1
        << u"--param nope.x=float(0,1): the pipeline has no node \"nope\""_s;
    QTest::newRow("range outside schema")
        << (QStringList{u"--param"_s, u"quad.x=float(-20,1)"_s} + objective) << 1
        << u"--param quad.x=float(-20,1): the range leaves the schema of quad.x: must be "
           u"between -10 and 10"_s;
    QTest::newRow("choice not a number")
        << (QStringList{u"--param"_s, u"quad.x=choice(1,abc)"_s} + objective) << 1
        << u"--param quad.x=choice(1,abc): the choice abc does not fit quad.x (a float "
           u"parameter)"_s;
    QTest::newRow("range on a string")
        << (QStringList{u"--param"_s, u"quad.label=float(0,1)"_s} + objective) << 1
        << u"--param quad.label=float(0,1): quad.label is a string parameter"_s;
    QTest::newRow("grid of floats")
        << (QStringList{u"--param"_s, u"quad.x=float(0,1)"_s, u"--sampler"_s, u"grid"_s} +
            objective)
        << 1 << u"--param quad.x=float(0,1): the grid sampler takes int(…) and choice(…)"_s;
    QTest::newRow("objective node missing")
        << QStringList{u"--param"_s,    u"quad.x=float(0,1)"_s, u"--objective"_s,
                       u"nope.score"_s, u"--direction"_s,       u"maximize"_s}
        << 1 << u"--objective nope.score: the pipeline has no node \"nope\""_s;
    QTest::newRow("unknown spec kind")
        << (QStringList{u"--param"_s, u"quad.x=floaty(0,1)"_s} + objective) << 2
        << u"--param quad.x=floaty(0,1): unknown kind \"floaty\""_s;
    QTest::newRow("inverted bounds")
        << (QStringList{u"--param"_s, u"quad.x=float(2,1)"_s} + objective) << 2
        << u"--param quad.x=float(2,1): the low bound must be below the high bound"_s;
    QTest::newRow("objective syntax")
        << QStringList{u"--param"_s,   u"quad.x=float(0,1)"_s, u"--objective"_s,
                       u"quadscore"_s, u"--direction"_s,       u"maximize"_s}
        << 2 << u"--objective quadscore: write NODE.METRIC"_s;
    QTest::newRow("direction missing")
        << QStringList{u"--param"_s, u"quad.x=float(0,1)"_s, u"--objective"_s, u"quad.score"_s} << 2
        << u"needs --direction"_s;
}

void TestSweepCli::refusedBeforeRunning()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, located);
    const Outcome outcome = m_fixture.atelier(sweepArgs(args));
    QVERIFY2(outcome.exitCode == exitCode, qPrintable(outcome.describe()));
    QVERIFY2(outcome.err.contains(located), qPrintable(outcome.describe()));
    // Nothing ran and no sweep was made.
    const Outcome runs = m_fixture.atelier({u"runs"_s, u"list"_s, u"--json"_s});
    QCOMPARE(runs.json().value(u"runs"_s).toArray().size(), 0);
    QVERIFY(!QDir(m_fixture.workspace + u"/sweeps"_s).exists() ||
            QDir(m_fixture.workspace + u"/sweeps"_s)
                .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                .isEmpty());
}

void TestSweepCli::tpeReachesOptimum()
{
    const int trials = 30;
    const Outcome outcome = m_fixture.atelier(sweepArgs(
        {u"--param"_s, u"quad.x=float(-10,10)"_s, u"--param"_s, u"quad.y=float(-10,10)"_s,
         u"--objective"_s, u"quad.score"_s, u"--direction"_s, u"maximize"_s, u"--trials"_s,
         QString::number(trials), u"--seed"_s, u"1"_s, u"--name"_s, u"tpe"_s, u"--json"_s}));
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
    const QJsonObject ran = outcome.json();
    QCOMPARE(ran.value(u"state"_s).toString(), u"finished"_s);
    QCOMPARE(ran.value(u"trials"_s).toArray().size(), trials);

    // The optimum is score 0 at x = 3, y = -1; TPE gets within 1 of it in 30 trials.
    const QJsonObject best = ran.value(u"best"_s).toObject();
    const double x = best.value(u"params"_s).toObject().value(u"quad.x"_s).toDouble();
    const double y = best.value(u"params"_s).toObject().value(u"quad.y"_s).toDouble();
    QVERIFY2(best.value(u"value"_s).toDouble() > -1.0, qPrintable(outcome.out.left(3000)));
    QVERIFY(std::abs(x - 3) < 1 && std::abs(y + 1) < 1);
    QVERIFY(
        qFuzzyCompare(best.value(u"value"_s).toDouble(), -(x - 3) * (x - 3) - (y + 1) * (y + 1)));

    // `sweep show --json` and Optuna's own load_study tell the same story.
    const Outcome shown = m_fixture.atelier({u"sweep"_s, u"show"_s, u"tpe"_s, u"--json"_s});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    const QJsonObject show = shown.json();
    const QString storage = show.value(u"storage"_s).toString();
    QCOMPARE(storage, u"sqlite:///"_s + m_fixture.workspace + u"/sweeps/tpe/study.db"_s);
    const QString code = uR"(
import json, sqlite3, sys, optuna
study = optuna.load_study(study_name=sys.argv[1], storage=sys.argv[2])
con = sqlite3.connect(sys.argv[3])
tasks = dict(((n, s), c) for n, s, c in con.execute(
    "SELECT node_id, state, COUNT(*) FROM tasks GROUP BY node_id, state"))
experiments = [r[0] for r in con.execute(
    "SELECT e.name FROM runs r JOIN experiments e ON e.id = r.experiment_id")]
print(json.dumps({
    "direction": study.direction.name.lower(),
    "best": {"number": study.best_trial.number, "value": study.best_value,
             "params": study.best_params},
    "trials": [{"number": t.number, "state": t.state.name.lower(), "value": t.value,
                "params": t.params, "run": t.user_attrs.get("atelier_run_id")}
               for t in study.trials],
    "prep": {"succeeded": tasks.get(("prep", "succeeded"), 0),
             "cached": tasks.get(("prep", "cached"), 0)},
    "quad_succeeded": tasks.get(("quad", "succeeded"), 0),
    "experiments": experiments,
    "importances": dict(optuna.importance.get_param_importances(
        study, evaluator=optuna.importance.FanovaImportanceEvaluator(seed=0)))}))
)"_s;
    const Outcome loaded =
        m_fixture.python(code, {u"tpe"_s, storage, m_fixture.workspace + u"/atelier.db"_s});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    const QJsonObject optuna = loaded.json();
    QCOMPARE(optuna.value(u"direction"_s).toString(), u"maximize"_s);
    QCOMPARE(optuna.value(u"best"_s).toObject().value(u"number"_s).toInt(),
             show.value(u"best"_s).toObject().value(u"number"_s).toInt());
    QCOMPARE(optuna.value(u"best"_s).toObject().value(u"value"_s).toDouble(),
             show.value(u"best"_s).toObject().value(u"value"_s).toDouble());
    // The parameters' importances are Optuna's own (fANOVA, seeded).
    const QJsonObject importances = show.value(u"importances"_s).toObject();
    QCOMPARE(importances.keys(), (QStringList{u"quad.x"_s, u"quad.y"_s}));
    for (const QString &key : importances.keys())
        QVERIFY(std::abs(importances.value(key).toDouble() -
                         optuna.value(u"importances"_s).toObject().value(key).toDouble()) < 1e-9);
    const QJsonArray theirs = optuna.value(u"trials"_s).toArray();
    const QJsonArray ours = show.value(u"trials"_s).toArray();
    QCOMPARE(ours.size(), trials);
    QCOMPARE(theirs.size(), ours.size());
    QSet<QString> runIds;
    for (qsizetype i = 0; i < ours.size(); ++i) {
        const QJsonObject a = ours[i].toObject();
        const QJsonObject b = theirs[i].toObject();
        QCOMPARE(a.value(u"number"_s).toInt(), b.value(u"number"_s).toInt());
        QCOMPARE(a.value(u"state"_s).toString(), u"complete"_s);
        QCOMPARE(b.value(u"state"_s).toString(), u"complete"_s);
        QCOMPARE(a.value(u"value"_s).toDouble(), b.value(u"value"_s).toDouble());
        QCOMPARE(a.value(u"params"_s).toObject(), b.value(u"params"_s).toObject());
        QCOMPARE(a.value(u"run"_s).toString(), b.value(u"run"_s).toString());
        QVERIFY(a.value(u"duration_s"_s).toDouble() > 0);
        runIds.insert(a.value(u"run"_s).toString());
    }
    QCOMPARE(runIds.size(), trials); // one run per trial
    // The upstream node ran once; every other trial took it from the cache.
    QCOMPARE(optuna.value(u"prep"_s).toObject().value(u"succeeded"_s).toInt(), 1);
    QCOMPARE(optuna.value(u"prep"_s).toObject().value(u"cached"_s).toInt(), trials - 1);
    QCOMPARE(optuna.value(u"quad_succeeded"_s).toInt(), trials);
    // Every trial's run is in the experiment named after the sweep.
    const QJsonArray experiments = optuna.value(u"experiments"_s).toArray();
    QCOMPARE(experiments.size(), trials);
    for (const QJsonValue &name : experiments)
        QCOMPARE(name.toString(), u"tpe"_s);

    const Outcome listed = m_fixture.atelier({u"sweep"_s, u"list"_s, u"--json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    const QJsonObject entry = listed.json().value(u"sweeps"_s).toArray().at(0).toObject();
    QCOMPARE(entry.value(u"name"_s).toString(), u"tpe"_s);
    QCOMPARE(entry.value(u"state"_s).toString(), u"finished"_s);
    QCOMPARE(entry.value(u"trials"_s).toInt(), trials);
    QCOMPARE(entry.value(u"best_value"_s).toDouble(), best.value(u"value"_s).toDouble());
}

void TestSweepCli::objectiveNeverLogged()
{
    const Outcome outcome = m_fixture.atelier(
        sweepArgs({u"--param"_s, u"quad.x=float(-10,10)"_s, u"--objective"_s, u"quad.accuracy"_s,
                   u"--direction"_s, u"maximize"_s, u"--trials"_s, u"5"_s, u"--name"_s,
                   u"nometric"_s, u"--json"_s}));
    QVERIFY2(outcome.exitCode == 1, qPrintable(outcome.describe()));
    QVERIFY2(outcome.err.contains(u"node quad logged no finite value of \"accuracy\""_s) &&
                 outcome.err.contains(u"logged: score"_s),
             qPrintable(outcome.describe()));
    // Said after the first trial: no second one ran.
    const QJsonArray trials = outcome.json().value(u"trials"_s).toArray();
    QCOMPARE(trials.size(), 1);
    QCOMPARE(trials.at(0).toObject().value(u"state"_s).toString(), u"fail"_s);
    QCOMPARE(outcome.json().value(u"state"_s).toString(), u"failed"_s);
}

void TestSweepCli::gridCoversItsGridOnce()
{
    // 4 × 2 points; --trials asks for more, and the sweep stops when the grid is done.
    const Outcome outcome = m_fixture.atelier(sweepArgs(
        {u"--param"_s, u"quad.x=int(1,4)"_s, u"--param"_s, u"quad.label=choice(a,b)"_s,
         u"--objective"_s, u"quad.score"_s, u"--direction"_s, u"maximize"_s, u"--trials"_s, u"20"_s,
         u"--sampler"_s, u"grid"_s, u"--name"_s, u"grid"_s, u"--json"_s}));
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
    QCOMPARE(outcome.json().value(u"state"_s).toString(), u"finished"_s);
    const QJsonArray trials = outcome.json().value(u"trials"_s).toArray();
    QCOMPARE(trials.size(), 8);
    QSet<QString> points;
    for (const QJsonValue &value : trials) {
        const QJsonObject params = value.toObject().value(u"params"_s).toObject();
        QCOMPARE(value.toObject().value(u"state"_s).toString(), u"complete"_s);
        points.insert(u"%1/%2"_s.arg(params.value(u"quad.x"_s).toInt())
                          .arg(params.value(u"quad.label"_s).toString()));
    }
    QCOMPARE(points.size(), 8);
    QCOMPARE(outcome.json().value(u"best"_s).toObject().value(u"value"_s).toDouble(), -1.0);
}

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweepcli.moc"
