#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier dataset import|list|show|export|version|formats|remove …`
int runDatasetCommand(const Invocation &invocation);

} // namespace atelier
