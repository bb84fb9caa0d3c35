#include "pipeline/graphgenerator.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/templatelibrary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

TemplateLibrary builtinLibrary()
{
    TemplateLibrary library;
    library.addDirectory(TemplateLibrary::builtinDirectory());
    return library;
}

PipelineDocument parse(const QByteArray &json)
{
    auto doc = PipelineDocument::fromJson(json, u"test.json"_s);
    if (!doc)
        qFatal("test document does not parse: %s", qPrintable(doc.error().message));
    return doc.value();
}

// export → split → train → eval, split.test → eval.table; plus two free nodes a → b (shell).
const QByteArray kDiamond = R"({"format": 1, "name": "Diamond",
  "nodes": [
    {"id": "export", "template": "dataset-export", "params": {"folder": "/tmp/shapes"}},
    {"id": "split", "template": "table-split@1.0"},
    {"id": "train", "template": "sklearn-train", "params": {"target": "label"}},
    {"id": "eval", "template": "evaluate"},
    {"id": "a", "template": "shell", "params": {"script": "true"}},
    {"id": "b", "template": "shell", "params": {"script": "true"}},
    {"id": "c", "template": "shell", "params": {"script": "true"}}
  ],
  "edges": [
    {"from": "export.table", "to": "split.table"},
    {"from": "split.train", "to": "train.table"},
    {"from": "split.test", "to": "eval.table"},
    {"from": "a.out", "to": "b.in"},
    {"from": "b.out", "to": "c.in"}
  ],
  "layout": {"export": [0, 0], "split": [300, 0], "train": [600, 0], "eval": [900, 0],
             "a": [0, 300], "b": [300, 300], "c": [600, 300]}
})";

} // namespace

class TestGraphModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAndIndexes();
    void placesNodesWithoutLayout();
    void signalsOfEdits();
    void modifiedFollowsTheUndoStack();
    void destroyedWithListenersOnItsStack();
    void canConnect_data();
    void canConnect();
    void cycleRefusalNamesThePath();
    void portEndsInEitherOrder();
    void reconnect();
    void compatiblePorts();
    void compatibleTemplates();
    void addNodeConnected();
    void valuesAndDefaults();
    void checkValue_data();
    void checkValue();
    void setValueRefusesBadFields();
    void previewThenMoveIsOneStep();
    void generatedGraphIsValid();
};

void TestGraphModel::loadsAndIndexes()
{
    GraphModel model(builtinLibrary());
    QSignalSpy reset(&model, &GraphModel::reset);
    model.setDocument(parse(kDiamond));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.nodes().size(), 7);
    QCOMPARE(model.nodeIds().first(), u"export"_s);
    QVERIFY(model.node(u"train"_s));
    QVERIFY(!model.node(u"nope"_s));
    QCOMPARE(model.edgesOf(u"split"_s).size(), 3);
    QCOMPARE(model.inEdges(u"split"_s).size(), 1);
    QCOMPARE(model.outEdges(u"split"_s).size(), 2);
    QVERIFY(model.edgeInto(u"train"_s, u"table"_s));
    QVERIFY(!model.edgeInto(u"eval"_s, u"model"_s));
    QCOMPARE(model.position(u"eval"_s), QPointF(900, 0));
    QCOMPARE(model.portType({u"train"_s, u"model"_s, true}), u"model"_s);
    QCOMPARE(model.portType({u"train"_s, u"model"_s, false}), QString());
    QCOMPARE(model.inputs(u"eval"_s).size(), 2);
    QCOMPARE(model.outputs(u"split"_s).size(), 2);
    QCOMPARE(model.templateOf(u"split"_s)->id, u"table-split"_s);
    // The cached template stays where it was while others are added to the cache.
    const TemplateSpec *spec = model.templateOf(u"split"_s);
    for (const TemplateSpec &other : model.library().all())
        model.templateFor(other.ref());
    QCOMPARE(model.templateOf(u"split"_s), spec);
    QVERIFY(!model.isModified());
    QCOMPARE(model.undoStack()->count(), 0);
}

