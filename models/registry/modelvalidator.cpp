#include "registry/modelvalidator.h"

#include "core/installpaths.h"
#include "pipeline/pythonresolver.h"
#include "storage/objectstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <optional>

using namespace Qt::StringLiterals;

namespace atelier {

ModelValidator::ModelValidator(Database &db, QString workspaceRoot)
    : m_db(db), m_root(std::move(workspaceRoot))
{
}

QStringList ModelValidator::requiredModules(const QString &framework)
{
    if (framework == u"sklearn"_s)
        return {u"sklearn"_s};
    if (framework == u"xgboost"_s)
        return {u"xgboost"_s};
    if (framework == u"onnx"_s)
        return {u"onnx"_s};
    if (framework == u"torchscript"_s || framework == u"pytorch"_s)
        return {u"torch"_s};
    if (framework == u"safetensors"_s)
        return {u"safetensors"_s};
    return {};
}

QString ModelValidator::scriptPath()
{
    return InstallPaths::servingDir() + u"/validate.py"_s;
}

Status ModelValidator::materialize(const ModelVersionRecord &version, const QString &dir) const
{
    const ObjectStore objects(QDir(m_root).filePath(u"objects"_s));
    const QDir target(dir);
    for (const ModelFile &file : version.files) {
        const QString clean = QDir::cleanPath(file.path);
        if (clean.isEmpty() || QDir::isAbsolutePath(clean) || clean.startsWith(u"../"_s) ||
            clean == u".."_s)
            return makeError(ErrorCode::Corrupt,
                             tr("Model %1:%2 lists a file outside its folder: %3.")
                                 .arg(version.model)
                                 .arg(version.version)
                                 .arg(file.path));
        const QString source = objects.pathFor(file.hash);
        if (!QFileInfo(source).isFile())
            return makeError(ErrorCode::NotFound,
                             tr("The stored file %1 of model %2:%3 is missing from the object "
                                "store (%4).")
                                 .arg(file.path, version.model)
                                 .arg(version.version)
                                 .arg(source));
        const QString destination = target.filePath(clean);
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()))
            return makeError(ErrorCode::Io, tr("Cannot make a folder for %1.").arg(destination));
        QFile::remove(destination);
        if (!QFile::copy(source, destination))
            return makeError(ErrorCode::Io, tr("Cannot copy %1 to %2.").arg(source, destination));
        QFile(destination).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return {};
}

namespace {

/// What one run of validate.py answered: its last JSON line with "ok", or why there was none.
struct ScriptAnswer
{
    std::optional<QJsonObject> result;
    QString failure; ///< when there is no result
};

Result<ScriptAnswer> runScript(const QStringList &modules, const QStringList &arguments,
                               const QString &workingDir, const QString &python)
{
    const QString script = ModelValidator::scriptPath();
    if (!QFileInfo(script).isFile())
        return makeError(ErrorCode::NotFound,
                         ModelValidator::tr("The validation script is missing: %1.").arg(script));
    // An interpreter with the framework; without one, any python3 reports what is missing.
    auto interpreter = PythonResolver::find(modules, python);
    if (!interpreter)
        interpreter = PythonResolver::find({}, python);
    if (!interpreter)
        return interpreter.error();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    process.setProgram(interpreter.value());
    process.setArguments(QStringList{script} + arguments);
    process.setWorkingDirectory(workingDir);
    process.start();
    if (!process.waitForStarted(10000))
        return makeError(ErrorCode::Io, ModelValidator::tr("Cannot start %1: %2")
                                            .arg(interpreter.value(), process.errorString()));
    if (!process.waitForFinished(ModelValidator::kTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return ScriptAnswer{std::nullopt, ModelValidator::tr("Loading the model took longer "
                                                             "than %1 s.")
                                              .arg(ModelValidator::kTimeoutMs / 1000)};
    }
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QJsonDocument doc = QJsonDocument::fromJson(it->trimmed().toUtf8());
        if (doc.isObject() && doc.object().contains(u"ok"_s))
            return ScriptAnswer{doc.object(), {}};
    }
    const QString last = errors.section(u'\n', -1).trimmed();
    return ScriptAnswer{std::nullopt,
                        ModelValidator::tr("The validation process ended with status %1 without "
                                           "a result: %2")
                            .arg(process.exitCode())
                            .arg(last.isEmpty() ? ModelValidator::tr("no message") : last)};
}

} // namespace

Result<ModelValidation> ModelValidator::check(const QString &framework, const QString &dir,
                                              const QString &python)
{
    auto answer = runScript(requiredModules(framework),
                            {u"--framework"_s, framework, u"--dir"_s, dir}, dir, python);
    if (!answer)
        return answer.error();
    if (!answer->result)
        return ModelValidation{false, answer->failure};
    return ModelValidation{answer->result->value(u"ok"_s).toBool(),
                           answer->result->value(u"message"_s).toString()};
}

Result<QJsonObject> ModelValidator::describe(const QString &file, const QString &python)
{
    const QFileInfo info(file);
    auto answer =
        runScript(requiredModules(u"sklearn"_s), {u"--describe"_s, info.absoluteFilePath()},
                  info.absolutePath(), python);
    if (!answer)
        return answer.error();
    if (!answer->result)
        return makeError(ErrorCode::Invalid, answer->failure);
    if (!answer->result->value(u"ok"_s).toBool())
        return makeError(ErrorCode::Invalid, answer->result->value(u"message"_s).toString());
    return answer->result->value(u"info"_s).toObject();
}

Result<ModelValidation> ModelValidator::validate(const ModelVersionRecord &version,
                                                 const QString &python)
{
    QTemporaryDir temporary(QDir::temp().filePath(u"atelier-validate-XXXXXX"_s));
    if (!temporary.isValid())
        return makeError(ErrorCode::Io,
                         tr("Cannot make a temporary folder: %1").arg(temporary.errorString()));
    if (auto ok = materialize(version, temporary.path()); !ok)
        return ok.error();
    auto result = check(version.framework, temporary.path(), python);
    if (!result)
        return result;
    ModelRegistry registry(m_db, m_root);
    if (auto saved = registry.setValidation(version.id, result->passed, result->message); !saved)
        return saved.error();
    return result;
}

} // namespace atelier
