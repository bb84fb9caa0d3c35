#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier model register|list|show|alias|validate|compare|deploy|undeploy|predict …`
int runModelCommand(const Invocation &invocation);

} // namespace atelier