void TestGraphModel::placesNodesWithoutLayout()
{
    PipelineDocument doc = parse(kDiamond);
    doc.layout.remove(u"c"_s);
    doc.layout.insert(u"ghost"_s, QPointF(5, 5));
    GraphModel model(builtinLibrary());
    model.setDocument(doc);
    QVERIFY(model.document().layout.contains(u"c"_s));
    QVERIFY(!model.document().layout.contains(u"ghost"_s));
    // Right of every placed node.
    QVERIFY2(model.position(u"c"_s).x() > 900 + NodeMetrics::kWidth,
             qPrintable(QString::number(model.position(u"c"_s).x())));
}

void TestGraphModel::signalsOfEdits()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    QSignalSpy nodeAdded(&model, &GraphModel::nodeAdded);
    QSignalSpy nodeRemoved(&model, &GraphModel::nodeRemoved);
    QSignalSpy nodeMoved(&model, &GraphModel::nodeMoved);
    QSignalSpy nodeChanged(&model, &GraphModel::nodeChanged);
    QSignalSpy edgeAdded(&model, &GraphModel::edgeAdded);
    QSignalSpy edgeRemoved(&model, &GraphModel::edgeRemoved);
    QSignalSpy noteAdded(&model, &GraphModel::noteAdded);
    QSignalSpy noteRemoved(&model, &GraphModel::noteRemoved);
    QSignalSpy noteChanged(&model, &GraphModel::noteChanged);
    QSignalSpy pipelineChanged(&model, &GraphModel::pipelineChanged);

    auto id = model.addNode(u"evaluate"_s, QPointF(10, 20));
    QVERIFY(id);
    QCOMPARE(id.value(), u"evaluate"_s);
    QCOMPARE(nodeAdded.count(), 1);
    QCOMPARE(nodeAdded.first().first().toString(), u"evaluate"_s);
    QCOMPARE(model.position(u"evaluate"_s), QPointF(10, 20));

    const EdgeSpec edge{u"train"_s, u"model"_s, u"eval"_s, u"model"_s};
    QVERIFY(model.connectPorts(edge));
    QCOMPARE(edgeAdded.count(), 1);
    QCOMPARE(edgeAdded.first().first().value<EdgeSpec>(), edge);

    model.moveItems({{u"train"_s, QPointF(600, 0)}}, {{u"train"_s, QPointF(620, 40)}});
    QCOMPARE(nodeMoved.count(), 1);
    QCOMPARE(nodeMoved.first().at(1).toPointF(), QPointF(620, 40));

    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 300));
    QCOMPARE(nodeChanged.count(), 1);
    QCOMPARE(nodeChanged.first().at(0).toString(), u"train"_s);
    QCOMPARE(nodeChanged.first().at(1).toString(), u"params.n_estimators"_s);

    QVERIFY(model.setValue({}, u"description"_s, u"Now with notes"_s));
    QCOMPARE(pipelineChanged.count(), 1);
    QCOMPARE(pipelineChanged.first().first().toString(), u"description"_s);

    const QString note = model.addNote(u"Check the split"_s, QPointF(0, -200));
    QCOMPARE(noteAdded.count(), 1);
    model.setNoteText(note, u"Check the split fraction"_s);
    model.setNoteGeometry(note, QPointF(10, -200), QSizeF(300, 100));
    model.moveItems({}, {{note, QPointF(20, -220)}});
    QCOMPARE(noteChanged.count(), 3);
    QCOMPARE(model.position(note), QPointF(20, -220));

    // Removing split takes its three links with it, then the node.
    model.removeItems({u"split"_s}, {}, {note});
    QCOMPARE(edgeRemoved.count(), 3);
    QCOMPARE(nodeRemoved.count(), 1);
    QCOMPARE(noteRemoved.count(), 1);
    QVERIFY(!model.edgeInto(u"train"_s, u"table"_s));

    // Undo brings everything back with the same signals the other way.
    model.undoStack()->undo();
    QCOMPARE(nodeAdded.count(), 2);
    QCOMPARE(edgeAdded.count(), 4);
    QCOMPARE(noteAdded.count(), 2);
    QVERIFY(model.edgeInto(u"train"_s, u"table"_s));
}

