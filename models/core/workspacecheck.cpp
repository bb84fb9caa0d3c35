#include "core/workspacecheck.h"

#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"

#include <algorithm>

namespace atelier {

Result<WorkspaceCheck> WorkspaceCheck::run(Workspace &workspace, bool repair)
{
    WorkspaceCheck check;
    auto checked = workspace.verifyObjects();
    if (!checked)
        return checked.error();
    check.problems = checked.value();

    auto found = workspace.strayObjects();
    if (!found)
        return found.error();
    check.strays = found.value();
    if (repair) {
        auto done = workspace.removeStrayObjects(check.strays);
        if (!done)
            return done.error();
        check.removed = done.value();
        check.strays.removeIf([&](const StrayObject &stray) {
            return std::any_of(check.removed.cbegin(), check.removed.cend(),
                               [&](const StrayObject &r) { return r.path == stray.path; });
        });
    }

    DatasetContext context(workspace.catalog(), workspace.root());
    auto datasets = DatasetCatalog(context).datasets();
    if (!datasets)
        return datasets.error();
    for (const DatasetInfo &dataset : datasets.value()) {
        if (dataset.incomplete())
            check.incomplete.append(dataset);
    }
    return check;
}

} // namespace atelier
