#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace atelier {

/// The sweep's Optuna helper (resources/sweeps/sweep_driver.py): one long-lived Python
/// process per sweep, asked in JSON lines over stdin/stdout. Requests block until the answer
/// line arrives (Optuna answers in milliseconds); use it from a thread that may wait that long.
class SweepDriver final
{
    Q_DECLARE_TR_FUNCTIONS(SweepDriver)
    Q_DISABLE_COPY_MOVE(SweepDriver)

public:
    SweepDriver() = default;
    ~SweepDriver();

    /// Starts the helper with a Python that can import optuna. Refuses, naming the package to
    /// install, when there is none.
    Status start();
    /// Sends \a request ({"op": …}) and returns the answer without its "ok"; a refusal of the
    /// helper ({"ok": false}) or its death becomes an Error.
    Result<QJsonObject> request(const QJsonObject &request);
    /// Sends \a request without waiting: the helper does it while Atelier goes on (a trial's
    /// task runs meanwhile), and its answer is read, unchecked, before the next request's.
    /// For what the sweep does not depend on (a trial's run id as a user attribute).
    void post(const QJsonObject &request);
    /// Closes stdin so the helper ends, and waits for it.
    void close();

    /// Where sweep_driver.py is: $ATELIER_SWEEPS_DIR, share/atelier/sweeps beside the
    /// executable, else the source tree's resources/sweeps. (One function, so the install
    /// layout can change in one place.)
    static QString scriptPath();

private:
    Result<QByteArray> readAnswer(const QString &op);

    QProcess m_process;
    QByteArray m_buffer;
    int m_unanswered = 0; ///< posted requests whose answers are still to be read
};

} // namespace atelier
