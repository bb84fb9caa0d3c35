#pragma once

// A YOLO-seg row holds one polygon; one instance of several parts is written as one outline
// and read back as its parts. The export and the import share this one encoding.

#include <QLineF>
#include <QList>
#include <QPolygonF>

namespace atelier::yolo {

/// The parts as one outline: the first part, then each further part reached from the first
/// part's first point (the anchor) along a zero-width bridge, walked round from its point
/// nearest the anchor and left the same way (as Ultralytics joins COCO's multi-part
/// segmentations): p0 … pn p0 q_s … q_s p0 r_s … r_s p0.
inline QPolygonF joinParts(const QList<QPolygonF> &parts)
{
    QPolygonF outline = parts.value(0);
    if (outline.isEmpty())
        return outline;
    const QPointF anchor = outline.first();
    for (qsizetype k = 1; k < parts.size(); ++k) {
        const QPolygonF &part = parts[k];
        if (part.isEmpty())
            continue;
        qsizetype nearest = 0;
        for (qsizetype i = 1; i < part.size(); ++i) {
            if (QLineF(anchor, part[i]).length() < QLineF(anchor, part[nearest]).length())
                nearest = i;
        }
        if (outline.last() != anchor)
            outline.append(anchor); // the first part closed: the bridge starts at its start
        for (qsizetype i = 0; i <= part.size(); ++i)
            outline.append(part[(nearest + i) % part.size()]);
        outline.append(anchor);
    }
    return outline;
}

/// The parts joinParts() joined, or the outline itself when it is not such a join (a
/// polygon that merely passes through its first point again stays one part).
inline QList<QPolygonF> splitParts(const QPolygonF &outline)
{
    if (outline.size() < 3)
        return {outline};
    const QPointF anchor = outline.first();
    QList<qsizetype> anchors;
    for (qsizetype i = 1; i < outline.size(); ++i) {
        if (outline[i] == anchor)
            anchors.append(i);
    }
    if (anchors.isEmpty() || anchors.last() != outline.size() - 1 || anchors.first() < 3)
        return {outline};
    QList<QPolygonF> parts{outline.mid(0, anchors.first())};
    for (qsizetype k = 0; k + 1 < anchors.size(); ++k) {
        QPolygonF part = outline.mid(anchors[k] + 1, anchors[k + 1] - anchors[k] - 1);
        // Walked round: it ends where it began, on a part of at least 3 points.
        if (part.size() < 4 || part.first() != part.last())
            return {outline};
        part.removeLast();
        parts.append(part);
    }
    return parts.size() > 1 ? parts : QList<QPolygonF>{outline};
}

} // namespace atelier::yolo
