#include "registry/modelregistry.h"

#include "catalog/database.h"
#include "pools/poolstore.h"
#include "registry/modelvalidator.h"
#include "runs/rundetail.h"
#include "runs/runstore.h"
#include "storage/objectstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qint64 kSniffBytes = 64 * 1024;

/// Files of \a path: the file itself, or every file below the folder (sorted, relative).
QList<QPair<QString, QString>> filesOf(const QString &path)
{
    QList<QPair<QString, QString>> files; // relative path, absolute path
    const QFileInfo info(path);
    if (info.isFile()) {
        files.append({info.fileName(), info.absoluteFilePath()});
        return files;
    }
    const QDir base(info.absoluteFilePath());
    QDirIterator it(base.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        files.append({base.relativeFilePath(file), QFileInfo(file).absoluteFilePath()});
    }
    std::sort(files.begin(), files.end());
    return files;
}

QByteArray head(const QString &file, qint64 bytes)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(bytes);
}

QByteArray tail(const QString &file, qint64 bytes)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > bytes)
        f.seek(f.size() - bytes);
    return f.read(bytes);
}

bool isPickleContent(const QByteArray &start)
{
    // Protocol 2 and newer start with PROTO (0x80) and the protocol number.
    return start.size() >= 2 && quint8(start[0]) == 0x80 && quint8(start[1]) >= 2 &&
           quint8(start[1]) <= 5;
}

bool isZip(const QByteArray &start)
{
    return start.startsWith("PK\x03\x04");
}

/// TorchScript archives hold `constants.pkl` and a `code/` folder; torch.save zips do not.
bool isTorchScript(const QString &file)
{
    const QByteArray start = head(file, 4 * 1024 * 1024);
    if (!isZip(start))
        return false;
    const QByteArray end = tail(file, 1024 * 1024);
    auto has = [&](const char *needle) { return start.contains(needle) || end.contains(needle); };
    return has("constants.pkl") || has("/code/");
}

QString frameworkFromJson(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"sklearn"_s || v == u"scikit-learn"_s || v == u"scikit_learn"_s)
        return u"sklearn"_s;
    if (v == u"xgboost"_s || v == u"onnx"_s || v == u"torchscript"_s || v == u"safetensors"_s)
        return v;
    if (v == u"pytorch"_s || v == u"torch"_s)
        return u"pytorch"_s;
    return v.isEmpty() ? QString() : u"other"_s;
}

QJsonObject readJsonObject(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 16 * 1024 * 1024)
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// model.json next to (or inside) \a path.
QString modelJsonOf(const QString &path)
{
    const QFileInfo info(path);
    const QString json =
        info.isDir() ? QDir(path).filePath(u"model.json"_s) : info.dir().filePath(u"model.json"_s);
    return QFileInfo(json).isFile() ? json : QString();
}

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs); // stored with 'Z': UTC
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

constexpr const char *kVersionColumns =
    "SELECT v.id, m.name, v.version, v.framework, v.run_id, v.task_id, v.pipeline_commit, "
    "v.source_path, v.description, v.signature, v.metrics, v.params, v.tags, v.validation, "
    "v.validation_message, v.validated_at, v.created_by, v.created_at "
    "FROM model_versions v JOIN models m ON m.id = v.model_id ";

ModelVersionRecord versionFrom(const Query &row)
{
    ModelVersionRecord r;
    r.id = row.int64(0);
    r.model = row.text(1);
    r.version = int(row.int64(2));
    r.framework = row.text(3);
    r.runId = row.text(4);
    r.taskId = row.text(5);
    r.pipelineCommit = row.text(6);
    r.sourcePath = row.text(7);
    r.description = row.text(8);
    r.signature = parseObject(row.text(9));
    r.metrics = parseObject(row.text(10));
    r.params = parseObject(row.text(11));
    r.tags = parseObject(row.text(12));
    r.validation = row.text(13);
    r.validationMessage = row.text(14);
    r.validatedAt = parseTime(row.text(15));
    r.createdBy = row.text(16);
    r.createdAt = parseTime(row.text(17));
    return r;
}

