#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace atelier {

struct NodeSpec;
struct PipelineDocument;
struct TemplateSpec;
class TemplateLibrary;

/// One problem, located at a node (and field) or an edge.
struct ValidationIssue
{
    QString node;  ///< the node at fault, or empty
    int edge = -1; ///< index in PipelineDocument::edges, or -1
    QString field; ///< e.g. "params.n_estimators", "template", "to"
    QString message;

    /// "node train, params.n_estimators: must be between 1 and 5000 (got 0)".
    QString toString() const;
};

/// Checks a pipeline against the templates it uses: everything that can be known before a run.
class PipelineValidator final
{
    Q_DECLARE_TR_FUNCTIONS(PipelineValidator)

public:
    /// Every problem, in document order: ids, templates and versions, params (unknown, missing,
    /// type, range, choice, regex), resources, edges (dangling, unknown port, incompatible
    /// types, two links into one input), unconnected required inputs, unknown variables, cycles.
    static QList<ValidationIssue> validate(const PipelineDocument &doc,
                                           const TemplateLibrary &library);
    /// Why \a value does not fit one field of a node of template \a spec in \a doc, or an
    /// empty string: "params.<name>" (unknown param, type, required, range, choices, regex,
    /// {{variables}} the pipeline does not define), "resources.<cpus|memory_mb|gpus>",
    /// "retries" and "timeout_s" (whole numbers, 0 or more). An undefined \a value means
    /// "not set" (a required param without a default is then refused). validate() uses it.
    static QString checkField(const PipelineDocument &doc, const TemplateSpec &spec,
                              const QString &field, const QJsonValue &value);
    /// Why \a node's distributed strategy and processes per node do not fit \a spec, or an empty
    /// string: an unknown strategy, one the template does not support, several processes per
    /// node without a strategy.
    static QString checkDistributed(const NodeSpec &node, const TemplateSpec &spec);
    /// Node ids in an order where every node comes after its upstream nodes (Kahn; ties keep
    /// document order). Refuses a cycle, naming the nodes on it.
    static Result<QStringList> topologicalOrder(const PipelineDocument &doc);
    /// The nodes of one cycle, in link order with the first repeated at the end; empty if none.
    static QStringList findCycle(const PipelineDocument &doc);
};

} // namespace atelier
