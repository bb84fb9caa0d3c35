#include "pipeline/templatespec.h"

#include "environments/environmentspec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(u"^[a-z][a-z0-9-]*$"_s);
    return re;
}

const QRegularExpression &versionPattern()
{
    static const QRegularExpression re(u"^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"_s);
    return re;
}

const QRegularExpression &namePattern()
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return re;
}

// {params.X}, {inputs.X}, {outputs.X} inside a command element.
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(u"\\{(params|inputs|outputs)\\.([^{}]*)\\}"_s);
    return re;
}

std::optional<ParamType> parseParamType(const QString &name)
{
    static const QList<std::pair<QString, ParamType>> types = {
        {u"string"_s, ParamType::String}, {u"text"_s, ParamType::Text},
        {u"int"_s, ParamType::Int},       {u"float"_s, ParamType::Float},
        {u"bool"_s, ParamType::Bool},     {u"enum"_s, ParamType::Enum},
        {u"path"_s, ParamType::Path},     {u"json"_s, ParamType::Json},
    };
    for (const auto &[typeName, type] : types) {
        if (typeName == name)
            return type;
    }
    return std::nullopt;
}

QStringList paramTypeNames()
{
    return {u"string"_s, u"text"_s, u"int"_s,  u"float"_s,
            u"bool"_s,   u"enum"_s, u"path"_s, u"json"_s};
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 15);
}

// A value as the user wrote it, for "(got …)" in messages.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return formatNumber(value.toDouble());
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 40)
            text = text.left(40) + u'…';
        return u'"' + text + u'"';
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

bool isNonNegativeInt(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d >= 0 && std::floor(d) == d && d <= 2147483647.0;
}

