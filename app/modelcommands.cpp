#include "modelcommands.h"
#include "core/textwidth.h"

#include "cliutil.h"
#include "servingcommands.h"

#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "registry/modelvalidator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// The `model` command; strings are translated in this context.
class ModelCommands final
{
    Q_DECLARE_TR_FUNCTIONS(ModelCommands)

public:
    ModelCommands(SubcommandParser &sub, Workspace &workspace)
        : m_sub(sub), m_workspace(workspace), m_registry(workspace.catalog(), workspace.root())
    {
    }

    int registerModel();
    int list();
    int show();
    int alias();
    int validate();
    int compare();

    static QString help();

private:
    QString value(const char *option) const
    {
        return m_sub.parser.value(QString::fromLatin1(option));
    }
    bool isSet(const char *option) const { return m_sub.parser.isSet(QString::fromLatin1(option)); }
    QJsonObject versionJson(const ModelVersionRecord &version, bool full);

    SubcommandParser &m_sub;
    Workspace &m_workspace;
    ModelRegistry m_registry;
};

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s;
}

QString numberText(double value)
{
    return QString::number(value, 'g', 6);
}

QString reference(const ModelVersionRecord &version)
{
    return version.model + u':' + QString::number(version.version);
}

int parseVersion(const QString &text, bool *ok)
{
    const int number = text.toInt(ok);
    *ok = *ok && number >= 1;
    return number;
}

QString ModelCommands::help()
{
    return tr(
        "Usage:\n"
        "  atelier model register PATH --name N [--run RUN] [--description D] [--tag k=v]…\n"
        "                         [--dataset NAME@VERSION]… [--alias ALIAS] [--trust-pickle]\n"
        "  atelier model register --run RUN --name N [--task NODE] [--port PORT]\n"
        "                         the task's outputs/PORT folder (default: the last task\n"
        "                         with a 'model' output)\n"
        "  atelier model list [NAME]\n"
        "  atelier model show NAME[:VERSION|@ALIAS]\n"
        "  atelier model alias NAME VERSION ALIAS | alias NAME ALIAS --remove\n"
        "  atelier model validate NAME[:VERSION|@ALIAS]\n"
        "  atelier model compare NAME V1 V2\n"
        "  atelier model runs RUN                 versions registered from a run\n"
        "  atelier model deploy|undeploy|predict|services …\n");
}

QJsonObject ModelCommands::versionJson(const ModelVersionRecord &version, bool full)
{
    QJsonObject object{
        {u"name"_s, version.model},
        {u"version"_s, version.version},
        {u"framework"_s, version.framework},
        {u"aliases"_s, QJsonArray::fromStringList(version.aliases)},
        {u"run"_s, version.runId.isEmpty() ? QJsonValue() : version.runId},
        {u"validation"_s, version.validation.isEmpty() ? QJsonValue() : version.validation},
        {u"created_at"_s, version.createdAt.toString(Qt::ISODate)}};
    if (!full)
        return object;
    QJsonArray files;
    for (const ModelFile &file : version.files)
        files.append(
            QJsonObject{{u"path"_s, file.path}, {u"hash"_s, file.hash}, {u"size"_s, file.size}});
    QJsonArray datasets;
    for (const ModelDatasetRef &ref : version.datasets)
        datasets.append(QJsonObject{{u"dataset"_s, ref.dataset}, {u"version"_s, ref.version}});
    QJsonArray services;
    if (auto found = m_registry.services(version.id); found) {
        for (const ModelServiceRef &service : found.value())
            services.append(
                QJsonObject{{u"id"_s, service.id},
                            {u"state"_s, service.state},
                            {u"host"_s, service.host},
                            {u"port"_s, service.port ? QJsonValue(*service.port) : QJsonValue()}});
    }
    object.insert(u"task"_s, version.taskId.isEmpty() ? QJsonValue() : version.taskId);
    const QString image = m_registry.trainingImage(version);
    object.insert(u"image"_s, image.isEmpty() ? QJsonValue() : image);
    object.insert(u"pipeline_commit"_s,
                  version.pipelineCommit.isEmpty() ? QJsonValue() : version.pipelineCommit);
    object.insert(u"source_path"_s, version.sourcePath);
    object.insert(u"description"_s, version.description);
    object.insert(u"signature"_s, version.signature);
    object.insert(u"metrics"_s, version.metrics);
    object.insert(u"params"_s, version.params);
    object.insert(u"tags"_s, version.tags);
    object.insert(u"validation_message"_s, version.validationMessage);
    object.insert(u"validated_at"_s, version.validatedAt.isValid()
                                         ? QJsonValue(version.validatedAt.toString(Qt::ISODate))
                                         : QJsonValue());
    object.insert(u"created_by"_s, version.createdBy);
    object.insert(u"files"_s, files);
    object.insert(u"datasets"_s, datasets);
    object.insert(u"services"_s, services);
    return object;
}

