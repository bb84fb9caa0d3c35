#include "sweeps/sweepspec.h"

#include "pipeline/pipelinedocument.h"
#include "pipeline/templatelibrary.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QStringList kKinds = {u"float"_s, u"logfloat"_s, u"int"_s, u"choice"_s};

QString kindName(SweepParam::Kind kind)
{
    return kKinds.value(int(kind));
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

/// A choice as the user wrote it: a number when it reads as one, true/false, else the text.
QJsonValue choiceValue(const QString &text)
{
    bool isNumber = false;
    const double value = text.toDouble(&isNumber);
    if (isNumber && std::isfinite(value))
        return value;
    if (text == u"true"_s || text == u"false"_s)
        return text == u"true"_s;
    return text;
}

bool isNumeric(ParamType type)
{
    return type == ParamType::Int || type == ParamType::Float;
}

} // namespace

QJsonObject SweepParam::toDriverJson() const
{
    QJsonObject object{{u"kind"_s, kindName(kind)}};
    if (kind == Kind::Choice) {
        object.insert(u"choices"_s, choices);
    } else if (kind == Kind::Int) {
        object.insert(u"low"_s, qint64(low));
        object.insert(u"high"_s, qint64(high));
        object.insert(u"step"_s, step);
    } else {
        object.insert(u"low"_s, low);
        object.insert(u"high"_s, high);
    }
    return object;
}

QString SweepParam::misfit(const ParamSpec &schema) const
{
    const QString type = TemplateSpec::typeName(schema.type);
    if (kind == Kind::Choice) {
        for (const QJsonValue &choice : choices) {
            // A choice on a text parameter is text even when it reads as a number.
            const QJsonValue value =
                isNumeric(schema.type) || schema.type == ParamType::Bool || !choice.isDouble()
                    ? choice
                    : QJsonValue(QString::number(choice.toDouble(), 'g', 15));
            if (const QString why = TemplateSpec::checkValue(schema, value); !why.isEmpty())
                return SweepConfig::tr("the choice %1 does not fit %2 (a %3 parameter): %4")
                    .arg(value.isString() ? value.toString() : choice.toVariant().toString(), key(),
                         type, why);
        }
        return {};
    }
    if (!isNumeric(schema.type))
        return SweepConfig::tr("%1 is a %2 parameter; a range fits only int and float "
                               "parameters (use choice(…))")
            .arg(key(), type);
    if (schema.type == ParamType::Int && kind != Kind::Int)
        return SweepConfig::tr("%1 is an int parameter; sweep it with int(LO,HI[,STEP])")
            .arg(key());
    for (double bound : {low, high}) {
        if (const QString why = TemplateSpec::checkValue(schema, bound); !why.isEmpty())
            return SweepConfig::tr("the range leaves the schema of %1: %2").arg(key(), why);
    }
    return {};
}

QString SweepParam::specText() const
{
    if (kind == Kind::Choice) {
        QStringList texts;
        for (const QJsonValue &choice : choices)
            texts.append(choice.isDouble() ? number(choice.toDouble())
                         : choice.isBool() ? (choice.toBool() ? u"true"_s : u"false"_s)
                                           : choice.toString());
        return u"choice(%1)"_s.arg(texts.join(u','));
    }
    if (kind == Kind::Int)
        return step == 1 ? u"int(%1,%2)"_s.arg(qint64(low)).arg(qint64(high))
                         : u"int(%1,%2,%3)"_s.arg(qint64(low)).arg(qint64(high)).arg(step);
    return u"%1(%2,%3)"_s.arg(kindName(kind), number(low), number(high));
}

QJsonObject SweepConfig::toJson() const
{
    QJsonArray space;
    for (const SweepParam &param : params)
        space.append(QJsonObject{{u"param"_s, param.key()}, {u"spec"_s, param.specText()}});
    QJsonObject object{{u"format"_s, 1},
                       {u"name"_s, name},
                       {u"pipeline"_s, pipeline},
                       {u"params"_s, space},
                       {u"objective"_s, objectiveNode + u'.' + objectiveMetric},
                       {u"direction"_s, direction},
                       {u"trials"_s, trials},
                       {u"parallel"_s, parallel},
                       {u"sampler"_s, sampler},
                       {u"pruner"_s, pruner},
                       {u"timeout_s"_s, timeoutS},
                       {u"pool"_s, pool}};
    object.insert(u"seed"_s, seed ? QJsonValue(*seed) : QJsonValue());
    return object;
}

