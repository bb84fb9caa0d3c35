#include "pipeline/graphcommands.h"
#include "pipeline/graphmodel.h"
#include "pipeline/templatelibrary.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

TemplateLibrary builtinLibrary()
{
    TemplateLibrary library;
    library.addDirectory(TemplateLibrary::builtinDirectory());
    return library;
}

// export → split → train; split.test → eval.table; a → b (shells); one note.
const QByteArray kPipeline = R"({"format": 1, "name": "Commands", "description": "d",
  "variables": {"seed": "42"},
  "nodes": [
    {"id": "export", "template": "dataset-export", "params": {"folder": "/tmp/shapes"}},
    {"id": "split", "template": "table-split@1.0", "params": {"test_fraction": 0.3}},
    {"id": "train", "name": "Train", "template": "sklearn-train",
     "params": {"target": "label", "n_estimators": 250}, "resources": {"cpus": 2}, "retries": 1},
    {"id": "eval", "template": "evaluate"},
    {"id": "a", "template": "shell", "params": {"script": "echo a"}},
    {"id": "b", "template": "shell", "params": {"script": "echo b"}}
  ],
  "edges": [
    {"from": "export.table", "to": "split.table"},
    {"from": "split.train", "to": "train.table"},
    {"from": "split.test", "to": "eval.table"},
    {"from": "a.out", "to": "b.in"}
  ],
  "layout": {"export": [0, 0], "split": [300, 0], "train": [600, 0], "eval": [900, 0],
             "a": [0, 300], "b": [300, 300]},
  "notes": [{"id": "note-1", "text": "Hello", "pos": [0, -200], "size": [200, 100]}]
})";

PipelineDocument parse(const QByteArray &json)
{
    auto doc = PipelineDocument::fromJson(json, u"test.json"_s);
    if (!doc)
        qFatal("test document does not parse: %s", qPrintable(doc.error().message));
    return doc.value();
}

} // namespace

class TestGraphCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void redoUndoRedo_data();
    void redoUndoRedo();
    void mergesOnlyWithinAGesture();
    void obsoleteWhenBackToStart();
    void noteTextMerges();
    void pasteRemapsIdsAndKeepsParams();
    void pasteIntoAnotherPipeline();
    void pasteDropsLinksLeavingTheSelection();
    void deleteNodeRemovesItsLinksUndoRestores();
    void everyEditIsOneStep();

private:
    std::unique_ptr<GraphModel> m_model;
};

void TestGraphCommands::init()
{
    m_model = std::make_unique<GraphModel>(builtinLibrary());
    m_model->setDocument(parse(kPipeline));
}

using Edit = std::function<void(GraphModel &)>;
Q_DECLARE_METATYPE(Edit)