int ModelCommands::registerModel()
{
    const QStringList positional = m_sub.positional();
    if (positional.size() > 2)
        return usage(
            tr("'model register' takes one PATH, got: %1").arg(positional.mid(1).join(u' ')));
    const QString path = positional.value(1);
    ModelRegisterOptions options;
    options.name = value("name");
    options.description = value("description");
    options.runId = value("run");
    options.taskId = value("task");
    if (!value("port").isEmpty())
        options.port = value("port");
    if (options.name.isEmpty())
        return usage(tr("'model register' needs --name NAME."));
    if (path.isEmpty() && options.runId.isEmpty())
        return usage(tr("'model register' needs a PATH (a file or a folder) or --run RUN."));
    for (const QString &tag : m_sub.parser.values(u"tag"_s)) {
        const qsizetype equals = tag.indexOf(u'=');
        if (equals <= 0)
            return usage(tr("--tag takes KEY=VALUE, got '%1'.").arg(tag));
        options.tags.insert(tag.left(equals), tag.mid(equals + 1));
    }
    for (const QString &dataset : m_sub.parser.values(u"dataset"_s)) {
        const qsizetype at = dataset.lastIndexOf(u'@');
        options.datasets.append(at > 0 ? ModelDatasetRef{dataset.left(at), dataset.mid(at + 1)}
                                       : ModelDatasetRef{dataset, QString()});
    }

    if (!path.isEmpty()) {
        if (!QFileInfo::exists(path))
            return refuse(tr("%1 does not exist.").arg(path));
        if (!m_registry.isInsideWorkspace(path)) {
            const QStringList pickles = ModelRegistry::pickleFiles(path);
            if (!pickles.isEmpty() && !isSet("trust-pickle"))
                return refuse(tr("%1 holds pickle-based files (%2) from outside the workspace: "
                                 "loading a pickle can run any code. Refused; if you trust "
                                 "where it came from, run again with --trust-pickle.")
                                  .arg(path, pickles.join(u", "_s)));
            if (!pickles.isEmpty()) {
                err() << tr("atelier: warning: registering pickle-based files from outside the "
                            "workspace (%1); loading them can run any code.")
                             .arg(pickles.join(u", "_s))
                      << Qt::endl;
                options.trustPickle = true;
            }
        }
    }

    options.skipIfUnchanged = isSet("if-changed");
    auto registered = path.isEmpty() ? m_registry.registerFromRun(options)
                                     : m_registry.registerPath(path, options);
    if (!registered)
        return refuse(registered.error().message);
    ModelVersionRecord version = registered.value();
    if (const QString alias = value("alias"); !alias.isEmpty()) {
        auto moved = m_registry.setAlias(version.model, version.version, alias);
        if (!moved)
            return refuse(tr("Registered %1, but the alias was refused: %2")
                              .arg(reference(version), moved.error().message));
        version.aliases.append(alias);
        version.aliases.sort();
    }
    for (const QString &warning : std::as_const(version.warnings))
        err() << tr("atelier: warning: %1").arg(warning) << Qt::endl;
    if (m_sub.wantsJson()) {
        QJsonObject object = versionJson(version, true);
        object.insert(u"warnings"_s, QJsonArray::fromStringList(version.warnings));
        printJson(object);
        return ExitOk;
    }
    qint64 bytes = 0;
    for (const ModelFile &file : version.files)
        bytes += file.size;
    out() << tr("Registered %1 (%2, %n file(s), %3)", nullptr, int(version.files.size()))
                 .arg(reference(version), version.framework, QLocale().formattedDataSize(bytes))
          << Qt::endl;
    if (!version.runId.isEmpty())
        out() << tr("From run %1, task %2").arg(version.runId, version.taskId) << Qt::endl;
    if (!version.aliases.isEmpty())
        out() << tr("Aliases: %1").arg(version.aliases.join(u", "_s)) << Qt::endl;
    return ExitOk;
}

