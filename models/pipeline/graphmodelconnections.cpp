// GraphModel: which nodes reach which (upstream, downstream, paths) and which ports may be linked.
#include "pipeline/graphmodel.h"

#include <deque>

using namespace Qt::StringLiterals;

namespace atelier {

QSet<QString> GraphModel::upstreamOf(const QString &start) const
{
    QSet<QString> seen{start};
    std::deque<QString> queue{start};
    while (!queue.empty()) {
        const QString at = queue.front();
        queue.pop_front();
        const auto it = m_in.constFind(at);
        if (it == m_in.cend())
            continue;
        for (const EdgeSpec &edge : *it) {
            if (!seen.contains(edge.fromNode)) {
                seen.insert(edge.fromNode);
                queue.push_back(edge.fromNode);
            }
        }
    }
    return seen;
}

QSet<QString> GraphModel::downstreamOf(const QString &start) const
{
    QSet<QString> seen{start};
    std::deque<QString> queue{start};
    while (!queue.empty()) {
        const QString at = queue.front();
        queue.pop_front();
        const auto it = m_out.constFind(at);
        if (it == m_out.cend())
            continue;
        for (const EdgeSpec &edge : *it) {
            if (!seen.contains(edge.toNode)) {
                seen.insert(edge.toNode);
                queue.push_back(edge.toNode);
            }
        }
    }
    return seen;
}

QStringList GraphModel::pathBetween(const QString &from, const QString &to,
                                    const EdgeSpec *ignored) const
{
    QHash<QString, QString> parent{{from, QString()}};
    std::deque<QString> queue{from};
    while (!queue.empty()) {
        const QString at = queue.front();
        queue.pop_front();
        if (at == to) {
            QStringList path;
            for (QString step = to; !step.isEmpty(); step = parent.value(step))
                path.prepend(step);
            return path;
        }
        const auto it = m_out.constFind(at);
        if (it == m_out.cend())
            continue;
        for (const EdgeSpec &edge : *it) {
            if (ignored && edge == *ignored)
                continue;
            if (!parent.contains(edge.toNode)) {
                parent.insert(edge.toNode, at);
                queue.push_back(edge.toNode);
            }
        }
    }
    return {};
}

QString GraphModel::canConnect(const EdgeSpec &edge) const
{
    return checkConnect(edge, nullptr);
}

QString GraphModel::canReconnect(const EdgeSpec &replaced, const EdgeSpec &edge) const
{
    return checkConnect(edge, &replaced);
}

QString GraphModel::checkConnect(const EdgeSpec &edge, const EdgeSpec *ignored) const
{
    if (!hasNode(edge.fromNode))
        return tr("There is no node \"%1\".").arg(edge.fromNode);
    if (!hasNode(edge.toNode))
        return tr("There is no node \"%1\".").arg(edge.toNode);
    if (edge.fromNode == edge.toNode)
        return tr("A node cannot be linked to itself (%1 → %2).")
            .arg(edge.fromText(), edge.toText());
    const TemplateSpec *fromSpec = templateOf(edge.fromNode);
    const TemplateSpec *toSpec = templateOf(edge.toNode);
    if (!fromSpec)
        return tr("The template of %1 (%2) is unknown, so its ports are too.")
            .arg(edge.fromNode, node(edge.fromNode)->templateRef);
    if (!toSpec)
        return tr("The template of %1 (%2) is unknown, so its ports are too.")
            .arg(edge.toNode, node(edge.toNode)->templateRef);
    const PortSpec *out = fromSpec->output(edge.fromPort);
    if (!out)
        return tr("%1 has no output port \"%2\".").arg(edge.fromNode, edge.fromPort);
    const PortSpec *in = toSpec->input(edge.toPort);
    if (!in)
        return tr("%1 has no input port \"%2\".").arg(edge.toNode, edge.toPort);
    if (!TemplateSpec::portsCompatible(out->type, in->type))
        return tr("Cannot link %1 (%2) to %3 (%4): the port types do not fit.")
            .arg(edge.fromText(), out->type, edge.toText(), in->type);
    if (hasEdge(edge) && !(ignored && edge == *ignored))
        return tr("%1 is already linked to %2.").arg(edge.fromText(), edge.toText());
    if (const auto existing = edgeInto(edge.toNode, edge.toPort);
        existing && !(ignored && *existing == *ignored))
        return tr("%1 already has a link from %2; an input takes one. Remove that link first.")
            .arg(edge.toText(), existing->fromText());
    const QStringList path = pathBetween(edge.toNode, edge.fromNode, ignored);
    if (!path.isEmpty())
        return tr("This link would close a cycle: %1. A pipeline runs each node once, "
                  "after the nodes upstream of it.")
            .arg((QStringList{edge.fromNode} + path).join(u" → "_s));
    return {};
}

QString GraphModel::canConnect(const PortRef &a, const PortRef &b) const
{
    if (a.output == b.output)
        return a.output ? tr("Both ends are outputs; link an output to an input.")
                        : tr("Both ends are inputs; link an output to an input.");
    const PortRef &from = a.output ? a : b;
    const PortRef &to = a.output ? b : a;
    return canConnect(EdgeSpec{from.node, from.port, to.node, to.port});
}

QList<PortRef> GraphModel::compatiblePorts(const PortRef &dragged) const
{
    QList<PortRef> result;
    const QString type = portType(dragged);
    if (type.isEmpty())
        return result;
    if (dragged.output) {
        // dragged → n closes a cycle when n is upstream of the dragged node.
        const QSet<QString> upstream = upstreamOf(dragged.node);
        for (const NodeSpec &n : m_doc.nodes) {
            if (upstream.contains(n.id))
                continue;
            const TemplateSpec *spec = templateFor(n.templateRef);
            if (!spec)
                continue;
            for (const PortSpec &port : spec->inputs) {
                if (TemplateSpec::portsCompatible(type, port.type) && !edgeInto(n.id, port.name))
                    result.append(PortRef{n.id, port.name, false});
            }
        }
    } else {
        if (edgeInto(dragged.node, dragged.port))
            return result;
        const QSet<QString> downstream = downstreamOf(dragged.node);
        for (const NodeSpec &n : m_doc.nodes) {
            if (downstream.contains(n.id))
                continue;
            const TemplateSpec *spec = templateFor(n.templateRef);
            if (!spec)
                continue;
            for (const PortSpec &port : spec->outputs) {
                if (TemplateSpec::portsCompatible(port.type, type))
                    result.append(PortRef{n.id, port.name, true});
            }
        }
    }
    return result;
}

QString GraphModel::compatiblePortOf(const QString &templateRef, const PortRef &dangling) const
{
    const TemplateSpec *spec = templateFor(templateRef);
    const QString type = portType(dangling);
    if (!spec || type.isEmpty())
        return {};
    if (dangling.output) {
        for (const PortSpec &port : spec->inputs) {
            if (TemplateSpec::portsCompatible(type, port.type))
                return port.name;
        }
    } else {
        for (const PortSpec &port : spec->outputs) {
            if (TemplateSpec::portsCompatible(port.type, type))
                return port.name;
        }
    }
    return {};
}

QStringList GraphModel::compatibleTemplates(const PortRef &dangling) const
{
    QStringList refs;
    const QString type = portType(dangling);
    if (type.isEmpty())
        return refs;
    for (const TemplateSpec &spec : m_library.latest()) {
        const QList<PortSpec> &ports = dangling.output ? spec.inputs : spec.outputs;
        for (const PortSpec &port : ports) {
            if (dangling.output ? TemplateSpec::portsCompatible(type, port.type)
                                : TemplateSpec::portsCompatible(port.type, type)) {
                refs.append(spec.ref());
                break;
            }
        }
    }
    return refs;
}

} // namespace atelier