/// Datasets named by the run's pipeline: a node param `dataset` (with `dataset_version` or
/// `version`), or the image folder a `folder` param of a dataset export reads.
QList<ModelDatasetRef> datasetsOfRun(const RunDetail &detail)
{
    QList<ModelDatasetRef> refs;
    for (auto it = detail.params.begin(); it != detail.params.end(); ++it) {
        const QString node = it.key().section(u'.', 0, -2);
        const QString param = it.key().section(u'.', -1);
        if (node.isEmpty() || node == u"variables"_s || it.value().isEmpty())
            continue;
        if (param == u"dataset"_s) {
            QString version = detail.params.value(node + u".dataset_version"_s);
            if (version.isEmpty())
                version = detail.params.value(node + u".version"_s);
            refs.append({it.value(), version});
        } else if (param == u"folder"_s) {
            const auto task = std::find_if(detail.tasks.begin(), detail.tasks.end(),
                                           [&](const TaskRecord &t) { return t.nodeId == node; });
            if (task != detail.tasks.end() && task->templateRef.startsWith(u"dataset-export"_s))
                refs.append({it.value(), QString()});
        }
    }
    return refs;
}

} // namespace

ModelRegistry::ModelRegistry(Database &db, QString workspaceRoot)
    : m_db(db), m_root(std::move(workspaceRoot))
{
}

bool ModelRegistry::isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"_s);
    return pattern.match(name).hasMatch();
}

bool ModelRegistry::isValidAlias(const QString &alias)
{
    static const QRegularExpression pattern(u"^[A-Za-z][A-Za-z0-9._-]{0,63}$"_s);
    return pattern.match(alias).hasMatch() && alias != u"latest"_s;
}

QString ModelRegistry::detectFramework(const QString &path)
{
    if (const QString json = modelJsonOf(path); !json.isEmpty()) {
        const QString declared =
            frameworkFromJson(readJsonObject(json).value(u"framework"_s).toString());
        if (!declared.isEmpty())
            return declared;
    }
    QSet<QString> found;
    for (const auto &[relative, absolute] : filesOf(path)) {
        const QString suffix = QFileInfo(relative).suffix().toLower();
        if (suffix == u"onnx"_s) {
            found.insert(u"onnx"_s);
        } else if (suffix == u"safetensors"_s) {
            found.insert(u"safetensors"_s);
        } else if (suffix == u"ubj"_s) {
            found.insert(u"xgboost"_s);
        } else if (suffix == u"json"_s) {
            const QByteArray start = head(absolute, kSniffBytes).trimmed();
            if (start.startsWith('{') && start.contains("\"learner\""))
                found.insert(u"xgboost"_s);
        } else if (suffix == u"pkl"_s || suffix == u"pickle"_s || suffix == u"joblib"_s) {
            found.insert(u"sklearn"_s);
        } else if (isTorchScript(absolute)) {
            found.insert(u"torchscript"_s);
        } else if (suffix == u"pt"_s || suffix == u"pth"_s) {
            if (isZip(head(absolute, 4)) || isPickleContent(head(absolute, 2)))
                found.insert(u"pytorch"_s);
        }
    }
    for (const QString &framework : {u"xgboost"_s, u"onnx"_s, u"torchscript"_s, u"safetensors"_s,
                                     u"pytorch"_s, u"sklearn"_s}) {
        if (found.contains(framework))
            return framework;
    }
    return u"other"_s;
}

QStringList ModelRegistry::pickleFiles(const QString &path)
{
    static const QStringList pickleSuffixes = {u"pkl"_s, u"pickle"_s, u"joblib"_s, u"pt"_s,
                                               u"pth"_s, u"ckpt"_s,   u"bin"_s,    u"sav"_s};
    QStringList result;
    for (const auto &[relative, absolute] : filesOf(path)) {
        const QString suffix = QFileInfo(relative).suffix().toLower();
        const QByteArray start = head(absolute, 4);
        const bool byName = pickleSuffixes.contains(suffix) &&
                            (suffix != u"bin"_s || isZip(start) || isPickleContent(start));
        if (byName || isPickleContent(start))
            result.append(relative);
    }
    return result;
}

bool ModelRegistry::isInsideWorkspace(const QString &path) const
{
    const QString root = QFileInfo(m_root).canonicalFilePath();
    const QString target = QFileInfo(path).canonicalFilePath();
    if (root.isEmpty() || target.isEmpty())
        return false;
    if (target == root || target.startsWith(root + u'/'))
        return true;
    // Task folders of a cluster pool live in its staging area (runs/ links to them): what
    // Atelier's own runs wrote there is the workspace's too.
    auto pools = PoolStore(m_db).list();
    for (const PoolRecord &pool : pools.value_or({})) {
        if (pool.slurm.staging.isEmpty())
            continue;
        const QString area =
            QFileInfo(QDir(pool.slurm.staging).filePath(u"atelier"_s)).canonicalFilePath();
        if (!area.isEmpty() && target.startsWith(area + u'/'))
            return true;
    }
    return false;
}

