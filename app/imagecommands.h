#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier image list|inspect|import|build|remove|pull …`: the container images tasks may run
/// in, through podman. Images belong to the machine (podman's store), not to a workspace.
int runImageCommand(const Invocation &invocation);

} // namespace atelier