int ModelCommands::list()
{
    auto versions = m_registry.versions(m_sub.positional().value(1));
    if (!versions)
        return refuse(versions.error().message);
    if (m_sub.wantsJson()) {
        QJsonArray array;
        for (const ModelVersionRecord &version : versions.value())
            array.append(versionJson(version, false));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        return ExitOk;
    }
    if (versions->isEmpty()) {
        out() << tr("No models yet. Register one with 'atelier model register'.") << Qt::endl;
        return ExitOk;
    }
    out() << padToWidth(tr("NAME"), 24) << ' ' << padToWidth(tr("VER"), 4, true) << "  "
          << padToWidth(tr("FRAMEWORK"), 12) << ' ' << padToWidth(tr("VALIDATION"), 10) << ' '
          << padToWidth(tr("CREATED"), 19) << "  " << tr("ALIASES") << Qt::endl;
    for (const ModelVersionRecord &version : versions.value())
        out() << padToWidth(version.model, 24) << ' '
              << padToWidth(QString::number(version.version), 4, true) << "  "
              << padToWidth(version.framework, 12) << ' '
              << padToWidth(version.validation.isEmpty() ? u"-"_s : version.validation, 10) << ' '
              << padToWidth(timeText(version.createdAt), 19) << "  "
              << version.aliases.join(u", "_s) << Qt::endl;
    return ExitOk;
}

