// The GUI's runs list shows MLflow's nested runs (tag mlflow.parentRunId) under their parent,
// and an imported run that had not ended has no made-up duration (issue #14).
#include "core/workspace.h"
#include "monitor/runsview.h"
#include "runs/mlflowimport.h"
#include "runs/runstore.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestRunNesting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void childRunsSitUnderTheirParent()
    {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(root, {});
        QVERIFY(workspace);
        QVERIFY(MlflowImport::importStore(
            workspace->catalog(), QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/mlruns-live")));
        RunsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &RunsView::detailLoaded);
        view.setRuns(root, RunStore(workspace->catalog()).runs().value());
        QCOMPARE(view.visibleRunCount(), 4);

        auto *list = view.findChild<QTreeWidget *>(u"runList"_s);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2); // the parent and the killed run
        QTreeWidgetItem *parent = list->topLevelItem(0);
        QCOMPARE(parent->data(0, Qt::UserRole).toString(),
                 u"mlflow-aaaa0000aaaa0000aaaa0000aaaa0000"_s);
        QCOMPARE(parent->childCount(), 2);
        QCOMPARE(parent->child(0)->text(0), u"lr-0.01"_s);
        QCOMPARE(parent->child(1)->text(0), u"lr-1.0"_s);
        QVERIFY(parent->isExpanded());

        // The running run's detail: no duration counted up to now.
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        view.selectRuns({});
        list->setCurrentItem(parent->child(1));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.currentRun(), u"mlflow-bbbb1111bbbb1111bbbb1111bbbb1111"_s);
        QString summary;
        for (QLabel *label : view.findChildren<QLabel *>())
            summary += label->text() + u'\n';
        QVERIFY2(summary.contains(u"unknown (not ended when imported)"_s), qPrintable(summary));
    }
};

QTEST_MAIN(TestRunNesting)
#include "tst_runnesting.moc"
