#pragma once

#include "core/result.h"
#include "pipeline/pipelinedocument.h"

#include <QString>

namespace atelier {

/// Generated pipelines for benchmarks and tests: valid DAGs of shell, python and "gather"
/// nodes with a given number of nodes and links, laid out by AutoLayout.
class GraphGenerator final
{
public:
    /// The reference of the generator's own template: a bash script with 8 optional "any"
    /// inputs (in1 … in8) and one directory output, so that a node can take several links
    /// (shell and python take one each).
    static QString gatherTemplateRef();
    /// Writes the gather template as \a dir/bench-gather/template.json; add \a dir to a
    /// TemplateLibrary beside the built-in one.
    static Status writeTemplates(const QString &dir);
    /// \a nodes nodes (ids n0 … ; shell, python and gather) and \a edges links, every link from
    /// a lower to a higher node number (a DAG), each input linked at most once, port types
    /// compatible. Fewer links when \a edges exceeds the free inputs. Same seed, same document.
    static PipelineDocument generate(int nodes, int edges, quint32 seed);
};

/// GraphGenerator::generate().
inline PipelineDocument generateGraph(int nodes, int edges, quint32 seed)
{
    return GraphGenerator::generate(nodes, edges, seed);
}

} // namespace atelier
