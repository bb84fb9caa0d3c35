#pragma once

#include <QJsonObject>
#include <QWidget>

class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QTableWidget;

namespace atelier {

class ParallelCoordinatesChart;

/// The Sweeps tab of the Runs view: a workspace's sweeps, the chosen one's trials (number,
/// state, objective, duration, run, parameters) and a chart of the objective per trial with
/// the best-so-far line, a parallel-coordinates chart of the parameters against the objective
/// (with their importances), and the best trial's run to open or its model to register. The
/// study is read, and a model registered, on a worker thread.
class SweepsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepsPanel)

public:
    explicit SweepsPanel(QWidget *parent = nullptr);
    ~SweepsPanel() override;

    /// Lists the sweeps of \a workspaceRoot (keeps the chosen one when it is still there).
    void setWorkspace(const QString &workspaceRoot);
    /// Reads the chosen sweep's study again.
    void reload();

    QString currentSweep() const;
    bool isLoading() const { return m_loading; }
    QTableWidget *trialsTable() const { return m_trials; }
    QScatterSeries *valueSeries() const { return m_values; }
    QLineSeries *bestSeries() const { return m_best; }
    ParallelCoordinatesChart *parallelChart() const { return m_parallel; }
    /// The run of the best trial shown; empty when none.
    QString bestRun() const { return m_bestRun; }
    /// Registers the model of the best trial's run as a new version of \a modelName
    /// (ModelRegistry::registerFromRun, off the GUI thread); modelRegistered or
    /// registerFailed follows.
    void registerBest(const QString &modelName);

Q_SIGNALS:
    /// A trial's run was double-clicked.
    void openRun(const QString &runId);
    void loaded(const QString &sweep);
    /// \a reference is "model:version".
    void modelRegistered(const QString &reference);
    void registerFailed(const QString &message);

private:
    void display(const QString &sweep, const QJsonObject &summary, const QString &problem);

    QString m_root;
    bool m_loading = false;
    QComboBox *m_sweep = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_trials = nullptr;
    QChart *m_chart = nullptr;
    QScatterSeries *m_values = nullptr;
    QLineSeries *m_best = nullptr;
    ParallelCoordinatesChart *m_parallel = nullptr;
    QPushButton *m_openBest = nullptr;
    QPushButton *m_registerBest = nullptr;
    QLabel *m_actionResult = nullptr;
    QString m_bestRun;
};

} // namespace atelier
