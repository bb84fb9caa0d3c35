#pragma once

#include <QJsonObject>
#include <QWidget>

class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QTableWidget;

namespace atelier {

/// The Sweeps tab of the Runs view: a workspace's sweeps, the chosen one's trials (number,
/// state, objective, duration, run, parameters) and a chart of the objective per trial with
/// the best-so-far line. The study is read on a worker thread (Optuna runs in a helper).
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

Q_SIGNALS:
    /// A trial's run was double-clicked.
    void openRun(const QString &runId);
    void loaded(const QString &sweep);

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
};

} // namespace atelier
