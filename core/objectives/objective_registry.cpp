#include "core/objectives/objective_registry.h"

#include "core/objectives/rosenbrock.h"

namespace gradscape {

const Registry<Objective>& objectiveRegistry() {
  static const Registry<Objective> registry({
      rosenbrockEntry(),
  });
  return registry;
}

}  // namespace gradscape
