#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/templatelibrary.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

// A document from its nodes and edges (JSON arrays) and optional variables (a JSON object).
QByteArray pipeline(const char *nodes, const char *edges = "[]", const char *variables = "{}")
{
    return QByteArray(R"({"format": 1, "name": "Test", "nodes": )") + nodes + R"(, "edges": )" +
           edges + R"(, "variables": )" + variables + "}";
}

// export → split → train → eval, and split → eval: valid with the built-in templates.
const char *const kDiamondNodes = R"([
    {"id": "export", "template": "dataset-export", "params": {"folder": "/tmp/shapes"}},
    {"id": "split", "template": "table-split@1.0"},
    {"id": "train", "template": "sklearn-train", "params": {"target": "label"}},
    {"id": "eval", "template": "evaluate"}
])";
const char *const kDiamondEdges = R"([
    {"from": "export.table", "to": "split.table"},
    {"from": "split.train", "to": "train.table"},
    {"from": "split.test", "to": "eval.table"},
    {"from": "train.model", "to": "eval.model"}
])";

// A train node fed by an export: everything valid but the params given.
QByteArray trainWith(const char *params, const char *variables = "{}")
{
    const QByteArray nodes =
        QByteArray(R"([{"id": "export", "template": "dataset-export", "params": {"folder": "/d"}},
                       {"id": "train", "template": "sklearn-train", "params": )") +
        params + "}]";
    return pipeline(nodes.constData(), R"([{"from": "export.table", "to": "train.table"}])",
                    variables);
}

PipelineDocument parse(const QByteArray &json)
{
    auto doc = PipelineDocument::fromJson(json, u"test.json"_s);
    if (!doc)
        qFatal("test document does not parse: %s", qPrintable(doc.error().message));
    return doc.value();
}

QString describe(const QList<ValidationIssue> &issues)
{
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines.append(issue.toString());
    return lines.isEmpty() ? u"(no issues)"_s : lines.join(u'\n');
}

// A chain n0 → n1 → … of shell nodes.
PipelineDocument chain(int length, bool closed = false)
{
    PipelineDocument doc;
    doc.name = u"Chain"_s;
    doc.nodes.reserve(length);
    for (int i = 0; i < length; ++i) {
        NodeSpec node;
        node.id = u"n%1"_s.arg(i);
        node.templateRef = u"shell"_s;
        node.params.insert(u"script"_s, u"true"_s);
        doc.nodes.append(node);
        if (i > 0)
            doc.edges.append({u"n%1"_s.arg(i - 1), u"out"_s, node.id, u"in"_s});
    }
    if (closed)
        doc.edges.append({u"n%1"_s.arg(length - 1), u"out"_s, u"n0"_s, u"in"_s});
    return doc;
}

} // namespace

class TestPipelineValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void issues_data();
    void issues();
    void validDiamondHasNoIssues();
    void cycleNamedInOrder();
    void issueToString();
    void topologicalOrderOfDiamond();
    void topologicalOrderRefusesCycle();
    void findCycleNoneOnDag();
    void largeChainIsFast();
    void findCycleOnHugeChain();

private:
    TemplateLibrary m_library;
};

void TestPipelineValidator::initTestCase()
{
    const QString dir = TemplateLibrary::builtinDirectory();
    QVERIFY2(!dir.isEmpty(), "no built-in template folder");
    m_library.addDirectory(dir);
    for (const Error &error : m_library.loadErrors())
        qWarning("%s", qPrintable(error.message));
    for (const QString &id : {u"shell"_s, u"python"_s, u"table-split"_s, u"sklearn-train"_s,
                              u"evaluate"_s, u"dataset-export"_s})
        QVERIFY2(m_library.resolve(id).ok(), qPrintable(id));
}

