#pragma once

#include "pipeline/autolayout.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QString>

namespace atelier {

/// What a node shows about its task in the current run (DESIGN.md "Task states").
/// Lost: the task's end cannot be known (its pool stopped answering, or the Atelier process
/// running it was killed and its processes were ended by whoever opened the workspace next).
enum class NodeRunState { Idle, Queued, Running, Succeeded, Failed, Cached, Skipped, Stopped, Lost };

/// How a node differs from the version it is compared with.
enum class NodeDiffMark { None, Added, Removed, Changed };

/// Switches the items read while painting; owned by the scene (the benchmark turns them off).
struct CanvasItemOptions
{
    bool levelOfDetail = true; ///< leave details out when zoomed out
    bool snapping = false;     ///< a move gesture with snap to grid is under way
};

/// Colours, sizes and fonts of the canvas, in one place so every item draws alike.
class CanvasStyle final
{
    Q_DECLARE_TR_FUNCTIONS(CanvasStyle)

public:
    // Geometry of a node card, in scene units (1 unit = 1 pixel at 100 %).
    // The sizes are the model's NodeMetrics, so the auto-layout places cards that fit.
    static constexpr qreal NodeWidth = NodeMetrics::kWidth;
    static constexpr qreal HeaderHeight = NodeMetrics::kHeaderHeight;
    static constexpr qreal PortRowHeight = NodeMetrics::kPortSpacing;
    static constexpr qreal FooterHeight = NodeMetrics::kFooterHeight;
    static constexpr qreal GridSize = NodeMetrics::kGridSize;
    static constexpr qreal PortRadius = 5;
    static constexpr qreal CornerRadius = 6;
    // Below these zoom levels, details are left out (level of detail).
    static constexpr qreal LodText = 0.45;  ///< port labels, template line, badge text
    static constexpr qreal LodTitle = 0.28; ///< the title
    static constexpr qreal LodShape = 0.28; ///< rounded corners, ports, curves, anti-aliasing

    static QColor portColor(const QString &type);
    static QColor stateColor(NodeRunState state);
    static QString stateText(NodeRunState state);
    static QColor diffColor(NodeDiffMark mark);
    /// "queued", "running", …; "pending" reads as queued. Unknown text is Idle.
    static NodeRunState stateFromString(const QString &state);

    static QColor canvasBackground() { return QColor(0xf4, 0xf5, 0xf8); }
    static QColor gridMinor() { return QColor(0xea, 0xec, 0xf1); }
    static QColor gridMajor() { return QColor(0xd9, 0xdc, 0xe4); }
    static QColor cardFill() { return QColor(0xff, 0xff, 0xff); }
    static QColor cardBorder() { return QColor(0xc9, 0xcf, 0xdb); }
    static QColor headerFill() { return QColor(0xf7, 0xf8, 0xfb); }
    static QColor titleText() { return QColor(0x1f, 0x24, 0x30); }
    static QColor secondaryText() { return QColor(0x6b, 0x74, 0x86); }
    static QColor accent() { return QColor(0x4f, 0x8c, 0xff); }
    static QColor noteFill() { return QColor(0xff, 0xf4, 0xb8); }
    static QColor noteBorder() { return QColor(0xe8, 0xd2, 0x6a); }

    static QFont titleFont();
    static QFont smallFont();
};

} // namespace atelier
