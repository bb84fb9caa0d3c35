#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier runs list|show|logs|stop …`
int runRunsCommand(const Invocation &invocation);

} // namespace atelier