void TestGraphCommands::redoUndoRedo_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<int>("commandId");

    auto id = [](GraphCommandId value) { return int(value); };
    QTest::newRow("ChangeValue param") << Edit([](GraphModel &m) {
        QVERIFY(m.setValue(u"train"_s, u"params.n_estimators"_s, 10));
    }) << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue param reset to default") << Edit([](GraphModel &m) {
        QVERIFY(
            m.setValue(u"train"_s, u"params.n_estimators"_s, QJsonValue(QJsonValue::Undefined)));
    }) << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue name")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue(u"train"_s, u"name"_s, u"Fit"_s)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue resources")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue(u"train"_s, u"resources.gpus"_s, 1)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue retries")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue(u"train"_s, u"retries"_s, 4)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue timeout")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue(u"train"_s, u"timeout_s"_s, 600)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue pool")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue(u"train"_s, u"pool"_s, u"slurm"_s)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue skip")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue(u"train"_s, u"skip"_s, true)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue template") << Edit([](GraphModel &m) {
        QVERIFY(m.setValue(u"train"_s, u"template"_s, u"sklearn-train@1.0"_s));
    }) << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue pipeline schedule") << Edit([](GraphModel &m) {
        QVERIFY(m.setValue({}, u"schedule"_s, QJsonObject{{u"cron"_s, u"*/5 * * * *"_s}}));
    }) << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue pipeline variables") << Edit([](GraphModel &m) {
        QVERIFY(m.setValue({}, u"variables"_s, QJsonObject{{u"seed"_s, u"1"_s}}));
    }) << id(GraphCommandId::ChangeValue);
    QTest::newRow("ChangeValue pipeline name")
        << Edit([](GraphModel &m) { QVERIFY(m.setValue({}, u"name"_s, u"Renamed"_s)); })
        << id(GraphCommandId::ChangeValue);
    QTest::newRow("AddNode") << Edit([](GraphModel &m) {
        QVERIFY(m.addNode(u"xgboost-train"_s, QPointF(5, 5)));
    }) << id(GraphCommandId::AddNode);
    QTest::newRow("AddNodeConnected") << Edit([](GraphModel &m) {
        QVERIFY(m.addNodeConnected(u"evaluate"_s, QPointF(5, 5), {u"train"_s, u"model"_s, true}));
    }) << id(GraphCommandId::AddNodeConnected);
    QTest::newRow("AddEdge") << Edit([](GraphModel &m) {
        QVERIFY(m.connectPorts({u"train"_s, u"model"_s, u"eval"_s, u"model"_s}));
    }) << id(GraphCommandId::AddEdge);
    QTest::newRow("Reconnect") << Edit([](GraphModel &m) {
        QVERIFY(m.reconnect({u"split"_s, u"train"_s, u"train"_s, u"table"_s},
                            {u"split"_s, u"test"_s, u"train"_s, u"table"_s}));
    }) << id(GraphCommandId::Reconnect);
    QTest::newRow("RemoveItems node") << Edit([](GraphModel &m) { m.removeItems({u"split"_s}); })
                                      << id(GraphCommandId::RemoveItems);
    QTest::newRow("RemoveItems first and last") << Edit([](GraphModel &m) {
        m.removeItems({u"export"_s, u"b"_s}, {}, {u"note-1"_s});
    }) << id(GraphCommandId::RemoveItems);
    QTest::newRow("RemoveItems link") << Edit([](GraphModel &m) {
        m.removeItems({}, {EdgeSpec{u"split"_s, u"train"_s, u"train"_s, u"table"_s}});
    }) << id(GraphCommandId::RemoveItems);
    QTest::newRow("RemoveItems note")
        << Edit([](GraphModel &m) { m.removeItems({}, {}, {u"note-1"_s}); })
        << id(GraphCommandId::RemoveItems);
    QTest::newRow("MoveItems") << Edit([](GraphModel &m) {
        m.moveItems({{u"a"_s, QPointF(0, 300)}, {u"note-1"_s, QPointF(0, -200)}},
                    {{u"a"_s, QPointF(40, 320)}, {u"note-1"_s, QPointF(20, -180)}});
    }) << id(GraphCommandId::MoveItems);
    QTest::newRow("Paste") << Edit([](GraphModel &m) {
        QVERIFY(m.pasteText(m.copyText({u"split"_s, u"train"_s}, {u"note-1"_s}), {30, 30}));
    }) << id(GraphCommandId::Paste);
    QTest::newRow("Duplicate") << Edit([](GraphModel &m) {
        QCOMPARE(m.duplicate({u"a"_s, u"b"_s}).size(), 2);
    }) << id(GraphCommandId::Duplicate);
    QTest::newRow("AutoLayout") << Edit([](GraphModel &m) { m.autoLayout(); })
                                << id(GraphCommandId::AutoLayout);
    QTest::newRow("AddNote") << Edit([](GraphModel &m) {
        QCOMPARE(m.addNote(u"New"_s, {1, 2}), u"note-2"_s);
    }) << id(GraphCommandId::AddNote);
    QTest::newRow("ChangeNoteText")
        << Edit([](GraphModel &m) { m.setNoteText(u"note-1"_s, u"Changed"_s); })
        << id(GraphCommandId::ChangeNoteText);
    QTest::newRow("ChangeNoteGeometry") << Edit([](GraphModel &m) {
        m.setNoteGeometry(u"note-1"_s, {5, 5}, {320, 240});
    }) << id(GraphCommandId::ChangeNoteGeometry);
}

