#pragma once

#include "commandline.h"

namespace atelier {

struct DatasetInfo;

/// `atelier dataset import|list|show|export|version|formats|remove …`
int runDatasetCommand(const Invocation &invocation);

/// What an incomplete dataset (an import killed or failed half-way) lacks and what to do.
QString incompleteDatasetNote(const DatasetInfo &dataset);

} // namespace atelier
