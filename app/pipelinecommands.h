#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier pipeline validate|run|list|save|history|diff|restore …`
int runPipelineCommand(const Invocation &invocation);

} // namespace atelier