void TestGraphModel::modifiedFollowsTheUndoStack()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    QSignalSpy modified(&model, &GraphModel::modifiedChanged);
    QVERIFY(model.setValue(u"a"_s, u"name"_s, u"First"_s));
    QVERIFY(model.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().first().toBool(), true);
    model.setClean();
    QVERIFY(!model.isModified());
    QCOMPARE(modified.last().first().toBool(), false);
    model.undoStack()->undo();
    QVERIFY(model.isModified());
    model.undoStack()->redo();
    QVERIFY(!model.isModified());
    // Opening another document: clean again, history gone.
    QVERIFY(model.setValue(u"a"_s, u"name"_s, u"Second"_s));
    const auto changes = modified.count();
    model.setDocument(parse(kDiamond));
    QCOMPARE(modified.count(), changes + 1);
    QVERIFY(!model.isModified());
    QCOMPARE(model.undoStack()->count(), 0);
    QCOMPARE(modified.last().first().toBool(), false);
}

void TestGraphModel::destroyedWithListenersOnItsStack()
{
    // A view that asks the model on every stack signal, as the pipeline editor does: the
    // model's teardown must not let the stack's last signals reach it (it used to call
    // isModified() through a null stack).
    auto model = std::make_unique<GraphModel>(builtinLibrary());
    model->setDocument(parse(kDiamond));
    int heard = 0;
    QObject view;
    GraphModel *raw = model.get();
    auto ask = [raw, &heard] {
        ++heard;
        (void)raw->isModified();
        (void)raw->undoStack()->count();
        (void)raw->nodes().size();
    };
    connect(raw->undoStack(), &QUndoStack::indexChanged, &view, ask);
    connect(raw->undoStack(), &QUndoStack::cleanChanged, &view, ask);
    connect(raw->undoStack(), &QUndoStack::canUndoChanged, &view, ask);
    connect(raw, &GraphModel::modifiedChanged, &view, ask);
    QVERIFY(model->setValue(u"a"_s, u"name"_s, u"First"_s));
    QVERIFY(model->setValue(u"b"_s, u"name"_s, u"Second"_s));
    model->undoStack()->undo();
    QVERIFY(model->isModified());
    QVERIFY(heard > 0);
    const int before = heard;
    model.reset(); // modified, with a command on each side of the index
    QCOMPARE(heard, before);
}

void TestGraphModel::canConnect_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("reason"); // a part of it; empty: allowed

    QTest::newRow("allowed") << u"train.model"_s << u"eval.model"_s << QString();
    QTest::newRow("any takes everything") << u"train.metrics"_s << u"a.in"_s << QString();
    QTest::newRow("table into any") << u"split.test"_s << u"b.in"_s << u"already"_s;
    QTest::newRow("self-loop") << u"a.out"_s << u"a.in"_s << u"itself"_s;
    QTest::newRow("incompatible") << u"split.train"_s << u"eval.model"_s
                                  << u"split.train (table) to eval.model (model)"_s;
    QTest::newRow("directory into model")
        << u"c.out"_s << u"eval.model"_s << u"port types do not fit"_s;
    QTest::newRow("input taken") << u"export.table"_s << u"train.table"_s
                                 << u"already has a link from split.train"_s;
    QTest::newRow("duplicate") << u"split.train"_s << u"train.table"_s << u"already linked"_s;
    QTest::newRow("unknown node") << u"ghost.out"_s << u"a.in"_s << u"no node \"ghost\""_s;
    QTest::newRow("unknown output")
        << u"train.weights"_s << u"eval.model"_s << u"no output port \"weights\""_s;
    QTest::newRow("unknown input")
        << u"train.model"_s << u"eval.labels"_s << u"no input port \"labels\""_s;
    QTest::newRow("cycle") << u"c.out"_s << u"a.in"_s << u"c → a → b → c"_s;
}

