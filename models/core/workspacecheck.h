#pragma once

#include "core/result.h"
#include "core/workspace.h"
#include "datasets/datasettypes.h"

#include <QList>

namespace atelier {

/// What a deep check of a workspace found (`atelier info --verify [--repair]`): stored
/// objects that are missing or damaged, object files the catalog does not list (left by an
/// import killed before its batch committed), and datasets whose import stopped half-way.
struct WorkspaceCheck
{
    QList<ObjectProblem> problems; ///< stored objects missing or damaged
    QList<StrayObject> strays;     ///< files the catalog does not list, still there
    QList<StrayObject> removed;    ///< files the catalog did not list, removed by the repair
    QList<DatasetInfo> incomplete; ///< datasets whose import stopped half-way

    /// Re-hashes every stored object, finds the stray files and, with \a repair, removes
    /// those removeStrayObjects() may remove (not changed within the last hour); lists the
    /// incomplete datasets, which a repair leaves to the user. Blocking (reads every object).
    static Result<WorkspaceCheck> run(Workspace &workspace, bool repair);
};

} // namespace atelier