void TestPipelineValidator::issues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("node");    // expected issue's node, or empty
    QTest::addColumn<int>("edge");        // expected issue's edge, or -1
    QTest::addColumn<QString>("field");   // expected issue's field (may be empty)
    QTest::addColumn<QString>("message"); // part of its message; empty row: no issue at all

    QTest::newRow("unknown template")
        << pipeline(R"([{"id": "x", "template": "no-such-template"}])") << u"x"_s << -1
        << u"template"_s << u"no-such-template"_s;
    QTest::newRow("unknown version")
        << pipeline(R"([{"id": "x", "template": "sklearn-train@9.9"}])") << u"x"_s << -1
        << u"template"_s << u"available: 1.0"_s;
    QTest::newRow("missing required param") << pipeline(R"([{"id": "sh", "template": "shell"}])")
                                            << u"sh"_s << -1 << u"params.script"_s << u"required"_s;
    QTest::newRow("int given text") << trainWith(R"({"n_estimators": "abc"})") << u"train"_s << -1
                                    << u"params.n_estimators"_s << u"\"abc\""_s;
    QTest::newRow("int given fraction") << trainWith(R"({"n_estimators": 2.5})") << u"train"_s << -1
                                        << u"params.n_estimators"_s << u"whole number"_s;
    QTest::newRow("out of range") << trainWith(R"({"n_estimators": 0})") << u"train"_s << -1
                                  << u"params.n_estimators"_s << u"between 1 and 5000"_s;
    QTest::newRow("bad enum choice") << trainWith(R"({"algorithm": "svm"})") << u"train"_s << -1
                                     << u"params.algorithm"_s << u"random_forest"_s;
    QTest::newRow("failed regex") << trainWith(R"({"target": "1abc"})") << u"train"_s << -1
                                  << u"params.target"_s << u"\"1abc\""_s;
    QTest::newRow("unknown param")
        << trainWith(R"({"n_estimator": 5})") << u"train"_s << -1 << u"params.n_estimator"_s
        << u"n_estimators"_s; // names what exists
    QTest::newRow("variable defined")
        << trainWith(R"({"n_estimators": "{{variables.trees}}"})", R"({"trees": "50"})")
        << QString() << -1 << QString() << QString();
    QTest::newRow("variable undefined")
        << trainWith(R"({"n_estimators": "{{variables.trees}}"})", R"({"tree": "50"})")
        << u"train"_s << -1 << u"params.n_estimators"_s << u"variables.trees"_s;
    QTest::newRow("variable undefined in a string")
        << trainWith(R"({"target": "col_{{ variables.which }}"})") << u"train"_s << -1
        << u"params.target"_s << u"variables.which"_s;
    QTest::newRow("resource unknown")
        << pipeline(R"([{"id": "sh", "template": "shell", "params": {"script": "true"},
                         "resources": {"cores": 2}}])")
        << u"sh"_s << -1 << u"resources.cores"_s << u"cpus"_s;
    QTest::newRow("resource negative")
        << pipeline(R"([{"id": "sh", "template": "shell", "params": {"script": "true"},
                         "resources": {"gpus": -1}}])")
        << u"sh"_s << -1 << u"resources.gpus"_s << u"whole number"_s;
    QTest::newRow("incompatible ports")
        << pipeline(R"([{"id": "export", "template": "dataset-export", "params": {"folder": "/d"}},
                        {"id": "train", "template": "sklearn-train"},
                        {"id": "eval", "template": "evaluate"}])",
                    R"([{"from": "export.table", "to": "train.table"},
                        {"from": "train.model", "to": "eval.model"},
                        {"from": "train.metrics", "to": "eval.table"}])")
        << QString() << 2 << QString() << u"metrics"_s;
    QTest::newRow("dangling edge from")
        << pipeline(R"([{"id": "train", "template": "sklearn-train"}])",
                    R"([{"from": "ghost.table", "to": "train.table"}])")
        << QString() << 0 << u"from"_s << u"\"ghost\""_s;
    QTest::newRow("dangling edge to")
        << pipeline(
               R"([{"id": "export", "template": "dataset-export", "params": {"folder": "/d"}}])",
               R"([{"from": "export.table", "to": "ghost.table"}])")
        << QString() << 0 << u"to"_s << u"\"ghost\""_s;
    QTest::newRow("unknown input port")
        << pipeline(R"([{"id": "export", "template": "dataset-export", "params": {"folder": "/d"}},
                        {"id": "train", "template": "sklearn-train"}])",
                    R"([{"from": "export.table", "to": "train.tabel"}])")
        << QString() << 0 << u"to"_s << u"\"tabel\""_s;
    QTest::newRow("unknown output port")
        << pipeline(R"([{"id": "export", "template": "dataset-export", "params": {"folder": "/d"}},
                        {"id": "train", "template": "sklearn-train"}])",
                    R"([{"from": "export.csv", "to": "train.table"}])")
        << QString() << 0 << u"from"_s << u"\"csv\""_s;
    QTest::newRow("two links into one input")
        << pipeline(R"([{"id": "e1", "template": "dataset-export", "params": {"folder": "/a"}},
                        {"id": "e2", "template": "dataset-export", "params": {"folder": "/b"}},
                        {"id": "train", "template": "sklearn-train"}])",
                    R"([{"from": "e1.table", "to": "train.table"},
                        {"from": "e2.table", "to": "train.table"}])")
        << QString() << 1 << u"to"_s << u"train.table"_s;
    QTest::newRow("required input unconnected")
        << pipeline(R"([{"id": "train", "template": "sklearn-train"}])") << u"train"_s << -1
        << u"inputs.table"_s << u"table"_s;
    QTest::newRow("optional input unconnected")
        << pipeline(R"([{"id": "py", "template": "python", "params": {"script": "print 1"
}
}])") << QString()
        << -1 << QString() << QString();
    QTest::newRow("duplicate ids")
        << pipeline(R"([{"id": "a", "template": "shell", "params": {"script": "true"}},
                        {"id": "a", "template": "shell", "params": {"script": "false"}}])")
        << u"a"_s << -1 << u"id"_s << u"another node"_s;
    QTest::newRow("id starts with a digit")
        << pipeline(R"([{"id": "1a", "template": "shell", "params": {"script": "true"}}])")
        << u"1a"_s << -1 << u"id"_s << u"\"1a\""_s;
    QTest::newRow("id with a space")
        << pipeline(R"([{"id": "a b", "template": "shell", "params": {"script": "true"}}])")
        << u"a b"_s << -1 << u"id"_s << u"\"a b\""_s;
    QTest::newRow("self link")
        << pipeline(R"([{"id": "a", "template": "shell", "params": {"script": "true"}}])",
                    R"([{"from": "a.out", "to": "a.in"}])")
        << QString() << 0 << QString() << u"itself"_s;
    QTest::newRow("bad cron") << QByteArray(R"({"name": "x", "schedule": {"cron": "every day"}})")
                              << QString() << -1 << u"schedule.cron"_s << u"every day"_s;
    QTest::newRow("empty name") << QByteArray(R"({"name": " "})") << QString() << -1 << u"name"_s
                                << u"name"_s;
    QTest::newRow("valid diamond")
        << pipeline(kDiamondNodes, kDiamondEdges) << QString() << -1 << QString() << QString();
}

