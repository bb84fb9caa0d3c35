#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/minimap.h"
#include "canvas/nodeitem.h"
#include "canvas/pipelineeditor.h"
#include "canvas/propertiespanel.h"
#include "canvas/templatepalette.h"
#include "registryview/modelsview.h"
#include "monitor/runsview.h"
#include "pipeline/graphmodel.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QProcess>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWheelEvent>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

/// The Pipelines view as a new user first meets it, on the demo workspace in a 1024×700
/// window (and a 1600×975 one): readable, nothing hidden or clipped, nothing that moves under
/// the mouse, Undo from the Edit menu wherever the focus is.
class TestPipelineFirstHour : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<MainWindow> m_window;
    PipelineEditor *m_editor = nullptr;

    static QStringList barActions()
    {
        return {u"new"_s,        u"save"_s, u"history"_s,  u"undo"_s,   u"redo"_s,
                u"autoLayout"_s, u"fit"_s,  u"overview"_s, u"runAll"_s, u"runFrom"_s,
                u"runOnly"_s,    u"stop"_s, u"schedule"_s};
    }
    QToolBar *toolBar() const { return m_editor->findChild<QToolBar *>(u"editorToolBar"_s); }
    QHash<QString, QRect> buttonPlaces() const
    {
        QHash<QString, QRect> places;
        for (const QString &name : barActions()) {
            const QWidget *button = toolBar()->widgetForAction(m_editor->action(name));
            places.insert(name, button ? button->geometry() : QRect());
        }
        return places;
    }
    QRectF shownArea(const CanvasView *view) const
    {
        return view->mapToScene(view->viewport()->rect()).boundingRect();
    }
    void resizeWindow(int width, int height)
    {
        m_window->resize(width, height);
        QTRY_COMPARE(m_window->size(), QSize(width, height));
        QTest::qWait(50); // the docks and the canvas settle
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString demo = m_tmp.filePath(u"demo"_s);
        QProcess init;
        init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, demo, u"--demo"_s});
        QVERIFY(init.waitForFinished(120000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1024, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceLoaded);
        m_window->openWorkspace(demo);
        QVERIFY(loaded.wait(60000));
        QVERIFY(m_window->showView(u"pipelines"_s));
        m_editor = m_window->pipelineEditor();
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->currentSlug(), u"shapes-classifier"_s, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isBusy(), 20000);
        QCOMPARE(m_window->size(), QSize(1024, 700)); // nothing's minimum pushes it wider
    }

    void canvasOpensReadableAndFollowsTheWindow()
    {
        CanvasView *view = m_editor->view();
        const NodeItem *first = m_editor->scene()->nodeItem(u"export"_s);
        QVERIFY(first);
        // Titles readable, the pipeline's start in view, at 1024×700 …
        QTRY_VERIFY(view->zoom() >= CanvasView::ReadableZoom - 1e-6);
        QVERIFY(shownArea(view).contains(first->sceneBoundingRect()));
        // … and still (the window laid out bigger after opening must not leave it tiny)
        // until the user zooms: then a resize keeps the zoom chosen.
        resizeWindow(1600, 975);
        QVERIFY(view->isAutoFitting());
        QVERIFY(view->zoom() >= CanvasView::ReadableZoom - 1e-6);
        const QRectF all = m_editor->scene()->itemsBoundingRect();
        QVERIFY(shownArea(view).contains(first->sceneBoundingRect()));
        QVERIFY(shownArea(view).width() >= std::min(all.width(), 900.0)); // uses the room
        QWheelEvent wheel(QPointF(100, 100), view->viewport()->mapToGlobal(QPointF(100, 100)), {},
                          QPoint(0, -120), Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(!view->isAutoFitting());
        const qreal chosen = view->zoom();
        resizeWindow(1024, 700);
        QCOMPARE(view->zoom(), chosen);
        view->openReadable(); // as a newly opened pipeline
        QVERIFY(view->zoom() >= CanvasView::ReadableZoom - 1e-6);
    }

    void everyToolBarButtonIsReachableAt1024()
    {
        QToolBar *bar = toolBar();
        QVERIFY(bar);
        for (const QString &name : barActions()) {
            const QWidget *button = bar->widgetForAction(m_editor->action(name));
            QVERIFY2(button && button->isVisible(), qPrintable(name)); // not in a » menu
            QVERIFY2(bar->rect().contains(button->geometry()), qPrintable(name));
        }
        auto *chooser = bar->findChild<QWidget *>(u"pipelineChooser"_s);
        QVERIFY(chooser && chooser->isVisible() && bar->rect().contains(chooser->geometry()));
    }

    void buttonsStayPutWhenThePipelineIsEdited()
    {
        for (const QSize size : {QSize(1024, 700), QSize(1600, 975)}) {
            resizeWindow(size.width(), size.height());
            auto *mark = m_editor->findChild<QLabel *>(u"modifiedMark"_s);
            QVERIFY(mark && mark->text().isEmpty());
            const QHash<QString, QRect> before = buttonPlaces();
            GraphModel *model = m_editor->model();
            QVERIFY(model->setValue(u"train"_s, u"params.n_estimators"_s, 150));
            QVERIFY(m_editor->isModified());
            QTest::qWait(20);
            QVERIFY(!mark->text().isEmpty()); // "● edited" shows, whole …
            QVERIFY(mark->width() >= mark->sizeHint().width());
            QCOMPARE(buttonPlaces(), before); // … and nothing moves for it
            model->undoStack()->undo();
            QVERIFY(!m_editor->isModified());
            QTest::qWait(20);
            QCOMPARE(buttonPlaces(), before);
        }
        resizeWindow(1024, 700);
    }

    void theOverviewIsSmallAndCanBeHidden()
    {
        CanvasView *view = m_editor->view();
        Minimap *minimap = view->minimap();
        const QSize port = view->viewport()->size();
        if (minimap->isVisible()) {
            const int area = minimap->width() * minimap->height();
            QVERIFY2(area * 8 <= port.width() * port.height(),
                     qPrintable(u"%1x%2 on %3x%4"_s.arg(minimap->width())
                                    .arg(minimap->height())
                                    .arg(port.width())
                                    .arg(port.height())));
        }
        QAction *overview = m_editor->action(u"overview"_s);
        QVERIFY(overview && overview->isCheckable() && overview->isChecked());
        overview->trigger();
        QVERIFY(!minimap->isVisible());
        overview->trigger();
        QCOMPARE(minimap->isVisible(), port.width() / 4 >= 80);
        resizeWindow(1600, 975);
        QVERIFY(minimap->isVisible());
        QVERIFY(minimap->width() * minimap->height() * 8 <=
                view->viewport()->width() * view->viewport()->height());
        resizeWindow(1024, 700);
    }

    void listsKeepAReadableWidthAt1024()
    {
        QVERIFY(m_window->showView(u"runs"_s));
        auto *runs = m_window->runsView()->findChild<QTreeWidget *>(u"runList"_s);
        QVERIFY(runs);
        QTRY_VERIFY2(runs->width() >= 250, qPrintable(QString::number(runs->width())));
        QVERIFY(m_window->showView(u"models"_s));
        auto *models = m_window->modelsView()->findChild<QTreeWidget *>(u"modelTree"_s);
        QVERIFY(models);
        QTRY_VERIFY2(models->width() >= 250, qPrintable(QString::number(models->width())));
        QCOMPARE(m_window->size(), QSize(1024, 700));
        // The canvas's Runs panel: a date and a state, not "6…" and "succee".
        QVERIFY(m_window->showView(u"pipelines"_s));
        auto *editorRuns = m_editor->findChild<QTreeWidget *>(u"editorRunList"_s);
        QVERIFY(editorRuns);
        QTRY_VERIFY(editorRuns->width() >= 150);
    }

    void propertiesFitTheirPanelAt1024()
    {
        // Every node of the demo, and one whose template has no parameters: nothing wider
        // than the panel (it scrolls down, never sideways: the right edge would be cut off).
        GraphModel *model = m_editor->model();
        QVERIFY(model->addNode(u"batch-predict"_s, QPointF(0, 400)));
        PropertiesPanel *panel = m_editor->propertiesPanel();
        auto *scroll = panel->findChild<QScrollArea *>();
        QVERIFY(scroll && scroll->widget());
        for (const QString &id : model->nodeIds()) {
            m_editor->scene()->selectIds({id});
            QTRY_COMPARE(panel->nodeId(), id);
            QTRY_VERIFY(scroll->isVisible());
            QVERIFY2(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width(),
                     qPrintable(u"%1: %2 > %3"_s.arg(id)
                                    .arg(scroll->widget()->minimumSizeHint().width())
                                    .arg(scroll->viewport()->width())));
        }
        m_editor->scene()->selectIds({});
        model->undoStack()->undo();
        QVERIFY(!m_editor->isModified());
    }

    void editMenuUndoesThePipelineFromAnywhere()
    {
        QVERIFY(m_window->showView(u"pipelines"_s));
        auto *undo = m_window->findChild<QAction *>(u"editUndo"_s);
        auto *redo = m_window->findChild<QAction *>(u"editRedo"_s);
        QVERIFY(undo && redo);
        QVERIFY(!undo->isEnabled());
        QVERIFY(!undo->text().contains(u'%'));

        // A gesture in the properties panel: the step is named by the param's label.
        m_editor->scene()->selectIds({u"train"_s});
        PropertiesPanel *panel = m_editor->propertiesPanel();
        QTRY_COMPARE(panel->nodeId(), u"train"_s);
        auto *spin = qobject_cast<QSpinBox *>(panel->editor(u"n_estimators"_s));
        QVERIFY(spin);
        QEvent focusIn(QEvent::FocusIn);
        QCoreApplication::sendEvent(spin, &focusIn);
        spin->setValue(180);
        const auto trees = [this] {
            return m_editor->model()->value(u"train"_s, u"params.n_estimators"_s);
        };
        QCOMPARE(trees(), QJsonValue(180));
        QVERIFY(undo->isEnabled());
        // "Undo Change Trees of Random forest": the label the panel shows, not the param's name.
        QVERIFY2(undo->text().contains(u"Trees"_s) && !undo->text().contains(u"n_estimators"_s) &&
                     !undo->text().contains(u'%'),
                 qPrintable(undo->text()));

        // Ctrl+Z with the focus on the palette, not the canvas.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *tree = m_editor->palette()->findChild<QTreeView *>(u"paletteTree"_s);
        QVERIFY(tree);
        tree->setFocus();
        QTRY_VERIFY(tree->hasFocus());
        QTest::keySequence(tree, QKeySequence::Undo);
        QCOMPARE(trees(), QJsonValue(100));
        QVERIFY(redo->isEnabled() && redo->text().contains(u"Trees"_s));
        redo->trigger();
        QCOMPARE(trees(), QJsonValue(180));
        undo->trigger();
        QCOMPARE(trees(), QJsonValue(100));
        QVERIFY(!m_editor->isModified());

        // Another view is not the pipeline's document.
        QVERIFY(m_editor->model()->setValue(u"train"_s, u"params.n_estimators"_s, 130));
        QVERIFY(m_window->showView(u"runs"_s));
        QVERIFY(!undo->isEnabled());
        // (Nor the labeling's: disabled, it leaves an annotator's own Ctrl+Z unambiguous.)
        QVERIFY(m_window->showView(u"datasets"_s));
        QVERIFY(!undo->isEnabled());
        QVERIFY(m_window->showView(u"pipelines"_s));
        QVERIFY(undo->isEnabled());
        // On the canvas, Ctrl+Z is the scene's (the same document, one step).
        CanvasView *view = m_editor->view();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QTest::keySequence(view, QKeySequence::Undo);
        QVERIFY(!m_editor->isModified());
        QVERIFY(redo->isEnabled());
        QTest::keySequence(view, QKeySequence::Redo);
        QVERIFY(m_editor->isModified());
        undo->trigger();
        QVERIFY(!m_editor->isModified());
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestPipelineFirstHour)
#include "tst_pipelinefirsthour.moc"
