#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHashFunctions>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <optional>

namespace atelier {

/// One node: a template with its params and execution settings.
struct NodeSpec
{
    QString id;          ///< unique in the pipeline; [A-Za-z_][A-Za-z0-9_-]*
    QString name;        ///< display name; the id when empty
    QString templateRef; ///< "id@version" or "id"
    QJsonObject params;
    QJsonObject resources; ///< overrides of the template's {"cpus", "memory_mb", "gpus"}
    int retries = 0;
    int timeoutS = 0; ///< 0: none
    bool skip = false;
    QString pool;            ///< empty: the run's pool
    QJsonObject environment; ///< {"image", "network"} (EnvironmentSpec); empty: the pipeline's
    /// A distributed training strategy ("pytorch-ddp"); empty: one process. The processes
    /// come from resources.nodes × resources.processes_per_node.
    QString distributed = {}; // (an initializer: aggregate initializations may leave it out)

    bool operator==(const NodeSpec &) const = default;
};

/// A link from one node's output port to another node's input port ("a.out" → "b.in").
struct EdgeSpec
{
    QString fromNode;
    QString fromPort;
    QString toNode;
    QString toPort;

    QString fromText() const { return fromNode + u'.' + fromPort; }
    QString toText() const { return toNode + u'.' + toPort; }
    bool operator==(const EdgeSpec &) const = default;
};

inline size_t qHash(const EdgeSpec &edge, size_t seed = 0) noexcept
{
    return qHashMulti(seed, edge.fromNode, edge.fromPort, edge.toNode, edge.toPort);
}

/// A sticky note on the canvas: free text at a place, not part of the run.
struct NoteSpec
{
    QString id; ///< unique among notes and nodes ("note-1")
    QString text;
    QPointF pos; ///< top-left corner, scene coordinates
    QSizeF size{200, 120};

    bool operator==(const NoteSpec &) const = default;
};

/// When a pipeline runs by itself.
struct ScheduleSpec
{
    QString cron;
    QDateTime start; ///< UTC; no run is due before it
    bool catchup = false;
    int maxActiveRuns = 1;
    bool dependsOnPast = false;
    int keepLast = 0; ///< 0: keep every run folder

    bool operator==(const ScheduleSpec &) const = default;
};

/// The search space of a sweep saved with the pipeline ("sweep"): what `atelier sweep run
/// PIPELINE` uses when no --param is given. Only its shape is checked here; the SPEC texts and
/// their fit to the templates are SweepConfig's (models/sweeps).
struct SweepSection
{
    QMap<QString, QString> params; ///< "node.param" → SPEC text: float(0.1,1), choice(a,b), …
    QString objective;             ///< "node.metric"; empty: to be given on the command line
    QString direction;             ///< maximize or minimize; empty: the command line's
    int trials = 0;                ///< 0: the command line's
    QString sampler;               ///< tpe, random, grid, cmaes; empty: the command line's
    QString pruner;                ///< none, median, hyperband; empty: the command line's

    /// The section as the pipeline file holds it (fields left empty are left out).
    QJsonObject toJson() const;
    bool operator==(const SweepSection &) const = default;
};

/// The pipeline JSON of DESIGN.md (`repo/pipelines/<slug>.json`, format 1).
struct PipelineDocument
{
    Q_DECLARE_TR_FUNCTIONS(PipelineDocument)

public:
    static constexpr int kFormat = 1;

    QString name;
    QString description;
    QMap<QString, QString> variables;
    QList<NodeSpec> nodes;
    QList<EdgeSpec> edges;
    QJsonObject environment; ///< every node's default {"image", "network"}; empty: templates'
    std::optional<ScheduleSpec> schedule;
    QMap<QString, QPointF> layout; ///< node id → top-left corner of the node, scene coordinates
    QList<NoteSpec> notes;         ///< "notes": [{"id", "text", "pos": [x, y], "size": [w, h]}]
    std::optional<SweepSection> sweep; ///< "sweep": {"params": {…}, "objective", "direction", …}

    const NodeSpec *node(const QString &id) const;
    /// A file name made of the name: lower-case ASCII letters, digits and dashes (accents
    /// dropped); a name with none of those gets "pipeline-" and 8 hex digits of its hash.
    static QString slugFor(const QString &name);

    /// Reads the JSON; a malformed document is refused with the line, or the field, at fault.
    /// Semantic checks (templates, types, cycles) are validate()'s.
    static Result<PipelineDocument> fromJson(const QByteArray &json, const QString &source);
    static Result<PipelineDocument> load(const QString &path);
    /// Stable, indented JSON: the same document always gives the same bytes.
    QByteArray toJson() const;

    bool operator==(const PipelineDocument &) const = default;
};

} // namespace atelier