void TestPipelineValidator::issues()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, node);
    QFETCH(int, edge);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QList<ValidationIssue> issues = PipelineValidator::validate(parse(json), m_library);
    if (message.isEmpty()) {
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
        return;
    }
    bool found = false;
    for (const ValidationIssue &issue : issues) {
        if (issue.node == node && issue.edge == edge && issue.field == field &&
            issue.message.contains(message))
            found = true;
    }
    QVERIFY2(found, qPrintable(u"expected node \"%1\", edge %2, field \"%3\", message with "
                               u"\"%4\"; got:\n%5"_s.arg(node)
                                   .arg(edge)
                                   .arg(field, message, describe(issues))));
}

void TestPipelineValidator::validDiamondHasNoIssues()
{
    const PipelineDocument doc = parse(pipeline(kDiamondNodes, kDiamondEdges));
    QCOMPARE(doc.nodes.size(), 4);
    QCOMPARE(doc.edges.size(), 4);
    const auto issues = PipelineValidator::validate(doc, m_library);
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));

    // One change makes it invalid: the test can fail.
    PipelineDocument broken = doc;
    broken.edges.removeLast();
    QCOMPARE(PipelineValidator::validate(broken, m_library).size(), 1);
}

void TestPipelineValidator::cycleNamedInOrder()
{
    const PipelineDocument doc =
        parse(pipeline(R"([{"id": "a", "template": "shell", "params": {"script": "true"}},
                           {"id": "b", "template": "shell", "params": {"script": "true"}},
                           {"id": "c", "template": "shell", "params": {"script": "true"}}])",
                       R"([{"from": "a.out", "to": "b.in"},
                           {"from": "b.out", "to": "c.in"},
                           {"from": "c.out", "to": "a.in"}])"));

    const QStringList rotations = {u"a → b → c → a"_s, u"b → c → a → b"_s, u"c → a → b → c"_s};
    const QStringList cycle = PipelineValidator::findCycle(doc);
    QCOMPARE(cycle.size(), 4);
    QCOMPARE(cycle.first(), cycle.last());
    QVERIFY2(rotations.contains(cycle.join(u" → "_s)), qPrintable(cycle.join(u" → "_s)));

    const auto issues = PipelineValidator::validate(doc, m_library);
    QCOMPARE(issues.size(), 1);
    const QString message = issues.first().message;
    bool inOrder = false;
    for (const QString &rotation : rotations)
        inOrder = inOrder || message.contains(rotation);
    QVERIFY2(inOrder, qPrintable(message));
    QCOMPARE(issues.first().node, cycle.first());
}

