#include "core/objectives/saddle.h"

namespace gradscape {

RegistryEntry<Objective> saddleEntry() {
  return {
      "saddle",
      "Saddle",
      "x^2 - y^2, a strict saddle at (0, 0), unbounded below",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<Saddle>(); }};
}

}  // namespace gradscape
