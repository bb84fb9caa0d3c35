#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier pool list|check|remove|add-slurm …`
int runPoolCommand(const Invocation &invocation);

} // namespace atelier