QJsonObject ModelRegistry::signatureOf(const QString &path)
{
    const QString json = modelJsonOf(path);
    if (json.isEmpty())
        return {};
    return signatureOfInfo(readJsonObject(json));
}

QJsonObject ModelRegistry::signatureOfInfo(const QJsonObject &info)
{
    const QJsonArray features = info.value(u"features"_s).toArray();
    if (features.isEmpty())
        return {};
    QJsonArray inputs;
    for (const QJsonValue &feature : features)
        inputs.append(QJsonObject{{u"name"_s, feature.toString()}, {u"type"_s, u"number"_s}});
    QJsonObject signature{{u"inputs"_s, inputs}};
    if (info.contains(u"target"_s))
        signature.insert(u"target"_s, info.value(u"target"_s));
    if (info.contains(u"classes"_s))
        signature.insert(u"classes"_s, info.value(u"classes"_s));
    return signature;
}

Result<QString> ModelRegistry::runOutputFolder(const QString &runId, const QString &taskId,
                                               const QString &port)
{
    RunStore runs(m_db);
    auto run = runs.run(runId);
    if (!run)
        return run.error();
    auto tasks = runs.tasks(runId);
    if (!tasks)
        return tasks.error();
    const QString portName = port.isEmpty() ? u"model"_s : port;
    auto folderOf = [&](const TaskRecord &task) -> QString {
        if (task.outputsDir.isEmpty())
            return {};
        const QString folder = QDir(task.outputsDir).filePath(portName);
        return QFileInfo(folder).isDir() && !filesOf(folder).isEmpty() ? folder : QString();
    };
    if (!taskId.isEmpty()) {
        for (const TaskRecord &task : tasks.value()) {
            if (task.nodeId != taskId)
                continue;
            const QString folder = folderOf(task);
            if (folder.isEmpty())
                return makeError(ErrorCode::NotFound,
                                 tr("Task %1 of run %2 has no output '%3' with files (state: "
                                    "%4).")
                                     .arg(taskId, runId, portName, task.state));
            return folder;
        }
        return makeError(ErrorCode::NotFound, tr("Run %1 has no task %2.").arg(runId, taskId));
    }
    for (auto it = tasks->crbegin(); it != tasks->crend(); ++it) {
        if (const QString folder = folderOf(*it); !folder.isEmpty())
            return folder;
    }
    return makeError(ErrorCode::NotFound,
                     tr("No task of run %1 has an output '%2' with files: name the task with "
                        "--task, or the port with --port.")
                         .arg(runId, portName));
}

Result<ModelVersionRecord> ModelRegistry::registerFromRun(const ModelRegisterOptions &options)
{
    if (options.runId.isEmpty())
        return makeError(ErrorCode::Invalid, tr("No run given to register a model from."));
    auto folder = runOutputFolder(options.runId, options.taskId, options.port);
    if (!folder)
        return folder.error();
    // The task is the folder's: outputs/<port> inside the task folder.
    QString taskId = options.taskId;
    if (taskId.isEmpty()) {
        RunStore runs(m_db);
        if (auto tasks = runs.tasks(options.runId); tasks) {
            for (const TaskRecord &task : tasks.value()) {
                if (!task.outputsDir.isEmpty() &&
                    QDir::cleanPath(
                        QDir(task.outputsDir)
                            .filePath(options.port.isEmpty() ? u"model"_s : options.port)) ==
                        QDir::cleanPath(folder.value()))
                    taskId = task.nodeId;
            }
        }
    }
    return store(folder.value(), options, taskId);
}

Result<ModelVersionRecord> ModelRegistry::registerPath(const QString &path,
                                                       const ModelRegisterOptions &options)
{
    // A run's output folder (runs/<run>/<task>/outputs/<port>) names the task that made it.
    QString taskId = options.taskId;
    if (taskId.isEmpty() && !options.runId.isEmpty()) {
        const QString runDir =
            QDir::cleanPath(QDir(m_root).filePath(u"runs/"_s + options.runId)) + u'/';
        const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        if (clean.startsWith(runDir))
            taskId = clean.mid(runDir.size()).section(u'/', 0, 0);
    }
    return store(path, options, taskId);
}

