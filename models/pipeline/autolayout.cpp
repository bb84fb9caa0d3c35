#include "pipeline/autolayout.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <deque>

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
    // A proper layering for ordering: a link spanning several columns goes through one
    // virtual node per column it crosses (Sugiyama). Virtual nodes take no room in the end.
    std::vector<int> level(layer);
    std::vector<std::vector<int>> below(count); // links to the next column
    std::vector<std::vector<int>> above(count); // links from the previous column
    auto addVirtual = [&](int at) {
        level.push_back(at);
        below.emplace_back();
        above.emplace_back();
        return int(level.size()) - 1;
    };
    for (int v : order) {
        for (int child : down[v]) {
            if (rank[child] < rank[v])
                continue; // closes a cycle: ignored
            int from = v;
            for (int at = layer[v] + 1; at < layer[child]; ++at) {
                const int virt = addVirtual(at);
                below[from].push_back(virt);
                above[virt].push_back(from);
                from = virt;
            }
            below[from].push_back(child);
            above[child].push_back(from);
        }
    }
    const int total = int(level.size());
    std::vector<std::vector<int>> columns(layers);
    for (int v : order)
        columns[layer[v]].push_back(v);
    for (int v = count; v < total; ++v)
        columns[level[v]].push_back(v);

    // Barycentre ordering: each node goes to the mean place of its neighbours in the column
    // before (down sweep) or after (up sweep); the order with the fewest crossings is kept.
    std::vector<int> place(total, 0);
    auto renumber = [&](const std::vector<int> &column) {
        for (size_t i = 0; i < column.size(); ++i)
            place[column[i]] = int(i);
    };
    for (const auto &column : columns)
        renumber(column);
    std::vector<double> key(total, 0);
    auto sortBy = [&](std::vector<int> &column, const std::vector<std::vector<int>> &neighbours) {
        for (int v : column) {
            const auto &list = neighbours[v];
            double sum = 0;
            for (int w : list)
                sum += place[w];
            key[v] = list.empty() ? place[v] : sum / double(list.size());
        }
        std::stable_sort(column.begin(), column.end(),
                         [&](int a, int b) { return key[a] < key[b]; });
        renumber(column);
    };
    // Crossings between two neighbouring columns: inversions of the lower ends when the links
    // are sorted by their upper ends (a Fenwick tree, E log V).
    std::vector<int> tree;
    std::vector<std::pair<int, int>> links;
    auto crossings = [&]() {
        qint64 result = 0;
        for (int l = 0; l + 1 < layers; ++l) {
            // The column is in order already: only each node's own links need sorting.
            links.clear();
            for (int v : columns[l]) {
                const size_t first = links.size();
                for (int w : below[v])
                    links.emplace_back(place[v], place[w]);
                std::sort(links.begin() + qsizetype(first), links.end());
            }
            const size_t size = columns[l + 1].size();
            tree.assign(size + 1, 0);
            qint64 seen = 0;
            for (const auto &[top, bottom] : links) {
                qint64 notAbove = 0; // earlier links ending at or before `bottom`
                for (size_t i = size_t(bottom) + 1; i > 0; i -= i & (~i + 1))
                    notAbove += tree[i];
                result += seen - notAbove;
                for (size_t i = size_t(bottom) + 1; i <= size; i += i & (~i + 1))
                    ++tree[i];
                ++seen;
            }
        }
        return result;
    };
    qint64 best = crossings();
    std::vector<std::vector<int>> bestColumns = columns;
    for (int sweep = 0; sweep < options.sweeps && best > 0; ++sweep) {
        for (int l = 1; l < layers; ++l)
            sortBy(columns[l], above);
        for (int l = layers - 2; l >= 0; --l)
            sortBy(columns[l], below);
        if (const qint64 now = crossings(); now < best) {
            best = now;
            bestColumns = columns;
        }
    }
    columns = std::move(bestColumns);

    // Coordinates. Columns are as wide as their widest node. The first column is stacked
    // from the top; in the next ones each node aims at the mean height of the nodes feeding
    // it, so links run nearly level, and is pushed down just enough not to overlap the node
    // above it (the order stays the one chosen above).
    std::vector<QSizeF> sizes(count);
    for (int v = 0; v < count; ++v) {
        QSizeF s = size ? size(ids[v]) : NodeMetrics::sizeFor(1, 1);
        if (!s.isValid() || s.isEmpty())
            s = NodeMetrics::sizeFor(1, 1);
        sizes[v] = s;
    }
    std::vector<qreal> centre(count, 0);
    QMap<QString, QPointF> positions;
    qreal x = options.origin.x();
    for (int l = 0; l < layers; ++l) {
        qreal width = 0;
        qreal bottom = options.origin.y() - options.nodeSpacing; // of the node above
        for (int v : columns[l]) {
            if (v >= count)
                continue;
            const qreal height = sizes[v].height();
            qreal top = bottom + options.nodeSpacing;
            double sum = 0;
            int feeding = 0;
            for (int parent : up[v]) {
                if (rank[parent] < rank[v]) {
                    sum += centre[parent];
                    ++feeding;
                }
            }
            if (feeding)
                top = std::max(top, sum / feeding - height / 2);
            centre[v] = top + height / 2;
            bottom = top + height;
            positions.insert(ids[v], QPointF(x, top));
            width = std::max(width, sizes[v].width());
        }
        x += width + options.layerSpacing;
    }
    return positions;
}

} // namespace atelier
