#include "core/objectives/three_hump_camel.h"

namespace gradscape {

double ThreeHumpCamel::f(double x, double y) const {
  const double x2 = x * x;
  return x2 * (2.0 - 1.05 * x2 + x2 * x2 / 6.0) + x * y + y * y;
}

Grad2 ThreeHumpCamel::grad(double x, double y) const {
  const double x2 = x * x;
  return {x * (4.0 - 4.2 * x2 + x2 * x2) + y, x + 2.0 * y};
}

Hess2 ThreeHumpCamel::hess(double x, double) const {
  const double x2 = x * x;
  return {4.0 - 12.6 * x2 + 5.0 * x2 * x2, 1.0, 2.0};
}

RegistryEntry<Objective> threeHumpCamelEntry() {
  return {"three_hump_camel",
          "Three-hump camel",
          "2x^2 - 1.05x^4 + x^6/6 + xy + y^2, minimum 0 at (0, 0)",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<ThreeHumpCamel>();
          }};
}

}  // namespace gradscape