Result<ModelVersionRecord> ModelRegistry::store(const QString &path,
                                                const ModelRegisterOptions &options,
                                                const QString &taskId)
{
    if (!isValidName(options.name))
        return makeError(ErrorCode::Invalid,
                         tr("'%1' is not a model name: use letters, digits, '.', '_' and '-', "
                            "starting with a letter or digit.")
                             .arg(options.name));
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::NotFound, tr("%1 does not exist.").arg(path));
    const auto files = filesOf(path);
    if (files.isEmpty())
        return makeError(ErrorCode::Invalid, tr("%1 holds no files to register.").arg(path));
    for (const auto &file : files) {
        if (!QFileInfo(file.second).isReadable())
            return makeError(ErrorCode::Io, tr("Cannot read %1.").arg(file.second));
    }
    if (!options.trustPickle && !isInsideWorkspace(path)) {
        const QStringList pickles = pickleFiles(path);
        if (!pickles.isEmpty())
            return makeError(ErrorCode::Invalid,
                             tr("%1 holds pickle-based files (%2) from outside the workspace: "
                                "loading them can run any code. Register them only if you "
                                "trust where they came from, and confirm that you do.")
                                 .arg(path, pickles.join(u", "_s)));
    }

    // Lineage from the run, read before the write transaction.
    QString commit;
    QJsonObject metrics;
    QJsonObject params;
    QList<ModelDatasetRef> datasets;
    if (!options.runId.isEmpty()) {
        auto detail = RunDetail::load(m_root, options.runId);
        if (!detail)
            return detail.error();
        commit = detail->run.commitId;
        for (const MetricSummary &summary : detail->summaries) {
            if (!summary.key.startsWith(u"sys/"_s))
                metrics.insert(summary.key, metricJsonValue(summary.last));
        }
        for (auto it = detail->params.begin(); it != detail->params.end(); ++it)
            params.insert(it.key(), it.value());
        datasets = datasetsOfRun(detail.value());
    }
    for (const ModelDatasetRef &ref : options.datasets) {
        if (!datasets.contains(ref))
            datasets.append(ref);
    }

    // Files into the store (outside the transaction: objects are immutable and shared).
    const ObjectStore objects(QDir(m_root).filePath(u"objects"_s));
    QList<ModelFile> stored;
    for (const auto &[relative, absolute] : files) {
        auto object = objects.put(absolute);
        if (!object)
            return object.error();
        stored.append({relative, object->hash, object->size});
    }

    const QString framework = detectFramework(path);
    QJsonObject signature = signatureOf(path);
    QStringList warnings;
    // A bare pickled estimator: the serving template needs a model.json (its features), so it
    // is derived from the estimator now, with the consent given above, and stored beside it.
    if (framework == u"sklearn"_s && modelJsonOf(path).isEmpty()) {
        auto derived = deriveModelJson(files);
        if (!derived) {
            warnings.append(derived.error().message);
        } else {
            QTemporaryDir scratch;
            const QString json = scratch.filePath(u"model.json"_s);
            QFile out(json);
            if (!scratch.isValid() || !out.open(QIODevice::WriteOnly) ||
                out.write(QJsonDocument(derived.value()).toJson()) < 0 || !out.flush())
                return makeError(
                    ErrorCode::Io,
                    tr("Cannot write the derived model.json: %1").arg(out.errorString()));
            out.close();
            auto object = objects.put(json);
            if (!object)
                return object.error();
            stored.append({u"model.json"_s, object->hash, object->size});
            signature = signatureOfInfo(derived.value());
        }
    }

    if (options.skipIfUnchanged) {
        // The same files as the newest version: that version stands (re-runs of a cached
        // pipeline do not pile up identical versions).
        auto newest = versions(options.name);
        if (newest && !newest->isEmpty()) {
            auto sorted = [](QList<ModelFile> list) {
                std::sort(list.begin(), list.end(),
                          [](const ModelFile &a, const ModelFile &b) { return a.path < b.path; });
                QStringList keys;
                for (const ModelFile &file : list)
                    keys.append(file.path + u'\n' + file.hash);
                return keys;
            };
            if (sorted(newest->constFirst().files) == sorted(stored))
                return newest->constFirst();
        }
    }

    QJsonObject tags;
    for (auto it = options.tags.begin(); it != options.tags.end(); ++it)
        tags.insert(it.key(), it.value());
    const QString createdBy = options.createdBy.isEmpty() ? loginName() : options.createdBy;
    const QString source = info.absoluteFilePath();

    qint64 versionId = 0;
    Status written = m_db.transaction([&]() -> Status {
        for (const ModelFile &file : std::as_const(stored)) {
            if (auto ok = m_db.query("INSERT OR IGNORE INTO objects (hash, size) VALUES (?1, ?2);")
                              .bind(1, file.hash)
                              .bind(2, file.size)
                              .exec();
                !ok)
                return ok;
        }
        if (auto ok = m_db.query("INSERT OR IGNORE INTO models (name, description) VALUES (?1, "
                                 "?2);")
                          .bind(1, options.name)
                          .bind(2, options.description)
                          .exec();
            !ok)
            return ok;
        auto id = modelId(options.name);
        if (!id)
            return id.error();
        Query next = m_db.query(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_id = ?1;");
        next.bind(1, id.value());
        auto has = next.next();
        if (!has)
            return has.error();
        const qint64 number = next.int64(0);
        Query insert = m_db.query(
            "INSERT INTO model_versions (model_id, version, framework, run_id, task_id, "
            "pipeline_commit, source_path, description, signature, metrics, params, tags, "
            "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
            "RETURNING id;");
        insert.bind(1, id.value())
            .bind(2, number)
            .bind(3, framework)
            .bind(4, options.runId.isEmpty() ? QVariant() : QVariant(options.runId))
            .bind(5, taskId.isEmpty() ? QVariant() : QVariant(taskId))
            .bind(6, commit.isEmpty() ? QVariant() : QVariant(commit))
            .bind(7, source)
            .bind(8, options.description)
            .bind(9, signature.isEmpty() ? QVariant() : QVariant(compact(signature)))
            .bind(10, compact(metrics))
            .bind(11, compact(params))
            .bind(12, compact(tags))
            .bind(13, createdBy);
        auto inserted = insert.next();
        if (!inserted)
            return inserted.error();
        versionId = insert.int64(0);
        for (const ModelFile &file : std::as_const(stored)) {
            if (auto ok = m_db.query("INSERT INTO model_files (version_id, path, hash, size) "
                                     "VALUES (?1, ?2, ?3, ?4);")
                              .bind(1, versionId)
                              .bind(2, file.path)
                              .bind(3, file.hash)
                              .bind(4, file.size)
                              .exec();
                !ok)
                return ok;
        }
        for (const ModelDatasetRef &ref : std::as_const(datasets)) {
            if (auto ok = m_db.query("INSERT OR IGNORE INTO model_datasets (version_id, dataset, "
                                     "dataset_version) VALUES (?1, ?2, ?3);")
                              .bind(1, versionId)
                              .bind(2, ref.dataset)
                              .bind(3, ref.version)
                              .exec();
                !ok)
                return ok;
        }
        return {};
    });
    if (!written)
        return written.error();
    auto records = select("WHERE v.id = ?1;", versionId);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return makeError(ErrorCode::Internal, tr("The new model version could not be read back."));
    ModelVersionRecord record = records->constFirst();
    record.warnings = warnings;
    return record;
}

