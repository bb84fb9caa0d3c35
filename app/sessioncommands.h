#pragma once

#include "commandline.h"

namespace atelier {

/// `atelier session start|list|show|stop|restart|logs|open …` (issue #18), and the hidden
/// `session supervise ID` (the process that looks after a session) and `session jail …` (the
/// read-only mounts, inside the server's mount namespace).
int runSessionCommand(const Invocation &invocation);

} // namespace atelier
