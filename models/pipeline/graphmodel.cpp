#include "pipeline/graphmodel.h"

#include "environments/environmentspec.h"

#include "pipeline/graphcommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QStringList kResourceKeys = {u"cpus"_s, u"memory_mb"_s, u"gpus"_s, u"processes_per_node"_s};

/// A pipeline with only the section \a key ("schedule", "sweep") set to \a value, parsed by
/// PipelineDocument itself so the section has one reader.
Result<PipelineDocument> withSection(const QString &key, const QJsonValue &value)
{
    if (!value.isObject())
        return makeError(ErrorCode::Invalid,
                         GraphModel::tr("%1 must be an object or null").arg(key));
    const QJsonObject root{{u"name"_s, key}, {key, value}};
    return PipelineDocument::fromJson(QJsonDocument(root).toJson(), u"pipeline"_s);
}

/// The section \a key of \a doc as the pipeline format writes it; undefined when absent.
QJsonValue sectionOf(const PipelineDocument &doc, const QString &key)
{
    return QJsonDocument::fromJson(doc.toJson()).object().value(key);
}

Result<std::optional<ScheduleSpec>> scheduleFromJson(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return std::optional<ScheduleSpec>();
    auto doc = withSection(u"schedule"_s, value);
    if (!doc)
        return doc.error();
    return doc->schedule;
}

QJsonValue scheduleToJson(const std::optional<ScheduleSpec> &schedule)
{
    PipelineDocument doc;
    doc.schedule = schedule;
    return sectionOf(doc, u"schedule"_s);
}

Result<std::optional<SweepSection>> sweepFromJson(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return std::optional<SweepSection>();
    auto doc = withSection(u"sweep"_s, value);
    if (!doc)
        return doc.error();
    return doc->sweep;
}

QJsonValue sweepToJson(const std::optional<SweepSection> &sweep)
{
    PipelineDocument doc;
    doc.sweep = sweep;
    return sectionOf(doc, u"sweep"_s);
}

/// An id the pipeline format accepts, made of \a text.
QString sanitizedId(const QString &text)
{
    QString id;
    for (const QChar c : text) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        id += ok ? c : u'_';
    }
    if (id.isEmpty())
        return u"node"_s;
    if (id.front().isDigit() || id.front() == u'-')
        id.prepend(u'n');
    return id;
}

} // namespace