/// Walks one template.json and keeps the first error, which names the file and the field.
class Parser
{
public:
    explicit Parser(QString fileName) : m_fileName(std::move(fileName)) {}

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }

    void fail(const QString &field, const QString &message)
    {
        if (!m_error) {
            m_error = makeError(ErrorCode::Invalid,
                                TemplateSpec::tr("%1: %2: %3").arg(m_fileName, field, message));
        }
    }

    // Refuses keys that are not in allowed: a typo must not pass as an absent field.
    void checkKeys(const QJsonObject &object, const QString &prefix, const QStringList &allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key())) {
                fail(prefix + it.key(), TemplateSpec::tr("unknown field (expected one of: %1)")
                                            .arg(allowed.join(u", "_s)));
                return;
            }
        }
    }

    QString string(const QJsonObject &object, const QString &key, const QString &field,
                   bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(field, TemplateSpec::tr("is required"));
            return {};
        }
        if (!value.isString()) {
            fail(field, TemplateSpec::tr("expected a string (got %1)").arg(describe(value)));
            return {};
        }
        if (required && value.toString().trimmed().isEmpty())
            fail(field, TemplateSpec::tr("must not be empty"));
        return value.toString();
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &field)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool())
            fail(field, TemplateSpec::tr("expected true or false (got %1)").arg(describe(value)));
        return value.toBool();
    }

    QJsonArray array(const QJsonObject &object, const QString &key, const QString &field)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isArray())
            fail(field, TemplateSpec::tr("expected an array (got %1)").arg(describe(value)));
        return value.toArray();
    }

    QStringList strings(const QJsonObject &object, const QString &key)
    {
        QStringList result;
        const QJsonArray items = array(object, key, key);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            if (!items.at(i).isString()) {
                fail(u"%1[%2]"_s.arg(key).arg(i),
                     TemplateSpec::tr("expected a string (got %1)").arg(describe(items.at(i))));
            }
            result.append(items.at(i).toString());
        }
        return result;
    }

    QList<PortSpec> ports(const QJsonObject &root, const QString &key)
    {
        QList<PortSpec> result;
        QSet<QString> seen;
        const QJsonArray items = array(root, key, key);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            const QString prefix = u"%1[%2]"_s.arg(key).arg(i);
            if (!items.at(i).isObject()) {
                fail(prefix,
                     TemplateSpec::tr("expected an object (got %1)").arg(describe(items.at(i))));
                break;
            }
            const QJsonObject object = items.at(i).toObject();
            checkKeys(object, prefix + u'.',
                      {u"name"_s, u"type"_s, u"optional"_s, u"description"_s});
            PortSpec port;
            port.name = string(object, u"name"_s, prefix + u".name"_s, true);
            if (!failed() && !namePattern().match(port.name).hasMatch()) {
                fail(prefix + u".name"_s,
                     TemplateSpec::tr("'%1' is not a valid name: use letters, digits and '_', "
                                      "not starting with a digit")
                         .arg(port.name));
            }
            // Port names become environment variables in upper case: compare ignoring case.
            if (!failed() && seen.contains(port.name.toUpper())) {
                fail(prefix + u".name"_s,
                     TemplateSpec::tr("'%1' is declared twice").arg(port.name));
            }
            seen.insert(port.name.toUpper());
            port.type = string(object, u"type"_s, prefix + u".type"_s, true);
            if (!failed() && !TemplateSpec::portTypes().contains(port.type)) {
                fail(prefix + u".type"_s,
                     TemplateSpec::tr("unknown port type '%1' (expected one of: %2)")
                         .arg(port.type, TemplateSpec::portTypes().join(u", "_s)));
            }
            port.optional = boolean(object, u"optional"_s, prefix + u".optional"_s);
            port.description = string(object, u"description"_s, prefix + u".description"_s, false);
            result.append(port);
        }
        return result;
    }

    ParamSpec param(const QJsonObject &object, const QString &prefix)
    {
        checkKeys(object, prefix + u'.',
                  {u"name"_s, u"type"_s, u"label"_s, u"help"_s, u"required"_s, u"default"_s,
                   u"choices"_s, u"range"_s, u"regex"_s});
        ParamSpec spec;
        spec.name = string(object, u"name"_s, prefix + u".name"_s, true);
        if (!failed() && !namePattern().match(spec.name).hasMatch()) {
            fail(prefix + u".name"_s, TemplateSpec::tr("'%1' is not a valid name: use letters, "
                                                       "digits and '_', not starting with a digit")
                                          .arg(spec.name));
        }
        const QString type = string(object, u"type"_s, prefix + u".type"_s, true);
        if (failed())
            return spec;
        const std::optional<ParamType> parsedType = parseParamType(type);
        if (!parsedType) {
            fail(prefix + u".type"_s,
                 TemplateSpec::tr("unknown parameter type '%1' (expected one of: %2)")
                     .arg(type, paramTypeNames().join(u", "_s)));
            return spec;
        }
        spec.type = *parsedType;
        spec.label = string(object, u"label"_s, prefix + u".label"_s, false);
        if (spec.label.isEmpty())
            spec.label = spec.name;
        spec.help = string(object, u"help"_s, prefix + u".help"_s, false);
        spec.required = boolean(object, u"required"_s, prefix + u".required"_s);

        if (object.contains(u"choices"_s)) {
            const QString field = prefix + u".choices"_s;
            const QJsonValue choices = object.value(u"choices"_s);
            if (spec.type != ParamType::Enum) {
                fail(field, TemplateSpec::tr("only enum parameters have choices"));
            } else if (!choices.isArray() || choices.toArray().isEmpty()) {
                fail(field, TemplateSpec::tr("expected a non-empty array of strings"));
            } else {
                for (const QJsonValue &choice : choices.toArray()) {
                    if (!choice.isString() || choice.toString().isEmpty()) {
                        fail(field, TemplateSpec::tr("expected a non-empty array of strings"));
                        break;
                    }
                    if (spec.choices.contains(choice.toString())) {
                        fail(field,
                             TemplateSpec::tr("'%1' is listed twice").arg(choice.toString()));
                        break;
                    }
                    spec.choices.append(choice.toString());
                }
            }
        } else if (spec.type == ParamType::Enum) {
            fail(prefix + u".choices"_s,
                 TemplateSpec::tr("an enum parameter needs a non-empty array of choices"));
        }

        if (object.contains(u"range"_s)) {
            const QString field = prefix + u".range"_s;
            const QJsonValue range = object.value(u"range"_s);
            const QJsonArray bounds = range.toArray();
            if (spec.type != ParamType::Int && spec.type != ParamType::Float) {
                fail(field, TemplateSpec::tr("only int and float parameters have a range"));
            } else if (!range.isArray() || bounds.size() != 2 || !bounds.at(0).isDouble() ||
                       !bounds.at(1).isDouble()) {
                fail(field, TemplateSpec::tr("expected [min, max] numbers"));
            } else if (bounds.at(0).toDouble() > bounds.at(1).toDouble()) {
                fail(field, TemplateSpec::tr("min %1 is above max %2")
                                .arg(formatNumber(bounds.at(0).toDouble()),
                                     formatNumber(bounds.at(1).toDouble())));
            } else {
                spec.min = bounds.at(0).toDouble();
                spec.max = bounds.at(1).toDouble();
            }
        }

        if (object.contains(u"regex"_s)) {
            const QString field = prefix + u".regex"_s;
            spec.regex = string(object, u"regex"_s, field, false);
            if (!failed() && spec.type != ParamType::String && spec.type != ParamType::Text &&
                spec.type != ParamType::Path) {
                fail(field, TemplateSpec::tr("only string, text and path parameters have a regex"));
            }
            const QRegularExpression re(spec.regex);
            if (!failed() && !re.isValid()) {
                fail(field, TemplateSpec::tr("invalid regular expression at offset %1: %2")
                                .arg(re.patternErrorOffset())
                                .arg(re.errorString()));
            }
        }

        if (object.contains(u"default"_s) && !failed()) {
            spec.defaultValue = object.value(u"default"_s);
            const QString problem = TemplateSpec::checkValue(spec, spec.defaultValue);
            if (!problem.isEmpty())
                fail(prefix + u".default"_s, problem);
        }
        return spec;
    }

    /// \a object's member \a key as an object (empty when absent).
    QJsonObject object(const QJsonObject &object, const QString &key, const QString &prefix)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            fail(prefix + u'.' + key,
                 TemplateSpec::tr("expected an object (got %1)").arg(describe(value)));
        return value.toObject();
    }

    void portTexts(const QJsonObject &texts, const QString &key, const QString &prefix,
                   const QList<PortSpec> &ports)
    {
        const QJsonObject given = object(texts, key, prefix);
        for (auto it = given.begin(); it != given.end() && !failed(); ++it) {
            const QString field = prefix + u'.' + key + u'.' + it.key();
            const bool known = std::any_of(ports.cbegin(), ports.cend(),
                                           [&](const PortSpec &p) { return p.name == it.key(); });
            if (!known)
                fail(field, TemplateSpec::tr("the template has no such port"));
            else
                string(given, it.key(), field, false);
        }
    }

    /// "translations": {"zh_CN": {"name", "category", "description", "inputs": {port: text},
    /// "outputs": {port: text}, "params": {param: {"label", "help"}}}}; every port and param
    /// it names must exist (a renamed one must not keep a stale translation silently).
    QMap<QString, QJsonObject> translations(const QJsonObject &root, const TemplateSpec &spec)
    {
        QMap<QString, QJsonObject> result;
        const QJsonValue value = root.value(u"translations"_s);
        if (value.isUndefined())
            return result;
        if (!value.isObject()) {
            fail(u"translations"_s,
                 TemplateSpec::tr("expected an object (got %1)").arg(describe(value)));
            return result;
        }
        const QJsonObject languages = value.toObject();
        for (auto it = languages.begin(); it != languages.end() && !failed(); ++it) {
            const QString prefix = u"translations."_s + it.key();
            if (!it.value().isObject()) {
                fail(prefix,
                     TemplateSpec::tr("expected an object (got %1)").arg(describe(it.value())));
                break;
            }
            const QJsonObject texts = it.value().toObject();
            checkKeys(texts, prefix + u'.',
                      {u"name"_s, u"category"_s, u"description"_s, u"inputs"_s, u"outputs"_s,
                       u"params"_s});
            for (const QString &key : {u"name"_s, u"category"_s, u"description"_s})
                string(texts, key, prefix + u'.' + key, false);
            portTexts(texts, u"inputs"_s, prefix, spec.inputs);
            portTexts(texts, u"outputs"_s, prefix, spec.outputs);
            const QJsonObject params = object(texts, u"params"_s, prefix);
            for (auto p = params.begin(); p != params.end() && !failed(); ++p) {
                const QString field = prefix + u".params."_s + p.key();
                if (!spec.param(p.key())) {
                    fail(field,
                         TemplateSpec::tr("the template has no parameter '%1'").arg(p.key()));
                    break;
                }
                const QJsonObject param = object(params, p.key(), prefix + u".params"_s);
                checkKeys(param, field + u'.', {u"label"_s, u"help"_s});
                string(param, u"label"_s, field + u".label"_s, false);
                string(param, u"help"_s, field + u".help"_s, false);
            }
            result.insert(it.key(), texts);
        }
        return result;
    }

    QList<ParamSpec> params(const QJsonObject &root)
    {
        QList<ParamSpec> result;
        QSet<QString> seen;
        const QJsonArray items = array(root, u"params"_s, u"params"_s);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            const QString prefix = u"params[%1]"_s.arg(i);
            if (!items.at(i).isObject()) {
                fail(prefix,
                     TemplateSpec::tr("expected an object (got %1)").arg(describe(items.at(i))));
                break;
            }
            ParamSpec spec = param(items.at(i).toObject(), prefix);
            if (!failed() && seen.contains(spec.name))
                fail(prefix + u".name"_s,
                     TemplateSpec::tr("'%1' is declared twice").arg(spec.name));
            seen.insert(spec.name);
            result.append(spec);
        }
        return result;
    }

    ResourceSpec resources(const QJsonObject &root)
    {
        ResourceSpec spec;
        const QJsonValue value = root.value(u"resources"_s);
        if (value.isUndefined())
            return spec;
        if (!value.isObject()) {
            fail(u"resources"_s,
                 TemplateSpec::tr("expected an object (got %1)").arg(describe(value)));
            return spec;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, u"resources."_s,
                  {u"cpus"_s, u"memory_mb"_s, u"gpus"_s, u"nodes"_s, u"processes_per_node"_s});
        const std::initializer_list<std::pair<QString, int *>> fields = {
            {u"cpus"_s, &spec.cpus},
            {u"memory_mb"_s, &spec.memoryMb},
            {u"gpus"_s, &spec.gpus},
            {u"nodes"_s, &spec.nodes},
            {u"processes_per_node"_s, &spec.processesPerNode}};
        for (const auto &[key, target] : fields) {
            if (failed() || !object.contains(key))
                continue;
            const QJsonValue item = object.value(key);
            if (!isNonNegativeInt(item)) {
                fail(u"resources."_s + key,
                     TemplateSpec::tr("expected a non-negative whole number (got %1)")
                         .arg(describe(item)));
                continue;
            }
            *target = int(item.toDouble());
        }
        return spec;
    }

    QStringList command(const QJsonObject &root, const TemplateSpec &spec)
    {
        const QJsonValue value = root.value(u"command"_s);
        if (value.isUndefined()) {
            fail(u"command"_s, TemplateSpec::tr("is required"));
            return {};
        }
        if (!value.isArray() || value.toArray().isEmpty()) {
            fail(u"command"_s, TemplateSpec::tr("expected a non-empty array of strings"));
            return {};
        }
        QStringList argv;
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            const QString field = u"command[%1]"_s.arg(i);
            if (!items.at(i).isString()) {
                fail(field,
                     TemplateSpec::tr("expected a string (got %1)").arg(describe(items.at(i))));
                break;
            }
            const QString element = items.at(i).toString();
            if (i == 0 && element.trimmed().isEmpty())
                fail(field, TemplateSpec::tr("the program must not be empty"));
            auto matches = placeholderPattern().globalMatch(element);
            while (matches.hasNext() && !failed()) {
                const auto match = matches.next();
                const QString kind = match.captured(1);
                const QString name = match.captured(2);
                if (kind == u"params"_s && !spec.param(name)) {
                    fail(field,
                         TemplateSpec::tr("%1 names no declared parameter").arg(match.captured(0)));
                } else if (kind == u"inputs"_s && !spec.input(name)) {
                    fail(field,
                         TemplateSpec::tr("%1 names no declared input").arg(match.captured(0)));
                } else if (kind == u"outputs"_s && !spec.output(name)) {
                    fail(field,
                         TemplateSpec::tr("%1 names no declared output").arg(match.captured(0)));
                }
            }
            argv.append(element);
        }
        return argv;
    }

