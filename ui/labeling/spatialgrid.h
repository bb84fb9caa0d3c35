#pragma once

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSize>

#include <vector>

namespace atelier {

/// A uniform grid over an image for finding shapes near a point or inside a rectangle without
/// looking at every shape: each id is listed in the cells its bounds overlap.
class SpatialGrid final
{
public:
    /// A grid over \a imageSize with cells of about \a cell pixels (at most 64 × 64 cells).
    void reset(const QSize &imageSize, double cell = 64);
    void clear();
    void insert(qint64 id, const QRectF &bounds);
    void remove(qint64 id);
    void update(qint64 id, const QRectF &bounds);
    /// Ids whose bounds intersect \a area (each once, unordered).
    QList<qint64> query(const QRectF &area) const;
    QRectF bounds(qint64 id) const { return m_bounds.value(id); }
    int size() const { return int(m_bounds.size()); }

private:
    QRect cellsOf(const QRectF &bounds) const;
    std::vector<QList<qint64>> m_cells;
    QHash<qint64, QRectF> m_bounds;
    int m_columns = 1;
    int m_rows = 1;
    double m_cellWidth = 64;
    double m_cellHeight = 64;
};

} // namespace atelier
