#pragma once

#include "core/result.h"
#include "pipeline/pipelinestore.h"
#include "sweeps/sweepdriver.h"
#include "sweeps/sweepspec.h"
#include "sweeps/sweepstore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace atelier {

class Connector;
class Database;
class TemplateLibrary;

/// Runs a sweep: asks Optuna (through SweepDriver) for a trial's parameters, runs the
/// pipeline with them as one RunExecutor run (the output cache supplies the nodes the swept
/// parameters do not reach), reports the objective node's stepped metric points to the
/// pruner while it runs, and tells Optuna how the trial ended. Up to `parallel` trials at once.
/// Lives on the thread of the event loop that runs it; driver requests block briefly.
class SweepRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepRunner)

public:
    SweepRunner(Database &db, const TemplateLibrary &library, Connector &connector,
                QObject *parent = nullptr);
    ~SweepRunner() override;

    /// Starts (or, with trials already in the study, continues) \a config on \a pipeline:
    /// opens the study, fails and queues again the trials a dead sweep process left running,
    /// and starts the first trials from the event loop. The sweep folder must exist.
    Status start(const QString &workspaceRoot, const SweepConfig &config,
                 const LocatedPipeline &pipeline, const QString &atelierBinary);
    /// Adds a connector (a remote pool's) to every trial's executor, as
    /// RunExecutor::addConnector; \a connector must outlive the runner.
    void addConnector(Connector &connector) { m_extraConnectors.append(&connector); }
    /// Stops the running trials (their tasks are stopped) and starts no more; the stopped
    /// trials are queued again for a resume. finished() follows.
    void stop();

    /// The driver's summary of the study as it stands (trials, best, counted).
    QJsonObject summary();
    QString state() const { return m_state; }
    QString message() const { return m_message; }

    /// How often running trials are looked at (metrics, stop requests, the timeout).
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    void trialStarted(int number, const QString &runId, const QJsonObject &params);
    void trialFinished(int number, const QString &state, const QJsonValue &value,
                       const QString &reason);
    void finished(const QString &state, const QString &message);

private:
    struct Trial;
    void fill();
    bool launch();
    void onRunFinished(Trial *trial, const QString &runState);
    void poll();
    /// Reports the objective's new stepped points of \a trial; stops it when the pruner says
    /// so and \a mayPrune.
    void reportIntermediate(Trial &trial, bool mayPrune = true);
    /// The run whose metrics hold \a trial's objective: its own, or the one the cache reused.
    QString objectiveRun(const Trial &trial) const;
    void finish(const QString &state, const QString &message);
    enum class Refresh { Local, FromStudy };
    /// Writes status.json: the summary as this process keeps it, or read again from the study.
    void saveStatus(Refresh refresh = Refresh::Local);
    /// Counts a trial this process told, and keeps the best one.
    void noteTold(const Trial &trial, const QString &state, const QJsonValue &value);
    /// Ends the sweep with \a why before its budget is spent (a broken pipeline, a metric
    /// that is never logged): running trials are stopped first.
    void abort(const QString &why);

    Database &m_db;
    const TemplateLibrary &m_library;
    Connector &m_connector;
    QList<Connector *> m_extraConnectors;
    SweepDriver m_driver;
    SweepStore m_store{QString()};
    SweepConfig m_config;
    LocatedPipeline m_pipeline;
    QString m_workspaceRoot;
    QString m_atelierBinary;
    QList<Trial *> m_active;
    QTimer m_poll;
    QElapsedTimer m_clock;
    int m_counted = 0;  ///< trials that count towards the budget (from the study)
    int m_toldHere = 0; ///< trials this process finished
    int m_budget = 0;   ///< trials to reach: --trials, or a grid's size when smaller
    bool m_stopping = false;
    QString m_abortReason;
    QJsonObject m_summary; ///< the study's status ("states", "best", "counted") as last known
    QString m_state = QStringLiteral("pending");
    QString m_message;
};

} // namespace atelier
