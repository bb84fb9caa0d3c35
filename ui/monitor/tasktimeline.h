#pragma once

#include "runs/runstore.h"

#include <QHash>
#include <QWidget>

namespace atelier {

/// A Gantt chart of a run's tasks: one row per task, a bar from start to end coloured by state.
class TaskTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTimeline)

public:
    explicit TaskTimeline(QWidget *parent = nullptr);

    /// Shows \a tasks, each named by its node's display name in \a names (else its id).
    void setTasks(const QList<TaskRecord> &tasks, const QHash<QString, QString> &names = {});
    QSize sizeHint() const override;
    /// The state colour shared with the run list.
    static QColor stateColour(const QString &state);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<TaskRecord> m_tasks;
    QHash<QString, QString> m_names;
};

} // namespace atelier
