// The Sweeps tab's parallel-coordinates chart and the best trial's actions over real sweeps
// (the real Optuna studies they read): an axis per parameter (numbers spread over their
// range, choices as categories, importances from get_param_importances) and the objective,
// a line per completed trial; "Open best run" opens the best trial's run, and "Register best
// model" registers its model output through the model registry.
#include "../integration/sweepcli.h"

#include "monitor/parallelcoordinateschart.h"
#include "monitor/sweepspanel.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using atelier::ParallelCoordinates;

class TestSweepCharts : public QObject
{
    Q_OBJECT

private:
    sweepcli::Fixture m_fixture;

    bool addModelTemplate()
    {
        const QString source =
            QStringLiteral(ATELIER_SOURCE_DIR) + u"/tests/data/sweeps/quadmodel"_s;
        const QString target = m_fixture.workspace + u"/repo/templates/quadmodel"_s;
        if (!QDir().mkpath(target))
            return false;
        for (const QString &name : {u"template.json"_s, u"quadmodel.sh"_s}) {
            if (!QFile::copy(source + u'/' + name, target + u'/' + name))
                return false;
        }
        const QJsonObject node{{u"id"_s, u"m"_s}, {u"template"_s, u"quadmodel@1.0"_s}};
        return sweepcli::Fixture::write(m_fixture.home.filePath(u"model.json"_s),
                                        QJsonDocument(QJsonObject{{u"format"_s, 1},
                                                                  {u"name"_s, u"Model"_s},
                                                                  {u"nodes"_s, QJsonArray{node}}})
                                            .toJson());
    }

    void load(atelier::SweepsPanel &panel, const QString &sweep)
    {
        QSignalSpy loaded(&panel, &atelier::SweepsPanel::loaded);
        panel.setWorkspace(m_fixture.workspace);
        auto *choice = panel.findChild<QComboBox *>(u"sweepChoice"_s);
        QVERIFY(choice);
        if (choice->currentText() != sweep || loaded.isEmpty()) {
            choice->setCurrentIndex(choice->findText(sweep));
            panel.reload();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.constLast().constFirst() == sweep &&
                                     !panel.isLoading(),
                                 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.setUp());
        QVERIFY(addModelTemplate());
    }

    void parallelCoordinatesOfTheTrials()
    {
        const sweepcli::Outcome ran = m_fixture.atelier({u"sweep"_s,
                                                         u"run"_s,
                                                         m_fixture.pipeline,
                                                         u"--param"_s,
                                                         u"quad.x=float(-10,10)"_s,
                                                         u"--param"_s,
                                                         u"quad.y=float(-10,10)"_s,
                                                         u"--param"_s,
                                                         u"quad.label=choice(a,b)"_s,
                                                         u"--objective"_s,
                                                         u"quad.score"_s,
                                                         u"--direction"_s,
                                                         u"maximize"_s,
                                                         u"--trials"_s,
                                                         u"8"_s,
                                                         u"--seed"_s,
                                                         u"5"_s,
                                                         u"--sampler"_s,
                                                         u"random"_s,
                                                         u"--name"_s,
                                                         u"pc"_s,
                                                         u"--json"_s});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        const QJsonArray trials = ran.json().value(u"trials"_s).toArray();
        const int best = ran.json().value(u"best"_s).toObject().value(u"number"_s).toInt();

        atelier::SweepsPanel panel;
        panel.resize(1000, 650);
        panel.show();
        load(panel, u"pc"_s);
        const ParallelCoordinates &chart = panel.parallelChart()->data();
        QCOMPARE(chart.axes.size(), 4); // three parameters and the objective
        QCOMPARE(chart.lines.size(), trials.size());
        QCOMPARE(chart.bestTrial, best);
        QStringList keys;
        for (const ParallelCoordinates::Axis &axis : chart.axes)
            keys.append(axis.key);
        QVERIFY(keys.contains(u"quad.x"_s) && keys.contains(u"quad.y"_s) &&
                keys.contains(u"quad.label"_s));
        const int label = int(keys.indexOf(u"quad.label"_s));
        const int x = int(keys.indexOf(u"quad.x"_s));
        QVERIFY(chart.axes[label].categorical);
        QVERIFY(!chart.axes[x].categorical);
        // Importances came from Optuna, through the driver, onto the parameter axes.
        for (int axis = 0; axis < 3; ++axis)
            QVERIFY2(chart.axes[axis].importance >= 0 && chart.axes[axis].importance <= 1,
                     qPrintable(chart.axes[axis].key));
        QVERIFY(chart.axes[0].importance >= chart.axes[1].importance); // most important first

        // Each line crosses each axis where its trial's value lies.
        for (const ParallelCoordinates::Line &line : chart.lines) {
            QJsonObject trial;
            for (const QJsonValue &t : trials) {
                if (t[u"number"_s].toInt() == line.trial)
                    trial = t.toObject();
            }
            const QJsonObject params = trial.value(u"params"_s).toObject();
            const ParallelCoordinates::Axis &xAxis = chart.axes[x];
            QVERIFY(
                std::abs(line.positions[x] - (params.value(u"quad.x"_s).toDouble() - xAxis.low) /
                                                 (xAxis.high - xAxis.low)) < 1e-9);
            QCOMPARE(chart.label(label, line.positions[label]),
                     params.value(u"quad.label"_s).toString());
            QCOMPARE(line.value, trial.value(u"value"_s).toDouble());
            if (line.trial == best) {
                QCOMPARE(line.positions.constLast(), 1.0); // maximising: the best is on top
                QCOMPARE(line.quality, 1.0);
            }
        }
        // Drawn: the best line's end lies at the top of the objective axis, and the widget
        // shows it under the mouse.
        int bestLine = -1;
        for (int i = 0; i < chart.lines.size(); ++i)
            bestLine = chart.lines[i].trial == best ? i : bestLine;
        const QPointF top = panel.parallelChart()->pointOf(bestLine, 3);
        const QPointF before = panel.parallelChart()->pointOf(bestLine, 2);
        QCOMPARE(panel.parallelChart()->lineAt((top + before) / 2), bestLine);
        QVERIFY(!panel.parallelChart()->grab().isNull());
    }

