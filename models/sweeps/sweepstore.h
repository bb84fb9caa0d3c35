#pragma once

#include "core/result.h"
#include "sweeps/sweepspec.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace atelier {

/// Where a sweep is and what its process last said (sweeps/NAME/status.json).
struct SweepStatus
{
    QString state; ///< running, finished, stopped, failed; "interrupted" when read while its
                   ///< process is gone without having said how it ended
    qint64 pid = 0;
    QString message;
    QJsonObject summary; ///< the driver's last summary: counts and best trial

    QJsonObject toJson() const;
    static SweepStatus fromJson(const QJsonObject &object);
};

/// The sweeps of a workspace: one folder each under sweeps/, holding sweep.json (what it was
/// started with), status.json (how it stands), study.db (the Optuna study) and, while a stop
/// is asked, a file named "stop".
class SweepStore final
{
    Q_DECLARE_TR_FUNCTIONS(SweepStore)

public:
    explicit SweepStore(QString workspaceRoot);

    QString folder(const QString &name) const;
    /// sqlite:///…/study.db, as Optuna (and a user's load_study) takes it.
    QString storageUrl(const QString &name) const;
    /// Names of the sweeps, sorted.
    QStringList list() const;
    bool exists(const QString &name) const;

    /// Makes the folder and writes sweep.json; refuses a name already taken.
    Status create(const SweepConfig &config);
    Result<SweepConfig> config(const QString &name) const;
    Status saveStatus(const QString &name, const SweepStatus &status);
    /// The status; "running" with a dead pid reads as "interrupted".
    SweepStatus status(const QString &name) const;

    /// The study as Optuna keeps it (the driver's summary: trials, best, counted, and the
    /// parameters' importances from optuna.importance.get_param_importances), read by
    /// a short-lived helper process. Blocking for about a second: not on the GUI thread.
    Result<QJsonObject> loadSummary(const QString &name) const;

    /// The best value after each finished trial, in trial order: (trial number, best so far)
    /// of the completed trials of \a summary.
    static QList<QPair<int, double>> bestSoFar(const QJsonObject &summary);

    Status requestStop(const QString &name);
    /// Asks the running sweep \a name to stop and waits up to \a waitMs for its process to
    /// say how it ended (its trials are stopped and queued again for a resume). Returns the
    /// status then: still "running" when the wait ran out. Refuses an unknown sweep or one
    /// that is not running. Blocking: not on the GUI thread.
    Result<SweepStatus> stop(const QString &name, int waitMs = 60000);
    bool stopRequested(const QString &name) const;
    void clearStop(const QString &name);

    /// Whether \a pid is a live process (not a zombie).
    static bool isAlive(qint64 pid);

private:
    QString m_root;
};

} // namespace atelier