void TestGraphModel::canConnect()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, reason);
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    const QStringList f = from.split(u'.');
    const QStringList t = to.split(u'.');
    const EdgeSpec edge{f[0], f[1], t[0], t[1]};
    const QString got = model.canConnect(edge);
    if (reason.isEmpty()) {
        QVERIFY2(got.isEmpty(), qPrintable(got));
        QVERIFY(model.connectPorts(edge));
        QVERIFY(model.hasEdge(edge));
        return;
    }
    QVERIFY2(got.contains(reason), qPrintable(got));
    // Refused: the reason comes back and nothing is pushed.
    const auto status = model.connectPorts(edge);
    QVERIFY(!status);
    QCOMPARE(status.error().message, got);
    QCOMPARE(model.undoStack()->count(), 0);
}

void TestGraphModel::cycleRefusalNamesThePath()
{
    // A longer loop: train.model → … back to export is impossible by types, so use shells:
    // a → b → c, plus c → d (new), then d → a closes a → b → c → d → a.
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    QVERIFY(model.addNode(u"shell"_s, {}, u"d"_s));
    QVERIFY(model.connectPorts({u"c"_s, u"out"_s, u"d"_s, u"in"_s}));
    const QString reason = model.canConnect(EdgeSpec{u"d"_s, u"out"_s, u"a"_s, u"in"_s});
    QVERIFY2(reason.contains(u"cycle: d → a → b → c → d"_s), qPrintable(reason));
    // After removing b → c the same link is fine.
    model.removeItems({}, {EdgeSpec{u"b"_s, u"out"_s, u"c"_s, u"in"_s}});
    QCOMPARE(model.canConnect(EdgeSpec{u"d"_s, u"out"_s, u"a"_s, u"in"_s}), QString());
}

void TestGraphModel::portEndsInEitherOrder()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    const PortRef out{u"train"_s, u"model"_s, true};
    const PortRef in{u"eval"_s, u"model"_s, false};
    QCOMPARE(model.canConnect(out, in), QString());
    QCOMPARE(model.canConnect(in, out), QString());
    QVERIFY(model.canConnect(in, in).contains(u"inputs"_s));
    QVERIFY(model.canConnect(out, out).contains(u"outputs"_s));
}

void TestGraphModel::reconnect()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    const EdgeSpec old{u"split"_s, u"train"_s, u"train"_s, u"table"_s};
    const EdgeSpec moved{u"split"_s, u"test"_s, u"train"_s, u"table"_s};
    // Into the same input: a plain link is refused (taken), moving the link's end is not.
    QVERIFY(model.canConnect(moved).contains(u"already has a link"_s));
    QCOMPARE(model.canReconnect(old, moved), QString());
    QVERIFY(model.reconnect(old, moved));
    QVERIFY(!model.hasEdge(old));
    QVERIFY(model.hasEdge(moved));
    QCOMPARE(model.undoStack()->count(), 1);
    QCOMPARE(model.undoStack()->text(0), u"Move link"_s);
    model.undoStack()->undo();
    QVERIFY(model.hasEdge(old));
    QVERIFY(!model.hasEdge(moved));

    // a → b → c: moving a → b to c → b closes b → c → b; the refusal names it, nothing pushed.
    const QString reason = model.canReconnect({u"a"_s, u"out"_s, u"b"_s, u"in"_s},
                                              {u"c"_s, u"out"_s, u"b"_s, u"in"_s});
    QVERIFY2(reason.contains(u"c → b → c"_s), qPrintable(reason));
    QVERIFY(
        !model.reconnect({u"a"_s, u"out"_s, u"b"_s, u"in"_s}, {u"c"_s, u"out"_s, u"b"_s, u"in"_s}));
    // Moving b → c to a → c is fine: the path a → b → c goes through no removed link, and c
    // is not upstream of a.
    QVERIFY(
        model.reconnect({u"b"_s, u"out"_s, u"c"_s, u"in"_s}, {u"a"_s, u"out"_s, u"c"_s, u"in"_s}));
    QVERIFY(!model.reconnect({u"x"_s, u"out"_s, u"y"_s, u"in"_s}, old));
    QCOMPARE(model.undoStack()->count(), 1);
}