Result<QJsonObject>
ModelRegistry::deriveModelJson(const QList<QPair<QString, QString>> &files) const
{
    static const QStringList suffixes = {u"pkl"_s, u"pickle"_s, u"joblib"_s, u"sav"_s};
    QList<QPair<QString, QString>> pickles;
    for (const auto &file : files) {
        if (suffixes.contains(QFileInfo(file.first).suffix().toLower()))
            pickles.append(file);
    }
    const QString fix = tr("add a model.json that lists the \"features\" beside it and register "
                           "the folder, or the version cannot be deployed or predict");
    if (pickles.size() != 1)
        return makeError(ErrorCode::Invalid,
                         tr("No model.json was derived: %n pickled file(s), not one estimator; "
                            "%1.",
                            nullptr, int(pickles.size()))
                             .arg(fix));
    auto info = ModelValidator::describe(pickles.constFirst().second);
    if (!info)
        return makeError(ErrorCode::Invalid,
                         tr("No model.json was derived from %1: %2; %3.")
                             .arg(pickles.constFirst().first, info.error().message, fix));
    QJsonObject derived = info.value();
    derived.insert(u"file"_s, pickles.constFirst().first); // its path in the version
    return derived;
}

Result<qint64> ModelRegistry::modelId(const QString &model)
{
    Query q = m_db.query("SELECT id FROM models WHERE name = ?1;");
    q.bind(1, model);
    auto has = q.next();
    if (!has)
        return has.error();
    if (!has.value())
        return makeError(ErrorCode::NotFound,
                         tr("There is no model '%1'. 'atelier model list' shows the registered "
                            "ones.")
                             .arg(model));
    return q.int64(0);
}

