#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier sweep run|list|show|stop|resume …`: hyperparameter search with Optuna.
int runSweepCommand(const Invocation &invocation);

} // namespace atelier
