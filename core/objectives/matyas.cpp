#include "core/objectives/matyas.h"

namespace gradscape {

double Matyas::f(double x, double y) const {
  return 0.26 * (x * x + y * y) - 0.48 * x * y;
}

Grad2 Matyas::grad(double x, double y) const {
  return {0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x};
}

RegistryEntry<Objective> matyasEntry() {
  return {
      "matyas",
      "Matyas",
      "0.26 (x^2 + y^2) - 0.48 x y, minimum 0 at (0, 0)",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<Matyas>(); }};
}

}  // namespace gradscape
