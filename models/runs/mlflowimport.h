#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace atelier {

class Database;

/// Something in the MLflow store that was left out, and why.
struct MlflowImportProblem
{
    QString path; ///< relative to the store's folder
    int line = 0; ///< 1-based line of a metrics file; 0 when the whole file or run is meant
    QString reason;
};

/// What one import did.
struct MlflowImportReport
{
    int experiments = 0;        ///< active experiments found (created or matched by name)
    int experimentsDeleted = 0; ///< deleted experiments, skipped (.trash or lifecycle_stage)
    int runsImported = 0;
    int runsAlreadyImported = 0; ///< skipped: an ended run with the same id is in the catalog
    int runsUpdated = 0;         ///< imported again: running or scheduled at the last import
    int runsDeleted = 0;         ///< skipped: lifecycle_stage deleted
    int runsFailed = 0;          ///< left out because of a problem (listed in problems)
    qint64 metricPoints = 0;
    int params = 0;
    int tags = 0;
    QList<MlflowImportProblem> problems;
};

/// Reads an MLflow FileStore (an `mlruns` folder) into the catalog: experiments, runs with
/// their params, tags and metrics (NaN and infinite values kept). Runs keep their MLflow id
/// ("mlflow-<run_id>"), so importing the same store again adds only what is new, and brings
/// runs that were still running or scheduled up to date. MLflow's states map to Atelier's:
/// RUNNING → running, SCHEDULED → pending, FINISHED → succeeded, FAILED → failed, KILLED →
/// stopped; a missing end (null or 0) stays missing, so no duration is made up.
class MlflowImport final
{
    Q_DECLARE_TR_FUNCTIONS(MlflowImport)

public:
    /// Imports \a mlrunsDir into \a db; each run is written in one transaction (all of it or
    /// none). Refuses a folder that is not an MLflow file store; problems with single files
    /// or runs are listed in the report and do not stop the rest.
    static Result<MlflowImportReport> importStore(Database &db, const QString &mlrunsDir);
};

} // namespace atelier
