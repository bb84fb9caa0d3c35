#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace atelier {

struct ParamSpec;
struct PipelineDocument;
struct SweepSection;
class TemplateLibrary;

/// One swept parameter: `NODE.PARAM=float(LO,HI)`, `logfloat(LO,HI)`, `int(LO,HI[,STEP])` or
/// `choice(A,B,…)`.
struct SweepParam
{
    enum class Kind { Float, LogFloat, Int, Choice };
    QString node;
    QString param;
    Kind kind = Kind::Float;
    double low = 0;
    double high = 0;
    qint64 step = 1;    ///< int only
    QJsonArray choices; ///< choice only: numbers for numeric params, else strings / bools
    QString origin;     ///< where it was written, for errors: "--param …" or the pipeline's field

    /// "node.param", the parameter's name in the Optuna study.
    QString key() const { return node + u'.' + param; }
    /// The distribution as the sweep driver reads it ({"kind", "low", "high", …}).
    QJsonObject toDriverJson() const;
    /// The SPEC text again: float(0.1,1).
    QString specText() const;
    /// Why this range or these choices do not fit \a schema (the template's type, range,
    /// choices), or an empty string. The one check behind SweepConfig::check() and the canvas.
    QString misfit(const ParamSpec &schema) const;
};

/// Everything a sweep was started with; kept in sweeps/NAME/sweep.json so resume needs no flags.
struct SweepConfig
{
    Q_DECLARE_TR_FUNCTIONS(SweepConfig)

public:
    QString name;
    QString pipeline; ///< as given to `sweep run`: a saved pipeline's slug or a file
    QList<SweepParam> params;
    QString objectiveNode;
    QString objectiveMetric;
    QString direction = QStringLiteral("maximize");
    int trials = 20;
    int parallel = 1;
    QString sampler = QStringLiteral("tpe");
    QString pruner = QStringLiteral("none");
    int timeoutS = 0; ///< 0: none; no trial starts after this many seconds of the sweep
    std::optional<qint64> seed;
    QString pool; ///< empty: local

    QJsonObject toJson() const;
    static Result<SweepConfig> fromJson(const QJsonObject &object);

    /// Parses `NODE.PARAM=SPEC` (the text of one --param); the error starts with \a origin,
    /// by default "--param ARGUMENT".
    static Result<SweepParam> parseParam(const QString &argument, const QString &origin = {});
    /// Takes the search space saved in a pipeline (its "sweep" section) from \a pipeline,
    /// a file or slug shown in errors: its params (replacing any), and the objective,
    /// direction, trials, sampler and pruner it sets. Errors name the section's field.
    Status applySection(const SweepSection &section, const QString &pipeline);
    /// Parses `NODE.METRIC` into objectiveNode / objectiveMetric.
    Status setObjective(const QString &argument);
    /// Checks the sweep against \a pipeline and its templates before anything runs: every
    /// swept node and param exists, ranges and choices fit the template's schema, the
    /// objective node exists, the sampler can take the space. Each error names its --param.
    Status check(const PipelineDocument &pipeline, const TemplateLibrary &library) const;
    /// True when \a name can be a folder name under sweeps/ (letters, digits, - _ .).
    static bool isValidName(const QString &name);
};

} // namespace atelier
