#pragma once

#include "cliutil.h"

namespace atelier {

class Workspace;

/// `model deploy|undeploy|predict|services`: the serving half of the model command.
/// \a sub is parsed; positional()[0] is the action. Returns the exit code.
int runServingAction(SubcommandParser &sub, Workspace &workspace);
/// The options the serving actions take, added to the model command's parser.
void addServingOptions(SubcommandParser &sub);

} // namespace atelier
