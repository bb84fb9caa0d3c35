#include "pipeline/graphgenerator.h"

#include "pipeline/autolayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <vector>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kGatherInputs = 8;

const char kGatherTemplate[] = R"json({
  "id": "bench-gather",
  "version": "1.0",
  "name": "Gather (generated graphs)",
  "category": "Testing",
  "description": "Takes up to eight upstream folders and runs a bash script; made by GraphGenerator for benchmarks and tests.",
  "inputs": [
    {"name": "in1", "type": "any", "optional": true}, {"name": "in2", "type": "any", "optional": true},
    {"name": "in3", "type": "any", "optional": true}, {"name": "in4", "type": "any", "optional": true},
    {"name": "in5", "type": "any", "optional": true}, {"name": "in6", "type": "any", "optional": true},
    {"name": "in7", "type": "any", "optional": true}, {"name": "in8", "type": "any", "optional": true}
  ],
  "outputs": [{"name": "out", "type": "directory"}],
  "params": [{"name": "script", "type": "text", "default": "true"}],
  "command": ["bash", "-c", "{params.script}"],
  "resources": {"cpus": 1, "memory_mb": 64, "gpus": 0},
  "requires": []
}
)json";

} // namespace

QString GraphGenerator::gatherTemplateRef()
{
    return u"bench-gather@1.0"_s;
}

Status GraphGenerator::writeTemplates(const QString &dir)
{
    const QString folder = dir + u"/bench-gather"_s;
    if (!QDir().mkpath(folder))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("GraphGenerator", "Cannot create %1").arg(folder));
    QFile file(folder + u"/template.json"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(kGatherTemplate) != qint64(sizeof(kGatherTemplate) - 1))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("GraphGenerator", "Cannot write %1: %2")
                             .arg(file.fileName(), file.errorString()));
    return {};
}

PipelineDocument GraphGenerator::generate(int nodes, int edges, quint32 seed)
{
    QRandomGenerator random(seed);
    PipelineDocument doc;
    doc.name = u"Generated %1 nodes, %2 links (seed %3)"_s.arg(nodes).arg(edges).arg(seed);
    doc.nodes.reserve(nodes);

    // Free input ports per node; shell and python take one link, gather eight.
    std::vector<QStringList> freeInputs(size_t(std::max(0, nodes)));
    QHash<QString, QSizeF> sizes;
    for (int i = 0; i < nodes; ++i) {
        NodeSpec node;
        node.id = u"n"_s + QString::number(i);
        const quint32 kind = random.bounded(4u);
        if (kind < 2) {
            node.templateRef = gatherTemplateRef();
            node.params.insert(u"script"_s, u"echo %1"_s.arg(node.id));
            for (int p = 1; p <= kGatherInputs; ++p)
                freeInputs[size_t(i)].append(u"in"_s + QString::number(p));
            sizes.insert(node.id, NodeMetrics::sizeFor(kGatherInputs, 1));
        } else if (kind == 2) {
            node.templateRef = u"shell@1.0"_s;
            node.params.insert(u"script"_s,
                               u"echo %1 > \"$ATELIER_OUTPUT_OUT/out.txt\""_s.arg(node.id));
            freeInputs[size_t(i)].append(u"in"_s);
            sizes.insert(node.id, NodeMetrics::sizeFor(1, 1));
        } else {
            node.templateRef = u"python@1.0"_s;
            node.params.insert(u"script"_s, u"print(%1)"_s.arg(i));
            freeInputs[size_t(i)].append(u"in"_s);
            sizes.insert(node.id, NodeMetrics::sizeFor(1, 1));
        }
        doc.nodes.append(node);
    }

    // Links go from a lower to a higher number (a DAG), mostly between near neighbours, so
    // the graph is deep rather than one wide fan.
    QSet<quint64> linked;
    std::vector<int> open; // nodes with a free input, except n0
    for (int i = 1; i < nodes; ++i)
        open.push_back(i);
    int attempts = 0;
    while (int(doc.edges.size()) < edges && !open.empty() && attempts < edges * 20) {
        ++attempts;
        const size_t slot = random.bounded(quint32(open.size()));
        const int to = open[slot];
        const int window = std::min(to, 40);
        const int from = to - 1 - int(random.bounded(quint32(window)));
        const quint64 pair = (quint64(quint32(from)) << 32) | quint32(to);
        if (linked.contains(pair))
            continue;
        linked.insert(pair);
        QStringList &ports = freeInputs[size_t(to)];
        const QString port = ports.takeFirst();
        doc.edges.append(EdgeSpec{doc.nodes[from].id, u"out"_s, doc.nodes[to].id, port});
        if (ports.isEmpty()) {
            open[slot] = open.back();
            open.pop_back();
        }
    }

    doc.layout = AutoLayout::compute(doc, [&sizes](const QString &id) { return sizes.value(id); });
    return doc;
}

} // namespace atelier