void TestGraphCommands::redoUndoRedo()
{
    QFETCH(Edit, edit);
    QFETCH(int, commandId);
    GraphModel &model = *m_model;
    const QByteArray before = model.document().toJson();
    edit(model);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(model.undoStack()->count(), 1);
    QCOMPARE(model.undoStack()->command(0)->id(), commandId);
    QVERIFY(!model.undoStack()->text(0).isEmpty());
    QVERIFY(model.isModified());
    const QByteArray after = model.document().toJson();
    QVERIFY(after != before);

    // redo (done by push) → undo → redo → undo: the saved bytes each time, and the indexes
    // agree with the document (asked through the model's queries).
    auto checkIndexes = [&model] {
        for (const EdgeSpec &edge : model.edges()) {
            QVERIFY(model.hasEdge(edge));
            QVERIFY(model.inEdges(edge.toNode).contains(edge));
        }
        qsizetype links = 0;
        for (const NodeSpec &node : model.nodes()) {
            QCOMPARE(model.node(node.id), &node);
            links += model.outEdges(node.id).size();
        }
        QCOMPARE(links, model.edges().size());
    };
    model.undoStack()->undo();
    QCOMPARE(model.document().toJson(), before);
    QVERIFY(!model.isModified());
    checkIndexes();
    model.undoStack()->redo();
    QCOMPARE(model.document().toJson(), after);
    checkIndexes();
    model.undoStack()->undo();
    QCOMPARE(model.document().toJson(), before);
    checkIndexes();
}

void TestGraphCommands::mergesOnlyWithinAGesture()
{
    GraphModel &model = *m_model;
    QUndoStack *stack = model.undoStack();
    // One gesture: a spin box held down 10 → 11 → 12.
    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 10));
    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 11, true));
    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 12, true));
    QCOMPARE(stack->count(), 1);
    // A new gesture on the same field: a new step, even though target and property match.
    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 13));
    QCOMPARE(stack->count(), 2);
    // Another property, even flagged as continuing: no merge.
    QVERIFY(model.setValue(u"train"_s, u"params.seed"_s, 1, true));
    QCOMPARE(stack->count(), 3);
    // Another node, same property: no merge.
    QVERIFY(model.setValue(u"split"_s, u"params.seed"_s, 1, true));
    QCOMPARE(stack->count(), 4);

    stack->undo();
    stack->undo();
    stack->undo();
    QCOMPARE(model.value(u"train"_s, u"params.n_estimators"_s).toInt(), 12);
    stack->undo();
    QCOMPARE(model.value(u"train"_s, u"params.n_estimators"_s).toInt(), 250);
    stack->redo();
    QCOMPARE(model.value(u"train"_s, u"params.n_estimators"_s).toInt(), 12);
}

void TestGraphCommands::obsoleteWhenBackToStart()
{
    GraphModel &model = *m_model;
    QVERIFY(model.setValue(u"train"_s, u"name"_s, u"Trai"_s));
    QVERIFY(model.setValue(u"train"_s, u"name"_s, u"Train"_s, true));
    // Back where it started: the merged step is dropped, and the document is clean again.
    QCOMPARE(model.undoStack()->count(), 0);
    QVERIFY(!model.isModified());
}

