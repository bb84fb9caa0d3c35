#pragma once

#include "pipeline/pipelinedocument.h"

#include <QMap>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <functional>

namespace atelier {

/// Node geometry shared by the auto-layout and the canvas scene, so both agree on sizes.
struct NodeMetrics
{
    static constexpr qreal kWidth = 200;       ///< every node is this wide
    static constexpr qreal kHeaderHeight = 44; ///< name and template lines
    static constexpr qreal kPortSpacing = 22;  ///< one row per port (inputs left, outputs right)
    static constexpr qreal kFooterHeight = 16; ///< state and progress mark
    static constexpr qreal kGridSize = 20;     ///< snap-to-grid step

    /// The size of a node with this many input and output ports.
    static QSizeF sizeFor(int inputs, int outputs)
    {
        const int rows = inputs > outputs ? inputs : outputs;
        return {kWidth, kHeaderHeight + kPortSpacing * (rows > 0 ? rows : 1) + kFooterHeight};
    }
};

/// The size of a node by id (the scene's real item size, or NodeMetrics).
using NodeSizeFunction = std::function<QSizeF(const QString &nodeId)>;

/// Spacing of the auto-layout.
struct AutoLayoutOptions
{
    qreal layerSpacing = 80; ///< horizontal gap between two layers (columns)
    qreal nodeSpacing = 30;  ///< vertical gap between two nodes of a layer
    int sweeps = 4;          ///< barycentre ordering sweeps (down and up)
    QPointF origin{0, 0};    ///< top-left corner of the first layer
};

/// Layered left-to-right layout of a pipeline (Sugiyama): longest-path columns (a node sits
/// one column right of its furthest upstream node); a link spanning several columns passes
/// through virtual nodes; barycentre ordering sweeps, keeping the order with the fewest
/// crossings; then each node is placed at the mean height of the nodes feeding it, pushed down
/// just enough not to overlap the one above. Columns are as wide as their widest node, so no two
/// nodes ever overlap and every link goes left to right. Links that close a cycle are ignored.
/// Linear in nodes + links (and virtual nodes) per sweep.
class AutoLayout final
{
public:
    /// Top-left corner of every node of \a doc (notes are left alone). \a size defaults to
    /// NodeMetrics::sizeFor(1, 1) for every node.
    static QMap<QString, QPointF> compute(const PipelineDocument &doc,
                                          const NodeSizeFunction &size = {},
                                          const AutoLayoutOptions &options = {});
};

} // namespace atelier
