#include "canvas/canvasmime.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "canvas/minimap.h"
#include "canvas/noteitem.h"
#include "pipeline/graphmodel.h"
#include "pipeline/templatelibrary.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsSceneDragDropEvent>
#include <QImage>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

TemplateLibrary builtinLibrary()
{
    TemplateLibrary library;
    library.addDirectory(QStringLiteral(ATELIER_SOURCE_DIR) + u"/resources/templates"_s);
    return library;
}

NodeSpec node(const QString &id, const QString &tpl, const QJsonObject &params = {})
{
    NodeSpec n;
    n.id = id;
    n.templateRef = tpl;
    n.params = params;
    return n;
}

// export → split → train → eval, split.test → eval; reg unlinked; a → b (shells) for cycles.
PipelineDocument fixture()
{
    PipelineDocument doc;
    doc.name = u"Canvas test"_s;
    doc.nodes = {node(u"export"_s, u"dataset-export"_s, {{u"folder"_s, u"data"_s}}),
                 node(u"split"_s, u"table-split"_s),
                 node(u"train"_s, u"sklearn-train"_s, {{u"target"_s, u"label"_s}}),
                 node(u"eval"_s, u"evaluate"_s),
                 node(u"reg"_s, u"model-register"_s, {{u"name"_s, u"m"_s}}),
                 node(u"a"_s, u"shell"_s, {{u"script"_s, u"true"_s}}),
                 node(u"b"_s, u"shell"_s, {{u"script"_s, u"true"_s}})};
    doc.nodes[2].name = u"Train the model"_s;
    doc.edges = {{u"export"_s, u"table"_s, u"split"_s, u"table"_s},
                 {u"split"_s, u"train"_s, u"train"_s, u"table"_s},
                 {u"train"_s, u"model"_s, u"eval"_s, u"model"_s},
                 {u"split"_s, u"test"_s, u"eval"_s, u"table"_s},
                 {u"a"_s, u"out"_s, u"b"_s, u"in"_s}};
    doc.layout = {{u"export"_s, {0, 0}}, {u"split"_s, {280, 0}}, {u"train"_s, {560, 0}},
                  {u"eval"_s, {840, 0}}, {u"reg"_s, {840, 240}}, {u"a"_s, {0, 400}},
                  {u"b"_s, {280, 400}}};
    return doc;
}

} // namespace

