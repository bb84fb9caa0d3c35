#include "pipeline/pipelinevalidator.h"

#include "pipeline/cron.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/templatelibrary.h"
#include "pipeline/templatespec.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <deque>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// Adjacency by node index; edges to unknown nodes are left out (reported separately).
struct Graph
{
    QStringList ids;
    QList<QList<int>> downstream;
    QList<int> indegree;
};

Graph buildGraph(const PipelineDocument &doc)
{
    Graph graph;
    QHash<QString, int> index;
    for (const NodeSpec &node : doc.nodes) {
        if (index.contains(node.id))
            continue;
        index.insert(node.id, int(graph.ids.size()));
        graph.ids.append(node.id);
    }
    graph.downstream.resize(graph.ids.size());
    graph.indegree.resize(graph.ids.size());
    for (const EdgeSpec &edge : doc.edges) {
        const int from = index.value(edge.fromNode, -1);
        const int to = index.value(edge.toNode, -1);
        if (from < 0 || to < 0)
            continue;
        graph.downstream[from].append(to);
        ++graph.indegree[to];
    }
    return graph;
}

QSet<QString> referencedVariables(const QJsonValue &value)
{
    static const QRegularExpression pattern(
        u"\\{\\{\\s*variables\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"_s);
    QSet<QString> names;
    if (value.isString()) {
        for (auto it = pattern.globalMatch(value.toString()); it.hasNext();)
            names.insert(it.next().captured(1));
    }
    return names;
}

} // namespace

QString ValidationIssue::toString() const
{
    QString where;
    if (!node.isEmpty())
        where = PipelineValidator::tr("node %1").arg(node);
    else if (edge >= 0)
        where = PipelineValidator::tr("edge %1").arg(edge + 1);
    if (!field.isEmpty())
        where = where.isEmpty() ? field : where + u", "_s + field;
    return where.isEmpty() ? message : where + u": "_s + message;
}

QString PipelineValidator::checkField(const PipelineDocument &doc, const TemplateSpec &spec,
                                      const QString &field, const QJsonValue &value)
{
    if (field.startsWith(u"params."_s)) {
        const QString name = field.mid(7);
        const ParamSpec *param = spec.param(name);
        if (!param) {
            QStringList known;
            for (const ParamSpec &p : spec.params)
                known.append(p.name);
            return tr("%1 has no parameter \"%2\" (it has: %3)")
                .arg(spec.ref(), name, known.join(u", "_s));
        }
        if (value.isUndefined()) {
            // Not set: the default applies. A param without a default holds a null QJsonValue.
            if (param->required &&
                (param->defaultValue.isUndefined() || param->defaultValue.isNull()))
                return tr("is required");
            return {};
        }
        if (const QString reason = TemplateSpec::checkValue(*param, value); !reason.isEmpty())
            return reason;
        for (const QString &variable : referencedVariables(value)) {
            if (!doc.variables.contains(variable))
                return tr("uses {{variables.%1}}, which the pipeline does not define")
                    .arg(variable);
        }
        return {};
    }
    if (field.startsWith(u"resources."_s)) {
        static const QStringList keys = {u"cpus"_s, u"memory_mb"_s, u"gpus"_s, u"nodes"_s,
                                         u"processes_per_node"_s};
        if (!keys.contains(field.mid(10)))
            return tr("is not a resource (use cpus, memory_mb, gpus, nodes or "
                      "processes_per_node)");
        if (value.isUndefined())
            return {};
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number != double(qint64(number)))
            return tr("must be a whole number, 0 or more");
        return {};
    }
    if (field == u"retries"_s || field == u"timeout_s"_s) {
        if (value.isUndefined())
            return {};
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > 1e9 || number != double(qint64(number)))
            return tr("must be a whole number, 0 or more");
        return {};
    }
    return {};
}

QStringList PipelineValidator::findCycle(const PipelineDocument &doc)
{
    const Graph graph = buildGraph(doc);
    const qsizetype n = graph.ids.size();
    // Iterative DFS with colours: 0 unseen, 1 on the stack, 2 done.
    QList<int> colour(n, 0);
    QList<int> parent(n, -1);
    for (int root = 0; root < n; ++root) {
        if (colour[root])
            continue;
        std::vector<std::pair<int, int>> stack{{root, 0}};
        colour[root] = 1;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next < graph.downstream[node].size()) {
                const int child = graph.downstream[node][next++];
                if (colour[child] == 1) {
                    QStringList cycle{graph.ids[child]};
                    for (int at = node; at != child; at = parent[at])
                        cycle.prepend(graph.ids[at]);
                    cycle.prepend(graph.ids[child]);
                    return cycle;
                }
                if (colour[child] == 0) {
                    colour[child] = 1;
                    parent[child] = node;
                    stack.emplace_back(child, 0);
                }
            } else {
                colour[node] = 2;
                stack.pop_back();
            }
        }
    }
    return {};
}

Result<QStringList> PipelineValidator::topologicalOrder(const PipelineDocument &doc)
{
    Graph graph = buildGraph(doc);
    std::deque<int> ready;
    for (int i = 0; i < graph.ids.size(); ++i) {
        if (graph.indegree[i] == 0)
            ready.push_back(i);
    }
    QStringList order;
    order.reserve(graph.ids.size());
    while (!ready.empty()) {
        const int node = ready.front();
        ready.pop_front();
        order.append(graph.ids[node]);
        for (int child : std::as_const(graph.downstream[node])) {
            if (--graph.indegree[child] == 0)
                ready.push_back(child);
        }
    }
    if (order.size() != graph.ids.size())
        return makeError(ErrorCode::Invalid,
                         tr("The pipeline has a cycle: %1. Remove one of its links.")
                             .arg(findCycle(doc).join(u" → "_s)));
    return order;
}

