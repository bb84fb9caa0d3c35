#pragma once

#include "runs/rundetail.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QCheckBox;
class QTabWidget;
class QTableWidget;
class QTimer;
class QTreeWidget;

namespace atelier {

class SweepsPanel;
class TaskTimeline;
class MetricChart;
class ChartSeries;
struct RunComparison;

/// The Runs view: runs filtered by pipeline, experiment, state and text; the selected run's
/// tasks on a timeline, its params, metrics (table and chart), logs and artifacts. Everything
/// is read on worker threads; a running run refreshes by itself.
class RunsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsView)

public:
    explicit RunsView(QWidget *parent = nullptr);
    ~RunsView() override;

    void setRuns(const QString &workspaceRoot, const QList<RunRecord> &runs);
    /// Reads the run list again (on a worker); emits runsReloaded. While the view is shown it
    /// does so by itself every few seconds, so a run started elsewhere (the pipeline editor,
    /// the scheduler, the command line) appears without a refresh.
    void reloadRuns();
    /// Selects \a runId and loads its detail; emits detailLoaded when shown.
    void showRun(const QString &runId);

    int visibleRunCount() const;
    /// True while a worker reads the detail, the log or the chart.
    bool isLoading() const;
    QString currentRun() const { return m_runId; }
    const RunDetail &detail() const { return m_detail; }
    void setStateFilter(const QString &state);
    void setTextFilter(const QString &text);
    QString logText() const;
    ChartSeries *chartModel() const { return m_chartModel; }
    SweepsPanel *sweepsPanel() const { return m_sweeps; }
    /// Selects these runs in the list (the chart overlays them).
    void selectRuns(const QStringList &runIds);
    /// Puts \a runIds into the experiment \a name (on a worker); emits experimentChanged.
    void addToExperiment(const QStringList &runIds, const QString &name);

Q_SIGNALS:
    void detailLoaded(const QString &runId);
    void runsReloaded();
    void logLoaded();
    void chartLoaded();
    void comparisonLoaded();
    void experimentChanged(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildOverview();
    QWidget *buildMetrics();
    QWidget *buildLogs();
    QWidget *buildArtifacts();
    void applyFilters();
    void loadDetail();
    void showDetail(const RunDetail &detail);
    void loadLog(qint64 offset);
    void findInLog();
    /// Charts the chosen metric of every selected run, one colour each.
    void loadChart();
    QStringList selectedRuns() const;
    QWidget *buildCompare();
    void loadComparison();
    void showComparison(const RunComparison &comparison);

    QString m_root;
    QList<RunRecord> m_runs;
    QString m_runId;
    RunDetail m_detail;
    bool m_loadingDetail = false;
    bool m_loadingLog = false;
    bool m_loadingChart = false;
    bool m_loadingComparison = false;
    bool m_loadingRuns = false;
    qint64 m_logOffset = -1;

    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_pipeline = nullptr;
    QComboBox *m_date = nullptr;
    QTreeWidget *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    TaskTimeline *m_timeline = nullptr;
    QTableWidget *m_params = nullptr;
    QTableWidget *m_metrics = nullptr;
    QComboBox *m_chartKey = nullptr;
    ChartSeries *m_chartModel = nullptr;
    MetricChart *m_chart = nullptr;
    QTableWidget *m_finals = nullptr; ///< the chosen metric's final value per run
    QLabel *m_reusedNote = nullptr;
    QLabel *m_malformed = nullptr;
    QComboBox *m_logTask = nullptr;
    QComboBox *m_logStream = nullptr;
    QCheckBox *m_follow = nullptr;
    QLineEdit *m_logSearch = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_logNote = nullptr;
    QTreeWidget *m_artifacts = nullptr;
    QTableWidget *m_compare = nullptr;
    QTimer *m_refresh = nullptr;
    QTimer *m_listRefresh = nullptr;
    SweepsPanel *m_sweeps = nullptr;
};

} // namespace atelier