Result<QList<ModelVersionRecord>> ModelRegistry::select(const char *where,
                                                        const QVariant &bindValue)
{
    const QByteArray sql = QByteArray(kVersionColumns) + where;
    QList<ModelVersionRecord> records;
    Query q = m_db.query(sql.constData());
    if (bindValue.isValid())
        q.bind(1, bindValue);
    Status read = q.forEach([&](const Query &row) { records.append(versionFrom(row)); });
    if (!read)
        return read.error();
    for (ModelVersionRecord &record : records) {
        if (auto ok = fillDetails(record); !ok)
            return ok.error();
    }
    return records;
}

Status ModelRegistry::fillDetails(ModelVersionRecord &record)
{
    Status files = m_db.query("SELECT path, hash, size FROM model_files WHERE version_id = ?1 "
                              "ORDER BY path;")
                       .bind(1, record.id)
                       .forEach([&](const Query &row) {
                           record.files.append({row.text(0), row.text(1), row.int64(2)});
                       });
    if (!files)
        return files;
    Status datasets = m_db.query("SELECT dataset, dataset_version FROM model_datasets WHERE "
                                 "version_id = ?1 ORDER BY dataset, dataset_version;")
                          .bind(1, record.id)
                          .forEach([&](const Query &row) {
                              record.datasets.append({row.text(0), row.text(1)});
                          });
    if (!datasets)
        return datasets;
    return m_db.query("SELECT alias FROM model_aliases WHERE version_id = ?1 ORDER BY alias;")
        .bind(1, record.id)
        .forEach([&](const Query &row) { record.aliases.append(row.text(0)); });
}

Result<QList<ModelSummary>> ModelRegistry::models()
{
    QList<ModelSummary> result;
    Status read = m_db.query("SELECT m.name, m.description, m.created_at, "
                             "(SELECT MAX(version) FROM model_versions WHERE model_id = m.id), "
                             "(SELECT COUNT(*) FROM model_versions WHERE model_id = m.id), "
                             "(SELECT framework FROM model_versions WHERE model_id = m.id "
                             " ORDER BY version DESC LIMIT 1) "
                             "FROM models m ORDER BY m.name;")
                      .forEach([&](const Query &row) {
                          ModelSummary summary;
                          summary.name = row.text(0);
                          summary.description = row.text(1);
                          summary.createdAt = parseTime(row.text(2));
                          summary.latestVersion = int(row.int64(3));
                          summary.versionCount = int(row.int64(4));
                          summary.latestFramework = row.text(5);
                          result.append(summary);
                      });
    if (!read)
        return read.error();
    for (ModelSummary &summary : result) {
        Status aliases = m_db.query("SELECT a.alias, v.version FROM model_aliases a "
                                    "JOIN models m ON m.id = a.model_id "
                                    "JOIN model_versions v ON v.id = a.version_id "
                                    "WHERE m.name = ?1;")
                             .bind(1, summary.name)
                             .forEach([&](const Query &row) {
                                 summary.aliases.insert(row.text(0), int(row.int64(1)));
                             });
        if (!aliases)
            return aliases.error();
    }
    return result;
}

Result<QList<ModelVersionRecord>> ModelRegistry::versions(const QString &model)
{
    if (model.isEmpty())
        return select("ORDER BY m.name, v.version DESC;", QVariant());
    if (auto id = modelId(model); !id)
        return id.error();
    return select("WHERE m.name = ?1 ORDER BY v.version DESC;", model);
}

Result<ModelVersionRecord> ModelRegistry::version(const QString &model, int version)
{
    auto all = versions(model);
    if (!all)
        return all.error();
    for (const ModelVersionRecord &record : all.value()) {
        if (record.version == version)
            return record;
    }
    return makeError(ErrorCode::NotFound,
                     tr("Model '%1' has no version %2.").arg(model).arg(version));
}

