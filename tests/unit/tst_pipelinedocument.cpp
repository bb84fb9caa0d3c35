#include "pipeline/pipelinediff.h"
#include "pipeline/pipelinedocument.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kSource = u"pipelines/test.json"_s;

// The example of DESIGN.md, with two nodes so that an edge has both ends.
const QByteArray kFullDocument = R"({
    "format": 1, "name": "Shapes classifier", "description": "Trains on the shapes.",
    "variables": {"seed": "42", "data": "/tmp/shapes"},
    "nodes": [
        {"id": "prep", "template": "table-split@1.0", "params": {"test_fraction": 0.2}},
        {"id": "train", "name": "Train it", "template": "sklearn-train@1.0",
         "params": {"target": "label", "n_estimators": 100, "seed": "{{variables.seed}}"},
         "resources": {"cpus": 2}, "retries": 1, "timeout_s": 3600, "skip": true, "pool": "local"}
    ],
    "edges": [{"from": "prep.train", "to": "train.table"}],
    "schedule": {"cron": "0 2 * * *", "start": "2026-11-01T00:00:00Z", "catchup": true,
                 "max_active_runs": 2, "depends_on_past": true, "keep_last": 30},
    "layout": {"prep": [0, 80], "train": [240.5, -80]}
})";

PipelineDocument parse(const QByteArray &json)
{
    auto doc = PipelineDocument::fromJson(json, kSource);
    if (!doc)
        qWarning("%s", qPrintable(doc.error().message));
    return doc.value_or({});
}

// A two-node document to diff against.
PipelineDocument diffBase()
{
    return parse(R"({
        "name": "Diff", "variables": {"seed": "42"},
        "nodes": [
            {"id": "split", "template": "table-split"},
            {"id": "train", "template": "sklearn-train", "params": {"n_estimators": 100}}
        ],
        "edges": [{"from": "split.train", "to": "train.table"}],
        "schedule": {"cron": "0 2 * * *"},
        "layout": {"split": [0, 0], "train": [200, 0]}
    })");
}

const PipelineChange *findChange(const QList<PipelineChange> &changes, PipelineChange::Kind kind,
                                 PipelineChange::Subject subject, const QString &id)
{
    for (const PipelineChange &change : changes) {
        if (change.kind == kind && change.subject == subject && change.id == id)
            return &change;
    }
    return nullptr;
}

QString describe(const QList<PipelineChange> &changes)
{
    QStringList lines;
    for (const PipelineChange &change : changes)
        lines.append(change.toString());
    return lines.join(u'\n');
}

} // namespace

class TestPipelineDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void readsEveryField();
    void stableBytes();
    void malformedJsonNamesLineAndColumn();
    void notAnObject();
    void wrongFieldLocated_data();
    void wrongFieldLocated();
    void loadMissingFile();
    void notesAreOptional();
    void slugFor_data();
    void slugFor();

    void diffNodeAddedAndRemoved();
    void diffParamChanged();
    void diffEdgeAddedAndRemoved();
    void diffVariablesAndSchedule();
    void diffLayoutOnlyIsNoChange();
};

void TestPipelineDocument::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("nodeCount");
    QTest::addColumn<int>("edgeCount");

    QTest::newRow("minimal") << QByteArray(R"({"format": 1, "name": "Minimal"})") << u"Minimal"_s
                             << 0 << 0;
    QTest::newRow("full") << kFullDocument << u"Shapes classifier"_s << 2 << 1;
    QTest::newRow("schedule without start")
        << QByteArray(R"({"name": "Nightly", "nodes": [{"id": "a", "template": "shell",
            "params": {"script": "true"}}], "schedule": {"cron": "@daily"}})")
        << u"Nightly"_s << 1 << 0;
    QTest::newRow("chinese") << QByteArray(R"({"name": "形状分类器", "description": "每天训练一次",
            "variables": {"数据": "/数据/形状"},
            "nodes": [{"id": "train", "name": "训练", "template": "sklearn-train",
                       "params": {"target": "标签"}}],
            "layout": {"train": [1.25, 2.5]}})")
                             << u"形状分类器"_s << 1 << 0;
    QTest::newRow("notes") << QByteArray(R"({"name": "Noted", "nodes": [{"id": "a",
            "template": "shell"}], "notes": [{"id": "note-1", "text": "Read me\nfirst",
            "pos": [10, -20.5], "size": [240, 90]}, {"id": "note-2", "text": "", "pos": [0, 0]}]})")
                           << u"Noted"_s << 1 << 0;
}

