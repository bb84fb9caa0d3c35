#include "pipeline/runexecutorprivate.h"

#include "core/installpaths.h"
#include "pipeline/pythonresolver.h"
#include "storage/contenthash.h"
#include "storage/objectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

// How one task of a run is launched: its command with the placeholders filled in, the cache
// key of everything that decides its outputs, its environment variables and, for a task in
// an image, what its container may see.

namespace atelier {

namespace {

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)) && std::abs(number) < 1e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

} // namespace

QString RunExecutor::prepare(int i)
{
    Private::Task &task = d->tasks[i];
    // Inputs: the directories of the upstream output ports.
    QMap<QString, QString> inputDirs;
    for (qsizetype k = 0; k < task.inputs.size(); ++k) {
        const Private::Task &upstream = d->tasks[task.inputs[k].second];
        inputDirs.insert(task.inputs[k].first,
                         QDir(upstream.record.outputsDir).filePath(task.inputFromPort[k]));
    }

    // The command, and the cache key made of everything that decides the outputs.
    QString python;
    if (!task.environment.isHost()) {
        python = u"python3"_s; // the image's, found on its PATH; `requires` was checked in it
    } else if (task.spec.command.join(u' ').contains(u"{python}"_s)) {
        auto found = PythonResolver::find(task.spec.requiredModules, d->request.python);
        if (!found)
            return found.error().message;
        python = found.value();
    }
    const QString dir = d->taskDir(task);
    const QString outputsDir = QDir(dir).filePath(u"outputs"_s);
    QMap<QString, QString> context{{u"run_id"_s, d->run.id},
                                   {u"task_id"_s, task.node.id},
                                   {u"workspace"_s, d->request.workspaceRoot},
                                   {u"date"_s, d->request.logicalDate.isEmpty()
                                                   ? QDate::currentDate().toString(Qt::ISODate)
                                                   : d->request.logicalDate.left(10)}};
    for (auto it = d->variables.begin(); it != d->variables.end(); ++it)
        context.insert(u"variables."_s + it.key(), it.value());

    static const QRegularExpression doubleBraces(u"\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\}\\}"_s);
    QString substitutionError;
    auto expandContext = [&](const QString &text) {
        QString result;
        qsizetype last = 0;
        for (auto it = doubleBraces.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            result += text.mid(last, match.capturedStart() - last);
            const QString name = match.captured(1);
            if (!context.contains(name) && substitutionError.isEmpty())
                substitutionError = tr("unknown substitution {{%1}}").arg(name);
            result += context.value(name);
            last = match.capturedEnd();
        }
        return result + text.mid(last);
    };
    QMap<QString, QString> params;
    QJsonObject resolvedParams;
    for (const ParamSpec &param : std::as_const(task.spec.params)) {
        const QJsonValue value = task.node.params.contains(param.name)
                                     ? task.node.params.value(param.name)
                                     : param.defaultValue;
        const QString text = expandContext(valueText(value));
        // A relative path names a file in the workspace's repo (a notebook, a script), wherever
        // the run was started from; the key keeps the text as written, the file's content is
        // hashed below.
        const bool inRepo = param.type == ParamType::Path && !text.isEmpty() &&
                            QDir::isRelativePath(text) && !d->request.workspaceRoot.isEmpty();
        params.insert(param.name,
                      inRepo ? QDir(d->request.workspaceRoot).filePath(u"repo/"_s + text) : text);
        resolvedParams.insert(param.name, text);
    }
    static const QRegularExpression single(u"\\{([a-z_]+)(?:\\.([A-Za-z0-9_]+))?\\}"_s);
    auto expandCommand = [&](const QString &element, bool forKey) {
        const QString contextual = expandContext(element);
        QString result;
        qsizetype last = 0;
        for (auto it = single.globalMatch(contextual); it.hasNext();) {
            const auto match = it.next();
            result += contextual.mid(last, match.capturedStart() - last);
            const QString kind = match.captured(1);
            const QString name = match.captured(2);
            if (kind == u"python"_s)
                result += forKey ? u"{python}"_s : python;
            else if (kind == u"atelier"_s)
                result += forKey ? u"{atelier}"_s : d->request.atelierBinary;
            else if (kind == u"template_dir"_s)
                result += forKey ? u"{template_dir}"_s : task.spec.directory;
            else if (kind == u"params"_s)
                result += params.value(name);
            else if (kind == u"inputs"_s)
                result += forKey ? u"{inputs."_s + name + u'}' : inputDirs.value(name);
            else if (kind == u"outputs"_s)
                result += forKey ? u"{outputs."_s + name + u'}' : QDir(outputsDir).filePath(name);
            else
                result += match.captured(0);
            last = match.capturedEnd();
        }
        return result + contextual.mid(last);
    };
    QStringList argv;
    QStringList keyArgv;
    for (const QString &element : std::as_const(task.spec.command)) {
        argv.append(expandCommand(element, false));
        keyArgv.append(expandCommand(element, true));
    }
    if (!substitutionError.isEmpty())
        return substitutionError;
    if (!task.node.distributed.isEmpty()) {
        // The launcher starts processes_per_node copies of the command on each node, with the
        // variables of the strategy (MASTER_ADDR, RANK, …); its settings are part of the key.
        const QStringList settings{
            u"--strategy"_s,       task.node.distributed,
            u"--nnodes"_s,         QString::number(task.need.nodes),
            u"--nproc-per-node"_s, QString::number(task.need.processesPerNode)};
        const QString launcher =
            QDir(InstallPaths::templatesDir()).filePath(u"atelier_distributed.py"_s);
        argv = QStringList{argv.value(0), launcher} + settings +
               QStringList{u"--log-dir"_s, QDir(dir).filePath(u"ranks"_s), u"--"_s} + argv.mid(1);
        keyArgv = QStringList{keyArgv.value(0), u"{distributed}"_s} + settings + keyArgv.mid(1);
    }

    // The cache key: everything that decides the outputs, not where they go.
    QCryptographicHash key(QCryptographicHash::Sha256);
    key.addData(task.spec.ref().toUtf8());
    key.addData(task.node.id.toUtf8());
    key.addData(QJsonDocument(QJsonArray::fromStringList(keyArgv)).toJson());
    key.addData(QJsonDocument(resolvedParams).toJson(QJsonDocument::Compact));
    QString &templateHash = d->templateHashes[task.spec.directory];
    if (templateHash.isEmpty())
        templateHash = hashDirectory(task.spec.directory).value_or(u"-"_s);
    key.addData(templateHash.toUtf8());
    // The image decides what the command does: another image id is another result. A task on
    // the host adds nothing, so keys made before environments existed still match.
    if (!task.environment.isHost())
        key.addData(u"image:"_s.toUtf8() + task.record.imageId.toUtf8());
    for (const ParamSpec &param : std::as_const(task.spec.params)) {
        // A file or folder named by a path param is an input too.
        const QFileInfo path(params.value(param.name));
        if (param.type != ParamType::Path || params.value(param.name).isEmpty() || !path.exists())
            continue;
        key.addData(param.name.toUtf8());
        key.addData(
            (path.isDir() ? hashDirectory(path.filePath()) : ObjectStore::hashFile(path.filePath()))
                .value_or(QString())
                .toUtf8());
    }
    for (auto it = inputDirs.begin(); it != inputDirs.end(); ++it) {
        key.addData(it.key().toUtf8());
        key.addData(hashDirectory(it.value()).value_or(QString()).toUtf8());
    }
    task.record.cacheKey = QString::fromLatin1(key.result().toHex());

    TaskLaunch &launch = task.launch;
    launch.key = d->taskKey(task);
    launch.argv = argv;
    launch.workingDirectory = dir;
    launch.stdoutPath = QDir(dir).filePath(u"stdout.log"_s);
    launch.stderrPath = QDir(dir).filePath(u"stderr.log"_s);
    launch.timeoutS = task.node.timeoutS;
    launch.resources = task.need;
    launch.outputCapBytes = d->request.outputCapBytes;
    launch.environment = {{u"ATELIER_RUN_ID"_s, d->run.id},
                          {u"ATELIER_TASK_ID"_s, task.node.id},
                          {u"ATELIER_TASK_DIR"_s, dir},
                          {u"ATELIER_METRICS_FILE"_s, QDir(dir).filePath(u"metrics.jsonl"_s)},
                          {u"PYTHONUNBUFFERED"_s, u"1"_s},
                          {u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s}};
    for (auto it = inputDirs.begin(); it != inputDirs.end(); ++it)
        launch.environment.insert(u"ATELIER_INPUT_"_s + it.key().toUpper(), it.value());
    for (const PortSpec &port : std::as_const(task.spec.outputs))
        launch.environment.insert(u"ATELIER_OUTPUT_"_s + port.name.toUpper(),
                                  QDir(outputsDir).filePath(port.name));

    launch.container = {};
    if (!task.environment.isHost()) {
        // What the task may see of this machine: its folder, its inputs, its template's
        // folder (with the shared helpers beside it) and files its path params name.
        ContainerLaunch &container = launch.container;
        container.image = task.environment.image;
        container.imageId = task.record.imageId;
        container.network = task.environment.network;
        container.writablePaths = {dir};
        container.readOnlyPaths = inputDirs.values();
        if (!task.spec.directory.isEmpty())
            container.readOnlyPaths.append(QFileInfo(task.spec.directory).absolutePath());
        if (!task.node.distributed.isEmpty()) // the launcher lies with the built-in templates
            container.readOnlyPaths.append(InstallPaths::templatesDir());
        for (const ParamSpec &param : std::as_const(task.spec.params)) {
            const QString value = params.value(param.name);
            if (param.type == ParamType::Path && !value.isEmpty() && QFileInfo::exists(value))
                container.readOnlyPaths.append(QFileInfo(value).absoluteFilePath());
        }
    }

    return {};
}

} // namespace atelier
