#pragma once
#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

// Every objective, in the order the GUI and `gradscape-cli list` show them.
const Registry<Objective>& objectiveRegistry();

}  // namespace gradscape
