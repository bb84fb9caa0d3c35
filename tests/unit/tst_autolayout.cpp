#include "pipeline/autolayout.h"
#include "pipeline/graphgenerator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLineF>
#include <QRandomGenerator>
#include <QRectF>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

/// A random DAG: links only from a lower to a higher number, some nodes left alone.
PipelineDocument randomDag(int nodes, int edges, quint32 seed)
{
    QRandomGenerator random(seed);
    PipelineDocument doc;
    doc.name = u"Random"_s;
    for (int i = 0; i < nodes; ++i)
        doc.nodes.append(NodeSpec{u"n%1"_s.arg(i), {}, u"shell"_s, {}, {}, 0, 0, false, {}, {}});
    for (int e = 0; e < edges && nodes > 1; ++e) {
        const int to = 1 + int(random.bounded(quint32(nodes - 1)));
        const int from = int(random.bounded(quint32(to)));
        doc.edges.append({u"n%1"_s.arg(from), u"out"_s, u"n%1"_s.arg(to), u"in%1"_s.arg(e)});
    }
    return doc;
}

/// Sizes that differ per node, so that columns and stacks must use them.
QSizeF sizeOf(const QString &id)
{
    const int n = id.mid(1).toInt();
    return {160.0 + (n % 5) * 30, 60.0 + (n % 7) * 25};
}

/// Pairs of overlapping rectangles (sweep over x, so 2,000 nodes stay quick).
QStringList overlaps(const QMap<QString, QPointF> &positions, const NodeSizeFunction &size)
{
    QList<QPair<QRectF, QString>> rects;
    for (auto it = positions.begin(); it != positions.end(); ++it)
        rects.append({QRectF(it.value(), size(it.key())), it.key()});
    std::sort(rects.begin(), rects.end(),
              [](const auto &a, const auto &b) { return a.first.left() < b.first.left(); });
    QStringList found;
    for (qsizetype i = 0; i < rects.size(); ++i) {
        for (qsizetype j = i + 1; j < rects.size(); ++j) {
            if (rects[j].first.left() >= rects[i].first.right())
                break;
            if (rects[i].first.intersects(rects[j].first))
                found.append(rects[i].second + u" × "_s + rects[j].second);
        }
    }
    return found;
}

} // namespace

class TestAutoLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomDags_data();
    void randomDags();
    void cyclesStillPlaceEveryNode();
    void barycentreCutsCrossings();
    void emptyAndSingle();
    void generatedGraph();
};

void TestAutoLayout::randomDags_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("small") << 6 << 7 << 1u;
    QTest::newRow("sparse") << 80 << 40 << 2u;
    QTest::newRow("dense") << 60 << 400 << 3u;
    QTest::newRow("medium") << 300 << 600 << 4u;
    QTest::newRow("no links") << 25 << 0 << 5u;
}

void TestAutoLayout::randomDags()
{
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(quint32, seed);
    const PipelineDocument doc = randomDag(nodes, edges, seed);
    AutoLayoutOptions options;
    options.origin = QPointF(40, 20);
    const QMap<QString, QPointF> positions = AutoLayout::compute(doc, sizeOf, options);
    QCOMPARE(positions.size(), nodes);

    const QStringList overlapping = overlaps(positions, sizeOf);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping.join(u", "_s)));
    // Left to right: every link ends in a column right of where it starts, with the gap.
    for (const EdgeSpec &edge : doc.edges) {
        const qreal end = positions.value(edge.fromNode).x() + sizeOf(edge.fromNode).width();
        QVERIFY2(end + options.layerSpacing <= positions.value(edge.toNode).x() + 1e-9,
                 qPrintable(edge.fromText() + u" → "_s + edge.toText()));
    }
    // Sources (no upstream) sit in the first column.
    for (const NodeSpec &node : doc.nodes) {
        const bool source = std::none_of(doc.edges.cbegin(), doc.edges.cend(),
                                         [&](const EdgeSpec &e) { return e.toNode == node.id; });
        if (source)
            QCOMPARE(positions.value(node.id).x(), options.origin.x());
        QVERIFY(positions.value(node.id).y() >= options.origin.y());
    }
    // The same input, the same layout.
    QCOMPARE(AutoLayout::compute(doc, sizeOf, options), positions);
}