void TestGraphModel::compatiblePorts()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    // From train.model: the free eval.model, and a.in (any, free); not taken inputs, not
    // inputs of train itself or upstream of it.
    const QList<PortRef> fromModel = model.compatiblePorts({u"train"_s, u"model"_s, true});
    QVERIFY(fromModel.contains(PortRef{u"eval"_s, u"model"_s, false}));
    QVERIFY(fromModel.contains(PortRef{u"a"_s, u"in"_s, false}));
    QVERIFY(!fromModel.contains(PortRef{u"b"_s, u"in"_s, false}));        // taken
    QVERIFY(!fromModel.contains(PortRef{u"eval"_s, u"table"_s, false}));  // taken
    QVERIFY(!fromModel.contains(PortRef{u"train"_s, u"table"_s, false})); // itself
    for (const PortRef &port : fromModel)
        QVERIFY2(model.canConnect(PortRef{u"train"_s, u"model"_s, true}, port).isEmpty(),
                 qPrintable(port.node + u'.' + port.port));

    // From c.out (directory): a.in would close a cycle, eval.model is the wrong type.
    const QList<PortRef> fromC = model.compatiblePorts({u"c"_s, u"out"_s, true});
    QVERIFY(!fromC.contains(PortRef{u"a"_s, u"in"_s, false}));
    QVERIFY(!fromC.contains(PortRef{u"eval"_s, u"model"_s, false}));

    // From the free input a.in backwards: outputs not downstream of a.
    const QList<PortRef> intoA = model.compatiblePorts({u"a"_s, u"in"_s, false});
    QVERIFY(intoA.contains(PortRef{u"train"_s, u"model"_s, true}));
    QVERIFY(intoA.contains(PortRef{u"export"_s, u"table"_s, true}));
    QVERIFY(!intoA.contains(PortRef{u"c"_s, u"out"_s, true}));
    QVERIFY(!intoA.contains(PortRef{u"a"_s, u"out"_s, true}));
    // From a taken input: nothing.
    QVERIFY(model.compatiblePorts({u"b"_s, u"in"_s, false}).isEmpty());
}

void TestGraphModel::compatibleTemplates()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    const QStringList forModel = model.compatibleTemplates({u"train"_s, u"model"_s, true});
    QVERIFY(forModel.contains(u"evaluate@1.0"_s));
    QVERIFY(forModel.contains(u"model-register@1.0"_s));
    QVERIFY(forModel.contains(u"shell@1.0"_s)); // "any" input
    QVERIFY(!forModel.contains(u"sklearn-train@1.0"_s));
    QVERIFY(!forModel.contains(u"dataset-export@1.0"_s)); // no inputs at all

    // Into eval.table: templates with a table output.
    const QStringList forTable = model.compatibleTemplates({u"train"_s, u"table"_s, false});
    QVERIFY(forTable.contains(u"table-split@1.0"_s));
    QVERIFY(forTable.contains(u"dataset-export@1.0"_s));
    QVERIFY(!forTable.contains(u"sklearn-train@1.0"_s));
    QVERIFY(!forTable.contains(u"shell@1.0"_s)); // a directory is not a table

    QVERIFY(model.compatibleTemplates({u"ghost"_s, u"out"_s, true}).isEmpty());
    QCOMPARE(model.compatiblePortOf(u"evaluate"_s, {u"train"_s, u"model"_s, true}), u"model"_s);
    QCOMPARE(model.compatiblePortOf(u"evaluate"_s, {u"split"_s, u"test"_s, true}), u"table"_s);
    QCOMPARE(model.compatiblePortOf(u"sklearn-train"_s, {u"eval"_s, u"model"_s, false}),
             u"model"_s);
    QCOMPARE(model.compatiblePortOf(u"table-split"_s, {u"eval"_s, u"model"_s, false}), QString());
}