Result<ModelVersionRecord> ModelRegistry::resolve(const QString &reference)
{
    const qsizetype at = reference.indexOf(u'@');
    const qsizetype colon = reference.indexOf(u':');
    if (at > 0) {
        const QString model = reference.left(at);
        const QString alias = reference.mid(at + 1);
        auto all = versions(model);
        if (!all)
            return all.error();
        if (all->isEmpty())
            return makeError(ErrorCode::NotFound, tr("Model '%1' has no versions.").arg(model));
        if (alias == u"latest"_s)
            return all->constFirst();
        for (const ModelVersionRecord &record : all.value()) {
            if (record.aliases.contains(alias))
                return record;
        }
        return makeError(ErrorCode::NotFound,
                         tr("Model '%1' has no alias '%2'.").arg(model, alias));
    }
    if (colon > 0) {
        bool ok = false;
        const int number = reference.mid(colon + 1).toInt(&ok);
        if (!ok || number < 1)
            return makeError(ErrorCode::Invalid,
                             tr("'%1' is not a version number: write NAME:VERSION, e.g. %2:1.")
                                 .arg(reference.mid(colon + 1), reference.left(colon)));
        return version(reference.left(colon), number);
    }
    auto all = versions(reference);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound, tr("Model '%1' has no versions.").arg(reference));
    return all->constFirst();
}

Result<std::optional<int>> ModelRegistry::setAlias(const QString &model, int version,
                                                   const QString &alias)
{
    if (!isValidAlias(alias))
        return makeError(ErrorCode::Invalid,
                         tr("'%1' is not an alias name: start with a letter, then letters, "
                            "digits, '.', '_' or '-' ('latest' is reserved).")
                             .arg(alias));
    auto target = this->version(model, version);
    if (!target)
        return target.error();
    auto id = modelId(model);
    if (!id)
        return id.error();
    std::optional<int> previous;
    Status written = m_db.transaction([&]() -> Status {
        Query old = m_db.query("SELECT v.version FROM model_aliases a JOIN model_versions v ON "
                               "v.id = a.version_id WHERE a.model_id = ?1 AND a.alias = ?2;");
        old.bind(1, id.value()).bind(2, alias);
        auto has = old.next();
        if (!has)
            return has.error();
        if (has.value())
            previous = int(old.int64(0));
        if (previous == version)
            return {};
        if (auto ok = m_db.query("INSERT OR REPLACE INTO model_aliases (model_id, alias, "
                                 "version_id) VALUES (?1, ?2, ?3);")
                          .bind(1, id.value())
                          .bind(2, alias)
                          .bind(3, target->id)
                          .exec();
            !ok)
            return ok;
        return m_db
            .query("INSERT INTO model_alias_history (model_id, alias, from_version, to_version, "
                   "moved_by) VALUES (?1, ?2, ?3, ?4, ?5);")
            .bind(1, id.value())
            .bind(2, alias)
            .bind(3, previous ? QVariant(*previous) : QVariant())
            .bind(4, version)
            .bind(5, loginName())
            .exec();
    });
    if (!written)
        return written.error();
    return previous;
}

Status ModelRegistry::removeAlias(const QString &model, const QString &alias)
{
    auto id = modelId(model);
    if (!id)
        return id.error();
    return m_db.transaction([&]() -> Status {
        Query old = m_db.query("SELECT v.version FROM model_aliases a JOIN model_versions v ON "
                               "v.id = a.version_id WHERE a.model_id = ?1 AND a.alias = ?2;");
        old.bind(1, id.value()).bind(2, alias);
        auto has = old.next();
        if (!has)
            return has.error();
        if (!has.value())
            return makeError(ErrorCode::NotFound,
                             tr("Model '%1' has no alias '%2'.").arg(model, alias));
        const int previous = int(old.int64(0));
        if (auto ok = m_db.query("DELETE FROM model_aliases WHERE model_id = ?1 AND alias = ?2;")
                          .bind(1, id.value())
                          .bind(2, alias)
                          .exec();
            !ok)
            return ok;
        return m_db
            .query("INSERT INTO model_alias_history (model_id, alias, from_version, to_version, "
                   "moved_by) VALUES (?1, ?2, ?3, NULL, ?4);")
            .bind(1, id.value())
            .bind(2, alias)
            .bind(3, previous)
            .bind(4, loginName())
            .exec();
    });
}

