#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace atelier {

struct PipelineDocument;

/// One structural difference between two versions of a pipeline.
struct PipelineChange
{
    enum class Kind { Added, Removed, Changed };
    enum class Subject { Node, Edge, Pipeline };
    Kind kind = Kind::Changed;
    Subject subject = Subject::Node;
    QString id;          ///< node id, "a.out → b.in", or the pipeline field
    QStringList details; ///< for Changed: "params.n_estimators: 100 → 200", …

    QString toString() const;
};

/// Nodes, params, settings and edges added, removed or changed from \a before to \a after.
/// Positions on the canvas are not structure and are left out.
class PipelineDiff final
{
    Q_DECLARE_TR_FUNCTIONS(PipelineDiff)

public:
    static QList<PipelineChange> compare(const PipelineDocument &before,
                                         const PipelineDocument &after);
};

} // namespace atelier