private:
    QString m_fileName;
    std::optional<Error> m_error;
};

} // namespace

QString TemplateSpec::ref() const
{
    return id + u'@' + version;
}

const ParamSpec *TemplateSpec::param(const QString &name) const
{
    for (const ParamSpec &spec : params) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

const PortSpec *TemplateSpec::input(const QString &name) const
{
    for (const PortSpec &port : inputs) {
        if (port.name == name)
            return &port;
    }
    return nullptr;
}

const PortSpec *TemplateSpec::output(const QString &name) const
{
    for (const PortSpec &port : outputs) {
        if (port.name == name)
            return &port;
    }
    return nullptr;
}

Result<TemplateSpec> TemplateSpec::parse(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(ErrorCode::Invalid, tr("%1: not valid JSON at offset %2: %3")
                                                 .arg(fileName)
                                                 .arg(parseError.offset)
                                                 .arg(parseError.errorString()));
    }
    if (!document.isObject()) {
        return makeError(
            ErrorCode::Invalid,
            tr("%1: expected a JSON object with id, version, name and command").arg(fileName));
    }
    const QJsonObject root = document.object();
    Parser parser(fileName);
    parser.checkKeys(root, QString(),
                     {u"id"_s, u"version"_s, u"name"_s, u"category"_s, u"description"_s,
                      u"inputs"_s, u"outputs"_s, u"params"_s, u"command"_s, u"resources"_s,
                      u"image"_s, u"environment"_s, u"distributed"_s, u"requires"_s,
                      u"translations"_s});

    TemplateSpec spec;
    spec.id = parser.string(root, u"id"_s, u"id"_s, true);
    if (!parser.failed() && !idPattern().match(spec.id).hasMatch()) {
        parser.fail(u"id"_s, tr("'%1' is not a valid id: use lower-case letters, digits and '-', "
                                "starting with a letter")
                                 .arg(spec.id));
    }
    spec.version = parser.string(root, u"version"_s, u"version"_s, true);
    if (!parser.failed() && !versionPattern().match(spec.version).hasMatch())
        parser.fail(u"version"_s,
                    tr("'%1' is not a version such as 1.0 or 1.2.3").arg(spec.version));
    spec.name = parser.string(root, u"name"_s, u"name"_s, true);
    spec.category = parser.string(root, u"category"_s, u"category"_s, false);
    spec.description = parser.string(root, u"description"_s, u"description"_s, false);
    spec.inputs = parser.ports(root, u"inputs"_s);
    spec.outputs = parser.ports(root, u"outputs"_s);
    spec.params = parser.params(root);
    spec.resources = parser.resources(root);
    spec.image = parser.string(root, u"image"_s, u"image"_s, false);
    if (root.contains(u"environment"_s)) {
        spec.environment = root.value(u"environment"_s).toObject();
        if (!root.value(u"environment"_s).isObject())
            parser.fail(u"environment"_s,
                        tr("must be an object such as {\"image\": \"NAME:TAG\"}"));
        else if (auto checked = EnvironmentSpec::fromJson(spec.environment); !checked)
            parser.fail(u"environment"_s, checked.error().message);
    }
    spec.requiredModules = parser.strings(root, u"requires"_s);
    spec.distributed = parser.strings(root, u"distributed"_s);
    for (const QString &strategy : std::as_const(spec.distributed)) {
        if (!parser.failed() && !distributedStrategies().contains(strategy))
            parser.fail(u"distributed"_s, tr("unknown strategy \"%1\" (known: %2)")
                                              .arg(strategy, distributedStrategies().join(u", "_s)));
    }
    // Last: placeholders are checked against the params and ports read above.
    if (!parser.failed())
        spec.command = parser.command(root, spec);
    if (!parser.failed() && !spec.distributed.isEmpty() &&
        spec.command.value(0) != u"{python}"_s) {
        // The launcher starts each process with the task's interpreter.
        parser.fail(u"command"_s, tr("a distributed template's command starts with {python}"));
    }
    if (!parser.failed())
        spec.translations = parser.translations(root, spec);
    if (parser.failed())
        return parser.error();
    return spec;
}