GraphModel::GraphModel(TemplateLibrary library, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_undoStack(std::make_unique<QUndoStack>())
{
    connect(m_undoStack.get(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

GraphModel::~GraphModel()
{
    // The stack clearing itself emits indexChanged, cleanChanged, canUndoChanged…; a receiver
    // (ours, or a view asking isModified()) would reach a model half destroyed. Nobody hears it
    // go; its commands, which refer to the model, are deleted while the model is still whole
    // and the stack is still reachable through m_undoStack.
    m_undoStack->disconnect();
    m_undoStack->blockSignals(true);
    m_undoStack->clear();
    m_undoStack.reset();
}

void GraphModel::setDocument(PipelineDocument doc)
{
    m_undoStack->clear(); // emits cleanChanged(true), so modifiedChanged(false), when modified
    m_doc = std::move(doc);
    rebuildIndexes();

    // Nodes without a place: the layered layout's place, right of the placed nodes.
    QStringList unplaced;
    qreal right = 0;
    bool anyPlaced = false;
    for (const NodeSpec &node : std::as_const(m_doc.nodes)) {
        const auto it = m_doc.layout.constFind(node.id);
        if (it == m_doc.layout.cend()) {
            unplaced.append(node.id);
        } else {
            right = anyPlaced ? std::max(right, it->x() + NodeMetrics::kWidth)
                              : it->x() + NodeMetrics::kWidth;
            anyPlaced = true;
        }
    }
    if (!unplaced.isEmpty()) {
        const QMap<QString, QPointF> computed =
            AutoLayout::compute(m_doc, [this](const QString &id) { return defaultNodeSize(id); });
        const QPointF shift = anyPlaced ? QPointF(right + 80, 0) : QPointF();
        for (const QString &id : std::as_const(unplaced))
            m_doc.layout.insert(id, computed.value(id) + shift);
    }
    // Layout entries of nodes that do not exist would be saved forever: drop them.
    for (auto it = m_doc.layout.begin(); it != m_doc.layout.end();) {
        if (m_nodeIndex.contains(it.key()))
            ++it;
        else
            it = m_doc.layout.erase(it);
    }
    Q_EMIT reset();
}

void GraphModel::setLibrary(TemplateLibrary library)
{
    m_library = std::move(library);
    m_templates.clear();
    Q_EMIT reset();
}

bool GraphModel::isModified() const
{
    return !m_undoStack->isClean();
}

void GraphModel::setClean()
{
    m_undoStack->setClean();
}

void GraphModel::rebuildIndexes()
{
    m_nodeIndex.clear();
    m_in.clear();
    m_out.clear();
    m_nodeIndex.reserve(m_doc.nodes.size());
    for (qsizetype i = 0; i < m_doc.nodes.size(); ++i)
        m_nodeIndex.insert(m_doc.nodes[i].id, i);
    for (const EdgeSpec &edge : std::as_const(m_doc.edges)) {
        m_out[edge.fromNode].append(edge);
        m_in[edge.toNode].append(edge);
    }
}

void GraphModel::reindexNodesFrom(qsizetype index)
{
    for (qsizetype i = std::max<qsizetype>(0, index); i < m_doc.nodes.size(); ++i)
        m_nodeIndex.insert(m_doc.nodes[i].id, i);
}

// --- Queries ---------------------------------------------------------------------------------

const NodeSpec *GraphModel::node(const QString &id) const
{
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_doc.nodes[*it];
}

QStringList GraphModel::nodeIds() const
{
    QStringList ids;
    ids.reserve(m_doc.nodes.size());
    for (const NodeSpec &node : m_doc.nodes)
        ids.append(node.id);
    return ids;
}

bool GraphModel::hasEdge(const EdgeSpec &edge) const
{
    const auto it = m_out.constFind(edge.fromNode);
    return it != m_out.cend() && it->contains(edge);
}

QList<EdgeSpec> GraphModel::edgesOf(const QString &node) const
{
    return m_in.value(node) + m_out.value(node);
}

std::optional<EdgeSpec> GraphModel::edgeInto(const QString &node, const QString &port) const
{
    const auto it = m_in.constFind(node);
    if (it == m_in.cend())
        return std::nullopt;
    for (const EdgeSpec &edge : *it) {
        if (edge.toPort == port)
            return edge;
    }
    return std::nullopt;
}

QPointF GraphModel::position(const QString &id) const
{
    if (hasNode(id))
        return m_doc.layout.value(id);
    if (const NoteSpec *n = note(id))
        return n->pos;
    return {};
}

const TemplateSpec *GraphModel::templateFor(const QString &ref) const
{
    auto it = m_templates.find(ref);
    if (it == m_templates.end()) {
        auto spec = m_library.resolve(ref);
        it = m_templates.insert(ref, spec ? std::make_shared<const TemplateSpec>(spec.value())
                                          : std::shared_ptr<const TemplateSpec>());
    }
    return it->get();
}

const TemplateSpec *GraphModel::templateOf(const QString &nodeId) const
{
    const NodeSpec *n = node(nodeId);
    return n ? templateFor(n->templateRef) : nullptr;
}

QList<PortSpec> GraphModel::inputs(const QString &nodeId) const
{
    const TemplateSpec *spec = templateOf(nodeId);
    return spec ? spec->inputs : QList<PortSpec>();
}

QList<PortSpec> GraphModel::outputs(const QString &nodeId) const
{
    const TemplateSpec *spec = templateOf(nodeId);
    return spec ? spec->outputs : QList<PortSpec>();
}

QString GraphModel::portType(const PortRef &port) const
{
    const TemplateSpec *spec = templateOf(port.node);
    if (!spec)
        return {};
    const PortSpec *p = port.output ? spec->output(port.port) : spec->input(port.port);
    return p ? p->type : QString();
}

QSizeF GraphModel::defaultNodeSize(const QString &nodeId) const
{
    const TemplateSpec *spec = templateOf(nodeId);
    return spec ? NodeMetrics::sizeFor(int(spec->inputs.size()), int(spec->outputs.size()))
                : NodeMetrics::sizeFor(1, 1);
}

QJsonValue GraphModel::value(const QString &nodeId, const QString &property) const
{
    if (nodeId.isEmpty()) {
        if (property == u"name"_s)
            return m_doc.name;
        if (property == u"description"_s)
            return m_doc.description;
        if (property == u"variables"_s) {
            QJsonObject vars;
            for (auto it = m_doc.variables.begin(); it != m_doc.variables.end(); ++it)
                vars.insert(it.key(), it.value());
            return vars;
        }
        if (property == u"schedule"_s)
            return scheduleToJson(m_doc.schedule);
        if (property == u"sweep"_s)
            return sweepToJson(m_doc.sweep);
        return QJsonValue(QJsonValue::Undefined);
    }
    const NodeSpec *n = node(nodeId);
    if (!n)
        return QJsonValue(QJsonValue::Undefined);
    if (property == u"name"_s)
        return n->name;
    if (property == u"template"_s)
        return n->templateRef;
    if (property == u"pool"_s)
        return n->pool;
    if (property == u"retries"_s)
        return n->retries;
    if (property == u"timeout_s"_s)
        return n->timeoutS;
    if (property == u"skip"_s)
        return n->skip;
    if (property == u"resources"_s)
        return n->resources;
    if (property == u"environment"_s)
        return n->environment.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                        : QJsonValue(n->environment);
    if (property == u"distributed"_s)
        return n->distributed.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                        : QJsonValue(n->distributed);
    if (property.startsWith(u"resources."_s))
        return n->resources.value(property.mid(10));
    if (property.startsWith(u"params."_s))
        return n->params.value(property.mid(7));
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue GraphModel::effectiveValue(const QString &nodeId, const QString &property) const
{
    const QJsonValue set = value(nodeId, property);
    if (!set.isUndefined() || nodeId.isEmpty())
        return set;
    const TemplateSpec *spec = templateOf(nodeId);
    if (!spec)
        return set;
    if (property.startsWith(u"params."_s)) {
        const ParamSpec *param = spec->param(property.mid(7));
        return param ? param->defaultValue : set;
    }
    const QString key = property.mid(10);
    if (property.startsWith(u"resources."_s)) {
        if (key == u"cpus"_s)
            return spec->resources.cpus;
        if (key == u"memory_mb"_s)
            return spec->resources.memoryMb;
        if (key == u"gpus"_s)
            return spec->resources.gpus;
        if (key == u"processes_per_node"_s)
            return spec->resources.processesPerNode;
    }
    return set;
}

QString GraphModel::checkValue(const QString &nodeId, const QString &property,
                               const QJsonValue &value) const
{
    if (nodeId.isEmpty()) {
        if (property == u"name"_s)
            return value.toString().trimmed().isEmpty() ? tr("the pipeline needs a name")
                                                        : QString();
        if (property == u"schedule"_s) {
            auto schedule = scheduleFromJson(value);
            return schedule ? QString() : schedule.error().message;
        }
        if (property == u"sweep"_s) {
            auto sweep = sweepFromJson(value);
            return sweep ? QString() : sweep.error().message;
        }
        return {};
    }
    const NodeSpec *n = node(nodeId);
    if (!n)
        return tr("There is no node \"%1\".").arg(nodeId);
    if (property == u"template"_s) {
        auto spec = m_library.resolve(value.toString());
        return spec ? QString() : spec.error().message;
    }
    const TemplateSpec *spec = templateOf(nodeId);
    if (!spec)
        return {};
    return PipelineValidator::checkField(m_doc, *spec, property, value);
}

QList<ValidationIssue> GraphModel::validate() const
{
    return PipelineValidator::validate(m_doc, m_library);
}

const NoteSpec *GraphModel::note(const QString &id) const
{
    for (const NoteSpec &n : m_doc.notes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

QString GraphModel::uniqueNodeId(const QString &base, const QSet<QString> &reserved) const
{
    const QString clean = sanitizedId(base);
    QString candidate = clean;
    for (int n = 2; hasNode(candidate) || hasNote(candidate) || reserved.contains(candidate); ++n)
        candidate = clean + u'-' + QString::number(n);
    return candidate;
}

QString GraphModel::uniqueNoteId(const QSet<QString> &reserved) const
{
    QSet<QString> used = reserved;
    for (const NoteSpec &n : m_doc.notes)
        used.insert(n.id);
    for (qsizetype n = m_doc.notes.size() + 1;; ++n) {
        const QString candidate = u"note-"_s + QString::number(n);
        if (!used.contains(candidate) && !hasNode(candidate))
            return candidate;
    }
}

// --- Edits -----------------------------------------------------------------------------------

Result<QString> GraphModel::addNode(const QString &templateRef, QPointF pos,
                                    const QString &preferredId)
{
    auto spec = m_library.resolve(templateRef);
    if (!spec)
        return spec.error();
    NodeSpec n;
    n.id = uniqueNodeId(preferredId.isEmpty() ? spec->id : preferredId);
    n.templateRef = templateRef;
    GraphFragment items;
    items.nodes.append(n);
    items.positions.insert(n.id, pos);
    m_undoStack->push(
        new InsertItemsCommand(this, items, GraphCommandId::AddNode, tr("Add %1").arg(spec->name)));
    return n.id;
}

Result<QString> GraphModel::addNodeConnected(const QString &templateRef, QPointF pos,
                                             const PortRef &dangling)
{
    auto spec = m_library.resolve(templateRef);
    if (!spec)
        return spec.error();
    const QString type = portType(dangling);
    if (type.isEmpty())
        return makeError(
            ErrorCode::Invalid,
            tr("%1 has no %2 port \"%3\".")
                .arg(dangling.node, dangling.output ? tr("output") : tr("input"), dangling.port));
    if (!dangling.output) {
        if (const auto existing = edgeInto(dangling.node, dangling.port))
            return makeError(ErrorCode::Conflict,
                             tr("%1.%2 already has a link from %3; an input takes one.")
                                 .arg(dangling.node, dangling.port, existing->fromText()));
    }
    const QString port = compatiblePortOf(templateRef, dangling);
    if (port.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("%1 has no %2 that fits %3.%4 (%5); pick another template.")
                             .arg(spec->name, dangling.output ? tr("input") : tr("output"),
                                  dangling.node, dangling.port, type));
    NodeSpec n;
    n.id = uniqueNodeId(spec->id);
    n.templateRef = templateRef;
    GraphFragment items;
    items.nodes.append(n);
    items.positions.insert(n.id, pos);
    items.edges.append(dangling.output ? EdgeSpec{dangling.node, dangling.port, n.id, port}
                                       : EdgeSpec{n.id, port, dangling.node, dangling.port});
    m_undoStack->push(new InsertItemsCommand(this, items, GraphCommandId::AddNodeConnected,
                                             tr("Add %1").arg(spec->name)));
    return n.id;
}

Status GraphModel::connectPorts(const EdgeSpec &edge)
{
    if (const QString reason = canConnect(edge); !reason.isEmpty())
        return makeError(ErrorCode::Invalid, reason);
    GraphFragment items;
    items.edges.append(edge);
    m_undoStack->push(
        new InsertItemsCommand(this, items, GraphCommandId::AddEdge,
                               tr("Link %1 to %2").arg(edge.fromText(), edge.toText())));
    return {};
}

Status GraphModel::reconnect(const EdgeSpec &replaced, const EdgeSpec &edge)
{
    if (!hasEdge(replaced))
        return makeError(
            ErrorCode::NotFound,
            tr("There is no link from %1 to %2.").arg(replaced.fromText(), replaced.toText()));
    if (replaced == edge)
        return {};
    if (const QString reason = canReconnect(replaced, edge); !reason.isEmpty())
        return makeError(ErrorCode::Invalid, reason);
    auto *command = new GraphMacroCommand(GraphCommandId::Reconnect, tr("Move link"));
    new RemoveItemsCommand(this, {}, {replaced}, {}, command);
    GraphFragment items;
    items.edges.append(edge);
    new InsertItemsCommand(this, items, GraphCommandId::AddEdge, {}, command);
    m_undoStack->push(command);
    return {};
}

void GraphModel::removeItems(const QStringList &nodeIds, const QList<EdgeSpec> &edges,
                             const QStringList &noteIds)
{
    auto command = std::make_unique<RemoveItemsCommand>(this, nodeIds, edges, noteIds);
    if (command->isEmpty())
        return;
    m_undoStack->push(command.release());
}

void GraphModel::moveItems(const QMap<QString, QPointF> &from, const QMap<QString, QPointF> &to)
{
    QMap<QString, QPointF> before;
    QMap<QString, QPointF> after;
    for (auto it = to.begin(); it != to.end(); ++it) {
        if (!hasNode(it.key()) && !hasNote(it.key()))
            continue;
        const QPointF start = from.value(it.key(), position(it.key()));
        if (start == it.value())
            continue;
        before.insert(it.key(), start);
        after.insert(it.key(), it.value());
    }
    if (after.isEmpty())
        return;
    m_undoStack->push(new MoveItemsCommand(this, before, after));
}

void GraphModel::previewPositions(const QMap<QString, QPointF> &positions)
{
    for (auto it = positions.begin(); it != positions.end(); ++it)
        setPosition(it.key(), it.value());
}

Status GraphModel::setValue(const QString &nodeId, const QString &property, const QJsonValue &value,
                            bool continuesGesture)
{
    auto refuse = [&](const QString &why) {
        return makeError(ErrorCode::Invalid, tr("%1: %2").arg(property, why));
    };
    if (nodeId.isEmpty()) {
        if (property == u"name"_s || property == u"description"_s) {
            if (!value.isString() && !value.isUndefined())
                return refuse(tr("must be text"));
        } else if (property == u"variables"_s) {
            if (!value.isObject() && !value.isUndefined())
                return refuse(tr("must be an object of names to text"));
            const QJsonObject vars = value.toObject();
            for (auto it = vars.begin(); it != vars.end(); ++it) {
                if (!it.value().isString())
                    return refuse(tr("the value of %1 must be text").arg(it.key()));
            }
        } else if (property == u"schedule"_s) {
            if (auto schedule = scheduleFromJson(value); !schedule)
                return makeError(ErrorCode::Invalid, schedule.error().message);
        } else if (property == u"sweep"_s) {
            if (auto sweep = sweepFromJson(value); !sweep)
                return makeError(ErrorCode::Invalid, sweep.error().message);
        } else {
            return refuse(tr("is not a field of a pipeline"));
        }
    } else {
        const NodeSpec *n = node(nodeId);
        if (!n)
            return makeError(ErrorCode::NotFound, tr("There is no node \"%1\".").arg(nodeId));
        if (property == u"name"_s || property == u"pool"_s) {
            if (!value.isString() && !value.isUndefined())
                return refuse(tr("must be text"));
        } else if (property == u"template"_s) {
            auto spec = m_library.resolve(value.toString());
            if (!spec)
                return makeError(ErrorCode::NotFound, spec.error().message);
        } else if (property == u"retries"_s || property == u"timeout_s"_s) {
            if (const QString reason = checkValue(nodeId, property, value); !reason.isEmpty())
                return refuse(reason);
        } else if (property == u"skip"_s) {
            if (!value.isBool() && !value.isUndefined())
                return refuse(tr("must be true or false"));
        } else if (property == u"resources"_s) {
            if (!value.isObject() && !value.isUndefined())
                return refuse(tr("must be an object"));
        } else if (property == u"environment"_s) {
            if (!value.isObject() && !value.isUndefined())
                return refuse(tr("must be an object such as {\"image\": \"NAME:TAG\"}"));
            if (auto checked = EnvironmentSpec::fromJson(value.toObject()); !checked)
                return makeError(ErrorCode::Invalid, checked.error().message);
        } else if (property == u"distributed"_s) {
            if (!value.isString() && !value.isUndefined())
                return refuse(tr("must be a strategy such as \"pytorch-ddp\""));
            const TemplateSpec *spec = templateOf(nodeId);
            if (value.isString() && spec && !spec->distributed.contains(value.toString()))
                return refuse(tr("%1 does not support distributed training with \"%2\"")
                                  .arg(spec->ref(), value.toString()));
        } else if (property.startsWith(u"resources."_s)) {
            if (!kResourceKeys.contains(property.mid(10)))
                return refuse(
                    tr("is not a resource (use cpus, memory_mb, gpus or processes_per_node)"));
            if (const QString reason = checkValue(nodeId, property, value); !reason.isEmpty())
                return refuse(reason);
        } else if (property.startsWith(u"params."_s)) {
            const TemplateSpec *spec = templateOf(nodeId);
            if (spec && !spec->param(property.mid(7)))
                return refuse(tr("%1 has no such parameter").arg(spec->ref()));
        } else {
            return refuse(tr("is not a field of a node"));
        }
    }
    if (this->value(nodeId, property) == value)
        return {};
    m_undoStack->push(new ChangeValueCommand(this, nodeId, property, value, continuesGesture));
    return {};
}

GraphFragment GraphModel::remapped(const GraphFragment &fragment, QPointF offset) const
{
    GraphFragment result;
    QHash<QString, QString> ids;
    QSet<QString> reserved;
    for (const NodeSpec &n : fragment.nodes) {
        if (ids.contains(n.id))
            continue; // the same id twice in foreign text: the first wins
        NodeSpec copy = n;
        copy.id = uniqueNodeId(n.id, reserved);
        reserved.insert(copy.id);
        ids.insert(n.id, copy.id);
        result.positions.insert(copy.id, fragment.positions.value(n.id) + offset);
        result.nodes.append(copy);
    }
    QSet<QString> linkedInputs;
    for (const EdgeSpec &edge : fragment.edges) {
        if (!ids.contains(edge.fromNode) || !ids.contains(edge.toNode))
            continue;
        const EdgeSpec copy{ids.value(edge.fromNode), edge.fromPort, ids.value(edge.toNode),
                            edge.toPort};
        // An input takes one link, even from foreign text.
        if (copy.fromNode == copy.toNode || linkedInputs.contains(copy.toText()))
            continue;
        linkedInputs.insert(copy.toText());
        result.edges.append(copy);
    }
    for (const NoteSpec &n : fragment.notes) {
        NoteSpec copy = n;
        copy.id = uniqueNoteId(reserved);
        reserved.insert(copy.id);
        copy.pos += offset;
        result.notes.append(copy);
    }
    return result;
}

Result<QStringList> GraphModel::paste(const GraphFragment &fragment, QPointF offset)
{
    if (fragment.nodes.isEmpty() && fragment.notes.isEmpty())
        return makeError(ErrorCode::Invalid, tr("There is nothing to paste: the clipboard holds "
                                                "no nodes and no notes."));
    const GraphFragment items = remapped(fragment, offset);
    QStringList ids;
    for (const NodeSpec &n : items.nodes)
        ids.append(n.id);
    for (const NoteSpec &n : items.notes)
        ids.append(n.id);
    m_undoStack->push(new InsertItemsCommand(this, items, GraphCommandId::Paste, tr("Paste")));
    return ids;
}

Result<QStringList> GraphModel::pasteText(const QByteArray &text, QPointF offset)
{
    auto fragment = PipelineClipboard::fromJson(text);
    if (!fragment)
        return fragment.error();
    return paste(fragment.value(), offset);
}

QByteArray GraphModel::copyText(const QStringList &nodeIds, const QStringList &noteIds) const
{
    return PipelineClipboard::toJson(PipelineClipboard::copy(m_doc, nodeIds, noteIds));
}

QStringList GraphModel::duplicate(const QStringList &nodeIds, const QStringList &noteIds,
                                  QPointF offset)
{
    const GraphFragment copied = PipelineClipboard::copy(m_doc, nodeIds, noteIds);
    if (copied.nodes.isEmpty() && copied.notes.isEmpty())
        return {};
    const GraphFragment items = remapped(copied, offset);
    QStringList ids;
    for (const NodeSpec &n : items.nodes)
        ids.append(n.id);
    for (const NoteSpec &n : items.notes)
        ids.append(n.id);
    m_undoStack->push(
        new InsertItemsCommand(this, items, GraphCommandId::Duplicate, tr("Duplicate")));
    return ids;
}

void GraphModel::autoLayout(const NodeSizeFunction &size, const AutoLayoutOptions &options)
{
    const NodeSizeFunction sizeOf =
        size ? size : NodeSizeFunction([this](const QString &id) { return defaultNodeSize(id); });
    const QMap<QString, QPointF> computed = AutoLayout::compute(m_doc, sizeOf, options);
    QMap<QString, QPointF> from;
    QMap<QString, QPointF> to;
    for (auto it = computed.begin(); it != computed.end(); ++it) {
        const auto current = m_doc.layout.constFind(it.key());
        if (current != m_doc.layout.cend() && *current == it.value())
            continue;
        from.insert(it.key(), current == m_doc.layout.cend() ? QPointF() : *current);
        to.insert(it.key(), it.value());
    }
    if (to.isEmpty())
        return;
    m_undoStack->push(new MoveItemsCommand(this, from, to, GraphCommandId::AutoLayout));
}

QString GraphModel::addNote(const QString &text, QPointF pos, QSizeF size)
{
    GraphFragment items;
    NoteSpec n{uniqueNoteId(), text, pos, size.isValid() ? size : QSizeF(200, 120)};
    items.notes.append(n);
    m_undoStack->push(
        new InsertItemsCommand(this, items, GraphCommandId::AddNote, tr("Add a note")));
    return n.id;
}

void GraphModel::setNoteText(const QString &noteId, const QString &text, bool continuesGesture)
{
    const NoteSpec *n = note(noteId);
    if (!n || n->text == text)
        return;
    m_undoStack->push(new ChangeNoteTextCommand(this, noteId, text, continuesGesture));
}

void GraphModel::setNoteGeometry(const QString &noteId, QPointF pos, QSizeF size)
{
    const NoteSpec *n = note(noteId);
    if (!n || (n->pos == pos && n->size == size) || !size.isValid() || size.isEmpty())
        return;
    m_undoStack->push(new ChangeNoteGeometryCommand(this, noteId, pos, size));
}

// --- Direct changes --------------------------------------------------------------------------

void GraphModel::insertNodeAt(qsizetype index, const NodeSpec &n, QPointF pos)
{
    if (index < 0 || index > m_doc.nodes.size())
        index = m_doc.nodes.size();
    m_doc.nodes.insert(index, n);
    reindexNodesFrom(index);
    m_doc.layout.insert(n.id, pos);
    Q_EMIT nodeAdded(n.id);
}

qsizetype GraphModel::removeNode(const QString &id)
{
    const qsizetype index = m_nodeIndex.value(id, -1);
    if (index < 0)
        return -1;
    // Links still touching the node would dangle: they go first (commands remove them
    // explicitly so that undo restores them in place).
    for (const EdgeSpec &edge : edgesOf(id))
        removeEdge(edge);
    m_doc.nodes.removeAt(index);
    m_nodeIndex.remove(id);
    reindexNodesFrom(index);
    m_doc.layout.remove(id);
    m_in.remove(id);
    m_out.remove(id);
    Q_EMIT nodeRemoved(id);
    return index;
}

void GraphModel::insertEdgeAt(qsizetype index, const EdgeSpec &edge)
{
    if (index < 0 || index > m_doc.edges.size())
        index = m_doc.edges.size();
    m_doc.edges.insert(index, edge);
    m_out[edge.fromNode].append(edge);
    m_in[edge.toNode].append(edge);
    Q_EMIT edgeAdded(edge);
}

qsizetype GraphModel::edgeIndex(const EdgeSpec &edge) const
{
    // Newly added links are at the end: search from there.
    return m_doc.edges.lastIndexOf(edge);
}

EdgeSpec GraphModel::removeEdgeAt(qsizetype index)
{
    if (index < 0 || index >= m_doc.edges.size())
        return {};
    const EdgeSpec edge = m_doc.edges.takeAt(index);
    if (auto it = m_out.find(edge.fromNode); it != m_out.end()) {
        it->removeOne(edge);
        if (it->isEmpty())
            m_out.erase(it);
    }
    if (auto it = m_in.find(edge.toNode); it != m_in.end()) {
        it->removeOne(edge);
        if (it->isEmpty())
            m_in.erase(it);
    }
    Q_EMIT edgeRemoved(edge);
    return edge;
}

qsizetype GraphModel::removeEdge(const EdgeSpec &edge)
{
    const qsizetype index = edgeIndex(edge);
    if (index >= 0)
        removeEdgeAt(index);
    return index;
}

qsizetype GraphModel::noteIndex(const QString &id) const
{
    for (qsizetype i = 0; i < m_doc.notes.size(); ++i) {
        if (m_doc.notes[i].id == id)
            return i;
    }
    return -1;
}

void GraphModel::insertNoteAt(qsizetype index, const NoteSpec &n)
{
    if (index < 0 || index > m_doc.notes.size())
        index = m_doc.notes.size();
    m_doc.notes.insert(index, n);
    Q_EMIT noteAdded(n.id);
}

qsizetype GraphModel::removeNote(const QString &id)
{
    const qsizetype index = noteIndex(id);
    if (index < 0)
        return -1;
    m_doc.notes.removeAt(index);
    Q_EMIT noteRemoved(id);
    return index;
}

void GraphModel::replaceNote(const NoteSpec &n)
{
    const qsizetype index = noteIndex(n.id);
    if (index < 0 || m_doc.notes[index] == n)
        return;
    m_doc.notes[index] = n;
    Q_EMIT noteChanged(n.id);
}

void GraphModel::setPosition(const QString &id, QPointF pos)
{
    if (hasNode(id)) {
        auto it = m_doc.layout.find(id);
        if (it != m_doc.layout.end() && *it == pos)
            return;
        m_doc.layout.insert(id, pos);
        Q_EMIT nodeMoved(id, pos);
        return;
    }
    const qsizetype index = noteIndex(id);
    if (index < 0 || m_doc.notes[index].pos == pos)
        return;
    m_doc.notes[index].pos = pos;
    Q_EMIT noteChanged(id);
}

bool GraphModel::applyValue(const QString &nodeId, const QString &property, const QJsonValue &value)
{
    if (nodeId.isEmpty()) {
        if (property == u"name"_s) {
            m_doc.name = value.toString();
        } else if (property == u"description"_s) {
            m_doc.description = value.toString();
        } else if (property == u"variables"_s) {
            m_doc.variables.clear();
            const QJsonObject vars = value.toObject();
            for (auto it = vars.begin(); it != vars.end(); ++it)
                m_doc.variables.insert(it.key(), it.value().toString());
        } else if (property == u"schedule"_s) {
            auto schedule = scheduleFromJson(value);
            if (!schedule)
                return false;
            m_doc.schedule = schedule.value();
        } else if (property == u"sweep"_s) {
            auto sweep = sweepFromJson(value);
            if (!sweep)
                return false;
            m_doc.sweep = sweep.value();
        } else {
            return false;
        }
        Q_EMIT pipelineChanged(property);
        return true;
    }
    const auto index = m_nodeIndex.constFind(nodeId);
    if (index == m_nodeIndex.cend())
        return false;
    NodeSpec &n = m_doc.nodes[*index];
    if (property == u"name"_s) {
        n.name = value.toString();
    } else if (property == u"template"_s) {
        n.templateRef = value.toString();
    } else if (property == u"pool"_s) {
        n.pool = value.toString();
    } else if (property == u"retries"_s) {
        n.retries = value.toInt();
    } else if (property == u"timeout_s"_s) {
        n.timeoutS = value.toInt();
    } else if (property == u"skip"_s) {
        n.skip = value.toBool();
    } else if (property == u"resources"_s) {
        n.resources = value.toObject();
    } else if (property == u"environment"_s) {
        n.environment = value.toObject();
    } else if (property == u"distributed"_s) {
        n.distributed = value.toString();
    } else if (property.startsWith(u"resources."_s)) {
        if (value.isUndefined())
            n.resources.remove(property.mid(10));
        else
            n.resources.insert(property.mid(10), value);
    } else if (property.startsWith(u"params."_s)) {
        if (value.isUndefined())
            n.params.remove(property.mid(7));
        else
            n.params.insert(property.mid(7), value);
    } else {
        return false;
    }
    Q_EMIT nodeChanged(nodeId, property);
    return true;
}

} // namespace atelier
