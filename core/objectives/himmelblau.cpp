#include "core/objectives/himmelblau.h"

namespace gradscape {

double Himmelblau::f(double x, double y) const {
  const double u = x * x + y - 11.0, v = x + y * y - 7.0;
  return u * u + v * v;
}

Grad2 Himmelblau::grad(double x, double y) const {
  const double u = x * x + y - 11.0, v = x + y * y - 7.0;
  return {4.0 * x * u + 2.0 * v, 2.0 * u + 4.0 * y * v};
}

Hess2 Himmelblau::hess(double x, double y) const {
  return {12.0 * x * x + 4.0 * y - 42.0, 4.0 * (x + y), 12.0 * y * y + 4.0 * x - 26.0};
}

std::vector<Vec> Himmelblau::minimizers() const {
  // (3, 2) is exact; the other three are roots of the gradient polished by Newton's method
  // in double precision.
  return {point(3.0, 2.0), point(-2.805118086952745, 3.131312518250573),
          point(-3.779310253377747, -3.2831859912861696),
          point(3.5844283403304917, -1.8481265269644034)};
}

RegistryEntry<Objective> himmelblauEntry() {
  return {"himmelblau",
          "Himmelblau",
          "(x^2 + y - 11)^2 + (x + y^2 - 7)^2, four minima of value 0",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<Himmelblau>();
          }};
}

}  // namespace gradscape