void TestPipelineDocument::roundTrip()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, name);
    QFETCH(int, nodeCount);
    QFETCH(int, edgeCount);

    auto first = PipelineDocument::fromJson(json, kSource);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE(first->name, name);
    QCOMPARE(first->nodes.size(), nodeCount);
    QCOMPARE(first->edges.size(), edgeCount);

    const QByteArray written = first->toJson();
    auto second = PipelineDocument::fromJson(written, kSource);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
    QVERIFY2(second.value() == first.value(), written.constData());
    QCOMPARE(second->toJson(), written);
}

void TestPipelineDocument::readsEveryField()
{
    auto parsed = PipelineDocument::fromJson(kFullDocument, kSource);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const PipelineDocument &doc = parsed.value();
    QCOMPARE(doc.description, u"Trains on the shapes."_s);
    QCOMPARE(doc.variables.value(u"seed"_s), u"42"_s);
    QCOMPARE(doc.variables.value(u"data"_s), u"/tmp/shapes"_s);

    const NodeSpec *train = doc.node(u"train"_s);
    QVERIFY(train);
    QCOMPARE(train->name, u"Train it"_s);
    QCOMPARE(train->templateRef, u"sklearn-train@1.0"_s);
    QCOMPARE(train->params.value(u"n_estimators"_s).toInt(), 100);
    QCOMPARE(train->params.value(u"seed"_s).toString(), u"{{variables.seed}}"_s);
    QCOMPARE(train->resources.value(u"cpus"_s).toInt(), 2);
    QCOMPARE(train->retries, 1);
    QCOMPARE(train->timeoutS, 3600);
    QCOMPARE(train->skip, true);
    QCOMPARE(train->pool, u"local"_s);
    QVERIFY(!doc.node(u"nothing"_s));

    QCOMPARE(doc.edges.size(), 1);
    QCOMPARE(doc.edges[0].fromNode, u"prep"_s);
    QCOMPARE(doc.edges[0].fromPort, u"train"_s);
    QCOMPARE(doc.edges[0].toText(), u"train.table"_s);

    QVERIFY(doc.schedule.has_value());
    QCOMPARE(doc.schedule->cron, u"0 2 * * *"_s);
    QCOMPARE(doc.schedule->start, QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(doc.schedule->catchup, true);
    QCOMPARE(doc.schedule->maxActiveRuns, 2);
    QCOMPARE(doc.schedule->dependsOnPast, true);
    QCOMPARE(doc.schedule->keepLast, 30);

    QCOMPARE(doc.layout.value(u"train"_s), QPointF(240.5, -80));
    QCOMPARE(doc.layout.value(u"prep"_s), QPointF(0, 80));

    // Defaults of what is left out.
    const NodeSpec *prep = doc.node(u"prep"_s);
    QVERIFY(prep);
    QCOMPARE(prep->retries, 0);
    QCOMPARE(prep->timeoutS, 0);
    QCOMPARE(prep->skip, false);
    QVERIFY(prep->pool.isEmpty());
    QVERIFY(prep->resources.isEmpty());
    auto minimal = PipelineDocument::fromJson(R"({"name": "M"})", kSource);
    QVERIFY(minimal.ok());
    QVERIFY(!minimal->schedule.has_value());
}

void TestPipelineDocument::stableBytes()
{
    // The same document built in two insertion orders gives the same bytes.
    PipelineDocument a;
    a.name = u"Stable"_s;
    a.variables.insert(u"zeta"_s, u"1"_s);
    a.variables.insert(u"alpha"_s, u"2"_s);
    a.layout.insert(u"n2"_s, QPointF(1, 2));
    a.layout.insert(u"n1"_s, QPointF(3, 4));
    NodeSpec node;
    node.id = u"n1"_s;
    node.templateRef = u"shell"_s;
    node.params.insert(u"script"_s, u"true"_s);
    node.params.insert(u"another"_s, 1);
    a.nodes.append(node);

    PipelineDocument b;
    b.name = u"Stable"_s;
    b.variables.insert(u"alpha"_s, u"2"_s);
    b.variables.insert(u"zeta"_s, u"1"_s);
    b.layout.insert(u"n1"_s, QPointF(3, 4));
    b.layout.insert(u"n2"_s, QPointF(1, 2));
    NodeSpec other;
    other.id = u"n1"_s;
    other.templateRef = u"shell"_s;
    other.params.insert(u"another"_s, 1);
    other.params.insert(u"script"_s, u"true"_s);
    b.nodes.append(other);

    QCOMPARE(a.toJson(), a.toJson());
    QCOMPARE(a.toJson(), b.toJson());

    // Reading the bytes back and writing them again changes nothing.
    auto reread = PipelineDocument::fromJson(a.toJson(), kSource);
    QVERIFY(reread.ok());
    QCOMPARE(reread->toJson(), a.toJson());

    // The exact bytes of a small document: indented, keys sorted, defaults left out.
    PipelineDocument small;
    small.name = u"Small"_s;
    const QByteArray expected = "{\n"
                                "    \"edges\": [\n"
                                "    ],\n"
                                "    \"format\": 1,\n"
                                "    \"name\": \"Small\",\n"
                                "    \"nodes\": [\n"
                                "    ]\n"
                                "}\n";
    QCOMPARE(small.toJson(), expected);
}

void TestPipelineDocument::malformedJsonNamesLineAndColumn()
{
    // Line 3 lacks the comma between two members: the parser stops at "nodes".
    const QByteArray json = "{\n"
                            "  \"name\": \"x\",\n"
                            "  \"description\": \"d\" \"nodes\": []\n"
                            "}\n";
    auto doc = PipelineDocument::fromJson(json, u"bad.json"_s);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Invalid);
    const QString message = doc.error().message;
    static const QRegularExpression located(u"^bad\\.json:(\\d+):(\\d+): "_s);
    const auto match = located.match(message);
    QVERIFY2(match.hasMatch(), qPrintable(message));
    QCOMPARE(match.captured(1).toInt(), 3);
    // Column of the unexpected '"' of "nodes", counted from 1.
    QCOMPARE(match.captured(2).toInt(), 22);

    // An error on the first line: line 1, the comma in column 2.
    auto first = PipelineDocument::fromJson("{,}", u"one.json"_s);
    QVERIFY(!first.ok());
    QVERIFY2(first.error().message.startsWith(u"one.json:1:2: "_s),
             qPrintable(first.error().message));

    // Columns count characters, not UTF-8 bytes: "形状" is two columns, six bytes.
    auto wide = PipelineDocument::fromJson("{\n\"name\": \"形状\" 1}", u"wide.json"_s);
    QVERIFY(!wide.ok());
    QVERIFY2(wide.error().message.startsWith(u"wide.json:2:14: "_s),
             qPrintable(wide.error().message));
}