void TestGraphModel::addNodeConnected()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    auto id =
        model.addNodeConnected(u"evaluate"_s, QPointF(50, 50), {u"train"_s, u"model"_s, true});
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QCOMPARE(id.value(), u"evaluate"_s);
    QVERIFY(model.hasEdge({u"train"_s, u"model"_s, u"evaluate"_s, u"model"_s}));
    QCOMPARE(model.undoStack()->count(), 1);
    model.undoStack()->undo();
    QVERIFY(!model.hasNode(u"evaluate"_s));
    QVERIFY(model.outEdges(u"train"_s).isEmpty());

    // Backwards from a free input.
    id = model.addNodeConnected(u"sklearn-train"_s, {}, {u"eval"_s, u"model"_s, false});
    QVERIFY(id);
    QCOMPARE(id.value(), u"sklearn-train"_s);
    QVERIFY(model.hasEdge({u"sklearn-train"_s, u"model"_s, u"eval"_s, u"model"_s}));

    // Refusals: nothing fits, the input is taken, an unknown template.
    auto refused = model.addNodeConnected(u"table-split"_s, {}, {u"train"_s, u"model"_s, true});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"Split table"_s),
             qPrintable(refused.error().message));
    refused = model.addNodeConnected(u"table-split"_s, {}, {u"train"_s, u"table"_s, false});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"already has a link"_s),
             qPrintable(refused.error().message));
    QVERIFY(!model.addNodeConnected(u"nope"_s, {}, {u"train"_s, u"model"_s, true}));
    QVERIFY(!model.addNode(u"nope"_s, {}));
    QCOMPARE(model.undoStack()->count(), 1); // the undone step was replaced by the second one
}

void TestGraphModel::valuesAndDefaults()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    QCOMPARE(model.value(u"train"_s, u"params.target"_s).toString(), u"label"_s);
    QVERIFY(model.value(u"train"_s, u"params.n_estimators"_s).isUndefined());
    QCOMPARE(model.effectiveValue(u"train"_s, u"params.n_estimators"_s).toInt(), 100);
    QCOMPARE(model.effectiveValue(u"train"_s, u"resources.memory_mb"_s).toInt(), 2048);
    QVERIFY(model.setValue(u"train"_s, u"resources.memory_mb"_s, 4096));
    QCOMPARE(model.effectiveValue(u"train"_s, u"resources.memory_mb"_s).toInt(), 4096);
    QCOMPARE(model.document().node(u"train"_s)->resources.value(u"memory_mb"_s).toInt(), 4096);
    // Undefined removes the override: back to the template's default. Null is no number.
    QVERIFY(!model.setValue(u"train"_s, u"resources.memory_mb"_s, QJsonValue()));
    QVERIFY(
        model.setValue(u"train"_s, u"resources.memory_mb"_s, QJsonValue(QJsonValue::Undefined)));
    QVERIFY(!model.document().node(u"train"_s)->resources.contains(u"memory_mb"_s));

    QVERIFY(model.setValue(u"train"_s, u"skip"_s, true));
    QVERIFY(model.document().node(u"train"_s)->skip);
    QVERIFY(model.setValue(u"train"_s, u"retries"_s, 3));
    QCOMPARE(model.document().node(u"train"_s)->retries, 3);
    QVERIFY(model.setValue(u"train"_s, u"timeout_s"_s, 60));
    QVERIFY(model.setValue(u"train"_s, u"pool"_s, u"gpu"_s));
    QCOMPARE(model.document().node(u"train"_s)->pool, u"gpu"_s);

    const QJsonObject schedule{{u"cron"_s, u"0 2 * * *"_s}, {u"catchup"_s, true}};
    QVERIFY(model.setValue({}, u"schedule"_s, schedule));
    QVERIFY(model.document().schedule);
    QCOMPARE(model.document().schedule->cron, u"0 2 * * *"_s);
    QCOMPARE(model.value({}, u"schedule"_s).toObject().value(u"catchup"_s).toBool(), true);
    QVERIFY(model.setValue({}, u"schedule"_s, QJsonValue()));
    QVERIFY(!model.document().schedule);
    QVERIFY(model.setValue({}, u"variables"_s, QJsonObject{{u"seed"_s, u"7"_s}}));
    QCOMPARE(model.document().variables.value(u"seed"_s), u"7"_s);
}

