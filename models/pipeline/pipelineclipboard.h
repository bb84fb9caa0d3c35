#pragma once

#include "core/result.h"
#include "pipeline/pipelinedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace atelier {

/// A piece of a pipeline: some nodes, the links between them, sticky notes and positions.
/// What is copied, pasted, duplicated, inserted and removed as one edit.
struct GraphFragment
{
    QList<NodeSpec> nodes;
    QList<EdgeSpec> edges; ///< only links whose both ends are in nodes, when copied
    QList<NoteSpec> notes;
    QMap<QString, QPointF> positions; ///< node id → top-left corner

    bool isEmpty() const { return nodes.isEmpty() && notes.isEmpty() && edges.isEmpty(); }
    bool operator==(const GraphFragment &) const = default;
};

/// The clipboard format of the canvas, as JSON text (also what "copy as JSON" gives):
///
///     {"atelier_clipboard": 1,
///      "nodes": [<node objects of the pipeline format>],
///      "edges": [{"from": "a.out", "to": "b.in"}],
///      "notes": [{"id", "text", "pos": [x, y], "size": [w, h]}],
///      "layout": {"a": [x, y]}}
///
/// Nodes, edges, notes and layout are written exactly as in a pipeline file (format 1), so a
/// whole pipeline file pasted as text is accepted too.
class PipelineClipboard final
{
    Q_DECLARE_TR_FUNCTIONS(PipelineClipboard)

public:
    static constexpr int kFormat = 1;

    /// The selected nodes and notes of \a doc with the links between those nodes and their
    /// positions. Unknown ids are ignored.
    static GraphFragment copy(const PipelineDocument &doc, const QStringList &nodeIds,
                              const QStringList &noteIds = {});
    /// Stable, indented JSON text of \a fragment (the format above).
    static QByteArray toJson(const GraphFragment &fragment);
    /// Parses clipboard text or a pipeline file. Foreign text (not JSON, or JSON that is neither
    /// format) and malformed nodes are refused with a one-line reason naming the field at fault.
    static Result<GraphFragment> fromJson(const QByteArray &text);
};

} // namespace atelier