Result<SweepConfig> SweepConfig::fromJson(const QJsonObject &object)
{
    SweepConfig config;
    config.name = object.value(u"name"_s).toString();
    config.pipeline = object.value(u"pipeline"_s).toString();
    for (const QJsonValue &value : object.value(u"params"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        auto param = parseParam(entry.value(u"param"_s).toString() + u'=' +
                                entry.value(u"spec"_s).toString());
        if (!param)
            return param.error();
        config.params.append(param.value());
    }
    if (Status objective = config.setObjective(object.value(u"objective"_s).toString()); !objective)
        return objective.error();
    config.direction = object.value(u"direction"_s).toString(config.direction);
    config.trials = object.value(u"trials"_s).toInt(config.trials);
    config.parallel = object.value(u"parallel"_s).toInt(config.parallel);
    config.sampler = object.value(u"sampler"_s).toString(config.sampler);
    config.pruner = object.value(u"pruner"_s).toString(config.pruner);
    config.timeoutS = object.value(u"timeout_s"_s).toInt();
    config.pool = object.value(u"pool"_s).toString();
    if (object.value(u"seed"_s).isDouble())
        config.seed = qint64(object.value(u"seed"_s).toDouble());
    if (config.name.isEmpty() || config.pipeline.isEmpty() || config.params.isEmpty())
        return makeError(ErrorCode::Corrupt,
                         tr("The sweep file lacks its name, pipeline or parameters."));
    return config;
}

Result<SweepParam> SweepConfig::parseParam(const QString &argument, const QString &given)
{
    const QString origin = given.isEmpty() ? u"--param "_s + argument : given;
    static const QRegularExpression form(
        uR"(^([A-Za-z_][A-Za-z0-9_-]*)\.([^=\s]+)=\s*([a-z]+)\s*\((.*)\)\s*$)"_s);
    const QRegularExpressionMatch match = form.match(argument);
    if (!match.hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("%1: write NODE.PARAM=SPEC, where SPEC is float(LO,HI), "
                            "logfloat(LO,HI), int(LO,HI[,STEP]) or choice(A,B,…).")
                             .arg(origin));
    SweepParam param;
    param.origin = origin;
    param.node = match.captured(1);
    param.param = match.captured(2);
    const QString kind = match.captured(3);
    QStringList parts = match.captured(4).split(u',');
    for (QString &part : parts)
        part = part.trimmed();
    if (!kKinds.contains(kind))
        return makeError(
            ErrorCode::Invalid,
            tr("%1: unknown kind \"%2\"; use float, logfloat, int or choice.").arg(origin, kind));
    param.kind = SweepParam::Kind(kKinds.indexOf(kind));
    if (param.kind == SweepParam::Kind::Choice) {
        if (parts.isEmpty() || parts.contains(QString()))
            return makeError(ErrorCode::Invalid,
                             tr("%1: choice(…) needs one or more values, none empty.").arg(origin));
        for (const QString &part : std::as_const(parts))
            param.choices.append(choiceValue(part));
        return param;
    }
    const bool isInt = param.kind == SweepParam::Kind::Int;
    if (parts.size() != 2 && !(isInt && parts.size() == 3))
        return makeError(ErrorCode::Invalid, isInt ? tr("%1: int takes (LO,HI) or "
                                                        "(LO,HI,STEP).")
                                                         .arg(origin)
                                                   : tr("%1: %2 takes (LO,HI).").arg(origin, kind));
    bool okLow = false, okHigh = false, okStep = true;
    if (isInt) {
        param.low = double(parts[0].toLongLong(&okLow));
        param.high = double(parts[1].toLongLong(&okHigh));
        if (parts.size() == 3)
            param.step = parts[2].toLongLong(&okStep);
    } else {
        param.low = parts[0].toDouble(&okLow);
        param.high = parts[1].toDouble(&okHigh);
    }
    if (!okLow || !okHigh || !okStep || !std::isfinite(param.low) || !std::isfinite(param.high))
        return makeError(ErrorCode::Invalid,
                         isInt ? tr("%1: the bounds and step of int(…) must be whole "
                                    "numbers.")
                                     .arg(origin)
                               : tr("%1: the bounds of %2(…) must be numbers.").arg(origin, kind));
    if (param.low >= param.high)
        return makeError(ErrorCode::Invalid,
                         tr("%1: the low bound must be below the high bound.").arg(origin));
    if (isInt && param.step < 1)
        return makeError(ErrorCode::Invalid, tr("%1: the step must be 1 or more.").arg(origin));
    if (param.kind == SweepParam::Kind::LogFloat && param.low <= 0)
        return makeError(ErrorCode::Invalid,
                         tr("%1: logfloat needs a low bound above 0.").arg(origin));
    return param;
}

Status SweepConfig::applySection(const SweepSection &section, const QString &pipeline)
{
    params.clear();
    for (auto it = section.params.begin(); it != section.params.end(); ++it) {
        auto param = parseParam(it.key() + u'=' + it.value(),
                                tr("%1: sweep.params.%2").arg(pipeline, it.key()));
        if (!param)
            return param.error();
        params.append(param.value());
    }
    if (!section.objective.isEmpty()) {
        if (Status set = setObjective(section.objective); !set)
            return makeError(
                ErrorCode::Invalid,
                tr("%1: sweep.objective: write NODE.METRIC, e.g. train.accuracy.").arg(pipeline));
    }
    if (!section.direction.isEmpty())
        direction = section.direction;
    if (section.trials > 0)
        trials = section.trials;
    if (!section.sampler.isEmpty())
        sampler = section.sampler;
    if (!section.pruner.isEmpty())
        pruner = section.pruner;
    return {};
}

Status SweepConfig::setObjective(const QString &argument)
{
    static const QRegularExpression form(uR"(^([A-Za-z_][A-Za-z0-9_-]*)\.(\S+)$)"_s);
    const QRegularExpressionMatch match = form.match(argument);
    if (!match.hasMatch())
        return makeError(
            ErrorCode::Invalid,
            tr("--objective %1: write NODE.METRIC, e.g. train.accuracy.").arg(argument));
    objectiveNode = match.captured(1);
    objectiveMetric = match.captured(2);
    return {};
}

Status SweepConfig::check(const PipelineDocument &pipeline, const TemplateLibrary &library) const
{
    auto nodeOf = [&pipeline](const QString &id) -> const NodeSpec * {
        for (const NodeSpec &node : pipeline.nodes) {
            if (node.id == id)
                return &node;
        }
        return nullptr;
    };
    QStringList nodeIds;
    for (const NodeSpec &node : pipeline.nodes)
        nodeIds.append(node.id);
    QStringList seen;
    for (const SweepParam &param : params) {
        const QString where = param.origin.isEmpty()
                                  ? u"--param "_s + param.key() + u'=' + param.specText()
                                  : param.origin;
        if (seen.contains(param.key()))
            return makeError(ErrorCode::Invalid,
                             tr("%1: %2 is swept twice.").arg(where, param.key()));
        seen.append(param.key());
        const NodeSpec *node = nodeOf(param.node);
        if (!node)
            return makeError(ErrorCode::Invalid,
                             tr("%1: the pipeline has no node \"%2\" (its "
                                "nodes: %3).")
                                 .arg(where, param.node, nodeIds.join(u", "_s)));
        auto spec = library.resolve(node->templateRef);
        if (!spec)
            return makeError(ErrorCode::Invalid, tr("%1: %2").arg(where, spec.error().message));
        const ParamSpec *schema = spec->param(param.param);
        if (!schema) {
            QStringList names;
            for (const ParamSpec &p : spec->params)
                names.append(p.name);
            return makeError(
                ErrorCode::Invalid,
                tr("%1: node %2 (%3) has no parameter \"%4\" (it has: %5).")
                    .arg(where, param.node, spec->ref(), param.param, names.join(u", "_s)));
        }
        if (const QString why = param.misfit(*schema); !why.isEmpty())
            return makeError(ErrorCode::Invalid, tr("%1: %2.").arg(where, why));
    }
    if (!nodeOf(objectiveNode))
        return makeError(ErrorCode::Invalid,
                         tr("--objective %1.%2: the pipeline has no node \"%1\" (its nodes: %3).")
                             .arg(objectiveNode, objectiveMetric, nodeIds.join(u", "_s)));
    if (sampler == u"grid"_s) {
        for (const SweepParam &param : params) {
            if (param.kind == SweepParam::Kind::Float || param.kind == SweepParam::Kind::LogFloat)
                return makeError(ErrorCode::Invalid,
                                 tr("--param %1: the grid sampler takes int(…) and choice(…) "
                                    "only; a float range has no grid.")
                                     .arg(param.key() + u'=' + param.specText()));
        }
    }
    return {};
}

bool SweepConfig::isValidName(const QString &name)
{
    static const QRegularExpression form(uR"(^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$)"_s);
    return form.match(name).hasMatch();
}

} // namespace atelier
