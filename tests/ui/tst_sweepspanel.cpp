// The Sweeps tab of the Runs view over a real sweep (the real Optuna study it reads): one row
// per trial, the best-so-far line following the trials' values, a trial opening its run.
#include "../integration/sweepcli.h"

#include "monitor/sweepspanel.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSweepsPanel : public QObject
{
    Q_OBJECT

private:
    sweepcli::Fixture m_fixture;

private Q_SLOTS:
    void showsTrialsAndBestSoFar();
};

void TestSweepsPanel::showsTrialsAndBestSoFar()
{
    QVERIFY(m_fixture.setUp());
    const sweepcli::Outcome ran = m_fixture.atelier(
        {u"sweep"_s, u"run"_s, m_fixture.pipeline, u"--param"_s, u"quad.x=float(-10,10)"_s,
         u"--objective"_s, u"quad.score"_s, u"--direction"_s, u"minimize"_s, u"--trials"_s, u"6"_s,
         u"--seed"_s, u"2"_s, u"--sampler"_s, u"random"_s, u"--name"_s, u"panel"_s});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));

    atelier::SweepsPanel panel;
    panel.resize(900, 700);
    panel.show();
    QSignalSpy loaded(&panel, &atelier::SweepsPanel::loaded);
    panel.setWorkspace(m_fixture.workspace);
    QVERIFY(loaded.wait(60000));
    QCOMPARE(loaded.constFirst().constFirst().toString(), u"panel"_s);
    QTableWidget *table = panel.trialsTable();
    QCOMPARE(table->rowCount(), 6);

    // Minimising: the line is the running minimum of the values in the table.
    const QList<QPointF> best = panel.bestSeries()->points();
    QCOMPARE(best.size(), 6);
    QCOMPARE(panel.valueSeries()->points().size(), 6);
    double lowest = std::numeric_limits<double>::infinity();
    for (int row = 0; row < 6; ++row) {
        QCOMPARE(table->item(row, 1)->text(), u"complete"_s);
        lowest = std::min(lowest, panel.valueSeries()->points().at(row).y());
        QCOMPARE(best.at(row).y(), lowest);
    }
    QVERIFY(best.constFirst().y() > best.constLast().y() || best.constFirst() == best.constLast());

    QSignalSpy opened(&panel, &atelier::SweepsPanel::openRun);
    Q_EMIT table->cellDoubleClicked(3, 0);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().toString(), table->item(3, 4)->text());
    QVERIFY(opened.constFirst().constFirst().toString().contains(u'-'));
}

QTEST_MAIN(TestSweepsPanel)
#include "tst_sweepspanel.moc"
