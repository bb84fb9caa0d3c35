#include "canvas/canvasmime.h"
#include "canvas/canvasscene.h"
#include "canvas/pipelineeditor.h"
#include "canvas/propertiespanel.h"
#include "canvas/quickaddpopup.h"
#include "canvas/runoverlay.h"
#include "canvas/scheduledialog.h"
#include "canvas/templatepalette.h"
#include "canvas/versionspanel.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinestore.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGraphicsSceneDragDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

/// The Pipelines view end to end on the demo workspace: a real `atelier init --demo`, real
/// git commits, real runs started as `atelier pipeline run` processes.
class TestPipelineEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;
    PipelineEditor *m_editor = nullptr;
    QString m_savedCommit;

    GraphModel *model() const { return m_editor->model(); }
    QJsonValue param(const QString &node, const QString &name) const
    {
        return model()->value(node, u"params."_s + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(u"demo"_s);
        QProcess init;
        init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_demo, u"--demo"_s});
        QVERIFY(init.waitForFinished(120000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 900);
        m_window->show();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceLoaded);
        m_window->openWorkspace(m_demo);
        QVERIFY(loaded.wait(60000));
        QVERIFY(m_window->showView(u"pipelines"_s));
        m_editor = m_window->pipelineEditor();
        QVERIFY(m_editor);
        QCOMPARE(m_window->page(u"pipelines"_s), m_editor);
        m_editor->setAtelierBinary(QStringLiteral(ATELIER_BINARY));
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->currentSlug(), u"shapes-classifier"_s, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isBusy(), 20000);
        QCOMPARE(m_editor->scene()->nodeItemCount(), 5);
        QVERIFY(!m_editor->isModified());
        QVERIFY(!m_editor->isReadOnly());
    }

    void paletteGroupsAndSearchesTemplates()
    {
        TemplatePalette *palette = m_editor->palette();
        QVERIFY(palette->shownCategories().contains(u"Machine learning"_s));
        QVERIFY(palette->shownTemplates().contains(u"sklearn-train@1.0"_s));
        palette->setSearch(u"xgboost"_s);
        QCOMPARE(palette->shownTemplates(), QStringList{u"xgboost-train@1.0"_s});
        QCOMPARE(palette->shownCategories(), QStringList{u"Machine learning"_s});
        palette->setSearch(u"no such template at all"_s);
        QVERIFY(palette->shownTemplates().isEmpty());
        palette->setSearch({});
        QVERIFY(palette->shownTemplates().size() >= 10);

        // A template row drags as its reference; dropped on the canvas it is a new node.
        auto *tree = palette->findChild<QTreeView *>(u"paletteTree"_s);
        QVERIFY(tree);
        QModelIndex row;
        for (int i = 0; i < tree->model()->rowCount() && !row.isValid(); ++i) {
            const QModelIndex category = tree->model()->index(i, 0);
            for (int j = 0; j < tree->model()->rowCount(category); ++j) {
                const QModelIndex candidate = tree->model()->index(j, 0, category);
                if (candidate.data(Qt::DisplayRole).toString() == u"Split table"_s)
                    row = candidate;
            }
        }
        QVERIFY(row.isValid());
        QVERIFY(row.flags() & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> mime(tree->model()->mimeData({row}));
        QVERIFY(mime && mime->hasFormat(templateMimeType()));
        QCOMPARE(mime->data(templateMimeType()), QByteArray("table-split@1.0"));
        const int nodes = int(model()->nodes().size());
        const int steps = model()->undoStack()->index();
        QGraphicsSceneDragDropEvent drop(QEvent::GraphicsSceneDrop);
        drop.setMimeData(mime.get());
        drop.setScenePos(QPointF(200, 600));
        drop.setProposedAction(Qt::CopyAction);
        drop.setPossibleActions(Qt::CopyAction);
        QCoreApplication::sendEvent(m_editor->scene(), &drop);
        QCOMPARE(model()->nodes().size(), nodes + 1);
        QCOMPARE(model()->nodes().constLast().templateRef, u"table-split@1.0"_s);
        QCOMPARE(model()->undoStack()->index(), steps + 1);
        model()->undoStack()->undo();
        QCOMPARE(model()->nodes().size(), nodes);
        QVERIFY(!m_editor->isModified());
    }

    void editsAParamAsOneUndoStepPerGesture()
    {
        CanvasScene *scene = m_editor->scene();
        PropertiesPanel *panel = m_editor->propertiesPanel();
        QUndoStack *undo = model()->undoStack();
        scene->selectIds({u"train"_s});
        QTRY_COMPARE(panel->nodeId(), u"train"_s);

        // A spin box: several steps in one focus session are one undo step.
        auto *spin = qobject_cast<QSpinBox *>(panel->editor(u"n_estimators"_s));
        QVERIFY(spin);
        QCOMPARE(spin->value(), 100);
        const int before = undo->index();
        QEvent focusIn(QEvent::FocusIn);
        QCoreApplication::sendEvent(spin, &focusIn);
        spin->setValue(150);
        spin->setValue(200);
        QCOMPARE(undo->index(), before + 1);
        QCOMPARE(param(u"train"_s, u"n_estimators"_s), QJsonValue(200));
        QVERIFY(m_editor->isModified());
        QVERIFY(m_window->isWindowModified());

        undo->undo();
        QCOMPARE(param(u"train"_s, u"n_estimators"_s), QJsonValue(100));
        QTRY_COMPARE(qobject_cast<QSpinBox *>(panel->editor(u"n_estimators"_s))->value(), 100);
        QVERIFY(!m_editor->isModified());
        undo->redo();
        QCOMPARE(param(u"train"_s, u"n_estimators"_s), QJsonValue(200));
        QTRY_COMPARE(qobject_cast<QSpinBox *>(panel->editor(u"n_estimators"_s))->value(), 200);
        undo->undo();
        undo->redo();
        QCOMPARE(param(u"train"_s, u"n_estimators"_s), QJsonValue(200));

        // A line edit commits once, when editing finishes.
        auto *target = qobject_cast<QLineEdit *>(panel->editor(u"target"_s));
        QVERIFY(target);
        QCOMPARE(target->text(), u"label"_s);
        const int beforeTyping = undo->index();
        target->selectAll();
        QTest::keyClicks(target, u"label_x"_s);
        QCOMPARE(undo->index(), beforeTyping); // nothing yet while typing
        QTest::keyClick(target, Qt::Key_Return);
        QCOMPARE(undo->index(), beforeTyping + 1);
        QCOMPARE(param(u"train"_s, u"target"_s), QJsonValue(u"label_x"_s));
        undo->undo();
        QCOMPARE(param(u"train"_s, u"target"_s), QJsonValue(u"label"_s));
        QTRY_COMPARE(qobject_cast<QLineEdit *>(panel->editor(u"target"_s))->text(), u"label"_s);

        // An enum: one choice, one step.
        auto *algorithm = qobject_cast<QComboBox *>(panel->editor(u"algorithm"_s));
        QVERIFY(algorithm);
        const int choice = algorithm->findData(u"logistic_regression"_s);
        QVERIFY(choice >= 0);
        const int beforeChoice = undo->index();
        algorithm->setCurrentIndex(choice);
        Q_EMIT algorithm->activated(choice);
        QCOMPARE(undo->index(), beforeChoice + 1);
        QCOMPARE(param(u"train"_s, u"algorithm"_s), QJsonValue(u"logistic_regression"_s));
        undo->undo();
        QCOMPARE(param(u"train"_s, u"algorithm"_s), QJsonValue(u"random_forest"_s));
    }

    void showsWhyAValueIsRefused()
    {
        PropertiesPanel *panel = m_editor->propertiesPanel();
        m_editor->scene()->selectIds({u"train"_s});
        QTRY_COMPARE(panel->nodeId(), u"train"_s);
        QVERIFY(panel->problem(u"target"_s).isEmpty());
        auto *target = qobject_cast<QLineEdit *>(panel->editor(u"target"_s));
        QVERIFY(target);
        target->selectAll();
        QTest::keyClicks(target, u"1 bad"_s); // the template's regex wants an identifier
        QVERIFY2(!panel->problem(u"target"_s).isEmpty(), "a bad value shows its reason");
        QTest::keyClick(target, Qt::Key_Return);
        // Accepted into the document (a draft may be wrong), the reason stays on screen.
        QCOMPARE(param(u"train"_s, u"target"_s), QJsonValue(u"1 bad"_s));
        QTRY_VERIFY(!panel->problem(u"target"_s).isEmpty());
        // Nothing selected: the pipeline's checks list the problem.
        m_editor->scene()->selectIds({});
        QTRY_COMPARE(panel->nodeId(), QString());
        auto *problems = panel->findChild<QLabel *>(u"pipelineProblems"_s);
        QVERIFY(problems);
        QTRY_VERIFY(problems->text().contains(u"target"_s));
        model()->undoStack()->undo();
        QCOMPARE(param(u"train"_s, u"target"_s), QJsonValue(u"label"_s));
        QTRY_VERIFY(problems->text().contains(u"no problem"_s));

        // Out of range: the spin box cannot hold it, the reason says what fits.
        QVERIFY(model()->setValue(u"train"_s, u"params.n_estimators"_s, 0));
        m_editor->scene()->selectIds({u"train"_s});
        QTRY_COMPARE(panel->nodeId(), u"train"_s);
        QTRY_VERIFY(!panel->problem(u"n_estimators"_s).isEmpty());
        model()->undoStack()->undo();
        QTRY_VERIFY(panel->problem(u"n_estimators"_s).isEmpty());
    }

    void quickAddFiltersToCompatibleTemplates()
    {
        CanvasScene *scene = m_editor->scene();
        QuickAddPopup *popup = m_editor->quickAdd();
        const int nodes = int(model()->nodes().size());

        // A plain request (double-click, Ctrl+.) offers every template, narrowed by search.
        Q_EMIT scene->quickAddRequested(QPointF(100, 500), PortRef{});
        QTRY_VERIFY(popup->isVisible());
        QVERIFY(popup->shownTemplates().size() >= 10);
        popup->setSearch(u"split"_s);
        QCOMPARE(popup->shownTemplates(), QStringList{u"table-split@1.0"_s});
        QTest::keyClick(popup->findChild<QLineEdit *>(u"quickAddSearch"_s), Qt::Key_Escape);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(model()->nodes().size(), nodes);

        // A link dropped on empty canvas: only templates that take a model.
        const PortRef dangling{u"train"_s, u"model"_s, true};
        Q_EMIT scene->quickAddRequested(QPointF(900, 500), dangling);
        QTRY_VERIFY(popup->isVisible());
        const QStringList offered = popup->shownTemplates();
        QVERIFY(offered.contains(u"evaluate@1.0"_s));
        QVERIFY(offered.contains(u"batch-predict@1.0"_s));
        QVERIFY(offered.contains(u"model-register@1.0"_s));
        QVERIFY(!offered.contains(u"table-split@1.0"_s));
        QVERIFY(!offered.contains(u"dataset-export@1.0"_s));
        popup->setSearch(u"batch"_s);
        QCOMPARE(popup->shownTemplates(), QStringList{u"batch-predict@1.0"_s});
        const int steps = model()->undoStack()->index();
        QTest::keyClick(popup->findChild<QLineEdit *>(u"quickAddSearch"_s), Qt::Key_Return);
        QTRY_COMPARE(model()->nodes().size(), nodes + 1);
        QCOMPARE(model()->undoStack()->index(), steps + 1); // the node and its link: one step
        const QString added = model()->nodes().constLast().id;
        const auto link = model()->edgeInto(added, u"model"_s);
        QVERIFY(link);
        QCOMPARE(link->fromNode, u"train"_s);
        QCOMPARE(link->fromPort, u"model"_s);
        QCOMPARE(scene->selectedNodeIds(), QStringList{added});
        model()->undoStack()->undo();
        QCOMPARE(model()->nodes().size(), nodes);
    }

    void saveWithAMessageMakesACommit()
    {
        QVERIFY(model()->setValue(u"train"_s, u"params.n_estimators"_s, 120));
        QVERIFY(m_editor->isModified());
        QSignalSpy saved(m_editor, &PipelineEditor::saved);
        QSignalSpy failed(m_editor, &PipelineEditor::failed);
        m_editor->save(u"  "_s); // refused: a version needs a message
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(u"message"_s));
        m_editor->save(u"More trees"_s);
        QVERIFY(saved.wait(30000));
        m_savedCommit = saved.at(0).at(0).toString();
        QCOMPARE(m_savedCommit.size(), 40);
        QVERIFY(!m_editor->isModified());
        QVERIFY(!m_window->isWindowModified());

        const auto history = PipelineStore(m_demo).history(u"shapes-classifier"_s);
        QVERIFY(history);
        QCOMPARE(history->constFirst().id, m_savedCommit);
        QCOMPARE(history->constFirst().summary, u"More trees"_s);
        const auto stored = PipelineStore(m_demo).load(u"shapes-classifier"_s);
        QVERIFY(stored);
        QCOMPARE(stored->node(u"train"_s)->params.value(u"n_estimators"_s), QJsonValue(120));

        // History: the two newest versions compared, the changed node marked.
        VersionsPanel *versions = m_editor->versionsPanel();
        QTRY_VERIFY(versions->commits().size() >= 2 && !versions->isLoading());
        QCOMPARE(versions->commits().constFirst().id, m_savedCommit);
        QSignalSpy diff(versions, &VersionsPanel::diffReady);
        versions->selectRows({0, 1});
        versions->compareSelected();
        QVERIFY(diff.wait(20000));
        QVERIFY(versions->changeLines().join(u'\n').contains(u"n_estimators"_s));
        // The newer side is the pipeline as edited: the marks go on the editing canvas.
        QVERIFY(!m_editor->isReadOnly());
        QCOMPARE(m_editor->scene()->nodeItem(u"train"_s)->diffMark(), NodeDiffMark::Changed);
        QCOMPARE(m_editor->scene()->nodeItem(u"split"_s)->diffMark(), NodeDiffMark::None);
        m_editor->scene()->clearDiffMarks();
    }

    void scheduleIsAnUndoableChange()
    {
        ScheduleDialog dialog(std::nullopt);
        QVERIFY(!dialog.schedule());
        dialog.findChild<QCheckBox *>(u"scheduleEnabled"_s)->setChecked(true);
        auto *cron = dialog.findChild<QLineEdit *>(u"cron"_s);
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        cron->setText(u"61 * * * *"_s);
        QVERIFY(!dialog.cronProblem().isEmpty());
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        cron->setText(u"30 6 * * MON-FRI"_s);
        QVERIFY(dialog.cronProblem().isEmpty());
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(dialog.upcoming().size(), 8);
        QVERIFY(dialog.upcoming().constFirst().contains(u"06:30"_s));
        dialog.findChild<QSpinBox *>(u"maxActiveRuns"_s)->setValue(2);
        dialog.findChild<QCheckBox *>(u"catchup"_s)->setChecked(true);
        QSignalSpy history(&dialog, &ScheduleDialog::historyLoaded);
        dialog.loadHistory(m_demo, u"shapes-classifier"_s);
        QVERIFY(history.wait(20000));
        QCOMPARE(dialog.pastRunCount(), 0); // no scheduled run yet

        const auto schedule = dialog.schedule();
        QVERIFY(schedule);
        QCOMPARE(schedule->cron, u"30 6 * * MON-FRI"_s);
        QUndoStack *undo = model()->undoStack();
        const int steps = undo->index();
        m_editor->applySchedule(schedule);
        QCOMPARE(undo->index(), steps + 1);
        QCOMPARE(model()->document().schedule->maxActiveRuns, 2);
        QVERIFY(model()->document().schedule->catchup);
        undo->undo();
        QVERIFY(!model()->document().schedule);
        undo->redo();
        QCOMPARE(model()->document().schedule->cron, u"30 6 * * MON-FRI"_s);
        undo->undo();
        QVERIFY(!m_editor->isModified());
    }

    void runsTheDemoPipelineFromTheCanvas()
    {
        QVERIFY(!m_editor->isModified()); // a run uses the saved pipeline
        QAction *runAll = m_editor->action(u"runAll"_s);
        QVERIFY(runAll && runAll->isEnabled());
        QSignalSpy started(m_editor->runController(), &RunController::runStarted);
        QSignalSpy finished(m_editor, &PipelineEditor::runFinished);
        QSignalSpy failed(m_editor, &PipelineEditor::failed);
        runAll->trigger();
        QVERIFY(m_editor->action(u"stop"_s)->isEnabled());
        QVERIFY(!runAll->isEnabled());
        QVERIFY2(started.wait(60000) || started.count() > 0,
                 failed.isEmpty() ? "no run appeared"
                                  : qPrintable(failed.constFirst().constFirst().toString()));
        CanvasScene *scene = m_editor->scene();
        const QStringList ids = model()->nodeIds();
        QCOMPARE(ids.size(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &id : ids) {
                    if (scene->nodeItem(id)->runState() != NodeRunState::Succeeded)
                        return false;
                }
                return true;
            }(),
            180000);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 30000);
        QCOMPARE(finished.constFirst().at(1).toString(), u"succeeded"_s);
        const QString runId = finished.constFirst().at(0).toString();
        QVERIFY(failed.isEmpty());
        QVERIFY(runAll->isEnabled());
        QVERIFY(!m_editor->action(u"stop"_s)->isEnabled());
        QCOMPARE(m_editor->runController()->run().commitId, m_savedCommit);

        // Selecting a node shows its task's log and outputs from that run.
        RunOverlay *overlay = m_editor->runOverlay();
        scene->selectIds({u"train"_s});
        QTRY_COMPARE(overlay->nodeId(), u"train"_s);
        QTRY_COMPARE(overlay->runId(), runId);
        QTRY_VERIFY_WITH_TIMEOUT(!overlay->isBusy() && !overlay->detail().tasks.isEmpty(), 20000);
        QTRY_VERIFY(!overlay->logText().isEmpty());

        // One click on the run in the Runs panel opens it read-only, as it was, with its
        // final states.
        auto *runList = m_editor->findChild<QTreeWidget *>(u"editorRunList"_s);
        QVERIFY(runList);
        QTRY_VERIFY_WITH_TIMEOUT(runList->topLevelItemCount() > 0 && !m_editor->isBusy(), 20000);
        QTreeWidgetItem *row = runList->topLevelItem(0);
        QCOMPARE(row->data(0, Qt::UserRole).toString(), runId);
        QSignalSpy opened(m_editor, &PipelineEditor::runOpened);
        QTest::mouseClick(runList->viewport(), Qt::LeftButton, {},
                          runList->visualItemRect(row).center());
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.constFirst().constFirst().toString(), runId);
        QVERIFY(m_editor->isReadOnly());
        // Nothing on a read-only canvas can be edited, so the panel does not offer it.
        m_editor->viewerScene()->selectIds({});
        auto *page = m_editor->propertiesPanel()->findChild<QWidget *>(u"pipelineProperties"_s);
        QVERIFY(page);
        auto *hint = page->findChild<QLabel *>(u"paramHelp"_s);
        QVERIFY(hint);
        QTRY_VERIFY(hint->isVisible());
        QVERIFY2(!hint->text().contains(u"edit"_s), qPrintable(hint->text()));
        QVERIFY(!m_editor->action(u"runAll"_s)->isEnabled());
        for (const QString &id : ids)
            QCOMPARE(m_editor->viewerScene()->nodeItem(id)->runState(), NodeRunState::Succeeded);
        QCOMPARE(m_editor->viewerModel()->value(u"train"_s, u"params.n_estimators"_s),
                 QJsonValue(120));
        m_editor->backToEditing();
        QVERIFY(!m_editor->isReadOnly());
    }

    void runsFromTheSelectedNode()
    {
        m_editor->scene()->selectIds({u"evaluate"_s});
        QAction *runFrom = m_editor->action(u"runFrom"_s);
        QTRY_VERIFY(runFrom->isEnabled());
        QSignalSpy finished(m_editor, &PipelineEditor::runFinished);
        runFrom->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 180000);
        QCOMPARE(finished.constFirst().at(1).toString(), u"succeeded"_s);
        const RunRecord &run = m_editor->runController()->run();
        QCOMPARE(run.options.value(u"from"_s).toString(), u"evaluate"_s);
        // Upstream of the chosen node nothing ran again: its outputs came from the last run.
        for (const TaskRecord &task : m_editor->runController()->tasks()) {
            if (task.nodeId == u"train"_s || task.nodeId == u"export"_s)
                QVERIFY2(task.state != u"succeeded"_s || task.attempts == 0,
                         qPrintable(task.nodeId + u": "_s + task.state));
        }
        // Nothing changed since the last run, so the node's outputs may be reused (cached).
        const NodeRunState evaluate = m_editor->scene()->nodeItem(u"evaluate"_s)->runState();
        QVERIFY(evaluate == NodeRunState::Succeeded || evaluate == NodeRunState::Cached);
    }

    void refusesRunningOneNodeWithoutASelection()
    {
        m_editor->scene()->selectIds({});
        QVERIFY(!m_editor->action(u"runOnly"_s)->isEnabled());
        QSignalSpy failed(m_editor, &PipelineEditor::failed);
        m_editor->run(RunController::Mode::Only);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(u"Select one node"_s));
        QVERIFY(!m_editor->runController()->isActive());
    }

    void restoresAnOlderVersion()
    {
        VersionsPanel *versions = m_editor->versionsPanel();
        QTRY_VERIFY(!versions->isLoading());
        const int count = int(versions->commits().size());
        QVERIFY(count >= 2);
        const QString older = versions->commits().at(1).id;
        QSignalSpy restored(m_editor, &PipelineEditor::restored);
        QSignalSpy opened(m_editor, &PipelineEditor::pipelineOpened);
        m_editor->restoreVersion(older);
        QVERIFY(restored.wait(20000));
        QVERIFY(opened.count() > 0 || opened.wait(20000));
        QCOMPARE(param(u"train"_s, u"n_estimators"_s), QJsonValue(100));
        QVERIFY(!m_editor->isModified());
        QTRY_COMPARE(int(versions->commits().size()), count + 1);
    }

    void newPipelineIsSavedRunAndStopped()
    {
        QVERIFY(!m_editor->newPipeline(u"Shapes classifier"_s)); // that name is taken
        QVERIFY(!m_editor->newPipeline(u"  "_s));
        QVERIFY(m_editor->newPipeline(u"Sleeper"_s));
        QVERIFY(m_editor->currentSlug().isEmpty());
        QVERIFY(m_editor->isModified()); // not saved yet
        QCOMPARE(m_editor->scene()->nodeItemCount(), 0);
        const auto id = model()->addNode(u"shell"_s, QPointF(0, 0));
        QVERIFY(id);
        QVERIFY(model()->setValue(id.value(), u"params.script"_s, u"sleep 60"_s));

        QSignalSpy saved(m_editor, &PipelineEditor::saved);
        m_editor->save(u"A node that takes its time"_s);
        QVERIFY(saved.wait(30000));
        QCOMPARE(m_editor->currentSlug(), u"sleeper"_s);
        QVERIFY(m_editor->pipelineSlugs().contains(u"sleeper"_s));
        QVERIFY(!m_editor->isModified());
        QVERIFY(PipelineStore(m_demo).list().contains(u"sleeper"_s));

        QSignalSpy finished(m_editor, &PipelineEditor::runFinished);
        m_editor->action(u"runAll"_s)->trigger();
        NodeItem *node = m_editor->scene()->nodeItem(id.value());
        QTRY_VERIFY_WITH_TIMEOUT(node->runState() == NodeRunState::Running, 60000);
        QVERIFY(m_editor->action(u"stop"_s)->isEnabled());
        m_editor->action(u"stop"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 60000);
        QCOMPARE(finished.constFirst().at(1).toString(), u"stopped"_s);
        QTRY_COMPARE(node->runState(), NodeRunState::Stopped);
    }

    void aRunThatCannotStartSaysWhy()
    {
        QCOMPARE(m_editor->currentSlug(), u"sleeper"_s);
        // A node whose required inputs are not linked: the run process refuses the pipeline.
        QVERIFY(model()->addNode(u"batch-predict"_s, QPointF(300, 0)));
        QSignalSpy saved(m_editor, &PipelineEditor::saved);
        QSignalSpy said(m_editor, &PipelineEditor::statusMessage);
        m_editor->save(u"Half-built"_s);
        QVERIFY(saved.wait(30000));
        // Saved as asked, but not without a word about what a run would refuse.
        QVERIFY(!said.isEmpty());
        const QString note = said.constLast().constFirst().toString();
        QVERIFY2(note.contains(u"refuse"_s) && note.contains(u"batch-predict"_s), qPrintable(note));
        // The Checks refuse it, so Run is off and says why.
        QAction *runAll = m_editor->action(u"runAll"_s);
        QVERIFY(!runAll->isEnabled());
        QVERIFY2(runAll->toolTip().contains(u"batch-predict"_s), qPrintable(runAll->toolTip()));
        // Started anyway (as a scheduler would), the run process refuses it; the GUI says why
        // in its own words, without the command line's "atelier:" mark.
        QSignalSpy failed(m_editor, &PipelineEditor::failed);
        m_editor->run(RunController::Mode::All);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 60000);
        const QString message = failed.constFirst().constFirst().toString();
        QVERIFY2(message.contains(u"batch-predict"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"atelier:"_s), qPrintable(message));
        QVERIFY(!m_editor->runController()->isActive());
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestPipelineEditor)
#include "tst_pipelineeditor.moc"
