#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier scheduler [--once] [--interval S]`: starts the scheduled runs of a workspace's
/// pipelines as they fall due (what the application does while it is open), headless.
int runSchedulerCommand(const Invocation &invocation);

} // namespace atelier
