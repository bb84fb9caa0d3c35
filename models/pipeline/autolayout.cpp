#include "pipeline/autolayout.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <deque>
#include <numeric>

namespace atelier {

QMap<QString, QPointF> AutoLayout::compute(const PipelineDocument &doc,
                                           const NodeSizeFunction &size,
                                           const AutoLayoutOptions &options)
{
    const int n = int(doc.nodes.size());
    QHash<QString, int> index;
    index.reserve(n);
    QStringList ids;
    ids.reserve(n);
    for (const NodeSpec &node : doc.nodes) {
        if (index.contains(node.id))
            continue;
        index.insert(node.id, int(ids.size()));
        ids.append(node.id);
    }
    const int count = int(ids.size());
    std::vector<std::vector<int>> down(count);
    std::vector<std::vector<int>> up(count);
    std::vector<int> indegree(count, 0);
    for (const EdgeSpec &edge : doc.edges) {
        const int from = index.value(edge.fromNode, -1);
        const int to = index.value(edge.toNode, -1);
        if (from < 0 || to < 0 || from == to)
            continue;
        down[from].push_back(to);
        up[to].push_back(from);
        ++indegree[to];
    }

    // Kahn's order; a cycle is broken at its first node in document order.
    std::vector<int> order;
    order.reserve(count);
    std::vector<int> rank(count, -1); // place in `order`
    std::deque<int> ready;
    for (int i = 0; i < count; ++i) {
        if (indegree[i] == 0)
            ready.push_back(i);
    }
    int nextForced = 0;
    while (int(order.size()) < count) {
        if (ready.empty()) {
            while (rank[nextForced] >= 0 || indegree[nextForced] == 0)
                ++nextForced;
            indegree[nextForced] = 0;
            ready.push_back(nextForced);
        }
        const int v = ready.front();
        ready.pop_front();
        if (rank[v] >= 0)
            continue;
        rank[v] = int(order.size());
        order.push_back(v);
        for (int child : down[v]) {
            if (rank[child] < 0 && --indegree[child] == 0)
                ready.push_back(child);
        }
    }

    // Longest-path layers over forward links only (links closing a cycle are ignored).
    std::vector<int> layer(count, 0);
    int layers = count > 0 ? 1 : 0;
    for (int v : order) {
        for (int parent : up[v]) {
            if (rank[parent] < rank[v])
                layer[v] = std::max(layer[v], layer[parent] + 1);
        }
        layers = std::max(layers, layer[v] + 1);
    }
    std::vector<std::vector<int>> columns(layers);
    for (int v : order)
        columns[layer[v]].push_back(v);

    // Barycentre ordering: each node goes to the mean place of its neighbours in the layers
    // already ordered, down then up, a few times.
    std::vector<double> place(count, 0);
    auto renumber = [&](const std::vector<int> &column) {
        for (size_t i = 0; i < column.size(); ++i)
            place[column[i]] = double(i);
    };
    for (const auto &column : columns)
        renumber(column);
    std::vector<double> key(count, 0);
    auto sortBy = [&](std::vector<int> &column, const std::vector<std::vector<int>> &neighbours,
                      bool before) {
        for (int v : column) {
            double sum = 0;
            int seen = 0;
            for (int w : neighbours[v]) {
                if (before ? layer[w] < layer[v] : layer[w] > layer[v]) {
                    sum += place[w];
                    ++seen;
                }
            }
            key[v] = seen ? sum / seen : place[v];
        }
        std::stable_sort(column.begin(), column.end(),
                         [&](int a, int b) { return key[a] < key[b]; });
        renumber(column);
    };
    for (int sweep = 0; sweep < options.sweeps; ++sweep) {
        for (int l = 1; l < layers; ++l)
            sortBy(columns[l], up, true);
        for (int l = layers - 2; l >= 0; --l)
            sortBy(columns[l], down, false);
    }

    // Coordinates: columns as wide as their widest node, nodes stacked without overlap, each
    // column centred on the tallest one.
    std::vector<QSizeF> sizes(count);
    for (int v = 0; v < count; ++v) {
        QSizeF s = size ? size(ids[v]) : NodeMetrics::sizeFor(1, 1);
        if (!s.isValid() || s.isEmpty())
            s = NodeMetrics::sizeFor(1, 1);
        sizes[v] = s;
    }
    std::vector<qreal> heights(layers, 0);
    qreal tallest = 0;
    for (int l = 0; l < layers; ++l) {
        for (int v : columns[l])
            heights[l] += sizes[v].height();
        if (!columns[l].empty())
            heights[l] += options.nodeSpacing * qreal(columns[l].size() - 1);
        tallest = std::max(tallest, heights[l]);
    }
    QMap<QString, QPointF> positions;
    qreal x = options.origin.x();
    for (int l = 0; l < layers; ++l) {
        qreal width = 0;
        qreal y = options.origin.y() + (tallest - heights[l]) / 2;
        for (int v : columns[l]) {
            positions.insert(ids[v], QPointF(x, y));
            y += sizes[v].height() + options.nodeSpacing;
            width = std::max(width, sizes[v].width());
        }
        x += width + options.layerSpacing;
    }
    return positions;
}

} // namespace atelier