void TestPipelineDocument::notAnObject()
{
    auto doc = PipelineDocument::fromJson("[1, 2]", kSource);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Invalid);
    QVERIFY2(doc.error().message.startsWith(kSource), qPrintable(doc.error().message));
}

void TestPipelineDocument::wrongFieldLocated_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("retries not a number")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell"},
                         {"id": "b", "template": "shell", "retries": "three"}]})")
        << QStringList{u"nodes[1].retries"_s};
    QTest::newRow("retries negative")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell"},
                         {"id": "b", "template": "shell", "retries": -1}]})")
        << QStringList{u"nodes[1].retries"_s};
    QTest::newRow("timeout fractional")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell",
                         "timeout_s": 1.5}]})")
        << QStringList{u"nodes[0].timeout_s"_s};
    QTest::newRow("edge without a port")
        << QByteArray(R"({"name": "x", "edges": [{"from": "a", "to": "b.in"}]})")
        << QStringList{u"edges[0].from must look like \"node.port\""_s};
    QTest::newRow("edge to ends with a dot")
        << QByteArray(R"({"name": "x", "edges": [{"from": "a.out", "to": "b."}]})")
        << QStringList{u"edges[0].to must look like \"node.port\""_s};
    QTest::newRow("unknown top-level field")
        << QByteArray(R"({"name": "x", "nmae": "y"})") << QStringList{u"nmae"_s, u"known"_s};
    QTest::newRow("unknown node field")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell",
                         "colour": "red"}]})")
        << QStringList{u"nodes[0].colour"_s, u"known"_s};
    QTest::newRow("unknown schedule field")
        << QByteArray(R"({"name": "x", "schedule": {"cron": "@daily", "every": 3}})")
        << QStringList{u"schedule.every"_s};
    QTest::newRow("format newer") << QByteArray(R"({"format": 2, "name": "x"})")
                                  << QStringList{u"format"_s, u"2"_s, u"update Atelier"_s};
    QTest::newRow("name missing") << QByteArray(R"({"nodes": []})")
                                  << QStringList{u"name is required"_s};
    QTest::newRow("name not a string")
        << QByteArray(R"({"name": 3})") << QStringList{u"name must be a string"_s};
    QTest::newRow("node id missing")
        << QByteArray(R"({"name": "x", "nodes": [{"template": "shell"}]})")
        << QStringList{u"nodes[0].id is required"_s};
    QTest::newRow("node not an object")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell"}, 7]})")
        << QStringList{u"nodes[1]"_s};
    QTest::newRow("params not an object")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell",
                         "params": [1]}]})")
        << QStringList{u"nodes[0].params"_s};
    QTest::newRow("skip not a bool")
        << QByteArray(R"({"name": "x", "nodes": [{"id": "a", "template": "shell",
                         "skip": "yes"}]})")
        << QStringList{u"nodes[0].skip"_s};
    QTest::newRow("variable not a string")
        << QByteArray(R"({"name": "x", "variables": {"seed": 42}})")
        << QStringList{u"variables.seed"_s};
    QTest::newRow("schedule start not a time")
        << QByteArray(R"({"name": "x", "schedule": {"cron": "@daily", "start": "tomorrow"}})")
        << QStringList{u"schedule.start"_s};
    QTest::newRow("schedule cron missing")
        << QByteArray(R"({"name": "x", "schedule": {"catchup": true}})")
        << QStringList{u"schedule.cron"_s};
    QTest::newRow("max_active_runs zero")
        << QByteArray(R"({"name": "x", "schedule": {"cron": "@daily", "max_active_runs": 0}})")
        << QStringList{u"schedule.max_active_runs"_s};
    QTest::newRow("layout not a point")
        << QByteArray(R"({"name": "x", "layout": {"a": [1]}})") << QStringList{u"layout.a"_s};
    QTest::newRow("notes not an array")
        << QByteArray(R"({"name": "x", "notes": {"id": "n"}})") << QStringList{u"notes"_s};
    QTest::newRow("note without id")
        << QByteArray(R"({"name": "x", "notes": [{"text": "t", "pos": [0, 0]}]})")
        << QStringList{u"notes[0].id is required"_s};
    QTest::newRow("note without pos")
        << QByteArray(R"({"name": "x", "notes": [{"id": "n", "text": "t"}]})")
        << QStringList{u"notes[0].pos"_s};
    QTest::newRow("note size not positive")
        << QByteArray(R"({"name": "x", "notes": [{"id": "n", "pos": [0, 0], "size": [0, 5]}]})")
        << QStringList{u"notes[0].size"_s};
    QTest::newRow("unknown note field")
        << QByteArray(R"({"name": "x", "notes": [{"id": "n", "pos": [0, 0], "colour": 1}]})")
        << QStringList{u"notes[0].colour"_s, u"known"_s};
}