void TemplateSpec::translate(const QString &locale)
{
    // "zh_CN", else the language alone ("zh").
    auto found = translations.constFind(locale);
    if (found == translations.cend())
        found = translations.constFind(locale.section(u'_', 0, 0));
    if (found == translations.cend())
        return;
    const QJsonObject &texts = *found;
    auto take = [&](const QJsonObject &from, const QString &key, QString &into) {
        const QString text = from.value(key).toString();
        if (!text.trimmed().isEmpty())
            into = text;
    };
    take(texts, u"name"_s, name);
    take(texts, u"category"_s, category);
    take(texts, u"description"_s, description);
    for (PortSpec &port : inputs)
        take(texts.value(u"inputs"_s).toObject(), port.name, port.description);
    for (PortSpec &port : outputs)
        take(texts.value(u"outputs"_s).toObject(), port.name, port.description);
    const QJsonObject params = texts.value(u"params"_s).toObject();
    for (ParamSpec &param : this->params) {
        const QJsonObject given = params.value(param.name).toObject();
        take(given, u"label"_s, param.label);
        take(given, u"help"_s, param.help);
    }
}

Result<TemplateSpec> TemplateSpec::load(const QString &templateJson)
{
    const QFileInfo info(templateJson);
    // "sklearn-train/template.json": short, and says which template it is.
    const QString shownName = info.absoluteDir().dirName() + u'/' + info.fileName();
    QFile file(templateJson);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         tr("%1: cannot read %2: %3")
                             .arg(shownName, QDir::toNativeSeparators(info.absoluteFilePath()),
                                  file.errorString()));
    }
    Result<TemplateSpec> spec = parse(file.readAll(), shownName);
    if (spec) {
        spec->directory = info.absolutePath();
        // Shown in the language of the messages: the GUI's setting, or LANG for the CLI.
        spec->translate(QLocale().name());
    }
    return spec;
}