int ModelCommands::show()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'model show' takes NAME, NAME:VERSION or NAME@ALIAS."));
    auto version = m_registry.resolve(m_sub.positional().at(1));
    if (!version)
        return refuse(version.error().message);
    auto history = m_registry.aliasHistory(version->model);
    if (!history)
        return refuse(history.error().message);
    if (m_sub.wantsJson()) {
        QJsonObject object = versionJson(version.value(), true);
        QJsonArray moves;
        for (const ModelAliasMove &move : history.value())
            moves.append(QJsonObject{
                {u"alias"_s, move.alias},
                {u"from"_s, move.fromVersion ? QJsonValue(*move.fromVersion) : QJsonValue()},
                {u"to"_s, move.toVersion ? QJsonValue(*move.toVersion) : QJsonValue()},
                {u"by"_s, move.movedBy},
                {u"at"_s, move.movedAt.toString(Qt::ISODate)}});
        object.insert(u"alias_history"_s, moves);
        printJson(object);
        return ExitOk;
    }
    const ModelVersionRecord &v = version.value();
    auto row = [](const QString &key, const QString &text) {
        out() << padToWidth(key, 14) << text << Qt::endl;
    };
    row(tr("Model"), reference(v));
    row(tr("Framework"), v.framework);
    row(tr("Aliases"), v.aliases.isEmpty() ? u"-"_s : v.aliases.join(u", "_s));
    row(tr("Created"), tr("%1 by %2").arg(timeText(v.createdAt), v.createdBy));
    if (!v.description.isEmpty())
        row(tr("Description"), v.description);
    row(tr("Source"), v.sourcePath);
    row(tr("Run"), v.runId.isEmpty() ? u"-"_s : tr("%1 (task %2)").arg(v.runId, v.taskId));
    row(tr("Commit"), v.pipelineCommit.isEmpty() ? u"-"_s : v.pipelineCommit);
    const QString image = m_registry.trainingImage(v);
    row(tr("Image"), image.isEmpty() ? tr("host") : image);
    QStringList datasets;
    for (const ModelDatasetRef &ref : v.datasets)
        datasets.append(ref.version.isEmpty() ? ref.dataset : ref.dataset + u'@' + ref.version);
    row(tr("Datasets"), datasets.isEmpty() ? u"-"_s : datasets.join(u", "_s));
    row(tr("Validation"),
        v.validation.isEmpty()
            ? tr("not run ('atelier model validate %1')").arg(reference(v))
            : tr("%1 at %2: %3").arg(v.validation, timeText(v.validatedAt), v.validationMessage));
    QStringList inputs;
    for (const QJsonValue &input : v.signature.value(u"inputs"_s).toArray())
        inputs.append(input.toObject().value(u"name"_s).toString());
    row(tr("Inputs"),
        inputs.isEmpty() ? tr("unknown") : tr("%n feature(s)", nullptr, int(inputs.size())));
    QStringList tags;
    for (auto it = v.tags.begin(); it != v.tags.end(); ++it)
        tags.append(it.key() + u'=' + it.value().toString());
    row(tr("Tags"), tags.isEmpty() ? u"-"_s : tags.join(u", "_s));
    if (!v.metrics.isEmpty()) {
        out() << Qt::endl << tr("Metrics") << Qt::endl;
        for (auto it = v.metrics.begin(); it != v.metrics.end(); ++it)
            out() << "  " << padToWidth(it.key(), 28) << ' ' << numberText(it.value().toDouble())
                  << Qt::endl;
    }
    if (!v.params.isEmpty()) {
        out() << Qt::endl << tr("Params") << Qt::endl;
        for (auto it = v.params.begin(); it != v.params.end(); ++it)
            out() << "  " << padToWidth(it.key(), 28) << ' ' << it.value().toString() << Qt::endl;
    }
    out() << Qt::endl << tr("Files") << Qt::endl;
    for (const ModelFile &file : v.files)
        out() << "  " << padToWidth(file.path, 28) << ' '
              << padToWidth(QLocale().formattedDataSize(file.size), 10, true) << "  "
              << file.hash.left(12) << Qt::endl;
    if (auto services = m_registry.services(v.id); services && !services->isEmpty()) {
        out() << Qt::endl << tr("Services") << Qt::endl;
        for (const ModelServiceRef &service : services.value())
            out() << "  " << service.id << "  " << service.state << "  " << service.host
                  << (service.port ? u":"_s + QString::number(*service.port) : QString())
                  << Qt::endl;
    }
    if (!history->isEmpty()) {
        out() << Qt::endl << tr("Alias history") << Qt::endl;
        for (const ModelAliasMove &move : history.value())
            out() << "  " << timeText(move.movedAt) << "  " << move.alias << ": "
                  << (move.fromVersion ? QString::number(*move.fromVersion) : u"-"_s) << " → "
                  << (move.toVersion ? QString::number(*move.toVersion) : u"-"_s) << "  "
                  << move.movedBy << Qt::endl;
    }
    return ExitOk;
}

int ModelCommands::alias()
{
    const QStringList positional = m_sub.positional();
    if (isSet("remove")) {
        if (positional.size() != 3)
            return usage(tr("'model alias NAME ALIAS --remove' takes a name and an alias."));
        if (auto removed = m_registry.removeAlias(positional.at(1), positional.at(2)); !removed)
            return refuse(removed.error().message);
        out() << tr("Removed alias %1 of %2.").arg(positional.at(2), positional.at(1)) << Qt::endl;
        return ExitOk;
    }
    if (positional.size() != 4)
        return usage(tr("'model alias' takes NAME VERSION ALIAS, e.g. 'model alias shapes 3 "
                        "production'."));
    bool ok = false;
    const int number = parseVersion(positional.at(2), &ok);
    if (!ok)
        return usage(tr("'%1' is not a version number.").arg(positional.at(2)));
    auto moved = m_registry.setAlias(positional.at(1), number, positional.at(3));
    if (!moved)
        return refuse(moved.error().message);
    if (m_sub.wantsJson()) {
        printJson({{u"name"_s, positional.at(1)},
                   {u"alias"_s, positional.at(3)},
                   {u"version"_s, number},
                   {u"previous"_s, moved.value() ? QJsonValue(*moved.value()) : QJsonValue()}});
        return ExitOk;
    }
    if (!moved.value())
        out() << tr("%1@%2 → version %3").arg(positional.at(1), positional.at(3)).arg(number);
    else if (*moved.value() == number)
        out() << tr("%1@%2 already points at version %3")
                     .arg(positional.at(1), positional.at(3))
                     .arg(number);
    else
        out() << tr("%1@%2 moved from version %3 to %4")
                     .arg(positional.at(1), positional.at(3))
                     .arg(*moved.value())
                     .arg(number);
    out() << Qt::endl;
    return ExitOk;
}

