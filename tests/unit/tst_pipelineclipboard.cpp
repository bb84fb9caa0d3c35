#include "pipeline/pipelineclipboard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QByteArray kPipeline = R"({"format": 1, "name": "Clip",
  "nodes": [
    {"id": "split", "template": "table-split@1.0", "params": {"test_fraction": 0.3, "stratify": ""}},
    {"id": "train", "name": "训练", "template": "sklearn-train",
     "params": {"target": "label", "n_estimators": 250}, "resources": {"gpus": 1}, "retries": 2,
     "timeout_s": 60, "skip": true, "pool": "gpu"},
    {"id": "eval", "template": "evaluate"}
  ],
  "edges": [
    {"from": "split.train", "to": "train.table"},
    {"from": "split.test", "to": "eval.table"},
    {"from": "train.model", "to": "eval.model"}
  ],
  "layout": {"split": [0, 0], "train": [300, 0.5], "eval": [600, -40]},
  "notes": [{"id": "note-1", "text": "Why 0.3?", "pos": [0, -150], "size": [180, 90]},
            {"id": "note-2", "text": "Unrelated", "pos": [900, 0], "size": [100, 100]}]
})";

PipelineDocument parse(const QByteArray &json)
{
    auto doc = PipelineDocument::fromJson(json, u"test.json"_s);
    if (!doc)
        qFatal("test document does not parse: %s", qPrintable(doc.error().message));
    return doc.value();
}

} // namespace

class TestPipelineClipboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copyTakesTheSelection();
    void roundTrip();
    void stableText();
    void acceptsAPipelineFile();
    void refusesForeignText_data();
    void refusesForeignText();
};

void TestPipelineClipboard::copyTakesTheSelection()
{
    const PipelineDocument doc = parse(kPipeline);
    const GraphFragment fragment = PipelineClipboard::copy(
        doc, {u"train"_s, u"eval"_s, u"ghost"_s, u"train"_s}, {u"note-1"_s});
    QCOMPARE(fragment.nodes.size(), 2);
    QCOMPARE(fragment.nodes.first(), *doc.node(u"train"_s));
    // Only the link with both ends selected.
    QCOMPARE(fragment.edges.size(), 1);
    QCOMPARE(fragment.edges.first().toText(), u"eval.model"_s);
    QCOMPARE(fragment.notes.size(), 1);
    QCOMPARE(fragment.notes.first().text, u"Why 0.3?"_s);
    QCOMPARE(fragment.positions.size(), 2);
    QCOMPARE(fragment.positions.value(u"eval"_s), QPointF(600, -40));
    QVERIFY(PipelineClipboard::copy(doc, {}).isEmpty());
}

void TestPipelineClipboard::roundTrip()
{
    const PipelineDocument doc = parse(kPipeline);
    const GraphFragment fragment = PipelineClipboard::copy(doc, {u"split"_s, u"train"_s, u"eval"_s},
                                                           {u"note-1"_s, u"note-2"_s});
    const QByteArray text = PipelineClipboard::toJson(fragment);
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    QCOMPARE(root.value(u"atelier_clipboard"_s).toInt(), 1);
    QVERIFY(!root.contains(u"name"_s));
    QVERIFY(!root.contains(u"format"_s));
    auto back = PipelineClipboard::fromJson(text);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back.value(), fragment); // params, resources, retries, names, notes, positions
    // Surrounding white space (a paste from an editor) is fine.
    auto padded = PipelineClipboard::fromJson("\n  " + text + "\n\n");
    QVERIFY(padded);
    QCOMPARE(padded.value(), fragment);
}

void TestPipelineClipboard::stableText()
{
    const PipelineDocument doc = parse(kPipeline);
    const QByteArray text =
        PipelineClipboard::toJson(PipelineClipboard::copy(doc, {u"eval"_s}, {}));
    QCOMPARE(text, QByteArray(R"({
    "atelier_clipboard": 1,
    "edges": [
    ],
    "layout": {
        "eval": [
            600,
            -40
        ]
    },
    "nodes": [
        {
            "id": "eval",
            "template": "evaluate"
        }
    ]
}
)"));
}

void TestPipelineClipboard::acceptsAPipelineFile()
{
    auto fragment = PipelineClipboard::fromJson(kPipeline);
    QVERIFY(fragment);
    QCOMPARE(fragment->nodes.size(), 3);
    QCOMPARE(fragment->edges.size(), 3);
    QCOMPARE(fragment->notes.size(), 2);
}

void TestPipelineClipboard::refusesForeignText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QByteArray() << u"not a JSON object"_s;
    QTest::newRow("prose") << QByteArray("Train the model on Monday") << u"not a JSON object"_s;
    QTest::newRow("array") << QByteArray("[1, 2]") << u"not a JSON object"_s;
    QTest::newRow("truncated") << QByteArray(R"({"atelier_clipboard": 1, "nodes": [)")
                               << u"not a JSON object"_s;
    QTest::newRow("other JSON") << QByteArray(R"({"kind": "Deployment"})")
                                << u"atelier_clipboard"_s;
    QTest::newRow("newer format") << QByteArray(R"({"atelier_clipboard": 3, "nodes": []})")
                                  << u"newer Atelier"_s;
    QTest::newRow("format not a number")
        << QByteArray(R"({"atelier_clipboard": "1", "nodes": []})") << u"format number"_s;
    QTest::newRow("node without template")
        << QByteArray(R"({"atelier_clipboard": 1, "nodes": [{"id": "a"}]})")
        << u"nodes[0].template is required"_s;
    QTest::newRow("edge without port")
        << QByteArray(
               R"({"atelier_clipboard": 1, "nodes": [], "edges": [{"from": "a", "to": "b.in"}]})")
        << u"edges[0].from"_s;
    QTest::newRow("unknown field")
        << QByteArray(R"({"atelier_clipboard": 1, "nodes": [], "selection": []})")
        << u"selection"_s;
    QTest::newRow("same id twice")
        << QByteArray(R"({"atelier_clipboard": 1, "nodes": [{"id": "a", "template": "shell"},
                         {"id": "a", "template": "shell"}]})")
        << u"used twice"_s;
}

void TestPipelineClipboard::refusesForeignText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    auto fragment = PipelineClipboard::fromJson(text);
    QVERIFY(!fragment);
    QVERIFY2(fragment.error().message.contains(reason), qPrintable(fragment.error().message));
    QVERIFY(!fragment.error().message.contains(u'\n'));
}

QTEST_GUILESS_MAIN(TestPipelineClipboard)
#include "tst_pipelineclipboard.moc"
