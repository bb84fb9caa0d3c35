#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {

/// Types a template parameter can have (DESIGN.md "Template").
enum class ParamType { String, Text, Int, Float, Bool, Enum, Path, Json };

/// One typed parameter of a template.
struct ParamSpec
{
    QString name;
    ParamType type = ParamType::String;
    QString label; ///< shown in editors; the name when absent
    QString help;  ///< one or two sentences for the properties panel
    bool required = false;
    QJsonValue defaultValue{
        QJsonValue::Undefined}; ///< Undefined when none; may hold {{variables}} for strings
    QStringList choices;        ///< enum only
    std::optional<double> min;  ///< int / float: inclusive range
    std::optional<double> max;
    QString regex; ///< string / text / path: the whole value must match
};

/// One input or output port; its type decides which links are allowed.
struct PortSpec
{
    QString name;
    QString type; ///< file, directory, table, dataset, model, metrics, any
    bool optional = false;
    QString description;
};

/// What a task asks of its pool.
struct ResourceSpec
{
    int cpus = 1;
    int memoryMb = 512;
    int gpus = 0;
    int nodes = 1; ///< multi-node templates (a cluster pool); cpus, memory, gpus are per node
    /// Processes of a distributed task on each node (its "distributed" strategy starts them);
    /// cpus is per process, so the task holds cpus × processesPerNode CPUs on each node.
    int processesPerNode = 1;
};

/// The distributed training strategies Atelier can start ("distributed" in templates and nodes).
inline const QStringList &distributedStrategies()
{
    static const QStringList known{QStringLiteral("pytorch-ddp")};
    return known;
}

/// A job template: typed ports and params, an argv command, resources (template.json).
struct TemplateSpec
{
    Q_DECLARE_TR_FUNCTIONS(TemplateSpec)

public:
    QString id;
    QString version;
    QString name;
    QString category;
    QString description;
    QList<PortSpec> inputs;
    QList<PortSpec> outputs;
    QList<ParamSpec> params;
    QStringList command; ///< argv; elements may hold {python}, {template_dir}, {params.X}, …
    ResourceSpec resources;
    QString image;
    QStringList distributed; ///< "distributed": the strategies it supports ("pytorch-ddp")
    QJsonObject environment; ///< "environment": {"image", "network"} (EnvironmentSpec); empty: host
    QStringList requiredModules; ///< "requires": Python modules the interpreter must import
                                 ///< ("requires" is a C++20 keyword)
    QString directory;           ///< folder holding template.json (set by load())
    /// "translations": locale ("zh_CN" or "zh") → its texts, as the file gives them.
    QMap<QString, QJsonObject> translations;

    /// "id@version".
    QString ref() const;
    const ParamSpec *param(const QString &name) const;
    const PortSpec *input(const QString &name) const;
    const PortSpec *output(const QString &name) const;

    /// Parses and validates template JSON; every error names \a fileName and the field.
    static Result<TemplateSpec> parse(const QByteArray &json, const QString &fileName);
    /// Shows name, category, description, port descriptions and param labels and help in
    /// \a locale's language when "translations" has it ("zh_CN", else "zh"); else unchanged.
    void translate(const QString &locale);
    /// Reads \a templateJson (a template.json path) and parses it; sets directory and shows the
    /// texts in QLocale()'s language.
    static Result<TemplateSpec> load(const QString &templateJson);

    /// The reason \a value does not fit \a spec (wrong type, out of range, bad choice, failed
    /// regex), or an empty string when it fits. Strings holding "{{" are not range-checked.
    static QString checkValue(const ParamSpec &spec, const QJsonValue &value);
    /// True when an output of type \a from may feed an input of type \a to: the same type,
    /// either side "any", a table into a file (table.csv is one file) or a dataset into a
    /// directory (an exported dataset is a folder). Unknown types are never compatible.
    static bool portsCompatible(const QString &from, const QString &to);
    /// Port types that exist.
    static QStringList portTypes();
    /// Orders "1.2" < "1.10" < "2.0"; negative, zero or positive.
    static int compareVersions(const QString &a, const QString &b);
    static QString typeName(ParamType type);
};

} // namespace atelier
