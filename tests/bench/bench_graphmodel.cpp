// The canvas's graph model, headless, on a generated 2,000-node / 4,000-link pipeline; each
// figure beside an anchor measured in the same run (the least work the same step needs):
//  open       JSON parsed into a PipelineDocument and loaded into GraphModel (indexes, template
//             cache), beside QJsonDocument::fromJson of the same bytes. Part of the 500 ms open.
//  layout     GraphModel::autoLayout (layers, ordering, placement, one undo step), beside
//             PipelineValidator::topologicalOrder of the same graph. Goal < 100 ms.
//  move       one node's live position while dragging (previewPositions, nodeMoved emitted),
//             p95 of 1,000 moves, beside a QHash insert. Part of the 8 ms per move.
//  link drag  compatiblePorts for a link dragged from an output (cycle-safe targets in one pass)
//             and canConnect on a refused cycle (worst case: a path search), beside one
//             breadth-first pass over the links.
//  delete     select all, delete (one step) and undo, beside loading the document again.
//  paste      copy everything as clipboard JSON and paste it (ids remapped), beside load.
// Usage: bench_graphmodel
#include "pipeline/graphgenerator.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/templatelibrary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <functional>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr int Nodes = 2000;
constexpr int Edges = 4000;
constexpr int Runs = 7;

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype i = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(values.size()))) - 1,
                                              0, values.size() - 1);
    return values.at(i);
}

/// Median of \a runs timings of \a work (ms).
double median(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(msSince(timer));
    }
    return percentile(times, 0.5);
}

void line(const char *what, double value, double anchor, const char *anchorName, const char *goal)
{
    std::printf("%-34s %10.4f ms   anchor %-26s %10.4f ms   ratio %6.1fx   %s\n", what, value,
                anchorName, anchor, anchor > 0 ? value / anchor : 0.0, goal);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid() || !GraphGenerator::writeTemplates(dir.path())) {
        std::fprintf(stderr, "bench_graphmodel: cannot write the generator's template\n");
        return 1;
    }
    TemplateLibrary library;
    library.addDirectory(TemplateLibrary::builtinDirectory());
    library.addDirectory(dir.path());
    const QByteArray json = generateGraph(Nodes, Edges, 1).toJson();
    std::printf("== Graph model: %d nodes, %d links (median of %d unless p95)\n", Nodes, Edges,
                Runs);

    // open
    const double parse = median(Runs, [&] { (void)QJsonDocument::fromJson(json); });
    const double open = median(Runs, [&] {
        GraphModel model(library);
        model.setDocument(PipelineDocument::fromJson(json, u"bench"_s).value());
        for (const NodeSpec &node : model.nodes())
            (void)model.templateOf(node.id); // what the scene asks for each card
    });
    line("open (parse + load)", open, parse, "QJsonDocument::fromJson", "part of <= 500 ms");

    GraphModel model(library);
    model.setDocument(PipelineDocument::fromJson(json, u"bench"_s).value());

    // layout
    const double topo =
        median(Runs, [&] { (void)PipelineValidator::topologicalOrder(model.document()); });
    const NodeSizeFunction size = [&model](const QString &id) { return model.defaultNodeSize(id); };
    const double compute = median(Runs, [&] { (void)AutoLayout::compute(model.document(), size); });
    line("AutoLayout::compute", compute, topo, "topologicalOrder", "goal < 100 ms");
    QPointF shift(0, 0);
    const double layout = median(Runs, [&] {
        // Move everything first so that each run lays out (and pushes) for real.
        shift += QPointF(1, 0);
        QMap<QString, QPointF> to;
        for (const NodeSpec &node : model.nodes())
            to.insert(node.id, model.position(node.id) + shift);
        model.previewPositions(to);
        model.autoLayout();
    });
    line("auto-layout (one undo step)", layout, topo, "topologicalOrder", "goal < 100 ms");

    // move
    const QString dragged = model.nodes().at(Nodes / 2).id;
    QList<double> moves;
    QList<double> anchors;
    QHash<QString, QPointF> plain;
    const QPointF start = model.position(dragged);
    for (int i = 0; i < 1000; ++i) {
        const QPointF at = start + QPointF(i % 50, i / 50);
        QElapsedTimer timer;
        timer.start();
        plain.insert(dragged, at);
        anchors.append(msSince(timer));
        timer.restart();
        model.previewPositions({{dragged, at}});
        moves.append(msSince(timer));
    }
    model.moveItems({{dragged, start}}, {{dragged, model.position(dragged)}});
    line("move one node, p95", percentile(moves, 0.95), percentile(anchors, 0.95),
         "QHash insert, p95", "part of <= 8 ms");

    // link drag
    const double bfs = median(Runs, [&] {
        QSet<QString> seen;
        std::deque<QString> queue{model.nodes().first().id};
        while (!queue.empty()) {
            const QString at = queue.front();
            queue.pop_front();
            for (const EdgeSpec &edge : model.outEdges(at)) {
                if (!seen.contains(edge.toNode)) {
                    seen.insert(edge.toNode);
                    queue.push_back(edge.toNode);
                }
            }
        }
    });
    const PortRef source{model.nodes().at(Nodes / 2).id, u"out"_s, true};
    qsizetype targets = 0;
    const double ports = median(Runs, [&] { targets = model.compatiblePorts(source).size(); });
    line("compatiblePorts (drag start)", ports, bfs, "one BFS over the links", "once per drag");
    // A link from the last node back to the first closes a long cycle: the refusal searches.
    const QString first = model.nodes().first().id;
    const EdgeSpec back{model.nodes().last().id, u"out"_s, first, model.inputs(first).first().name};
    QString reason;
    const double refuse = median(Runs, [&] { reason = model.canConnect(back); });
    line("canConnect, cycle refused", refuse, bfs, "one BFS over the links", "per hovered port");

    // delete all + undo
    const double load = median(Runs, [&] {
        GraphModel other(library);
        other.setDocument(PipelineDocument::fromJson(json, u"bench"_s).value());
    });
    const QStringList all = model.nodeIds();
    const double removeUndo = median(3, [&] {
        model.removeItems(all);
        model.undoStack()->undo();
    });
    line("delete all nodes + undo", removeUndo, load, "open (parse + load)", "one step each");

    // paste
    QByteArray clip;
    const double copy = median(3, [&] { clip = model.copyText(all); });
    line("copy all as JSON text", copy, load, "open (parse + load)", "one clipboard write");
    const double paste = median(3, [&] {
        (void)model.pasteText(clip, QPointF(0, 5000));
        model.undoStack()->undo();
    });
    line("copy all, paste + undo", paste, load, "open (parse + load)", "one step");

    std::printf("(%lld cycle-safe targets for %s.out; refusal: %s)\n", qlonglong(targets),
                qPrintable(source.node), qPrintable(reason.left(60)));
    return 0;
}
