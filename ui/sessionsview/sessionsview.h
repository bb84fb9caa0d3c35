#pragma once

#include "core/result.h"
#include "runs/metricsstore.h"
#include "jupyter/sessionsources.h"
#include "sessions/sessionstore.h"

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace atelier {

class ChartSeries;
class MetricChart;

/// The Sessions page (issue #18): interactive Jupyter sessions with name, pool, state,
/// resources, uptime and idle time; Start (SessionStartDialog), Open in browser, Stop, Restart;
/// and the CPU, memory and GPU charts of the selected session, as runs have. Everything that
/// touches the catalog, a process or a file runs on a worker thread.
class SessionsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsView)

public:
    explicit SessionsView(QWidget *parent = nullptr);
    ~SessionsView() override;

    void setWorkspace(const QString &root);
    /// Sessions listed (for tests).
    int sessionCount() const;
    bool isBusy() const { return m_loads > 0 || m_acting; }
    /// The CPU, memory and GPU charts (for tests).
    const QList<MetricChart *> &charts() const { return m_charts; }
    QTreeWidget *list() const { return m_list; }

    /// One refresh's reading of the workspace.
    struct Snapshot
    {
        QList<SessionRecord> sessions;
        QList<double> idleSeconds;    ///< per session; -1 when unknown
        QString selected;             ///< the session whose resources were read
        QList<MetricPoint> resources; ///< of that session
    };
    static Result<Snapshot> load(const QString &root, const QString &selected);

Q_SIGNALS:
    void statusMessage(const QString &message);
    /// After each refresh has been shown.
    void loaded();

private:
    void refresh();
    void apply(const Snapshot &snapshot);
    void updateButtons();
    QString selectedId() const;
    const SessionRecord *selected() const;
    void startDialog();
    /// Runs \a action (start, stop, restart) on a worker, then refreshes.
    void
    act(const QString &busyText,
        std::function<Result<SessionRecord>(const QString &root, const QString &binary)> action);

    QString m_root;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_restart = nullptr;
    QList<ChartSeries *> m_series;
    QString m_chartsKey; ///< what the charts show: session, point count, last time
    QList<MetricChart *> m_charts;
    QTimer *m_timer = nullptr;
    QList<SessionRecord> m_sessions;
    int m_loads = 0;
    bool m_acting = false;
};

} // namespace atelier
