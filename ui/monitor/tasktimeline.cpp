#include "monitor/tasktimeline.h"

#include "shell/workspacesnapshot.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {
constexpr int kRowHeight = 24;
constexpr int kLabelWidth = 150;
constexpr int kMargin = 8;
} // namespace

TaskTimeline::TaskTimeline(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"taskTimeline"_s);
    setMinimumHeight(kRowHeight * 2);
}

void TaskTimeline::setTasks(const QList<TaskRecord> &tasks, const QHash<QString, QString> &names)
{
    m_tasks = tasks;
    m_names = names;
    updateGeometry();
    update();
}

QSize TaskTimeline::sizeHint() const
{
    return {600, int(m_tasks.size()) * kRowHeight + 2 * kMargin + 20};
}

QColor TaskTimeline::stateColour(const QString &state)
{
    if (state == u"succeeded"_s)
        return QColor(0x3c, 0xa5, 0x5c);
    if (state == u"failed"_s)
        return QColor(0xd9, 0x48, 0x3b);
    if (state == u"running"_s)
        return QColor(0x4f, 0x8c, 0xff);
    if (state == u"cached"_s)
        return QColor(0x8e, 0x7c, 0xc3);
    if (state == u"stopped"_s)
        return QColor(0xe0, 0x9a, 0x2b);
    if (state == u"lost"_s) // the pool stopped answering: its end is unknown
        return QColor(0x8a, 0x23, 0x4a);
    return QColor(0xa0, 0xa6, 0xb2); // pending, queued, skipped
}

void TaskTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());

    QDateTime first;
    QDateTime last;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const TaskRecord &task : std::as_const(m_tasks)) {
        if (!task.startedAt.isValid())
            continue;
        const QDateTime end = task.finishedAt.isValid() ? task.finishedAt : now;
        if (!first.isValid() || task.startedAt < first)
            first = task.startedAt;
        if (!last.isValid() || end > last)
            last = end;
    }
    const double span = first.isValid() ? std::max<qint64>(1, first.msecsTo(last)) : 1.0;
    const int left = kLabelWidth + kMargin;
    const int width = std::max(10, this->width() - left - kMargin);

    int y = kMargin;
    for (const TaskRecord &task : std::as_const(m_tasks)) {
        painter.setPen(palette().text().color());
        const QRect label(kMargin, y, kLabelWidth - kMargin, kRowHeight);
        painter.drawText(label, Qt::AlignVCenter | Qt::AlignLeft,
                         fontMetrics().elidedText(m_names.value(task.nodeId, task.nodeId),
                                                  Qt::ElideRight, label.width()));
        if (task.startedAt.isValid()) {
            const QDateTime end = task.finishedAt.isValid() ? task.finishedAt : now;
            const double x0 = left + width * (first.msecsTo(task.startedAt) / span);
            const double x1 = left + width * (first.msecsTo(end) / span);
            const QRectF bar(x0, y + 4, std::max(3.0, x1 - x0), kRowHeight - 8);
            painter.setPen(Qt::NoPen);
            painter.setBrush(stateColour(task.state));
            painter.drawRoundedRect(bar, 3, 3);
        } else {
            painter.setPen(palette().placeholderText().color());
            // Never started: a cached task reused earlier outputs, a skipped one had no input.
            painter.drawText(QRect(left, y, width, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                             task.state == u"cached"_s
                                 ? tr("cached: outputs of an earlier run reused")
                                 : WorkspaceSnapshot::runStateText(task.state));
        }
        y += kRowHeight;
    }
    if (first.isValid()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(QRect(left, y + 2, width, 16), Qt::AlignLeft, tr("0 s"));
        painter.drawText(QRect(left, y + 2, width, 16), Qt::AlignRight,
                         tr("%1 s").arg(span / 1000.0, 0, 'f', 1));
    }
}

} // namespace atelier