QList<ValidationIssue> PipelineValidator::validate(const PipelineDocument &doc,
                                                   const TemplateLibrary &library)
{
    static const QRegularExpression idPattern(u"^[A-Za-z_][A-Za-z0-9_-]*$"_s);
    QList<ValidationIssue> issues;
    auto add = [&](const QString &node, int edge, const QString &field, const QString &message) {
        issues.append({node, edge, field, message});
    };

    if (doc.name.trimmed().isEmpty())
        add({}, -1, u"name"_s, tr("the pipeline needs a name"));

    QHash<QString, TemplateSpec> templates; // node id → resolved template
    QSet<QString> seen;
    for (const NodeSpec &node : doc.nodes) {
        if (!idPattern.match(node.id).hasMatch())
            add(node.id, -1, u"id"_s,
                tr("\"%1\" is not a valid id (letters, digits, _ and -, not starting with a "
                   "digit)")
                    .arg(node.id));
        if (seen.contains(node.id)) {
            add(node.id, -1, u"id"_s, tr("the id is used by another node"));
            continue;
        }
        seen.insert(node.id);

        auto spec = library.resolve(node.templateRef);
        if (!spec) {
            add(node.id, -1, u"template"_s, spec.error().message);
            continue;
        }
        templates.insert(node.id, spec.value());

        for (auto it = node.params.begin(); it != node.params.end(); ++it) {
            if (const QString reason =
                    checkField(doc, spec.value(), u"params."_s + it.key(), it.value());
                !reason.isEmpty())
                add(node.id, -1, u"params."_s + it.key(), reason);
        }
        for (const ParamSpec &param : spec->params) {
            if (node.params.contains(param.name))
                continue;
            if (const QString reason = checkField(doc, spec.value(), u"params."_s + param.name,
                                                  QJsonValue(QJsonValue::Undefined));
                !reason.isEmpty())
                add(node.id, -1, u"params."_s + param.name, reason);
        }
        for (auto it = node.resources.begin(); it != node.resources.end(); ++it) {
            if (const QString reason =
                    checkField(doc, spec.value(), u"resources."_s + it.key(), it.value());
                !reason.isEmpty())
                add(node.id, -1, u"resources."_s + it.key(), reason);
        }
    }

    QHash<QString, int> incoming; // "node.port" → edges into it
    for (int i = 0; i < doc.edges.size(); ++i) {
        const EdgeSpec &edge = doc.edges[i];
        const bool fromKnown = seen.contains(edge.fromNode);
        const bool toKnown = seen.contains(edge.toNode);
        if (!fromKnown)
            add({}, i, u"from"_s,
                tr("links from %1, but there is no node \"%2\"")
                    .arg(edge.fromText(), edge.fromNode));
        if (!toKnown)
            add({}, i, u"to"_s,
                tr("links to %1, but there is no node \"%2\"").arg(edge.toText(), edge.toNode));
        if (!fromKnown || !toKnown)
            continue;
        if (edge.fromNode == edge.toNode) {
            add({}, i, {}, tr("links %1 to itself").arg(edge.fromNode));
            continue;
        }
        const auto fromSpec = templates.constFind(edge.fromNode);
        const auto toSpec = templates.constFind(edge.toNode);
        if (fromSpec == templates.cend() || toSpec == templates.cend())
            continue; // the unknown template is already reported
        const PortSpec *out = fromSpec->output(edge.fromPort);
        const PortSpec *in = toSpec->input(edge.toPort);
        if (!out)
            add({}, i, u"from"_s,
                tr("%1 has no output port \"%2\"").arg(fromSpec->ref(), edge.fromPort));
        if (!in)
            add({}, i, u"to"_s, tr("%1 has no input port \"%2\"").arg(toSpec->ref(), edge.toPort));
        if (out && in && !TemplateSpec::portsCompatible(out->type, in->type))
            add({}, i, {},
                tr("cannot link %1 (%2) to %3 (%4): the port types do not fit")
                    .arg(edge.fromText(), out->type, edge.toText(), in->type));
        if (++incoming[edge.toText()] == 2)
            add({}, i, u"to"_s, tr("%1 already has a link; an input takes one").arg(edge.toText()));
    }

    for (const NodeSpec &node : doc.nodes) {
        const auto spec = templates.constFind(node.id);
        if (spec == templates.cend())
            continue;
        for (const PortSpec &port : spec->inputs) {
            if (!port.optional && !incoming.contains(node.id + u'.' + port.name))
                add(node.id, -1, u"inputs."_s + port.name,
                    tr("the input \"%1\" (%2) needs a link").arg(port.name, port.type));
        }
    }

    if (doc.schedule) {
        if (auto cron = CronExpression::parse(doc.schedule->cron); !cron)
            add({}, -1, u"schedule.cron"_s, cron.error().message);
    }

    const QStringList cycle = findCycle(doc);
    if (!cycle.isEmpty())
        add(cycle.first(), -1, {},
            tr("is on a cycle: %1. Remove one of its links.").arg(cycle.join(u" → "_s)));
    return issues;
}

} // namespace atelier
