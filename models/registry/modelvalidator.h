#pragma once

#include "core/result.h"
#include "registry/modelregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace atelier {

class Database;

/// The outcome of loading a model version with its framework.
struct ModelValidation
{
    bool passed = false;
    QString message; ///< the loader's message when it failed; what was checked when it passed
};

/// Checks that a model version loads: its files are copied out of the object store into a
/// temporary folder and `resources/serving/validate.py` loads them with the framework in a
/// separate Python process (and predicts one row of zeros when the signature is known).
/// Blocking, up to a minute; run it on a worker thread in the GUI.
class ModelValidator final
{
    Q_DECLARE_TR_FUNCTIONS(ModelValidator)

public:
    /// \a db is the catalog of the workspace in \a workspaceRoot.
    ModelValidator(Database &db, QString workspaceRoot);

    /// Validates \a version and records the result on it (model_versions.validation…).
    /// An Error only when the check could not be run at all (no Python, files missing).
    Result<ModelValidation> validate(const ModelVersionRecord &version, const QString &python = {});

    /// Copies the files of \a version from the object store into \a dir (relative paths kept).
    Status materialize(const ModelVersionRecord &version, const QString &dir) const;
    /// Runs the check on a folder of model files, recording nothing.
    static Result<ModelValidation> check(const QString &framework, const QString &dir,
                                         const QString &python = {});
    /// The model.json the serving template needs, derived from the scikit-learn estimator
    /// pickled in \a file: its features (feature_names_in_, else x0…x{n_features_in_ - 1}),
    /// classes_, whether it has predict_proba, and "file" (its name). Loading a pickle runs its
    /// code: call this only with the user's consent. Blocking, up to kTimeoutMs.
    static Result<QJsonObject> describe(const QString &file, const QString &python = {});
    /// The Python modules loading \a framework needs.
    static QStringList requiredModules(const QString &framework);
    /// Where validate.py is: in InstallPaths::servingDir().
    static QString scriptPath();

    static constexpr int kTimeoutMs = 60000;

private:
    Database &m_db;
    QString m_root;
};

} // namespace atelier