void TestGraphCommands::noteTextMerges()
{
    GraphModel &model = *m_model;
    model.setNoteText(u"note-1"_s, u"Hello,"_s);
    model.setNoteText(u"note-1"_s, u"Hello, w"_s, true);
    model.setNoteText(u"note-1"_s, u"Hello, world"_s, true);
    QCOMPARE(model.undoStack()->count(), 1);
    model.setNoteText(u"note-1"_s, u"Hello, world!"_s);
    QCOMPARE(model.undoStack()->count(), 2);
    model.undoStack()->undo();
    model.undoStack()->undo();
    QCOMPARE(model.note(u"note-1"_s)->text, u"Hello"_s);
    model.setNoteText(u"note-1"_s, u"Hello!"_s);
    model.setNoteText(u"note-1"_s, u"Hello"_s, true);
    QCOMPARE(model.undoStack()->count(), 0);
}

void TestGraphCommands::pasteRemapsIdsAndKeepsParams()
{
    GraphModel &model = *m_model;
    const QByteArray text = model.copyText({u"split"_s, u"train"_s}, {u"note-1"_s});
    auto ids = model.pasteText(text, QPointF(100, 50));
    QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().message));
    QCOMPARE(ids.value(), (QStringList{u"split-2"_s, u"train-2"_s, u"note-2"_s}));
    QCOMPARE(model.undoStack()->count(), 1);

    const NodeSpec *pasted = model.node(u"train-2"_s);
    QVERIFY(pasted);
    NodeSpec expected = *model.node(u"train"_s);
    expected.id = u"train-2"_s;
    QCOMPARE(*pasted, expected); // params, name, resources, retries kept
    QCOMPARE(pasted->params.value(u"n_estimators"_s).toInt(), 250);
    QCOMPARE(model.node(u"split-2"_s)->params.value(u"test_fraction"_s).toDouble(), 0.3);
    // The link between them follows; the link from export (not copied) does not.
    QVERIFY(model.hasEdge({u"split-2"_s, u"train"_s, u"train-2"_s, u"table"_s}));
    QVERIFY(model.inEdges(u"split-2"_s).isEmpty());
    QCOMPARE(model.position(u"train-2"_s), model.position(u"train"_s) + QPointF(100, 50));
    QCOMPARE(model.note(u"note-2"_s)->text, u"Hello"_s);
    QCOMPARE(model.position(u"note-2"_s), QPointF(100, -150));

    // Pasting twice gives fresh ids again.
    ids = model.pasteText(text, QPointF(200, 100));
    QVERIFY(ids);
    QCOMPARE(ids.value(), (QStringList{u"split-3"_s, u"train-3"_s, u"note-3"_s}));
}

void TestGraphCommands::pasteIntoAnotherPipeline()
{
    const QByteArray text = m_model->copyText({u"split"_s, u"train"_s});
    GraphModel other(builtinLibrary());
    other.setDocument(parse(R"({"format": 1, "name": "Other",
        "nodes": [{"id": "train", "template": "shell", "params": {"script": "true"}}]})"));
    auto ids = other.pasteText(text, {});
    QVERIFY(ids);
    // "split" is free there and kept; "train" is taken and renamed; the link is remapped.
    QCOMPARE(ids.value(), (QStringList{u"split"_s, u"train-2"_s}));
    QVERIFY(other.hasEdge({u"split"_s, u"train"_s, u"train-2"_s, u"table"_s}));
    QCOMPARE(other.node(u"train-2"_s)->templateRef, u"sklearn-train"_s);
    other.undoStack()->undo();
    QCOMPARE(other.nodes().size(), 1);

    // Foreign text is refused with the reason; nothing is pushed.
    auto refused = other.pasteText("hello world", {});
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());
    refused = other.pasteText(R"({"atelier_clipboard": 1, "nodes": []})", {});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"nothing to paste"_s),
             qPrintable(refused.error().message));
    QCOMPARE(other.undoStack()->index(), 0);
}

