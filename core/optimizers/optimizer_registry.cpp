#include "core/optimizers/optimizer_registry.h"

#include "core/optimizers/sgd.h"

namespace gradscape {

const Registry<Optimizer>& optimizerRegistry() {
  static const Registry<Optimizer> registry({
      sgdEntry(),
  });
  return registry;
}

}  // namespace gradscape
