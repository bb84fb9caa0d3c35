#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {

class Database;

/// One file of a model version: its path inside the version and its object in the store.
struct ModelFile
{
    QString path; ///< relative, '/'-separated ("model.pkl", "weights/part-1.bin")
    QString hash; ///< SHA-256 of the content (objects/ab/cd…)
    qint64 size = 0;
};

/// A dataset version a model version was trained on (catalog table `model_datasets`).
struct ModelDatasetRef
{
    QString dataset;
    QString version; ///< empty for an unversioned folder
    bool operator==(const ModelDatasetRef &) const = default;
};

/// A registered model version (catalog table `model_versions`) with its files, datasets and
/// the aliases that point at it.
struct ModelVersionRecord
{
    qint64 id = 0;
    QString model;
    int version = 0;
    QString framework; ///< sklearn, xgboost, onnx, torchscript, pytorch, safetensors, other
    QString runId;     ///< empty when registered from a loose file
    QString taskId;
    QString pipelineCommit;
    QString sourcePath;
    QString description;
    QJsonObject
        signature; ///< {"inputs": [{"name", "type"}…], "target", "classes"}; empty when unknown
    QJsonObject metrics; ///< key → last value, copied from the run
    QJsonObject params;  ///< key → value, copied from the run
    QJsonObject tags;    ///< key → value
    QString validation;  ///< "passed", "failed", or empty when never validated
    QString validationMessage;
    QDateTime validatedAt;
    QString createdBy;
    QDateTime createdAt;
    QStringList aliases; ///< sorted
    QList<ModelFile> files;
    QList<ModelDatasetRef> datasets;
    /// Registration only, not stored: what could not be done (e.g. no model.json derived).
    QStringList warnings;
};

/// A registered model with a digest of its versions.
struct ModelSummary
{
    QString name;
    QString description;
    int latestVersion = 0;
    int versionCount = 0;
    QString latestFramework;
    QMap<QString, int> aliases; ///< alias → version
    QDateTime createdAt;
};

/// One move of an alias (catalog table `model_alias_history`); a missing version means the
/// alias was set for the first time (from) or removed (to).
struct ModelAliasMove
{
    QString alias;
    std::optional<int> fromVersion;
    std::optional<int> toVersion;
    QString movedBy;
    QDateTime movedAt;
};

/// A service that serves a model version (catalog table `services`), for lineage.
struct ModelServiceRef
{
    QString id;
    QString state;
    QString pool;
    QString host;
    std::optional<int> port;
    QDateTime startedAt;
};

/// What to register and where it came from.
struct ModelRegisterOptions
{
    QString name;
    QString description;
    QMap<QString, QString> tags;
    /// A run to link (and, for registerFromRun, to take the files from).
    QString runId;
    /// registerFromRun: the task whose output port to take; empty for the run's last task
    /// that has a model output folder.
    QString taskId;
    QString port = QStringLiteral("model");
    QList<ModelDatasetRef> datasets; ///< added to those found in the run
    /// The user confirmed that pickle-based files from outside the workspace may be loaded.
    bool trustPickle = false;
    /// When the files equal the newest version's, return that version instead of a new one.
    bool skipIfUnchanged = false;
    QString createdBy; ///< empty: the login name
};

/// Two versions of one model side by side.
struct ModelComparison
{
    struct Metric
    {
        QString key;
        std::optional<double> a;
        std::optional<double> b;
    };
    struct Param
    {
        QString key;
        std::optional<QString> a;
        std::optional<QString> b;
        bool changed = false;
    };
    ModelVersionRecord a;
    ModelVersionRecord b;
    QList<Metric> metrics; ///< every key of either, sorted
    QList<Param> params;   ///< every key of either, sorted; changed when they differ
};

/// The model registry over a workspace's catalog: versions stored content-addressed in
/// `objects/`, with lineage to runs, pipeline commits and dataset versions, aliases with their
/// history, and validation results. Blocking; one instance per catalog connection (thread).
class ModelRegistry final
{
    Q_DECLARE_TR_FUNCTIONS(ModelRegistry)

public:
    /// \a db is the catalog of the workspace in \a workspaceRoot.
    ModelRegistry(Database &db, QString workspaceRoot);

