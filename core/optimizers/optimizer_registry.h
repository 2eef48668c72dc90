#pragma once
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

// Every optimizer, in the order the GUI and `gradscape-cli list` show them.
const Registry<Optimizer>& optimizerRegistry();

}  // namespace gradscape