Result<QList<ModelAliasMove>> ModelRegistry::aliasHistory(const QString &model)
{
    auto id = modelId(model);
    if (!id)
        return id.error();
    QList<ModelAliasMove> moves;
    Status read = m_db.query("SELECT alias, from_version, to_version, moved_by, moved_at FROM "
                             "model_alias_history WHERE model_id = ?1 ORDER BY id;")
                      .bind(1, id.value())
                      .forEach([&](const Query &row) {
                          ModelAliasMove move;
                          move.alias = row.text(0);
                          if (!row.isNull(1))
                              move.fromVersion = int(row.int64(1));
                          if (!row.isNull(2))
                              move.toVersion = int(row.int64(2));
                          move.movedBy = row.text(3);
                          move.movedAt = parseTime(row.text(4));
                          moves.append(move);
                      });
    if (!read)
        return read.error();
    return moves;
}

QString ModelRegistry::trainingImage(const ModelVersionRecord &version)
{
    if (version.runId.isEmpty() || version.taskId.isEmpty())
        return {};
    auto tasks = RunStore(m_db).tasks(version.runId);
    for (const TaskRecord &task : tasks ? tasks.value() : QList<TaskRecord>{}) {
        if (task.nodeId == version.taskId && !task.imageId.isEmpty())
            return u"%1@%2"_s.arg(task.image, task.imageId);
    }
    return {};
}

Result<QList<ModelVersionRecord>> ModelRegistry::versionsFromRun(const QString &runId)
{
    return select("WHERE v.run_id = ?1 ORDER BY m.name, v.version DESC;", runId);
}

Result<QList<ModelServiceRef>> ModelRegistry::services(qint64 versionId)
{
    QList<ModelServiceRef> result;
    Status read = m_db.query("SELECT id, state, pool, host, port, started_at FROM services "
                             "WHERE version_id = ?1 ORDER BY started_at DESC, id;")
                      .bind(1, versionId)
                      .forEach([&](const Query &row) {
                          ModelServiceRef service;
                          service.id = row.text(0);
                          service.state = row.text(1);
                          service.pool = row.text(2);
                          service.host = row.text(3);
                          if (!row.isNull(4))
                              service.port = int(row.int64(4));
                          service.startedAt = parseTime(row.text(5));
                          result.append(service);
                      });
    if (!read)
        return read.error();
    return result;
}

Status ModelRegistry::setValidation(qint64 versionId, bool passed, const QString &message)
{
    return m_db
        .query("UPDATE model_versions SET validation = ?1, validation_message = ?2, "
               "validated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?3;")
        .bind(1, passed ? u"passed"_s : u"failed"_s)
        .bind(2, message)
        .bind(3, versionId)
        .exec();
}

Result<ModelComparison> ModelRegistry::compare(const QString &model, int a, int b)
{
    auto first = version(model, a);
    if (!first)
        return first.error();
    auto second = version(model, b);
    if (!second)
        return second.error();
    ModelComparison comparison;
    comparison.a = first.value();
    comparison.b = second.value();
    QStringList metricKeys = comparison.a.metrics.keys() + comparison.b.metrics.keys();
    metricKeys.sort();
    metricKeys.removeDuplicates();
    for (const QString &key : std::as_const(metricKeys)) {
        ModelComparison::Metric metric{key, std::nullopt, std::nullopt};
        if (comparison.a.metrics.contains(key))
            metric.a = metricFromJson(comparison.a.metrics.value(key));
        if (comparison.b.metrics.contains(key))
            metric.b = metricFromJson(comparison.b.metrics.value(key));
        comparison.metrics.append(metric);
    }
    QStringList paramKeys = comparison.a.params.keys() + comparison.b.params.keys();
    paramKeys.sort();
    paramKeys.removeDuplicates();
    for (const QString &key : std::as_const(paramKeys)) {
        ModelComparison::Param param{key, std::nullopt, std::nullopt, false};
        if (comparison.a.params.contains(key))
            param.a = comparison.a.params.value(key).toString();
        if (comparison.b.params.contains(key))
            param.b = comparison.b.params.value(key).toString();
        param.changed = param.a != param.b;
        comparison.params.append(param);
    }
    return comparison;
}

} // namespace atelier