    /// Registers the file or folder \a path (a folder: every file in it, relative paths kept)
    /// as the next version of \a options.name (made when new). Refuses pickle-based files from
    /// outside the workspace unless \a options.trustPickle.
    Result<ModelVersionRecord> registerPath(const QString &path,
                                            const ModelRegisterOptions &options);
    /// Registers the output port folder of a task of \a options.runId (see ModelRegisterOptions).
    Result<ModelVersionRecord> registerFromRun(const ModelRegisterOptions &options);
    /// The folder registerFromRun would take: the task's outputs/<port>.
    Result<QString> runOutputFolder(const QString &runId, const QString &taskId,
                                    const QString &port);

    /// Every model, by name.
    Result<QList<ModelSummary>> models();
    /// Versions of \a model (every model's when empty): by model name, newest version first.
    Result<QList<ModelVersionRecord>> versions(const QString &model = {});
    Result<ModelVersionRecord> version(const QString &model, int version);
    /// "NAME" (the newest version), "NAME:VERSION" or "NAME@ALIAS".
    Result<ModelVersionRecord> resolve(const QString &reference);

    /// Points \a alias of \a model at \a version, moving it from another version when set;
    /// the move is recorded. Returns the version it pointed at before, if any.
    Result<std::optional<int>> setAlias(const QString &model, int version, const QString &alias);
    /// Removes \a alias (recorded as a move to no version).
    Status removeAlias(const QString &model, const QString &alias);
    /// Alias moves of \a model, oldest first.
    Result<QList<ModelAliasMove>> aliasHistory(const QString &model);

    /// Lineage: the versions registered from \a runId.
    Result<QList<ModelVersionRecord>> versionsFromRun(const QString &runId);
    /// Lineage down to the environment: "NAME@ID" of the image \a version's training task ran
    /// in; empty when it ran on the host, or the run or task is not known.
    QString trainingImage(const ModelVersionRecord &version);
    /// Lineage: the services of the version with catalog id \a versionId.
    Result<QList<ModelServiceRef>> services(qint64 versionId);

    /// Records a validation result on the version with catalog id \a versionId.
    Status setValidation(qint64 versionId, bool passed, const QString &message);

    /// Metrics side by side and params diff of versions \a a and \a b of \a model.
    Result<ModelComparison> compare(const QString &model, int a, int b);

    /// The framework of a file or folder: model.json's "framework" first, then file names and
    /// content (pickle/joblib → sklearn, UBJ or JSON with "learner" → xgboost, .onnx,
    /// TorchScript zip, .safetensors), else "other".
    static QString detectFramework(const QString &path);
    /// Files (relative paths) of \a path whose loading can run code: pickle, joblib, torch
    /// pickles — by name or pickle content.
    static QStringList pickleFiles(const QString &path);
    /// True when \a path lies inside the workspace (after resolving links).
    bool isInsideWorkspace(const QString &path) const;
    /// The model.json "features" as a signature, empty when there is none.
    static QJsonObject signatureOf(const QString &path);
    /// The same from model.json's content \a info.
    static QJsonObject signatureOfInfo(const QJsonObject &info);

    /// Model names: a letter or digit, then letters, digits, '.', '_' or '-'.
    static bool isValidName(const QString &name);
    /// Alias names: a letter, then letters, digits, '.', '_' or '-'; not "latest".
    static bool isValidAlias(const QString &alias);

private:
    Result<ModelVersionRecord> store(const QString &path, const ModelRegisterOptions &options,
                                     const QString &taskId);
    Result<QList<ModelVersionRecord>> select(const char *sql, const QVariant &bindValue);
    /// model.json for the one pickled estimator among \a files (relative, absolute paths),
    /// from the estimator itself (ModelValidator::describe); the error says what to do.
    Result<QJsonObject> deriveModelJson(const QList<QPair<QString, QString>> &files) const;
    Status fillDetails(ModelVersionRecord &record);
    Result<qint64> modelId(const QString &model);

    Database &m_db;
    QString m_root;
};

} // namespace atelier
