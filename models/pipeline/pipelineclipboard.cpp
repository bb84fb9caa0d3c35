#include "pipeline/pipelineclipboard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QString kKey = u"atelier_clipboard"_s;
const QString kSource = u"clipboard"_s;

} // namespace

GraphFragment PipelineClipboard::copy(const PipelineDocument &doc, const QStringList &nodeIds,
                                      const QStringList &noteIds)
{
    GraphFragment fragment;
    const QSet<QString> wanted(nodeIds.cbegin(), nodeIds.cend());
    QSet<QString> copied;
    for (const NodeSpec &node : doc.nodes) {
        if (!wanted.contains(node.id) || copied.contains(node.id))
            continue;
        copied.insert(node.id);
        fragment.nodes.append(node);
        if (const auto it = doc.layout.constFind(node.id); it != doc.layout.cend())
            fragment.positions.insert(node.id, *it);
    }
    for (const EdgeSpec &edge : doc.edges) {
        if (copied.contains(edge.fromNode) && copied.contains(edge.toNode))
            fragment.edges.append(edge);
    }
    const QSet<QString> notes(noteIds.cbegin(), noteIds.cend());
    for (const NoteSpec &note : doc.notes) {
        if (notes.contains(note.id))
            fragment.notes.append(note);
    }
    return fragment;
}

QByteArray PipelineClipboard::toJson(const GraphFragment &fragment)
{
    // The pipeline writer gives nodes, edges, layout and notes their file form.
    PipelineDocument doc;
    doc.nodes = fragment.nodes;
    doc.edges = fragment.edges;
    doc.notes = fragment.notes;
    doc.layout = fragment.positions;
    QJsonObject root = QJsonDocument::fromJson(doc.toJson()).object();
    root.remove(u"format"_s);
    root.remove(u"name"_s);
    root.insert(kKey, kFormat);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<GraphFragment> PipelineClipboard::fromJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !parsed.isObject())
        return makeError(ErrorCode::Invalid,
                         tr("The clipboard holds no Atelier nodes: it is not a JSON object "
                            "(copy nodes from a pipeline canvas, or a pipeline file)."));
    QJsonObject root = parsed.object();
    if (root.contains(kKey)) {
        const QJsonValue format = root.value(kKey);
        if (!format.isDouble() || format.toInt() < 1)
            return makeError(ErrorCode::Invalid,
                             tr("clipboard: %1 must be a format number such as 1").arg(kKey));
        if (format.toInt() > kFormat)
            return makeError(ErrorCode::Unsupported,
                             tr("clipboard: copied by a newer Atelier (format %1; this one "
                                "reads %2). Update Atelier to paste it.")
                                 .arg(format.toInt())
                                 .arg(kFormat));
        root.remove(kKey);
        root.insert(u"name"_s, kSource);
    } else if (!root.contains(u"format"_s) || !root.contains(u"nodes"_s)) {
        return makeError(ErrorCode::Invalid,
                         tr("The clipboard holds JSON, but not Atelier nodes nor a pipeline "
                            "(no \"%1\" nor \"format\" and \"nodes\" field).")
                             .arg(kKey));
    }
    auto doc = PipelineDocument::fromJson(QJsonDocument(root).toJson(), kSource);
    if (!doc)
        return doc.error();
    QSet<QString> ids;
    for (qsizetype i = 0; i < doc->nodes.size(); ++i) {
        const QString &id = doc->nodes[i].id;
        if (ids.contains(id))
            return makeError(ErrorCode::Invalid,
                             tr("clipboard: nodes[%1].id \"%2\" is used twice").arg(i).arg(id));
        ids.insert(id);
    }
    GraphFragment fragment;
    fragment.nodes = doc->nodes;
    fragment.edges = doc->edges;
    fragment.notes = doc->notes;
    fragment.positions = doc->layout;
    return fragment;
}

} // namespace atelier