void TestPipelineDocument::wrongFieldLocated()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);

    auto doc = PipelineDocument::fromJson(json, kSource);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Invalid);
    const QString message = doc.error().message;
    QVERIFY2(message.startsWith(kSource + u": "_s), qPrintable(message));
    for (const QString &part : expected)
        QVERIFY2(message.contains(part), qPrintable(message + u" lacks "_s + part));
}

void TestPipelineDocument::notesAreOptional()
{
    // A file written before notes existed reads and writes back to the same bytes.
    auto old = PipelineDocument::fromJson(kFullDocument, kSource);
    QVERIFY(old.ok());
    QVERIFY(old->notes.isEmpty());
    const QByteArray written = old->toJson();
    QVERIFY(!written.contains("notes"));
    // A note gets its default size when none is given, and is written with it.
    auto noted = PipelineDocument::fromJson(
        R"({"name": "x", "notes": [{"id": "n", "text": "t", "pos": [1, 2]}]})", kSource);
    QVERIFY(noted.ok());
    QCOMPARE(noted->notes.size(), 1);
    QCOMPARE(noted->notes.first().size, QSizeF(200, 120));
    QCOMPARE(noted->notes.first().pos, QPointF(1, 2));
    QVERIFY(noted->toJson().contains(R"("size": [)"));
}

