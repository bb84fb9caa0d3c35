#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace atelier {

struct PipelineDocument;
class TemplateLibrary;

/// One problem, located at a node (and field) or an edge.
struct ValidationIssue
{
    QString node;   ///< the node at fault, or empty
    int edge = -1;  ///< index in PipelineDocument::edges, or -1
    QString field;  ///< e.g. "params.n_estimators", "template", "to"
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
    /// Node ids in an order where every node comes after its upstream nodes (Kahn; ties keep
    /// document order). Refuses a cycle, naming the nodes on it.
    static Result<QStringList> topologicalOrder(const PipelineDocument &doc);
    /// The nodes of one cycle, in link order with the first repeated at the end; empty if none.
    static QStringList findCycle(const PipelineDocument &doc);
};

} // namespace atelier
