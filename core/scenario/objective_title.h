#pragma once
// The title the views give an objective: its registry title and parameters. No Qt, no VTK.
#include <string>

#include "core/scenario/scenario.h"

namespace gradscape {

// "Rosenbrock (a=1, b=100)"; with many parameters only those that differ from their defaults
// ("Two-layer MLP classifier (dataset=xor, width=32)"); choices by name.
std::string objectiveTitle(const ObjectiveSpec& spec);

}  // namespace gradscape