void TestPipelineDocument::loadMissingFile()
{
    auto doc = PipelineDocument::load(u"/nonexistent/dir/p.json"_s);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::NotFound);
    QVERIFY(doc.error().message.contains(u"/nonexistent/dir/p.json"_s));
}

void TestPipelineDocument::slugFor_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // empty: only check that the slug is sane

    QTest::newRow("plain") << u"Shapes classifier"_s << u"shapes-classifier"_s;
    QTest::newRow("digits and punctuation") << u"Model v2.1 (final)"_s << u"model-v2-1-final"_s;
    QTest::newRow("accents and spaces") << u"  Über  Test!! "_s << u"uber-test"_s;
    // No Latin letters: a stable name from the text's hash, so two such pipelines differ.
    QTest::newRow("chinese only") << u"形状分类器"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("punctuation only") << u"!!! ???"_s << QString();
    QTest::newRow("mixed chinese") << u"形状 classifier 2"_s << u"classifier-2"_s;
    // Cut at 64 characters right after a separator: no dash may be left at the end.
    QTest::newRow("long") << QString(u"a"_s.repeated(63) + u" bcd"_s) << u"a"_s.repeated(63);
}

void TestPipelineDocument::slugFor()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    const QString slug = PipelineDocument::slugFor(name);
    static const QRegularExpression sane(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    QVERIFY2(sane.match(slug).hasMatch(), qPrintable(slug));
    QVERIFY2(slug.size() <= 64, qPrintable(slug));
    if (!expected.isEmpty()) {
        QCOMPARE(slug, expected);
    } else {
        QVERIFY2(slug.startsWith(u"pipeline-"_s) && slug.size() == 17, qPrintable(slug));
        QCOMPARE(PipelineDocument::slugFor(name), slug); // stable
        QVERIFY(PipelineDocument::slugFor(name + u"2"_s) != slug);
    }
}

void TestPipelineDocument::diffNodeAddedAndRemoved()
{
    const PipelineDocument before = diffBase();
    PipelineDocument after = before;
    after.nodes.removeIf([](const NodeSpec &node) { return node.id == u"split"_s; });
    after.edges.clear();
    NodeSpec eval;
    eval.id = u"eval"_s;
    eval.templateRef = u"evaluate"_s;
    after.nodes.append(eval);

    const auto changes = PipelineDiff::compare(before, after);
    using Kind = PipelineChange::Kind;
    using Subject = PipelineChange::Subject;
    QVERIFY2(findChange(changes, Kind::Removed, Subject::Node, u"split"_s),
             qPrintable(describe(changes)));
    QVERIFY2(findChange(changes, Kind::Added, Subject::Node, u"eval"_s),
             qPrintable(describe(changes)));
    QVERIFY2(!findChange(changes, Kind::Changed, Subject::Node, u"train"_s),
             qPrintable(describe(changes)));
    QVERIFY(describe(changes).contains(u"+ node eval"_s));
    QVERIFY(describe(changes).contains(u"- node split"_s));
}