int ModelCommands::validate()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'model validate' takes NAME, NAME:VERSION or NAME@ALIAS."));
    auto version = m_registry.resolve(m_sub.positional().at(1));
    if (!version)
        return refuse(version.error().message);
    ModelValidator validator(m_workspace.catalog(), m_workspace.root());
    auto result = validator.validate(version.value());
    if (!result)
        return refuse(result.error().message);
    if (m_sub.wantsJson()) {
        printJson({{u"name"_s, version->model},
                   {u"version"_s, version->version},
                   {u"framework"_s, version->framework},
                   {u"ok"_s, result->passed},
                   {u"message"_s, result->message}});
        return result->passed ? ExitOk : ExitRefused;
    }
    if (result->passed) {
        out() << tr("PASSED %1 (%2): %3")
                     .arg(reference(version.value()), version->framework, result->message)
              << Qt::endl;
        return ExitOk;
    }
    out() << tr("FAILED %1 (%2): %3")
                 .arg(reference(version.value()), version->framework, result->message)
          << Qt::endl;
    return refuse(tr("%1 did not load: %2").arg(reference(version.value()), result->message));
}

int ModelCommands::compare()
{
    const QStringList positional = m_sub.positional();
    if (positional.size() != 4)
        return usage(tr("'model compare' takes NAME V1 V2."));
    bool ok1 = false;
    bool ok2 = false;
    const int a = parseVersion(positional.at(2), &ok1);
    const int b = parseVersion(positional.at(3), &ok2);
    if (!ok1 || !ok2)
        return usage(tr("'model compare' takes two version numbers."));
    auto comparison = m_registry.compare(positional.at(1), a, b);
    if (!comparison)
        return refuse(comparison.error().message);
    const ModelComparison &c = comparison.value();
    if (m_sub.wantsJson()) {
        QJsonArray metrics;
        for (const ModelComparison::Metric &metric : c.metrics)
            metrics.append(QJsonObject{{u"key"_s, metric.key},
                                       {u"a"_s, metric.a ? QJsonValue(*metric.a) : QJsonValue()},
                                       {u"b"_s, metric.b ? QJsonValue(*metric.b) : QJsonValue()}});
        QJsonArray params;
        for (const ModelComparison::Param &param : c.params)
            params.append(QJsonObject{{u"key"_s, param.key},
                                      {u"a"_s, param.a ? QJsonValue(*param.a) : QJsonValue()},
                                      {u"b"_s, param.b ? QJsonValue(*param.b) : QJsonValue()},
                                      {u"changed"_s, param.changed}});
        printJson({{u"name"_s, positional.at(1)},
                   {u"a"_s, versionJson(c.a, false)},
                   {u"b"_s, versionJson(c.b, false)},
                   {u"metrics"_s, metrics},
                   {u"params"_s, params}});
        return ExitOk;
    }
    const QString headA = u"v"_s + QString::number(a);
    const QString headB = u"v"_s + QString::number(b);
    out() << padToWidth(tr("Metrics"), 28) << ' ' << padToWidth(headA, 12, true) << ' '
          << padToWidth(headB, 12, true) << Qt::endl;
    if (c.metrics.isEmpty())
        out() << "  " << tr("(none)") << Qt::endl;
    for (const ModelComparison::Metric &metric : c.metrics)
        out() << padToWidth("  "_L1 + metric.key, 28) << ' '
              << padToWidth(metric.a ? numberText(*metric.a) : u"-"_s, 12, true) << ' '
              << padToWidth(metric.b ? numberText(*metric.b) : u"-"_s, 12, true) << Qt::endl;
    int changed = 0;
    out() << Qt::endl << tr("Params that differ") << Qt::endl;
    for (const ModelComparison::Param &param : c.params) {
        if (!param.changed)
            continue;
        ++changed;
        out() << "  " << padToWidth(param.key, 28) << ' ' << param.a.value_or(u"-"_s) << "  →  "
              << param.b.value_or(u"-"_s) << Qt::endl;
    }
    if (changed == 0)
        out() << "  " << tr("(none; %n param(s) the same)", nullptr, int(c.params.size()))
              << Qt::endl;
    return ExitOk;
}

} // namespace

int runModelCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    sub.parser.addOption({u"name"_s, ModelCommands::tr("register: the model's name."), u"N"_s});
    sub.parser.addOption(
        {u"run"_s, ModelCommands::tr("register: the run the model comes from."), u"RUN"_s});
    sub.parser.addOption({u"task"_s,
                          ModelCommands::tr("register --run: the task whose output to take."),
                          u"NODE"_s});
    sub.parser.addOption(
        {u"description"_s, ModelCommands::tr("register: a description."), u"TEXT"_s});
    sub.parser.addOption(
        {u"tag"_s, ModelCommands::tr("register: a tag KEY=VALUE (repeatable)."), u"KEY=VALUE"_s});
    sub.parser.addOption(
        {u"dataset"_s,
         ModelCommands::tr("register: a dataset version it was trained on (repeatable)."),
         u"NAME@VERSION"_s});
    sub.parser.addOption(
        {u"trust-pickle"_s,
         ModelCommands::tr("register: accept pickle-based files from outside the workspace "
                           "(loading them can run any code). A bare scikit-learn pickle is "
                           "then loaded once to derive the model.json that serving needs.")});
    sub.parser.addOption({u"alias"_s,
                          ModelCommands::tr("register: point this alias at the new version."),
                          u"ALIAS"_s});
    sub.parser.addOption(
        {u"remove"_s, ModelCommands::tr("alias: remove the alias instead of setting it.")});
    sub.parser.addOption(
        {u"if-changed"_s, ModelCommands::tr("register: keep the newest version when its files "
                                            "are the same.")});
    addServingOptions(sub); // also --port: the output port for register --run
    if (!sub.parse(invocation, 1, 4)) {
        err() << ModelCommands::help();
        return ExitUsage;
    }
    const QString action = sub.positional().constFirst();
    static const QStringList serving = {u"deploy"_s, u"undeploy"_s, u"predict"_s, u"services"_s,
                                        u"restart"_s};
    static const QStringList own = {u"register"_s, u"list"_s,    u"show"_s, u"alias"_s,
                                    u"validate"_s, u"compare"_s, u"runs"_s};
    if (!serving.contains(action) && !own.contains(action)) {
        err() << ModelCommands::help();
        return usage(ModelCommands::tr("unknown action 'model %1'.").arg(action));
    }
    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    if (serving.contains(action))
        return runServingAction(sub, workspace.value());

    ModelCommands commands(sub, workspace.value());
    if (action == u"register"_s)
        return commands.registerModel();
    if (action == u"list"_s)
        return commands.list();
    if (action == u"show"_s)
        return commands.show();
    if (action == u"alias"_s)
        return commands.alias();
    if (action == u"validate"_s)
        return commands.validate();
    if (action == u"compare"_s)
        return commands.compare();
    // runs RUN: lineage from a run to the versions registered from it.
    if (sub.positional().size() != 2)
        return usage(ModelCommands::tr("'model runs' takes a run id."));
    ModelRegistry registry(workspace->catalog(), workspace->root());
    auto versions = registry.versionsFromRun(sub.positional().at(1));
    if (!versions)
        return refuse(versions.error().message);
    if (sub.wantsJson()) {
        QJsonArray array;
        for (const ModelVersionRecord &version : versions.value())
            array.append(QJsonObject{{u"name"_s, version.model},
                                     {u"version"_s, version.version},
                                     {u"framework"_s, version.framework},
                                     {u"task"_s, version.taskId},
                                     {u"aliases"_s, QJsonArray::fromStringList(version.aliases)}});
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        return ExitOk;
    }
    if (versions->isEmpty())
        out()
            << ModelCommands::tr("No model versions come from run %1.").arg(sub.positional().at(1))
            << Qt::endl;
    for (const ModelVersionRecord &version : versions.value())
        out() << reference(version) << "  " << version.framework << "  " << version.taskId
              << Qt::endl;
    return ExitOk;
}

} // namespace atelier