    void bestTrialOpensItsRunAndRegistersItsModel()
    {
        const sweepcli::Outcome ran =
            m_fixture.atelier({u"sweep"_s, u"run"_s, m_fixture.home.filePath(u"model.json"_s),
                               u"--param"_s, u"m.x=float(-10,10)"_s, u"--objective"_s, u"m.score"_s,
                               u"--direction"_s, u"maximize"_s, u"--trials"_s, u"4"_s, u"--seed"_s,
                               u"3"_s, u"--name"_s, u"models"_s, u"--json"_s});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        const QJsonObject best = ran.json().value(u"best"_s).toObject();
        const QString bestRun = best.value(u"run"_s).toString();
        QVERIFY(!bestRun.isEmpty());

        atelier::SweepsPanel panel;
        panel.resize(1000, 650);
        panel.show();
        load(panel, u"models"_s);
        QCOMPARE(panel.bestRun(), bestRun);

        auto *open = panel.findChild<QPushButton *>(u"openBestRun"_s);
        QVERIFY(open && open->isEnabled());
        QSignalSpy opened(&panel, &atelier::SweepsPanel::openRun);
        open->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.constFirst().constFirst().toString(), bestRun);

        QSignalSpy registered(&panel, &atelier::SweepsPanel::modelRegistered);
        QSignalSpy failed(&panel, &atelier::SweepsPanel::registerFailed);
        panel.registerBest(u"quad-best"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!registered.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
        QCOMPARE(registered.constFirst().constFirst().toString(), u"quad-best:1"_s);

        // The registry holds it with its lineage to the best run and the best trial's x.
        const sweepcli::Outcome shown =
            m_fixture.atelier({u"model"_s, u"show"_s, u"quad-best"_s, u"--json"_s});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
        QCOMPARE(shown.json().value(u"run"_s).toString(), bestRun);
        QFile weights(m_fixture.workspace + u"/runs/"_s + bestRun +
                      u"/m/outputs/model/weights.txt"_s);
        QVERIFY(weights.open(QIODevice::ReadOnly));
        QVERIFY(std::abs(weights.readAll().trimmed().toDouble() -
                         best.value(u"params"_s).toObject().value(u"m.x"_s).toDouble()) < 1e-6);
    }
};

QTEST_MAIN(TestSweepCharts)
#include "tst_sweepcharts.moc"