void TestGraphModel::checkValue_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("reason");

    QTest::newRow("fits") << u"train"_s << u"params.n_estimators"_s << QJsonValue(10) << QString();
    QTest::newRow("range") << u"train"_s << u"params.n_estimators"_s << QJsonValue(0)
                           << u"between 1 and 5000"_s;
    QTest::newRow("type") << u"train"_s << u"params.n_estimators"_s << QJsonValue(u"ten"_s)
                          << u"must be a number"_s;
    QTest::newRow("whole") << u"train"_s << u"params.n_estimators"_s << QJsonValue(2.5)
                           << u"whole number"_s;
    QTest::newRow("regex") << u"train"_s << u"params.target"_s << QJsonValue(u"9 lives"_s)
                           << u"does not match"_s;
    QTest::newRow("choice") << u"train"_s << u"params.algorithm"_s << QJsonValue(u"svm"_s)
                            << u"svm"_s;
    QTest::newRow("unknown param")
        << u"train"_s << u"params.depth"_s << QJsonValue(3) << u"no parameter \"depth\""_s;
    QTest::newRow("required, no default")
        << u"a"_s << u"params.script"_s << QJsonValue(QJsonValue::Undefined) << u"required"_s;
    QTest::newRow("variable undefined") << u"train"_s << u"params.target"_s
                                        << QJsonValue(u"{{variables.col}}"_s) << u"variables.col"_s;
    QTest::newRow("resource") << u"train"_s << u"resources.gpus"_s << QJsonValue(-1)
                              << u"whole number"_s;
    QTest::newRow("not a resource")
        << u"train"_s << u"resources.cores"_s << QJsonValue(2) << u"not a resource"_s;
    QTest::newRow("retries") << u"train"_s << u"retries"_s << QJsonValue(-2) << u"0 or more"_s;
    QTest::newRow("template") << u"train"_s << u"template"_s << QJsonValue(u"sklearn-train@9"_s)
                              << u"1.0"_s;
    QTest::newRow("pipeline name")
        << QString() << u"name"_s << QJsonValue(u" "_s) << u"needs a name"_s;
    QTest::newRow("schedule") << QString() << u"schedule"_s
                              << QJsonValue(QJsonObject{{u"cron"_s, 5}}) << u"cron"_s;
}

void TestGraphModel::checkValue()
{
    QFETCH(QString, node);
    QFETCH(QString, property);
    QFETCH(QJsonValue, value);
    QFETCH(QString, reason);
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    const QString got = model.checkValue(node, property, value);
    if (reason.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(reason), qPrintable(got));
}