void TestPipelineDocument::diffParamChanged()
{
    const PipelineDocument before = diffBase();
    PipelineDocument after = before;
    after.nodes[1].params.insert(u"n_estimators"_s, 200);
    after.nodes[1].params.insert(u"target"_s, u"shape"_s);
    after.nodes[1].retries = 2;

    const auto changes = PipelineDiff::compare(before, after);
    QCOMPARE(changes.size(), 1);
    const PipelineChange &change = changes.first();
    QCOMPARE(change.kind, PipelineChange::Kind::Changed);
    QCOMPARE(change.subject, PipelineChange::Subject::Node);
    QCOMPARE(change.id, u"train"_s);
    QVERIFY2(change.details.contains(u"params.n_estimators: 100 → 200"_s),
             qPrintable(change.details.join(u" | "_s)));
    QVERIFY2(change.details.contains(u"params.target: (unset) → \"shape\""_s),
             qPrintable(change.details.join(u" | "_s)));
    QVERIFY2(change.details.contains(u"retries: 0 → 2"_s),
             qPrintable(change.details.join(u" | "_s)));
    QCOMPARE(change.details.size(), 3);
}

void TestPipelineDocument::diffEdgeAddedAndRemoved()
{
    const PipelineDocument before = diffBase();
    PipelineDocument after = before;
    after.edges = {{u"split"_s, u"test"_s, u"train"_s, u"table"_s}};

    const auto changes = PipelineDiff::compare(before, after);
    using Kind = PipelineChange::Kind;
    using Subject = PipelineChange::Subject;
    QCOMPARE(changes.size(), 2);
    QVERIFY2(findChange(changes, Kind::Removed, Subject::Edge, u"split.train → train.table"_s),
             qPrintable(describe(changes)));
    QVERIFY2(findChange(changes, Kind::Added, Subject::Edge, u"split.test → train.table"_s),
             qPrintable(describe(changes)));
}

void TestPipelineDocument::diffVariablesAndSchedule()
{
    const PipelineDocument before = diffBase();
    PipelineDocument after = before;
    after.variables.insert(u"seed"_s, u"7"_s);
    after.variables.insert(u"data"_s, u"/tmp"_s);
    after.schedule->cron = u"0 3 * * *"_s;

    auto changes = PipelineDiff::compare(before, after);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].subject, PipelineChange::Subject::Pipeline);
    QCOMPARE(changes[0].kind, PipelineChange::Kind::Changed);
    const QStringList details = changes[0].details;
    QVERIFY2(details.contains(u"variables.seed: \"42\" → \"7\""_s), qPrintable(details.join(u'|')));
    QVERIFY2(details.contains(u"variables.data: (unset) → \"/tmp\""_s),
             qPrintable(details.join(u'|')));
    QVERIFY2(details.contains(u"schedule: 0 2 * * * → 0 3 * * *"_s),
             qPrintable(details.join(u'|')));

    // Removing the schedule and a variable is a change too; a setting other than cron counts.
    PipelineDocument unscheduled = before;
    unscheduled.schedule.reset();
    unscheduled.variables.clear();
    changes = PipelineDiff::compare(before, unscheduled);
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes[0].details.join(u'|').contains(u"variables.seed: \"42\" → (unset)"_s),
             qPrintable(describe(changes)));
    QVERIFY2(changes[0].details.join(u'|').contains(u"schedule: 0 2 * * * →"_s),
             qPrintable(describe(changes)));

    PipelineDocument catchup = before;
    catchup.schedule->catchup = true;
    changes = PipelineDiff::compare(before, catchup);
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes[0].details.join(u'|').contains(u"schedule"_s), qPrintable(describe(changes)));
}

void TestPipelineDocument::diffLayoutOnlyIsNoChange()
{
    const PipelineDocument before = diffBase();
    PipelineDocument after = before;
    after.layout.insert(u"split"_s, QPointF(500, 500));
    after.layout.insert(u"ghost"_s, QPointF(1, 1));
    QVERIFY2(PipelineDiff::compare(before, after).isEmpty(),
             qPrintable(describe(PipelineDiff::compare(before, after))));
    QVERIFY(PipelineDiff::compare(before, before).isEmpty());
}

QTEST_GUILESS_MAIN(TestPipelineDocument)
#include "tst_pipelinedocument.moc"