void TestAutoLayout::cyclesStillPlaceEveryNode()
{
    PipelineDocument doc = randomDag(30, 50, 9);
    doc.edges.append({u"n29"_s, u"out"_s, u"n0"_s, u"back"_s});
    doc.edges.append({u"n5"_s, u"out"_s, u"n5"_s, u"self"_s});
    doc.edges.append({u"ghost"_s, u"out"_s, u"n3"_s, u"in"_s});
    const QMap<QString, QPointF> positions = AutoLayout::compute(doc, sizeOf);
    QCOMPARE(positions.size(), 30);
    QVERIFY(overlaps(positions, sizeOf).isEmpty());
}

void TestAutoLayout::barycentreCutsCrossings()
{
    // Links drawn as straight lines from the source's right side to the target's left side;
    // two links that share no node and whose lines intersect cross.
    auto crossings = [](const PipelineDocument &doc, const QMap<QString, QPointF> &at) {
        const QSizeF size = NodeMetrics::sizeFor(1, 1);
        QList<QLineF> lines;
        for (const EdgeSpec &e : doc.edges)
            lines.append(QLineF(at[e.fromNode] + QPointF(size.width(), size.height() / 2),
                                at[e.toNode] + QPointF(0, size.height() / 2)));
        int count = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            for (qsizetype j = i + 1; j < lines.size(); ++j) {
                const EdgeSpec &e = doc.edges[i];
                const EdgeSpec &f = doc.edges[j];
                if (e.fromNode == f.fromNode || e.toNode == f.toNode || e.toNode == f.fromNode ||
                    e.fromNode == f.toNode)
                    continue;
                if (lines[i].intersects(lines[j]) == QLineF::BoundedIntersection)
                    ++count;
            }
        }
        return count;
    };
    const PipelineDocument doc = randomDag(120, 200, 21);
    AutoLayoutOptions none;
    none.sweeps = 0;
    const int before = crossings(doc, AutoLayout::compute(doc, {}, none));
    const int after = crossings(doc, AutoLayout::compute(doc));
    qInfo("crossing links: %d without ordering, %d with", before, after);
    QVERIFY2(after < before, qPrintable(u"%1 → %2"_s.arg(before).arg(after)));
}

void TestAutoLayout::emptyAndSingle()
{
    QVERIFY(AutoLayout::compute(PipelineDocument{}).isEmpty());
    PipelineDocument one = randomDag(1, 0, 1);
    AutoLayoutOptions options;
    options.origin = {7, 9};
    QCOMPARE(AutoLayout::compute(one, {}, options).value(u"n0"_s), QPointF(7, 9));
}

void TestAutoLayout::generatedGraph()
{
    // The benchmark graph: 2,000 nodes, 4,000 links, no overlaps, links left to right.
    const PipelineDocument doc = generateGraph(2000, 4000, 11);
    const NodeSizeFunction size = [](const QString &) { return NodeMetrics::sizeFor(8, 1); };
    QElapsedTimer timer;
    timer.start();
    const QMap<QString, QPointF> positions = AutoLayout::compute(doc, size);
    qInfo("auto-layout of 2,000 nodes / 4,000 links: %lld ms", timer.elapsed());
    QCOMPARE(positions.size(), 2000);
    QVERIFY(overlaps(positions, size).isEmpty());
    for (const EdgeSpec &edge : doc.edges)
        QVERIFY(positions.value(edge.fromNode).x() < positions.value(edge.toNode).x());
}

QTEST_GUILESS_MAIN(TestAutoLayout)
#include "tst_autolayout.moc"