void TestGraphCommands::pasteDropsLinksLeavingTheSelection()
{
    GraphFragment fragment;
    NodeSpec node;
    node.id = u"x"_s;
    node.templateRef = u"shell"_s;
    fragment.nodes.append(node);
    node.id = u"y"_s;
    fragment.nodes.append(node);
    fragment.edges.append({u"x"_s, u"out"_s, u"y"_s, u"in"_s});
    fragment.edges.append({u"x"_s, u"out"_s, u"y"_s, u"in"_s}); // twice into one input
    fragment.edges.append({u"a"_s, u"out"_s, u"y"_s, u"in"_s}); // from outside
    auto ids = m_model->paste(fragment, {});
    QVERIFY(ids);
    QCOMPARE(m_model->inEdges(u"y"_s).size(), 1);
    QVERIFY(m_model->hasEdge({u"x"_s, u"out"_s, u"y"_s, u"in"_s}));
}

void TestGraphCommands::deleteNodeRemovesItsLinksUndoRestores()
{
    GraphModel &model = *m_model;
    const QByteArray before = model.document().toJson();
    QSignalSpy edgeRemoved(&model, &GraphModel::edgeRemoved);
    model.removeItems({u"split"_s});
    QCOMPARE(model.undoStack()->count(), 1);
    QCOMPARE(edgeRemoved.count(), 3);
    QVERIFY(!model.hasNode(u"split"_s));
    QCOMPARE(model.edges().size(), 1);
    QVERIFY(model.inEdges(u"train"_s).isEmpty());
    QVERIFY(model.outEdges(u"export"_s).isEmpty());
    QVERIFY(!model.document().layout.contains(u"split"_s));
    model.undoStack()->undo();
    QCOMPARE(model.document().toJson(), before);
    QCOMPARE(model.inEdges(u"train"_s).size(), 1);
    QCOMPARE(model.outEdges(u"split"_s).size(), 2);
    // Unknown ids push nothing.
    model.removeItems({u"ghost"_s}, {EdgeSpec{u"a"_s, u"x"_s, u"b"_s, u"y"_s}}, {u"note-9"_s});
    QCOMPARE(model.undoStack()->index(), 0);
    QCOMPARE(model.undoStack()->count(), 1);
}

void TestGraphCommands::everyEditIsOneStep()
{
    // A whole session; each gesture adds exactly one step; undoing all gives the file back.
    GraphModel &model = *m_model;
    const QByteArray before = model.document().toJson();
    int steps = 0;
    auto expectStep = [&] { QCOMPARE(model.undoStack()->count(), ++steps); };
    QVERIFY(model.addNode(u"evaluate"_s, {1200, 0}));
    expectStep();
    QVERIFY(model.connectPorts({u"train"_s, u"model"_s, u"evaluate"_s, u"model"_s}));
    expectStep();
    for (int i = 0; i < 5; ++i)
        model.previewPositions({{u"evaluate"_s, QPointF(1200 + i, 0)}});
    model.moveItems({{u"evaluate"_s, QPointF(1200, 0)}}, {{u"evaluate"_s, QPointF(1204, 0)}});
    expectStep();
    QVERIFY(model.setValue(u"train"_s, u"params.target"_s, u"y"_s));
    QVERIFY(model.setValue(u"train"_s, u"params.target"_s, u"ya"_s, true));
    expectStep();
    QCOMPARE(model.duplicate({u"evaluate"_s}).size(), 1);
    expectStep();
    model.autoLayout();
    expectStep();
    model.removeItems({u"evaluate"_s, u"a"_s});
    expectStep();
    while (model.undoStack()->canUndo())
        model.undoStack()->undo();
    QCOMPARE(model.document().toJson(), before);
    while (model.undoStack()->canRedo())
        model.undoStack()->redo();
    QVERIFY(!model.hasNode(u"evaluate"_s));
    QVERIFY(model.hasNode(u"evaluate-2"_s));
}

QTEST_GUILESS_MAIN(TestGraphCommands)
#include "tst_graphcommands.moc"