class TestCanvasScene final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GraphModel> m_model;
    std::unique_ptr<CanvasScene> m_scene;
    std::unique_ptr<CanvasView> m_view;

    QUndoStack *stack() const { return m_model->undoStack(); }
    QPoint toView(QPointF scenePos) const { return m_view->mapFromScene(scenePos); }
    QPointF portPos(const QString &id, bool output, const QString &port) const
    {
        NodeItem *item = m_scene->nodeItem(id);
        const int index = output ? item->outputIndex(port) : item->inputIndex(port);
        return item->portScenePos(PortSlot{output, index});
    }
    void mouse(QEvent::Type type, QPointF scenePos, Qt::MouseButton button = Qt::LeftButton)
    {
        const QPoint p = toView(scenePos);
        const Qt::MouseButtons buttons =
            type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(button);
        QMouseEvent event(type, p, m_view->viewport()->mapToGlobal(p),
                          type == QEvent::MouseMove ? Qt::NoButton : button, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(m_view->viewport(), &event);
    }
    // Press at \a from, move in steps to \a to, release there.
    void drag(QPointF from, QPointF to, int steps = 6)
    {
        mouse(QEvent::MouseButtonPress, from);
        for (int i = 1; i <= steps; ++i)
            mouse(QEvent::MouseMove, from + (to - from) * (qreal(i) / steps));
        mouse(QEvent::MouseButtonRelease, to);
    }
    QImage renderView() const
    {
        QImage image(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        m_view->render(&painter, QRectF(), m_view->viewport()->rect());
        return image;
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<GraphModel>(builtinLibrary());
        m_model->setDocument(fixture());
        m_scene = std::make_unique<CanvasScene>(m_model.get());
        m_view = std::make_unique<CanvasView>(m_scene.get());
        m_view->resize(1400, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->zoomToActualSize();
        m_view->centerOn(560, 250);
        QGuiApplication::clipboard()->clear();
    }

    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
        m_model.reset();
    }

    void dragFreezesTheLinksThatStayStill()
    {
        NodeItem *split = m_scene->nodeItem(u"split"_s);
        EdgeItem *moving =
            m_scene->edgeItem(EdgeSpec{u"split"_s, u"train"_s, u"train"_s, u"table"_s});
        EdgeItem *still = m_scene->edgeItem(EdgeSpec{u"a"_s, u"out"_s, u"b"_s, u"in"_s});
        QVERIFY(split && moving && still);
        const QPointF grip = split->scenePos() + QPointF(60, 12); // the title, not a port
        const QPointF to = grip + QPointF(40, 60);                // on the grid
        mouse(QEvent::MouseButtonPress, grip);
        for (int i = 1; i <= 4; ++i)
            mouse(QEvent::MouseMove, grip + (to - grip) * (qreal(i) / 4));
        QVERIFY(still->isFrozen());
        QVERIFY(!moving->isFrozen());
        QCOMPARE(m_view->cacheMode(), QGraphicsView::CacheBackground);
        QCOMPARE(split->pos(), QPointF(280, 0) + (to - grip));
        // The frozen links come from the cached background: the same picture as drawn live.
        const QImage frozen = m_view->viewport()->grab().toImage();
        m_scene->thawLinks();
        QVERIFY(!still->isFrozen());
        QCOMPARE(m_view->cacheMode(), QGraphicsView::CacheNone);
        const QImage live = m_view->viewport()->grab().toImage();
        QCOMPARE(frozen, live);
        mouse(QEvent::MouseButtonRelease, to);
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(m_model->position(u"split"_s), QPointF(280, 0) + (to - grip));

        // Released: nothing stays frozen. Without item caching nothing is frozen at all.
        mouse(QEvent::MouseButtonPress, grip + (to - grip));
        QVERIFY(still->isFrozen());
        mouse(QEvent::MouseButtonRelease, grip + (to - grip));
        QVERIFY(!still->isFrozen());
        QCOMPARE(m_view->cacheMode(), QGraphicsView::CacheNone);
        m_scene->setItemCachingEnabled(false);
        mouse(QEvent::MouseButtonPress, grip + (to - grip));
        QVERIFY(!still->isFrozen());
        QCOMPARE(m_view->cacheMode(), QGraphicsView::CacheNone);
        mouse(QEvent::MouseButtonRelease, grip + (to - grip));
    }

    void itemsFollowTheModel()
    {
        QCOMPARE(m_scene->nodeItemCount(), 7);
        QCOMPARE(m_scene->edgeItemCount(), 5);
        NodeItem *train = m_scene->nodeItem(u"train"_s);
        QVERIFY(train);
        QCOMPARE(train->title(), u"Train the model"_s);
        QCOMPARE(train->templateLabel(), u"Train (scikit-learn)"_s);
        QCOMPARE(train->pos(), QPointF(560, 0));
        QCOMPARE(train->inputs().size(), 1);
        QCOMPARE(train->inputs().constFirst().type, u"table"_s);
        QCOMPARE(train->outputs().size(), 2);

        // Add, move, remove through the model; undo and redo each.
        const Result<QString> added = m_model->addNode(u"evaluate"_s, QPointF(1200, 40));
        QVERIFY(added.ok());
        QVERIFY(m_scene->nodeItem(added.value()));
        QCOMPARE(m_scene->nodeItem(added.value())->pos(), QPointF(1200, 40));
        stack()->undo();
        QVERIFY(!m_scene->nodeItem(added.value()));
        stack()->redo();
        QVERIFY(m_scene->nodeItem(added.value()));

        m_model->moveItems({{u"train"_s, QPointF(560, 0)}}, {{u"train"_s, QPointF(600, 100)}});
        QCOMPARE(train->pos(), QPointF(600, 100));
        stack()->undo();
        QCOMPARE(train->pos(), QPointF(560, 0));

        m_model->removeItems({u"split"_s});
        QVERIFY(!m_scene->nodeItem(u"split"_s));
        QCOMPARE(m_scene->edgeItemCount(), 2); // train→eval and a→b are left
        stack()->undo();
        QVERIFY(m_scene->nodeItem(u"split"_s));
        QCOMPARE(m_scene->edgeItemCount(), 5);
        QVERIFY(m_scene->edgeItem({u"split"_s, u"test"_s, u"eval"_s, u"table"_s}));
        stack()->redo();
        QCOMPARE(m_scene->nodeItemCount(), 7); // 8 with the added one, less split
        stack()->undo();

        // A rename shows; a reset rebuilds everything.
        QVERIFY(m_model->setValue(u"eval"_s, u"name"_s, u"Evaluate on test"_s).ok());
        QCOMPARE(m_scene->nodeItem(u"eval"_s)->title(), u"Evaluate on test"_s);
        m_model->setDocument(fixture());
        QCOMPARE(m_scene->nodeItemCount(), 7);
        QCOMPARE(m_scene->edgeItemCount(), 5);
    }

    void edgesFollowOnlyTheirNodes()
    {
        EdgeItem *in = m_scene->edgeItem({u"split"_s, u"train"_s, u"train"_s, u"table"_s});
        EdgeItem *other = m_scene->edgeItem({u"a"_s, u"out"_s, u"b"_s, u"in"_s});
        QVERIFY(in && other);
        const QPointF otherStart = other->startPos();
        m_scene->nodeItem(u"train"_s)->setPos(700, 120);
        QCOMPARE(in->endPos(), portPos(u"train"_s, false, u"table"_s));
        QCOMPARE(in->endPos(),
                 QPointF(700, 120 + CanvasStyle::HeaderHeight + 0.5 * CanvasStyle::PortRowHeight));
        QCOMPARE(other->startPos(), otherStart);
    }

    void moveGestureIsOneUndoStep()
    {
        NodeItem *train = m_scene->nodeItem(u"train"_s);
        const int before = stack()->count();
        const QPointF grab = train->pos() + QPointF(100, 12); // the header
        drag(grab, grab + QPointF(93, 47), 10);
        QCOMPARE(stack()->count(), before + 1);
        // Snapped to the grid, and the model has what the item shows.
        QCOMPARE(train->pos(), QPointF(660, 40));
        QCOMPARE(m_model->position(u"train"_s), QPointF(660, 40));
        EdgeItem *edge = m_scene->edgeItem({u"train"_s, u"model"_s, u"eval"_s, u"model"_s});
        QCOMPARE(edge->startPos(), portPos(u"train"_s, true, u"model"_s));
        stack()->undo();
        QCOMPARE(train->pos(), QPointF(560, 0));
        QCOMPARE(m_model->position(u"train"_s), QPointF(560, 0));
        QCOMPARE(edge->startPos(), portPos(u"train"_s, true, u"model"_s));
        stack()->redo();
        QCOMPARE(train->pos(), QPointF(660, 40));

        // A click without a move pushes nothing.
        const int count = stack()->count();
        mouse(QEvent::MouseButtonPress, train->pos() + QPointF(100, 12));
        mouse(QEvent::MouseButtonRelease, train->pos() + QPointF(100, 12));
        QCOMPARE(stack()->count(), count);
        QCOMPARE(m_scene->selectedNodeIds(), QStringList{u"train"_s});

        // Two selected nodes move together in one step.
        m_scene->selectIds({u"train"_s, u"eval"_s});
        const QPointF evalBefore = m_scene->nodeItem(u"eval"_s)->pos();
        drag(train->pos() + QPointF(100, 12), train->pos() + QPointF(100, 72));
        QCOMPARE(stack()->count(), count + 1);
        QCOMPARE(m_model->position(u"eval"_s), evalBefore + QPointF(0, 60));
        stack()->undo();
        QCOMPARE(m_scene->nodeItem(u"eval"_s)->pos(), evalBefore);
    }

    void linkAccepted()
    {
        const int before = stack()->count();
        drag(portPos(u"train"_s, true, u"model"_s), portPos(u"reg"_s, false, u"model"_s));
        const EdgeSpec edge{u"train"_s, u"model"_s, u"reg"_s, u"model"_s};
        QVERIFY(m_model->hasEdge(edge));
        QVERIFY(m_scene->edgeItem(edge));
        QCOMPARE(stack()->count(), before + 1);
        QVERIFY(!m_scene->isDraggingLink());
        stack()->undo();
        QVERIFY(!m_scene->edgeItem(edge));
        stack()->redo();
        QVERIFY(m_scene->edgeItem(edge));

        // Dropped on the card rather than the port: the first port that fits.
        drag(portPos(u"train"_s, true, u"metrics"_s),
             m_scene->nodeItem(u"reg"_s)->pos() + QPointF(100, 20));
        QVERIFY(m_model->hasEdge({u"train"_s, u"metrics"_s, u"reg"_s, u"metrics"_s}));
    }

    void linkRefusedForIncompatibleTypes()
    {
        QSignalSpy refused(m_scene.get(), &CanvasScene::linkRefused);
        const QPointF from = portPos(u"train"_s, true, u"model"_s);
        const QPointF to = portPos(u"reg"_s, false, u"metrics"_s);
        mouse(QEvent::MouseButtonPress, from);
        mouse(QEvent::MouseMove, (from + to) / 2);
        QVERIFY(m_scene->isDraggingLink());
        // While dragging: the ports that cannot take a model are dimmed, the others not.
        NodeItem *reg = m_scene->nodeItem(u"reg"_s);
        QVERIFY(reg->inputs().at(reg->inputIndex(u"metrics"_s)).dimmed);
        QVERIFY(!reg->inputs().at(reg->inputIndex(u"model"_s)).dimmed);
        NodeItem *split = m_scene->nodeItem(u"split"_s);
        QVERIFY(split->inputs().constFirst().dimmed);
        QVERIFY(split->outputs().constFirst().dimmed); // outputs never take an output
        mouse(QEvent::MouseMove, to);
        mouse(QEvent::MouseButtonRelease, to);
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.constFirst().constFirst().toString().contains(u"do not fit"_s),
                 qPrintable(refused.constFirst().constFirst().toString()));
        QVERIFY(!m_model->hasEdge({u"train"_s, u"model"_s, u"reg"_s, u"metrics"_s}));
        QVERIFY(!reg->inputs().at(reg->inputIndex(u"metrics"_s)).dimmed); // undimmed after
        QVERIFY(!m_scene->isDraggingLink());
    }

    void linkRefusedForCycle()
    {
        QSignalSpy refused(m_scene.get(), &CanvasScene::linkRefused);
        const int before = stack()->count();
        // a → b exists; b.out → a.in would close a cycle.
        drag(portPos(u"b"_s, true, u"out"_s), portPos(u"a"_s, false, u"in"_s));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.constFirst().constFirst().toString().contains(u"cycle"_s),
                 qPrintable(refused.constFirst().constFirst().toString()));
        QCOMPARE(stack()->count(), before);
        QCOMPARE(m_scene->edgeItemCount(), 5);
    }

    void linkDroppedInTheOpenAsksForQuickAdd()
    {
        QSignalSpy quickAdd(m_scene.get(), &CanvasScene::quickAddRequested);
        const QPointF open(700, 600);
        drag(portPos(u"train"_s, true, u"metrics"_s), open);
        QCOMPARE(quickAdd.count(), 1);
        QCOMPARE(quickAdd.constFirst().at(0).toPointF(), QPointF(m_view->mapToScene(toView(open))));
        const auto dangling = quickAdd.constFirst().at(1).value<PortRef>();
        QCOMPARE(dangling, (PortRef{u"train"_s, u"metrics"_s, true}));
        QCOMPARE(m_scene->edgeItemCount(), 5);

        // A double-click in the open asks without a dangling link.
        const QPoint p = toView(open);
        QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, p);
        QVERIFY(quickAdd.count() >= 2);
        QVERIFY(!quickAdd.constLast().at(1).value<PortRef>().isValid());
    }

    void linkLiftedFromAnInput()
    {
        // Dragging from a linked input takes the link: dropped in the open, it is removed.
        const EdgeSpec edge{u"split"_s, u"test"_s, u"eval"_s, u"table"_s};
        const int before = stack()->count();
        drag(portPos(u"eval"_s, false, u"table"_s), QPointF(700, 650));
        QVERIFY(!m_model->hasEdge(edge));
        QCOMPARE(stack()->count(), before + 1);
        stack()->undo();
        QVERIFY(m_model->hasEdge(edge));
        QVERIFY(m_scene->edgeItem(edge)->isVisible());
    }

    void refusedLinkMoveLeavesNoStep()
    {
        // Lifting a → b from b's input and dropping it on a's own input would close a cycle:
        // refused, the link stays, and nothing is pushed that undo or redo could replay.
        QSignalSpy refused(m_scene.get(), &CanvasScene::linkRefused);
        const EdgeSpec edge{u"a"_s, u"out"_s, u"b"_s, u"in"_s};
        const int before = stack()->count();
        const int index = stack()->index();
        drag(portPos(u"b"_s, false, u"in"_s), portPos(u"a"_s, false, u"in"_s));
        QCOMPARE(refused.count(), 1);
        QVERIFY(m_model->hasEdge(edge));
        QCOMPARE(stack()->count(), before);
        QCOMPARE(stack()->index(), index);
        QVERIFY(!stack()->canRedo());
        QTest::keyClick(m_view->viewport(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_model->hasEdge(edge));
        QVERIFY(m_scene->edgeItem(edge));
        QVERIFY(m_scene->edgeItem(edge)->isVisible());

        // An accepted move is one step: undo → redo → undo.
        const EdgeSpec model{u"train"_s, u"model"_s, u"eval"_s, u"model"_s};
        const EdgeSpec moved{u"train"_s, u"model"_s, u"reg"_s, u"model"_s};
        drag(portPos(u"eval"_s, false, u"model"_s), portPos(u"reg"_s, false, u"model"_s));
        QVERIFY(m_model->hasEdge(moved));
        QVERIFY(!m_model->hasEdge(model));
        QCOMPARE(stack()->count(), before + 1);
        stack()->undo();
        QVERIFY(m_model->hasEdge(model));
        QVERIFY(!m_model->hasEdge(moved));
        stack()->redo();
        QVERIFY(m_model->hasEdge(moved));
        stack()->undo();
        QVERIFY(m_model->hasEdge(model));
    }

    void deleteAndShortcuts()
    {
        QSignalSpy selection(m_scene.get(), &CanvasScene::selectionChangedTo);
        m_view->setFocus();
        QTest::keyClick(m_view->viewport(), Qt::Key_A, Qt::ControlModifier);
        QVERIFY(!selection.isEmpty());
        QCOMPARE(selection.constLast().constFirst().toStringList().size(), 7);
        m_scene->selectIds({u"split"_s});
        QTest::keyClick(m_view->viewport(), Qt::Key_Delete);
        QVERIFY(!m_model->hasNode(u"split"_s));
        QVERIFY(!m_scene->nodeItem(u"split"_s));
        QTest::keyClick(m_view->viewport(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(m_model->hasNode(u"split"_s));
        QVERIFY(m_scene->nodeItem(u"split"_s));
        QTest::keyClick(m_view->viewport(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!m_scene->nodeItem(u"split"_s));

        // A selected link is deleted with Backspace.
        stack()->undo();
        EdgeItem *edge = m_scene->edgeItem({u"a"_s, u"out"_s, u"b"_s, u"in"_s});
        m_scene->clearSelection();
        edge->setSelected(true);
        QTest::keyClick(m_view->viewport(), Qt::Key_Backspace);
        QVERIFY(!m_model->hasEdge({u"a"_s, u"out"_s, u"b"_s, u"in"_s}));
        QVERIFY(m_model->hasNode(u"a"_s));
    }

    void copyPasteThroughTheClipboard()
    {
        m_scene->selectIds({u"split"_s, u"train"_s});
        m_scene->copySelection();
        const QMimeData *data = QGuiApplication::clipboard()->mimeData();
        QVERIFY(data);
        QVERIFY(data->hasFormat(nodesMimeType()));
        QVERIFY(data->text().contains(u"sklearn-train"_s));
        const int before = stack()->count();
        m_scene->pasteAt(QPointF(0, 700));
        QCOMPARE(stack()->count(), before + 1);
        QCOMPARE(m_scene->nodeItemCount(), 9);
        const QStringList pasted = m_scene->selectedNodeIds();
        QCOMPARE(pasted.size(), 2);
        QVERIFY(!pasted.contains(u"split"_s));
        // The link between them came along; the top-left corner is at the paste point.
        QCOMPARE(m_scene->edgeItemCount(), 6);
        QCOMPARE(m_scene->nodeItem(pasted.constFirst())->pos(), QPointF(0, 700));
        stack()->undo();
        QCOMPARE(m_scene->nodeItemCount(), 7);

        // JSON text from elsewhere (an editor) pastes too.
        QGuiApplication::clipboard()->setText(QString::fromUtf8(R"({"atelier_clipboard": 1,
            "nodes": [{"id": "tidy", "template": "shell", "params": {"script": "ls"}}],
            "edges": [], "layout": {"tidy": [10, 10]}})"));
        m_scene->pasteAt(QPointF(200, 800));
        QVERIFY(m_model->hasNode(u"tidy"_s));
        QCOMPARE(m_scene->nodeItem(u"tidy"_s)->pos(), QPointF(200, 800));

        // Foreign text is refused with a message, nothing changes.
        QSignalSpy status(m_scene.get(), &CanvasScene::statusMessage);
        QGuiApplication::clipboard()->setText(u"hello, world"_s);
        const int count = stack()->count();
        m_scene->pasteAt(QPointF(0, 0));
        QCOMPARE(status.count(), 1);
        QCOMPARE(stack()->count(), count);

        // Cut is copy + delete; duplicate makes a copy beside.
        m_scene->selectIds({u"reg"_s});
        m_scene->cutSelection();
        QVERIFY(!m_model->hasNode(u"reg"_s));
        QVERIFY(QGuiApplication::clipboard()->text().contains(u"model-register"_s));
        m_scene->selectIds({u"eval"_s});
        m_scene->duplicateSelection();
        QCOMPARE(m_scene->selectedNodeIds().size(), 1);
        QVERIFY(m_scene->selectedNodeIds().constFirst() != u"eval"_s);
    }

    void dropOfATemplateAddsANode()
    {
        QMimeData mime;
        mime.setData(templateMimeType(), "sklearn-train");
        QGraphicsSceneDragDropEvent drop(QEvent::GraphicsSceneDrop);
        drop.setMimeData(&mime);
        drop.setScenePos(QPointF(1300, 500));
        drop.setPossibleActions(Qt::CopyAction);
        drop.setProposedAction(Qt::CopyAction);
        const int before = m_scene->nodeItemCount();
        QApplication::sendEvent(m_scene.get(), &drop);
        QCOMPARE(m_scene->nodeItemCount(), before + 1);
        const QStringList selected = m_scene->selectedNodeIds();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(m_model->node(selected.constFirst())->templateRef.section(u'@', 0, 0),
                 u"sklearn-train"_s);
        const QPointF pos = m_scene->nodeItem(selected.constFirst())->pos();
        QCOMPARE(std::fmod(pos.x(), CanvasStyle::GridSize), 0.0);
        QVERIFY(QRectF(pos, QSizeF(CanvasStyle::NodeWidth, 60)).contains(QPointF(1300, 500)));

        // An unknown template is refused with a message.
        QSignalSpy status(m_scene.get(), &CanvasScene::statusMessage);
        mime.setData(templateMimeType(), "no-such-template");
        QGraphicsSceneDragDropEvent bad(QEvent::GraphicsSceneDrop);
        bad.setMimeData(&mime);
        bad.setScenePos(QPointF(1300, 800));
        QApplication::sendEvent(m_scene.get(), &bad);
        QCOMPARE(status.count(), 1);
        QCOMPARE(m_scene->nodeItemCount(), before + 1);
    }

    void runStatesRender()
    {
        NodeItem *train = m_scene->nodeItem(u"train"_s);
        const QImage idle = renderView();
        m_scene->setNodeState(u"train"_s, u"running"_s,
                              QDateTime::currentDateTimeUtc().addSecs(-65));
        QCOMPARE(train->runState(), NodeRunState::Running);
        QVERIFY2(train->badgeText().startsWith(u"Running 1:0"_s), qPrintable(train->badgeText()));
        m_scene->setNodeProgress(u"train"_s, 0.5);
        m_scene->setNodeState(u"eval"_s, NodeRunState::Failed, {}, u"exit code 2"_s);
        m_scene->setNodeState(u"export"_s, u"succeeded"_s);
        m_scene->setNodeState(u"split"_s, u"cached"_s);
        m_scene->setNodeState(u"reg"_s, u"pending"_s);
        QCOMPARE(m_scene->nodeItem(u"reg"_s)->runState(), NodeRunState::Queued);
        QVERIFY(m_scene->nodeItem(u"eval"_s)->toolTip().contains(u"exit code 2"_s));
        const QImage running = renderView();
        QVERIFY(running != idle);
        // The running colour is on the card now and was not before.
        const QRect card = m_view->mapFromScene(train->sceneBoundingRect()).boundingRect();
        const auto countColour = [&](const QImage &image, const QColor &colour) {
            int n = 0;
            for (int y = card.top(); y <= card.bottom(); ++y)
                for (int x = card.left(); x <= card.right(); ++x)
                    if (image.rect().contains(x, y) && image.pixelColor(x, y) == colour)
                        ++n;
            return n;
        };
        const QColor blue = CanvasStyle::stateColor(NodeRunState::Running);
        QCOMPARE(countColour(idle, blue), 0);
        QVERIFY(countColour(running, blue) > 50);
        m_scene->clearNodeStates();
        QCOMPARE(train->runState(), NodeRunState::Idle);
        QCOMPARE(countColour(renderView(), blue), 0);
    }

    void diffMarks()
    {
        PipelineDocument before = fixture();
        before.nodes.append(node(u"gone"_s, u"shell"_s));
        before.layout.insert(u"gone"_s, QPointF(1200, 400));
        const qsizetype items = m_scene->items().size();
        m_scene->setDiffMarks({u"reg"_s}, {u"gone"_s}, {u"train"_s}, before);
        QCOMPARE(m_scene->nodeItem(u"reg"_s)->diffMark(), NodeDiffMark::Added);
        QCOMPARE(m_scene->nodeItem(u"train"_s)->diffMark(), NodeDiffMark::Changed);
        QCOMPARE(m_scene->items().size(), items + 1); // the removed node as a ghost
        QVERIFY(!m_scene->nodeItem(u"gone"_s));       // not an editable node
        m_scene->clearDiffMarks();
        QCOMPARE(m_scene->items().size(), items);
        QCOMPARE(m_scene->nodeItem(u"train"_s)->diffMark(), NodeDiffMark::None);
    }

    void notes()
    {
        const QString id = m_model->addNote(u"Remember the seed"_s, QPointF(0, 240));
        NoteItem *note = m_scene->noteItem(id);
        QVERIFY(note);
        QCOMPARE(note->text(), u"Remember the seed"_s);
        QCOMPARE(note->pos(), QPointF(0, 240));
        m_model->setNoteText(id, u"Seed is 42"_s);
        QCOMPARE(note->text(), u"Seed is 42"_s);
        // The item's edits go to the model, one step each.
        const int before = stack()->count();
        note->onResized(QSizeF(320, 200));
        QCOMPARE(note->size(), QSizeF(320, 200));
        QCOMPARE(m_model->note(id)->size, QSizeF(320, 200));
        note->onTextEdited(u"Seed is 7"_s);
        QCOMPARE(stack()->count(), before + 2);
        stack()->undo();
        QCOMPARE(note->text(), u"Seed is 42"_s);
        stack()->undo();
        QCOMPARE(note->size(), QSizeF(200, 120));
        // A note moves with a drag like a node, one step.
        drag(QPointF(60, 300), QPointF(160, 340));
        QCOMPARE(m_model->note(id)->pos, QPointF(100, 280));
        m_scene->selectIds({id});
        m_scene->deleteSelection();
        QVERIFY(!m_scene->noteItem(id));
        stack()->undo();
        QVERIFY(m_scene->noteItem(id));
    }

    void viewZoomAndOptimisations()
    {
        m_view->fitToView();
        const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
        for (const QString &id : m_model->nodeIds())
            QVERIFY(visible.contains(m_scene->nodeItem(id)->sceneBoundingRect()));
        QVERIFY(m_view->zoom() <= 1.0);
        m_view->setFocus();
        QTest::keyClick(m_view->viewport(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(m_view->zoom(), 1.0);
        // Wheel zoom keeps the point under the cursor still.
        const QPoint cursor(300, 200);
        const QPointF under = m_view->mapToScene(cursor);
        QWheelEvent wheel(cursor, m_view->viewport()->mapToGlobal(cursor), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view->viewport(), &wheel);
        QVERIFY(m_view->zoom() > 1.2);
        QVERIFY((m_view->mapToScene(cursor) - under).manhattanLength() < 2);
        // The minimap moves the view.
        m_view->minimap()->refresh();
        const QPointF target = m_scene->nodeItem(u"b"_s)->sceneBoundingRect().center();
        const QRectF area = m_view->minimap()->sceneArea();
        QVERIFY(area.contains(target));

        m_scene->setOptimisationsEnabled(false);
        QCOMPARE(m_scene->itemIndexMethod(), QGraphicsScene::NoIndex);
        QCOMPARE(m_scene->nodeItem(u"a"_s)->cacheMode(), QGraphicsItem::NoCache);
        QVERIFY(!m_scene->levelOfDetailEnabled());
        m_scene->setOptimisationsEnabled(true);
        QCOMPARE(m_scene->itemIndexMethod(), QGraphicsScene::BspTreeIndex);
        QCOMPARE(m_scene->nodeItem(u"a"_s)->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    }
};

QTEST_MAIN(TestCanvasScene)
#include "tst_canvasscene.moc"
