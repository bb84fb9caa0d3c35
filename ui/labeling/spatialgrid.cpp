#include "labeling/spatialgrid.h"

#include <QSet>

#include <cmath>

namespace atelier {

void SpatialGrid::reset(const QSize &imageSize, double cell)
{
    const int width = qMax(1, imageSize.width());
    const int height = qMax(1, imageSize.height());
    m_columns = qBound(1, int(std::ceil(width / cell)), 64);
    m_rows = qBound(1, int(std::ceil(height / cell)), 64);
    m_cellWidth = double(width) / m_columns;
    m_cellHeight = double(height) / m_rows;
    clear();
}

void SpatialGrid::clear()
{
    m_cells.assign(size_t(m_columns) * size_t(m_rows), {});
    m_bounds.clear();
}

QRect SpatialGrid::cellsOf(const QRectF &bounds) const
{
    // Shapes outside the image (while dragged) land in the border cells.
    const int left = qBound(0, int(std::floor(bounds.left() / m_cellWidth)), m_columns - 1);
    const int right = qBound(0, int(std::floor(bounds.right() / m_cellWidth)), m_columns - 1);
    const int top = qBound(0, int(std::floor(bounds.top() / m_cellHeight)), m_rows - 1);
    const int bottom = qBound(0, int(std::floor(bounds.bottom() / m_cellHeight)), m_rows - 1);
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

void SpatialGrid::insert(qint64 id, const QRectF &bounds)
{
    if (m_cells.empty())
        reset({1, 1});
    m_bounds.insert(id, bounds);
    const QRect cells = cellsOf(bounds);
    for (int row = cells.top(); row <= cells.bottom(); ++row) {
        for (int column = cells.left(); column <= cells.right(); ++column)
            m_cells[size_t(row) * size_t(m_columns) + size_t(column)].append(id);
    }
}

void SpatialGrid::remove(qint64 id)
{
    auto it = m_bounds.find(id);
    if (it == m_bounds.end())
        return;
    const QRect cells = cellsOf(it.value());
    m_bounds.erase(it);
    for (int row = cells.top(); row <= cells.bottom(); ++row) {
        for (int column = cells.left(); column <= cells.right(); ++column)
            m_cells[size_t(row) * size_t(m_columns) + size_t(column)].removeOne(id);
    }
}

void SpatialGrid::update(qint64 id, const QRectF &bounds)
{
    remove(id);
    insert(id, bounds);
}

QList<qint64> SpatialGrid::query(const QRectF &area) const
{
    QList<qint64> result;
    if (m_cells.empty())
        return result;
    const QRect cells = cellsOf(area);
    const bool single = cells.width() == 1 && cells.height() == 1;
    QSet<qint64> seen;
    for (int row = cells.top(); row <= cells.bottom(); ++row) {
        for (int column = cells.left(); column <= cells.right(); ++column) {
            for (qint64 id : m_cells[size_t(row) * size_t(m_columns) + size_t(column)]) {
                if (!single && seen.contains(id))
                    continue;
                if (!m_bounds.value(id).intersects(area) &&
                    !m_bounds.value(id).adjusted(-0.5, -0.5, 0.5, 0.5).intersects(area))
                    continue;
                if (!single)
                    seen.insert(id);
                result.append(id);
            }
        }
    }
    return result;
}

} // namespace atelier
