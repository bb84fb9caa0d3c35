// What a new user met in the Runs view (issue #16): a run started elsewhere appearing only on
// Refresh, cached runs without metrics or log, node ids instead of names, a metric reported
// once drawn as a one-pixel dot on an axis labelled 0.565681.
#include "core/workspace.h"
#include "local/localconnector.h"
#include "monitor/metricchart.h"
#include "monitor/runsview.h"
#include "pipeline/runexecutor.h"
#include "pipeline/templatelibrary.h"
#include "runs/chartseries.h"
#include "runs/rundetail.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestRunsFirstHour : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_first;  ///< ran the task: reported accuracy once
    QString m_cached; ///< the same pipeline again: the task cached

    QString runOnce(const PipelineDocument &doc)
    {
        auto workspace = Workspace::open(m_root);
        if (!workspace)
            return {};
        TemplateLibrary library;
        library.addDirectory(TemplateLibrary::builtinDirectory());
        LocalConnector connector(PoolCapacity{2, 2048, {}});
        RunExecutor executor(workspace->catalog(), library, connector);
        QSignalSpy finished(&executor, &RunExecutor::finished);
        RunRequest request;
        request.workspaceRoot = m_root;
        request.pipelineKey = u"firsthour"_s;
        request.document = doc;
        auto started = executor.start(request);
        if (!started || !finished.wait(30000))
            return {};
        return started.value();
    }

    RunsView *showView(RunsView &view)
    {
        auto workspace = Workspace::open(m_root);
        view.resize(1200, 800);
        view.show();
        view.setRuns(m_root, RunStore(workspace->catalog()).runs().value());
        return &view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"ws"_s);
        QVERIFY(Workspace::create(m_root, {}));
        PipelineDocument doc;
        doc.name = u"First hour"_s;
        doc.nodes.append(
            NodeSpec{u"evaluate"_s,
                     u"Evaluate model"_s,
                     u"shell"_s,
                     {{u"script"_s, u"echo '{\"key\": \"accuracy\", \"value\": 0.565681}' >> "
                                    "\"$ATELIER_METRICS_FILE\"; echo evaluated"_s}},
                     {},
                     0,
                     0,
                     false,
                     {},
                     {}});
        m_first = runOnce(doc);
        QVERIFY(!m_first.isEmpty());
        m_cached = runOnce(doc);
        QVERIFY(!m_cached.isEmpty());
        auto workspace = Workspace::open(m_root);
        QCOMPARE(RunStore(workspace->catalog()).tasks(m_cached)->constFirst().state, u"cached"_s);
    }

    void aCachedRunCarriesTheMetricsOfTheRunItReused()
    {
        auto detail = RunDetail::load(m_root, m_cached);
        QVERIFY(detail);
        QCOMPARE(detail->reused.size(), 1);
        QCOMPARE(detail->reused.constFirst().fromRunId, m_first);
        QCOMPARE(detail->summaries.size(), 1);
        QCOMPARE(detail->summaries.constFirst().key, u"accuracy"_s);
        QCOMPARE(detail->summaries.constFirst().fromRunId, m_first);

        RunsView view;
        QSignalSpy loaded(&view, &RunsView::detailLoaded);
        QSignalSpy compared(&view, &RunsView::comparisonLoaded);
        showView(view);
        view.showRun(m_cached);
        QTRY_COMPARE(view.detail().run.id, m_cached);
        view.selectRuns({m_cached});
        QTRY_VERIFY(!view.isLoading());
        auto *metrics = view.findChild<QTableWidget *>(u"runMetrics"_s);
        QCOMPARE(metrics->rowCount(), 1);
        QCOMPARE(metrics->item(0, 1)->data(Qt::DisplayRole).toDouble(), 0.565681);
        QVERIFY(metrics->item(0, 0)->toolTip().contains(m_first));
        auto *note = view.findChild<QLabel *>(u"reusedMetricsNote"_s);
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(m_first));
        // The overlay has the reused points; the comparison the final value, not "—".
        QTRY_COMPARE(view.chartModel()->count(), 1);
        QTRY_VERIFY(compared.count() > 0);
        auto *comparison = view.findChild<QTableWidget *>(u"runComparison"_s);
        QString accuracy;
        for (int column = 0; column < comparison->columnCount(); ++column) {
            if (comparison->horizontalHeaderItem(column)->text() == u"accuracy"_s)
                accuracy = comparison->item(0, column)->text();
        }
        QVERIFY2(!accuracy.isEmpty() && accuracy != u"—"_s, qPrintable(accuracy));
    }

    void aCachedTaskShowsTheLogOfTheTaskItReusedUnderItsNodeName()
    {
        RunsView view;
        QSignalSpy logLoaded(&view, &RunsView::logLoaded);
        showView(view);
        view.showRun(m_cached);
        QTRY_COMPARE(view.detail().run.id, m_cached);
        QTRY_VERIFY(!view.isLoading());
        auto *tasks = view.findChild<QComboBox *>(u"logTask"_s);
        QCOMPARE(tasks->count(), 1);
        QCOMPARE(tasks->itemText(0), u"Evaluate model"_s); // the node's name, not its id
        QCOMPARE(tasks->itemData(0).toString(), u"evaluate"_s);
        QTRY_VERIFY2(view.logText().contains(u"evaluated"_s), qPrintable(view.logText()));
        auto *note = view.findChild<QLabel *>(u"logNote"_s);
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(m_first));
    }

    void aMetricReportedOnceIsAlsoATableOfFinalValues()
    {
        RunsView view;
        showView(view);
        view.showRun(m_first);
        QTRY_COMPARE(view.detail().run.id, m_first);
        view.selectRuns({m_first, m_cached});
        QTRY_VERIFY(!view.isLoading());
        QTRY_COMPARE(view.chartModel()->count(), 2);
        auto *finals = view.findChild<QTableWidget *>(u"finalValues"_s);
        QTRY_COMPARE(finals->rowCount(), 2);
        QVERIFY(!finals->isHidden());
        QCOMPARE(finals->item(0, 1)->data(Qt::DisplayRole).toDouble(), 0.565681);
    }

    void aRunStartedElsewhereAppearsWithoutARefresh()
    {
        RunsView view;
        QSignalSpy reloaded(&view, &RunsView::runsReloaded);
        showView(view);
        QCOMPARE(view.visibleRunCount(), 2);
        {
            auto workspace = Workspace::open(m_root);
            RunRecord run;
            run.id = RunStore::newRunId();
            run.pipeline = u"firsthour"_s;
            run.pipelineName = u"First hour"_s;
            run.state = u"running"_s;
            run.pool = u"local"_s;
            run.createdAt = run.startedAt = QDateTime::currentDateTimeUtc();
            QVERIFY(RunStore(workspace->catalog()).insertRun(run));
        }
        QTRY_COMPARE_WITH_TIMEOUT(view.visibleRunCount(), 3, 10000);
        QVERIFY(reloaded.count() > 0);
    }

    void aSinglePointIsAVisibleMarkerOnARoundAxis()
    {
        ChartSeries model;
        model.setXMode(ChartSeries::XMode::Step);
        MetricPoint point{u"accuracy"_s, 0, 0.565681, 1763800000.0};
        model.addSeries(u"run"_s, u"accuracy"_s, {point}, 0);
        MetricChart chart(&model);
        chart.resize(600, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();
        auto *y = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
        auto *x = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(y && x);
        // Labels as precise as the ticks are apart: 0.2, 0.4 — not 0.565681 or 0.200000.
        QCOMPARE(y->labelFormat(), u"%.1f"_s);
        // Steps are whole numbers: no −0.6 … 0.6 around step 0.
        QCOMPARE(x->labelFormat(), u"%.0f"_s);
        QCOMPARE(x->min(), std::floor(x->min()));

        // The point is a dot of several pixels in the series' colour, not one. (The legend,
        // which has that colour too, out of the way.)
        chart.chart()->legend()->hide();
        const QImage image = chart.chartView()->grab().toImage();
        const QColor colour = MetricChart::paletteColor(0);
        int painted = 0;
        for (int yy = 0; yy < image.height(); ++yy) {
            for (int xx = 0; xx < image.width(); ++xx) {
                const QColor c = image.pixelColor(xx, yy);
                if (std::abs(c.red() - colour.red()) < 40 &&
                    std::abs(c.green() - colour.green()) < 40 &&
                    std::abs(c.blue() - colour.blue()) < 40)
                    ++painted;
            }
        }
        QVERIFY2(painted > 20, qPrintable(QString::number(painted)));
    }
};

QTEST_MAIN(TestRunsFirstHour)
#include "tst_runsfirsthour.moc"