void TestPipelineValidator::issueToString()
{
    const ValidationIssue atNode{u"train"_s, -1, u"params.n_estimators"_s, u"too small"_s};
    QCOMPARE(atNode.toString(), u"node train, params.n_estimators: too small"_s);
    const ValidationIssue atEdge{{}, 0, u"to"_s, u"dangling"_s};
    QCOMPARE(atEdge.toString(), u"edge 1, to: dangling"_s);
    const ValidationIssue nowhere{{}, -1, {}, u"odd"_s};
    QCOMPARE(nowhere.toString(), u"odd"_s);
}

void TestPipelineValidator::topologicalOrderOfDiamond()
{
    // Listed downstream first: the order must come from the edges, not the listing.
    PipelineDocument doc = parse(pipeline(kDiamondNodes, kDiamondEdges));
    std::reverse(doc.nodes.begin(), doc.nodes.end());
    auto order = PipelineValidator::topologicalOrder(doc);
    QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().message));
    QCOMPARE(order->size(), 4);
    for (const EdgeSpec &edge : doc.edges)
        QVERIFY2(order->indexOf(edge.fromNode) < order->indexOf(edge.toNode),
                 qPrintable(order->join(u", "_s)));
    QCOMPARE(order.value(), (QStringList{u"export"_s, u"split"_s, u"train"_s, u"eval"_s}));

    // Unlinked nodes keep document order.
    PipelineDocument loose;
    loose.name = u"Loose"_s;
    for (const QString &id : {u"z"_s, u"a"_s, u"m"_s})
        loose.nodes.append(NodeSpec{id, {}, u"shell"_s, {}, {}, 0, 0, false, {}, {}});
    auto looseOrder = PipelineValidator::topologicalOrder(loose);
    QVERIFY(looseOrder.ok());
    QCOMPARE(looseOrder.value(), (QStringList{u"z"_s, u"a"_s, u"m"_s}));
}

void TestPipelineValidator::topologicalOrderRefusesCycle()
{
    PipelineDocument doc = chain(3, true); // n0 → n1 → n2 → n0
    NodeSpec outside;
    outside.id = u"before"_s;
    outside.templateRef = u"shell"_s;
    doc.nodes.prepend(outside);
    doc.edges.append({u"before"_s, u"out"_s, u"n0"_s, u"in"_s});

    auto order = PipelineValidator::topologicalOrder(doc);
    QVERIFY(!order.ok());
    QCOMPARE(order.error().code, ErrorCode::Invalid);
    const QString message = order.error().message;
    for (const QString &id : {u"n0"_s, u"n1"_s, u"n2"_s})
        QVERIFY2(message.contains(id), qPrintable(message));
    QVERIFY2(message.contains(u" → "_s), qPrintable(message));
    QVERIFY2(!message.contains(u"before"_s), qPrintable(message));

    const QStringList cycle = PipelineValidator::findCycle(doc);
    QCOMPARE(cycle.size(), 4);
    QVERIFY2(!cycle.contains(u"before"_s), qPrintable(cycle.join(u", "_s)));
}

void TestPipelineValidator::findCycleNoneOnDag()
{
    QVERIFY(PipelineValidator::findCycle(parse(pipeline(kDiamondNodes, kDiamondEdges))).isEmpty());
    QVERIFY(PipelineValidator::findCycle(chain(5)).isEmpty());
    QVERIFY(PipelineValidator::findCycle(PipelineDocument{}).isEmpty());
}

void TestPipelineValidator::largeChainIsFast()
{
    const PipelineDocument doc = chain(10000);
    QElapsedTimer timer;
    timer.start();
    const auto issues = PipelineValidator::validate(doc, m_library);
    const auto order = PipelineValidator::topologicalOrder(doc);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues.mid(0, 5))));
    QVERIFY(order.ok());
    QCOMPARE(order->size(), 10000);
    QCOMPARE(order->first(), u"n0"_s);
    QCOMPARE(order->last(), u"n9999"_s);
    QVERIFY2(elapsed < 2000, qPrintable(u"validate + order took %1 ms"_s.arg(elapsed)));
}

void TestPipelineValidator::findCycleOnHugeChain()
{
    const PipelineDocument open = chain(100000);
    QVERIFY(PipelineValidator::findCycle(open).isEmpty());

    const PipelineDocument closed = chain(100000, true);
    const QStringList cycle = PipelineValidator::findCycle(closed);
    QCOMPARE(cycle.size(), 100001);
    QCOMPARE(cycle.first(), cycle.last());
    auto order = PipelineValidator::topologicalOrder(closed);
    QVERIFY(!order.ok());
}

QTEST_GUILESS_MAIN(TestPipelineValidator)
#include "tst_pipelinevalidator.moc"
