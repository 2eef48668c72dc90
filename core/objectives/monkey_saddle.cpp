#include "core/objectives/monkey_saddle.h"

namespace gradscape {

RegistryEntry<Objective> monkeySaddleEntry() {
  return {"monkey_saddle",
          "Monkey saddle",
          "x^3 - 3 x y^2, a degenerate saddle at (0, 0), unbounded below",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<MonkeySaddle>();
          }};
}

}  // namespace gradscape