void TestGraphModel::setValueRefusesBadFields()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    QVERIFY(!model.setValue(u"ghost"_s, u"name"_s, u"x"_s));
    QVERIFY(!model.setValue(u"train"_s, u"colour"_s, u"red"_s));
    QVERIFY(!model.setValue(u"train"_s, u"params.depth"_s, 3));
    QVERIFY(!model.setValue(u"train"_s, u"retries"_s, -1));
    QVERIFY(!model.setValue(u"train"_s, u"skip"_s, u"yes"_s));
    QVERIFY(!model.setValue(u"train"_s, u"template"_s, u"nope"_s));
    QVERIFY(!model.setValue({}, u"variables"_s, QJsonObject{{u"n"_s, 3}}));
    QVERIFY(!model.setValue({}, u"schedule"_s, QJsonObject{{u"catchup"_s, true}}));
    QVERIFY(!model.setValue({}, u"owner"_s, u"me"_s));
    QCOMPARE(model.undoStack()->count(), 0);
    // Out of range but the right kind: accepted, the panel shows the reason.
    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 0));
    // The same value again pushes nothing.
    QVERIFY(model.setValue(u"train"_s, u"params.n_estimators"_s, 0));
    QCOMPARE(model.undoStack()->count(), 1);
}

void TestGraphModel::previewThenMoveIsOneStep()
{
    GraphModel model(builtinLibrary());
    model.setDocument(parse(kDiamond));
    QSignalSpy moved(&model, &GraphModel::nodeMoved);
    const QMap<QString, QPointF> from{{u"a"_s, QPointF(0, 300)}, {u"b"_s, QPointF(300, 300)}};
    for (int step = 1; step <= 10; ++step)
        model.previewPositions({{u"a"_s, QPointF(step, 300)}, {u"b"_s, QPointF(300 + step, 300)}});
    QCOMPARE(model.undoStack()->count(), 0);
    QCOMPARE(moved.count(), 20);
    const QMap<QString, QPointF> to{{u"a"_s, QPointF(10, 300)}, {u"b"_s, QPointF(310, 300)}};
    model.moveItems(from, to);
    QCOMPARE(model.undoStack()->count(), 1);
    QCOMPARE(moved.count(), 20); // already there
    model.undoStack()->undo();
    QCOMPARE(model.position(u"a"_s), QPointF(0, 300));
    QCOMPARE(model.position(u"b"_s), QPointF(300, 300));
    model.undoStack()->redo();
    QCOMPARE(model.position(u"b"_s), QPointF(310, 300));
    // A drag that ends where it started is no step.
    model.moveItems(to, to);
    QCOMPARE(model.undoStack()->count(), 1);
}

void TestGraphModel::generatedGraphIsValid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(GraphGenerator::writeTemplates(dir.path()));
    TemplateLibrary library = builtinLibrary();
    library.addDirectory(dir.path());
    QVERIFY(library.loadErrors().isEmpty());

    const PipelineDocument doc = generateGraph(2000, 4000, 7);
    QCOMPARE(doc.nodes.size(), 2000);
    QCOMPARE(doc.edges.size(), 4000);
    QCOMPARE(doc.layout.size(), 2000);
    QCOMPARE(generateGraph(2000, 4000, 7), doc);
    QVERIFY(generateGraph(2000, 4000, 8) != doc);
    const QList<ValidationIssue> issues = PipelineValidator::validate(doc, library);
    QVERIFY2(issues.isEmpty(),
             qPrintable(issues.isEmpty() ? QString() : issues.first().toString()));

    GraphModel model(library);
    model.setDocument(doc);
    QCOMPARE(model.edges().size(), 4000);
    // The document written and read back is the same pipeline.
    auto reread = PipelineDocument::fromJson(model.document().toJson(), u"generated"_s);
    QVERIFY(reread);
    QCOMPARE(reread.value(), model.document());
}

QTEST_GUILESS_MAIN(TestGraphModel)
#include "tst_graphmodel.moc"