QString TemplateSpec::checkValue(const ParamSpec &spec, const QJsonValue &value)
{
    // "{{variables.x}}" and friends are substituted when the run starts; checked then.
    if (value.isString() && value.toString().contains(u"{{"_s))
        return {};
    if (value.isUndefined() || (value.isNull() && spec.type != ParamType::Json))
        return spec.required ? tr("a value is required") : QString();

    switch (spec.type) {
    case ParamType::String:
    case ParamType::Text:
    case ParamType::Path:
        if (!value.isString())
            return tr("must be text (got %1)").arg(describe(value));
        if (!spec.regex.isEmpty()) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(spec.regex));
            if (!re.match(value.toString()).hasMatch())
                return tr("%1 does not match %2").arg(describe(value), spec.regex);
        }
        return {};
    case ParamType::Int:
    case ParamType::Float: {
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number))
            return tr("must be a number (got %1)").arg(describe(value));
        if (spec.type == ParamType::Int && std::floor(number) != number)
            return tr("must be a whole number (got %1)").arg(describe(value));
        if (spec.min && spec.max && (number < *spec.min || number > *spec.max)) {
            return tr("must be between %1 and %2 (got %3)")
                .arg(formatNumber(*spec.min), formatNumber(*spec.max), formatNumber(number));
        }
        if (spec.min && number < *spec.min)
            return tr("must be at least %1 (got %2)")
                .arg(formatNumber(*spec.min), formatNumber(number));
        if (spec.max && number > *spec.max)
            return tr("must be at most %1 (got %2)")
                .arg(formatNumber(*spec.max), formatNumber(number));
        return {};
    }
    case ParamType::Bool:
        if (!value.isBool())
            return tr("must be true or false (got %1)").arg(describe(value));
        return {};
    case ParamType::Enum:
        if (!value.isString() || !spec.choices.contains(value.toString())) {
            return tr("must be one of %1 (got %2)")
                .arg(spec.choices.join(u", "_s), describe(value));
        }
        return {};
    case ParamType::Json:
        return {};
    }
    return {};
}

