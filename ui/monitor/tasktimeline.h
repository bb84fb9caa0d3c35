#pragma once

#include "runs/runstore.h"

#include <QWidget>

namespace atelier {

/// A Gantt chart of a run's tasks: one row per task, a bar from start to end coloured by state.
class TaskTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTimeline)

public:
    explicit TaskTimeline(QWidget *parent = nullptr);

    void setTasks(const QList<TaskRecord> &tasks);
    QSize sizeHint() const override;
    /// The state colour shared with the run list.
    static QColor stateColour(const QString &state);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<TaskRecord> m_tasks;
};

} // namespace atelier
