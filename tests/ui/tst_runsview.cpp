#include "catalog/database.h"
#include "core/workspace.h"
#include "local/localconnector.h"
#include "monitor/runsview.h"
#include "pipeline/runexecutor.h"
#include "pipeline/templatelibrary.h"
#include "runs/chartseries.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestRunsView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_runId;

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(m_root, {});
        QVERIFY(workspace);
        // A real run: two shell tasks that report metrics (one line malformed) and colour
        // their output the way terminals do.
        PipelineDocument doc;
        doc.name = u"Monitor"_s;
        const QString report =
            u"for i in 1 2 3; do echo \"{\\\"key\\\": \\\"loss\\\", \\\"value\\\": $((10 - i)), "
            "\\\"step\\\": $i}\" >> \"$ATELIER_METRICS_FILE\"; done; "
            "echo 'not json' >> \"$ATELIER_METRICS_FILE\"; "
            "printf '\\033[32mtraining done\\033[0m\\n'"_s;
        doc.nodes.append(
            NodeSpec{u"train"_s, {}, u"shell"_s, {{u"script"_s, report}}, {}, 0, 0, false, {}, {}});
        doc.nodes.append(NodeSpec{
            u"after"_s, {}, u"shell"_s, {{u"script"_s, u"echo after"_s}}, {}, 0, 0, false, {}, {}});
        doc.edges.append(EdgeSpec{u"train"_s, u"out"_s, u"after"_s, u"in"_s});

        TemplateLibrary library;
        library.addDirectory(TemplateLibrary::builtinDirectory());
        LocalConnector connector(PoolCapacity{2, 2048, {}});
        RunExecutor executor(workspace->catalog(), library, connector);
        QSignalSpy finished(&executor, &RunExecutor::finished);
        RunRequest request;
        request.workspaceRoot = m_root;
        request.pipelineKey = u"monitor"_s;
        request.document = doc;
        auto started = executor.start(request);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        QVERIFY(finished.wait(30000));
        QCOMPARE(executor.state(), u"succeeded"_s);
        m_runId = started.value();
    }

    void showsARunWithItsTasksMetricsLogsAndArtifacts()
    {
        auto workspace = Workspace::open(m_root);
        QVERIFY(workspace);
        RunsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &RunsView::detailLoaded);
        QSignalSpy logLoaded(&view, &RunsView::logLoaded);
        view.setRuns(m_root, RunStore(workspace->catalog()).runs().value());
        QCOMPARE(view.visibleRunCount(), 1);
        QVERIFY(loaded.count() > 0 || loaded.wait(10000)); // the first run is selected
        QCOMPARE(view.currentRun(), m_runId);
        QCOMPARE(view.detail().tasks.size(), 2);
        // The chart shows the first reported metric of the run: loss, three points.
        QTRY_COMPARE(view.chartModel()->count(), 1);
        QCOMPARE(view.chartModel()->points(0).size(), 3);
        QCOMPARE(view.detail().malformedLines, qint64(1));

        auto *metrics = view.findChild<QTableWidget *>(u"runMetrics"_s);
        QVERIFY(metrics);
        QCOMPARE(metrics->rowCount(), 1);
        QCOMPARE(metrics->item(0, 0)->text(), u"loss"_s);
        QCOMPARE(metrics->item(0, 1)->data(Qt::DisplayRole).toDouble(), 7.0); // last
        QCOMPARE(metrics->item(0, 3)->data(Qt::DisplayRole).toDouble(), 9.0); // max
        QVERIFY(!view.findChild<QLabel *>(u"malformedLines"_s)->text().isEmpty());

        QVERIFY(logLoaded.count() > 0 || logLoaded.wait(10000));
        QVERIFY2(view.logText().contains(u"training done"_s), qPrintable(view.logText()));
        QVERIFY(!view.logText().contains(QChar(0x1b))); // escapes stripped

        auto *artifacts = view.findChild<QTreeWidget *>(u"runArtifacts"_s);
        QVERIFY(artifacts);
        // The shell template's out folders are empty: artifacts list files only.
        QCOMPARE(artifacts->topLevelItemCount(), 0);
    }

    void overlaysComparesAndGroupsRuns()
    {
        // A second run of the same pipeline, with the cache off so it really runs again.
        QString second;
        {
            auto workspace = Workspace::open(m_root);
            QVERIFY(workspace);
            const QString snapshot =
                QDir(m_root).filePath(u"runs/"_s + m_runId + u"/pipeline.json"_s);
            auto doc = PipelineDocument::load(snapshot);
            QVERIFY(doc);
            TemplateLibrary library;
            library.addDirectory(TemplateLibrary::builtinDirectory());
            LocalConnector connector(PoolCapacity{2, 2048, {}});
            RunExecutor executor(workspace->catalog(), library, connector);
            QSignalSpy finished(&executor, &RunExecutor::finished);
            RunRequest request;
            request.workspaceRoot = m_root;
            request.pipelineKey = u"monitor"_s;
            request.document = doc.value();
            request.noCache = true;
            request.variables.insert(u"note"_s, u"second"_s);
            auto started = executor.start(request);
            QVERIFY(started);
            QVERIFY(finished.wait(30000));
            second = started.value();
        }
        auto workspace = Workspace::open(m_root);
        RunsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy charted(&view, &RunsView::chartLoaded);
        QSignalSpy compared(&view, &RunsView::comparisonLoaded);
        view.setRuns(m_root, RunStore(workspace->catalog()).runs().value());
        QCOMPARE(view.visibleRunCount(), 2);
        QTRY_VERIFY(!view.isLoading());
        charted.clear();
        compared.clear();
        view.selectRuns({m_runId, second});
        QVERIFY(charted.wait(10000));
        QTRY_COMPARE(view.chartModel()->count(), 2); // one line per run
        QTRY_VERIFY(compared.count() > 0);
        auto *table = view.findChild<QTableWidget *>(u"runComparison"_s);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 2); // one row per run
        bool noteColumn = false;        // the param that differs between the runs is listed
        for (int column = 0; column < table->columnCount(); ++column)
            noteColumn =
                noteColumn || table->horizontalHeaderItem(column)->text() == u"variables.note"_s;
        QVERIFY(noteColumn);

        QSignalSpy grouped(&view, &RunsView::experimentChanged);
        view.addToExperiment({m_runId, second}, u"Baselines"_s);
        QVERIFY(grouped.wait(10000));
        auto *filter = view.findChild<QComboBox *>(u"runPipelineFilter"_s);
        QVERIFY(filter->findData(u"Baselines"_s) >= 0);
        QCOMPARE(RunStore(workspace->catalog()).run(second)->experiment, u"Baselines"_s);
    }

    void filtersRuns()
    {
        auto workspace = Workspace::open(m_root);
        QVERIFY(workspace);
        RunsView view;
        view.setRuns(m_root, RunStore(workspace->catalog()).runs().value());
        QCOMPARE(view.visibleRunCount(), 2);
        view.setStateFilter(u"failed"_s);
        QCOMPARE(view.visibleRunCount(), 0);
        view.setStateFilter(u"succeeded"_s);
        QCOMPARE(view.visibleRunCount(), 2);
        view.setTextFilter(u"nothing like it"_s);
        QCOMPARE(view.visibleRunCount(), 0);
        view.setTextFilter(m_runId.right(4));
        QCOMPARE(view.visibleRunCount(), 1);
    }

    /// A task that ran in a container image: its log page says which image (#20).
    void logNamesTheImageItRanIn()
    {
        auto workspace = Workspace::open(m_root);
        QVERIFY(workspace);
        RunStore store(workspace->catalog());
        auto tasks = store.tasks(m_runId);
        QVERIFY(tasks);
        for (TaskRecord task : tasks.value()) {
            if (task.nodeId != u"after"_s)
                continue;
            task.image = u"localhost/atelier-test:bookworm"_s;
            task.imageId = u"0123456789abcdef0123"_s;
            QVERIFY(store.saveTask(task));
        }
        RunsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &RunsView::detailLoaded);
        view.setRuns(m_root, store.runs().value());
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        if (view.currentRun() != m_runId) { // other tests added runs: show the first one
            view.showRun(m_runId);
            QTRY_VERIFY(view.detail().run.id == m_runId);
        }
        auto *task = view.findChild<QComboBox *>(u"logTask"_s);
        auto *note = view.findChild<QLabel *>(u"logNote"_s);
        QVERIFY(task && note);
        task->setCurrentIndex(task->findData(u"after"_s));
        QTRY_VERIFY(note->text().contains(u"localhost/atelier-test:bookworm (0123456789ab)"_s));
        task->setCurrentIndex(task->findData(u"train"_s)); // on the host: no note
        QTRY_VERIFY(note->text().isEmpty());
    }

    void logPagesStripEscapesAndStartAtLines()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"big.log"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 20000; ++i)
            file.write(QByteArray("\x1b[1mline ") + QByteArray::number(i) + "\x1b[0m\n");
        file.close();
        auto tail = LogPage::read(path, -1, 4096);
        QVERIFY(tail);
        QVERIFY(tail->text.endsWith(u"line 19999\n"_s));
        QVERIFY(tail->text.startsWith(u"line "_s)); // cut at a line start
        QVERIFY(!tail->text.contains(QChar(0x1b)));
        QVERIFY(tail->text.size() <= 4096);
        auto head = LogPage::read(path, 0, 4096);
        QVERIFY(head->text.startsWith(u"line 0\n"_s));
        QVERIFY(!LogPage::read(tmp.filePath(u"missing.log"_s), -1, 10));
    }
};

QTEST_MAIN(TestRunsView)
#include "tst_runsview.moc"