bool TemplateSpec::portsCompatible(const QString &from, const QString &to)
{
    const QStringList types = portTypes();
    if (!types.contains(from) || !types.contains(to))
        return false;
    if (from == to || from == u"any"_s || to == u"any"_s)
        return true;
    // A table is one file (table.csv); an exported dataset is a folder of files.
    return (from == u"table"_s && to == u"file"_s) ||
           (from == u"dataset"_s && to == u"directory"_s);
}

QStringList TemplateSpec::portTypes()
{
    return {u"file"_s,  u"directory"_s, u"table"_s, u"dataset"_s,
            u"model"_s, u"metrics"_s,   u"any"_s};
}

int TemplateSpec::compareVersions(const QString &a, const QString &b)
{
    const QStringList left = a.split(u'.');
    const QStringList right = b.split(u'.');
    const qsizetype count = std::max(left.size(), right.size());
    for (qsizetype i = 0; i < count; ++i) {
        // A missing component counts as 0: "1.0" equals "1.0.0".
        const QString l = i < left.size() ? left.at(i) : u"0"_s;
        const QString r = i < right.size() ? right.at(i) : u"0"_s;
        bool lOk = false;
        bool rOk = false;
        const qulonglong ln = l.toULongLong(&lOk);
        const qulonglong rn = r.toULongLong(&rOk);
        if (lOk && rOk) {
            if (ln != rn)
                return ln < rn ? -1 : 1;
            continue;
        }
        const int byText = QString::compare(l, r);
        if (byText != 0)
            return byText < 0 ? -1 : 1;
    }
    return 0;
}

QString TemplateSpec::typeName(ParamType type)
{
    switch (type) {
    case ParamType::String:
        return u"string"_s;
    case ParamType::Text:
        return u"text"_s;
    case ParamType::Int:
        return u"int"_s;
    case ParamType::Float:
        return u"float"_s;
    case ParamType::Bool:
        return u"bool"_s;
    case ParamType::Enum:
        return u"enum"_s;
    case ParamType::Path:
        return u"path"_s;
    case ParamType::Json:
        return u"json"_s;
    }
    return {};
}

} // namespace atelier
